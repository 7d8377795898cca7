// The action's outputs; action.yml is generated from this table.
import type { Report } from './report/types.js'

export const OUTPUT_SPECS = {
  size: 'Uncompressed image size in bytes (as `docker images` shows it); empty for several images.',
  'compressed-size': 'Compressed image size in bytes (as a registry stores it); empty for several images.',
  'base-size': 'Uncompressed size of the baseline image in bytes (empty without a baseline, or for several images).',
  delta: 'Size change against the baseline in bytes, in the budget metric (compressed when the baseline is a registry image); empty without a baseline, or for several images.',
  'delta-percent': 'Size change against the baseline in percent; empty for several images.',
  status: 'Verdict: pass, warn or fail; for several images, the worst.',
  report: 'Path of the report JSON file; for several images, a JSON list of paths, one report file per image.',
  'comment-body':
    'The markdown of the pull-request comment (the job summary shows it too), for a later step to post or keep elsewhere. The fork-safe `workflow_run` job publishes the stored report with `report:` instead.'
} as const

export type OutputName = keyof typeof OUTPUT_SPECS

const text = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n))

/** The step outputs a report yields (all but comment-body, which publishing sets). */
export function reportOutputs(report: Report, reportPath: string): Omit<Record<OutputName, string>, 'comment-body'> {
  const delta = report.delta
  return {
    size: String(report.size.uncompressed),
    'compressed-size': text(report.size.compressed),
    'base-size': report.baseline.error ? '' : text(report.baseline.size?.uncompressed),
    delta: delta && delta.metric ? text(delta[delta.metric]) : '',
    'delta-percent': delta ? String(Math.round(delta.percent * 100) / 100) : '',
    status: report.status,
    report: reportPath
  }
}

/** The outputs of a set of images: the worst verdict and the list of their report files (as JSON). */
export function setOutputs(status: Report['status'], reportFiles: string[]): Pick<Record<OutputName, string>, 'status' | 'report'> {
  return { status, report: JSON.stringify(reportFiles) }
}
