// Publishing several reports as one sticky comment (per comment-key): the
// reports of a matrix's jobs, or the targets of one bake run. Each image's
// trend is carried forward from the previous comment, found by the image's
// name, and read from the action's own comment only (locateComment). Like
// publishReport, nothing here fails the job.
import { renderCombined } from '../render/combined.js'
import type { EmbeddedState, ImageState } from '../report/embed.js'
import { commonCommit, nameReports, worstStatus, type NamedReport } from '../report/set.js'
import type { Report, Status } from '../report/types.js'
import type { SizeOrPercent } from '../units.js'
import type { CommentMode } from '../inputs.js'
import { carryHistory, commentDecision, deliverComment, type CommentTarget, type PublishDeps, type PublishResult, type PublishSettings } from './publish.js'

export interface PublishSetResult extends Omit<PublishResult, 'report'> {
  /** The reports as published, named, each with its trend carried forward. */
  images: NamedReport[]
  status: Status
}

/**
 * Whether `mode` wants the comment written for the set; null means yes. A set
 * changed when any image changed (as commentDecision judges one image) or an
 * image came or went.
 */
export function setCommentDecision(mode: CommentMode, images: NamedReport[], state: EmbeddedState | null, hasComment: boolean, floor: SizeOrPercent | null): string | null {
  if (mode === 'never') return 'comment: never'
  if (mode === 'always') return null
  const before = new Map((state?.images ?? []).map((i): [string, ImageState] => [i.name, i]))
  if (mode === 'on-exceed') {
    return hasComment || images.some((i) => i.report.status !== 'pass') ? null : 'comment: on-exceed, and every image is within budget'
  }
  const sameImages = state?.images !== undefined && before.size === images.length && images.every((i) => before.has(i.name))
  const anyChanged = images.some((i) => commentDecision(mode, i.report, state ? (before.get(i.name) ?? null) : null, hasComment, floor) === null)
  if (anyChanged || (state && !sameImages)) return null
  return state ? 'comment: on-change, and no image changed its size or verdict since the last comment' : 'comment: on-change, and every image is the same size as its baseline'
}

export async function publishReportSet(input: Report[], target: CommentTarget, settings: PublishSettings, deps: PublishDeps): Promise<PublishSetResult> {
  const before = new Map((target.state?.images ?? []).map((i) => [i.name, i.history]))
  const images = nameReports(input).map(({ name, report }) => ({ name, report: { ...report, history: carryHistory(before.get(name) ?? [], report, settings.historyLength) } }))
  const reports = images.map((i) => i.report)
  const commit = commonCommit(reports) ?? deps.context.headSha
  const common = { commentKey: settings.commentKey, repoUrl: deps.context.repoUrl, commit: deps.context.headSha ?? commit, previous: target.state }
  const body = renderCombined(images, { ...common, order: deps.context.runOrder })
  const summary = renderCombined(images, { ...common, embed: false, maxLength: 1024 * 1024 })
  const decision = setCommentDecision(settings.mode, images, target.state, target.existing !== null, settings.minDelta)
  const delivered = await deliverComment({ body, summary, commit, decision }, target, settings, deps)
  return { images, status: worstStatus(reports.map((r) => r.status)), ...delivered }
}
