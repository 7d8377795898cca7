// strip-symbols: the binary keeps its symbol table and DWARF (-s -w drop
// them). Savings: the measured strippable sections. A shaving rule: it only
// speaks when the savings pass a floor or the budget is already tight.
import { formatSize } from '../../size.js'
import { finding, SHAVED_BUILD, shavingCandidates, type Rule } from '../rule.js'

export const stripSymbols: Rule = {
  id: 'strip-symbols',
  needsMeasurement: true,
  check(ctx) {
    return shavingCandidates(ctx)
      .filter(({ binary }) => !binary.stripped)
      .map(({ binary: b, line }) => {
        const savings = b.symbolBytes ?? null
        const amount = savings !== null ? `${formatSize(savings)} of its ${formatSize(b.bytes)}` : 'its symbol table and debug information'
        return finding(ctx, 'strip-symbols', 'info', line,
          `${b.path} keeps ${amount} in symbols and DWARF; \`-ldflags="-s -w"\` drops them (stack traces keep their function names).`,
          SHAVED_BUILD, savings)
      })
  }
}
