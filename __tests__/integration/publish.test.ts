// The bundled action against a local GitHub API (github-api.ts), driven by
// real webhook payloads from @octokit/webhooks-examples. `report:` points at a
// stored report fixture, so nothing is built: these tests are about
// publishing. Every request and response is checked against GitHub's OpenAPI
// description; each test ends by asserting there were no violations.
/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads are JSON fixtures, navigated and edited freely */
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { FakeGitHub } from './github-api.js'
import { overBudgetSingleStage, passingScratch } from '../fixtures/reports.js'
import { readEmbeddedState } from '../../src/report/embed.js'
import type { Report } from '../../src/report/types.js'

const require = createRequire(import.meta.url)
type Example = { name: string; examples: Record<string, any>[] }
const EXAMPLES = require('@octokit/webhooks-examples') as Example[]
const example = (name: string, pick: (e: Record<string, any>) => boolean) =>
  JSON.parse(JSON.stringify(EXAMPLES.find((e) => e.name === name)!.examples.find(pick)!)) as Record<string, any>

const WRITE_TOKEN = 'ghs_write_token_for_tests'
const FORK_TOKEN = 'ghs_read_only_fork_token'
const SHA1 = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' // the pull_request examples' head
const SHA2 = '2222222222222222222222222222222222222222'

let work: string
let bundle: string

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'gib-publish-'))
  // CI may point at the committed bundle; otherwise build one here, with the
  // same ncc command as `npm run build`, without touching dist/.
  bundle = process.env.GO_IMAGE_BUDGET_BUNDLE ?? path.join(work, 'dist', 'index.js')
  if (!process.env.GO_IMAGE_BUDGET_BUNDLE) {
    execFileSync('npx', ['ncc', 'build', 'src/index.ts', '-o', path.join(work, 'dist'), '--target', 'es2022', '--quiet'], { stdio: 'inherit' })
  }
  expect(existsSync(bundle)).toBe(true)
}, 300_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

interface RunResult {
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
async function runAction(opts: { api: FakeGitHub; event: string; payload: object; report: Report | null; inputs?: Record<string, string>; token?: string; runId?: number; prNumberFile?: string; workspace?: string }): Promise<RunResult> {
  const dir = path.join(work, `run-${++runCount}`)
  execFileSync('mkdir', ['-p', dir])
  const files = { event: path.join(dir, 'event.json'), output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md'), report: path.join(dir, 'report', 'report.json') }
  execFileSync('mkdir', ['-p', path.dirname(files.report)])
  writeFileSync(files.event, JSON.stringify(opts.payload))
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  if (opts.report) writeFileSync(files.report, JSON.stringify(opts.report))
  if (opts.prNumberFile !== undefined) writeFileSync(path.join(path.dirname(files.report), 'pr-number'), opts.prNumberFile)
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
    GITHUB_STEP_SUMMARY: files.summary
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

function reportFor(commit: string, build: () => Report = overBudgetSingleStage, grow = 0): Report {
  const report = build()
  report.image.commit = commit
  report.size.uncompressed += grow
  const base = report.history.find((p) => p.label === 'base')
  report.history = [...(base ? [base] : []), { commit, at: '2026-11-27T12:00:00.000Z', uncompressed: report.size.uncompressed, compressed: report.size.compressed }]
  return report
}

async function withApi<T>(owner: string, repo: string, fn: (api: FakeGitHub) => Promise<T>): Promise<T> {
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

describe('bundled action publishing a stored report', () => {
  test('first push creates the comment, the second updates the same one with a two-point trend', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const opened = example('pull_request', (e) => e.action === 'opened')
      expect(opened.pull_request.head.sha).toBe(SHA1)
      const first = await runAction({ api, event: 'pull_request', payload: opened, report: reportFor(SHA1) })
      expect(first.code).toBe(0)
      expect(first.warnings).toEqual([])
      const comments = api.commentsOn(opened.number)
      expect(comments).toHaveLength(1)
      expect(comments[0].body).toBe(first.outputs['comment-body'])
      expect(comments[0].body.split('\n')[0]).toMatch(/^### ❌ \*\*816 MB\*\* of 20 MB budget/)
      expect(first.summary).toContain('### ❌ **816 MB** of 20 MB budget')
      expect(first.summary).not.toContain('<!-- go-image-budget')

      const synchronize = example('pull_request', (e) => e.action === 'synchronize')
      synchronize.pull_request.head.sha = SHA2
      const second = await runAction({ api, event: 'pull_request', payload: synchronize, report: reportFor(SHA2, overBudgetSingleStage, 2_000_000) })
      expect(second.code).toBe(0)
      const after = api.commentsOn(opened.number)
      expect(after).toHaveLength(1)
      expect(after[0].id).toBe(comments[0].id)
      const state = readEmbeddedState(after[0].body)
      expect(state?.history.filter((p) => p.label !== 'base').map((p) => p.commit)).toEqual([SHA1, SHA2])
      expect(after[0].body).toContain('| `ec26c3e` |')
      expect(after[0].body).toContain('| `2222222` |')
      expect(after[0].body).toMatch(/```mermaid\n[\s\S]*?\nxychart-beta\n/)
      // Each run lists the comments before its build and again right before writing (a concurrent run may have written since).
      expect(api.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'GET 200', 'POST 201', 'GET 200', 'GET 200', 'PATCH 200'])
      expect(api.requests.every((r) => r.token === WRITE_TOKEN)).toBe(true)
    }))

  test('a read-only fork token: summary and outputs, one warning, no failed job', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      api.readOnlyTokens.add(FORK_TOKEN)
      const opened = example('pull_request', (e) => e.action === 'opened')
      opened.pull_request.head.repo.full_name = 'forker/Hello-World'
      const result = await runAction({ api, event: 'pull_request', payload: opened, report: reportFor(SHA1), token: FORK_TOKEN })
      expect(result.code).toBe(0)
      expect(result.stdout).not.toContain('::error')
      expect(result.warnings).toHaveLength(1)
      expect(result.warnings[0]).toContain('Cannot comment on pull request #2: the token is read-only (HTTP 403)')
      expect(result.warnings[0]).toContain('workflow_run')
      expect(result.summary).toContain('### ❌ **816 MB** of 20 MB budget')
      expect(result.outputs['comment-body']).toContain('<!-- go-image-budget:default -->')
      expect(result.outputs.status).toBe('fail')
      expect(api.commentsOn(2)).toHaveLength(0)
      expect(api.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'GET 200', 'POST 403'])
    }))

  test('workflow_run from a fork: the PR number comes from the file, checked against the PR head', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const completed = example('workflow_run', (e) => e.action === 'completed' && e.workflow_run.pull_requests.length === 0 && e.repository.full_name === 'Codertocat/Hello-World')
      const headSha = completed.workflow_run.head_sha as string
      const opened = example('pull_request', (e) => e.action === 'opened')
      api.pulls.push({ number: 2, headSha, headRef: 'changes', state: 'open', payload: opened.pull_request })
      const result = await runAction({ api, event: 'workflow_run', payload: completed, report: reportFor(headSha, passingScratch), prNumberFile: '2\n' })
      expect(result.code).toBe(0)
      expect(result.warnings).toEqual([])
      const [comment] = api.commentsOn(2)
      expect(comment.body.split('\n')[0]).toMatch(/^### ✅ \*\*1.82 MB\*\* of 20 MB budget/)
      expect(readEmbeddedState(comment.body)?.order).toBe(completed.workflow_run.id)
      expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /repos/Codertocat/Hello-World/pulls/2',
        'GET /repos/Codertocat/Hello-World/issues/2/comments',
        'GET /repos/Codertocat/Hello-World/issues/2/comments', // looked for again right before creating
        'POST /repos/Codertocat/Hello-World/issues/2/comments'
      ])

      // A forged number (a pull request whose head is another commit) is refused.
      api.pulls.push({ number: 9, headSha: 'f'.repeat(40), headRef: 'other', state: 'open', payload: opened.pull_request })
      const forged = await runAction({ api, event: 'workflow_run', payload: completed, report: reportFor(headSha, passingScratch), prNumberFile: '9' })
      expect(forged.code).toBe(0)
      expect(forged.warnings).toEqual([expect.stringContaining('The pr-number file names pull request #9 has head fffffff, not the measured 5779607; not commenting')])
      expect(api.commentsOn(9)).toHaveLength(0)
    }))

  test('workflow_run from the same repository: the PR number comes from the event', () =>
    withApi('octo-org', 'octo-repo', async (api) => {
      const completed = example('workflow_run', (e) => e.action === 'completed' && e.workflow_run.pull_requests.length === 1)
      const result = await runAction({ api, event: 'workflow_run', payload: completed, report: reportFor(completed.workflow_run.head_sha) })
      expect(result.code).toBe(0)
      expect(api.commentsOn(2)).toHaveLength(1)
      expect(api.requests.some((r) => r.path.includes('/pulls/'))).toBe(false)
    }))

  test('push: finds the open pull request of the pushed branch', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const push = example('push', (e) => e.ref === 'refs/heads/master')
      const opened = example('pull_request', (e) => e.action === 'opened')
      api.pulls.push({ number: 5, headSha: push.after, headRef: 'master', state: 'open', payload: opened.pull_request })
      const result = await runAction({ api, event: 'push', payload: push, report: reportFor(push.after) })
      expect(result.code).toBe(0)
      expect(api.commentsOn(5)).toHaveLength(1)
      expect(api.requests[0].path).toBe(`/repos/Codertocat/Hello-World/commits/${push.after}/pulls`)
    }))

  test('several hundred comments: the marker is found on page 3 and updated in place', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      for (let i = 0; i < 250; i++) api.seedComment(2, `comment ${i} mentioning go-image-budget`)
      const first = await runAction({ api, event: 'pull_request', payload: example('pull_request', (e) => e.action === 'opened'), report: reportFor(SHA1) })
      expect(first.code).toBe(0)
      const ours = api.commentsOn(2).find((c) => c.type === 'Bot')!
      expect(api.commentsOn(2).indexOf(ours)).toBe(250)
      // A person quoting our marker must not be mistaken for the sticky comment.
      api.seedComment(2, `quoting you: <!-- go-image-budget:default -->`)
      for (let i = 0; i < 120; i++) api.seedComment(2, `later comment ${i}`)
      api.requests.length = 0
      const synchronize = example('pull_request', (e) => e.action === 'synchronize')
      synchronize.pull_request.head.sha = SHA2
      const second = await runAction({ api, event: 'pull_request', payload: synchronize, report: reportFor(SHA2) })
      expect(second.code).toBe(0)
      const pages = api.requests.filter((r) => r.method === 'GET').map((r) => r.query.page ?? '1')
      // All pages before the build, and again right before writing.
      expect(pages).toEqual(['1', '2', '3', '4', '1', '2', '3', '4'])
      expect(api.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/Codertocat/Hello-World/issues/comments/${ours.id}`])
      expect(api.commentsOn(2)).toHaveLength(372)
    }))

  test('a re-run for an older commit does not overwrite a newer comment', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const synchronize = example('pull_request', (e) => e.action === 'synchronize')
      synchronize.pull_request.head.sha = SHA2
      await runAction({ api, event: 'pull_request', payload: synchronize, report: reportFor(SHA2), runId: 500 })
      const before = api.commentsOn(2)[0].body
      const opened = example('pull_request', (e) => e.action === 'opened')
      const stale = await runAction({ api, event: 'pull_request', payload: opened, report: reportFor(SHA1, passingScratch), runId: 400 })
      expect(stale.code).toBe(0)
      expect(stale.stdout).toContain('Not updating the pull-request comment: the comment was written by a newer run (for 2222222)')
      expect(api.commentsOn(2)[0].body).toBe(before)
      expect(stale.outputs['comment-body']).toMatch(/^### ✅/)
    }))

  test('back under budget: the comment says so; on-exceed keeps an existing comment current', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const opened = example('pull_request', (e) => e.action === 'opened')
      await runAction({ api, event: 'pull_request', payload: opened, report: reportFor(SHA1), inputs: { comment: 'on-exceed' } })
      const synchronize = example('pull_request', (e) => e.action === 'synchronize')
      synchronize.pull_request.head.sha = SHA2
      const fixed = await runAction({ api, event: 'pull_request', payload: synchronize, report: reportFor(SHA2, passingScratch), inputs: { comment: 'on-exceed' } })
      expect(fixed.code).toBe(0)
      const [comment] = api.commentsOn(2)
      expect(comment.body).toContain('🎉 **Back under budget**: was 816 MB at `ec26c3e`.')
    }))

  test('on-exceed with a passing image and no comment yet: nothing posted, outputs still set', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const result = await runAction({ api, event: 'pull_request', payload: example('pull_request', (e) => e.action === 'opened'), report: reportFor(SHA1, passingScratch), inputs: { comment: 'on-exceed' } })
      expect(result.code).toBe(0)
      expect(api.commentsOn(2)).toHaveLength(0)
      expect(result.outputs['comment-body']).toMatch(/^### ✅/)
      expect(result.summary).toMatch(/^### ✅/)
    }))

  test('comment-key gives each image of a matrix its own comment', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const opened = example('pull_request', (e) => e.action === 'opened')
      await runAction({ api, event: 'pull_request', payload: opened, report: reportFor(SHA1), inputs: { 'comment-key': 'api' } })
      await runAction({ api, event: 'pull_request', payload: opened, report: reportFor(SHA1, passingScratch), inputs: { 'comment-key': 'worker' } })
      await runAction({ api, event: 'pull_request', payload: opened, report: reportFor(SHA1), inputs: { 'comment-key': 'api' } })
      const bodies = api.commentsOn(2).map((c) => c.body)
      expect(bodies).toHaveLength(2)
      expect(bodies[0]).toContain('<!-- go-image-budget:api -->')
      expect(bodies[1]).toContain('<!-- go-image-budget:worker -->')
    }))

  test('a real build: the bundled action builds the scratch rung, comments, and sets every output', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const opened = example('pull_request', (e) => e.action === 'opened')
      const result = await runAction({
        api, event: 'pull_request', payload: opened, report: null, workspace: process.cwd(),
        inputs: { context: 'examples/helloworld', file: 'examples/helloworld/Dockerfile.5-multistage-scratch', budget: '20MB', baseline: 'none', 'verify-suggestion': 'false' }
      })
      expect(result.stdout).not.toContain('::error')
      expect(result.code).toBe(0)
      const [comment] = api.commentsOn(2)
      expect(comment.body).toBe(result.outputs['comment-body'])
      expect(comment.body.split('\n')[0]).toMatch(/^### ✅ \*\*\d(\.\d+)? MB\*\* of 20 MB budget$/)
      expect(comment.body).toContain('examples/helloworld/Dockerfile.5-multistage-scratch')
      expect(Number(result.outputs.size)).toBeGreaterThan(1_000_000)
      expect(result.outputs.status).toBe('pass')
      expect(JSON.parse(readFileSync(result.outputs.report, 'utf8')).size.uncompressed).toBe(Number(result.outputs.size))
      expect(result.summary.split('\n')[0]).toBe(comment.body.split('\n')[0])
    }))

  test('a transient 502 is retried', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      api.failNext = 1
      const result = await runAction({ api, event: 'pull_request', payload: example('pull_request', (e) => e.action === 'opened'), report: reportFor(SHA1) })
      expect(result.code).toBe(0)
      expect(api.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 502', 'GET 200', 'GET 200', 'POST 201'])
      expect(api.commentsOn(2)).toHaveLength(1)
    }))
})
