#!/usr/bin/env bash
# Node 24, the action's own runtime (action.yml: `runs.using: node24`), runs
# the unit tests and the bundles' smoke test beside the machine's Node.
#
# Where `node` is already 24, or NODE24_BIN names a Node 24 binary (ci.yml sets
# it from setup-node), it runs them directly.
# Elsewhere Node 24 comes from the first later Debian suite that has it,
# through the project's private apt state (scripts/lib/apt-suite.sh: the
# machine's own mirror, the suite name swapped): nodejs and every package it
# needs (a newer glibc among them, so it cannot run on this system's
# libraries) are unpacked into a root filesystem, cached under $CACHE, and
# imported as a local Docker image labelled io.go-image-budget.tool=node24.
# The tests run in it with this checkout mounted at its own path; the smoke
# test reaches the host's engine through its socket, with the host's docker
# CLI and buildx plugin.
#
# Usage: bash scripts/node24.sh            unit tests, then the bundles
#        bash scripts/node24.sh unit       the unit tests only
#        bash scripts/node24.sh smoke      the bundles only
#        bash scripts/node24.sh node -v    any command with Node 24
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
CACHE=${GO_IMAGE_BUDGET_NODE24_CACHE:-/var/cache/go-image-budget/node24}
LABEL=io.go-image-budget.tool=node24
# What the tests call besides node: git (git.test.ts), setpriv and env (errors.test.ts), a shell and
# coreutils for scripts/smoke.sh.
PACKAGES=(nodejs git bash dash coreutils grep sed findutils util-linux base-files)

log() { printf 'node24: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# Every unit test but the two attribution oracles: they compare with Go toolchains, `go tool nm` and
# binutils that live on the host (npm test runs them there); the attribution itself runs on Node 24
# in the smoke test, whose images hold Go binaries.
unit='NODE_OPTIONS=--experimental-vm-modules node node_modules/jest/bin/jest.js --selectProjects unit --silent "^(?!.*attribution-(dwarf-)?oracle).*$"'
case "${1:-}" in
  '') commands=(bash -c "$unit && bash scripts/smoke.sh") ;;
  unit) commands=(bash -c "$unit") ;;
  smoke) commands=(bash scripts/smoke.sh) ;;
  *) commands=("$@") ;;
esac
# A container does not inherit the caller's niceness: a lowered priority becomes the lowest CPU weight.
priority=()
[ "$(nice)" -le 0 ] || priority=(--cpu-shares 2)

[ -n "${NODE24_BIN:-}" ] && PATH="$(dirname "$NODE24_BIN"):$PATH"
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = 24 ]; then
  log "the machine's node is $(node -v): running on it"
  exec "${commands[@]}"
fi

# shellcheck source=lib/apt-suite.sh
. scripts/lib/apt-suite.sh
suite=""
version=""
for candidate in $(suite_chain); do
  version=$(suite_candidate "$candidate" nodejs)
  case $version in 24.*) suite=$candidate; break ;; esac
done
[ -n "$suite" ] || die "no Debian suite after this one has nodejs 24 (checked: $(suite_chain | tr '\n' ' ')); install Node 24 and run this again"
image="go-image-budget/node24:${version//[^A-Za-z0-9_.-]/_}"

if [ -z "$(docker image ls -q "$image")" ]; then
  rootfs="$CACHE/rootfs-$version"
  if [ ! -x "$rootfs/usr/bin/node" ]; then
    log "unpacking nodejs $version and what it needs from $suite (once; cached in $CACHE)"
    suite_prepare "$suite" || die "cannot read the $suite suite's package lists"
    # Every package the tools need, recursively (alternatives included), named by real packages only.
    mapfile -t closure < <(apt-cache "${SUITE_OPTS[@]}" depends --recurse --no-recommends --no-suggests \
      --no-conflicts --no-breaks --no-replaces --no-enhances "${PACKAGES[@]}" 2>/dev/null | grep -v '^[ <]' | sort -u)
    [ ${#closure[@]} -gt 0 ] || die "apt-cache found no dependencies for ${PACKAGES[*]} in $suite"
    debs="$CACHE/debs-$version"
    rm -rf "$debs" "$rootfs.partial"
    suite_download "$suite" "$debs" "${closure[@]}" || die "downloading ${#closure[@]} packages from $suite failed"
    mkdir -p "$rootfs.partial"
    for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$rootfs.partial"; done
    # Maintainer scripts do not run: make what they would (the shell, a temp dir, root's home).
    ln -sf dash "$rootfs.partial/usr/bin/sh"
    mkdir -p "$rootfs.partial/tmp" "$rootfs.partial/root" "$rootfs.partial/etc"
    chmod 1777 "$rootfs.partial/tmp"
    printf 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' >"$rootfs.partial/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs.partial/etc/group"
    rm -rf "$debs"
    mv "$rootfs.partial" "$rootfs"
  fi
  log "importing $rootfs as $image"
  tar -C "$rootfs" -c . | docker import --change "LABEL $LABEL" --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
    --change 'ENV HOME=/root' - "$image" >/dev/null
fi

docker_cli=$(command -v docker)
buildx=""
for dir in /usr/local/lib/docker/cli-plugins /usr/libexec/docker/cli-plugins /usr/lib/docker/cli-plugins "$HOME/.docker/cli-plugins"; do
  [ -x "$dir/docker-buildx" ] && { buildx="$dir/docker-buildx"; break; }
done
[ -n "$buildx" ] || die "no docker-buildx plugin found for the smoke test"
socket=${DOCKER_HOST:-unix:///var/run/docker.sock}
socket=${socket#unix://}
log "running with node $(docker run --rm "$image" node -v) ($suite's nodejs $version): ${commands[*]}"
exec docker run --rm "${priority[@]}" --network host -v "$repo:$repo" -w "$repo" \
  -v "$socket:/var/run/docker.sock" -v "$docker_cli:/usr/local/bin/docker:ro" \
  -v "$buildx:/usr/local/lib/docker/cli-plugins/docker-buildx:ro" \
  -e CI -e FUZZ_SEED -e TZ "$image" "${commands[@]}"
