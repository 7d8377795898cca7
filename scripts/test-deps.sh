#!/usr/bin/env bash
# Tools the integration tests and the benchmark use besides Docker: skopeo
# (writes real OCI archives), busybox-static (small test layers), git-lfs
# (a base branch with Git LFS files) and binutils (readelf: the DWARF oracle). Installs
# them from Debian's packages where they are missing; does nothing elsewhere.
set -euo pipefail
missing=()
command -v skopeo >/dev/null 2>&1 || missing+=(skopeo)
[ -x /bin/busybox ] || command -v busybox >/dev/null 2>&1 || missing+=(busybox-static)
command -v git-lfs >/dev/null 2>&1 || missing+=(git-lfs)
command -v readelf >/dev/null 2>&1 || missing+=(binutils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test-deps: missing ${missing[*]}: install them (Debian: apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "test-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
exec 9>/tmp/go-image-budget-apt.lock
flock 9
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
