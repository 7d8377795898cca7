// The Go package a symbol belongs to, from its name as the linker writes it
// (pclntab function names, .symtab names). The package path is everything up
// to the first '.' after the last '/' (the linker escapes dots in the last
// path element as %2e: `gopkg.in/yaml%2ev3.Marshal`), once a generic
// instantiation (`pkg.F[go.shape.int]`, whose arguments hold other paths) is
// cut off. Compiler-made symbols name the package of their type:
// `type:*pkg.T`, `type:.eq.pkg.T` (`type..eq.` before Go 1.20),
// `go:itab.*pkg.T,io.Reader` (`go.itab.` before 1.20). Symbols of no package
// (`go:string.*`, `$f64.…`, `gclocals·…`, C functions) give null.

/** The package path of a Go symbol name, or null when it belongs to no package. */
export function symbolPackage(name: string): string | null {
  let rest = name
  const typeAt = rest.startsWith('type:') ? 5 : rest.startsWith('type.') ? 5 : -1
  if (typeAt > 0) {
    rest = rest.slice(typeAt)
    // Equality and hash functions of a type: `type:.eq.pkg.T`, `type..eq.[2]pkg.T`.
    const helper = /^\.(eq|hash)\./.exec(rest)
    if (helper) rest = rest.slice(helper[0].length)
    else if (rest.startsWith('.')) return null
    return typePackage(rest)
  }
  if (rest.startsWith('go:itab.') || rest.startsWith('go.itab.')) {
    const comma = rest.indexOf(',')
    return typePackage(rest.slice(8, comma < 0 ? undefined : comma))
  }
  // `go.` is also the start of domains (go.uber.org/zap): only the linker's own words are its symbols.
  if (rest.startsWith('go:') || LINKER_GO_DOT.test(rest) || rest.startsWith('$') || rest.includes('·')) return null
  return packagePath(rest)
}

const LINKER_GO_DOT =
  /^go\.(string|func|funcrel|buildinfo|buildid|info|importpath|shape|cuinfo|builtin|weak|map|link|constinfo|dict|loc|range|debug\w*|track|typelink|itablink|fipsinfo|main|go|runtimeinfo|ptab|plugin)\b/

/** The package of a type's name: `*pkg.T`, `[]pkg.T`, `map[string]pkg.T` name pkg; literal types (`struct {…}`, `func(…)`) name none. */
function typePackage(type: string): string | null {
  let rest = type
  for (;;) {
    const prefix = /^(\*|\[(\d*|\.\.\.)\]|chan<- |<-chan |chan |map\[[^\]]*\])/.exec(rest)
    if (!prefix) break
    rest = rest.slice(prefix[0].length)
  }
  if (/^(struct|interface|func)\b/.test(rest) || rest.startsWith('noalg.')) return null
  return packagePath(rest)
}

/** `path/to/pkg.Name…` → `path/to/pkg`, with `%2e` unescaped; null without a package qualifier. */
function packagePath(qualified: string): string | null {
  const bracket = qualified.indexOf('[')
  const base = bracket < 0 ? qualified : qualified.slice(0, bracket)
  const slash = base.lastIndexOf('/')
  const dot = base.indexOf('.', slash + 1)
  if (dot <= 0) return null
  const path = base.slice(0, dot)
  if (!/^[\w\-~%+/.]+$/.test(path)) return null
  return path.includes('%') ? path.replace(/%2e/gi, '.') : path
}

/** The import path a vendored package stands for (GOPATH vendoring): `app/vendor/github.com/x/y` → `github.com/x/y`. */
export function unvendored(path: string): string {
  const at = path.lastIndexOf('/vendor/')
  return at >= 0 ? path.slice(at + 8) : path
}

/** A standard library package: no dot in the first path element (`net/http`, `vendor/golang.org/x/net/…`, `internal/abi`). */
export function isStdPackage(path: string): boolean {
  if (path === 'main') return false
  const first = path.split('/', 1)[0]
  return !first.includes('.')
}

/** The root of an import path without module information: the repository on the known code hosts, else the first two elements. */
export function importPathRoot(path: string): string {
  const parts = path.split('/')
  const depth = /^(github\.com|gitlab\.com|bitbucket\.org|golang\.org)$/.test(parts[0]) ? 3 : /^gopkg\.in$/.test(parts[0]) ? 2 : parts[0].includes('.') ? 2 : 1
  return parts.slice(0, depth).join('/')
}
