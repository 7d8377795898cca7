// Facts about the build context the rules need, read from disk without
// Docker: .dockerignore, go.mod, what a broad COPY would send that no image
// needs, and what the Go sources import. Bounded walks, so it stays fast on
// big repositories.
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, type Stats } from 'node:fs'
import path from 'node:path'
import type { ContextFiles } from './rule.js'

// Top-level entries that belong to the checkout or a local build, never an image.
const UNWANTED_DIRS = new Set(['.git', 'node_modules', 'bin', 'dist', 'coverage', '.idea', '.vscode', '.terraform', 'tmp'])
const UNWANTED_FILE = /\.(test|out|exe|prof|log|tar|tgz|zip)$/
const SKIP_DIRS = new Set(['.git', 'node_modules', 'vendor', 'testdata', 'dist', 'bin'])
const MAX_GO_FILES = 3000
// Sizing stops here (a lower bound then), so a huge node_modules cannot make the check slow.
const MAX_SIZE_ENTRIES = 20000

/** Total bytes under a path, stopping after a bounded number of entries (then a lower bound). */
function diskBytes(start: string, budget = { left: MAX_SIZE_ENTRIES }): { bytes: number; complete: boolean } {
  let total = 0
  const stack = [start]
  while (stack.length > 0 && budget.left-- > 0) {
    const p = stack.pop()!
    let st: Stats
    try { st = lstatSync(p) } catch { continue }
    if (st.isDirectory()) {
      try { for (const e of readdirSync(p)) stack.push(path.join(p, e)) } catch { /* unreadable: skip */ }
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

export function parseGoMod(text: string): { module: string | null; requires: number } {
  const module = /^\s*module\s+("?)([^\s"]+)\1/m.exec(text)?.[2] ?? null
  let requires = 0
  let inBlock = false
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim()
    if (inBlock) {
      if (line === ')') inBlock = false
      else if (line !== '') requires++
    } else if (/^require\s*\($/.test(line)) inBlock = true
    else if (/^require\s+\S+/.test(line)) requires++
  }
  return { module, requires }
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

/** `dockerfile`: BuildKit also reads `<Dockerfile>.dockerignore` beside it, in place of the context's. */
export function readContextFiles(contextDir: string, dockerfile: string | null = null): ContextFiles {
  const entries = readdirSync(contextDir)
  const unwanted: ContextFiles['unwanted'] = []
  const budget = { left: MAX_SIZE_ENTRIES }
  for (const name of entries) {
    const full = path.join(contextDir, name)
    const st = lstatSync(full)
    if (st.isDirectory() && UNWANTED_DIRS.has(name)) {
      const size = diskBytes(full, budget)
      unwanted.push({ path: `${name}/`, bytes: size.bytes, ...(size.complete ? {} : { atLeast: true }) })
    }
    else if (st.isFile() && (UNWANTED_FILE.test(name) || isElfExecutable(full, st))) unwanted.push({ path: name, bytes: st.size })
  }
  const goModPath = path.join(contextDir, 'go.mod')
  const goMod = existsSync(goModPath) ? parseGoMod(readFileSync(goModPath, 'utf8')) : null

  const imports = new Set<string>()
  let loadsTimeZones = false
  let seen = 0
  const stack = [contextDir]
  while (stack.length > 0 && seen < MAX_GO_FILES) {
    const dir = stack.pop()!
    let names: string[]
    try { names = readdirSync(dir) } catch { continue }
    for (const name of names) {
      const full = path.join(dir, name)
      if (name.endsWith('.go') && !name.endsWith('_test.go')) {
        seen++
        const source = readFileSync(full, 'utf8')
        for (const i of goImports(source)) imports.add(i)
        if (/\btime\.LoadLocation\s*\(/.test(source)) loadsTimeZones = true
      } else if (!SKIP_DIRS.has(name) && !name.startsWith('.')) {
        try { if (lstatSync(full).isDirectory()) stack.push(full) } catch { /* vanished */ }
      }
    }
  }
  return {
    hasDockerignore: existsSync(path.join(contextDir, '.dockerignore')) || (dockerfile !== null && existsSync(`${dockerfile}.dockerignore`)),
    goMod,
    unwanted,
    imports: [...imports].sort(),
    loadsTimeZones
  }
}
