#!/usr/bin/env bash
# Removes what the demo and the tests leave behind on this machine, and nothing
# else: our stand-in images and the Node 24 image (by their labels) on both
# engines, the local registry (stopped, its data removed), the stand-ins' and
# Node 24's root filesystem cache, the private apt state, the layer-size cache,
# the Go toolchains, module proxy and built test programs, and the containerd-store engine
# (stopped, its data removed). The default engine keeps running; its build
# cache is pruned only with --build-cache. Images without our label are never
# touched.
#
#   bash scripts/clean.sh [--build-cache]
set -uo pipefail
LABEL=io.go-image-budget.stand-in=true
TOOL_LABEL=io.go-image-budget.tool=node24
CS_HOST=unix:///run/go-image-budget-cs/docker.sock
log() { printf 'clean: %s\n' "$*" >&2; }

for host in "" "$CS_HOST"; do
  docker ${host:+-H "$host"} info >/dev/null 2>&1 || continue
  ids=$( (docker ${host:+-H "$host"} images --filter "label=$LABEL" --quiet; docker ${host:+-H "$host"} images --filter "label=$TOOL_LABEL" --quiet) | sort -u)
  [ -z "$ids" ] || { docker ${host:+-H "$host"} rmi -f $ids >/dev/null && log "removed stand-ins and the Node 24 image on ${host:-the default engine}"; }
  [ "${1:-}" = --build-cache ] && docker ${host:+-H "$host"} buildx prune --all --force >/dev/null 2>&1 && log "pruned the build cache on ${host:-the default engine}"
done

# The containerd-store engine and its containerd, then their data and bridge.
if [ -f /run/go-image-budget-cs/docker.pid ]; then kill "$(cat /run/go-image-budget-cs/docker.pid)" 2>/dev/null && log "stopped the containerd-store engine"; sleep 3; fi
pkill -f 'containerd --config /var/lib/go-image-budget-cs/containerd.toml' 2>/dev/null && sleep 1
ip link delete gib-cs0 2>/dev/null
# dockerd leaves its data root bind-mounted when it is stopped: unmount first, deepest first.
for dir in /var/lib/go-image-budget-cs /run/go-image-budget-cs; do
  awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do umount "$m" 2>/dev/null || umount -l "$m"; done
done
rm -rf /var/lib/go-image-budget-cs /run/go-image-budget-cs

# The local registry.
if [ -f /var/tmp/go-image-budget-registry/registry.pid ]; then kill "$(cat /var/tmp/go-image-budget-registry/registry.pid)" 2>/dev/null && log "stopped the local registry"; fi
rm -rf /var/tmp/go-image-budget-registry

rm -rf /var/cache/go-image-budget /var/tmp/go-image-budget-apt "${RUNNER_TOOL_CACHE:-/tmp}/go-image-budget" "$HOME/.cache/go-image-budget"
rm -rf "${GO_IMAGE_BUDGET_GO:-/var/tmp/go-image-budget-go}" "${GO_IMAGE_BUDGET_GOMOD:-/var/tmp/go-image-budget-gomod}" "${GO_IMAGE_BUDGET_GOBUILD:-/var/tmp/go-image-budget-gobuild}"
log "removed the root filesystems, the private apt state, the layer-size cache, the Go toolchains, module proxy and test programs"
