// minimal-base: a Go binary on a full distribution (or a static one on
// distroless with libc) where a smaller base meets every run-time need: the
// packages the final stage installs, a shell its command needs, libc for a
// binary that stays dynamic, CA roots, zone data, a user. Savings: the base's
// layers and the final stage's RUN layers, less the new base, measured. The
// fix is the final stage on the new base (and cgo off in the build when the
// binary is dynamic only by Go's default): the suggestion's, without shaving.
import { formatSize } from '../../units.js'
import { finalBinaries } from '../binaries.js'
import { renderEdits } from '../edits.js'
import { classifyBase } from '../images.js'
import { rootImage, stageChain } from '../model.js'
import { readFrom } from '../needs.js'
import { finding, programBinaries, type Rule } from '../rule.js'
import { chooseRuntimeBase, runReplacement } from '../runtime-base.js'
import { suggestDockerfile } from '../suggest.js'

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
    if (choice.blocker || choice.keepsBase) return []
    const { linking } = choice
    // A dynamic binary that stays dynamic needs libc; one that is dynamic only by default goes static with cgo off. Unknown is no base for a static image.
    if (linking.linking === 'unknown' && ['scratch', 'distroless-static'].includes(classifyBase(choice.base).kind)) return []
    const runLines = new Set(chain.flatMap((s) => s.runs.map((r) => r.line)))
    const removable = measured ? measured.layers.filter((l) => l.fromBaseImage || (l.dockerfileLine !== null && runLines.has(l.dockerfileLine))) : []
    const newBase = choice.base === 'scratch' ? 0 : (measured?.baseSizes?.[choice.base] ?? 0)
    const binaryBytes = program.reduce((sum, b) => sum + b.bytes, 0)
    const removed = measured ? (measured.layers.length > 0 ? removable.reduce((sum, l) => sum + l.uncompressed, 0) : measured.size - binaryBytes) : 0
    const savings = measured ? Math.max(0, removed - newBase) : null
    const on = info.kind === 'distroless' ? `distroless with libc, \`${base}\`` : `${info.flavour ?? 'a distribution'}, \`${base}\``
    const what =
      linking.linking === 'dynamic' && !choice.keepCgo
        ? `a Go binary on ${on}, dynamically linked only because cgo is on: ${linking.reason}. Built with CGO_ENABLED=0 it is static, and`
        : linking.linking === 'dynamic'
          ? `a Go binary on ${on}, linked against ${linking.libc ?? 'libc'} for its C code.`
          : `a static Go binary on ${on}.`
    const worth =
      measured && savings !== null ? ` ${formatSize(removed)} of ${formatSize(measured.size)} is the base and what the final stage adds to it; the binary is ${formatSize(binaryBytes)}.` : ''
    const sized = measured?.baseSizes?.[choice.base] !== undefined ? `, ${formatSize(measured.baseSizes[choice.base])},` : ''
    const where = choice.programNeeds.caCertificates || choice.programNeeds.timeZones || choice.needs.length === 0 ? `, ${readFrom(choice.programNeeds)}` : ''
    const needs =
      choice.needs.length > 0 ? ` It needs ${choice.needs.join(', ')}${where}: \`${choice.base}\` has ${choice.needs.length === 1 ? 'it' : 'them'}.` : ` It needs nothing from the base${where}.`
    const replacements = [...new Set(choice.facts.runs.map((r) => runReplacement(r, choice.base, choice.programNeeds)))]
    const replaced = replacements.length > 0 ? ` The final stage's RUN steps are replaced: ${replacements.join('; ')}.` : ''
    const fixed = suggestDockerfile(ctx, { shave: false })
    const edits = fixed?.edits ?? []
    const f = finding(
      ctx,
      'minimal-base',
      'warning',
      model.final.line,
      `The final stage runs ${what}${worth} \`${choice.base}\`${sized} is enough.${needs}${replaced}`,
      edits.length > 0 ? renderEdits(edits) : `FROM ${choice.base}`,
      savings
    )
    return [edits.length > 0 ? { ...f, edits } : f]
  }
}
