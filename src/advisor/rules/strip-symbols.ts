// strip-symbols: the binary keeps its symbol table and DWARF (-s -w drop
// them). Savings: the measured strippable sections; from the Dockerfile
// alone (the `go build` line shows the flags), unknown. Always said (info);
// a tight budget makes it a warning.
import { formatSize } from '../../units.js'
import { finding, shavingSeverity, shavingTargets, type Rule } from '../rule.js'
import { shavingFix } from './shaving.js'

export const stripSymbols: Rule = {
  id: 'strip-symbols',
  needsMeasurement: false,
  check(ctx) {
    return shavingTargets(ctx)
      .filter((t) => !t.stripped)
      .map((t) => {
        const savings = t.symbolBytes
        const many = t.path.includes(', ')
        const amount = savings !== null ? `${formatSize(savings)} of its ${formatSize(t.bytes ?? 0)}` : many ? 'their symbol tables and debug information' : 'its symbol table and debug information'
        const { fix, edits } = shavingFix(ctx, t, { trimpath: false })
        const f = finding(
          ctx,
          'strip-symbols',
          shavingSeverity(ctx),
          t.line,
          `${t.path} ${many ? 'keep' : 'keeps'} ${amount} in symbols and DWARF; \`-ldflags="-s -w"\` drops them, and stack traces keep their function names.`,
          fix,
          savings
        )
        return edits ? { ...f, edits } : f
      })
  }
}
