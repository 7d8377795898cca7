#!/usr/bin/env bash
# Go toolchains for the tests that compare our gzip size models with what Go
# itself writes: `docker push` compresses with the compress/gzip of the Go
# release the engine was built with, and Go 1.26 replaced compress/flate's
# encoder, so the tests need one toolchain of each kind (default: 1.24, the
# classic encoder, and 1.27, the new one).
#
#   scripts/go-toolchains.sh [MINOR...]     e.g. scripts/go-toolchains.sh 1.19 1.24 1.26 1.27
#
# Each toolchain is Debian's golang-MINOR-go and golang-MINOR-src, taken from
# the first suite of this machine's chain that has them (scripts/lib/apt-suite.sh;
# the older suites last, for old releases such as 1.15 from bullseye),
# unpacked (not installed) into $GO_IMAGE_BUDGET_GO/MINOR (default
# /var/tmp/go-image-budget-go/MINOR); GOROOT is then that directory's `go`.
# Prints `MINOR GOROOT` per toolchain. Idempotent; a toolchain already unpacked
# is used as it is. Needs Debian and root only to unpack a missing one.
set -euo pipefail
cd "$(dirname "$0")/.."
root=${GO_IMAGE_BUDGET_GO:-/var/tmp/go-image-budget-go}
[ $# -gt 0 ] || set -- 1.24 1.27
log() { echo "go-toolchains: $*" >&2; }
die() { log "$*"; exit 1; }

ready() { [ -x "$root/$1/go/bin/go" ]; }

tmp=''
trap '[ -z "$tmp" ] || rm -rf "$tmp"' EXIT

install_one() {
  local minor=$1 suite='' s v
  for s in $(suite_chain) $(suite_older); do
    v=$(suite_candidate "$s" "golang-$minor-go")
    if [ -n "$v" ]; then suite=$s; break; fi
  done
  [ -n "$suite" ] || die "no Debian suite of $(suite_chain | tr '\n' ' ')has golang-$minor-go: pick another version"
  log "unpacking golang-$minor $v from Debian $suite into $root/$minor"
  tmp=$(mktemp -d "$root/.$minor.XXXXXX")
  chmod 755 "$tmp"
  suite_download "$suite" "$tmp/debs" "golang-$minor-go" "golang-$minor-src" || die "could not download golang-$minor-go from Debian $suite"
  for deb in "$tmp"/debs/*.deb; do dpkg-deb -x "$deb" "$tmp/tree"; done
  rm -rf "$tmp/debs"
  # The packages' symlinks (src, pkg/include) are relative, so the tree works where it lies.
  ln -s "tree/usr/lib/go-$minor" "$tmp/go"
  "$tmp/go/bin/go" version >/dev/null || die "the unpacked golang-$minor does not run"
  rm -rf "${root:?}/$minor"
  mv "$tmp" "$root/$minor"
  tmp=''
}

mkdir -p "$root"
exec 9>"$root/.lock"
flock 9
sourced=''
for minor in "$@"; do
  [[ $minor =~ ^1\.[0-9]+$ ]] || die "'$minor' is not a Go minor version (like 1.27)"
  if ! ready "$minor"; then
    command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 || die "Go $minor is not in $root/$minor and this is not Debian: unpack a Go $minor toolchain so that $root/$minor/go is its GOROOT"
    [ "$(id -u)" = 0 ] || die "Go $minor is not in $root/$minor: run this script as root (it unpacks Debian's golang-$minor-go there)"
    [ -n "$sourced" ] || { . scripts/lib/apt-suite.sh; sourced=1; }
    install_one "$minor"
  fi
  echo "$minor $root/$minor/go"
done
