// The bundled action (built once per test file with ncc, as `npm run build`
// does, without touching dist/) run as the runner starts it, against the local
// GitHub API (github-api.ts) with real webhook payloads from
// @octokit/webhooks-examples. Shared by publish.test.ts and publish-trust.test.ts.
/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads are JSON fixtures, navigated and edited freely */
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { FakeGitHub } from './github-api.js'
import { programArgs } from '../helpers/programs.js'
import { overBudgetSingleStage } from '../fixtures/reports.js'
import type { Report } from '../../src/report/types.js'

const require = createRequire(import.meta.url)
type Example = { name: string; examples: Record<string, any>[] }
const EXAMPLES = require('@octokit/webhooks-examples') as Example[]
/** A deep copy of one real webhook payload. */
export const example = (name: string, pick: (e: Record<string, any>) => boolean) => JSON.parse(JSON.stringify(EXAMPLES.find((e) => e.name === name)!.examples.find(pick)!)) as Record<string, any>

export const WRITE_TOKEN = 'ghs_write_token_for_tests'
export const FORK_TOKEN = 'ghs_read_only_fork_token'
export const SHA1 = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' // the pull_request examples' head
export const SHA2 = '2222222222222222222222222222222222222222'
export const FORGED = 'f'.repeat(40) // a commit that only a pasted comment's trend names

let work: string
let bundle: string

/**
 * The bundle, before the file's tests: the one `npm test` builds beside the
 * jest runs or one CI points at (../helpers/programs.ts), or else one built
 * here with the same ncc command as `npm run build`, without touching dist/.
 * The scratch directory is removed after the tests.
 */
export function useBundledAction(): void {
  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'gib-publish-'))
    if (process.env.GO_IMAGE_BUDGET_BUNDLE) bundle = (await programArgs('action'))[0]
    else {
      bundle = path.join(work, 'dist', 'index.js')
      execFileSync('npx', ['ncc', 'build', 'src/index.ts', '-o', path.join(work, 'dist'), '--target', 'es2022', '--quiet'], { stdio: 'inherit' })
    }
    expect(existsSync(bundle)).toBe(true)
  }, 300_000)
  afterAll(() => rmSync(work, { recursive: true, force: true }))
}

export interface RunResult {
  code: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
  warnings: string[]
}

/** Reads the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) outputs[m[1]] = m[3]
  return outputs
}

let runCount = 0
/**
 * Runs the bundled action once. `report` is written to report/report.json and
 * passed as `report:`; `files` (paths relative to the run's directory, which is
 * the workspace unless one is given) are written as they are, e.g. the reports a
 * matrix's artifacts hold.
 */
export async function runAction(opts: {
  api: FakeGitHub
  event: string
  payload: object
  report: Report | null
  files?: Record<string, string>
  inputs?: Record<string, string>
  token?: string
  runId?: number
  prNumberFile?: string
  workspace?: string
}): Promise<RunResult> {
  const dir = path.join(work, `run-${++runCount}`)
  execFileSync('mkdir', ['-p', dir])
  const files = { event: path.join(dir, 'event.json'), output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md'), report: path.join(dir, 'report', 'report.json') }
  execFileSync('mkdir', ['-p', path.dirname(files.report)])
  writeFileSync(files.event, JSON.stringify(opts.payload))
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  if (opts.report) writeFileSync(files.report, JSON.stringify(opts.report))
  if (opts.prNumberFile !== undefined) writeFileSync(path.join(path.dirname(files.report), 'pr-number'), opts.prNumberFile)
  for (const [rel, text] of Object.entries(opts.files ?? {})) {
    execFileSync('mkdir', ['-p', path.dirname(path.join(dir, rel))])
    writeFileSync(path.join(dir, rel), text)
  }
  const inputs: Record<string, string> = { ...(opts.report ? { report: files.report } : {}), 'github-token': opts.token ?? WRITE_TOKEN, ...opts.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: `${opts.api.owner}/${opts.api.repo}`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: opts.api.baseUrl,
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_RUN_ID: String(opts.runId ?? 1000 + runCount),
    GITHUB_WORKSPACE: opts.workspace ?? dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    // The engine under test (its jest project sets DOCKER_HOST), for the runs that build.
    ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {})
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const child = spawn(process.execPath, [bundle], { env, cwd: opts.workspace ?? dir })
  let stdout = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stdout += d))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return {
    code,
    stdout,
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    warnings: stdout.split('\n').filter((l) => l.startsWith('::warning'))
  }
}

export function reportFor(commit: string, build: () => Report = overBudgetSingleStage, grow = 0): Report {
  const report = build()
  report.image.commit = commit
  report.size.uncompressed += grow
  const base = report.history.find((p) => p.label === 'base')
  report.history = [...(base ? [base] : []), { commit, at: '2026-11-27T12:00:00.000Z', uncompressed: report.size.uncompressed, compressed: report.size.compressed }]
  return report
}

export async function withApi<T>(owner: string, repo: string, fn: (api: FakeGitHub) => Promise<T>): Promise<T> {
  const api = new FakeGitHub(owner, repo)
  await api.start()
  try {
    const result = await fn(api)
    expect(api.violations).toEqual([])
    return result
  } finally {
    await api.stop()
  }
}
