// Publishing a report: the sticky pull-request comment (when the mode and the
// token allow), the job summary (always), and the comment body for the
// `comment-body` output. Nothing here fails the job: a read-only token, a
// missing pull request or an API error becomes one warning, and the summary
// and outputs are still written.
import { errorMessage } from '../errors.js'
import type { CommentMode } from '../inputs.js'
import type { Logger } from '../log.js'
import { renderMarkdown } from '../render/markdown.js'
import { readEmbeddedState, type EmbeddedState } from '../report/embed.js'
import type { HistoryPoint, Report } from '../report/types.js'
import type { SizeOrPercent } from '../units.js'
import { belowFloor } from '../compare/compare.js'
import { BASE_LABEL, updateHistory } from '../compare/trend.js'
import { parseHistory } from '../report/parse.js'
import { createComment, findPullForPush, findStickyComment, httpStatus, pullHeadSha, updateComment, type StickyComment } from './comment.js'
import type { EventContext } from './context.js'
import { tokenIdentity, type Identity } from './identity.js'
import type { GitHubClient } from './octokit.js'

export const FORKS_HELP =
  'Pull requests from forks get a read-only GITHUB_TOKEN. To comment on them, measure in the `pull_request` workflow and ' +
  'publish from a `workflow_run` workflow with `report:` (README, "Pull requests from forks"); for same-repository ' +
  'pull requests, grant `permissions: pull-requests: write`.'

export interface PublishSettings {
  mode: CommentMode
  commentKey: string
  historyLength: number
  minDelta: SizeOrPercent | null
}

export interface PublishDeps {
  context: EventContext
  /** Null without a token: no comment, summary and outputs only. */
  client: GitHubClient | null
  log: Pick<Logger, 'info' | 'warning' | 'debug'>
  writeSummary: (markdown: string) => Promise<void>
}

/** What the run learned about the pull request before measuring. */
export interface CommentTarget {
  pullNumber: number | null
  /** The action's own comment (written by `identity`); state is read from it alone. */
  existing: StickyComment | null
  state: EmbeddedState | null
  /** Why there will be no comment (logged once), or null. */
  skip: string | null
  /** The account the token writes as, once asked. */
  identity?: Identity | null
  /** Comments by others carrying the marker, already reported as ignored (by id). */
  ignored?: number[]
}

export type CommentOutcome = 'created' | 'updated' | 'skipped' | 'forbidden' | 'failed'

export interface PublishResult {
  /** The report as published, its trend carried forward. */
  report: Report
  /** The comment markdown (the `comment-body` output), rendered even when not posted. */
  body: string
  summary: string
  outcome: CommentOutcome
  reason: string | null
  commentUrl: string | null
}

/**
 * Finds the pull request and its sticky comment. Runs before the build so the
 * trend carried in the comment can feed the pipeline. Never throws.
 */
export async function locateComment(settings: PublishSettings, deps: PublishDeps): Promise<CommentTarget> {
  const { context, client, log } = deps
  const none = (skip: string): CommentTarget => ({ pullNumber: null, existing: null, state: null, skip, identity: null, ignored: [] })
  if (settings.mode === 'never') return none('comment: never')
  if (!client) return none('no github-token')
  const where = { owner: context.owner, repo: context.repo }
  let pullNumber = context.pullNumber
  let identity: Identity | null = null
  try {
    if (!pullNumber && context.eventName === 'push' && context.headSha) {
      pullNumber = await findPullForPush(client, where, context.headSha, context.branch)
    }
    if (!pullNumber) return none(`no pull request for this ${context.eventName || 'run'}`)
    // A number read from a file an untrusted run wrote: believe it only if that
    // pull request's head is the commit that run measured.
    if (context.pullNumberSource === 'file') {
      const head = await pullHeadSha(client, where, pullNumber)
      if (head !== context.headSha) {
        const reason = `pull request #${pullNumber} has head ${head.slice(0, 7)}, not the measured ${context.headSha?.slice(0, 7) ?? 'commit'}; not commenting`
        // Either the pull request moved on (a newer run will comment) or the number was forged.
        log.warning(`The pr-number file names ${reason}.`)
        return { ...none(reason), pullNumber }
      }
    }
    identity = await learnIdentity(client, log)
    const found = await findStickyComment(client, where, pullNumber, settings.commentKey, identity)
    reportIgnored(found.ignored, identity, log)
    return { pullNumber, existing: found.ours, state: readEmbeddedState(found.ours?.body), skip: null, identity, ignored: found.ignored.map((c) => c.id) }
  } catch (error) {
    log.warning(`Could not read the pull request's comments (${errorMessage(error)}); the size trend starts over.`)
    return { pullNumber, existing: null, state: null, skip: null, identity, ignored: [] }
  }
}

async function learnIdentity(client: GitHubClient, log: PublishDeps['log']): Promise<Identity> {
  const { identity, warning } = await tokenIdentity(client)
  if (warning) log.warning(warning)
  else log.debug(`github-token writes as ${identity.login}`)
  return identity
}

/** Says once that comments by others carrying the marker were left alone (a pasted copy must not steer the run). */
function reportIgnored(ignored: StickyComment[], identity: Identity, log: PublishDeps['log']): void {
  if (ignored.length === 0) return
  const shown = ignored
    .slice(0, 3)
    .map((c) => `${c.url} by ${c.author || 'an unknown account'}`)
    .join(', ')
  const more = ignored.length > 3 ? ` and ${ignored.length - 3} more` : ''
  const what = ignored.length === 1 ? "a comment that carries this action's marker but was" : `${ignored.length} comments that carry this action's marker but were`
  log.warning(`Ignored ${what} not written by ${identity.login} (${shown}${more}): only the action's own comment is read or updated.`)
}

/** The trend: the comment's history carried forward with this report's points. */
export function carryHistory(previous: HistoryPoint[], report: Report, limit: number): HistoryPoint[] {
  const base = report.history.find((p) => p.label === BASE_LABEL) ?? null
  let history = updateHistory({ previous: parseHistory(previous), base, current: null, limit })
  for (const point of report.history.filter((p) => p.label !== BASE_LABEL)) {
    history = updateHistory({ previous: history, base: null, current: point, limit })
  }
  return history
}

function sizeInMetric(report: Report, metric: 'uncompressed' | 'compressed'): number {
  return (metric === 'compressed' ? report.size.compressed : null) ?? report.size.uncompressed
}

/** A 403/429 that is GitHub's rate limit, not a missing permission. */
export function isRateLimited(error: unknown): boolean {
  const status = httpStatus(error)
  if (status === 429) return true
  if (status !== 403) return false
  const e = error as { message?: string; response?: { headers?: Record<string, string | undefined> } }
  return e.response?.headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(e.message ?? '')
}

/** Whether `mode` wants a comment written for this report; null means yes, else the reason not to. */
export function commentDecision(mode: CommentMode, report: Report, state: Pick<EmbeddedState, 'status' | 'size'> | null, hasComment: boolean, floor: SizeOrPercent | null): string | null {
  if (mode === 'never') return 'comment: never'
  if (mode === 'always') return null
  if (mode === 'on-exceed') {
    // An existing comment is always kept current, so it can say "back under budget".
    return hasComment || report.status !== 'pass' ? null : 'comment: on-exceed, and the image is within budget'
  }
  if (report.status !== 'pass') return null
  const metric = report.budget.metric
  const size = sizeInMetric(report, metric)
  if (state) {
    if (state.status !== report.status) return null
    // Against the last comment (known only here), by the comparison's own noise rule.
    if (!belowFloor(size - state.size, state.size, floor)) return null
    return 'comment: on-change, and neither the size nor the verdict changed since the last comment'
  }
  // Against the baseline, the comparison already decided what is noise.
  const change = report.delta ? report.delta[metric] : null
  if (report.delta && change !== null && !report.delta.noise[metric]) return null
  return 'comment: on-change, and the image is the same size as the baseline'
}

export async function publishReport(input: Report, target: CommentTarget, settings: PublishSettings, deps: PublishDeps): Promise<PublishResult> {
  const report: Report = { ...input, history: carryHistory(target.state?.history ?? [], input, settings.historyLength) }
  const linkCommit = deps.context.headSha ?? report.image.commit
  const common = { commentKey: settings.commentKey, repoUrl: deps.context.repoUrl, commit: linkCommit }
  const body = renderMarkdown(report, { ...common, previous: target.state, order: deps.context.runOrder })
  const summary = renderMarkdown(report, { ...common, previous: target.state, embed: false, maxLength: 1024 * 1024 })
  const decision = commentDecision(settings.mode, report, target.state, target.existing !== null, settings.minDelta)
  return { report, ...(await deliverComment({ body, summary, commit: report.image.commit, decision }, target, settings, deps)) }
}

/** A rendered comment, ready to be written: for which commit, and whether the `comment` mode wants it (null: yes). */
export interface Delivery {
  body: string
  summary: string
  commit: string | null
  decision: string | null
}

/**
 * Writes the job summary, then the sticky comment: updated in place, or
 * created; never over what a newer push wrote, never a second one. Shared by
 * the single-image and the many-image comment. Never throws.
 */
export async function deliverComment(delivery: Delivery, target: CommentTarget, settings: PublishSettings, deps: PublishDeps): Promise<Omit<PublishResult, 'report'>> {
  const { context, client, log } = deps
  const { body, summary } = delivery
  try {
    await deps.writeSummary(summary)
  } catch (error) {
    log.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }

  const result = (outcome: CommentOutcome, reason: string | null, comment: StickyComment | null = null) => ({
    body,
    summary,
    outcome,
    reason,
    commentUrl: comment?.url ?? target.existing?.url ?? null
  })

  if (!client || target.pullNumber === null || target.skip) {
    const reason = target.skip ?? 'no pull request'
    log.info(`No pull-request comment: ${reason}. The report is in the job summary and the comment-body output.`)
    return result('skipped', reason)
  }
  const existing = target.existing
  const state = target.state
  // A re-run of an older push must not replace what a newer push wrote.
  if (existing && state && state.order !== null && context.runOrder !== null && state.order > context.runOrder && state.commit !== delivery.commit) {
    const reason = `the comment was written by a newer run (for ${state.commit?.slice(0, 7) ?? 'another commit'})`
    log.info(`Not updating the pull-request comment: ${reason}.`)
    return result('skipped', reason)
  }
  if (delivery.decision) {
    log.info(`No pull-request comment: ${delivery.decision}.`)
    return result('skipped', delivery.decision)
  }

  const where = { owner: context.owner, repo: context.repo }
  const newerRun = (theirs: EmbeddedState | null): boolean =>
    theirs !== null && theirs.order !== null && context.runOrder !== null && theirs.order > context.runOrder && theirs.commit !== delivery.commit
  try {
    const identity = target.identity ?? (await learnIdentity(client, log))
    // The build took minutes: a concurrent run of this job may have created or rewritten the comment
    // since it was looked for. Look again, by its marker, right before writing: never a second comment,
    // never an older push's report over a newer one. A listing that fails here (it failed before the
    // build too, or GitHub hiccups) falls back to what was found then.
    const found = await findStickyComment(client, where, target.pullNumber, settings.commentKey, identity).catch(() => undefined)
    if (found)
      reportIgnored(
        found.ignored.filter((c) => !(target.ignored ?? []).includes(c.id)),
        identity,
        log
      )
    const latest = found === undefined ? existing : found.ours
    if (latest) {
      const theirs = readEmbeddedState(latest.body)
      if (newerRun(theirs)) {
        const reason = `the comment was written by a newer run (for ${theirs?.commit?.slice(0, 7) ?? 'another commit'})`
        log.info(`Not updating the pull-request comment: ${reason}.`)
        return result('skipped', reason, latest)
      }
      const updated = await updateComment(client, where, latest.id, body)
      log.info(`Updated the pull-request comment: ${updated.url}`)
      return result('updated', null, updated)
    }
    const created = await createComment(client, where, target.pullNumber, body)
    log.info(`Created the pull-request comment: ${created.url}`)
    return result('created', null, created)
  } catch (error) {
    const status = httpStatus(error)
    if (isRateLimited(error)) {
      log.warning(`Could not write the pull-request comment: the GitHub API rate limit is exhausted (HTTP ${status}). The report is in the job summary and the comment-body output.`)
      return result('failed', `rate limited (HTTP ${status})`)
    }
    if (status === 403 || (status === 404 && context.fromFork)) {
      log.warning(`Cannot comment on pull request #${target.pullNumber}: the token is read-only (HTTP ${status}). ${FORKS_HELP}`)
      return result('forbidden', `HTTP ${status}`)
    }
    log.warning(`Could not write the pull-request comment: ${errorMessage(error)}. The report is in the job summary and the comment-body output.`)
    return result('failed', errorMessage(error))
  }
}
