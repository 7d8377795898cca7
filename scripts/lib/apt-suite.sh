# Sourced by the setup scripts: packages from another Debian suite on this
# machine's own mirror, without touching the system's apt state.
#
# The suite's source is derived from the machine's own apt sources (deb822 or
# one-line), with the suite name swapped; its lists live in a private state
# directory. No mirror host is ever written anywhere but that private state.
#
#   suite_chain            this machine's suite, then the later ones, one per line
#   suite_older            the suites before this machine's, newest first (for old toolchains)
#   suite_prepare SUITE    private apt state for SUITE (updated once per run); sets SUITE_OPTS
#   suite_candidate SUITE PKG   the candidate version of PKG in SUITE, or nothing
#   suite_download SUITE DIR PKG...  the .deb files into DIR

SUITE_STATE_ROOT=${GO_IMAGE_BUDGET_APT_STATE:-/var/tmp/go-image-budget-apt}
declare -A SUITE_READY=()
SUITE_OPTS=()

suite_chain() {
  local own
  own=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  case $own in
    bookworm) printf '%s\n' bookworm trixie forky ;;
    trixie) printf '%s\n' trixie forky ;;
    *) [ -n "$own" ] && printf '%s\n' "$own" ;;
  esac
}

suite_older() {
  local own
  own=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  case $own in
    bookworm) printf '%s\n' bullseye ;;
    trixie) printf '%s\n' bookworm bullseye ;;
    forky) printf '%s\n' trixie bookworm bullseye ;;
  esac
}

suite_prepare() {
  local suite=$1 own state f
  own=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  state="$SUITE_STATE_ROOT/$suite"
  SUITE_OPTS=(-o "Dir::State=$state" -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache"
    -o "Dir::Etc::SourceList=$state/sources/suite.list" -o "Dir::Etc::SourceParts=$state/sources"
    -o "Dir::State::status=/var/lib/dpkg/status" -o "APT::Get::List-Cleanup=0" -o "Debug::NoLocking=1")
  [ -n "${SUITE_READY[$suite]:-}" ] && return 0
  mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/sources"
  : > "$state/sources/suite.sources"
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # Keep the stanzas of the main suite (not -security/-updates), with the suite swapped.
    awk -v cur="$own" -v nxt="$suite" 'BEGIN { RS = ""; ORS = "\n\n" }
      { keep = 0; out = ""; n = split($0, L, "\n")
        for (i = 1; i <= n; i++) {
          if (L[i] ~ /^Suites:/) {
            if (L[i] ~ ("(^|[ ])" cur "([ ]|$)")) { keep = 1; L[i] = "Suites: " nxt } }
          out = out L[i] "\n" }
        if (keep && out ~ /(^|\n)Types:[^\n]*deb([ \n]|$)/) print out }' "$f" >> "$state/sources/suite.sources"
  done
  : > "$state/sources/suite.list"
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    grep -E "^deb[[:space:]].*[[:space:]]$own[[:space:]]" "$f" \
      | sed -E "s/[[:space:]]$own[[:space:]]/ $suite /" >> "$state/sources/suite.list" || true
  done
  [ -s "$state/sources/suite.sources" ] || [ -s "$state/sources/suite.list" ] || return 1
  apt-get "${SUITE_OPTS[@]}" update -qq >/dev/null 2>&1 || return 1
  SUITE_READY[$suite]=1
}

suite_candidate() {
  suite_prepare "$1" || return 0
  apt-cache "${SUITE_OPTS[@]}" policy "$2" 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" { print $2 }'
}

suite_download() {
  local suite=$1 dir=$2; shift 2
  suite_prepare "$suite" || return 1
  mkdir -p "$dir"
  chmod 755 "$dir"
  (cd "$dir" && apt-get "${SUITE_OPTS[@]}" download "$@" >/dev/null 2>&1)
}
