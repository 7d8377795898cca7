// The report for a terminal: a short, plain summary.
import { formatSize } from '../size.js'
import type { Report } from './types.js'

export function renderTerminal(report: Report): string {
  const lines = [
    `${report.status.toUpperCase()}  ${report.image.dockerfile ?? report.image.ref ?? report.image.id}  ${report.image.platform}`,
    `  size: ${formatSize(report.size.uncompressed)} uncompressed` +
      (report.size.compressed !== null ? `, ${formatSize(report.size.compressed)} compressed (${report.size.compressedSource})` : '')
  ]
  if (report.budget.limit !== null) lines.push(`  budget: ${formatSize(report.budget.limit)} ${report.budget.metric} → ${report.budget.status}`)
  return lines.join('\n') + '\n'
}
