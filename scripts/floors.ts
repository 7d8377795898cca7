// The house's one direction: src/ drawn from its imports, one unit per
// top-level folder (report/, image/, …) or top-level file (cli.ts, …). A
// unit's floor is 1 above the highest unit it imports. An import that closes
// a cycle between units runs from a lower floor up to a higher one; there
// must be none, and at most MAX_FLOORS floors. Imports are read by
// TypeScript's own pre-processor (type-only imports count too).
//
//   npx tsx scripts/floors.ts          prints the floors; exits 1 on an upward import or too many floors
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const SRC = path.resolve('src')
const MAX_FLOORS = 8

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return name.endsWith('.ts') ? [full] : []
  })
}

/** The unit a file belongs to: its top-level folder under src/, or the file itself. */
function unitOf(file: string): string {
  const [first, ...rest] = path.relative(SRC, file).split(path.sep)
  return rest.length > 0 ? `${first}/` : first.replace(/\.ts$/, '')
}

/** Which units each unit imports, with one file-to-file example of each edge. */
function unitGraph(files: string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>()
  for (const file of files) {
    const from = unitOf(file)
    const edges = graph.get(from) ?? new Map<string, string>()
    graph.set(from, edges)
    for (const imported of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue
      const target = path.resolve(path.dirname(file), imported.fileName.replace(/\.js$/, '.ts'))
      const to = unitOf(target)
      if (to !== from && !edges.has(to)) edges.set(to, `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`)
    }
  }
  return graph
}

/** Strongly connected components (Tarjan): a component of more than one unit is a cycle. */
function components(graph: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const found: string[][] = []
  const visit = (v: string) => {
    index.set(v, index.size)
    low.set(v, index.get(v) as number)
    stack.push(v)
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number))
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop() as string
        component.push(w)
      } while (w !== v)
      found.push(component)
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found
}

const graph = unitGraph(sourceFiles(SRC))
const cycles = components(graph).filter((c) => c.length > 1)
const floor = new Map<string, number>()
const floorOf = (unit: string, seen = new Set<string>()): number => {
  if (floor.has(unit)) return floor.get(unit) as number
  if (seen.has(unit)) return 0 // inside a cycle: reported below
  seen.add(unit)
  const value = 1 + Math.max(0, ...[...(graph.get(unit)?.keys() ?? [])].map((u) => floorOf(u, seen)))
  floor.set(unit, value)
  return value
}
for (const unit of graph.keys()) floorOf(unit)
const floors = Math.max(...floor.values())
for (let f = floors; f >= 1; f--) {
  console.log(
    `floor ${f}: ${[...floor]
      .filter(([, v]) => v === f)
      .map(([u]) => u)
      .sort()
      .join(' ')}`
  )
}
let failed = false
for (const cycle of cycles) {
  failed = true
  console.error(`upward imports: ${cycle.join(', ')} import each other:`)
  for (const a of cycle) for (const [b, example] of graph.get(a) ?? []) if (cycle.includes(b)) console.error(`  ${a} → ${b} (${example})`)
}
if (floors > MAX_FLOORS) {
  failed = true
  console.error(`src/ stands on ${floors} floors; at most ${MAX_FLOORS}`)
}
console.log(failed ? 'floors: FAILED' : `floors: ${floors} (at most ${MAX_FLOORS}), no upward import`)
process.exitCode = failed ? 1 : 0
