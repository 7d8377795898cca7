// strip-symbols: the binary keeps its symbol table and DWARF (-s -w drop
// them). Savings: the measured strippable sections; from the Dockerfile
// alone (the `go build` line shows the flags), unknown. Always said (info);
// a tight budget makes it a warning.
import { formatSize } from '../../units.js'
import { finding, SHAVED_BUILD, shavingSeverity, shavingTargets, type Rule } from '../rule.js'
import { rewriteGoBuild } from '../suggest.js'
import { buildRunText } from './shaving.js'

export const stripSymbols: Rule = {
  id: 'strip-symbols',
  needsMeasurement: false,
  check(ctx) {
    return shavingTargets(ctx)
      .filter((t) => !t.stripped)
      .map((t) => {
        const savings = t.symbolBytes
        const amount = savings !== null ? `${formatSize(savings)} of its ${formatSize(t.bytes ?? 0)}` : 'its symbol table and debug information'
        const run = buildRunText(ctx, t)
        return finding(
          ctx,
          'strip-symbols',
          shavingSeverity(ctx),
          t.line,
          `${t.path} keeps ${amount} in symbols and DWARF; \`-ldflags="-s -w"\` drops them (stack traces keep their function names).`,
          run ? rewriteGoBuild(run, { trimpath: false, keepCgo: true }) : SHAVED_BUILD,
          savings
        )
      })
  }
}
