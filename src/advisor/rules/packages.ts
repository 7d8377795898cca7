// The packages a binary links: the context's own imports (standard library
// included) joined with the modules the measured program's build info lists.
// Null when neither is known (an image measured without its sources).
import { appBinaries } from '../binaries.js'
import type { DockerfileModel } from '../model.js'
import type { ContextFiles, Measured, RuleContext } from '../rule.js'

export function linkedPackagesOf(model: DockerfileModel, measured: Measured | null, files: ContextFiles | null): string[] | null {
  const program = measured ? appBinaries(model, measured.goBinaries, files?.goMod?.module ?? null) : []
  const fromBinary = program.flatMap((b) => b.packages ?? [])
  if (!files) return fromBinary.some((p) => !p.includes('.')) ? fromBinary : null // only modules: std use unknown
  return [...new Set([...files.imports, ...fromBinary])]
}

export function linkedPackages(ctx: RuleContext): string[] {
  return linkedPackagesOf(ctx.model, ctx.measured, ctx.files) ?? []
}
