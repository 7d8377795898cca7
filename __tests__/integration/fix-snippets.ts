// Fix snippets are proven like suggestions: every finding's fix that is an
// edit of the Dockerfile (the final stage rewritten, a line replaced or
// inserted) is applied to the original, built from the same context on the
// engine under test, and started; it must do what the original does. Edits of
// different findings that touch different lines are applied together, so a
// pattern costs one build per group of fixes that do not overlap (strip and
// trimpath rewrite the same RUN: two groups).
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { applyEdits } from '../../src/advisor/edits.js'
import { exec } from '../../src/exec.js'
import type { Finding, FixEdit } from '../../src/report/types.js'

/** Whether two edits touch the same lines (an insertion touches the line it goes before). */
const overlap = (a: FixEdit, b: FixEdit) => {
  const span = (e: FixEdit) => (e.endLine < e.line ? [e.line - 0.5, e.line - 0.5] : [e.line, e.endLine])
  const [a1, a2] = span(a)
  const [b1, b2] = span(b)
  return Math.max(a1, b1) <= Math.min(a2, b2)
}

/** The findings with edits, grouped so that no two in a group touch the same lines. */
export function fixGroups(findings: Finding[]): Finding[][] {
  const groups: Finding[][] = []
  for (const f of findings.filter((x) => x.edits && x.edits.length > 0)) {
    const group = groups.find((g) => g.every((o) => !o.edits!.some((e) => f.edits!.some((x) => overlap(e, x)))))
    if (group) group.push(f)
    else groups.push([f])
  }
  return groups
}

export interface FixProof {
  rules: string[]
  dockerfile: string
  image: string | null
  error: string | null
}

/**
 * Builds each group of fixes applied to the original Dockerfile (written
 * outside the context, so its cache stays untouched) and returns the images,
 * tagged for `remove`; `behaves` is then asked of each, as of a suggestion.
 */
export async function buildFixes(context: string, dockerfileName: string, findings: Finding[], tempDir: string): Promise<FixProof[]> {
  const original = readFileSync(path.join(context, dockerfileName), 'utf8')
  const proofs: FixProof[] = []
  for (const group of fixGroups(findings)) {
    const dockerfile = applyEdits(
      original,
      group.flatMap((f) => f.edits!)
    )
    const dir = mkdtempSync(path.join(tempDir, 'fix-'))
    const file = path.join(dir, 'Dockerfile')
    writeFileSync(file, dockerfile)
    const tag = `gib12-fix-${randomBytes(4).toString('hex')}:${group.map((f) => f.rule).join('.')}`
    const built = await exec('docker', ['buildx', 'build', '--load', '--progress', 'plain', '-f', file, '-t', tag, context])
    rmSync(dir, { recursive: true, force: true })
    proofs.push({ rules: group.map((f) => f.rule), dockerfile, image: built.code === 0 ? tag : null, error: built.code === 0 ? null : built.stderr.trim().split('\n').slice(-5).join('\n') })
  }
  return proofs
}

export async function removeFixImages(proofs: FixProof[]): Promise<void> {
  const images = proofs.flatMap((p) => (p.image ? [p.image] : []))
  if (images.length > 0) await exec('docker', ['image', 'rm', ...images])
}
