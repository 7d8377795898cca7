#!/usr/bin/env bash
# Make the Docker engines the tests and the demo run on available, as GitHub's
# runners have them, or explain why it cannot be done.
#
#   bash scripts/ensure-docker.sh                    the default engine (default socket)
#   bash scripts/ensure-docker.sh --containerd-store a second engine with the containerd
#                                                    image store; prints DOCKER_HOST=… last
#
# Where an engine with buildx already answers (a laptop, a GitHub runner), it is
# used as it is. Otherwise, on Debian as root: Docker Engine 28+, buildx and
# containerd 2 are taken from the first Debian suite that has them (this
# machine's suite, then the later ones, looked up with apt-cache policy in a
# private apt state; their binaries need only libc6 >= 2.34), unpacked into
# $ENGINE_DIR, and started:
#   - default: dockerd on /var/run/docker.sock with the overlay2 graph driver
#     (the classic store, as ubuntu-latest runs it) and its own managed containerd;
#   - --containerd-store: its own containerd (config, root, state, socket), a
#     dockerd with the containerd image store (Docker 29's default) on its own
#     socket, pidfile, data-root, exec-root and bridge. Never `--bridge none`:
#     that deletes the host's docker0 and breaks the first engine's builds.
# Both engines use the local registry (scripts/registry.sh, 127.0.0.1:5000) as
# their Docker Hub mirror, so stand-in base images arrive as real pulls.
# Idempotent; concurrent callers wait on a lock.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/apt-suite.sh

MODE=default
case "${1:-}" in
  "") ;;
  --containerd-store) MODE=containerd-store ;;
  *) echo "usage: bash scripts/ensure-docker.sh [--containerd-store]" >&2; exit 2 ;;
esac

ENGINE_DIR=${GO_IMAGE_BUDGET_ENGINE_DIR:-/usr/local/lib/go-image-budget/engine}
MIRROR=${GO_IMAGE_BUDGET_MIRROR:-http://127.0.0.1:5000}
# The second engine: everything of its own.
CS_RUN=/run/go-image-budget-cs
CS_SOCK=$CS_RUN/docker.sock
CS_DATA=/var/lib/go-image-budget-cs
CS_BRIDGE=gib-cs0
CS_BRIDGE_CIDR=10.213.77.1/24
WANT_ENGINE_MAJOR=28

log() { printf 'ensure-docker: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
answers() { docker ${1:+-H "$1"} info >/dev/null 2>&1; }
have_buildx() { docker buildx version >/dev/null 2>&1; }
engine_line() { docker ${1:+-H "$1"} version --format 'engine {{.Server.Version}}' 2>/dev/null; }
store_of() { docker ${1:+-H "$1"} info --format '{{range .DriverStatus}}{{if eq (index . 0) "driver-type"}}{{index . 1}}{{end}}{{end}} {{.Driver}}' 2>/dev/null; }

wait_for() {
  local host=$1 logfile=$2 i
  for i in $(seq 1 90); do answers "$host" && return 0; sleep 1; done
  log "the engine on ${host:-the default socket} did not answer within 90 s; last lines of $logfile:"
  tail -n 20 "$logfile" >&2 || true
  return 1
}

need_root_debian() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
    || die "no working Docker engine with buildx, and this is not Debian as root: install Docker (28 or newer) and buildx, then rerun"
}

# Docker's binaries in $ENGINE_DIR/bin, from the first suite with docker.io >= 28.
install_engine() {
  [ -x "$ENGINE_DIR/bin/dockerd" ] && [ -x "$ENGINE_DIR/bin/containerd" ] && [ -x "$ENGINE_DIR/bin/docker-buildx" ] && return 0
  need_root_debian
  local suite="" s v dl tmp deb
  for s in $(suite_chain); do
    v=$(suite_candidate "$s" docker.io)
    if [ -n "$v" ] && [ "${v%%.*}" -ge "$WANT_ENGINE_MAJOR" ] 2>/dev/null; then suite=$s; break; fi
    log "Debian $s has docker.io ${v:-none}; looking further"
  done
  [ -n "$suite" ] || die "no Debian suite on this machine's mirror has docker.io $WANT_ENGINE_MAJOR or newer: install Docker Engine by hand"
  log "Debian $suite: docker.io $(suite_candidate "$suite" docker.io), docker-buildx $(suite_candidate "$suite" docker-buildx), containerd $(suite_candidate "$suite" containerd)"
  dl=$(mktemp -d); tmp=$(mktemp -d)
  suite_download "$suite" "$dl" docker.io docker-cli docker-buildx containerd || die "could not download Docker's packages from Debian $suite"
  for deb in "$dl"/*.deb; do dpkg-deb -x "$deb" "$tmp"; done
  mkdir -p "$ENGINE_DIR/bin.new"
  for f in usr/sbin/dockerd usr/sbin/docker-proxy usr/bin/docker usr/bin/containerd usr/bin/containerd-shim-runc-v2 usr/bin/ctr \
           usr/libexec/docker/cli-plugins/docker-buildx; do
    [ -f "$tmp/$f" ] || die "Debian $suite's packages have no $f"
    install -m 0755 "$tmp/$f" "$ENGINE_DIR/bin.new/$(basename "$f")"
  done
  rm -rf "$ENGINE_DIR/bin" "$dl" "$tmp"
  mv "$ENGINE_DIR/bin.new" "$ENGINE_DIR/bin"
  # runc and iptables from this machine's own suite (runc 1.1 runs these engines).
  local missing=()
  command -v runc >/dev/null 2>&1 || missing+=(runc)
  command -v iptables >/dev/null 2>&1 || missing+=(iptables)
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
  fi
}

# The docker client and the buildx plugin where the client looks for them.
install_client() {
  command -v docker >/dev/null 2>&1 || ln -sf "$ENGINE_DIR/bin/docker" /usr/local/bin/docker
  if ! have_buildx; then
    mkdir -p /usr/local/lib/docker/cli-plugins
    ln -sf "$ENGINE_DIR/bin/docker-buildx" /usr/local/lib/docker/cli-plugins/docker-buildx
  fi
  have_buildx || die "docker buildx does not run ($(docker buildx version 2>&1 | tail -n1))"
}

default_engine() {
  if command -v docker >/dev/null 2>&1 && answers && have_buildx; then
    log "ready: $(engine_line), store $(store_of), buildx $(docker buildx version | awk '{print $2}') (already running)"
    return 0
  fi
  need_root_debian
  install_engine
  install_client
  if ! answers; then
    local conf=$ENGINE_DIR/daemon.json logfile=/var/log/go-image-budget-dockerd.log
    cat > "$conf" <<EOF
{
  "storage-driver": "overlay2",
  "features": { "containerd-snapshotter": false },
  "registry-mirrors": ["$MIRROR"]
}
EOF
    log "starting dockerd $("$ENGINE_DIR/bin/dockerd" --version | awk '{print $3}' | tr -d ,) (overlay2 graph driver)"
    PATH="$ENGINE_DIR/bin:$PATH" nohup setsid "$ENGINE_DIR/bin/dockerd" --config-file "$conf" >>"$logfile" 2>&1 </dev/null 8>&- &
    wait_for "" "$logfile"
  fi
  log "ready: $(engine_line), store $(store_of), buildx $(docker buildx version | awk '{print $2}')"
}

# The binaries for a second engine: this machine's own (a runner's Docker 28+ and its
# containerd) when they are recent enough, else ours (installed from Debian when missing).
second_engine_bin() {
  local d c v
  d=$(command -v dockerd 2>/dev/null || true); c=$(command -v containerd 2>/dev/null || true)
  if [ ! -x "$ENGINE_DIR/bin/dockerd" ] && [ -n "$d" ] && [ -n "$c" ] && [ "$(dirname "$d")" = "$(dirname "$c")" ]; then
    v=$("$d" --version | awk '{print $3}' | tr -d ,)
    if [ "${v%%.*}" -ge "$WANT_ENGINE_MAJOR" ] 2>/dev/null; then ENGINE_BIN=$(dirname "$d"); return 0; fi
  fi
  need_root_debian
  install_engine
  install_client
  ENGINE_BIN=$ENGINE_DIR/bin
}

containerd_store_engine() {
  local host=unix://$CS_SOCK
  if answers "$host"; then
    log "ready: $(engine_line "$host"), store $(store_of "$host") on $host (already running)"
    echo "DOCKER_HOST=$host"
    return 0
  fi
  [ "$(id -u)" = 0 ] || die "starting a second engine needs root"
  second_engine_bin
  local ctr=$ENGINE_BIN/ctr
  [ -x "$ctr" ] || ctr=$(command -v ctr || echo "$ENGINE_BIN/ctr")
  mkdir -p "$CS_RUN" "$CS_DATA"
  local ctd_sock=$CS_RUN/containerd/containerd.sock ctd_log=/var/log/go-image-budget-cs-containerd.log
  if ! [ -S "$ctd_sock" ] || ! "$ctr" --address "$ctd_sock" version >/dev/null 2>&1; then
    mkdir -p "$CS_RUN/containerd" "$CS_DATA/containerd"
    # containerd 2 reads config version 3; 1.7 (a runner's) reads version 2.
    local cv config_version=3 disabled='"io.containerd.grpc.v1.cri", "io.containerd.cri.v1.images", "io.containerd.cri.v1.runtime", "io.containerd.internal.v1.tracing"'
    cv=$("$ENGINE_BIN/containerd" --version | awk '{print $3}' | sed 's/^v//')
    if [ "${cv%%.*}" = 1 ]; then config_version=2; disabled='"io.containerd.grpc.v1.cri"'; fi
    cat > "$CS_DATA/containerd.toml" <<EOF
version = $config_version
root = "$CS_DATA/containerd"
state = "$CS_RUN/containerd/state"
disabled_plugins = [$disabled]
[grpc]
  address = "$ctd_sock"
[ttrpc]
  address = "$ctd_sock.ttrpc"
[debug]
  address = "$CS_RUN/containerd/debug.sock"
[metrics]
  address = ""
EOF
    log "starting containerd $("$ENGINE_BIN/containerd" --version | awk '{print $3}') for the containerd-store engine"
    PATH="$ENGINE_BIN:$PATH" nohup setsid "$ENGINE_BIN/containerd" --config "$CS_DATA/containerd.toml" >>"$ctd_log" 2>&1 </dev/null 8>&- &
    for _ in $(seq 1 30); do "$ctr" --address "$ctd_sock" version >/dev/null 2>&1 && break; sleep 1; done
    "$ctr" --address "$ctd_sock" version >/dev/null 2>&1 || { tail -n 20 "$ctd_log" >&2; die "containerd for the containerd-store engine did not start"; }
  fi
  # A bridge of its own (the default engine keeps docker0).
  if ! ip link show "$CS_BRIDGE" >/dev/null 2>&1; then
    ip link add "$CS_BRIDGE" type bridge
    ip addr add "$CS_BRIDGE_CIDR" dev "$CS_BRIDGE"
  fi
  ip link set "$CS_BRIDGE" up
  cat > "$CS_DATA/daemon.json" <<EOF
{
  "features": { "containerd-snapshotter": true },
  "registry-mirrors": ["$MIRROR"]
}
EOF
  local logfile=/var/log/go-image-budget-cs-dockerd.log
  log "starting dockerd $("$ENGINE_BIN/dockerd" --version | awk '{print $3}' | tr -d ,) with the containerd image store on $host"
  PATH="$ENGINE_BIN:$PATH" nohup setsid "$ENGINE_BIN/dockerd" --config-file "$CS_DATA/daemon.json" \
    -H "$host" --pidfile "$CS_RUN/docker.pid" --data-root "$CS_DATA/docker" --exec-root "$CS_RUN/exec" \
    --containerd "$ctd_sock" --bridge "$CS_BRIDGE" --iptables=false --ip6tables=false \
    >>"$logfile" 2>&1 </dev/null 8>&- &
  wait_for "$host" "$logfile"
  log "ready: $(engine_line "$host"), store $(store_of "$host") on $host"
  echo "DOCKER_HOST=$host"
}

mkdir -p /var/tmp 2>/dev/null || true
lockdir=${TMPDIR:-/tmp}
exec 8>"$lockdir/go-image-budget-ensure-docker.lock"
flock -w 600 8 || die "another ensure-docker run held the lock for 10 minutes"
if [ "$MODE" = default ]; then default_engine; else containerd_store_engine; fi
