#!/usr/bin/env node
// Terminal entry: the same pipeline as the action, flags instead of inputs.
// Every action input is a flag of the same name. Exit codes: 0 pass or warn,
// 1 fail (the worst image, with --bake), 2 usage or environment error (one
// line on stderr); rendering stored reports (--report) exits 0.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { historyFromReportFile } from './baseline/report.js'
import { helpText } from './cli-help.js'
import { EnvironmentError, UsageError, errorMessage } from './errors.js'
import { exec, spawnStream } from './exec.js'
import { resolveBaseRef } from './github/event.js'
import { INPUT_SPECS, credentialBuildArgs, credentialWarning, parseInputs, type InputName, type InputSpec, type Inputs } from './inputs.js'
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

async function gitOut(dir: string, args: string[]): Promise<string | null> {
  const r = await exec('git', args, { cwd: dir }).catch(() => null)
  return r && r.code === 0 ? r.stdout.trim() : null
}

/** The branch to suggest for --base-ref: origin's default branch, else a local main or master. */
export async function defaultBranch(dir: string): Promise<string | null> {
  const remote = await gitOut(dir, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])
  if (remote) return remote.replace(/^origin\//, '')
  for (const name of ['main', 'master']) if (await gitOut(dir, ['rev-parse', '--verify', '--quiet', `refs/heads/${name}`])) return name
  return null
}

const DOCKERFILE_NAME = /^(Dockerfile|dockerfile|Containerfile)(\..+)?$|\.[Dd]ockerfile$/
const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'vendor', 'testdata', 'dist'])

/** Dockerfiles below `dir` (four levels at most), relative to it: what to suggest when there is none in the context. */
export function findDockerfiles(dir: string, depth = 4): string[] {
  const found: string[] = []
  const walk = (rel: string, level: number) => {
    let entries
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = rel ? path.join(rel, e.name) : e.name
      if (e.isFile() && DOCKERFILE_NAME.test(e.name)) found.push(child)
      else if (e.isDirectory() && level < depth && !SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) walk(child, level + 1)
    }
  }
  walk('', 1)
  return found
}

/**
 * The pipeline's "no Dockerfile" for a context given without --file (a first
 * run in a repository): the Dockerfiles found below it and the flag that
 * builds one. Null when that is not the case.
 */
function noDockerfileHelp(inputs: Inputs, workspace: string): string | null {
  if (inputs.file) return null
  const context = path.resolve(workspace, inputs.context)
  if (!existsSync(context)) return null
  const shown = path.relative(workspace, context) || '.'
  const found = findDockerfiles(context).slice(0, 5)
  if (found.length === 0) return `no Dockerfile in ${shown} or below it: run this in a directory with one, or name it with --file PATH (--image REF measures an image already built)`
  const [first] = found
  const dir = path.dirname(first)
  const example = path.basename(first) === 'Dockerfile' && dir !== '.' ? `--context ${path.join(shown, dir)}` : `--file ${path.join(shown, first)}`
  return `no Dockerfile in ${shown}; found ${found.join(', ')}: run e.g. ${TOOL.name} ${example} (add --dockerfile-only to check it without Docker)`
}

export async function main(argv: string[]): Promise<number> {
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'go-image-budget-'))
  // Secret values never reach the terminal, the report or an error message.
  let redact: Redact = (text) => text
  let parsed: Inputs | null = null
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
    parsed = inputs
    const workspace = process.cwd()
    redact = redactionFor(inputs, { env: process.env, readFile: readText, workspace }).redact
    for (const name of credentialBuildArgs(inputs.buildArgs)) process.stderr.write(`warning: ${credentialWarning(name)}\n`)
    // Locally the base is only what --base-ref names (no event); the trend comes from --previous-report.
    const previous = inputs.previousReport ? await historyFromReportFile(path.resolve(workspace, inputs.previousReport)) : { history: [], warning: null, proof: null }
    if (previous.warning) process.stderr.write(`warning: ${redact(previous.warning)}\n`)
    const context = {
      workspace,
      commit: await gitOut(workspace, ['rev-parse', 'HEAD']),
      base: resolveBaseRef(null, inputs.baseRef),
      previousHistory: previous.history,
      env: process.env,
      previousProof: previous.proof
    }
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
    // Nothing compared because no base was named: say how to name one.
    // (A measured --image has no build to repeat at a base: no hint for it.)
    const named = Boolean(inputs.baseRef) || inputs.baseline !== 'auto' || inputs.dockerfileOnly || Boolean(inputs.image)
    const terminal = { baseHint: named ? null : `--base-ref ${(await defaultBranch(workspace)) ?? 'main'}` }
    let status: Report['status']
    if (reports.length === 1 && !stored[0]?.fromList) {
      const [report] = reports
      write(inputs.json, JSON.stringify(report, null, 2) + '\n')
      // The pull-request comment as it would be posted (preview it, or post it with another tool).
      write(inputs.markdown, renderMarkdown(report, { commentKey: inputs.commentKey }))
      process.stdout.write(renderTerminal(report, terminal))
      status = report.status
    } else {
      const images = nameReports(reports)
      write(inputs.json, JSON.stringify(reports, null, 2) + '\n')
      write(inputs.markdown, renderCombined(images, { commentKey: inputs.commentKey }))
      process.stdout.write(images.map(({ name, report }) => `── ${name}\n${renderTerminal(report, terminal)}`).join('\n'))
      status = worstStatus(reports.map((r) => r.status))
    }
    // Rendering stored reports judges nothing again: their runs already did.
    return status === 'fail' && stored.length === 0 ? 1 : 0
  } catch (error) {
    // A first run where the context has no Dockerfile: say which ones there are.
    const help = parsed && error instanceof UsageError && /^file: no Dockerfile at /.test(error.message) ? noDockerfileHelp(parsed, process.cwd()) : null
    if (help) {
      process.stderr.write(`${TOOL.name}: ${redact(help)}\n`)
      return 2
    }
    // No Docker here: the Dockerfile can still be checked.
    const hint = error instanceof EnvironmentError && !argv.includes('--dockerfile-only') ? `; without Docker, check the Dockerfile alone: ${TOOL.name} --dockerfile-only` : ''
    process.stderr.write(`${TOOL.name}: ${redact(errorMessage(error))}${hint}\n`)
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
