// trimpath: the binary records the build's file system paths, so the same
// sources built in another directory give another binary (and another layer).
// A shaving rule like strip-symbols: it speaks when that one does or the budget is tight.
import { finding, SHAVED_BUILD, shavingCandidates, type Rule } from '../rule.js'

export const trimpath: Rule = {
  id: 'trimpath',
  needsMeasurement: true,
  check(ctx) {
    return shavingCandidates(ctx)
      .filter(({ binary, from }) => !(binary.trimpath ?? from?.build.trimpath ?? false))
      .map(({ binary, line }) =>
        finding(ctx, 'trimpath', 'info', line,
          `${binary.path} embeds the build's directory paths: builds in another directory differ byte for byte, and the paths leak into stack traces. Add \`-trimpath\`.`,
          SHAVED_BUILD, null)
      )
  }
}
