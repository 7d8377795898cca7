// The bundled action against a local GitHub API (github-api.ts), driven by
// real webhook payloads from @octokit/webhooks-examples. `report:` points at a
// stored report fixture, so nothing is built: these tests are about
// publishing. Every request and response is checked against GitHub's OpenAPI
// description; each test ends by asserting there were no violations.
import { readFileSync } from 'node:fs'
import { passingScratch, overBudgetSingleStage } from '../fixtures/reports.js'
import { readEmbeddedState } from '../../src/report/embed.js'
import { FORK_TOKEN, SHA1, SHA2, WRITE_TOKEN, example, reportFor, runAction, useBundledAction, withApi } from './bundled-action.js'

useBundledAction()

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
      expect(second.warnings).toEqual([
        expect.stringContaining(
          `Ignored a comment that carries this action's marker but was not written by github-actions[bot] (https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${quoting.id} by someone)`
        )
      ])
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
      const result = await runAction({
        api,
        event: 'pull_request',
        payload: example('pull_request', (e) => e.action === 'opened'),
        report: reportFor(SHA1, passingScratch),
        inputs: { comment: 'on-exceed' }
      })
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
        api,
        event: 'pull_request',
        payload: opened,
        report: null,
        workspace: process.cwd(),
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
