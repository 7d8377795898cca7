// The verdict (pure): measured size against `budget` and `warn-at`, growth
// against `max-increase`, and `fail-on` deciding which exceeded limit fails
// the job and which only warns. The reason is one line naming the limit and
// the measured size: "image is 816 MB, over the 20 MB budget (uncompressed)".
import { compareSizes, diffLayers } from './compare.js'
import { diffBinaries, moduleIncreaseCheck } from './modules.js'
import { UsageError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import type { Baseline, BinaryDiff, Budget, BudgetCheck, BudgetStatus, Delta, FailOn, GoBinary, Layer, LayerDiff, Metric, Sizes, Status } from '../report/types.js'
import { formatDelta, formatPercent, formatSize, type SizeOrPercent } from '../units.js'

export interface BudgetSettings {
  metric: Metric
  budget: number | null
  warnAt: SizeOrPercent | null
  maxIncrease: SizeOrPercent | null
  minDelta: SizeOrPercent | null
  failOn: FailOn
  /** Largest growth of one module of a Go binary (a new module's whole size); absent or null: not checked. */
  maxModuleIncrease?: SizeOrPercent | null
}

export function budgetSettings(inputs: Pick<Inputs, 'budgetMetric' | 'budget' | 'warnAt' | 'maxIncrease' | 'minDelta' | 'failOn'> & Partial<Pick<Inputs, 'maxModuleIncrease'>>): BudgetSettings {
  const settings = {
    metric: inputs.budgetMetric,
    budget: inputs.budget,
    warnAt: inputs.warnAt,
    maxIncrease: inputs.maxIncrease,
    maxModuleIncrease: inputs.maxModuleIncrease ?? null,
    minDelta: inputs.minDelta,
    failOn: inputs.failOn
  }
  validateBudgetSettings(settings)
  return settings
}

/** Combinations that cannot mean anything are usage errors, found before any build. */
export function validateBudgetSettings(s: BudgetSettings): void {
  if (s.warnAt && 'percent' in s.warnAt) {
    if (s.budget === null) throw new UsageError(`warn-at: '${s.warnAt.percent}%' is a percentage of the budget, but no budget is set; set budget or give warn-at as a size (e.g. 18MB)`)
    if (s.warnAt.percent > 100) throw new UsageError(`warn-at: ${s.warnAt.percent}% is above the budget; use a percentage up to 100 (e.g. 90%)`)
  }
  if (s.warnAt && 'bytes' in s.warnAt && s.budget !== null && s.warnAt.bytes > s.budget) {
    throw new UsageError(`warn-at: ${formatSize(s.warnAt.bytes)} is above the ${formatSize(s.budget)} budget; set it below the budget (e.g. 90%)`)
  }
}

export interface MeasuredAgainstBase {
  size: Sizes
  /** Against the baseline; null without one. */
  delta: Delta | null
  /** The baseline's size in `delta.metric`, for percentage limits. */
  baseSize: number | null
  /** How the baseline is named in the reason: "main", "abc1234". */
  baseName: string | null
}

const resolve = (limit: SizeOrPercent, of: number): number => ('bytes' in limit ? limit.bytes : Math.round((of * limit.percent) / 100))

/** "over the 2 MB max-increase" / "over the 10% max-increase (1.2 MB)". */
const describeLimit = (limit: SizeOrPercent, bytes: number): string => ('bytes' in limit ? formatSize(bytes) : `${limit.percent}% (${formatSize(bytes)})`)

/** Sizes that print alike get their difference spelled out: "20 MB, over the 20 MB budget by 1 B". */
const overBy = (actual: number, limit: number): string => (formatSize(actual) === formatSize(limit) ? ` by ${formatSize(actual - limit)}` : '')

export function evaluateBudget(s: BudgetSettings, m: MeasuredAgainstBase): Budget {
  const failsOnBudget = s.failOn === 'any' || s.failOn === 'budget'
  const failsOnIncrease = s.failOn === 'any' || s.failOn === 'increase'
  const size = m.size[s.metric]
  const warnAtBytes = s.warnAt && (s.budget !== null || 'bytes' in s.warnAt) ? resolve(s.warnAt, s.budget ?? 0) : null
  const checks: BudgetCheck[] = []
  const reasons: { status: Status; text: string }[] = []

  if (size === null && (s.budget !== null || warnAtBytes !== null)) {
    reasons.push({ status: 'warn', text: `the ${s.metric} size was not measured, so the ${formatSize(s.budget ?? warnAtBytes ?? 0)} ${s.budget !== null ? 'budget' : 'warn-at'} was not checked` })
  }
  if (size !== null && s.budget !== null) {
    const exceeded = size > s.budget
    checks.push({ check: 'budget', limit: s.budget, actual: size, metric: s.metric, exceeded, effect: failsOnBudget ? 'fail' : 'warn' })
    reasons.push(
      exceeded
        ? { status: failsOnBudget ? 'fail' : 'warn', text: `image is ${formatSize(size)}, over the ${formatSize(s.budget)} budget${overBy(size, s.budget)} (${s.metric})` }
        : { status: 'pass', text: `image is ${formatSize(size)}, within the ${formatSize(s.budget)} budget (${s.metric})` }
    )
  }
  if (size !== null && warnAtBytes !== null && !(s.budget !== null && size > s.budget)) {
    const exceeded = size >= warnAtBytes
    checks.push({ check: 'warn-at', limit: warnAtBytes, actual: size, metric: s.metric, exceeded, effect: 'warn' })
    if (exceeded) {
      const of = s.budget !== null ? ` of the ${formatSize(s.budget)} budget` : ''
      reasons.push({ status: 'warn', text: `image is ${formatSize(size)}, past the ${describeLimit(s.warnAt as SizeOrPercent, warnAtBytes)} warn-at${of} (${s.metric})` })
    }
  }
  let maxIncreaseBytes: number | null = null
  if (s.maxIncrease && m.delta && m.delta.metric && m.baseSize !== null) {
    const metric = m.delta.metric
    const growth = m.delta[metric] as number
    maxIncreaseBytes = resolve(s.maxIncrease, m.baseSize)
    // Below the noise floor a change is "unchanged" and cannot exceed anything.
    const exceeded = !m.delta.unchanged && growth > maxIncreaseBytes
    checks.push({ check: 'max-increase', limit: maxIncreaseBytes, actual: growth, metric, exceeded, effect: failsOnIncrease ? 'fail' : 'warn' })
    const against = m.baseName ? ` against ${m.baseName}` : ''
    const floor = m.delta.unchanged && growth !== 0 && s.minDelta ? `, below the ${describeLimit(s.minDelta, resolve(s.minDelta, m.baseSize))} min-delta` : ''
    const change = `${formatDelta(growth)} (${formatPercent(m.delta.percent)}${floor})`
    reasons.push(
      exceeded
        ? { status: failsOnIncrease ? 'fail' : 'warn', text: `image grew by ${change}${against}, over the ${describeLimit(s.maxIncrease, maxIncreaseBytes)} max-increase (${metric})` }
        : { status: 'pass', text: `image changed by ${change}${against}, within the ${describeLimit(s.maxIncrease, maxIncreaseBytes)} max-increase (${metric})` }
    )
  }

  const ran = reasons.length > 0
  const status: BudgetStatus = !ran ? 'none' : worstStatus(reasons.map((r) => r.status))
  // The reason names what decided the status; a pass names every limit it met.
  const deciding = status === 'pass' ? reasons : reasons.filter((r) => r.status === status)
  return {
    metric: s.metric,
    limit: s.budget,
    warnAt: warnAtBytes,
    maxIncrease: maxIncreaseBytes,
    status,
    reason: ran ? deciding.map((r) => r.text).join('; ') : null,
    failOn: s.failOn,
    minDelta: s.minDelta && 'bytes' in s.minDelta ? s.minDelta.bytes : m.baseSize !== null && s.minDelta ? resolve(s.minDelta, m.baseSize) : null,
    checks
  }
}

const RANK: Record<Status, number> = { pass: 0, warn: 1, fail: 2 }

export function worstStatus(statuses: Status[]): Status {
  return statuses.reduce<Status>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'pass')
}

/** The report's status: a budget that checked nothing passes. */
export const reportStatus = (budgets: Pick<Budget, 'status'>[]): Status => worstStatus(budgets.map((b) => (b.status === 'none' ? 'pass' : b.status)))

export interface Assessment {
  delta: Delta | null
  layerDiff: LayerDiff | null
  /** Per Go binary, per module, against the baseline's binaries; null when the baseline has none. */
  binaryDiff: BinaryDiff[] | null
  budget: Budget
}

/** How the reason names the baseline: the branch, else a short commit, else the image or file. */
export function baselineName(baseline: Baseline): string | null {
  if (baseline.source === 'none' || baseline.error) return null
  if (baseline.source === 'image') return baseline.ref
  return baseline.ref && baseline.source === 'build' ? baseline.ref : baseline.commit ? baseline.commit.slice(0, 7) : baseline.ref
}

/** Deltas, layer diff, module diff and verdict of one measured image against its baseline; `goMod` says how the build context's go.mod lists modules. */
export function assess(s: BudgetSettings, head: { size: Sizes; layers: Layer[]; goBinaries?: GoBinary[] }, baseline: Baseline, goMod: Map<string, 'direct' | 'indirect'> = new Map()): Assessment {
  const delta = baseline.size && !baseline.error ? compareSizes(head.size, baseline.size, s.metric, s.minDelta) : null
  const baseSize = delta?.metric && baseline.size ? baseline.size[delta.metric] : null
  const layerFloor = s.minDelta && 'bytes' in s.minDelta ? s.minDelta.bytes : 0
  const layerDiff = delta && baseline.layers.length > 0 && head.layers.length > 0 ? diffLayers(head.layers, baseline.layers, s.metric, layerFloor) : null
  const binaryDiff = !baseline.error && baseline.goBinaries && baseline.goBinaries.length > 0 ? diffBinaries(head.goBinaries ?? [], baseline.goBinaries, s.minDelta) : null
  const budget = evaluateBudget(s, { size: head.size, delta, baseSize, baseName: baselineName(baseline) })
  return { delta, layerDiff, binaryDiff, budget: withModuleCheck(s, budget, binaryDiff, goMod) }
}

/** Adds the max-module-increase check to a verdict: under `fail-on` as max-increase is. */
function withModuleCheck(s: BudgetSettings, budget: Budget, diffs: BinaryDiff[] | null, goMod: Map<string, 'direct' | 'indirect'>): Budget {
  if (!s.maxModuleIncrease || !diffs) return budget
  const effect = s.failOn === 'any' || s.failOn === 'increase' ? 'fail' : 'warn'
  const result = moduleIncreaseCheck(diffs, s.maxModuleIncrease, goMod, effect)
  if (!result) return budget
  const status: Status = result.check.exceeded ? effect : 'pass'
  const before = budget.status === 'none' ? 'pass' : budget.status
  const worst = worstStatus([before, status])
  // The reason keeps naming what decided the status.
  const reason = worst === status && status !== 'pass' && before !== status ? result.text : [budget.reason, worst === before || status === worst ? result.text : null].filter(Boolean).join('; ')
  return { ...budget, status: worst, reason: reason || null, checks: [...(budget.checks ?? []), result.check] }
}
