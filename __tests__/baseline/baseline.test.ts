import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chooseSource, fetchBaseline } from '../../src/baseline/index.js'
import { baselineFromRegistryImage, REGISTRY_NOTE } from '../../src/baseline/image.js'
import { baselineFromReportFile, baselineFromReportText, historyFromReportFile } from '../../src/baseline/report.js'
import { exec } from '../../src/exec.js'
import { silentLogger } from '../../src/log.js'
import { reportOutputs } from '../../src/outputs.js'
import type { Report } from '../../src/report/types.js'

const report = {
  schemaVersion: 1,
  tool: { name: 'go-image-budget', version: '0.1.0' },
  image: { ref: null, id: 'sha256:img', platform: 'linux/amd64', context: '.', dockerfile: 'Dockerfile', target: null, commit: 'c0ffee1234' },
  size: { uncompressed: 1_819_291, compressed: 912_345, compressedSource: 'gzip-estimate' },
  layers: [{ index: 0, diffId: 'sha256:l0', instruction: 'COPY /build/main /app/ # buildkit', dockerfileLine: 12, stage: 'final', fromBaseImage: false, uncompressed: 1_819_260, compressed: 900_000 }],
  history: [{ commit: 'old', at: 't', uncompressed: 5, compressed: null }]
}

describe('stored report baseline', () => {
  test('a report becomes a baseline with its layers and history', () => {
    const stored = baselineFromReportText(JSON.stringify(report), 'base.json', 'linux/amd64')
    expect(stored.baseline).toEqual({
      source: 'report',
      ref: 'base.json',
      commit: 'c0ffee1234',
      size: { uncompressed: 1_819_291, compressed: 912_345 },
      layers: [{ ...report.layers[0] }],
      // The fixture's binaries carry no attribution (written before it): nothing for the module diff.
      goBinaries: [],
      error: null,
      digest: 'sha256:img',
      platform: 'linux/amd64',
      note: null
    })
    expect(stored.history).toEqual(report.history)
  })

  test.each([
    ['{not json', /^no baseline: baseline-report 'f.json' is not JSON \(/],
    ['[1,2]', /^no baseline: baseline-report 'f.json' is not a go-image-budget report \(no schemaVersion\)$/],
    [JSON.stringify({ name: 'some-other-tool', version: 3 }), /is not a go-image-budget report/],
    [JSON.stringify({ ...report, schemaVersion: 99 }), /was written by a newer version \(schema 99; this one reads 1\); update the action$/],
    [JSON.stringify({ ...report, size: { uncompressed: 'big' } }), /has no image size$/],
    [JSON.stringify({ ...report, platforms: [{ platform: 'linux/arm64', size: { uncompressed: 1 } }] }), /has no linux\/amd64 entry \(it has linux\/arm64\)$/]
  ])('%s is a clear "no baseline"', (text, error) => {
    const stored = baselineFromReportText(text, 'f.json', 'linux/amd64')
    expect(stored.baseline.error).toMatch(error)
    expect(stored.baseline.size).toBeNull()
    expect(stored.baseline.source).toBe('report')
  })

  test('a multi-platform report gives the matching platform; another platform is noted', () => {
    const multi = { ...report, platforms: [{ platform: 'linux/arm64', image: { platform: 'linux/arm64' }, size: { uncompressed: 7, compressed: 3 }, layers: [] }] }
    expect(baselineFromReportText(JSON.stringify(multi), 'f', 'linux/arm64').baseline.size).toEqual({ uncompressed: 7, compressed: 3 })
    expect(baselineFromReportText(JSON.stringify(report), 'f', 'linux/arm64').baseline.note).toBe('the stored report measured linux/amd64, this run linux/arm64')
  })

  test('files: missing, readable, previous history', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baseline-'))
    const file = path.join(dir, 'r.json')
    writeFileSync(file, JSON.stringify(report))
    expect((await baselineFromReportFile(path.join(dir, 'none.json'), null)).baseline.error).toMatch(/does not exist \(restore it from the artifact or cache first\)$/)
    expect((await baselineFromReportFile(file, null)).baseline.size?.uncompressed).toBe(1_819_291)
    expect(await historyFromReportFile(file)).toEqual({ history: report.history, warning: null, proof: null })
    expect(await historyFromReportFile(path.join(dir, 'none.json'))).toEqual({ history: [], warning: null, proof: null })
    writeFileSync(file, 'garbage')
    expect((await historyFromReportFile(file)).warning).toMatch(/^previous-report '.*r\.json' is not JSON .*the size trend starts over$/)
    rmSync(dir, { recursive: true })
  })
})

test('a registry image: compressed sizes from the manifest, instructions from non-empty history', () => {
  const baseline = baselineFromRegistryImage({
    ref: '127.0.0.1:5000/app:main',
    manifestDigest: 'sha256:m',
    platform: 'linux/amd64',
    layers: [
      { digest: 'sha256:b0', size: 800_000, mediaType: 'x' },
      { digest: 'sha256:b1', size: 120, mediaType: 'x' }
    ],
    config: {
      diffIds: ['sha256:d0', 'sha256:d1'],
      history: [{ created_by: 'COPY /build/main /app/ # buildkit' }, { created_by: 'ENV A=1', empty_layer: true }, { created_by: 'WORKDIR /app' }]
    }
  })
  expect(baseline).toMatchObject({ source: 'image', size: { uncompressed: null, compressed: 800_120 }, digest: 'sha256:m', note: REGISTRY_NOTE, error: null })
  expect(baseline.layers.map((l) => [l.diffId, l.instruction, l.uncompressed, l.compressed])).toEqual([
    ['sha256:d0', 'COPY /build/main /app/ # buildkit', null, 800_000],
    ['sha256:d1', 'WORKDIR /app', null, 120]
  ])
})

describe('chooseSource', () => {
  const none = { baselineImage: null, baselineReport: null }
  test.each([
    [{ baseline: 'auto', ...none }, 'build'],
    [{ baseline: 'auto', baselineImage: 'r/app:main', baselineReport: 'b.json' }, 'image'],
    [{ baseline: 'auto', baselineImage: null, baselineReport: 'b.json' }, 'report'],
    [{ baseline: 'none', baselineImage: 'r/app:main', baselineReport: null }, 'none'],
    [{ baseline: 'build', baselineImage: 'r/app:main', baselineReport: null }, 'build']
  ] as const)('%j → %s', (inputs, source) => expect(chooseSource(inputs)).toBe(source))

  test.each([
    [{ baseline: 'image', ...none }, /^baseline: 'image' needs baseline-image/],
    [{ baseline: 'report', ...none }, /^baseline: 'report' needs baseline-report/]
  ] as const)('%j is a usage error', (inputs, message) => expect(() => chooseSource(inputs)).toThrow(message))
})

describe('fetchBaseline without a base', () => {
  const deps = { exec, tempDir: os.tmpdir(), log: silentLogger, buildAndMeasure: () => Promise.reject(new Error('must not build')) }
  const req = { source: 'build' as const, auto: true, baselineImage: null, baselineReport: null, platform: null, base: null, build: null, head: null }
  test('auto with no base ref compares with nothing, quietly', async () => {
    expect((await fetchBaseline(req, deps)).baseline).toEqual({ source: 'none', ref: null, commit: null, size: null, layers: [], error: null })
  })
  test('build with no base ref says how to give one', async () => {
    expect((await fetchBaseline({ ...req, auto: false }, deps)).baseline.error).toBe('no baseline: no base ref: not a pull_request or push event; set base-ref (e.g. main)')
  })
  test('an unreachable registry is "no baseline", not a crash', async () => {
    const result = await fetchBaseline({ ...req, source: 'image', baselineImage: '127.0.0.1:1/app:main' }, deps)
    expect(result.baseline.error).toMatch(/^no baseline: baseline-image 127\.0\.0\.1:1\/app:main: cannot reach the registry/)
  })
})

test('reportOutputs', () => {
  const r = {
    ...report,
    status: 'warn',
    baseline: { source: 'build', ref: 'main', commit: 'x', size: { uncompressed: 1_000_000, compressed: 500_000 }, layers: [], error: null },
    delta: { uncompressed: 819_291, compressed: 412_345, percent: 81.9291, metric: 'uncompressed' }
  } as unknown as Report
  expect(reportOutputs(r, '/tmp/r.json')).toEqual({
    size: '1819291',
    'compressed-size': '912345',
    'base-size': '1000000',
    delta: '819291',
    'delta-percent': '81.93',
    status: 'warn',
    report: '/tmp/r.json'
  })
  const registry = {
    ...r,
    baseline: { ...r.baseline, source: 'image', size: { uncompressed: null, compressed: 500_000 } },
    delta: { uncompressed: null, compressed: 412_345, percent: 82.469, metric: 'compressed' }
  } as unknown as Report
  expect(reportOutputs(registry, 'p')).toMatchObject({ 'base-size': '', delta: '412345', 'delta-percent': '82.47' })
  expect(reportOutputs({ ...r, delta: null, baseline: { ...r.baseline, size: null, error: 'no baseline: x' } }, 'p')).toMatchObject({ 'base-size': '', delta: '', 'delta-percent': '' })
})
