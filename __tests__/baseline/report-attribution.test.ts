import { baselineFromReportText } from '../../src/baseline/report.js'

const attribution = {
  fileBytes: 1_000,
  sources: ['pclntab'],
  stripped: true,
  moduleSource: 'build-info',
  modules: [{ path: 'std', version: null, replace: null, kind: 'std', bytes: 700, text: 400, pcln: 150, funcdata: 50, data: 0, bss: 0, debug: 100, packages: 1 }],
  packages: [{ path: 'fmt', module: 'std', bytes: 700, text: 400, pcln: 150, funcdata: 50, data: 0, bss: 0, debug: 100 }],
  unattributed: [{ name: '.rodata', kind: 'section', bytes: 300 }]
}
const report = (goBinaries: unknown) =>
  JSON.stringify({ schemaVersion: 1, image: { id: 'sha256:1', platform: 'linux/amd64', commit: 'abc' }, size: { uncompressed: 2_000, compressed: 900 }, layers: [], goBinaries, history: [] })
const binary = { path: '/app', bytes: 1_000, goVersion: 'go1.24.4', static: true, stripped: true, cgo: false, module: 'example.com/app' }

test('a stored report brings its binaries’ attribution to the baseline, so the module diff needs no rebuild', () => {
  const { baseline } = baselineFromReportText(report([{ ...binary, attribution }]), 'main.json', null)
  expect(baseline.error).toBeNull()
  expect(baseline.goBinaries).toEqual([{ ...binary, attribution }])
})

test('an attribution written before DWARF was a source (no `debug` bytes) loads with none', () => {
  const withoutDebug = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'debug'))
  const older = {
    ...attribution,
    modules: [{ ...withoutDebug(attribution.modules[0]), bytes: 600 }],
    packages: [{ ...withoutDebug(attribution.packages[0]), bytes: 600 }],
    unattributed: [{ name: '.rodata', kind: 'section', bytes: 400 }]
  }
  const { baseline } = baselineFromReportText(report([{ ...binary, attribution: older }]), 'older.json', null)
  expect(baseline.goBinaries?.[0].attribution?.modules[0]).toMatchObject({ bytes: 600, debug: 0 })
  expect(baseline.goBinaries?.[0].attribution?.packages[0]).toMatchObject({ bytes: 600, debug: 0 })
})

test('a report written before attribution still loads; its binaries give the diff nothing to compare', () => {
  const { baseline } = baselineFromReportText(report([binary]), 'old.json', null)
  expect(baseline.error).toBeNull()
  expect(baseline.size).toEqual({ uncompressed: 2_000, compressed: 900 })
  expect(baseline.goBinaries).toEqual([])
})

test('a damaged attribution is dropped, not trusted', () => {
  const damaged = { ...attribution, modules: [{ ...attribution.modules[0], bytes: 'many' }] }
  expect(baselineFromReportText(report([{ ...binary, attribution: damaged }]), 'x.json', null).baseline.goBinaries).toEqual([])
  const badDebug = { ...attribution, packages: [{ ...attribution.packages[0], debug: -1 }] }
  expect(baselineFromReportText(report([{ ...binary, attribution: badDebug }]), 'x.json', null).baseline.goBinaries).toEqual([])
})
