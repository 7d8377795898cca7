// The size trend (pure): this pull request's measurements push by push,
// carried forward from the previous run's report, with the base branch's size
// as the first point. The previous history comes from a comment or a file
// someone could have edited, so it is validated point by point.
import type { Baseline, HistoryPoint, Report } from '../report/types.js'

export const BASE_LABEL = 'base'

const isSize = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0)

/** Keeps the well-formed points of an untrusted history array; drops the rest. */
export function parseHistory(value: unknown): HistoryPoint[] {
  if (!Array.isArray(value)) return []
  const points: HistoryPoint[] = []
  for (const p of value as Record<string, unknown>[]) {
    if (!p || typeof p !== 'object') continue
    if (typeof p.commit !== 'string' || p.commit === '' || typeof p.at !== 'string') continue
    if (!isSize(p.uncompressed) || !isSize(p.compressed ?? null)) continue
    if (p.uncompressed === null && (p.compressed ?? null) === null) continue
    const point: HistoryPoint = { commit: p.commit, at: p.at, uncompressed: p.uncompressed, compressed: (p.compressed as number | null) ?? null }
    if (typeof p.label === 'string') point.label = p.label
    points.push(point)
  }
  return points
}

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
