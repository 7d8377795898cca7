// The advise stage's pure core: run every rule (or, without a measurement,
// those that need none) and order the findings by severity, then line.
import type { Finding, SkippedRule } from '../report/types.js'
import { checkFix } from './fix-check.js'
import type { RuleContext } from './rule.js'
import { RULES } from './rules/index.js'

const RANK = { error: 0, warning: 1, info: 2 } as const

export interface Advice {
  findings: Finding[]
  skipped: SkippedRule[]
}

export function advise(ctx: RuleContext, rules = RULES): Advice {
  const findings: Finding[] = []
  const skipped: SkippedRule[] = []
  for (const rule of rules) {
    if (rule.needsMeasurement && !ctx.measured) {
      skipped.push({ rule: rule.id, reason: 'needs a built image (dockerfile-only mode)' })
      continue
    }
    // Without a build to prove them, fixes are checked on the Dockerfile they make; one that does not hold is not offered.
    for (const f of rule.check(ctx)) {
      const wrong = ctx.measured ? null : checkFix(ctx.model, f, ctx.files?.makefile ?? null)
      findings.push(wrong ? { ...f, fix: '', edits: undefined, message: `${f.message} No fix is offered: ${wrong}.` } : f)
    }
  }
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity] || (a.line ?? 0) - (b.line ?? 0))
  return { findings, skipped }
}

/** Rules whose findings are about size: one of them is what makes a suggestion worth building. */
export const SIZE_RULES = new Set(['multi-stage', 'minimal-base', 'strip-symbols', 'trimpath', 'wasted-layers'])
