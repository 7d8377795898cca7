#!/usr/bin/env bash
# Runs the committed bundles once for real: the CLI on the scratch rung and the
# action entry with INPUT_* variables, as the runner would start it. Catches a
# bundle that builds but cannot start (the classic ESM failure).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
example=examples/helloworld

node dist/cli/index.js --version
node dist/cli/index.js --context "$example" --file "$example/Dockerfile.5-multistage-scratch" \
  --budget 20MB --comment false --json "$tmp/cli.json"
node -e 'const r=require(process.argv[1]); if(r.schemaVersion!==1||!(r.size.uncompressed>0)||r.status!=="pass"){console.error("bad CLI report",r.status);process.exit(1)}' "$tmp/cli.json"
# The Go binary's bytes attributed on this Node: modules and unattributed rows add up to the file.
node -e 'const a=require(process.argv[1]).goBinaries?.[0]?.attribution; const sum=a&&a.modules.reduce((s,m)=>s+m.bytes,0)+a.unattributed.reduce((s,u)=>s+u.bytes,0); if(!a||!a.modules.some((m)=>m.path==="std")||sum!==a.fileBytes){console.error("no attribution of the Go binary, or its rows do not add up:",sum,a&&a.fileBytes);process.exit(1)}' "$tmp/cli.json"

# Usage errors exit 2 with one line.
set +e
node dist/cli/index.js --budget twenty 2>"$tmp/err"; code=$?
set -e
[ "$code" = 2 ] && grep -q "budget: cannot read 'twenty'" "$tmp/err" || { echo "CLI usage error: exit $code, $(cat "$tmp/err")" >&2; exit 1; }

: >"$tmp/output"; : >"$tmp/summary"
env -i PATH="$PATH" HOME="$HOME" RUNNER_TEMP="$tmp" GITHUB_WORKSPACE="$PWD" GITHUB_OUTPUT="$tmp/output" \
  GITHUB_STEP_SUMMARY="$tmp/summary" GITHUB_EVENT_NAME=workflow_dispatch \
  INPUT_CONTEXT="$example" INPUT_FILE="$example/Dockerfile.5-multistage-scratch" INPUT_BUDGET=20MB \
  INPUT_COMMENT=false node dist/index.js
grep -q '^status<<' "$tmp/output" || grep -q '^status=' "$tmp/output" || { echo "action set no status output" >&2; cat "$tmp/output" >&2; exit 1; }
grep -A1 '^status' "$tmp/output" | grep -q pass || { echo "action status is not pass" >&2; cat "$tmp/output" >&2; exit 1; }
# pull_request_target: the action refuses to build the pull request's code (exit 1, the reason, nothing built).
echo '{"pull_request":{"number":1}}' >"$tmp/event.json"
set +e
env -i PATH="$PATH" HOME="$HOME" RUNNER_TEMP="$tmp" GITHUB_WORKSPACE="$PWD" GITHUB_OUTPUT="$tmp/output-prt" \
  GITHUB_STEP_SUMMARY="$tmp/summary" GITHUB_EVENT_NAME=pull_request_target GITHUB_EVENT_PATH="$tmp/event.json" \
  INPUT_CONTEXT="$example" INPUT_FILE="$example/Dockerfile.5-multistage-scratch" INPUT_COMMENT=false node dist/index.js >"$tmp/prt"; code=$?
set -e
[ "$code" = 1 ] && grep -q '^::error::refusing to build on pull_request_target' "$tmp/prt" && [ ! -s "$tmp/output-prt" ] || { echo "pull_request_target was not refused: exit $code" >&2; cat "$tmp/prt" >&2; exit 1; }
echo "smoke: CLI and action bundles ran"
