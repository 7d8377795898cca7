// cgo-disabled: a scratch or distroless-static final stage whose binary is
// (or, from the Dockerfile, will be) dynamically linked: it cannot start
// ("no such file or directory" for the missing loader). The measured ELF is
// an error; CGO_ENABLED=1 written, too; cgo on by Go's default (a C compiler
// in the builder, Go before 1.20 on alpine) a warning. What is not shown (a
// prebuilt binary, a script, a make target not read, a cross-compile) is
// info that says what to check. A program that keeps cgo (C code, a cgo-only
// module) is sent to a base with libc, never told CGO_ENABLED=0.
import { finalBinaries } from '../binaries.js'
import { renderEdits } from '../edits.js'
import { classifyBase, isMinimalStatic } from '../images.js'
import { buildStagesOf, rootImage, stageChain, type ModelInstruction } from '../model.js'
import { programLinking } from '../needs.js'
import { finding, type Rule, type RuleContext } from '../rule.js'
import { DISTROLESS_BASE, DISTROLESS_BASE_NONROOT } from '../runtime-base.js'
import { rewriteGoBuild } from '../suggest.js'
import type { FixEdit } from '../../report/types.js'

const textOf = (ctx: RuleContext, ins: Pick<ModelInstruction, 'line' | 'endLine'>) =>
  ctx.model.text
    .split(/\r?\n/)
    .slice(ins.line - 1, ins.endLine)
    .join('\n')

/** CGO_ENABLED=0 on each go build the Dockerfile writes (a make recipe is the Makefile's: none then). */
function cgoOffEdits(ctx: RuleContext): FixEdit[] {
  const stages = [...stageChain(ctx.model, ctx.model.final), ...buildStagesOf(ctx.model, ctx.model.final)]
  const builds = stages.flatMap((s) => s.goBuilds.filter((b) => b.via === undefined && b.cgoEnabled !== '0').map((b) => s.instructions.find((i) => i.line === b.line)!))
  if (builds.length === 0 || stages.some((s) => s.goBuilds.some((b) => b.via !== undefined))) return []
  return [...new Set(builds)].map((ins) => ({ line: ins.line, endLine: ins.endLine, text: rewriteGoBuild(textOf(ctx, ins), { keepCgo: false, trimpath: false, strip: false }) }))
}

export const cgoDisabled: Rule = {
  id: 'cgo-disabled',
  needsMeasurement: false,
  check(ctx) {
    const { model, files } = ctx
    const base = rootImage(model, model.final)
    const info = classifyBase(base)
    if (!isMinimalStatic(info.kind)) return []
    const linking = programLinking(ctx)
    if (linking.linking === 'static') return []
    const binaries = finalBinaries(model, files?.goMod?.module ?? null)
    const stages = [...stageChain(model, model.final), ...buildStagesOf(model, model.final)]
    const prebuilt = model.final.copies.find((c) => c.from === null)
    const line = binaries[0]?.build.line ?? stages.flatMap((s) => s.indirectBuilds ?? [])[0]?.line ?? (stages.every((s) => s.goBuilds.length === 0) ? prebuilt?.line : null) ?? model.final.line
    if (linking.linking === 'dynamic') {
      const certain = linking.basis === 'measured'
      if (linking.needsC) {
        // C code cannot be built with cgo off: a base with glibc and its loader instead.
        // musl (alpine's C library) is in no distroless base: alpine then, named but not offered as an edit (its other libraries are not known).
        const libcBase = linking.libc === 'musl' ? 'alpine' : info.nonRoot || /nonroot/.test(model.final.user?.value ?? '') ? DISTROLESS_BASE_NONROOT : DISTROLESS_BASE
        const edit = { line: model.final.line, endLine: model.final.line, text: `FROM ${model.final.platform ? `--platform=${model.final.platform} ` : ''}${libcBase}` }
        const f = finding(
          ctx,
          'cgo-disabled',
          certain || linking.basis === 'written' ? 'error' : 'warning',
          line,
          `The binary ${certain ? 'is' : 'will be'} dynamically linked: ${linking.reason}. \`${base}\` has no C library, so it cannot start. The program keeps cgo: put it on a base with ${linking.libc ?? 'its C library'}, \`${libcBase}\`.`,
          edit.text
        )
        return [linking.libc === 'musl' ? f : { ...f, edits: [edit] }]
      }
      const edits = cgoOffEdits(ctx)
      const f = finding(
        ctx,
        'cgo-disabled',
        certain ? 'error' : 'warning',
        line,
        `The binary ${certain ? 'is' : 'will be'} dynamically linked: ${linking.reason}. \`${base}\` has no C library, so it cannot start. Build it with CGO_ENABLED=0: no C code of its own needs cgo.`,
        edits.length > 0 ? renderEdits(edits) : ''
      )
      return [edits.length > 0 ? { ...f, edits } : f]
    }
    // Not known from these files: say what to check, at info level; a fix only where it is known to hold.
    const edits = linking.needsC ? [] : cgoOffEdits(ctx)
    const f = finding(
      ctx,
      'cgo-disabled',
      'info',
      line,
      `Whether the binary is static is not known: ${linking.reason}. \`${base}\` has no C library, so check that it is: \`file\` on it says "statically linked"${edits.length > 0 ? ', or set CGO_ENABLED=0 in the build' : ''}.`,
      edits.length > 0 ? renderEdits(edits) : ''
    )
    return [edits.length > 0 ? { ...f, edits } : f]
  }
}
