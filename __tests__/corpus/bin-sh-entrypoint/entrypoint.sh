echo "starting"
exec app "$@"
