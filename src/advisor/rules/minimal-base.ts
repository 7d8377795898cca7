// minimal-base: a static Go binary on a full distribution. Savings: the
// distribution's layers (and the final stage's own RUN layers), measured.
import { formatSize } from '../../size.js'
import { finalBinaries } from '../binaries.js'
import { classifyBase, DISTROLESS_STATIC_NONROOT } from '../images.js'
import { rootImage, stageChain } from '../model.js'
import { finding, programBinaries, type Rule } from '../rule.js'

export const minimalBase: Rule = {
  id: 'minimal-base',
  needsMeasurement: false,
  check(ctx) {
    const { model, measured } = ctx
    const base = rootImage(model, model.final)
    const info = classifyBase(base)
    if (info.kind !== 'distribution' && info.kind !== 'distroless') return []
    const chain = stageChain(model, model.final)
    if (chain.some((s) => s.goBuilds.length > 0)) return [] // multi-stage's business
    // A dynamically linked binary needs the libc it was built against: scratch would not start it.
    const program = programBinaries(ctx)
    if (program.some((b) => !b.static)) return []
    const binaries = finalBinaries(model, ctx.files?.goMod?.module ?? null)
    if (binaries.length === 0 && program.length === 0) return [] // no sign of a Go binary in this image
    if (!measured && binaries.some((b) => b.build.cgoEnabled === '1')) return []
    const runLines = new Set(chain.flatMap((s) => s.runs.map((r) => r.line)))
    const removable = measured
      ? measured.layers.filter((l) => l.fromBaseImage || (l.dockerfileLine !== null && runLines.has(l.dockerfileLine)))
      : []
    const baseBytes = removable.reduce((sum, l) => sum + l.uncompressed, 0)
    const binaryBytes = program.reduce((sum, b) => sum + b.bytes, 0)
    const savings = measured ? (measured.layers.length > 0 ? baseBytes : Math.max(0, measured.size - binaryBytes)) : null
    const worth = measured && savings !== null
      ? ` ${formatSize(savings)} of ${formatSize(measured.size)} is ${base} and what the final stage adds to it; the binary is ${formatSize(binaryBytes)}.`
      : ''
    const distroless = measured?.baseSizes?.[DISTROLESS_STATIC_NONROOT]
    const distrolessAdds = distroless !== undefined ? ` (${formatSize(distroless)})` : ''
    return [
      finding(
        ctx,
        'minimal-base',
        'warning',
        model.final.line,
        `The final stage runs a static Go binary on ${info.flavour ?? base} (\`${base}\`).${worth} \`FROM scratch\` adds nothing; \`${DISTROLESS_STATIC_NONROOT}\` adds only CA certificates, time zones and a non-root user${distrolessAdds}.`,
        `FROM ${DISTROLESS_STATIC_NONROOT}\n# or: FROM scratch (no certificates, time zones or users)`,
        savings
      )
    ]
  }
}
