#!/usr/bin/env bash
# Stand-in base images for machines that cannot reach Docker Hub.
#
# For each base image the examples and tests use, make a local image with that
# exact name and tag, but only when the image is absent locally AND cannot be
# pulled. Stand-ins are built from Debian packages (debootstrap, golang-go,
# busybox-static, ca-certificates, tzdata) and labelled
# io.go-image-budget.stand-in=true, so a real image is never replaced: a
# present image is left alone, unless it is one of our own stand-ins from an
# older recipe.
#
# Prints one line per image: present / pulled / made. Idempotent; concurrent
# callers wait on a lock. The Debian mirror is read from the machine's own apt
# sources at run time. Root filesystems are cached under $CACHE so reruns are
# quick. What has to be made is made side by side: the two root filesystems
# (debootstrap), then the images, a few recipes at a time.
#
# Usage: bash scripts/standins.sh [IMAGE...]   (default: every image below)
set -euo pipefail

CACHE=${GO_IMAGE_BUDGET_STANDIN_CACHE:-/var/cache/go-image-budget}
SUITE=bookworm
# Bump when what a stand-in contains changes: older stand-ins are then remade.
RECIPE=3
# Bump when what a cached root filesystem contains changes.
ROOTFS_VERSION=1
LABEL=io.go-image-budget.stand-in

ALL_IMAGES=(
  golang:bookworm golang:latest golang:1.19 golang:alpine
  alpine:latest
  gcr.io/distroless/static-debian12:latest gcr.io/distroless/static-debian12:nonroot
  gcr.io/distroless/base-debian12:latest gcr.io/distroless/base-debian12:nonroot
  debian:bookworm-slim
)

log() { printf 'standins: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 \
  || die "no Docker engine answers; run 'bash scripts/ensure-docker.sh' first"

# Not root (a laptop with Docker): nothing to make as a rule, but the lock needs a writable place.
mkdir -p "$CACHE" 2>/dev/null && [ -w "$CACHE" ] || CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/go-image-budget"
mkdir -p "$CACHE"
exec 9>"$CACHE/standins.lock"
flock -w 900 9 || die "another standins.sh run held $CACHE/standins.lock for 15 minutes"

export DEBIAN_FRONTEND=noninteractive
apt_updated=""
apt_update_once() { [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }; }
need_root() { [ "$(id -u)" = 0 ] || die "making stand-in $1 needs root (debootstrap); run as root or pull the real image"; }

# The URI of the machine's own apt source for $SUITE (deb822 or one-line format).
debian_mirror() {
  local f uri=""
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk -v s="$SUITE" 'BEGIN{RS=""} /(^|\n)Types:[^\n]*deb([ \n]|$)/ {
        if ($0 ~ ("\nSuites:[^\n]*[ ]" s "([ \n]|$)")) { n=split($0, L, "\n"); for (i=1;i<=n;i++) if (L[i] ~ /^URIs:/) { split(L[i], u, " "); print u[2]; exit } } }' "$f")
    [ -n "$uri" ] && { echo "$uri"; return 0; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    uri=$(awk -v s="$SUITE" '$1=="deb" { i=2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } if ($(i+1)==s) { print $i; exit } }' "$f")
    [ -n "$uri" ] && { echo "$uri"; return 0; }
  done
  return 1
}

ensure_debootstrap() {
  command -v debootstrap >/dev/null 2>&1 && return 0
  log "installing debootstrap"
  apt_update_once
  apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
}

# A $SUITE minbase root filesystem with extra packages, cached at $CACHE/rootfs/$name.
# Prints its path.
rootfs_ready() { [ -f "$CACHE/rootfs/$1/.complete" ] && [ "$(cat "$CACHE/rootfs/$1/.complete")" = "$ROOTFS_VERSION $2" ]; }
debian_rootfs() {
  local name=$1 include=$2 dir="$CACHE/rootfs/$1" mirror
  if ! rootfs_ready "$name" "$include"; then
    need_root "$name"
    ensure_debootstrap
    mirror=$(debian_mirror) || die "no apt source for Debian $SUITE found in /etc/apt; cannot debootstrap"
    rm -rf "$dir"
    # A package cache per root filesystem: two debootstraps may run at once.
    mkdir -p "$CACHE/debs/$name" "$CACHE/rootfs"
    log "debootstrap $SUITE minbase${include:+ + $include} (about a minute)"
    debootstrap --variant=minbase --cache-dir="$CACHE/debs/$name" ${include:+--include="$include"} \
      "$SUITE" "$dir" "$mirror" > "$CACHE/debootstrap-$name.log" 2>&1 \
      || { tail -n 20 "$CACHE/debootstrap-$name.log" >&2; die "debootstrap of $name failed (log: $CACHE/debootstrap-$name.log)"; }
    # As the official images do: no apt caches or lists, and nothing of this host.
    rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb \
      "$dir"/var/log/*.log "$dir"/etc/hostname "$dir"/etc/resolv.conf
    : > "$dir/etc/resolv.conf"
    echo "$ROOTFS_VERSION $include" > "$dir/.complete"
  fi
  echo "$dir"
}

GOLANG_ROOTFS=(bookworm-golang "golang-go,gcc,libc6-dev,git,ca-certificates,tzdata")
SLIM_ROOTFS=(bookworm-minbase "")
golang_rootfs() { debian_rootfs "${GOLANG_ROOTFS[@]}"; }
slim_rootfs() { debian_rootfs "${SLIM_ROOTFS[@]}"; }
# Which root filesystem a recipe starts from.
rootfs_of() { case $1 in debian_slim) echo slim ;; *) echo golang ;; esac; }

# The busybox-static binary: the installed package's, or the package's bin/busybox
# (taken by its path in the package, never by a name search) kept in the cache.
busybox_works() { [ -x "$1" ] && "$1" true 2>/dev/null && "$1" --list 2>/dev/null | grep -qx sh; }
busybox_static() {
  local f
  if dpkg -s busybox-static >/dev/null 2>&1 && busybox_works /bin/busybox; then echo /bin/busybox; return 0; fi
  f="$CACHE/busybox-static/bin/busybox"
  if ! busybox_works "$f"; then
    log "downloading busybox-static"
    apt_update_once
    local dl; dl=$(mktemp -d); chmod 755 "$dl"
    (cd "$dl" && apt-get download busybox-static >/dev/null 2>&1) || die "could not download busybox-static"
    rm -rf "$CACHE/busybox-static" "$CACHE/busybox-static.tmp"
    dpkg-deb -x "$dl"/busybox-static_*.deb "$CACHE/busybox-static.tmp"
    [ -f "$CACHE/busybox-static.tmp/bin/busybox" ] || die "the busybox-static package has no bin/busybox"
    install -D -m 0755 "$CACHE/busybox-static.tmp/bin/busybox" "$f"
    rm -rf "$dl" "$CACHE/busybox-static.tmp"
    busybox_works "$f" || die "bin/busybox from the busybox-static package does not run"
  fi
  echo "$f"
}

# An alpine-like root filesystem in $1: busybox with its applets linked, users, groups.
# Debian's busybox has no adduser/addgroup applets, so small ash versions of the
# forms Dockerfiles use (adduser -S -D -H -h DIR [-G GROUP] [-u UID] NAME) are added.
busybox_root() {
  local dir=$1 bb applet
  bb=$(busybox_static)
  mkdir -p "$dir"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,etc,root,home,tmp,var/tmp,proc,sys,dev,lib,etc/ssl/certs}
  chmod 1777 "$dir/tmp" "$dir/var/tmp"
  chmod 700 "$dir/root"
  cp "$bb" "$dir/bin/busybox"
  for applet in $("$bb" --list-full); do
    [ -e "$dir/$applet" ] || [ -L "$dir/$applet" ] || ln -s /bin/busybox "$dir/$applet"
  done
  cat > "$dir/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
daemon:x:2:2:daemon:/sbin:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
EOF
  cat > "$dir/etc/group" <<'EOF'
root:x:0:root
daemon:x:2:root,daemon
nogroup:x:65533:
nobody:x:65534:
EOF
  printf 'root:*::0:::::\ndaemon:!::0:::::\nnobody:!::0:::::\n' > "$dir/etc/shadow"
  chmod 640 "$dir/etc/shadow"
  printf '/bin/sh\n/bin/ash\n' > "$dir/etc/shells"
  cat > "$dir/etc/os-release" <<'EOF'
NAME="Alpine Linux (go-image-budget stand-in)"
ID=alpine
PRETTY_NAME="go-image-budget stand-in for alpine: busybox-static from Debian, not Alpine Linux"
HOME_URL="https://alpinelinux.org/"
EOF
  cat > "$dir/usr/sbin/addgroup" <<'EOF'
#!/bin/sh
# go-image-budget stand-in: addgroup [-S] [-g GID] GROUP (busybox subset)
system=0 gid=""
while getopts "Sg:" o; do case $o in S) system=1 ;; g) gid=$OPTARG ;; *) exit 1 ;; esac; done
shift $((OPTIND - 1)); name=${1:?usage: addgroup [-S] [-g GID] GROUP}
grep -q "^$name:" /etc/group && { echo "addgroup: group '$name' in use" >&2; exit 1; }
if [ -z "$gid" ]; then
  if [ $system = 1 ]; then gid=101; else gid=1000; fi
  while cut -d: -f3 /etc/group | grep -qx "$gid"; do gid=$((gid + 1)); done
fi
echo "$name:x:$gid:" >> /etc/group
EOF
  cat > "$dir/usr/sbin/adduser" <<'EOF'
#!/bin/sh
# go-image-budget stand-in: adduser [-S] [-D] [-H] [-h HOME] [-s SHELL] [-g GECOS] [-G GROUP] [-u UID] USER (busybox subset)
system=0 nohome=0 home="" shell=/bin/sh gecos="Linux User" group="" uid=""
while getopts "SDHh:s:g:G:u:k:" o; do
  case $o in S) system=1; shell=/sbin/nologin ;; D) ;; H) nohome=1 ;; h) home=$OPTARG ;; s) shell=$OPTARG ;;
    g) gecos=$OPTARG ;; G) group=$OPTARG ;; u) uid=$OPTARG ;; k) ;; *) exit 1 ;; esac
done
shift $((OPTIND - 1)); name=${1:?usage: adduser [-S] [-D] [-H] [-h HOME] [-G GROUP] [-u UID] USER}
grep -q "^$name:" /etc/passwd && { echo "adduser: user '$name' in use" >&2; exit 1; }
if [ -z "$uid" ]; then
  if [ $system = 1 ]; then uid=100; else uid=1000; fi
  while cut -d: -f3 /etc/passwd | grep -qx "$uid"; do uid=$((uid + 1)); done
fi
if [ -n "$group" ]; then
  gid=$(grep "^$group:" /etc/group | cut -d: -f3); [ -n "$gid" ] || { echo "adduser: unknown group $group" >&2; exit 1; }
elif [ $system = 1 ]; then gid=65533
else addgroup -g "$uid" "$name" 2>/dev/null || true; gid=$(grep "^$name:" /etc/group | cut -d: -f3); fi
[ -n "$home" ] || home=/home/$name
echo "$name:x:$uid:$gid:$gecos:$home:$shell" >> /etc/passwd
echo "$name:!::0:::::" >> /etc/shadow
[ $nohome = 1 ] || { mkdir -p "$home" && chown "$uid:$gid" "$home"; }
EOF
  chmod 755 "$dir/usr/sbin/adduser" "$dir/usr/sbin/addgroup"
}

# --- stand-in recipes: each prints nothing and leaves a root filesystem in $1 plus changes in CHANGES[] ---

CHANGES=()

# $2 with its symlinks followed inside root $1 (an absolute link points into the root, not the host).
path_in_root() {
  local root=$1 p=$2 hops=0 target
  while [ -L "$root$p" ] && [ $hops -lt 20 ]; do
    target=$(readlink "$root$p")
    case $target in /*) p=$target ;; *) p=$(dirname "$p")/$target ;; esac
    hops=$((hops + 1))
  done
  echo "$p"
}
go_version() { local v; v=$(cat "$1"/usr/lib/go/VERSION 2>/dev/null | head -n1); echo "${v#go}"; }

recipe_golang_debian() {
  local out=$1 src; src=$(golang_rootfs)
  cp -a "$src/." "$out/"
  rm -f "$out/.complete"
  # The official image keeps Go in /usr/local/go and GOPATH at /go.
  ln -sfn "$(readlink -f "$src/usr/lib/go" | sed "s#^$src##")" "$out/usr/local/go"
  mkdir -p "$out/go/src" "$out/go/bin"; chmod -R 1777 "$out/go"
  CHANGES=(
    "ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    "ENV GOLANG_VERSION=$(go_version "$src")" "ENV GOPATH=/go" "ENV GOTOOLCHAIN=local"
    "WORKDIR /go" 'CMD ["bash"]'
  )
  DESCRIPTION="stand-in for the Debian-based golang image: Debian $SUITE minbase + golang-go $(go_version "$src"), gcc, libc6-dev, git"
}

recipe_golang_alpine() {
  local out=$1 src goroot lib; src=$(golang_rootfs)
  busybox_root "$out"
  goroot=$(readlink -f "$src/usr/lib/go" | sed "s#^$src##")   # /usr/lib/go-1.19
  # Debian splits GOROOT: binaries in /usr/lib/go-X, sources in /usr/share/go-X (symlinked). Keep both paths.
  mkdir -p "$out/usr/lib" "$out/usr/share"
  cp -a "$src$goroot" "$out/usr/lib/"
  cp -a "$src/usr/share/$(basename "$goroot")" "$out/usr/share/"
  ln -sfn "$goroot" "$out/usr/local/go"
  # Debian builds the go command with cgo: it needs glibc's loader and libc.
  for lib in $(ldd "$src$goroot/bin/go" "$src$goroot/bin/gofmt" 2>/dev/null | grep -o '/[^ ]*\.so[^ ]*' | sort -u); do
    mkdir -p "$out$(dirname "$lib")"
    cp "$src$(path_in_root "$src" "$lib")" "$out$lib"
  done
  cp -L "$src/etc/ssl/certs/ca-certificates.crt" "$out/etc/ssl/certs/ca-certificates.crt"
  mkdir -p "$out/go/src" "$out/go/bin"; chmod -R 1777 "$out/go"
  # Go 1.19 does not turn cgo off by itself when there is no C compiler (1.20+ does); the image has none.
  CHANGES=(
    "ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    "ENV GOLANG_VERSION=$(go_version "$src")" "ENV GOPATH=/go" "ENV GOTOOLCHAIN=local" "ENV CGO_ENABLED=0"
    "WORKDIR /go" 'CMD ["/bin/sh"]'
  )
  DESCRIPTION="stand-in for golang:alpine: busybox-static + Debian's Go $(go_version "$src") toolchain, no C compiler, CGO_ENABLED=0"
}

recipe_alpine() {
  local out=$1 src; src=$(golang_rootfs)
  busybox_root "$out"
  cp -L "$src/etc/ssl/certs/ca-certificates.crt" "$out/etc/ssl/certs/ca-certificates.crt"
  CHANGES=("ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" 'CMD ["/bin/sh"]')
  DESCRIPTION="stand-in for alpine: busybox-static from Debian with /etc/passwd, /etc/group, CA certificates"
}

distroless_root() {
  local out=$1 src; src=$(golang_rootfs)
  mkdir -p "$out"/{etc/ssl/certs,usr/share,tmp,home/nonroot,root,var/lib/dpkg/status.d}
  chmod 1777 "$out/tmp"; chmod 700 "$out/root"
  cp -L "$src/etc/ssl/certs/ca-certificates.crt" "$out/etc/ssl/certs/ca-certificates.crt"
  cp -a "$src/usr/share/zoneinfo" "$out/usr/share/"
  cat > "$out/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
  printf 'root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n' > "$out/etc/group"
  printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
  printf 'PRETTY_NAME="go-image-budget stand-in for distroless static (Debian 12 files)"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\n' > "$out/etc/os-release"
  chown 65532:65532 "$out/home/nonroot"
  DESCRIPTION="stand-in for distroless static-debian12: CA certificates, tzdata, root and nonroot (65532) users, /tmp; no shell"
}
recipe_distroless() {
  distroless_root "$1"
  CHANGES=("ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
           "ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt")
}
recipe_distroless_nonroot() {
  recipe_distroless "$1"
  CHANGES+=("USER 65532" "WORKDIR /home/nonroot")
}

# distroless base: the static files plus glibc (Debian's libc6), for cgo binaries.
distroless_base_root() {
  local out=$1 src; src=$(golang_rootfs)
  distroless_root "$out"
  mkdir -p "$out/usr/lib" "$out/usr/lib64"
  ln -sfn usr/lib "$out/lib"; ln -sfn usr/lib64 "$out/lib64"
  (cd "$src" && while read -r f; do [ -d "$f" ] && [ ! -L "$f" ] || echo ".$f"; done < var/lib/dpkg/info/libc6:amd64.list) \
    | tar -C "$src" -cf - --no-recursion -T - | tar -C "$out" -xf - --keep-directory-symlink
  DESCRIPTION="stand-in for distroless base-debian12: the static stand-in's files plus glibc (Debian's libc6)"
}
recipe_distroless_base() {
  distroless_base_root "$1"
  CHANGES=("ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
           "ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt")
}
recipe_distroless_base_nonroot() {
  recipe_distroless_base "$1"
  CHANGES+=("USER 65532" "WORKDIR /home/nonroot")
}

recipe_debian_slim() {
  local out=$1 src; src=$(slim_rootfs)
  cp -a "$src/." "$out/"
  rm -f "$out/.complete"
  # Like the official slim image: no manuals, no documentation beyond copyright files.
  rm -rf "$out"/usr/share/man/* "$out"/usr/share/info/* "$out"/usr/share/locale/*
  find "$out/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
  CHANGES=("ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" 'CMD ["bash"]')
  DESCRIPTION="stand-in for debian:bookworm-slim: Debian $SUITE minbase from debootstrap"
}

recipe_for() {
  case $1 in
    golang:bookworm|golang:latest|golang:1.19) echo golang_debian ;;
    golang:alpine) echo golang_alpine ;;
    alpine:latest) echo alpine ;;
    gcr.io/distroless/static-debian12:latest) echo distroless ;;
    gcr.io/distroless/static-debian12:nonroot) echo distroless_nonroot ;;
    gcr.io/distroless/base-debian12:latest) echo distroless_base ;;
    gcr.io/distroless/base-debian12:nonroot) echo distroless_base_nonroot ;;
    debian:bookworm-slim) echo debian_slim ;;
    *) return 1 ;;
  esac
}

# --- proof: a stand-in is kept only when it does what the real image does ---

# Runs a command in the image (no network); prints its output.
in_image() { local image=$1; shift; timeout 120 docker run --rm --network none --entrypoint "$1" "$image" "${@:2}"; }
# The size in bytes of a file inside the image (for images without a shell), or nothing.
file_size_in() {
  local image=$1 path=$2 cid size
  cid=$(docker create --network none "$image" /proof 2>/dev/null) || return 0
  size=$(docker cp -L "$cid:$path" - 2>/dev/null | tar -xO 2>/dev/null | wc -c) || size=""
  docker rm -f "$cid" >/dev/null 2>&1 || true
  [ "${size:-0}" -gt 0 ] && echo "$size"
}
# Why the image fails its recipe's proof, or nothing when it passes.
proof_failure() {
  local image=$1 recipe=$2 out
  case $recipe in
    golang_debian|golang_alpine)
      out=$(in_image "$image" /bin/sh -c 'go version' 2>&1) || { echo "'go version' failed: ${out:0:200}"; return; }
      case $out in "go version go"*) ;; *) echo "'go version' printed '${out:0:200}'"; return ;; esac ;;
    alpine|debian_slim)
      out=$(in_image "$image" /bin/sh -c 'echo ok' 2>&1) || { echo "its shell failed: ${out:0:200}"; return; }
      [ "$out" = ok ] || { echo "its shell printed '${out:0:200}'"; return; } ;;
  esac
  case $recipe in
    alpine|distroless*)
      [ -n "$(file_size_in "$image" /etc/ssl/certs/ca-certificates.crt)" ] || { echo "no /etc/ssl/certs/ca-certificates.crt"; return; } ;;
  esac
  case $recipe in
    distroless_base*)
      [ -n "$(file_size_in "$image" /lib64/ld-linux-x86-64.so.2)" ] || { echo "no glibc loader /lib64/ld-linux-x86-64.so.2"; return; } ;;
  esac
}

# --- the local registry: stand-ins reach the engines as real pulls ---

# Where a stand-in lives in the local registry: Docker Hub names as the mirror
# serves them (library/NAME), other registries' names under their host.
registry_ref() {
  local image=$1 name=${1%:*} tag=${1##*:}
  case $name in
    */*) case ${name%%/*} in *.*|*:*|localhost) ;; *) name="docker.io/$name" ;; esac ;;
    *) name="docker.io/library/$name" ;;
  esac
  case $name in docker.io/*) echo "$REGISTRY/${name#docker.io/}:$tag" ;; *) echo "$REGISTRY/$name:$tag" ;; esac
}
is_docker_hub() { case ${1%%/*} in *.*|*:*|localhost) [ "${1#*/}" = "$1" ] ;; *) return 0 ;; esac; }

# Pull IMAGE as a runner would: Docker Hub names through the engine's mirror (the
# local registry), other names from the local registry, tagged with their own name.
pull_like_a_runner() {
  local image=$1 at
  if is_docker_hub "$image"; then
    timeout 60 docker pull -q "$image" >/dev/null 2>&1 && return 0
  fi
  at=$(registry_ref "$image")
  timeout 60 docker pull -q "$at" >/dev/null 2>&1 && docker tag "$at" "$image"
}

# Push a made stand-in to the local registry, then replace it by a pull of it.
publish_standin() {
  local image=$1 at; at=$(registry_ref "$image")
  docker tag "$image" "$at"
  docker push -q "$at" >/dev/null || die "could not push $image to the local registry ($at)"
  docker rmi "$image" "$at" >/dev/null 2>&1 || true
  pull_like_a_runner "$image" || die "could not pull $image back from the local registry"
}

# Images made in this run, by recipe: a second name for the same recipe is a tag.
declare -A MADE=()

make_standin() {
  local image=$1 recipe=$2 root change args=()
  if [ -n "${MADE[$recipe]:-}" ]; then
    docker tag "${MADE[$recipe]}" "$image"
    return 0
  fi
  root=$(mktemp -d "$CACHE/root.XXXXXX")
  CHANGES=() DESCRIPTION=""
  "recipe_$recipe" "$root"
  for change in "${CHANGES[@]}"; do args+=(--change "$change"); done
  args+=(--change "LABEL $LABEL=true" --change "LABEL $LABEL.recipe=$RECIPE"
         --change "LABEL org.opencontainers.image.description=\"go-image-budget $DESCRIPTION\"")
  tar --numeric-owner -C "$root" -c . | docker import "${args[@]}" - "$image" >/dev/null
  rm -rf "$root"
  MADE[$recipe]=$image
}

# Our label's recipe number on a local image; empty when the image is not one of our stand-ins.
standin_recipe() {
  local r
  r=$(docker image inspect --format "{{ index .Config.Labels \"$LABEL.recipe\" }}" "$1" 2>/dev/null || true)
  [ "$r" = "<no value>" ] || echo "$r"
}

# Removes our stand-in IMAGE (by its label only) so that it can be remade.
drop_standin() {
  local image=$1 id
  [ -n "$(standin_recipe "$image")" ] || die "refusing to remove $image: it is not a go-image-budget stand-in"
  id=$(docker image inspect --format '{{.Id}}' "$image")
  docker rmi "$image" "$(registry_ref "$image")" >/dev/null 2>&1 || true
  docker rmi "$id" >/dev/null 2>&1 || true
}

# Prints `present` or `pulled` for an image that is here, or can be pulled, and
# passes its proof; fails (after removing an outdated stand-in) when it must be made.
have_image() {
  local image=$1 recipe=$2 recipe_of why
  if docker image inspect "$image" >/dev/null 2>&1; then
    recipe_of=$(standin_recipe "$image")
    if [ -z "$recipe_of" ]; then echo "present  $image"; return 0; fi
    if [ "$recipe_of" = "$RECIPE" ]; then
      why=$(proof_failure "$image" "$recipe")
      if [ -z "$why" ]; then echo "present  $image (stand-in)"; return 0; fi
      log "$image is a stand-in that fails its proof ($why); remaking it"
    else
      log "$image is a stand-in from recipe $recipe_of; remaking it with recipe $RECIPE"
    fi
    drop_standin "$image"
  fi
  # A real pull (Docker Hub, or the local registry holding a stand-in another engine made).
  if timeout 15 docker pull -q "$image" >/dev/null 2>&1 || pull_like_a_runner "$image"; then
    recipe_of=$(standin_recipe "$image")
    if [ -z "$recipe_of" ]; then echo "pulled   $image"; return 0; fi
    if [ "$recipe_of" = "$RECIPE" ] && [ -z "$(proof_failure "$image" "$recipe")" ]; then echo "pulled   $image (stand-in)"; return 0; fi
    log "the pulled $image is a stand-in of recipe $recipe_of that is outdated or fails its proof; remaking it"
    drop_standin "$image"
  fi
  return 1
}

# Makes, proves and publishes the images of one recipe (the first is made, the others are its tags).
make_recipe() {
  local recipe=$1 image started why; shift
  for image in "$@"; do
    started=$SECONDS
    make_standin "$image" "$recipe"
    why=$(proof_failure "$image" "$recipe")
    [ -z "$why" ] || die "the stand-in made for $image fails its proof: $why"
    [ -z "$REGISTRY" ] || publish_standin "$image"
    echo "made     $image (stand-in, $((SECONDS - started)) s)"
  done
}

# The local registry (started when missing) holds the stand-ins for every engine.
REGISTRY=$(bash "$(dirname "$0")/registry.sh") || die "the local registry did not start (scripts/registry.sh)"

images=("$@")
[ ${#images[@]} -gt 0 ] || images=("${ALL_IMAGES[@]}")

PARALLEL=${GO_IMAGE_BUDGET_STANDIN_JOBS:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Waits until fewer than PARALLEL background jobs run.
throttle() { while [ "$(jobs -rp | wc -l)" -ge "$PARALLEL" ]; do wait -n || true; done; }

# Which images are here (or pulled, and proven), PARALLEL at a time; the rest are made, grouped by recipe.
names=()
pids=()
for image in "${images[@]}"; do
  case ${image##*/} in *:*) ;; *) image="$image:latest" ;; esac
  recipe_for "$image" >/dev/null || die "no stand-in recipe for '$image'"
  names+=("$image")
  throttle
  have_image "$image" "$(recipe_for "$image")" >"$out/have.${#pids[@]}" &
  pids+=($!)
done
declare -A MISSING=()
recipes=()
for i in "${!pids[@]}"; do
  if wait "${pids[$i]}"; then cat "$out/have.$i"; continue; fi
  recipe=$(recipe_for "${names[$i]}")
  [ -n "${MISSING[$recipe]:-}" ] || recipes+=("$recipe")
  MISSING[$recipe]="${MISSING[$recipe]:-} ${names[$i]}"
done
[ ${#recipes[@]} -gt 0 ] || exit 0

# The tools and the root filesystems first (apt runs only here), the two debootstraps side by side.
declare -A ROOTFS=()
for recipe in "${recipes[@]}"; do
  ROOTFS[$(rootfs_of "$recipe")]=1
  case $recipe in golang_alpine|alpine) busybox_static >/dev/null ;; esac
done
pids=()
for kind in "${!ROOTFS[@]}"; do
  if [ "$kind" = golang ]; then spec=("${GOLANG_ROOTFS[@]}"); else spec=("${SLIM_ROOTFS[@]}"); fi
  rootfs_ready "${spec[@]}" && continue
  need_root "${spec[0]}"
  ensure_debootstrap
  debian_rootfs "${spec[@]}" >/dev/null &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || die "a root filesystem could not be made (see above)"; done

# Then the images, recipe by recipe, PARALLEL at a time; each recipe's lines are printed in order.
pids=()
for i in "${!recipes[@]}"; do
  throttle
  # shellcheck disable=SC2086 # the recipe's images, space-separated names
  make_recipe "${recipes[$i]}" ${MISSING[${recipes[$i]}]} >"$out/make.$i" &
  pids+=($!)
done
failed=0
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || failed=1
  cat "$out/make.$i"
done
[ $failed = 0 ] || die "some stand-ins could not be made (see above)"
