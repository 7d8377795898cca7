#!/bin/sh
set -e
echo "relay starting"
exec "$@"
