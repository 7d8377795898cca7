// cgo-disabled: a scratch or distroless-static final stage whose binary is
// (or, from the Dockerfile, will be) dynamically linked: it cannot start
// ("no such file or directory" for the missing loader). With a binary the ELF
// decides; without one, a C compiler in the build stage with CGO_ENABLED not
// 0, or Go before 1.20 on alpine, turns cgo on for net and os/user.
import { finalBinaries } from '../binaries.js'
import { classifyBase, isMinimalStatic } from '../images.js'
import { rootImage } from '../model.js'
import { programLinking } from '../needs.js'
import { finding, type Rule } from '../rule.js'
import { DISTROLESS_BASE } from '../runtime-base.js'

export const cgoDisabled: Rule = {
  id: 'cgo-disabled',
  needsMeasurement: false,
  check(ctx) {
    const { model, files } = ctx
    const base = rootImage(model, model.final)
    if (!isMinimalStatic(classifyBase(base).kind)) return []
    const binaries = finalBinaries(model, files?.goMod?.module ?? null)
    const line = binaries[0]?.build.line ?? model.final.line
    const linking = programLinking(ctx)
    if (linking.linking === 'static') return []
    // C code of its own cannot be built with cgo off: it needs a base with libc instead.
    const fix = linking.needsC ? `FROM ${DISTROLESS_BASE}   # glibc and its loader, for a binary with C code` : 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .'
    const remedy = linking.needsC ? `The program has C code: use a base with libc (${DISTROLESS_BASE}).` : 'Build with CGO_ENABLED=0.'
    if (linking.linking === 'dynamic') {
      const certain = ctx.measured !== null && linking.reason.includes('ELF interpreter')
      return [
        finding(
          ctx,
          'cgo-disabled',
          certain || binaries.some((b) => b.build.cgoEnabled === '1') ? 'error' : 'warning',
          line,
          `The binary ${certain ? 'is' : 'will be'} dynamically linked (${linking.reason}) but \`${base}\` has no C library: it cannot start. ${remedy}`,
          fix
        )
      ]
    }
    // Unknown: cgo is on and the module has dependencies we cannot see.
    if (!(files?.goMod && files.goMod.requires > 0)) return []
    return [
      finding(
        ctx,
        'cgo-disabled',
        'warning',
        line,
        `The binary may be dynamically linked (${linking.reason}) but the final stage is \`${base}\`, which has no C library: it would not start. ${remedy}`,
        fix
      )
    ]
  }
}
