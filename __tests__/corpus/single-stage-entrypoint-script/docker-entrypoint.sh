#!/bin/sh
echo "entrypoint: $#"
exec ./app "$@"
