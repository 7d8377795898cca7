// A fix that is an edit of the Dockerfile: line ranges replaced by new text.
// Applying them gives the fixed Dockerfile (which the integration corpus
// builds and starts); rendering them gives the fix a reader sees. Pure.
import type { FixEdit } from '../report/types.js'

/** The Dockerfile with the edits applied (ranges of the original, applied from the last up). */
export function applyEdits(text: string, edits: FixEdit[]): string {
  const lines = text.split('\n')
  for (const e of [...edits].sort((a, b) => b.line - a.line)) lines.splice(e.line - 1, e.endLine - e.line + 1, ...e.text.split('\n'))
  return lines.join('\n')
}

/** The fix as a reader sees it: one edit's text, or each edit under the line it replaces. */
export function renderEdits(edits: FixEdit[]): string {
  if (edits.length === 1) return edits[0].text
  return edits
    .map((e) => {
      const where = e.endLine < e.line ? `before line ${e.line}` : e.endLine === e.line ? `line ${e.line}` : `lines ${e.line}-${e.endLine}`
      return `# ${where}:\n${e.text}`
    })
    .join('\n')
}
