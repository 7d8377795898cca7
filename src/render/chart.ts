// The size trend as a mermaid `xychart-beta` line chart, which GitHub renders
// in comments and job summaries. Labels come from branch names (untrusted), so
// they are confined to characters that cannot end a quoted mermaid string.
import type { HistoryPoint, Metric } from '../report/types.js'

const UNITS = [
  { name: 'B', bytes: 1 },
  { name: 'kB', bytes: 1e3 },
  { name: 'MB', bytes: 1e6 },
  { name: 'GB', bytes: 1e9 }
]

/** The short name a push goes by: its label (e.g. the base branch) or its 7-character commit. */
export function pointName(point: HistoryPoint): string {
  return point.label ?? point.commit.slice(0, 7)
}

export function chartLabel(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9._/+-]/g, '_').slice(0, 24)
  return safe === '' ? '_' : safe
}

function pointSize(point: HistoryPoint, metric: Metric): number | null {
  return metric === 'compressed' ? point.compressed : point.uncompressed
}

function roundUpNice(value: number): number {
  if (value <= 0) return 1
  const magnitude = 10 ** Math.floor(Math.log10(value))
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * magnitude >= value) ?? 10
  return Number((step * magnitude).toPrecision(3))
}

// Size line in GitHub's blue, budget line in its red (the default palette draws
// the first line in a pale lavender that is hard to see on white); a low chart,
// since a comment is read, not studied.
const THEME = ['---', 'config:', '  xyChart:', '    height: 320', '  themeVariables:', '    xyChart:', '      plotColorPalette: "#0969da, #cf222e"', '---']

/**
 * A mermaid chart of the sizes in `metric`, with the budget as a second, flat
 * line when the sizes come near it (a budget far above flattens the sizes into
 * the x-axis; the title names it instead). Null when fewer than two points
 * have a size.
 */
export function trendChart(history: HistoryPoint[], metric: Metric, budget: number | null): string | null {
  const points = history.filter((p) => pointSize(p, metric) !== null)
  if (points.length < 2) return null
  const sizes = points.map((p) => pointSize(p, metric) as number)
  const largest = Math.max(...sizes)
  const budgetLine = budget !== null && largest >= budget / 2
  const top = Math.max(largest, budgetLine ? budget : 0)
  const unit = [...UNITS].reverse().find((u) => top >= u.bytes) ?? UNITS[0]
  const inUnit = (bytes: number) => Number((bytes / unit.bytes).toFixed(bytes / unit.bytes >= 100 ? 0 : 2))
  const yMax = roundUpNice((top / unit.bytes) * 1.1)
  const labels = points.map((p) => `"${chartLabel(pointName(p))}"`)
  const budgetNote = budget !== null && !budgetLine ? `, budget ${inUnit(budget)} ${unit.name}` : ''
  const lines = [
    ...THEME,
    'xychart-beta',
    `    title "Image size (${metric}, ${unit.name}${budgetNote})"`,
    `    x-axis [${labels.join(', ')}]`,
    `    y-axis "${unit.name}" 0 --> ${yMax}`,
    `    line [${sizes.map(inUnit).join(', ')}]`
  ]
  if (budgetLine) lines.push(`    line [${points.map(() => inUnit(budget)).join(', ')}]`)
  return lines.join('\n')
}
