// Runs the two entry points in-process as a user would meet them: the CLI's
// main(argv) with stderr/stdout captured, and the action's run() with INPUT_*
// variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, as the runner starts it.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

async function capture<T>(fn: () => Promise<T>): Promise<{ value: T; stdout: string; stderr: string }> {
  const out: string[] = []
  const err: string[] = []
  const writeOut = process.stdout.write
  const writeErr = process.stderr.write
  process.stdout.write = (chunk: string | Uint8Array) => (out.push(String(chunk)), true)
  process.stderr.write = (chunk: string | Uint8Array) => (err.push(String(chunk)), true)
  try {
    const value = await fn()
    // Node's own notice about jest's VM modules is not the product's output.
    const stderr = err.join('').replace(/^\(node:\d+\) ExperimentalWarning: VM Modules.*\n(\(Use `node --trace-warnings.*\n)?/m, '')
    return { value, stdout: out.join(''), stderr }
  } finally {
    process.stdout.write = writeOut
    process.stderr.write = writeErr
  }
}

export async function runCliInProcess(argv: string[]): Promise<CliResult> {
  const { main } = await import('../../src/cli.js')
  const r = await capture(() => main(argv))
  return { code: r.value, stdout: r.stdout, stderr: r.stderr }
}

export interface ActionResult {
  /** process.exitCode after run(): 1 when the step failed. */
  exitCode: number
  stdout: string
  /** `::error::` lines (the failure message among them), unescaped. */
  errors: string[]
  warnings: string[]
  outputs: Record<string, string>
  summary: string
  runnerTemp: string
}

/** Reads the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const m of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3]
  return outputs
}

const unescapeCommand = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')

export async function runActionInProcess(opts: { inputs: Record<string, string>; env?: Record<string, string>; event?: { name: string; payload: object }; workspace: string }): Promise<ActionResult> {
  const { run } = await import('../../src/main.js')
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'gib-runner-'))
  const files = { output: path.join(runnerTemp, 'output'), summary: path.join(runnerTemp, 'summary.md'), event: path.join(runnerTemp, 'event.json') }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  mkdirSync(path.join(runnerTemp, 'tool-cache'))
  writeFileSync(files.event, JSON.stringify(opts.event?.payload ?? {}))
  const saved = { ...process.env }
  const savedExit = process.exitCode
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) delete process.env[key]
  Object.assign(process.env, {
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(runnerTemp, 'tool-cache'),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_NAME: opts.event?.name ?? 'workflow_dispatch',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'octo/app',
    INPUT_COMMENT: 'never',
    ...opts.env
  })
  for (const [name, value] of Object.entries(opts.inputs)) process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  process.exitCode = 0
  // @actions/core keeps the summary file it first wrote to; each run here has its own.
  const core = await import('@actions/core')
  ;(core.summary as unknown as { _filePath?: string })._filePath = undefined
  core.summary.emptyBuffer()
  try {
    const r = await capture(() => run())
    const lines = r.stdout.split('\n')
    const cmd = (kind: string) => lines.filter((l) => l.startsWith(`::${kind}`)).map((l) => unescapeCommand(l.slice(l.indexOf('::', 2) + 2)))
    return {
      exitCode: Number(process.exitCode ?? 0),
      stdout: r.stdout,
      errors: cmd('error'),
      warnings: cmd('warning'),
      outputs: parseOutputs(readFileSync(files.output, 'utf8')),
      summary: readFileSync(files.summary, 'utf8'),
      runnerTemp
    }
  } finally {
    process.exitCode = savedExit
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
  }
}
