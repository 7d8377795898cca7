#!/usr/bin/env bash
# Start a local OCI registry (Debian's docker-registry) on 127.0.0.1:5000, or
# confirm one already answers there. dockerd treats 127.0.0.0/8 as insecure by
# default, so `docker push 127.0.0.1:5000/name` works without configuration.
# Pushing to it gives the exact compressed layer sizes a real registry stores.
# Idempotent and safe to run concurrently (flock). Prints the address.
#
#   REGISTRY_ADDR  listen address (default 127.0.0.1:5000)
#   REGISTRY_DIR   config, storage and log directory (default /var/tmp/go-image-budget-registry)
set -euo pipefail

addr="${REGISTRY_ADDR:-127.0.0.1:5000}"
dir="${REGISTRY_DIR:-/var/tmp/go-image-budget-registry}"
log() { printf 'registry: %s\n' "$*" >&2; }
answers() { curl -fsS -o /dev/null --max-time 2 "http://$addr/v2/" 2>/dev/null; }

if answers; then
  log "already answering on $addr"
  echo "$addr"
  exit 0
fi

mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9
# Another run may have started it while we waited for the lock.
if answers; then echo "$addr"; exit 0; fi

binary=""
for candidate in docker-registry registry; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" --version 2>/dev/null | grep -qi registry; then
    binary="$candidate"
    break
  fi
done
if [ -z "$binary" ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "no registry binary and this is not Debian as root: install Debian's docker-registry (or run registry:2) on $addr"
    exit 1
  fi
  log "installing Debian's docker-registry"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends docker-registry >/dev/null 2>&1 || {
    apt-get update -qq && apt-get install -y -qq --no-install-recommends docker-registry >/dev/null
  }
  binary=docker-registry
fi

# The package's own service (started by systemd on a full Debian/Ubuntu) listens on :5000 with
# htpasswd auth, which would hold the port; ours, anonymous and on loopback, replaces it.
if [ "$(id -u)" = 0 ] && curl -sS -o /dev/null --max-time 2 "http://$addr/v2/" 2>/dev/null; then
  log "something else answers on $addr (the package's own service?); stopping docker-registry's service"
  systemctl stop docker-registry >/dev/null 2>&1 || service docker-registry stop >/dev/null 2>&1 || true
  sleep 1
fi

mkdir -p "$dir/storage"
cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: $addr
EOF

# Blobs no manifest names any more (the bench deletes its pushes' manifests)
# go before it serves: the registry collects garbage only while stopped.
"$binary" garbage-collect "$dir/config.yml" >>"$dir/registry.log" 2>&1 || log "garbage collection failed (see $dir/registry.log); serving anyway"
log "starting $binary on $addr (storage in $dir/storage)"
nohup setsid "$binary" serve "$dir/config.yml" >>"$dir/registry.log" 2>&1 </dev/null &
echo $! >"$dir/registry.pid"

for _ in $(seq 1 50); do
  if answers; then echo "$addr"; exit 0; fi
  if ! kill -0 "$(cat "$dir/registry.pid")" 2>/dev/null; then break; fi
  sleep 0.2
done
log "the registry did not answer on $addr; last log lines:"
tail -n 5 "$dir/registry.log" >&2 || true
exit 1
