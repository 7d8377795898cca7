// The packages a binary links: the context's own imports (standard library
// included) joined with the modules the measured binary's build info lists.
// Null when neither is known (an image measured without its sources).
import type { ContextFiles, Measured, RuleContext } from '../rule.js'

export function linkedPackagesOf(measured: Measured | null, files: ContextFiles | null): string[] | null {
  const fromBinary = measured?.goBinaries.flatMap((b) => b.packages ?? []) ?? []
  if (!files) return fromBinary.some((p) => !p.includes('.')) ? fromBinary : null // only modules: std use unknown
  return [...new Set([...files.imports, ...fromBinary])]
}

export function linkedPackages(ctx: RuleContext): string[] {
  return linkedPackagesOf(ctx.measured, ctx.files) ?? []
}
