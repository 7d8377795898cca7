#!/bin/sh
set -e
echo "wrapper: $GREETING"
exec "$@"
