// Which Go source files a Linux build compiles: `//go:build` (and the older
// `// +build`) lines and _GOOS/_GOARCH file name suffixes, evaluated for
// linux with the tags a `go build -tags` names. Any architecture counts (the
// target platform is often an ARG), and so does cgo: a file that needs cgo
// is one the build would compile if cgo is on. Pure.

const GOOS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos'])
const GOARCH = new Set(['386', 'amd64', 'arm', 'arm64', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'ppc64', 'ppc64le', 'riscv64', 's390x', 'wasm', 'sparc64'])

/** Whether one build tag holds on linux with `tags` set (GOARCH and go1.N tags always do). */
function tagHolds(tag: string, tags: ReadonlySet<string>): boolean {
  if (tag === 'linux' || tag === 'unix' || tag === 'cgo' || tag === 'gc' || GOARCH.has(tag) || /^go1\.\d+$/.test(tag)) return true
  if (GOOS.has(tag) || tag === 'ignore' || tag === 'gccgo') return false
  return tags.has(tag)
}

/** Evaluates a `//go:build` expression: tags, `!`, `&&`, `||`, parentheses. */
export function evalConstraint(expr: string, tags: ReadonlySet<string>): boolean {
  const tokens = expr.match(/&&|\|\||[!()]|[^\s!()&|]+/g) ?? []
  let i = 0
  const or = (): boolean => {
    let v = and()
    while (tokens[i] === '||') {
      i++
      v = and() || v
    }
    return v
  }
  const and = (): boolean => {
    let v = not()
    while (tokens[i] === '&&') {
      i++
      v = not() && v
    }
    return v
  }
  const not = (): boolean => {
    if (tokens[i] === '!') {
      i++
      return !not()
    }
    if (tokens[i] === '(') {
      i++
      const v = or()
      i++ // ')'
      return v
    }
    return tagHolds(tokens[i++] ?? '', tags)
  }
  return tokens.length === 0 || or()
}

/** The file's build constraint as one expression (`//go:build`, else the `// +build` lines ANDed), or null. */
export function constraintOf(source: string): string | null {
  const header = source.split(/^\s*package\s/m)[0]
  const goBuild = /^\/\/go:build\s+(.+)$/m.exec(header)
  if (goBuild) return goBuild[1].trim()
  const plus = [...header.matchAll(/^\/\/\s*\+build\s+(.+)$/gm)].map((m) =>
    m[1]
      .trim()
      .split(/\s+/)
      .map((alt) => `(${alt.split(',').join(' && ')})`)
      .join(' || ')
  )
  return plus.length > 0 ? plus.map((p) => `(${p})`).join(' && ') : null
}

/** Whether a file's name (`x_windows.go`, `y_darwin_arm64.go`) keeps it out of a Linux build. */
export function nameExcludes(file: string): boolean {
  const parts = file.replace(/(_test)?\.go$/, '').split('_')
  const last = parts[parts.length - 1]
  const before = parts.length > 2 ? parts[parts.length - 2] : ''
  const os = GOOS.has(last) ? last : GOARCH.has(last) && GOOS.has(before) ? before : null
  return os !== null && os !== 'linux'
}

/** Whether a Linux build with `tags` compiles this file. */
export function fileApplies(file: string, source: string, tags: ReadonlySet<string> = new Set()): boolean {
  if (nameExcludes(file)) return false
  const expr = constraintOf(source)
  return expr === null || evalConstraint(expr, tags)
}
