import { budgetSettings, evaluateBudget, reportStatus, validateBudgetSettings, worstStatus, type BudgetSettings, type MeasuredAgainstBase } from '../../src/compare/budget.js'
import { compareSizes } from '../../src/compare/compare.js'
import type { Sizes } from '../../src/report/types.js'

const MB = 1_000_000
const settings = (s: Partial<BudgetSettings>): BudgetSettings => ({ metric: 'uncompressed', budget: null, warnAt: null, maxIncrease: null, minDelta: null, failOn: 'any', ...s })
const measured = (size: Sizes, base: Sizes | null = null, s: Partial<BudgetSettings> = {}): MeasuredAgainstBase => {
  const delta = base ? compareSizes(size, base, s.metric ?? 'uncompressed', s.minDelta ?? null) : null
  return { size, delta, baseSize: delta?.metric && base ? base[delta.metric] : null, baseName: base ? 'main' : null }
}
const golang = { uncompressed: 816 * MB, compressed: 300 * MB }
const scratch = { uncompressed: 2 * MB, compressed: 1 * MB }

describe('evaluateBudget', () => {
  test.each([
    // settings, head, base, status, reason
    [{ budget: 20 * MB }, golang, null, 'fail', 'image is 816 MB, over the 20 MB budget (uncompressed)'],
    [{ budget: 20 * MB }, scratch, null, 'pass', 'image is 2 MB, within the 20 MB budget (uncompressed)'],
    [{ budget: 20 * MB, metric: 'compressed' }, { uncompressed: 25 * MB, compressed: 9 * MB }, null, 'pass', 'image is 9 MB, within the 20 MB budget (compressed)'],
    [{ budget: 20 * MB, failOn: 'increase' }, golang, null, 'warn', 'image is 816 MB, over the 20 MB budget (uncompressed)'],
    [{ budget: 20 * MB, failOn: 'never' }, golang, null, 'warn', 'image is 816 MB, over the 20 MB budget (uncompressed)'],
    [{ budget: 20 * MB, warnAt: { percent: 90 } }, { uncompressed: 19 * MB, compressed: null }, null, 'warn', 'image is 19 MB, past the 90% (18 MB) warn-at of the 20 MB budget (uncompressed)'],
    [{ budget: 20 * MB, warnAt: { bytes: 18 * MB } }, { uncompressed: 17 * MB, compressed: null }, null, 'pass', 'image is 17 MB, within the 20 MB budget (uncompressed)'],
    [{ warnAt: { bytes: 18 * MB } }, { uncompressed: 18 * MB, compressed: null }, null, 'warn', 'image is 18 MB, past the 18 MB warn-at (uncompressed)'],
    [{ budget: 20 * MB }, { uncompressed: 20 * MB + 1, compressed: null }, null, 'fail', 'image is 20 MB, over the 20 MB budget by 1 B (uncompressed)'],
    [{ budget: 20 * MB }, { uncompressed: 20 * MB, compressed: null }, null, 'pass', 'image is 20 MB, within the 20 MB budget (uncompressed)'],
    // relative limits
    [{ maxIncrease: { bytes: 2 * MB } }, golang, scratch, 'fail', 'image grew by +814 MB (+40700%) against main, over the 2 MB max-increase (uncompressed)'],
    [
      { maxIncrease: { percent: 10 } },
      { uncompressed: 2.1 * MB, compressed: null },
      scratch,
      'pass',
      'image changed by +100 kB (+5.0%) against main, within the 10% (200 kB) max-increase (uncompressed)'
    ],
    [
      { maxIncrease: { percent: 10 }, failOn: 'budget' },
      { uncompressed: 2.5 * MB, compressed: null },
      scratch,
      'warn',
      'image grew by +500 kB (+25%) against main, over the 10% (200 kB) max-increase (uncompressed)'
    ],
    [{ maxIncrease: { bytes: 0 } }, scratch, golang, 'pass', 'image changed by -814 MB (-100%) against main, within the 0 B max-increase (uncompressed)'],
    // the noise floor keeps a tiny growth from exceeding a zero max-increase
    [
      { maxIncrease: { bytes: 0 }, minDelta: { bytes: 1000 } },
      { uncompressed: 2 * MB + 999, compressed: null },
      scratch,
      'pass',
      'image changed by +999 B (+0.0%, below the 1 kB min-delta) against main, within the 0 B max-increase (uncompressed)'
    ],
    [
      { maxIncrease: { bytes: 0 }, minDelta: { bytes: 1000 } },
      { uncompressed: 2 * MB + 1000, compressed: null },
      scratch,
      'fail',
      'image grew by +1 kB (+0.1%) against main, over the 0 B max-increase (uncompressed)'
    ],
    // both limits exceeded: both named
    [
      { budget: 20 * MB, maxIncrease: { bytes: 2 * MB } },
      golang,
      scratch,
      'fail',
      'image is 816 MB, over the 20 MB budget (uncompressed); image grew by +814 MB (+40700%) against main, over the 2 MB max-increase (uncompressed)'
    ],
    // fail-on budget: the budget fails, the increase only warns; the reason names the failure
    [{ budget: 20 * MB, maxIncrease: { bytes: 2 * MB }, failOn: 'budget' }, golang, scratch, 'fail', 'image is 816 MB, over the 20 MB budget (uncompressed)'],
    [
      { budget: 20 * MB, maxIncrease: { bytes: 2 * MB }, failOn: 'increase' },
      { uncompressed: 21 * MB, compressed: null },
      { uncompressed: 20.5 * MB, compressed: null },
      'warn',
      'image is 21 MB, over the 20 MB budget (uncompressed)'
    ],
    // nothing configured
    [{}, golang, scratch, 'none', null],
    // compressed budget without a compressed measurement
    [{ budget: 20 * MB, metric: 'compressed' }, { uncompressed: 5 * MB, compressed: null }, null, 'warn', 'the compressed size was not measured, so the 20 MB budget was not checked']
  ] as const)('%j: %j vs %j → %s', (s, head, base, status, reason) => {
    const budget = evaluateBudget(settings(s), measured(head, base, s))
    expect(budget.status).toBe(status)
    expect(budget.reason ?? null).toBe(reason)
  })

  test('a registry baseline: max-increase is checked on compressed sizes and says so', () => {
    const s = settings({ maxIncrease: { percent: 10 } })
    const delta = compareSizes({ uncompressed: 5 * MB, compressed: 2 * MB }, { uncompressed: null, compressed: 1 * MB }, 'uncompressed')
    const budget = evaluateBudget(s, { size: { uncompressed: 5 * MB, compressed: 2 * MB }, delta, baseSize: 1 * MB, baseName: 'registry.test/app:main' })
    expect(budget.status).toBe('fail')
    expect(budget.reason).toBe('image grew by +1 MB (+100%) against registry.test/app:main, over the 10% (100 kB) max-increase (compressed)')
    expect(budget.checks).toEqual([{ check: 'max-increase', limit: 100_000, actual: 1 * MB, metric: 'compressed', exceeded: true, effect: 'fail' }])
  })

  test('checks record limits, actual sizes and effects', () => {
    const budget = evaluateBudget(settings({ budget: 20 * MB, warnAt: { percent: 50 }, failOn: 'increase' }), measured({ uncompressed: 12 * MB, compressed: null }))
    expect(budget).toMatchObject({ limit: 20 * MB, warnAt: 10 * MB, status: 'warn', failOn: 'increase' })
    expect(budget.checks).toEqual([
      { check: 'budget', limit: 20 * MB, actual: 12 * MB, metric: 'uncompressed', exceeded: false, effect: 'warn' },
      { check: 'warn-at', limit: 10 * MB, actual: 12 * MB, metric: 'uncompressed', exceeded: true, effect: 'warn' }
    ])
  })

  test('max-increase without a baseline checks nothing', () => {
    expect(evaluateBudget(settings({ maxIncrease: { bytes: 1 } }), measured(golang)).status).toBe('none')
  })
})

describe('settings', () => {
  test.each([
    [{ warnAt: { percent: 90 } }, /^warn-at: '90%' is a percentage of the budget, but no budget is set/],
    [{ budget: 20 * MB, warnAt: { percent: 120 } }, /^warn-at: 120% is above the budget/],
    [{ budget: 20 * MB, warnAt: { bytes: 25 * MB } }, /^warn-at: 25 MB is above the 20 MB budget/]
  ] as const)('%j is refused', (s, message) => {
    expect(() => validateBudgetSettings(settings(s))).toThrow(message)
  })

  test('from inputs', () => {
    expect(budgetSettings({ budgetMetric: 'compressed', budget: 5, warnAt: null, maxIncrease: { percent: 3 }, minDelta: { bytes: 9 }, failOn: 'budget' })).toEqual({
      metric: 'compressed',
      budget: 5,
      warnAt: null,
      maxIncrease: { percent: 3 },
      maxModuleIncrease: null,
      minDelta: { bytes: 9 },
      failOn: 'budget'
    })
  })
})

test.each([
  [['pass', 'warn', 'pass'], 'warn'],
  [['pass', 'fail', 'warn'], 'fail'],
  [[], 'pass']
] as const)('worstStatus %j = %s', (statuses, worst) => expect(worstStatus([...statuses])).toBe(worst))

test('reportStatus treats an unchecked budget as pass', () => {
  expect(reportStatus([{ status: 'none' }])).toBe('pass')
  expect(reportStatus([{ status: 'none' }, { status: 'fail' }])).toBe('fail')
})
