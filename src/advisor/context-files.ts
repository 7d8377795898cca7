// Facts about the build context the rules need, read from disk without
// Docker: .dockerignore, go.mod (and whether vendor/ holds the modules), what
// a broad COPY would send that no image needs (.git, build output, testdata/,
// large files), what the Go sources import (the module's own packages and
// vendor/), and which files the program opens at run time. Bounded walks, so
// it stays fast on big repositories.
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, type Stats } from 'node:fs'
import path from 'node:path'
import { constraintOf, fileApplies } from './build-tags.js'
import { cgoOnlyModule } from './cgo-modules.js'
import { isIgnored, parseDockerignore } from './dockerignore-match.js'
import type { ContextFiles } from './rule.js'

// Top-level entries that belong to the checkout or a local build, never an image.
const UNWANTED_DIRS = new Set(['.git', 'node_modules', 'bin', 'dist', 'coverage', '.idea', '.vscode', '.terraform', 'tmp'])
const UNWANTED_FILE = /\.(test|out|exe|prof|log|tar|tgz|zip)$/
// Not walked for sources: checkout, dependencies of other languages, test data, build output.
const SKIP_DIRS = new Set(['.git', 'node_modules', 'testdata', 'dist', 'bin'])
/** A file this large that no Go build reads is worth naming when a broad COPY ships it. */
export const LARGE_FILE = 1_000_000
const MAX_GO_FILES = 20000
const MAX_GO_BYTES = 64 * 1024 * 1024
// Sizing stops here (a lower bound then), so a huge node_modules cannot make the check slow.
const MAX_SIZE_ENTRIES = 20000
const BUILD_FILES = new Set(['go.mod', 'go.sum', 'go.work', 'go.work.sum', 'Makefile', 'Dockerfile', '.dockerignore'])

/** Total bytes under a path, stopping after a bounded number of entries (then a lower bound). */
function diskBytes(start: string, budget = { left: MAX_SIZE_ENTRIES }): { bytes: number; complete: boolean } {
  let total = 0
  const stack = [start]
  while (stack.length > 0 && budget.left-- > 0) {
    const p = stack.pop()!
    let st: Stats
    try {
      st = lstatSync(p)
    } catch {
      continue
    }
    if (st.isDirectory()) {
      try {
        for (const e of readdirSync(p)) stack.push(path.join(p, e))
      } catch {
        /* unreadable: skip */
      }
    } else total += st.size
  }
  return { bytes: total, complete: stack.length === 0 }
}

function isElfExecutable(file: string, st: Stats): boolean {
  if (!st.isFile() || (st.mode & 0o111) === 0 || st.size < 4) return false
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(4)
    readSync(fd, head, 0, 4, 0)
    return head.toString('latin1') === '\x7fELF'
  } finally {
    closeSync(fd)
  }
}

export interface GoMod {
  module: string | null
  requires: number
  goVersion: string | null
  /** The required module paths. */
  paths: string[]
  /** `replace` targets that are local directories (`./third_party/x`), relative to the module. */
  localReplaces: string[]
}

export function parseGoMod(text: string): GoMod {
  const module = /^\s*module\s+("?)([^\s"]+)\1/m.exec(text)?.[2] ?? null
  const goVersion = /^\s*go\s+(\d+\.\d+(\.\d+)?)\s*$/m.exec(text)?.[1] ?? null
  const paths: string[] = []
  const localReplaces: string[] = []
  let block: string | null = null
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim()
    const open = /^(require|replace)\s*\($/.exec(line)
    if (block) {
      if (line === ')') block = null
      else if (line !== '') (block === 'require' ? paths : localReplaces).push(line)
    } else if (open) block = open[1]
    else if (/^require\s+\S+/.test(line)) paths.push(line.replace(/^require\s+/, ''))
    else if (/^replace\s+\S+/.test(line)) localReplaces.push(line.replace(/^replace\s+/, ''))
  }
  const local = localReplaces.map((r) => r.split('=>')[1]?.trim().split(/\s+/)[0] ?? '').filter((d) => d.startsWith('./') || d.startsWith('../'))
  return { module, requires: paths.length, goVersion, paths: paths.map((p) => p.split(/\s+/)[0]), localReplaces: local.map((d) => d.replace(/^\.\//, '').replace(/\/$/, '')) }
}

/** go.work's `use` directories, relative to it. */
export function parseGoWork(text: string): string[] {
  const uses: string[] = []
  let inBlock = false
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim()
    if (inBlock) {
      if (line === ')') inBlock = false
      else if (line !== '') uses.push(line)
    } else if (/^use\s*\($/.test(line)) inBlock = true
    else if (/^use\s+\S+/.test(line)) uses.push(line.replace(/^use\s+/, ''))
  }
  return uses.map((u) => u.replace(/^\.\/?/, '').replace(/\/$/, '')).map((u) => (u === '' ? '.' : u))
}

/** Import paths of one Go source file (single and grouped imports). */
export function goImports(source: string): string[] {
  const imports: string[] = []
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '')
  for (const m of code.matchAll(/^\s*import\s+(?:[\w.]+\s+)?"([^"]+)"/gm)) imports.push(m[1])
  for (const block of code.matchAll(/^\s*import\s*\(([\s\S]*?)\)/gm)) {
    // Every string literal in the group is an import path (`import ("a"; b "c")` too).
    for (const m of block[1].replace(/\/\/.*$/gm, '').matchAll(/"([^"]+)"/g)) imports.push(m[1])
  }
  return imports
}

/**
 * Top-level context entries a program names in a string literal (`"templates/index.html"`,
 * `http.Dir("./static")`): files it opens at run time, unless `//go:embed` builds them in.
 */
export function runtimeFileNames(source: string, topLevel: Set<string>): { opened: string[]; embedded: string[] } {
  const opened = new Set<string>()
  const embedded = new Set<string>()
  for (const m of source.matchAll(/^\s*\/\/go:embed\s+(.+)$/gm)) {
    for (const p of m[1].split(/\s+/))
      embedded.add(
        p
          .replace(/^["`]|["`]$/g, '')
          .replace(/^\.\//, '')
          .split('/')[0]
      )
  }
  const code = source
    .replace(/^\s*import\s*\([\s\S]*?\)/gm, '')
    .replace(/^\s*import\s+.*$/gm, '')
    .replace(/\/\/.*$/gm, '')
  for (const m of code.matchAll(/"((?:\.\/)?[A-Za-z0-9_.-]+)(?:\/[^"]*)?"/g)) {
    const name = m[1].replace(/^\.\//, '')
    if (topLevel.has(name)) opened.add(name)
  }
  return { opened: [...opened].filter((n) => !embedded.has(n)), embedded: [...embedded] }
}

// Any tag a `-tags` flag may name holds: the cgo files any build could select are listed with their constraint.
const ANY_TAG: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>

/** The context's Makefile (what `make` reads in the directory the COPY put it), or null. */
function readMakefile(contextDir: string): string | null {
  const name = ['GNUmakefile', 'makefile', 'Makefile'].find((n) => existsSync(path.join(contextDir, n)))
  return name ? readFileSync(path.join(contextDir, name), 'utf8') : null
}

/** go.work's modules: their directories, whether they have a go.sum, and how many modules outside the workspace they require. */
function readGoWork(contextDir: string): ContextFiles['goWork'] {
  const file = path.join(contextDir, 'go.work')
  if (!existsSync(file)) return null
  const dirs = parseGoWork(readFileSync(file, 'utf8'))
  const mods = dirs.map((dir) => {
    const mod = path.join(contextDir, dir, 'go.mod')
    return { dir, hasGoSum: existsSync(path.join(contextDir, dir, 'go.sum')), goMod: existsSync(mod) ? parseGoMod(readFileSync(mod, 'utf8')) : null }
  })
  const local = new Set(mods.map((m) => m.goMod?.module).filter(Boolean))
  return { uses: mods.map((m) => ({ dir: m.dir, hasGoSum: m.hasGoSum, requires: (m.goMod?.paths ?? []).filter((p) => !local.has(p)).length })) }
}

/** `dockerfile`: BuildKit also reads `<Dockerfile>.dockerignore` beside it, in place of the context's. */
export function readContextFiles(contextDir: string, dockerfile: string | null = null): ContextFiles {
  const ignoreFile = dockerfile !== null && existsSync(`${dockerfile}.dockerignore`) ? `${dockerfile}.dockerignore` : path.join(contextDir, '.dockerignore')
  const hasDockerignore = existsSync(ignoreFile)
  const patterns = hasDockerignore ? parseDockerignore(readFileSync(ignoreFile, 'utf8')) : []
  const shipped = (rel: string) => !isIgnored(patterns, rel)
  const entries = readdirSync(contextDir)
  const unwanted: ContextFiles['unwanted'] = []
  const budget = { left: MAX_SIZE_ENTRIES }
  const addDir = (rel: string, full: string) => {
    const size = diskBytes(full, budget)
    unwanted.push({ path: `${rel}/`, bytes: size.bytes, ...(size.complete ? {} : { atLeast: true }) })
  }
  for (const name of entries) {
    const full = path.join(contextDir, name)
    const st = lstatSync(full)
    if (!shipped(name)) continue
    if (st.isDirectory() && UNWANTED_DIRS.has(name)) addDir(name, full)
    else if (st.isFile() && (UNWANTED_FILE.test(name) || isElfExecutable(full, st))) unwanted.push({ path: name, bytes: st.size })
  }
  const goModPath = path.join(contextDir, 'go.mod')
  const goMod = existsSync(goModPath) ? parseGoMod(readFileSync(goModPath, 'utf8')) : null
  const vendored = existsSync(path.join(contextDir, 'vendor', 'modules.txt'))
  const topLevel = new Set(entries.filter((n) => !n.endsWith('.go') && !BUILD_FILES.has(n) && !n.startsWith('.') && n !== 'vendor' && !n.startsWith('Dockerfile')))

  const imports = new Set<string>()
  const opened = new Set<string>()
  const mainPackages = new Set<string>()
  const cgoFiles: NonNullable<ContextFiles['cgoFiles']> = []
  let loadsTimeZones = false
  let goFiles = 0
  let goBytes = 0
  let vendorFiles = 0
  const stack = [contextDir]
  while (stack.length > 0 && goFiles < MAX_GO_FILES && goBytes < MAX_GO_BYTES) {
    const dir = stack.pop()!
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      continue
    }
    const rel = path.relative(contextDir, dir).split(path.sep).join('/')
    const inVendor = rel === 'vendor' || rel.startsWith('vendor/')
    for (const name of names) {
      const full = path.join(dir, name)
      const relName = rel ? `${rel}/${name}` : name
      let st: Stats
      try {
        st = lstatSync(full)
      } catch {
        continue
      }
      if (st.isFile() && name.endsWith('.go') && !name.endsWith('_test.go')) {
        goFiles++
        if (inVendor) vendorFiles++
        goBytes += st.size
        const source = readFileSync(full, 'utf8')
        const fileImports = goImports(source)
        // C code (or a cgo-only module) in a file a Linux build may compile, with the tags that select it.
        const cgo = fileImports.includes('C') ? 'import "C"' : (fileImports.map(cgoOnlyModule).find((m) => m !== null) ?? null)
        if (cgo !== null && fileApplies(name, source, ANY_TAG)) cgoFiles.push({ file: relName, constraint: constraintOf(source), why: cgo })
        // What a build without -tags compiles: the program's imports, its main packages, its files.
        if (!fileApplies(name, source)) continue
        for (const i of fileImports) imports.add(i)
        if (/\btime\.LoadLocation\s*\(/.test(source)) loadsTimeZones = true
        if (!inVendor) {
          for (const n of runtimeFileNames(source, topLevel).opened) opened.add(n)
          if (/^package\s+main\b/m.test(source)) mainPackages.add(rel || '.')
        }
      } else if (st.isDirectory()) {
        if (name === 'testdata' && shipped(relName)) addDir(relName, full)
        if (!SKIP_DIRS.has(name) && !name.startsWith('.') && !UNWANTED_DIRS.has(relName)) stack.push(full)
      } else if (st.isFile() && st.size >= LARGE_FILE && !inVendor && !BUILD_FILES.has(name) && shipped(relName) && !unwanted.some((u) => u.path === relName)) {
        unwanted.push({ path: relName, bytes: st.size })
      }
    }
  }
  return {
    hasDockerignore,
    goMod,
    unwanted: unwanted.sort((a, b) => a.path.localeCompare(b.path)),
    imports: [...imports].sort(),
    loadsTimeZones,
    vendored,
    runtimeFiles: [...opened].sort(),
    scan: { goFiles, vendorFiles, complete: stack.length === 0 },
    hasGoSum: existsSync(path.join(contextDir, 'go.sum')),
    goWork: readGoWork(contextDir),
    cgoFiles: cgoFiles.sort((a, b) => a.file.localeCompare(b.file)),
    mainPackages: [...mainPackages].sort(),
    makefile: readMakefile(contextDir)
  }
}
