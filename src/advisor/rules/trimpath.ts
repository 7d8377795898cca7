// trimpath: the binary records the build's file system paths, so the same
// sources built in another directory give another binary (and another layer).
// Go 1.13 brought -trimpath; older toolchains are not told to use it.
import { goAtLeast } from '../images.js'
import { finding, shavingSeverity, shavingTargets, type Rule } from '../rule.js'
import { shavingFix } from './shaving.js'

export const trimpath: Rule = {
  id: 'trimpath',
  needsMeasurement: false,
  check(ctx) {
    return shavingTargets(ctx)
      .filter((t) => !t.trimpath && goAtLeast(t.goVersion, '1.13'))
      .map((t) => {
        const { fix, edits } = shavingFix(ctx, t, { strip: false })
        const f = finding(
          ctx,
          'trimpath',
          shavingSeverity(ctx),
          t.line,
          `${t.path} ${t.path.includes(', ') ? 'embed' : 'embeds'} the build's directory paths: builds in another directory differ byte for byte, and the paths leak into stack traces. Add \`-trimpath\`.`,
          fix,
          null
        )
        return edits ? { ...f, edits } : f
      })
  }
}
