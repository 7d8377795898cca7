// minimal-base: a Go binary on a full distribution (or a static one on
// distroless with libc) where a smaller base meets every run-time need: the
// packages the final stage installs, a shell its command needs, libc for a
// binary that stays dynamic, CA roots, zone data, a user. Savings: the base's
// layers and the final stage's RUN layers, less the new base, measured.
import { formatSize } from '../../units.js'
import { finalBinaries } from '../binaries.js'
import { classifyBase } from '../images.js'
import { rootImage, stageChain } from '../model.js'
import { finding, programBinaries, type Rule } from '../rule.js'
import { chooseRuntimeBase } from '../runtime-base.js'

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
    const program = programBinaries(ctx)
    const binaries = finalBinaries(model, ctx.files?.goMod?.module ?? null)
    if (binaries.length === 0 && program.length === 0) return [] // no sign of a Go binary in this image
    // Every run-time need met or named, or no finding: a minimal base that breaks the app is no advice.
    const choice = chooseRuntimeBase(ctx)
    if (choice.blocker || choice.base === base) return []
    const runLines = new Set(chain.flatMap((s) => s.runs.map((r) => r.line)))
    const removable = measured ? measured.layers.filter((l) => l.fromBaseImage || (l.dockerfileLine !== null && runLines.has(l.dockerfileLine))) : []
    const newBase = choice.base === 'scratch' ? 0 : (measured?.baseSizes?.[choice.base] ?? 0)
    const binaryBytes = program.reduce((sum, b) => sum + b.bytes, 0)
    const removed = measured ? (measured.layers.length > 0 ? removable.reduce((sum, l) => sum + l.uncompressed, 0) : measured.size - binaryBytes) : 0
    const savings = measured ? Math.max(0, removed - newBase) : null
    const linking = choice.linking.linking === 'dynamic' ? 'dynamically linked (cgo)' : 'static'
    const on = info.kind === 'distroless' ? `distroless with libc (\`${base}\`)` : `${info.flavour ?? base} (\`${base}\`)`
    const worth =
      measured && savings !== null ? ` ${formatSize(removed)} of ${formatSize(measured.size)} is the base and what the final stage adds to it; the binary is ${formatSize(binaryBytes)}.` : ''
    const fromProgram = choice.programNeeds.caCertificates || choice.programNeeds.timeZones || choice.needs.length === 0 ? ` (read from ${choice.programNeeds.source})` : ''
    const needs = choice.needs.length > 0 ? ` It needs ${choice.needs.join(', ')}${fromProgram}: \`${choice.base}\` has them.` : ` It needs nothing from the base${fromProgram}.`
    const replaced = choice.facts.runs.length > 0 ? ` The final stage's RUN steps are replaced: ${[...new Set(choice.facts.runs.map((r) => r.replacement))].join('; ')}.` : ''
    const sized = measured?.baseSizes?.[choice.base] !== undefined ? ` (${formatSize(measured.baseSizes[choice.base])})` : ''
    const fix = `FROM ${choice.base}${choice.linking.linking === 'dynamic' && !choice.keepCgo ? '\n# and CGO_ENABLED=0 in the build stage: the binary is then static' : ''}`
    return [
      finding(ctx, 'minimal-base', 'warning', model.final.line, `The final stage runs a ${linking} Go binary on ${on}.${worth} \`${choice.base}\`${sized} is enough.${needs}${replaced}`, fix, savings)
    ]
  }
}
