// The RUN a shaving rule's fix rewrites: the one whose `go build` made the binary.
import type { RuleContext, ShavingTarget } from '../rule.js'

export function buildRunText(ctx: RuleContext, target: ShavingTarget): string | null {
  const from = target.from
  if (!from) return null
  const ins = from.stage.instructions.find((i) => i.line === from.build.line)
  return ins
    ? ctx.model.text
        .split(/\r?\n/)
        .slice(ins.line - 1, ins.endLine)
        .join('\n')
    : null
}
