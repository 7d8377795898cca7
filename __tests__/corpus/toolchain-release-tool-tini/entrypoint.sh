#!/bin/bash
set -euo pipefail
cd "${INPUT_WORKDIR:-.}"
exec go build -o dist/ ./...
