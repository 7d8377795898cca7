// Only the action's own comment counts: a comment written by the account the
// token acts as. Copies of the action's comment pasted by anyone else (marker
// and hidden state included) are never read and never edited, and the run says
// so once. The bundled action against the local GitHub API with real webhook
// payloads; each test ends by asserting the API saw no violation of GitHub's
// OpenAPI description or GraphQL schema.
import { overBudgetSingleStage, passingScratch } from '../fixtures/reports.js'
import { readEmbeddedState } from '../../src/report/embed.js'
import { renderMarkdown } from '../../src/render/markdown.js'
import { FORGED, SHA1, SHA2, example, reportFor, runAction, useBundledAction, withApi } from './bundled-action.js'

useBundledAction()

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
const trendOf = (body: string) =>
  readEmbeddedState(body)
    ?.history.filter((p) => p.label !== 'base')
    .map((p) => p.commit)

/** Someone who comments on pull requests: the author of @octokit/webhooks-examples' issue comments. */
const stranger = () => example('issue_comment', (e) => e.action === 'created').comment.user as { login: string; type: 'User' }

describe("only the action's own comment counts", () => {
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
        expect.stringContaining(
          `Ignored a comment that carries this action's marker but was not written by github-actions[bot] (https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${pasted.id} by ${login}): only the action's own comment is read or updated.`
        )
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
      expect(second.warnings).toEqual([
        expect.stringMatching(
          /^::warning::Ignored 2 comments that carry this action's marker but were not written by github-actions\[bot\] \(.*#issuecomment-\d+ by Codertocat, .*#issuecomment-\d+ by Codertocat\)/
        )
      ])
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
      expect(first.warnings).toEqual([
        expect.stringContaining(`was not written by ${account.login} (https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${echoed.id} by github-actions[bot])`)
      ])
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
      expect(asked.map((r) => [r.token, r.status])).toEqual([
        [token, 200],
        [token, 200]
      ])
      expect(api.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([`/repos/Codertocat/Hello-World/issues/comments/${created[0].id}`])
    })
  )
})
