// The baseline → compare/budget stage on measured reports, with a stored
// multi-platform baseline report (no Docker needed): per-platform verdicts,
// the report's status, and the trend carried forward.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { compareStage, type CompareStageRequest } from '../../src/pipeline/compare-stage.js'
import { exec } from '../../src/exec.js'
import { silentLogger } from '../../src/log.js'
import type { Layer, PlatformReport, Report } from '../../src/report/types.js'
import { multiPlatform } from '../fixtures/reports.js'

const layer = (diffId: string, uncompressed: number): Layer => ({
  index: 0,
  diffId,
  instruction: 'COPY /build/main /app/ # buildkit',
  dockerfileLine: 9,
  stage: 'final',
  fromBaseImage: false,
  uncompressed,
  compressed: null
})

/** A measured head (nothing judged yet): amd64 1.8 MB, arm64 2.6 MB. */
function measuredHead(): Report {
  const report = multiPlatform()
  const platform = (p: PlatformReport, size: number, diffId: string): PlatformReport => ({
    ...p,
    size: { uncompressed: size, compressed: null, compressedSource: null },
    layers: [layer(diffId, size)],
    budget: { metric: 'uncompressed', limit: null, warnAt: null, maxIncrease: null, status: 'none' },
    baseline: { source: 'none', ref: null, commit: null, size: null, layers: [], error: null },
    delta: null,
    status: 'pass'
  })
  const [amd, arm] = report.platforms as PlatformReport[]
  const platforms = [platform(amd, 1_800_000, 'sha256:amd-head'), platform(arm, 2_600_000, 'sha256:arm-head')]
  return { ...report, size: platforms[0].size, layers: platforms[0].layers, platforms, history: [], delta: null, layerDiff: null, status: 'pass' }
}

/** The stored base: amd64 2 MB, arm64 2 MB. */
function storedBase(): Report {
  const head = measuredHead()
  const platforms = (head.platforms as PlatformReport[]).map((p) => ({
    ...p,
    image: { ...p.image, commit: 'basecommit' },
    size: { ...p.size, uncompressed: 2_000_000 },
    layers: [layer(`sha256:${p.platform}-base`, 2_000_000)]
  }))
  return { ...head, image: { ...head.image, commit: 'basecommit' }, size: platforms[0].size, layers: platforms[0].layers, platforms }
}

describe('compareStage', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'stage-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const request = (file: string, extra: Partial<CompareStageRequest> = {}): CompareStageRequest => ({
    inputs: { baseline: 'auto', baselineImage: null, baselineReport: file, historyLength: 20 },
    source: 'report',
    settings: { metric: 'uncompressed', budget: 2_500_000, warnAt: null, maxIncrease: { percent: 10 }, minDelta: null, failOn: 'any' },
    base: null,
    build: null,
    previousHistory: [],
    now: () => new Date('2026-11-27T12:00:00Z'),
    ...extra
  })
  const deps = { exec, tempDir: os.tmpdir(), log: silentLogger, buildAndMeasure: () => Promise.reject(new Error('must not build')) }

  test('each platform is compared with its own baseline and gets its own verdict', async () => {
    const file = path.join(dir, 'base.json')
    writeFileSync(file, JSON.stringify(storedBase()))
    const measured = measuredHead()
    const before = structuredClone(measured)
    const { report } = await compareStage(measured, request(file), deps)
    // The measured report is not touched: the judged platforms are new entries.
    expect(measured).toEqual(before)
    const [amd, arm] = report.platforms as PlatformReport[]
    expect([amd.platform, amd.status, amd.delta?.uncompressed, amd.budget.status]).toEqual(['linux/amd64', 'pass', -200_000, 'pass'])
    expect([arm.platform, arm.status, arm.delta?.uncompressed, arm.budget.status]).toEqual(['linux/arm64', 'fail', 600_000, 'fail'])
    expect(arm.budget.reason).toBe('image is 2.6 MB, over the 2.5 MB budget (uncompressed); image grew by +600 kB (+30%) against basecom, over the 10% (200 kB) max-increase (uncompressed)')
    expect(arm.baseline.layers[0].diffId).toBe('sha256:linux/arm64-base')
    expect(arm.layerDiff?.entries.map((e) => [e.change, e.pairedBy])).toEqual([['grown', 'instruction']])
    // The top level is the first platform; the report fails because one platform fails.
    expect(report.budget.status).toBe('pass')
    expect(report.status).toBe('fail')
    expect(report.history).toEqual([
      { commit: 'basecommit', at: '2026-11-27T12:00:00.000Z', uncompressed: 2_000_000, compressed: null, label: 'base' },
      { commit: report.image.commit, at: '2026-11-27T12:00:00.000Z', uncompressed: 1_800_000, compressed: null }
    ])
  })

  test('without a baseline the budget still decides, and the previous trend is kept', async () => {
    const previousHistory = [
      { commit: 'oldbase', at: 't0', uncompressed: 1, compressed: null, label: 'base' },
      { commit: 'push1', at: 't1', uncompressed: 2, compressed: null }
    ]
    const { report } = await compareStage(measuredHead(), request(path.join(dir, 'missing.json'), { previousHistory }), deps)
    expect(report.baseline.error).toMatch(/^no baseline: baseline-report '.*missing\.json' does not exist/)
    expect(report.delta).toBeNull()
    expect(report.status).toBe('fail')
    expect((report.platforms as PlatformReport[]).map((p) => p.budget.status)).toEqual(['pass', 'fail'])
    expect(report.history.map((p) => p.commit)).toEqual(['oldbase', 'push1', report.image.commit])
  })
})
