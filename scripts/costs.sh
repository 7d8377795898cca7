#!/usr/bin/env bash
# What a run costs on a typical Go service: the figures of the README's "What
# it costs". A temporary repository holds a small HTTP service (two packages,
# the standard library only) with the usual multi-stage Dockerfile (golang
# builder, `go mod download` before `COPY . .`, a distroless final stage) on
# `main`, and a pull-request branch that changes a handler. The CLI (bundled
# from src/ into a temporary directory) runs each scenario on a fresh program,
# so no BuildKit cache from an earlier scenario serves it, unless the scenario
# is the warm re-run. Prints one line per scenario with its wall time.
#
# Usage: bash scripts/costs.sh     (Docker and the stand-in images as for the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npx ncc build src/cli.ts -o "$work/cli" --target es2022 >/dev/null 2>&1
cli=(node "$work/cli/index.js")

service() {
  local dir=$1 nonce=$2
  git init -q -b main "$dir"
  mkdir -p "$dir/cmd/server" "$dir/internal/store"
  printf 'module example.com/orders\n\ngo 1.19\n' >"$dir/go.mod"
  cat >"$dir/internal/store/store.go" <<'GO'
package store

import (
	"sort"
	"sync"
	"time"
)

type Order struct {
	ID      int       `json:"id"`
	Item    string    `json:"item"`
	Created time.Time `json:"created"`
}

type Store struct {
	mu     sync.Mutex
	orders map[int]Order
	next   int
}

func New() *Store { return &Store{orders: map[int]Order{}, next: 1} }

func (s *Store) Add(item string) Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := Order{ID: s.next, Item: item, Created: time.Now().UTC()}
	s.orders[o.ID] = o
	s.next++
	return o
}

func (s *Store) List() []Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Order, 0, len(s.orders))
	for _, o := range s.orders {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
GO
  cat >"$dir/cmd/server/main.go" <<GO
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"

	"example.com/orders/internal/store"
)

const build = "$nonce"

func main() {
	s := store.New()
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok " + build)) })
	mux.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			var in struct{ Item string }
			if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			json.NewEncoder(w).Encode(s.Add(in.Item))
			return
		}
		json.NewEncoder(w).Encode(s.List())
	})
	addr := ":8080"
	if a := os.Getenv("ADDR"); a != "" {
		addr = a
	}
	log.Fatal(http.ListenAndServe(addr, mux))
}
GO
  cat >"$dir/Dockerfile" <<'DOCKERFILE'
FROM golang:bookworm AS build
WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server

FROM debian:bookworm-slim
COPY --from=build /out/server /usr/local/bin/server
USER nobody
ENTRYPOINT ["/usr/local/bin/server"]
DOCKERFILE
  printf '.git\n' >"$dir/.dockerignore"
  git -C "$dir" add -A
  git -C "$dir" -c user.name=t -c user.email=t@example.com commit -qm main
  git -C "$dir" checkout -qb pull-request
  sed -i 's/"ok "/"healthy "/' "$dir/cmd/server/main.go"
  git -C "$dir" -c user.name=t -c user.email=t@example.com commit -qam 'pull request: a handler changes'
}

# scenario NAME FLAGS...: a fresh service, the CLI run once, its wall time.
scenario() {
  local name=$1 dir
  shift
  dir="$work/$name"
  service "$dir" "$name-$(date +%s%N)"
  timed "$name" "$dir" "$@"
}

timed() {
  local name=$1 dir=$2 start end code=0
  shift 2
  start=$(date +%s%N)
  (cd "$dir" && "${cli[@]}" "$@" --json "$work/$name.json" >"$work/$name.out" 2>"$work/$name.err") || code=$?
  end=$(date +%s%N)
  [ "$code" -le 1 ] || { cat "$work/$name.err" >&2; exit 1; }
  # What the run did, from its report: so a time is known to include the base build or the proof.
  facts=$(node -e 'const r = require(process.argv[1]); const b = r.baseline, s = r.suggestion
    console.log(`baseline: ${b.source}${b.error ? " (" + b.error.slice(0, 40) + "…)" : b.size ? " built" : ""}; suggestion: ${s ? (s.verified ? "built and started" : "not built") : "none"}`)' "$work/$name.json")
  printf '%-30s %6.1f s   %-48s %s\n' "$name" "$(((end - start) / 1000000))e-3" "$*" "$facts"
}

echo "engine: $(docker version --format '{{.Server.Version}}'), $(nproc) cores; go-image-budget $(node -p "require('$root/package.json').version")"
scenario dockerfile-only --dockerfile-only
scenario build-and-measure --baseline none --verify-suggestion false --budget 200MB
scenario pull-request --base-ref main --budget 200MB
timed pull-request-rerun-warm-cache "$work/pull-request" --base-ref main --budget 200MB
scenario pull-request-with-proof --base-ref main --budget 200MB --verify-suggestion true
