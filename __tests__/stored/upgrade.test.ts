// Reports an older version wrote are upgraded on load: the fields later schema
// versions added are filled in, so the renderers never fall back.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadStoredReport } from '../../src/stored/read.js'
import { SCHEMA_VERSION, type Report } from '../../src/report/types.js'
import { upgradeReport, type AnyVersionReport } from '../../src/stored/upgrade.js'
import { renderMarkdown } from '../../src/render/markdown.js'
import { overBudgetSingleStage, passingScratch } from '../fixtures/reports.js'

/** A report as version 1 wrote it: no noise fields, no layer diff. */
function version1(report: Report, minDelta: number | null): AnyVersionReport {
  const rest: Partial<Report> = { ...report }
  delete rest.layerDiff
  const delta = report.delta ? { uncompressed: report.delta.uncompressed, compressed: report.delta.compressed, percent: report.delta.percent } : null
  return { ...(rest as Report), schemaVersion: 1, delta, budget: { ...report.budget, minDelta } }
}

describe('upgradeReport: version 1 → 2', () => {
  test('the noise decision is made from the floor version 1 recorded, per metric', () => {
    // -300 kB uncompressed, -140 kB compressed; a 200 kB floor hides only the compressed change.
    const upgraded = upgradeReport(version1(passingScratch(), 200_000))
    expect(upgraded.schemaVersion).toBe(SCHEMA_VERSION)
    expect(upgraded.delta).toMatchObject({ uncompressed: -300_000, compressed: -140_000, unchanged: false, noise: { uncompressed: false, compressed: true } })
    expect(renderMarkdown(upgraded)).toContain('| **change** | 👏 -300 kB (-14%) | unchanged (-140 kB) |')
    const quiet = upgradeReport(version1(passingScratch(), 1_000_000))
    expect(quiet.delta).toMatchObject({ unchanged: true, noise: { uncompressed: true, compressed: true } })
    expect(upgradeReport(version1(passingScratch(), null)).delta).toMatchObject({ unchanged: false, noise: { uncompressed: false, compressed: false } })
  })

  test('a missing layer diff is made as the comparison makes it; small changes are marked as noise', () => {
    const upgraded = upgradeReport(version1(overBudgetSingleStage(), null))
    const changed = upgraded.layerDiff!.entries.filter((e) => e.change !== 'unchanged')
    expect(changed).toEqual([expect.objectContaining({ change: 'grown', noise: false, delta: expect.objectContaining({ uncompressed: 1_100_000 }) })])
    expect(upgraded.layerDiff!.entries.every((e) => typeof e.noise === 'boolean')).toBe(true)
    // A 2 MB floor makes the +1.1 MB layer unchanged, and the comment lists no layer as changed.
    const quiet = upgradeReport(version1(overBudgetSingleStage(), 2_000_000))
    expect(quiet.layerDiff!.entries.filter((e) => e.change !== 'unchanged')).toEqual([])
    expect(renderMarkdown(quiet)).not.toContain('#### Layers that changed')
  })

  test('a stored layer diff keeps its entries and gains their noise marks', () => {
    const report = overBudgetSingleStage()
    const doc = { ...version1(report, 21_700_000), layerDiff: { ...report.layerDiff!, entries: report.layerDiff!.entries.map((e) => ({ ...e, noise: undefined })) } }
    const upgraded = upgradeReport(doc)
    expect(upgraded.layerDiff!.entries.map((e) => e.change)).toEqual(report.layerDiff!.entries.map((e) => e.change))
    // Under a 21.7 MB floor every layer's change (the largest is the 21.6 MB build layer's +1.1 MB) is noise.
    expect(upgraded.layerDiff!.entries.map((e) => e.noise)).toEqual(report.layerDiff!.entries.map(() => true))
  })

  test('no delta stored against a baseline with sizes: it is compared; none without a baseline', () => {
    const upgraded = upgradeReport({ ...version1(passingScratch(), null), delta: null })
    expect(upgraded.delta).toMatchObject({ uncompressed: -300_000, compressed: -140_000, metric: 'uncompressed', unchanged: false })
    const none = passingScratch()
    none.baseline = { source: 'none', ref: null, commit: null, size: null, layers: [], error: null }
    expect(upgradeReport({ ...version1(none, null), delta: null })).toMatchObject({ delta: null, layerDiff: null })
  })

  test('each platform is upgraded too; a current report is returned as is', () => {
    const report = passingScratch()
    const v1 = version1(report, null)
    const platform = { ...v1, platform: 'linux/arm64' }
    const upgraded = upgradeReport({ ...v1, platforms: [platform] })
    expect(upgraded.platforms?.[0].delta).toMatchObject({ noise: { uncompressed: false, compressed: false } })
    expect(upgradeReport(report)).toBe(report)
  })

  test('a version 1 file read back for publishing is upgraded', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gib-upgrade-'))
    const file = path.join(dir, 'report.json')
    writeFileSync(file, JSON.stringify(version1(passingScratch(), 1_000_000)))
    const [stored] = loadStoredReport(file)
    expect(stored.report.schemaVersion).toBe(SCHEMA_VERSION)
    expect(stored.report.delta).toMatchObject({ unchanged: true, noise: { uncompressed: true, compressed: true } })
    expect(renderMarkdown(stored.report).split('\n')[0]).toContain('unchanged (-300 kB) vs `main`')
    rmSync(dir, { recursive: true })
  })
})
