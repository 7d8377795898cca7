// cgo-disabled: a scratch or distroless-static final stage whose binary is
// (or may be) dynamically linked: it would fail to start ("no such file or
// directory" for the missing loader).
import { finalBinaries } from '../binaries.js'
import { classifyBase, isMinimalStatic } from '../images.js'
import { rootImage } from '../model.js'
import { finding, programBinaries, type Rule } from '../rule.js'

// Standard packages that link libc through cgo when cgo is on.
const CGO_PACKAGES = ['C', 'net', 'net/http', 'os/user', 'plugin', 'runtime/cgo']

export const cgoDisabled: Rule = {
  id: 'cgo-disabled',
  needsMeasurement: false,
  check(ctx) {
    const { model, measured, files } = ctx
    const base = rootImage(model, model.final)
    if (!isMinimalStatic(classifyBase(base).kind)) return []
    const binaries = finalBinaries(model, files?.goMod?.module ?? null)
    const line = binaries[0]?.build.line ?? model.final.line
    const fix = 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .'
    const measuredBinaries = programBinaries(ctx)
    if (measured && measuredBinaries.length > 0) {
      // Linking decides, not the CGO_ENABLED setting: a cgo-enabled build that links no C is still static.
      const dynamic = measuredBinaries.filter((b) => !b.static)
      if (dynamic.length === 0) return []
      return [finding(ctx, 'cgo-disabled', 'error', line,
        `${dynamic.map((b) => b.path).join(', ')} is dynamically linked (cgo) but \`${base}\` has no C library: it cannot start. Build with CGO_ENABLED=0, or use a base with libc (gcr.io/distroless/base-debian12).`, fix)]
    }
    // From the Dockerfile alone: a build that does not turn cgo off, in sources that reach for cgo.
    const cgoOn = binaries.filter((b) => b.build.cgoEnabled !== '0')
    if (cgoOn.length === 0) return []
    const reasons = (files?.imports ?? []).filter((p) => CGO_PACKAGES.includes(p))
    const explicit = cgoOn.some((b) => b.build.cgoEnabled === '1')
    if (!explicit && reasons.length === 0 && !(files?.goMod && files.goMod.requires > 0)) return []
    const why = explicit ? 'CGO_ENABLED=1' : reasons.length > 0 ? `it imports ${reasons.join(', ')} with cgo left on` : 'its dependencies may use cgo (CGO_ENABLED is not 0)'
    return [finding(ctx, 'cgo-disabled', explicit ? 'error' : 'warning', line,
      `The binary may be dynamically linked (${why}) but the final stage is \`${base}\`, which has no C library: it would not start. Set CGO_ENABLED=0 for the build.`, fix)]
  }
}
