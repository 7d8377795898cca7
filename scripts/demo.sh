#!/usr/bin/env bash
# The main job on a fresh machine: make Docker and the base images available,
# bundle the tool (unless the committed bundle is current), then run the CLI
# over every rung of the seed's ladder (examples/helloworld) with a 20MB budget.
# The single-stage rungs must fail the budget and the multi-stage rungs pass
# it; this script exits 0 when every rung produced a report with that verdict,
# 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

BUDGET=20MB
EXAMPLE=examples/helloworld
# Rung Dockerfile and the verdict a 20MB budget must give it.
RUNGS=(
  "Dockerfile.1-golang-debian fail"
  "Dockerfile.2-golang-latest fail"
  "Dockerfile.3-golang-alpine fail"
  "Dockerfile.4-multistage-alpine pass"
  "Dockerfile.5-multistage-scratch pass"
)

step() { printf '\n== %s (at %d s)\n' "$*" "$SECONDS"; }

step "Docker engine and buildx"
bash scripts/ensure-docker.sh

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The base images are made (or found) while the tool installs and bundles: neither needs the other.
bash scripts/standins.sh >"$tmp/standins.log" 2>&1 &
standins=$!

step "Install and bundle (the base images are made meanwhile)"
command -v node >/dev/null 2>&1 || { echo "demo: Node.js 20 or newer is needed (node not found)" >&2; exit 1; }
# The committed bundle, when nothing in src/ changed since it was committed (CI checks that it is
# what src/ builds to): it runs as it is, nothing to install. Otherwise bundle when a source is newer.
committed_bundle() {
  local src dist
  git rev-parse --is-inside-work-tree >/dev/null 2>&1 && [ -f dist/cli/index.js ] || return 1
  [ -z "$(git status --porcelain -- src package-lock.json dist)" ] || return 1
  src=$(git log -1 --format=%H -- src package-lock.json) && dist=$(git log -1 --format=%H -- dist) || return 1
  [ -n "$src" ] && [ -n "$dist" ] && git merge-base --is-ancestor "$src" "$dist"
}
if committed_bundle; then
  echo "dist/ is the committed bundle, newer than every change to src/"
elif [ -f dist/cli/index.js ] && [ -z "$(find src package.json package-lock.json -newer dist/cli/index.js -print -quit)" ]; then
  echo "dist/ is up to date with src/"
else
  # npm ci only when node_modules is missing or older than the lockfile (it wipes node_modules).
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    flock /tmp/npm.lock npm ci --no-audit --no-fund
  fi
  npm run build --silent >/dev/null
  echo "built dist/"
fi

step "Base images (stand-ins where Docker Hub cannot be reached)"
wait "$standins" || { cat "$tmp/standins.log" >&2; echo "demo: scripts/standins.sh failed" >&2; exit 1; }
cat "$tmp/standins.log"

ok=0
summary=()
for rung in "${RUNGS[@]}"; do
  read -r dockerfile expected <<<"$rung"
  step "$dockerfile (budget $BUDGET, expected: $expected)"
  json="$tmp/$dockerfile.json"
  set +e
  node dist/cli/index.js --context "$EXAMPLE" --file "$EXAMPLE/$dockerfile" --budget "$BUDGET" --cleanup --json "$json" 2>"$tmp/stderr"
  code=$?
  set -e
  if [ ! -s "$json" ]; then
    echo "no report (exit $code):" >&2
    tail -n 15 "$tmp/stderr" >&2
    summary+=("$(printf '%-34s %12s  %-7s %s' "$dockerfile" "-" "none" "NOT OK (expected $expected)")")
    ok=1
    continue
  fi
  read -r status bytes human < <(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
    const mb = (r.size.uncompressed / 1e6).toFixed(r.size.uncompressed < 1e7 ? 2 : 0)
    console.log(r.status, r.size.uncompressed, mb + "MB")' "$json")
  want_code=0; [ "$expected" = fail ] && want_code=1
  if [ "$status" = "$expected" ] && [ "$code" = "$want_code" ]; then verdict="ok"; else verdict="NOT OK (expected $expected, exit $want_code; got exit $code)"; ok=1; fi
  summary+=("$(printf '%-34s %12s  %-7s %s' "$dockerfile" "$human" "$status" "$verdict")")
done

step "The ladder (budget $BUDGET; seed: 776MB, 816MB, 352MB, 7.58MB, 2MB)"
printf '%-34s %12s  %-7s %s\n' "rung" "size" "status" ""
printf '%s\n' "${summary[@]}"
[ $ok = 0 ] && echo "every rung got the expected verdict" || echo "some rungs did not get the expected verdict" >&2
exit $ok
