// Just enough make to see what `RUN make build` runs: the Makefile's
// variables (`=`, `:=`, `?=`, `+=`, `export`), its rules and their recipes,
// prerequisites followed, `$(VAR)` expanded. Not make: no pattern rules, no
// functions, no conditionals (their lines are skipped). Pure.
import { splitCommands } from './shell.js'

export interface MakeCommand {
  /** The recipe command's words, variables expanded. */
  words: string[]
  /** The recipe line as the Makefile has it (for a fix that names it). */
  text: string
  target: string
  /** 1-based line of the recipe line in the Makefile. */
  line: number
  /** Directory the command runs in, relative to where make runs (`cd x &&` before it). */
  cd: string | null
}

export interface MakeRun {
  commands: MakeCommand[]
  /** Variables the Makefile exports to its recipes (`export CGO_ENABLED=0`). */
  env: Record<string, string>
}

interface Rule {
  prerequisites: string[]
  recipe: { text: string; line: number }[]
}

function expand(text: string, vars: Record<string, string>, depth = 0): string {
  if (depth > 8) return text
  // `$$` is a literal `$`; `$(VAR)` and `${VAR}` expand (recursively, as `=` variables do).
  return text.replace(/\$\$|\$[({]([A-Za-z_][\w]*)[)}]/g, (_m, name: string | undefined) => (name === undefined ? '$' : expand(vars[name] ?? '', vars, depth + 1)))
}

/** Reads a Makefile: its variables, exported names and rules. */
function parse(makefile: string, overrides: Record<string, string>) {
  const vars: Record<string, string> = {}
  const exported = new Set<string>()
  const rules = new Map<string, Rule>()
  let first: string | null = null
  let current: Rule[] = []
  const lines = makefile.split('\n')
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i]
    const start = i
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i].trim()}`
    if (text.startsWith('\t')) {
      for (const r of current) r.recipe.push({ text: text.slice(1), line: start + 1 })
      continue
    }
    const line = text.replace(/(^|[^\\])#.*$/, '$1').trim()
    if (line === '') continue
    const assign = /^(export\s+|override\s+)?([A-Za-z_][\w]*)\s*(\?=|:=|::=|\+=|=)\s*(.*)$/.exec(line)
    if (assign) {
      const [, prefix, name, op, value] = assign
      if (prefix?.startsWith('export')) exported.add(name)
      if (name in overrides) continue
      if (op === '?=' && name in vars) continue
      vars[name] = op === '+=' ? `${vars[name] ?? ''} ${value}`.trim() : op === ':=' || op === '::=' ? expand(value, vars) : value
      current = []
      continue
    }
    const exportOnly = /^export\s+([\w\s]+)$/.exec(line)
    if (exportOnly) {
      for (const n of exportOnly[1].split(/\s+/)) exported.add(n)
      continue
    }
    const rule = /^([^:=]+?)\s*::?\s*([^=]*)$/.exec(line)
    if (rule && !/^(ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|define|endef)\b/.test(line)) {
      const targets = expand(rule[1], vars).split(/\s+/).filter(Boolean)
      const prerequisites = expand(rule[2].split(';')[0], vars).split(/\s+/).filter(Boolean)
      current = targets.map((t) => {
        const r = rules.get(t) ?? { prerequisites: [], recipe: [] }
        r.prerequisites.push(...prerequisites)
        rules.set(t, r)
        return r
      })
      first ??= targets.find((t) => !t.startsWith('.') && !t.includes('%')) ?? null
      continue
    }
    current = []
  }
  Object.assign(vars, overrides)
  return { vars, exported, rules, first }
}

/**
 * The commands `make [VAR=value…] [target…]` runs, prerequisites first; null
 * when a target is not in the Makefile (what runs is then not known).
 */
export function makeCommands(makefile: string, targets: string[], overrides: Record<string, string> = {}): MakeRun | null {
  const { vars, exported, rules, first } = parse(makefile, overrides)
  const wanted = targets.length > 0 ? targets : first ? [first] : []
  if (wanted.length === 0) return null
  const commands: MakeCommand[] = []
  const done = new Set<string>()
  const visit = (target: string, depth: number): boolean => {
    if (done.has(target) || depth > 10) return true
    done.add(target)
    const rule = rules.get(target)
    if (!rule) return depth > 0 // a prerequisite that is a file; a named target must be a rule
    for (const p of rule.prerequisites) visit(p, depth + 1)
    for (const r of rule.recipe) {
      const body = expand(r.text.replace(/^[@+-]+/, ''), vars)
      let cd: string | null = null
      for (const words of splitCommands(body)) {
        if (words[0] === 'cd' && words[1]) cd = cd && !words[1].startsWith('/') ? `${cd}/${words[1]}` : words[1]
        else commands.push({ words, text: r.text, target, line: r.line, cd })
      }
    }
    return true
  }
  for (const t of wanted) if (!visit(t, 0)) return null
  const env = Object.fromEntries([...exported].filter((n) => n in vars).map((n) => [n, expand(vars[n], vars)]))
  return { commands, env }
}
