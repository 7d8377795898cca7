// Numbers as the comment shows them: sizes, deltas with their icon band (or
// "unchanged" when the report marks the change as noise), short commits. Pure; shared by the single-image comment
// (markdown.ts) and the many-image one (combined.ts).
import { formatDelta, formatPercent, formatSize } from '../units.js'
import type { BaselineSizes, Metric, Status } from '../report/types.js'

export const STATUS_ICON: Record<Status, string> = { pass: '✅', warn: '⚠️', fail: '❌' }

export function inMetric(sizes: BaselineSizes | null | undefined, metric: Metric): number | null {
  if (!sizes) return null
  return metric === 'compressed' ? sizes.compressed : sizes.uncompressed
}

export function percentOf(delta: number, base: number | null): number | null {
  return base ? (delta / base) * 100 : null
}

/** One icon per band of change, as compressed-size-action does. */
export function deltaIcon(percent: number | null, delta: number): string {
  if (percent === null) return delta > 0 ? '📈' : '📉'
  if (percent >= 50) return '🆘'
  if (percent >= 20) return '🚨'
  if (percent >= 10) return '⚠️'
  if (percent >= 5) return '🔍'
  if (percent <= -50) return '🏆'
  if (percent <= -20) return '🎉'
  if (percent <= -10) return '👏'
  if (percent <= -5) return '✅'
  return ''
}

/** "🔍 +1.1 MB (+9.7%)", or "unchanged" for no change or one the report marks as noise (`delta.noise`). */
export function deltaText(delta: number | null, base: number | null, noise: boolean, icon = true): string {
  if (delta === null) return '–'
  const percent = percentOf(delta, base)
  if (delta === 0 || noise) return delta === 0 ? 'unchanged' : `unchanged (${formatDelta(delta)})`
  const text = percent === null ? formatDelta(delta) : `${formatDelta(delta)} (${percentText(percent)})`
  const mark = icon ? deltaIcon(percent, delta) : ''
  return mark ? `${mark} ${text}` : text
}

// A stored report is JSON another run wrote: a "number" may be anything, and
// numbers are interpolated without escaping, so check them.
export const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0

export const size = (bytes: number | null | undefined): string => (bytes === null || bytes === undefined ? '–' : formatSize(bytes))
export const short = (commit: string | null | undefined): string | null => (commit ? commit.slice(0, 7) : null)

export function more(count: number, noun: string, plural = `${noun}s`): string {
  return `…and ${count} more ${count === 1 ? noun : plural}`
}

/** "-14%", but "-99.9%" rather than a rounded "-100%" for a change that is not total. */
export function percentText(percent: number): string {
  const abs = Math.abs(percent)
  return abs >= 99.5 && abs < 100 ? `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%` : formatPercent(percent)
}

/**
 * How the baseline is named: its branch, or for a stored report given as a
 * path, the file's name (a runner's temp path says nothing to a reader).
 */
export function baselineName(ref: string | null): string | null {
  if (!ref) return null
  return /\.json$/i.test(ref) && ref.includes('/') ? ref.slice(ref.lastIndexOf('/') + 1) : ref
}
