// strip-symbols: the binary keeps its symbol table and DWARF (-s -w drop
// them). Savings: the measured strippable sections. A shaving rule: it only
// speaks when the savings pass a floor or the budget is already tight.
import { formatSize } from '../../size.js'
import { finalBinaries } from '../binaries.js'
import { finding, programBinaries, shavingDue, type Rule } from '../rule.js'

export const stripSymbols: Rule = {
  id: 'strip-symbols',
  needsMeasurement: true,
  check(ctx) {
    const { measured } = ctx
    if (!measured) return []
    const built = finalBinaries(ctx.model, ctx.files?.goMod?.module ?? null)
    return programBinaries(ctx)
      .filter((b) => !b.stripped)
      .filter((b) => shavingDue(b, measured))
      .map((b) => {
        const from = built.find((x) => x.finalPath === b.path) ?? built[0]
        const savings = b.symbolBytes ?? null
        const amount = savings !== null ? `${formatSize(savings)} of its ${formatSize(b.bytes)}` : 'its symbol table and debug information'
        return finding(ctx, 'strip-symbols', 'info', from?.build.line ?? ctx.model.final.line,
          `${b.path} keeps ${amount} in symbols and DWARF; \`-ldflags="-s -w"\` drops them (stack traces keep their function names).`,
          'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .', savings)
      })
  }
}
