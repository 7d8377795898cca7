// Pure parts of publishing: the event context from real webhook payloads, the
// comment-mode decision and the trend carried forward from the comment.
/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads are JSON fixtures, navigated and edited freely */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { UsageError } from '../../src/errors.js'
import { loadStoredReport } from '../../src/stored/read.js'
import { sortMarkedComments } from '../../src/github/comment.js'
import { parsePullNumberFile, readEventContext } from '../../src/github/context.js'
import { loadGitHubEvent } from '../../src/github/event.js'
import { isAuthoredBy, type Identity } from '../../src/github/identity.js'
import { commentMarker } from '../../src/report/embed.js'
import { carryHistory, commentDecision } from '../../src/github/publish.js'
import { compareSizes } from '../../src/compare/compare.js'
import type { EmbeddedState } from '../../src/report/embed.js'
import { overBudgetSingleStage, passingScratch } from '../fixtures/reports.js'

const require = createRequire(import.meta.url)
type Example = { name: string; examples: Record<string, any>[] }
const EXAMPLES = require('@octokit/webhooks-examples') as Example[]
const payload = (name: string, pick: (e: Record<string, any>) => boolean) => EXAMPLES.find((e) => e.name === name)!.examples.find(pick)!

function contextFor(eventName: string, event: object, files: Record<string, string> = {}, pullNumberFile: string | null = null) {
  const env = {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: '/event.json',
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_API_URL: 'http://127.0.0.1:9/api/v3/',
    GITHUB_SHA: 'merge0000',
    GITHUB_RUN_ID: '77'
  }
  const all: Record<string, string> = { '/event.json': JSON.stringify(event), ...files }
  const readFile = (p: string) => all[p] ?? null
  return readEventContext(env, loadGitHubEvent(env.GITHUB_EVENT_NAME, env.GITHUB_EVENT_PATH, readFile), readFile, pullNumberFile)
}

describe('readEventContext', () => {
  test('pull_request: number, head commit (not the merge commit), not a fork', () => {
    const ctx = contextFor(
      'pull_request',
      payload('pull_request', (e) => e.action === 'synchronize')
    )
    expect(ctx).toMatchObject({
      owner: 'Codertocat',
      repo: 'Hello-World',
      repoUrl: 'https://github.example/Codertocat/Hello-World',
      apiUrl: 'http://127.0.0.1:9/api/v3',
      pullNumber: 2,
      pullNumberSource: 'event',
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      branch: 'changes',
      runOrder: 77,
      fromFork: false
    })
  })

  test('pull_request_target from a fork', () => {
    const event = JSON.parse(JSON.stringify(payload('pull_request', (e) => e.action === 'opened')))
    event.pull_request.head.repo.full_name = 'forker/Hello-World'
    expect(contextFor('pull_request_target', event)).toMatchObject({ pullNumber: 2, fromFork: true })
  })

  test('push: no pull request yet, the pushed commit and branch', () => {
    const ctx = contextFor(
      'push',
      payload('push', (e) => e.ref === 'refs/heads/master')
    )
    expect(ctx).toMatchObject({ pullNumber: null, headSha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', branch: 'master' })
  })

  test('workflow_run: the triggering run orders, its head is the commit; a fork needs the pr-number file', () => {
    const fork = payload('workflow_run', (e) => e.action === 'completed' && e.workflow_run.pull_requests.length === 0 && e.repository.full_name === 'Codertocat/Hello-World')
    expect(contextFor('workflow_run', fork)).toMatchObject({ pullNumber: null, runOrder: 1589141559, headSha: '5779607b49aab1200488439f02372c57b4f75444', fromFork: true })
    expect(contextFor('workflow_run', fork, { '/r/pr-number': '12\n' }, '/r/pr-number')).toMatchObject({ pullNumber: 12, pullNumberSource: 'file' })
    const same = payload('workflow_run', (e) => e.action === 'completed' && e.workflow_run.pull_requests.length === 1)
    expect(contextFor('workflow_run', same, { '/r/pr-number': '12' }, '/r/pr-number')).toMatchObject({ pullNumber: 2, pullNumberSource: 'event' })
  })

  test('an unreadable event file leaves what the environment says', () => {
    expect(contextFor('pull_request', {})).toMatchObject({ pullNumber: null, headSha: 'merge0000' })
  })

  test.each([
    ['7', 7],
    [' 42 \n', 42],
    ['0', null],
    ['-1', null],
    ['1; rm -rf /', null],
    ['', null],
    [null, null]
  ])('pr-number %j → %j', (text, expected) => {
    expect(parsePullNumberFile(text)).toBe(expected)
  })
})

describe("sortMarkedComments: only the token's own comment is the sticky one", () => {
  const comment = (id: number, login: string, body: string, userId = 1000 + login.length) => ({ id, body, html_url: `https://github.com/o/r/pull/1#issuecomment-${id}`, user: { login, id: userId } })
  const actions: Identity = { login: 'github-actions[bot]', id: 41898282, source: 'viewer' }
  const marked = commentMarker('')

  test("a stranger's pasted copy is ignored, even when it is the most recent; the most recent own comment wins", () => {
    const found = sortMarkedComments(
      [
        comment(1, 'github-actions[bot]', `old\n${marked}`),
        comment(2, 'mallory', `pasted\n${marked}`),
        comment(3, 'github-actions[bot]', `a duplicate from a race\n${marked}`),
        comment(4, 'mallory', 'no marker here'),
        comment(5, 'GitHub-Actions[bot]', `other key\n${commentMarker('api')}`),
        comment(6, 'renovate[bot]', `another bot quoting us\n${marked}`)
      ],
      '',
      actions
    )
    expect(found.ours?.id).toBe(3)
    expect(found.ignored.map((c) => [c.id, c.author])).toEqual([
      [2, 'mallory'],
      [6, 'renovate[bot]']
    ])
  })

  test("an app's token: github-actions[bot]'s comment is not its own", () => {
    const found = sortMarkedComments([comment(1, 'github-actions[bot]', marked, 41898282), comment(2, 'gib-app[bot]', marked)], '', { login: 'gib-app[bot]', id: null, source: 'viewer' })
    expect(found.ours?.id).toBe(2)
    expect(found.ignored.map((c) => c.id)).toEqual([1])
  })

  test('only pasted copies: no comment of ours', () => {
    expect(sortMarkedComments([comment(1, 'mallory', marked)], '', actions)).toMatchObject({ ours: null, ignored: [{ id: 1 }] })
  })

  test('the same account by id or by login (without case); anyone else, or no author, is not', () => {
    expect(isAuthoredBy({ login: 'Octo-Maintainer', id: 7 }, { login: 'octo-maintainer', id: null, source: 'viewer' })).toBe(true)
    // GraphQL and REST may spell a bot's login differently; the id is the same account.
    expect(isAuthoredBy({ login: 'github-actions[bot]', id: 41898282 }, { login: 'github-actions', id: 41898282, source: 'viewer' })).toBe(true)
    expect(isAuthoredBy({ login: 'mallory', id: 41898283 }, actions)).toBe(false)
    expect(isAuthoredBy(null, actions)).toBe(false)
    expect(isAuthoredBy({ login: null }, actions)).toBe(false)
  })
})

const state = (over: Partial<EmbeddedState>): EmbeddedState => ({ v: 1, key: '', commit: 'c0ffee', order: 1, status: 'pass', metric: 'uncompressed', size: 1_819_260, history: [], ...over })

describe('commentDecision', () => {
  test('always and never', () => {
    expect(commentDecision('always', passingScratch(), null, false, null)).toBeNull()
    expect(commentDecision('never', overBudgetSingleStage(), null, true, null)).toBe('comment: never')
  })

  test('on-exceed: only over budget, but an existing comment is kept current', () => {
    expect(commentDecision('on-exceed', overBudgetSingleStage(), null, false, null)).toBeNull()
    expect(commentDecision('on-exceed', passingScratch(), null, false, null)).toMatch(/within budget/)
    expect(commentDecision('on-exceed', passingScratch(), state({ status: 'fail' }), true, null)).toBeNull()
  })

  test('on-change: a size move beyond min-delta or a verdict change', () => {
    const report = passingScratch()
    expect(commentDecision('on-change', report, null, false, null)).toBeNull() // -300 kB vs the baseline
    // Against the baseline, the comparison's noise decides: -300 kB under a 500 kB min-delta is the same size.
    const quiet = { ...report, delta: compareSizes(report.size, report.baseline.size!, 'uncompressed', { bytes: 500_000 }) }
    expect(commentDecision('on-change', quiet, null, false, null)).toMatch(/same size as the baseline/)
    expect(commentDecision('on-change', report, state({}), true, null)).toMatch(/neither the size nor the verdict/)
    expect(commentDecision('on-change', report, state({ size: 1_900_000 }), true, { bytes: 50_000 })).toBeNull()
    expect(commentDecision('on-change', report, state({ size: 1_830_000 }), true, { percent: 1 })).toMatch(/neither/)
    expect(commentDecision('on-change', report, state({ status: 'warn' }), true, null)).toBeNull()
    expect(commentDecision('on-change', overBudgetSingleStage(), null, false, null)).toBeNull()
  })
})

describe('carryHistory', () => {
  test('the comment trend, then this push; a re-run replaces its own point', () => {
    const report = passingScratch()
    const [base, head] = report.history
    const earlier = { commit: 'e'.repeat(40), at: '2026-11-26T00:00:00Z', uncompressed: 2_000_000, compressed: null }
    expect(carryHistory([base, earlier], report, 20).map((p) => p.commit)).toEqual([base.commit, earlier.commit, head.commit])
    expect(carryHistory([base, earlier, { ...head, uncompressed: 1 }], report, 20)).toEqual([base, earlier, head])
  })

  test('capped at history-length pushes, the base point kept', () => {
    const report = passingScratch()
    const pushes = Array.from({ length: 30 }, (_, i) => ({ commit: String(i).padStart(40, '0'), at: '2026-11-26T00:00:00Z', uncompressed: i, compressed: null }))
    const history = carryHistory([report.history[0], ...pushes], report, 5)
    expect(history).toHaveLength(6)
    expect(history[0].label).toBe('base')
    expect(history[5].commit).toBe(report.image.commit)
  })

  test('forged points from a comment are dropped', () => {
    const report = passingScratch()
    const junk = [
      { commit: 5, at: 'x' },
      { commit: 'a', at: 'now', uncompressed: -1, compressed: null }
    ] as never[]
    expect(carryHistory(junk, report, 20)).toEqual(report.history)
  })
})

describe('loadStoredReport (the workflow_run side reads what another run wrote)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gib-stored-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const file = (name: string, text: string) => {
    const p = path.join(dir, name)
    writeFileSync(p, text)
    return p
  }

  test('a report round-trips; missing arrays become empty', () => {
    const report = passingScratch()
    const ok = file('ok.json', JSON.stringify(report))
    expect(loadStoredReport(ok)).toEqual([{ file: ok, report, fromList: false }])
    const sparse = { ...report, layers: undefined, findings: 'x', history: null }
    expect(loadStoredReport(file('sparse.json', JSON.stringify(sparse)))[0].report).toMatchObject({ layers: [], findings: [], history: [] })
  })

  test.each([
    ['missing.json', null, /report: no file at .*missing\.json; download the measuring run's artifact first/],
    ['bad.json', '{not json', /report: .*bad\.json is not JSON/],
    ['other.json', JSON.stringify({ schemaVersion: 1, status: 'pass' }), /is not a go-image-budget report \(schemaVersion 1\)/],
    ['status.json', JSON.stringify({ ...passingScratch(), status: '<b>' }), /is not a go-image-budget report/]
  ])('%s is refused with a usage error', (name, text, message) => {
    const p = text === null ? path.join(dir, name) : file(name, text)
    expect(() => loadStoredReport(p)).toThrow(UsageError)
    expect(() => loadStoredReport(p)).toThrow(message)
  })
})
