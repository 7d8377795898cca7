import { assess, budgetSettings } from '../../src/compare/budget.js'
import { diffBinaries, goModListing } from '../../src/compare/modules.js'
import { renderWhyItGrew, whyItGrewLines } from '../../src/render/why-it-grew.js'
import { NO_BASELINE, type AttributedModule, type BinaryAttribution, type GoBinary } from '../../src/report/types.js'

/** An attribution whose modules hold one package each, and 100 kB not attributed. */
function attribution(modules: [path: string, version: string | null, bytes: number, kind?: AttributedModule['kind']][]): BinaryAttribution {
  const rows = modules.map(([path, version, bytes, kind]) => ({
    path,
    version,
    replace: null,
    kind: kind ?? (path === 'std' ? 'std' : 'dep'),
    bytes,
    text: bytes,
    pcln: 0,
    funcdata: 0,
    data: 0,
    bss: 0,
    debug: 0,
    packages: 1
  }))
  const unattributed = [{ name: '.rodata', kind: 'section' as const, bytes: 100_000 }]
  return {
    fileBytes: rows.reduce((s, m) => s + m.bytes, 0) + 100_000,
    sources: ['pclntab'],
    stripped: true,
    moduleSource: 'build-info',
    modules: rows,
    packages: rows.map((m) => ({ path: m.path === 'std' ? 'fmt' : `${m.path}/pkg`, module: m.path, bytes: m.bytes, text: m.bytes, pcln: 0, funcdata: 0, data: 0, bss: 0, debug: 0 })),
    unattributed
  }
}

const binary = (path: string, a: BinaryAttribution, module = 'example.com/app'): GoBinary => ({
  path,
  bytes: a.fileBytes,
  goVersion: 'go1.24.4',
  static: true,
  stripped: true,
  cgo: false,
  module,
  attribution: a
})

const base = attribution([
  ['std', null, 1_200_000],
  ['example.com/app', '(devel)', 2_000, 'main'],
  ['github.com/spf13/cobra', 'v1.6.1', 150_000]
])
const head = attribution([
  ['std', null, 1_900_000],
  ['example.com/app', '(devel)', 2_100, 'main'],
  ['github.com/spf13/cobra', 'v1.8.1', 170_000],
  ['github.com/sirupsen/logrus', 'v1.9.0', 78_000]
])

describe('diffBinaries', () => {
  test('new, version changed, grown; noise below the floor; largest change first', () => {
    const [diff] = diffBinaries([binary('/greeter', head)], [binary('/greeter', base)], { bytes: 1_000 })
    expect(diff).toMatchObject({ path: '/greeter', basePath: '/greeter', pairedBy: 'path', bytesBefore: base.fileBytes, bytesAfter: head.fileBytes })
    expect(diff.modules.map((m) => [m.path, m.change, m.delta, m.noise])).toEqual([
      ['std', 'grown', 700_000, false],
      ['github.com/sirupsen/logrus', 'new', 78_000, false],
      ['github.com/spf13/cobra', 'version', 20_000, false],
      ['example.com/app', 'unchanged', 100, true]
    ])
    expect(diff.modules[2]).toMatchObject({ versionBefore: 'v1.6.1', versionAfter: 'v1.8.1', before: 150_000, after: 170_000 })
    expect(diff.modules[1].packages).toEqual([{ path: 'github.com/sirupsen/logrus/pkg', before: 0, after: 78_000, delta: 78_000 }])
    expect(diff.unattributed).toEqual({ before: 100_000, after: 100_000, delta: 0 })
  })

  test('a binary at another path pairs by main module; one that did not change past the floor has no entry', () => {
    expect(diffBinaries([binary('/app', head)], [binary('/usr/bin/app', base)], null)[0]).toMatchObject({ pairedBy: 'module', basePath: '/usr/bin/app' })
    expect(diffBinaries([binary('/app', base)], [binary('/app', base)], null)).toEqual([])
    // A percentage floor is of each module's base size: std's +700 kB is 58% of 1.2 MB; new modules and bumps are never noise.
    const [pct] = diffBinaries([binary('/app', head)], [binary('/app', base)], { percent: 60 })
    expect(pct.modules.filter((m) => !m.noise).map((m) => m.path)).toEqual(['github.com/sirupsen/logrus', 'github.com/spf13/cobra'])
    expect(diffBinaries([binary('/app', head)], [binary('/other', base, 'example.com/other')], null)).toEqual([])
  })
})

test('goModListing: direct and // indirect requirements, block and single-line', () => {
  const listed = goModListing('module x\n\ngo 1.19\n\nrequire github.com/a/b v1.0.0\n\nrequire (\n\tgithub.com/spf13/cobra v1.6.1\n\tgolang.org/x/sys v0.3.0 // indirect\n)\n')
  expect([...listed]).toEqual([
    ['github.com/a/b', 'direct'],
    ['github.com/spf13/cobra', 'direct'],
    ['golang.org/x/sys', 'indirect']
  ])
})

describe('max-module-increase', () => {
  const inputs = { budgetMetric: 'uncompressed' as const, budget: null, warnAt: null, maxIncrease: null, minDelta: null, failOn: 'any' as const }
  const baseline = { ...NO_BASELINE, source: 'build' as const, ref: 'main', size: { uncompressed: base.fileBytes, compressed: null }, goBinaries: [binary('/greeter', base)] }
  const measured = { size: { uncompressed: head.fileBytes, compressed: null }, layers: [], goBinaries: [binary('/greeter', head)] }
  const goMod = new Map([['github.com/sirupsen/logrus', 'indirect' as const]])

  test('a new module over the limit fails, naming the module, version, bytes and its go.mod listing (std is not a module to limit)', () => {
    const judged = assess(budgetSettings({ ...inputs, maxModuleIncrease: { bytes: 50_000 } }), measured, baseline, goMod)
    expect(judged.budget.status).toBe('fail')
    expect(judged.budget.reason).toBe('module github.com/sirupsen/logrus v1.9.0 (new) in /greeter grew by +78 kB to 78 kB, in go.mod as // indirect, over the 50 kB max-module-increase')
    expect(judged.budget.checks?.at(-1)).toMatchObject({
      check: 'max-module-increase',
      limit: 50_000,
      actual: 78_000,
      exceeded: true,
      effect: 'fail',
      module: { path: 'github.com/sirupsen/logrus', goMod: 'indirect', versionBefore: null, versionAfter: 'v1.9.0' }
    })
  })

  test('within the limit passes; fail-on budget only warns; a percentage is of the module base size', () => {
    expect(assess(budgetSettings({ ...inputs, maxModuleIncrease: { bytes: 100_000 } }), measured, baseline, goMod).budget.status).toBe('pass')
    expect(assess(budgetSettings({ ...inputs, failOn: 'budget', maxModuleIncrease: { bytes: 50_000 } }), measured, baseline, goMod).budget.status).toBe('warn')
    // cobra grew 20 kB on 150 kB (13%); logrus is new: 5% of the binary's 1.45 MB is 72.6 kB, under its 78 kB.
    const judged = assess(budgetSettings({ ...inputs, maxModuleIncrease: { percent: 5 } }), measured, baseline, goMod)
    expect(judged.budget.checks?.at(-1)).toMatchObject({ module: { path: 'github.com/spf13/cobra' }, limit: 7_500, exceeded: true })
  })
})

test('the markdown section and terminal lines name new modules, version bumps and the unattributed row', () => {
  const diffs = diffBinaries([binary('/greeter', head)], [binary('/greeter', base)], { bytes: 1_000 })
  const md = renderWhyItGrew({ binaryDiff: diffs }, { modules: 10, packages: 5, binaries: 3 }).join('\n')
  expect(md).toContain('#### Why it grew')
  expect(md).toContain('| `github.com/sirupsen/logrus v1.9.0 (new)` | – | 78 kB | +78 kB |')
  expect(md).toContain('| `github.com/spf13/cobra v1.6.1 → v1.8.1` | 150 kB | 170 kB | +20 kB |')
  expect(md).toContain('| `std (the standard library)` | 1.2 MB | 1.9 MB | +700 kB |')
  expect(md).toContain('| not attributed to a module (runtime tables, padding, headers) | 100 kB | 100 kB | ±0 B |')
  expect(md).not.toContain('example.com/app')
  expect(renderWhyItGrew({ binaryDiff: diffs }, { modules: 0, packages: 0, binaries: 3 })).toEqual([])
  expect(whyItGrewLines({ binaryDiff: diffs })).toEqual([
    '  why it grew: /greeter 1.45 MB → 2.25 MB',
    '       +700 kB  std (the standard library)',
    '        +78 kB  github.com/sirupsen/logrus v1.9.0 (new)',
    '        +20 kB  github.com/spf13/cobra v1.6.1 → v1.8.1',
    '          ±0 B  not attributed to a module'
  ])
})
