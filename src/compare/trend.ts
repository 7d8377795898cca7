// The size trend (pure): this pull request's measurements push by push,
// carried forward from the previous run's report, with the base branch's size
// as the first point. The previous history comes from a comment or a file
// someone could have edited, so it is validated point by point.
import type { Baseline, HistoryPoint, Report } from '../report/types.js'

export const BASE_LABEL = 'base'

/** The base point of the trend, from a baseline that has a size. */
export function basePoint(baseline: Baseline, at: string): HistoryPoint | null {
  if (!baseline.size || baseline.error) return null
  const commit = baseline.commit ?? baseline.digest ?? baseline.ref
  if (!commit) return null
  return { commit, at, uncompressed: baseline.size.uncompressed, compressed: baseline.size.compressed, label: BASE_LABEL }
}

/** This run's point. */
export function currentPoint(report: Pick<Report, 'image' | 'size'>, at: string): HistoryPoint | null {
  const commit = report.image.commit
  if (!commit) return null
  return { commit, at, uncompressed: report.size.uncompressed, compressed: report.size.compressed }
}

export interface TrendInput {
  previous: HistoryPoint[]
  base: HistoryPoint | null
  current: HistoryPoint | null
  /** How many pushes to keep (the base point is extra). */
  limit: number
}

/**
 * The new history: the base point (this run's, else the previous one's), then
 * the pushes in order. A commit measured again (a re-run) is updated in place,
 * so the order stays the order of pushes; the oldest pushes fall off first.
 */
export function updateHistory({ previous, base, current, limit }: TrendInput): HistoryPoint[] {
  const previousBase = previous.find((p) => p.label === BASE_LABEL) ?? null
  const pushes = previous.filter((p) => p.label !== BASE_LABEL)
  if (current) {
    const at = pushes.findIndex((p) => p.commit === current.commit)
    if (at >= 0) pushes[at] = current
    else pushes.push(current)
  }
  const unique = pushes.filter((p, i) => pushes.findIndex((q) => q.commit === p.commit) === i)
  const first = base ?? previousBase
  return [...(first ? [first] : []), ...unique.slice(-limit)]
}
