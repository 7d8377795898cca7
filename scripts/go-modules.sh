#!/usr/bin/env bash
# Real Go modules, offline: Debian's golang-*-dev packages (the sources of
# real modules under /usr/share/gocode/src) turned into a file:// GOPROXY, so
# that `go mod tidy` and `go build` in module mode resolve real module paths
# and versions and the build info of the binaries carries them.
#
#   scripts/go-modules.sh PACKAGE[@SUITE]...
#     e.g. scripts/go-modules.sh golang-github-spf13-cobra-dev golang-github-sirupsen-logrus-dev
#          scripts/go-modules.sh golang-github-spf13-cobra-dev@trixie    (a later version beside)
#
# Each package and the golang-*-dev packages it depends on (recursively, from
# this machine's suite) are downloaded (not installed) and unpacked under
# $GO_IMAGE_BUDGET_GOMOD (default /var/tmp/go-image-budget-gomod); a package
# named with @SUITE comes from that Debian suite (scripts/lib/apt-suite.sh).
# The proxy (proxy/ there) is rebuilt from everything unpacked so far, so the
# versions of one module from several suites sit side by side. Prints the
# GOPROXY value (file://…). Idempotent; what is unpacked is kept.
#
# Versions: Debian's `1.6.1-1` is v1.6.1; `1.0.6~git20210604-d5e0c0615ace-1`
# is the pseudo-version v1.0.6-0.20210604000000-d5e0c0615ace. A go.mod that
# requires a version Debian does not have is served as follows (these are
# stand-ins, named here so no test mistakes them for upstream's): a module
# unpacked here gets its newest unpacked source under that version too; a
# module not unpacked here gets a go.mod only (enough for the module graph; a
# build that needs its code fails loudly).
set -euo pipefail
cd "$(dirname "$0")/.."
root=${GO_IMAGE_BUDGET_GOMOD:-/var/tmp/go-image-budget-gomod}
log() { echo "go-modules: $*" >&2; }
die() { log "$*"; exit 1; }
[ $# -gt 0 ] || die "name the golang-*-dev packages to unpack"
command -v python3 >/dev/null 2>&1 || die "python3 is needed to write the module proxy"

mkdir -p "$root/debs" "$root/trees"
exec 9>"$root/.lock"
flock 9

own_suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
sourced=''
apt_updated=''

# The golang-*-dev packages PACKAGE needs on this machine's suite (itself
# included). Kept per package for as long as the package lists are the same
# (a recursive apt-cache walk takes most of a second, and the tests ask often).
closure() {
  local lists kept
  lists=$(ls -l --time-style=+%s /var/lib/apt/lists 2>/dev/null | sha256sum | cut -c1-16)
  kept="$root/closures/$1.$lists"
  if [ ! -s "$kept" ]; then
    mkdir -p "$root/closures"
    apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances "$1" 2>/dev/null |
      grep -E '^golang-[a-z0-9.+-]+-dev$' | sort -u >"$kept.tmp" || true
    mv "$kept.tmp" "$kept"
  fi
  cat "$kept"
}

download_own() {
  local dir=$1; shift
  (cd "$dir" && apt-get download "$@" >/dev/null 2>&1) && return 0
  [ -n "$apt_updated" ] && return 1
  apt_updated=1
  apt-get update -qq >/dev/null 2>&1 || true
  (cd "$dir" && apt-get download "$@" >/dev/null 2>&1)
}

unpack() {
  local deb=$1 name
  name=$(basename "$deb" .deb)
  [ -d "$root/trees/$name" ] && return 0
  dpkg-deb -x "$deb" "$root/trees/.$name.tmp"
  mv "$root/trees/.$name.tmp" "$root/trees/$name"
}

for spec in "$@"; do
  pkg=${spec%@*}
  suite=''
  [[ $spec == *@* ]] && suite=${spec#*@}
  [[ $pkg =~ ^golang-[a-z0-9.+-]+-dev$ ]] || die "'$pkg' is not a golang-*-dev package name"
  if [ -z "$suite" ] || [ "$suite" = "$own_suite" ]; then
    command -v apt-get >/dev/null 2>&1 || die "apt-get is needed to download $pkg"
    pkgs=$(closure "$pkg")
    if [ -z "$pkgs" ]; then
      apt-get update -qq >/dev/null 2>&1 || true
      apt_updated=1
      pkgs=$(closure "$pkg")
    fi
    [ -n "$pkgs" ] || die "Debian $own_suite has no $pkg"
    missing=()
    for p in $pkgs; do compgen -G "$root/debs/${p}_*.deb" >/dev/null || missing+=("$p"); done
    if [ ${#missing[@]} -gt 0 ]; then
      log "downloading ${missing[*]}"
      tmp=$(mktemp -d "$root/debs/.dl.XXXXXX")
      chmod 755 "$tmp"
      download_own "$tmp" "${missing[@]}" || { rm -rf "$tmp"; die "could not download ${missing[*]} from Debian $own_suite"; }
      mv "$tmp"/*.deb "$root/debs/"
      rmdir "$tmp"
    fi
    for p in $pkgs; do for deb in "$root/debs/${p}"_*.deb; do unpack "$deb"; done; done
  else
    mkdir -p "$root/debs/$suite"
    if ! compgen -G "$root/debs/$suite/${pkg}_*.deb" >/dev/null; then
      [ -n "$sourced" ] || { . scripts/lib/apt-suite.sh; sourced=1; }
      log "downloading $pkg from Debian $suite"
      suite_download "$suite" "$root/debs/$suite" "$pkg" || die "could not download $pkg from Debian $suite"
    fi
    for deb in "$root/debs/$suite/${pkg}"_*.deb; do unpack "$deb"; done
  fi
done

# The proxy is rebuilt only when the unpacked trees changed.
stamp=$(ls "$root/trees" | sha256sum | cut -c1-16)
if [ "$(cat "$root/proxy.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$root/.proxy.tmp"
  python3 scripts/lib/go-proxy.py "$root/trees" "$root/.proxy.tmp" >&2
  rm -rf "$root/proxy"
  mv "$root/.proxy.tmp" "$root/proxy"
  echo "$stamp" >"$root/proxy.stamp"
fi
echo "file://$root/proxy"
