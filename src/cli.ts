#!/usr/bin/env node
// Terminal entry: the same pipeline as the action, flags instead of inputs.
// Every action input is a flag of the same name. Exit codes: 0 pass or warn,
// 1 fail (the worst image, with --bake), 2 usage or environment error (one
// line on stderr); rendering stored reports (--report) exits 0.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { historyFromReportFile } from './baseline/report.js'
import { UsageError, errorMessage } from './errors.js'
import { exec, spawnStream } from './exec.js'
import { resolveBaseRef } from './github/event.js'
import { INPUT_SPECS, credentialBuildArgs, credentialWarning, parseInputs, type InputName, type InputSpec } from './inputs.js'
import type { Logger } from './log.js'
import { redactDeep, redactingLogger, redactionFor, type Redact } from './redact.js'
import { measureReports } from './pipeline/pipeline.js'
import { renderCombined } from './render/combined.js'
import { renderMarkdown } from './render/markdown.js'
import { nameReports, worstStatus } from './report/set.js'
import { loadStoredReports } from './stored/read.js'
import type { Report } from './report/types.js'
import { renderTerminal } from './render/terminal.js'
import { TOOL } from './version.js'

/**
 * Turns argv into raw input strings keyed by input name. A list flag may be
 * repeated: each occurrence is kept apart and read as the action reads the
 * input (CSV lines, so one value may span lines when it is quoted).
 */
export function parseArgs(argv: string[]): { values: Map<InputName, string | string[]>; help: boolean; version: boolean } {
  const values = new Map<InputName, string | string[]>()
  let help = false
  let version = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--help' || arg === '-h') {
      help = true
      continue
    }
    if (arg === '--version') {
      version = true
      continue
    }
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}'; flags look like --context DIR (see --help)`)
    const eq = arg.indexOf('=')
    const name = (eq > 0 ? arg.slice(2, eq) : arg.slice(2)) as InputName
    const spec = INPUT_SPECS[name] as InputSpec | undefined
    if (!spec) throw new UsageError(`unknown flag --${name} (see --help)`)
    let value: string
    if (eq > 0) value = arg.slice(eq + 1)
    else if (spec.kind === 'boolean') {
      const next = argv[i + 1]
      value = next !== undefined && /^(true|false)$/i.test(next) ? (i++, next) : 'true'
    } else {
      const next = argv[i + 1]
      if (next === undefined) throw new UsageError(`--${name} needs a value`)
      value = next
      i++
    }
    // A repeated list flag adds entries (--build-args A=1 --build-args B=2); any other flag: the last counts.
    const previous = values.get(name)
    values.set(name, spec.kind === 'list' ? [...(Array.isArray(previous) ? previous : []), value] : value)
  }
  return { values, help, version }
}

export function helpText(): string {
  const rows = Object.entries(INPUT_SPECS as Record<string, InputSpec>).map(([name, spec]) => {
    const flag = spec.kind === 'boolean' ? `--${name} [true|false]` : `--${name} VALUE`
    const def = spec.default && !spec.default.startsWith('${{') ? ` (default: ${spec.default})` : ''
    return `  ${flag.padEnd(34)} ${spec.description}${def}`
  })
  return `${TOOL.name} ${TOOL.version}: build, measure and budget a Go container image\n\nUsage: ${TOOL.name} --context DIR [--file PATH] [--budget 20MB] [--json PATH] ...\n\n${rows.join('\n')}\n\nList flags may be repeated; each value is read as the action reads the input: CSV lines, so quote a value that holds a newline or a comma ("id=line 1<newline>line 2").\n\nExit codes: 0 pass or warn, 1 fail, 2 usage or environment error.\n`
}

const stderrLogger = (verbose: boolean): Logger => ({
  info: (m) => process.stderr.write(`${m}\n`),
  warning: (m) => process.stderr.write(`warning: ${m}\n`),
  debug: (m) => {
    if (verbose) process.stderr.write(m)
  },
  group: async (name, fn) => {
    process.stderr.write(`▸ ${name}\n`)
    return fn()
  }
})

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

async function gitCommit(dir: string): Promise<string | null> {
  const r = await exec('git', ['rev-parse', 'HEAD'], { cwd: dir }).catch(() => null)
  return r && r.code === 0 ? r.stdout.trim() : null
}

export async function main(argv: string[]): Promise<number> {
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'go-image-budget-'))
  // Secret values never reach the terminal, the report or an error message.
  let redact: Redact = (text) => text
  try {
    const args = parseArgs(argv)
    if (args.help) {
      process.stdout.write(helpText())
      return 0
    }
    if (args.version) {
      process.stdout.write(`${TOOL.version}\n`)
      return 0
    }
    const inputs = parseInputs((name) => args.values.get(name) ?? '')
    const workspace = process.cwd()
    redact = redactionFor(inputs, { env: process.env, readFile: readText, workspace }).redact
    for (const name of credentialBuildArgs(inputs.buildArgs)) process.stderr.write(`warning: ${credentialWarning(name)}\n`)
    // Locally the base is only what --base-ref names (no event); the trend comes from --previous-report.
    const previous = inputs.previousReport ? await historyFromReportFile(path.resolve(workspace, inputs.previousReport)) : { history: [], warning: null, proof: null }
    if (previous.warning) process.stderr.write(`warning: ${redact(previous.warning)}\n`)
    const context = { workspace, commit: await gitCommit(workspace), base: resolveBaseRef(null, inputs.baseRef), previousHistory: previous.history, env: process.env, previousProof: previous.proof }
    const log = redactingLogger(stderrLogger(process.env.GO_IMAGE_BUDGET_VERBOSE === '1'), redact)
    const deps = { exec, spawn: spawnStream, tempDir, cacheDir: path.join(os.homedir(), '.cache', TOOL.name), log, now: () => new Date() }
    // --report: render what other runs measured (one comment for several); build nothing.
    const stored = loadStoredReports(inputs.report, workspace)
    if (stored.length > 0 && inputs.bake) throw new UsageError(`report: publishes stored reports and builds nothing; unset 'bake' (or 'report')`)
    const measured = stored.length > 0 ? stored.map((s) => s.report) : await measureReports(inputs, context, deps).finally(() => log.flush())
    const reports = measured.map((r) => redactDeep(r, redact))
    const write = (file: string | null, text: string) => {
      if (!file) return
      mkdirSync(path.dirname(path.resolve(workspace, file)), { recursive: true })
      writeFileSync(path.resolve(workspace, file), text)
    }
    let status: Report['status']
    if (reports.length === 1 && !stored[0]?.fromList) {
      const [report] = reports
      write(inputs.json, JSON.stringify(report, null, 2) + '\n')
      // The pull-request comment as it would be posted (preview it, or post it with another tool).
      write(inputs.markdown, renderMarkdown(report, { commentKey: inputs.commentKey }))
      process.stdout.write(renderTerminal(report))
      status = report.status
    } else {
      const images = nameReports(reports)
      write(inputs.json, JSON.stringify(reports, null, 2) + '\n')
      write(inputs.markdown, renderCombined(images, { commentKey: inputs.commentKey }))
      process.stdout.write(images.map(({ name, report }) => `── ${name}\n${renderTerminal(report)}`).join('\n'))
      status = worstStatus(reports.map((r) => r.status))
    }
    // Rendering stored reports judges nothing again: their runs already did.
    return status === 'fail' && stored.length === 0 ? 1 : 0
  } catch (error) {
    process.stderr.write(`${TOOL.name}: ${redact(errorMessage(error))}\n`)
    return 2
  } finally {
    rmSync(tempDir, { recursive: true, force: true })
  }
}

// Only when run as a program (the bundle, or tsx), not when imported by tests.
const invokedAs = process.argv[1] ? path.basename(process.argv[1]) : ''
if (/^(cli\.(ts|js)|index\.js|go-image-budget)$/.test(invokedAs) && !process.env.JEST_WORKER_ID) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    // main() reports its own errors; anything that escapes it is a bug, still exit 2.
    (error: unknown) => {
      process.stderr.write(`${TOOL.name}: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 2
    }
  )
}
