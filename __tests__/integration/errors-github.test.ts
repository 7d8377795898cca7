// The README's "Errors" table, GitHub API rows: the action publishing a stored
// report (nothing built) against the local GitHub API (github-api.ts), with a
// fault proxy in front of it that answers chosen requests with 403, 404, 422,
// 5xx or a rate limit. None of them fails the job: each is one warning, and
// the summary and the outputs are still written. The requests the proxy
// answers itself, and its answers, are checked against GitHub's OpenAPI
// description as the fake checks its own (no violations, in every case).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FakeGitHub } from './github-api.js'
import { passingScratch } from '../fixtures/reports.js'
import { runActionInProcess } from '../helpers/entries.js'
import { commentMarker } from '../../src/report/embed.js'
import { FORKS_HELP } from '../../src/github/publish.js'

interface Fault {
  method: string
  path: RegExp
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** How many matching requests to answer this way (default: all). */
  times?: number
  /** Instead of answering, run this before forwarding (e.g. a concurrent run writes its comment). */
  before?: () => void
}

/** A proxy in front of FakeGitHub that injects faults; everything else is forwarded. */
class FaultProxy {
  constructor(private readonly fake: FakeGitHub) {}
  faults: Fault[] = []
  seen: { method: string; path: string; status: number }[] = []
  private server: Server | null = null
  url = ''
  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.forward(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const url = new URL(req.url ?? '/', 'http://x')
    const fault = this.faults.find((f) => f.method === req.method && f.path.test(url.pathname) && (f.times ?? Infinity) > 0)
    if (fault) {
      if (fault.times !== undefined) fault.times--
      if (fault.before) fault.before()
      else {
        this.seen.push({ method: req.method!, path: url.pathname, status: fault.status })
        this.fake.checkAnswered(req.method!, url, Buffer.concat(chunks).toString('utf8'), req.headers, fault.status, fault.body)
        res.writeHead(fault.status, { 'content-type': 'application/json; charset=utf-8', ...fault.headers })
        res.end(fault.body === undefined ? '' : JSON.stringify(fault.body))
        return
      }
    }
    const forwarded = await fetch(`${this.apiUrl}${req.url}`, {
      method: req.method,
      headers: { authorization: req.headers.authorization ?? '', 'user-agent': req.headers['user-agent'] ?? '', 'content-type': 'application/json' },
      body: chunks.length ? Buffer.concat(chunks) : undefined
    })
    this.seen.push({ method: req.method!, path: url.pathname, status: forwarded.status })
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }
    const link = forwarded.headers.get('link')
    if (link) headers.link = link
    res.writeHead(forwarded.status, headers)
    res.end(Buffer.from(await forwarded.arrayBuffer()))
  }
  /** The fake's own address (its links and html_url point at the proxy). */
  apiUrl = ''
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}

const OWNER = 'octo'
const REPO = 'app'
const PR = 5
const HEAD = 'c'.repeat(40)
const payload = {
  action: 'synchronize',
  number: PR,
  pull_request: { number: PR, head: { sha: HEAD, ref: 'feature', repo: { full_name: `${OWNER}/${REPO}` } }, base: { sha: 'd'.repeat(40), ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } } },
  repository: { full_name: `${OWNER}/${REPO}`, html_url: `https://github.com/${OWNER}/${REPO}` }
}

let dir: string
let api: FakeGitHub
let proxy: FaultProxy
let reportFile: string

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gib-gh-faults-'))
  reportFile = path.join(dir, 'report.json')
  const report = passingScratch()
  report.image.commit = HEAD
  writeFileSync(reportFile, JSON.stringify(report))
  api = new FakeGitHub(OWNER, REPO)
  const apiUrl = await api.start()
  proxy = new FaultProxy(api)
  await proxy.start()
  proxy.apiUrl = apiUrl
  api.baseUrl = proxy.url // links (pagination) lead back through the proxy
})
afterEach(async () => {
  await proxy.stop()
  await api.stop()
  rmSync(dir, { recursive: true, force: true })
})

const publish = (inputs: Record<string, string> = {}, run: { id: number; commit: string } = { id: 4242, commit: HEAD }) => {
  const report = passingScratch()
  report.image.commit = run.commit
  writeFileSync(reportFile, JSON.stringify(report))
  return runActionInProcess({
    workspace: dir,
    inputs: { report: reportFile, 'github-token': 'ghs_write_token', comment: 'always', ...inputs },
    event: { name: 'pull_request', payload },
    env: { GITHUB_API_URL: proxy.url, GITHUB_RUN_ID: String(run.id), GITHUB_SHA: run.commit, GITHUB_SERVER_URL: 'https://github.com' }
  })
}

const forbidden = { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' }
const COMMENTS = /\/issues\/\d+\/comments$/

/** The job passed, wrote its outputs and summary, and said exactly `warnings`. */
function expectPublishedWithout(r: Awaited<ReturnType<typeof publish>>, warnings: string[]) {
  expect(r.exitCode).toBe(0)
  expect(r.errors).toEqual([])
  expect(r.warnings).toEqual(warnings)
  expect(r.outputs.status).toBe('pass')
  expect(r.outputs['comment-body']).toContain(commentMarker(''))
  expect(r.summary).toContain('### ✅ **1.82 MB** of 20 MB budget')
  expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(api.violations).toEqual([])
}

describe('GitHub API faults never fail the job', () => {
  test('403 on every call (a read-only token)', async () => {
    proxy.faults.push({ method: 'GET', path: COMMENTS, status: 403, body: forbidden }, { method: 'POST', path: COMMENTS, status: 403, body: forbidden })
    const r = await publish()
    expectPublishedWithout(r, [
      "Could not read the pull request's comments (Resource not accessible by integration - https://docs.github.com/rest); the size trend starts over.",
      `Cannot comment on pull request #${PR}: the token is read-only (HTTP 403). ${FORKS_HELP}`
    ])
    expect(api.commentsOn(PR)).toHaveLength(0)
    // A refusal is not retried (three needless retries once hid behind a global request.retries).
    expect(proxy.seen.filter((s) => s.method === 'POST' && COMMENTS.test(s.path))).toHaveLength(1)
  })

  test('404 (the pull request or repository is not visible to the token)', async () => {
    const notFound = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }
    proxy.faults.push({ method: 'GET', path: COMMENTS, status: 404, body: notFound }, { method: 'POST', path: COMMENTS, status: 404, body: notFound })
    const r = await publish()
    expectPublishedWithout(r, [
      "Could not read the pull request's comments (Not Found - https://docs.github.com/rest); the size trend starts over.",
      'Could not write the pull-request comment: Not Found - https://docs.github.com/rest. The report is in the job summary and the comment-body output.'
    ])
  })

  test('422 on create (validation failed)', async () => {
    proxy.faults.push({
      method: 'POST',
      path: COMMENTS,
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
        documentation_url: 'https://docs.github.com/rest',
        status: '422'
      }
    })
    const r = await publish()
    expectPublishedWithout(r, [
      'Could not write the pull-request comment: Validation Failed: {"resource":"IssueComment","code":"custom","field":"body","message":"body is too long (maximum is 65536 characters)"} - https://docs.github.com/rest. The report is in the job summary and the comment-body output.'
    ])
    expect(proxy.seen.filter((s) => s.method === 'POST' && COMMENTS.test(s.path))).toHaveLength(1)
  })

  test('5xx: retried, and a server that keeps failing is one warning', async () => {
    proxy.faults.push({ method: 'POST', path: COMMENTS, status: 502, body: { message: 'Server Error' } })
    const r = await publish()
    expectPublishedWithout(r, ['Could not write the pull-request comment: Server Error. The report is in the job summary and the comment-body output.'])
    // One try and three retries.
    expect(proxy.seen.filter((s) => s.method === 'POST' && COMMENTS.test(s.path))).toHaveLength(4)
  }, 60_000)

  test('5xx once: the retry succeeds, no warning', async () => {
    proxy.faults.push({ method: 'POST', path: COMMENTS, status: 503, body: { message: 'Service Unavailable' }, times: 1 })
    const r = await publish()
    expectPublishedWithout(r, [])
    expect(api.commentsOn(PR)).toHaveLength(1)
  }, 30_000)

  test('rate limit that resets soon: waited for, then the comment is written', async () => {
    const reset = String(Math.floor(Date.now() / 1000))
    proxy.faults.push({
      method: 'POST',
      path: COMMENTS,
      status: 403,
      times: 1,
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }
    })
    const r = await publish()
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toMatch(new RegExp(`^GitHub API rate limit hit on POST /repos/\\{owner\\}/\\{repo\\}/issues/\\{issue_number\\}/comments; retrying in [012] s$`))
    expect(r.exitCode).toBe(0)
    expect(api.commentsOn(PR)).toHaveLength(1)
    expect(api.violations).toEqual([])
  }, 30_000)

  test('rate limit that resets in an hour: not waited for, one warning that says so', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600)
    proxy.faults.push({
      method: 'POST',
      path: COMMENTS,
      status: 403,
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }
    })
    const started = Date.now()
    const r = await publish()
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(r.warnings).toHaveLength(2)
    expect(r.warnings[0]).toMatch(new RegExp(`^GitHub API rate limit hit on POST /repos/\\{owner\\}/\\{repo\\}/issues/\\{issue_number\\}/comments; it resets in 3[56]\\d\\d s, not waiting$`))
    expect(r.warnings[1]).toBe('Could not write the pull-request comment: the GitHub API rate limit is exhausted (HTTP 403). The report is in the job summary and the comment-body output.')
    expect(r.exitCode).toBe(0)
    expect(api.violations).toEqual([])
  }, 30_000)
})

describe('who the token writes as', () => {
  test('GitHub cannot say (GraphQL refused): one warning, the GITHUB_TOKEN account is taken, the comment is still kept in place', async () => {
    proxy.faults.push({ method: 'POST', path: /^\/graphql$/, status: 403, body: forbidden })
    const first = await publish()
    expectPublishedWithout(first, [
      "Could not learn which account github-token writes as (Resource not accessible by integration - https://docs.github.com/rest); taking it to be github-actions[bot], the workflow's GITHUB_TOKEN."
    ])
    const second = await publish()
    expect(second.warnings).toHaveLength(1)
    expect(api.commentsOn(PR)).toHaveLength(1)
    expect(proxy.seen.filter((s) => s.method === 'PATCH')).toHaveLength(1)
    // A refusal is not retried.
    expect(proxy.seen.filter((s) => s.path === '/graphql')).toHaveLength(2)
    expect(api.violations).toEqual([])
  })
})

describe('the comment list and concurrent runs', () => {
  test('hundreds of comments: the sticky one on page 4 of 5 is found and updated, nothing new is posted', async () => {
    for (let i = 0; i < 450; i++) {
      if (i === 333) api.seedComment(PR, `old report\n${commentMarker('')}`, 'github-actions[bot]', 'Bot')
      else api.seedComment(PR, `comment ${i} mentioning go-image-budget`)
    }
    const sticky = api.commentsOn(PR)[333]
    const r = await publish()
    expectPublishedWithout(r, [])
    expect(api.commentsOn(PR)).toHaveLength(450)
    expect(sticky.body).toBe(r.outputs['comment-body'])
    // Five pages before the build, five again right before writing.
    expect(proxy.seen.filter((s) => s.method === 'GET' && COMMENTS.test(s.path))).toHaveLength(10)
    expect(proxy.seen.filter((s) => s.method === 'PATCH')).toHaveLength(1)
    expect(proxy.seen.filter((s) => s.method === 'POST' && COMMENTS.test(s.path))).toHaveLength(0)
    expect(api.violations).toEqual([])
  })

  test('a concurrent run creates the comment while this one builds: it is re-found and updated, never duplicated', async () => {
    let theirs: { id: number } | null = null
    // The first listing (before the build) finds nothing; then the other run posts its comment.
    proxy.faults.push({
      method: 'GET',
      path: COMMENTS,
      status: 0,
      times: 2,
      before: () => {
        if (!theirs && proxy.seen.some((s) => s.method === 'GET')) theirs = api.seedComment(PR, `other run\n${commentMarker('')}`, 'github-actions[bot]', 'Bot')
      }
    })
    const r = await publish()
    expectPublishedWithout(r, [])
    expect(theirs).not.toBeNull()
    const marked = api.commentsOn(PR).filter((c) => c.body.includes(commentMarker('')))
    expect(marked).toHaveLength(1)
    expect(marked[0].id).toBe(theirs!.id)
    expect(marked[0].body).toBe(r.outputs['comment-body'])
    expect(proxy.seen.filter((s) => s.method === 'POST' && COMMENTS.test(s.path))).toHaveLength(0)
    expect(api.violations).toEqual([])
  })

  test('a newer push rewrites the comment while an older run builds: the older run does not overwrite it', async () => {
    const older = await publish({}, { id: 100, commit: 'a'.repeat(40) })
    expect(older.exitCode).toBe(0)
    const [comment] = api.commentsOn(PR)
    const olderBody = comment.body
    const newer = await publish({}, { id: 5000, commit: 'b'.repeat(40) })
    expect(newer.exitCode).toBe(0)
    const newerBody = comment.body
    expect(newerBody).not.toBe(olderBody)
    // Run 4242 starts while the comment still holds run 100's report; run 5000 writes during 4242's build.
    comment.body = olderBody
    proxy.seen = []
    let listings = 0
    proxy.faults.push({
      method: 'GET',
      path: COMMENTS,
      status: 0,
      before: () => {
        if (++listings === 2) comment.body = newerBody
      }
    })
    const r = await publish({}, { id: 4242, commit: 'c'.repeat(40) })
    expect(r.exitCode).toBe(0)
    expect(r.warnings).toEqual([])
    expect(r.stdout).toContain('Not updating the pull-request comment: the comment was written by a newer run (for bbbbbbb).')
    expect(comment.body).toBe(newerBody)
    expect(proxy.seen.filter((s) => s.method === 'PATCH' || (s.method === 'POST' && COMMENTS.test(s.path)))).toEqual([])
    expect(api.violations).toEqual([])
  })
})
