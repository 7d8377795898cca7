// Just enough shell to read what a RUN does: split a script into simple
// commands (on `&&`, `||`, `;`, `|`, newlines) and each into words with
// quotes removed, then pick out `go build` invocations and their flags.
// Not a shell: no expansion beyond what the Dockerfile model already did.

/** Splits a script into commands, each a list of words (quotes removed). */
export function splitCommands(script: string): string[][] {
  const commands: string[][] = []
  let words: string[] = []
  let word = ''
  let inWord = false
  let quote: '"' | "'" | null = null
  const endWord = () => {
    if (inWord) words.push(word)
    word = ''
    inWord = false
  }
  const endCommand = () => {
    endWord()
    if (words.length > 0) commands.push(words)
    words = []
  }
  for (let i = 0; i < script.length; i++) {
    const c = script[i]
    if (quote) {
      if (c === quote) quote = null
      else if (c === '\\' && quote === '"' && i + 1 < script.length && '"\\$`'.includes(script[i + 1])) word += script[++i]
      else word += c
      continue
    }
    if (c === '"' || c === "'") {
      quote = c
      inWord = true
      continue
    }
    if (c === '\\') {
      if (script[i + 1] === '\n') {
        i++
        continue
      } // line continuation
      if (i + 1 < script.length) {
        word += script[++i]
        inWord = true
      }
      continue
    }
    if (c === '#' && !inWord) {
      // comment to end of line
      while (i + 1 < script.length && script[i + 1] !== '\n') i++
      continue
    }
    if (c === '\n' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
      endCommand()
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord()
      continue
    }
    word += c
    inWord = true
  }
  endCommand()
  return commands
}

export interface GoBuild {
  /** `go install` puts the binary in $GOBIN (default $GOPATH/bin), not the working directory. */
  subcommand: 'build' | 'install'
  /** Environment assignments before `go` on the same command (`CGO_ENABLED=0 go build`). */
  env: Record<string, string>
  /** `-o` value as written, or null (then Go names the binary after the package). */
  output: string | null
  /** `-ldflags` value as written, or null. */
  ldflags: string | null
  /** `-s` and `-w` both in ldflags: no symbol table, no DWARF. */
  stripped: boolean
  trimpath: boolean
  tags: string | null
  /** Package or file arguments (`.`, `./cmd/app`, `helloworld.go`). */
  packages: string[]
  /** The words of the whole command, for rewriting. */
  words: string[]
  /** `-mod` value (`vendor`, `mod`, `readonly`), or null. */
  mod: string | null
}

// go build flags that take a value (the next word, unless written `-flag=value`).
const VALUE_FLAGS = new Set([
  'o',
  'ldflags',
  'gcflags',
  'asmflags',
  'gccgoflags',
  'tags',
  'mod',
  'modfile',
  'overlay',
  'pgo',
  'pkgdir',
  'buildmode',
  'compiler',
  'installsuffix',
  'p',
  'toolexec',
  'C',
  'covermode',
  'coverpkg',
  'buildvcs'
])
// Boolean flags that may also be written `-flag=true|false`.
const BOOL_VALUE_FLAGS = new Set(['buildvcs', 'trimpath', 'race', 'msan', 'asan', 'a', 'n', 'v', 'x', 'cover', 'linkshared', 'modcacherw', 'work'])

/** Finds `go build` (and `go install`) in a list of commands. */
export function findGoBuilds(commands: string[][]): GoBuild[] {
  const builds: GoBuild[] = []
  for (const words of commands) {
    const env: Record<string, string> = {}
    let i = 0
    if (words[0] === 'env') i++
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])) {
      const eq = words[i].indexOf('=')
      env[words[i].slice(0, eq)] = words[i].slice(eq + 1)
      i++
    }
    const go = words[i]
    const sub = words[i + 1]
    if (go === undefined || !isGo(go) || (sub !== 'build' && sub !== 'install')) continue
    // `go install pkg@version` installs a tool, not the program.
    if (sub === 'install' && words.slice(i + 2).some((w) => !w.startsWith('-') && w.includes('@'))) continue
    builds.push(parseGoBuildArgs(sub, words.slice(i + 2), env, words))
  }
  return builds
}

/** `go`, `/usr/local/go/bin/go`, or tonistiigi/xx's cross-compiling wrapper `xx-go`. */
const isGo = (word: string) => /(^|\/)(xx-)?go$/.test(word)

function parseGoBuildArgs(subcommand: 'build' | 'install', args: string[], env: Record<string, string>, words: string[]): GoBuild {
  const build: GoBuild = { subcommand, env, output: null, ldflags: null, stripped: false, trimpath: false, tags: null, packages: [], words, mod: null }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (!arg.startsWith('-') || arg === '-') {
      build.packages.push(arg)
      continue
    }
    const body = arg.replace(/^--?/, '')
    const eq = body.indexOf('=')
    const name = eq >= 0 ? body.slice(0, eq) : body
    let value: string | null = eq >= 0 ? body.slice(eq + 1) : null
    if (value === null && VALUE_FLAGS.has(name) && !BOOL_VALUE_FLAGS.has(name)) value = args[++i] ?? null
    if (name === 'o') build.output = value
    else if (name === 'ldflags') build.ldflags = value
    else if (name === 'tags') build.tags = value
    else if (name === 'trimpath') build.trimpath = value === null || value === 'true'
    else if (name === 'mod') build.mod = value
  }
  build.stripped = build.ldflags !== null && ldflagsStrip(build.ldflags)
  return build
}

/** True when link flags drop both the symbol table (-s) and DWARF (-w). */
export function ldflagsStrip(ldflags: string): boolean {
  const words = splitCommands(ldflags)[0] ?? []
  const has = (flag: string) => words.some((w) => w === `-${flag}` || w === `--${flag}` || w === `-${flag}=true`)
  return has('s') && has('w')
}

/** The go subcommand (and its first argument) of a command: `go mod download` → ['mod', 'download']. */
function goCommand(words: string[]): string[] | null {
  const i = words.findIndex((x) => isGo(x))
  return i >= 0 ? words.slice(i + 1, i + 3) : null
}

/** A step that fetches modules: `go mod download`, `go mod tidy`, `go mod vendor`, `go get`. */
export function hasGoModDownload(commands: string[][]): boolean {
  return commands.some((w) => {
    const go = goCommand(w)
    return go !== null && ((go[0] === 'mod' && ['download', 'tidy', 'vendor'].includes(go[1])) || go[0] === 'get')
  })
}

/** A step that resolves modules, downloading what is missing: go build/install/run/test/generate/vet, or a make target. */
export function resolvesModules(commands: string[][]): boolean {
  return commands.some((w) => {
    const go = goCommand(w)
    if (go !== null) return ['build', 'install', 'run', 'test', 'generate', 'vet', 'list'].includes(go[0])
    return w.some((x, i) => /(^|\/)g?make$/.test(x) && (i === 0 || /^[A-Za-z_]\w*=/.test(w[i - 1])))
  })
}

/** Builds from vendor/ (`-mod=vendor`, or GOFLAGS carrying it): no module is downloaded. */
export function usesVendor(commands: string[][]): boolean {
  return commands.some((w) => w.some((x) => /^(--?mod=vendor|GOFLAGS=.*-mod=vendor.*)$/.test(x)))
}

/** Packages a command installs with the distribution's package manager, by manager. */
export function installedPackages(commands: string[][]): { manager: string; packages: string[] }[] {
  const found: { manager: string; packages: string[] }[] = []
  for (const w of commands) {
    const i = w.findIndex((x) => /(^|\/)(apk|apt-get|apt|yum|dnf|microdnf|zypper)$/.test(x))
    if (i < 0) continue
    const manager = w[i].split('/').pop()!
    const verb = w.slice(i + 1).find((x) => !x.startsWith('-'))
    if (!(manager === 'apk' ? verb === 'add' : verb === 'install')) continue
    const after = w.slice(w.indexOf(verb!, i + 1) + 1)
    const packages: string[] = []
    for (let k = 0; k < after.length; k++) {
      const x = after[k]
      if (x.startsWith('-')) {
        if (['--virtual', '-t', '--repository', '-X'].includes(x)) k++
        continue
      }
      packages.push(x.replace(/[=<>~].*$/, ''))
    }
    found.push({ manager, packages })
  }
  return found
}

/** Quotes a word for a Dockerfile shell-form RUN only when it needs it. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word
  if (/^-ldflags=/.test(word)) return `-ldflags="${word.slice('-ldflags='.length).replace(/(["\\$`])/g, '\\$1')}"`
  return `'${word.replace(/'/g, `'\\''`)}'`
}
