#!/usr/bin/env bash
# Make a Docker engine with buildx available, or explain why it cannot be.
# Does nothing where `docker info` and `docker buildx version` already work
# (a laptop, a GitHub runner). Otherwise, on Debian as root: installs Debian's
# Docker engine, takes the docker-buildx plugin from Debian's next release
# (the suite name swapped in the machine's own apt sources, kept in a private
# apt state directory), starts dockerd in the background and waits for it.
# Idempotent.
set -euo pipefail

log() { printf 'ensure-docker: %s\n' "$*" >&2; }
have_engine() { docker info >/dev/null 2>&1; }
have_buildx() { docker buildx version >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1 && have_engine && have_buildx; then
  log "docker engine and buildx already available"
  exit 0
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  log "no working Docker engine with buildx, and this is not Debian as root: install Docker and buildx, then rerun"
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt_updated=""
apt_update_once() { [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }; }

if ! command -v dockerd >/dev/null 2>&1; then
  log "installing Debian's docker.io"
  apt_update_once
  apt-get install -y -qq --no-install-recommends docker.io iptables ca-certificates >/dev/null
fi

plugin_dirs="/usr/libexec/docker/cli-plugins /usr/local/lib/docker/cli-plugins /usr/lib/docker/cli-plugins"
find_buildx() { for d in $plugin_dirs; do [ -x "$d/docker-buildx" ] && { echo "$d/docker-buildx"; return 0; }; done; return 1; }

if ! find_buildx >/dev/null; then
  log "installing docker-buildx from Debian's next release"
  # Our own suite (bookworm) -> the next one (trixie), on the same mirror.
  . /etc/os-release
  next=""
  case "${VERSION_CODENAME:-}" in
    bookworm) next=trixie ;;
    trixie) next=forky ;;
  esac
  state=/var/tmp/go-image-budget-apt
  mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/sources"
  if [ -n "$next" ] && apt-cache policy docker-buildx 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt_update_once
    apt-get install -y -qq --no-install-recommends docker-buildx >/dev/null
  elif [ -n "$next" ]; then
    src="$state/sources/next.sources"
    : > "$src"
    # Derive the next suite's source from every deb822 or one-line source of the main suite.
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -f "$f" ] || continue
      awk -v cur="$VERSION_CODENAME" -v nxt="$next" '
        /^Suites:/ { if ($0 ~ ("(^| )" cur "( |$)")) { print "Suites: " nxt; keep=1 } else { print; keep=0 } next }
        { print }' "$f" | awk 'BEGIN{RS="";ORS="\n\n"} /Suites: /{ if ($0 ~ /-security|-updates/) next; print }' >> "$src"
    done
    if [ -f /etc/apt/sources.list ]; then
      grep -E "^deb[[:space:]].*[[:space:]]$VERSION_CODENAME[[:space:]]" /etc/apt/sources.list \
        | sed -E "s/[[:space:]]$VERSION_CODENAME[[:space:]]/ $next /" > "$state/sources/next.list" || true
    fi
    opts=(-o "Dir::State=$state" -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache"
          -o "Dir::Etc::SourceList=$state/sources/next.list" -o "Dir::Etc::SourceParts=$state/sources"
          -o "Dir::State::status=/var/lib/dpkg/status" -o "APT::Get::List-Cleanup=0")
    [ -s "$state/sources/next.list" ] || : > "$state/sources/next.list"
    apt-get "${opts[@]}" update -qq
    dl=$(mktemp -d)
    (cd "$dl" && chmod 755 "$dl" && apt-get "${opts[@]}" download docker-buildx >/dev/null) \
      || { log "could not download docker-buildx from $next"; exit 1; }
    deb=$(find "$dl" -name 'docker-buildx_*.deb' | head -n1)
    # The plugin is a static Go binary; take it out of the package so nothing of trixie's libc is pulled in.
    tmp=$(mktemp -d)
    dpkg-deb -x "$deb" "$tmp"
    bin=$(find "$tmp" -path '*/cli-plugins/docker-buildx' -type f | head -n1)
    install -D -m 0755 "$bin" /usr/libexec/docker/cli-plugins/docker-buildx
    rm -rf "$tmp" "$dl"
  else
    log "no known next Debian release for '${VERSION_CODENAME:-unknown}': install docker-buildx by hand"
    exit 1
  fi
fi

# A client outside /usr/bin (e.g. a newer one in /usr/local/bin) looks in its own plugin dirs too.
bx=$(find_buildx)
for d in /usr/local/lib/docker/cli-plugins; do
  [ -e "$d/docker-buildx" ] || { mkdir -p "$d"; ln -sf "$bx" "$d/docker-buildx"; }
done

if ! have_engine; then
  log "starting dockerd"
  mkdir -p /var/log
  nohup dockerd >/var/log/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do have_engine && break; sleep 1; done
  have_engine || { log "dockerd did not answer within 60 s; last lines of /var/log/dockerd.log:"; tail -n 20 /var/log/dockerd.log >&2; exit 1; }
fi
have_buildx || { log "docker buildx does not run"; exit 1; }
log "ready: $(docker version --format 'engine {{.Server.Version}}, client {{.Client.Version}}') , buildx $(docker buildx version | awk '{print $2}')"
