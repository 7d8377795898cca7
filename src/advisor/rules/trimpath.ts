// trimpath: the binary records the build's file system paths, so the same
// sources built in another directory give another binary (and another layer).
// A shaving rule like strip-symbols: it speaks when that one does or the budget is tight.
import { finalBinaries } from '../binaries.js'
import { finding, programBinaries, shavingDue, type Rule } from '../rule.js'

export const trimpath: Rule = {
  id: 'trimpath',
  needsMeasurement: true,
  check(ctx) {
    const { measured } = ctx
    if (!measured) return []
    const built = finalBinaries(ctx.model, ctx.files?.goMod?.module ?? null)
    return programBinaries(ctx)
      .filter((b) => {
        const from = built.find((x) => x.finalPath === b.path) ?? built[0]
        const trimmed = b.trimpath ?? from?.build.trimpath ?? false
        return !trimmed && shavingDue(b, measured)
      })
      .map((b) => {
        const from = built.find((x) => x.finalPath === b.path) ?? built[0]
        return finding(ctx, 'trimpath', 'info', from?.build.line ?? ctx.model.final.line,
          `${b.path} embeds the build's directory paths: builds in another directory differ byte for byte, and the paths leak into stack traces. Add \`-trimpath\`.`,
          'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .', null)
      })
  }
}
