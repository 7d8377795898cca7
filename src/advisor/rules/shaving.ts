// The fix a shaving rule (strip-symbols, trimpath) offers: the RUN whose
// `go build` made the binary, with the one flag added, as an edit of that
// RUN; for a build behind make, the Makefile's recipe line (the Dockerfile
// cannot carry it, so it is no edit).
import type { FixEdit } from '../../report/types.js'
import type { RuleContext, ShavingTarget } from '../rule.js'
import { rewriteGoBuild, type RewriteOptions } from '../suggest.js'

export function shavingFix(ctx: RuleContext, target: ShavingTarget, flag: RewriteOptions): { fix: string; edits?: FixEdit[] } {
  const from = target.from
  const options = { keepCgo: true, ...flag }
  if (from?.build.via) {
    const { target: name, recipe, makefileLine } = from.build.via
    return { fix: `# Makefile, target ${name}, line ${makefileLine}:\n${rewriteGoBuild(recipe.replace(/^\t/, ''), options)}` }
  }
  const ins = from?.stage.instructions.find((i) => i.line === from.build.line)
  if (!ins) return { fix: flag.strip === false ? 'go build -trimpath …' : 'go build -ldflags="-s -w" …' }
  const run = ctx.model.text
    .split(/\r?\n/)
    .slice(ins.line - 1, ins.endLine)
    .join('\n')
  const text = rewriteGoBuild(run, options)
  return { fix: text, edits: [{ line: ins.line, endLine: ins.endLine, text }] }
}
