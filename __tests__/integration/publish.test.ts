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
import { renderMarkdown } from '../../src/report/markdown.js'
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
const FORGED = 'f'.repeat(40) // a commit that only a pasted comment's trend names

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

/**
 * A copy of one of the action's comments, as a stranger would paste it: the
 * marker and the hidden state of a run for another commit (`order` is that
 * run's id), with a forged point in the trend.
 */
function pastedComment(order: number): string {
  const report = reportFor('e'.repeat(40), passingScratch)
  report.history = [...report.history, { commit: FORGED, at: '2026-11-28T00:00:00.000Z', uncompressed: 1, compressed: 1 }]
  return renderMarkdown(report, { commentKey: '', commit: report.image.commit, order })
}

/** The commits the comment's hidden trend names, the base point left out. */
const trendOf = (body: string) => readEmbeddedState(body)?.history.filter((p) => p.label !== 'base').map((p) => p.commit)

/** Someone who comments on pull requests: the author of @octokit/webhooks-examples' issue comments. */
const stranger = () => example('issue_comment', (e) => e.action === 'created').comment.user as { login: string; type: 'User' }

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
      // Each run asks who the token is (GraphQL viewer), lists the comments before its build and again right
      // before writing (a concurrent run may have written since), then writes.
      expect(api.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 200', 'GET 200', 'GET 200', 'POST 201', 'POST 200', 'GET 200', 'GET 200', 'PATCH 200'])
      expect(api.requests[0].path).toBe('/graphql')
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
      expect(api.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 200', 'GET 200', 'GET 200', 'POST 403'])
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
        'POST /graphql', // who the token writes as
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
      const quoting = api.seedComment(2, `quoting you: <!-- go-image-budget:default -->`)
      for (let i = 0; i < 120; i++) api.seedComment(2, `later comment ${i}`)
      api.requests.length = 0
      const synchronize = example('pull_request', (e) => e.action === 'synchronize')
      synchronize.pull_request.head.sha = SHA2
      const second = await runAction({ api, event: 'pull_request', payload: synchronize, report: reportFor(SHA2) })
      expect(second.code).toBe(0)
      const pages = api.requests.filter((r) => r.method === 'GET').map((r) => r.query.page ?? '1')
      // All pages before the build, and again right before writing.
      expect(pages).toEqual(['1', '2', '3', '4', '1', '2', '3', '4'])
      expect(api.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual(['POST /graphql', `PATCH /repos/Codertocat/Hello-World/issues/comments/${ours.id}`])
      expect(api.commentsOn(2)).toHaveLength(372)
      expect(quoting.body).toBe('quoting you: <!-- go-image-budget:default -->')
      // Said once, though the comments were listed twice.
      expect(second.warnings).toEqual([expect.stringContaining(`Ignored a comment that carries this action's marker but was not written by github-actions[bot] (https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${quoting.id} by someone)`)])
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
      expect(api.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 502', 'POST 200', 'GET 200', 'GET 200', 'POST 201'])
      expect(api.commentsOn(2)).toHaveLength(1)
    }))
})

describe('only the action\'s own comment counts', () => {
  test('a pasted marker and no comment of ours yet: ours is created, the paste is neither read nor edited', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const { login, type } = stranger()
      // "Written by a newer run": before, this made every later run skip writing.
      const pasted = api.seedComment(2, pastedComment(999_999_999), login, type)
      const before = pasted.body
      const opened = example('pull_request', (e) => e.action === 'opened')
      const result = await runAction({ api, event: 'pull_request', payload: opened, report: reportFor(SHA1), runId: 1500 })
      expect(result.code).toBe(0)
      expect(result.stdout).not.toContain('written by a newer run')
      expect(result.warnings).toEqual([
        expect.stringContaining(`Ignored a comment that carries this action's marker but was not written by github-actions[bot] (https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${pasted.id} by ${login}): only the action's own comment is read or updated.`)
      ])
      const comments = api.commentsOn(2)
      expect(comments.map((c) => c.login)).toEqual([login, 'github-actions[bot]'])
      expect(pasted.body).toBe(before)
      expect(comments[1].body).toBe(result.outputs['comment-body'])
      // The forged trend did not travel: only this push (and no base: the report has none).
      expect(trendOf(comments[1].body)).toEqual([SHA1])
      expect(comments[1].body).not.toContain('`fffffff`')
      expect(api.requests.filter((r) => r.method === 'PATCH')).toEqual([])
    }))

  test('a pasted marker beside an older comment of ours: ours is updated with its own trend, the paste is left alone', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const opened = example('pull_request', (e) => e.action === 'opened')
      const first = await runAction({ api, event: 'pull_request', payload: opened, report: reportFor(SHA1), runId: 500 })
      expect(first.code).toBe(0)
      const [ours] = api.commentsOn(2)
      const { login, type } = stranger()
      // Newer than ours in the list, claiming a newer run, carrying a forged trend; and one claiming an older run.
      const newer = api.seedComment(2, pastedComment(999_999_999), login, type)
      const older = api.seedComment(2, pastedComment(1), login, type)
      const pastedBodies = [newer.body, older.body]
      const synchronize = example('pull_request', (e) => e.action === 'synchronize')
      synchronize.pull_request.head.sha = SHA2
      const second = await runAction({ api, event: 'pull_request', payload: synchronize, report: reportFor(SHA2, overBudgetSingleStage, 2_000_000), runId: 600 })
      expect(second.code).toBe(0)
      expect(second.stdout).toContain(`Updated the pull-request comment: https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${ours.id}`)
      expect(second.warnings).toEqual([expect.stringMatching(/^::warning::Ignored 2 comments that carry this action's marker but were not written by github-actions\[bot\] \(.*#issuecomment-\d+ by Codertocat, .*#issuecomment-\d+ by Codertocat\)/)])
      expect(api.commentsOn(2)).toHaveLength(3)
      expect([newer.body, older.body]).toEqual(pastedBodies)
      expect(ours.body).toBe(second.outputs['comment-body'])
      expect(trendOf(ours.body)).toEqual([SHA1, SHA2])
      expect(readEmbeddedState(ours.body)?.order).toBe(600)
      expect(api.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([`/repos/Codertocat/Hello-World/issues/comments/${ours.id}`])
    }))

  test.each([
    ['a GitHub App installation token', 'ghs_installation_token_of_an_app', { login: 'gib-size-app[bot]', type: 'Bot' as const }],
    ['a personal access token', 'github_pat_of_a_maintainer', { login: 'octo-maintainer', type: 'User' as const }]
  ])('%s: the comment is the one that account writes; a github-actions[bot] comment with the marker is not ours', (_kind, token, account) =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      api.accounts.set(token, account)
      // e.g. another workflow of the repository that echoes what it was given, under GITHUB_TOKEN.
      const echoed = api.seedComment(2, pastedComment(999_999_999), 'github-actions[bot]', 'Bot')
      const opened = example('pull_request', (e) => e.action === 'opened')
      const first = await runAction({ api, event: 'pull_request', payload: opened, report: reportFor(SHA1), token, runId: 700 })
      expect(first.code).toBe(0)
      expect(first.warnings).toEqual([expect.stringContaining(`was not written by ${account.login} (https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${echoed.id} by github-actions[bot])`)])
      const created = api.commentsOn(2).filter((c) => c.login === account.login)
      expect(created).toHaveLength(1)
      expect(trendOf(created[0].body)).toEqual([SHA1])

      const synchronize = example('pull_request', (e) => e.action === 'synchronize')
      synchronize.pull_request.head.sha = SHA2
      const second = await runAction({ api, event: 'pull_request', payload: synchronize, report: reportFor(SHA2), token, runId: 701 })
      expect(second.code).toBe(0)
      expect(api.commentsOn(2).map((c) => c.login)).toEqual(['github-actions[bot]', account.login])
      expect(trendOf(created[0].body)).toEqual([SHA1, SHA2])
      expect(echoed.body).toBe(pastedComment(999_999_999))
      // Who the token is came from GitHub's GraphQL viewer, asked with that token.
      const asked = api.requests.filter((r) => r.path === '/graphql')
      expect(asked.map((r) => [r.token, r.status])).toEqual([[token, 200], [token, 200]])
      expect(api.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([`/repos/Codertocat/Hello-World/issues/comments/${created[0].id}`])
    }))
})
