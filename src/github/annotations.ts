// Findings as GitHub annotations on their Dockerfile lines, so they show in
// the pull request's diff. Pure: main.ts hands the result to core.error /
// core.warning / core.notice.
import type { Finding } from '../report/types.js'
import { formatSize } from '../units.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  message: string
  /** The shape of @actions/core's AnnotationProperties. */
  properties: { title: string; file: string; startLine?: number; endLine?: number }
}

const LEVEL: Record<Finding['severity'], AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' }

/** GitHub shows at most 10 annotations of each level per step; the rest would be dropped silently. */
export const MAX_PER_LEVEL = 10

export function findingAnnotations(findings: Finding[]): Annotation[] {
  const count: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 }
  const annotations: Annotation[] = []
  for (const f of findings) {
    const level = LEVEL[f.severity]
    if (++count[level] > MAX_PER_LEVEL) continue
    const savings = f.estimatedSavings !== null && f.estimatedSavings > 0 ? ` (saves about ${formatSize(f.estimatedSavings)})` : ''
    const properties: Annotation['properties'] = { title: `go-image-budget: ${f.rule}${savings}`, file: f.file.split('\\').join('/') }
    if (f.line !== null) {
      properties.startLine = f.line
      properties.endLine = f.line
    }
    annotations.push({ level, message: f.fix ? `${f.message}\n\nFix:\n${f.fix}` : f.message, properties })
  }
  return annotations
}
