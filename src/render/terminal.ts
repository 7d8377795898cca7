// The report for a terminal: a short, plain summary.
import { formatDelta, formatPercent, formatSize } from '../units.js'
import type { Report } from '../report/types.js'
import { whyItGrewLines } from './why-it-grew.js'

export interface TerminalOptions {
  /** Said when nothing was compared: how to name a base here (e.g. `--base-ref main`). */
  baseHint?: string | null
}

export function renderTerminal(report: Report, options: TerminalOptions = {}): string {
  const lines = [
    `${report.status.toUpperCase()}  ${report.image.dockerfile ?? report.image.ref ?? report.image.id}  ${report.image.platform}`,
    `  size: ${formatSize(report.size.uncompressed)} uncompressed` + (report.size.compressed !== null ? `, ${formatSize(report.size.compressed)} compressed (${report.size.compressedSource})` : '')
  ]
  if (report.budget.limit !== null) lines.push(`  budget: ${formatSize(report.budget.limit)} ${report.budget.metric} → ${report.budget.status}`)
  lines.push(...renderComparison(report))
  if (report.mode === 'dockerfile-only') lines.splice(1, 1, '  dockerfile-only: nothing built, no sizes, nothing compared')
  else if (report.baseline.source === 'none' && !report.baseline.error) {
    lines.push(`  baseline: none, nothing compared${options.baseHint ? ` (compare with a branch: ${options.baseHint})` : ''}`)
  }
  lines.push(...renderFindings(report))
  return lines.join('\n') + '\n'
}

/** The baseline, the delta, the layer changes and the verdict's one-line reason. */
export function renderComparison(report: Report): string[] {
  const lines: string[] = []
  const b = report.baseline
  if (b.error) lines.push(`  baseline: ${b.error}`)
  else if (b.source !== 'none' && b.size) {
    const name = [b.ref, b.commit ? `(${b.commit.slice(0, 7)})` : null].filter(Boolean).join(' ')
    const metric = report.delta?.metric ?? 'uncompressed'
    const baseSize = b.size[metric]
    const change = report.delta ? (report.delta.unchanged ? 'unchanged' : `${formatDelta(report.delta[metric] ?? 0)} (${formatPercent(report.delta.percent)})`) : 'not comparable'
    lines.push(`  baseline (${b.source}): ${name}${baseSize !== null ? `, ${formatSize(baseSize)} ${metric}` : ''} → ${change}`)
    if (b.note) lines.push(`    ${b.note}`)
  }
  const diff = report.layerDiff
  if (diff) {
    const parts = (['added', 'removed', 'grown', 'shrunk'] as const).filter((c) => diff.totals[c].count > 0).map((c) => `${diff.totals[c].count} ${c} (${formatDelta(diff.totals[c].bytes)})`)
    lines.push(`  layers: ${parts.length > 0 ? parts.join(', ') : 'all unchanged'}`)
  }
  lines.push(...whyItGrewLines(report))
  // 'none' (no budget, or dockerfile-only) has nothing to explain beyond the lines above.
  if (report.budget.reason && report.budget.status !== 'pass' && report.budget.status !== 'none') lines.push(`  ${report.budget.status}: ${report.budget.reason}`)
  return lines
}

/** Messages are markdown for the comment; a terminal shows code spans as plain text. */
const plain = (text: string): string => text.replace(/`([^`\n]*)`/g, '$1')

/** Findings as `file:line  severity  rule  message`, then skipped rules and the suggestion's proof. */
export function renderFindings(report: Report): string[] {
  const lines: string[] = []
  for (const f of report.findings) {
    const savings = f.estimatedSavings !== null && f.estimatedSavings > 0 ? ` (saves about ${formatSize(f.estimatedSavings)})` : ''
    lines.push(`  ${f.file}:${f.line ?? '-'}  ${f.severity}  ${f.rule}  ${plain(f.message)}${savings}`)
  }
  if (report.skippedRules?.length) lines.push(`  not run: ${report.skippedRules.map((r) => r.rule).join(', ')} (${report.skippedRules[0].reason})`)
  const s = report.suggestion
  if (s) {
    const proof =
      s.verified && s.size
        ? `built: ${formatSize(s.size.uncompressed)}${s.savings != null ? `, ${formatSize(s.savings)} smaller` : ''}${s.proof?.start ? `, starts (${s.proof.start.detail})` : ''}${s.verifyCommand ? `, '${s.verifyCommand.command}' ran` : ''}${s.verifiedAt && s.verifiedAt !== report.image.commit ? `; verified at ${s.verifiedAt.slice(0, 7)}` : ''}`
        : (s.error ?? `not built (${s.verifyReason ?? 'verify-suggestion'})`)
    lines.push(`  suggested Dockerfile (${s.base ?? 'multi-stage'}): ${proof}`)
    for (const c of s.proof?.checks ?? []) if (!c.ok) lines.push(`    ${c.required ? 'FAIL' : 'note'}  ${c.check}: ${plain(c.detail)}`)
    lines.push(
      ...s.dockerfile
        .trimEnd()
        .split('\n')
        .map((l) => `    ${l}`)
    )
  }
  return lines
}
