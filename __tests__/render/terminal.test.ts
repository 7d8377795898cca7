// The terminal lines for the comparison: baseline, delta, layer changes, reason.
import { renderComparison } from '../../src/render/terminal.js'
import type { Report } from '../../src/report/types.js'
import { bare, overBudgetSingleStage, passingScratch } from '../fixtures/reports.js'

const withReason = (report: Report, reason: string): Report => ({ ...report, budget: { ...report.budget, reason } })

test.each<[string, Report, string[]]>([
  [
    'over budget, grown against the built base',
    withReason({ ...overBudgetSingleStage(), delta: { ...overBudgetSingleStage().delta!, metric: 'uncompressed' } }, 'image is 816 MB, over the 20 MB budget (uncompressed)'),
    ['  baseline (build): main (f0e1d2c), 815 MB uncompressed → +1.1 MB (+0.1%)', '  layers: 1 grown (+1.1 MB)', '  fail: image is 816 MB, over the 20 MB budget (uncompressed)']
  ],
  [
    'a passing image names no reason line',
    withReason(passingScratch(), 'image is 1.82 MB, within the 20 MB budget (uncompressed)'),
    ['  baseline (build): main (f0e1d2c), 2.12 MB uncompressed → -300 kB (-14%)', '  layers: 1 shrunk (-300 kB)']
  ],
  [
    'a registry baseline compares compressed sizes and says why',
    {
      ...passingScratch(),
      baseline: {
        source: 'image',
        ref: 'ghcr.io/o/app:main',
        commit: null,
        size: { uncompressed: null, compressed: 1_150_000 },
        layers: [],
        error: null,
        note: 'a registry manifest has compressed sizes only (layers are not pulled); compared on compressed size'
      },
      delta: { uncompressed: null, compressed: -140_000, percent: -12.17, metric: 'compressed', unchanged: false, noise: { uncompressed: false, compressed: false } },
      layerDiff: null
    },
    ['  baseline (image): ghcr.io/o/app:main, 1.15 MB compressed → -140 kB (-12%)', '    a registry manifest has compressed sizes only (layers are not pulled); compared on compressed size']
  ],
  [
    'below the noise floor',
    { ...passingScratch(), delta: { uncompressed: 12, compressed: 3, percent: 0.0006, metric: 'uncompressed', unchanged: true, noise: { uncompressed: true, compressed: true } }, layerDiff: null },
    ['  baseline (build): main (f0e1d2c), 2.12 MB uncompressed → unchanged']
  ],
  [
    'no baseline, with the reason',
    { ...bare(), baseline: { source: 'build', ref: 'main', commit: null, size: null, layers: [], error: 'no baseline: main (abc1234) has no Dockerfile at Dockerfile' } },
    ['  baseline: no baseline: main (abc1234) has no Dockerfile at Dockerfile']
  ],
  ['nothing to compare', bare(), []]
])('%s', (_name, report, lines) => {
  expect(renderComparison(report)).toEqual(lines)
})

test('layer changes are counted with their bytes', () => {
  const report: Report = {
    ...passingScratch(),
    layerDiff: {
      metric: 'uncompressed',
      entries: [],
      totals: { added: { count: 2, bytes: 1_500_000 }, removed: { count: 1, bytes: -300_000 }, grown: { count: 0, bytes: 0 }, shrunk: { count: 1, bytes: -20_000 }, unchanged: { count: 4, bytes: 0 } }
    }
  }
  expect(renderComparison(report)).toContain('  layers: 2 added (+1.5 MB), 1 removed (-300 kB), 1 shrunk (-20 kB)')
  expect(
    renderComparison({
      ...report,
      layerDiff: { ...report.layerDiff!, totals: { ...report.layerDiff!.totals, added: { count: 0, bytes: 0 }, removed: { count: 0, bytes: 0 }, shrunk: { count: 0, bytes: 0 } } }
    })
  ).toContain('  layers: all unchanged')
})
