// The attribution against an independent oracle, on real Go programs with
// real dependencies (Debian's cobra, logrus, pflag and x/sys through a
// file:// GOPROXY: scripts/go-modules.sh), built by four toolchains of
// scripts/go-toolchains.sh (Debian's 1.19; 1.15 for the pclntab format of Go
// 1.2–1.15; 1.24 and 1.27 for the format of 1.20+), for amd64 and
// arm64, stripped and not (scripts/lib/go-build.ts; binaries are cached, the
// first run builds them). The oracle is `go tool nm -size`: on unstripped
// builds each package's code equals the sum of its text symbols, and its data
// the sum of its data symbols, within 1%. With `-s -w` every module of
// 100 kB or more keeps its function bytes within 2%.
import { readFileSync } from 'node:fs'
import { attributeGoBinary } from '../../src/image/attribution.js'
import { symbolPackage, unvendored } from '../../src/image/symbol-package.js'
import type { BinaryAttribution } from '../../src/report/types.js'
import { buildGoProgram, goToolNm, type GoBuild, type GoProgram } from '../../scripts/lib/go-build.js'
import { cobraOnly, gopathApp, greeter } from '../helpers/go-programs.js'

const total = (a: BinaryAttribution, rows: { bytes: number }[]) => rows.reduce((s, r) => s + r.bytes, 0) + a.unattributed.reduce((s, r) => s + r.bytes, 0)
const functionBytes = (m: { text: number; pcln: number; funcdata: number }) => m.text + m.pcln + m.funcdata

/** Funcdata objects have symbols of their own before Go 1.18 (hidden in go:func.* after): the attribution counts them as the function's funcdata. */
const FUNCDATA = /\.(stkobj|inlTree|opendefer|arginfo\d|argliveinfo|wrapinfo|args_stackmap)$/

/** What nm says per package: text symbols, and data symbols outside the pclntab (its own tables are pclntab rows). */
function nmByPackage(build: GoBuild): { text: Map<string, number>; data: Map<string, number> } {
  const symbols = goToolNm(build)
  // The linker's bounds of the pclntab: runtime.pclntab … runtime.epclntab.
  const bound = (name: string) => symbols.find((s) => s.name === name)!.addr
  const pcln = { addr: bound('runtime.pclntab'), size: bound('runtime.epclntab') - bound('runtime.pclntab') }
  const text = new Map<string, number>()
  const data = new Map<string, number>()
  for (const sym of symbols) {
    const pkg = symbolPackage(sym.name)
    if (!pkg || sym.name.endsWith('.*')) continue
    const p = unvendored(pkg)
    if ('Tt'.includes(sym.kind)) text.set(p, (text.get(p) ?? 0) + sym.size)
    else if ('DdRrBb'.includes(sym.kind) && !(sym.addr >= pcln.addr && sym.addr < pcln.addr + pcln.size) && !FUNCDATA.test(sym.name)) data.set(p, (data.get(p) ?? 0) + sym.size)
  }
  return { text, data }
}

const within = (actual: number, expected: number, fraction: number) => Math.abs(actual - expected) <= fraction * expected

const BUILDS = ['1.15', '1.19', '1.24', '1.27'].flatMap((minor) => (['amd64', 'arm64'] as const).map((arch) => [minor, arch] as const))

describe.each(BUILDS)('Go %s %s: cobra + logrus', (minor, arch) => {
  const program = minor === '1.15' ? cobraOnly : greeter
  let full: { build: GoBuild; attribution: BinaryAttribution }
  let stripped: { build: GoBuild; attribution: BinaryAttribution }
  beforeAll(() => {
    const attribute = (strip: boolean) => {
      const build = buildGoProgram(program, minor, arch, strip)
      const attribution = attributeGoBinary(readFileSync(build.binary))
      if (!attribution) throw new Error(`no attribution for ${build.binary}`)
      return { build, attribution }
    }
    full = attribute(false)
    stripped = attribute(true)
  })

  test('every row adds up to the file size, with and without the symbol table', () => {
    for (const { build, attribution } of [full, stripped]) {
      const size = readFileSync(build.binary).length
      expect(attribution.fileBytes).toBe(size)
      expect(total(attribution, attribution.modules)).toBe(size)
      expect(total(attribution, attribution.packages)).toBe(size)
    }
  })

  test('sources and stripped say what was read', () => {
    expect(full.attribution).toMatchObject({ stripped: false, sources: ['pclntab', 'symtab', 'dwarf'], moduleSource: 'build-info' })
    expect(stripped.attribution).toMatchObject({ stripped: true, sources: ['pclntab'], moduleSource: 'build-info' })
    // -s -w leaves no DWARF: no package has any.
    expect(stripped.attribution.packages.filter((p) => p.debug !== 0)).toEqual([])
  })

  test("each package's code is the sum of its text symbols (go tool nm -size) within 1%", () => {
    const nm = nmByPackage(full.build)
    const ours = new Map(full.attribution.packages.map((p) => [p.path, p.text]))
    expect(nm.text.size).toBeGreaterThan(30)
    for (const [pkg, bytes] of nm.text) {
      if (!within(ours.get(pkg) ?? 0, bytes, 0.01)) throw new Error(`${pkg}: ${ours.get(pkg) ?? 0} code bytes, nm says ${bytes}`)
    }
    for (const [pkg, bytes] of ours) if (bytes > 0 && !nm.text.has(pkg)) throw new Error(`${pkg}: ${bytes} code bytes, nm has no text symbol of it`)
  })

  test("each package's data, rodata and bss are the sums of its data symbols within 1%", () => {
    const nm = nmByPackage(full.build)
    const ours = new Map(full.attribution.packages.map((p) => [p.path, p.data + p.bss]))
    expect(nm.data.get('runtime')).toBeGreaterThan(0)
    for (const [pkg, bytes] of nm.data) {
      if (!within(ours.get(pkg) ?? 0, bytes, 0.01)) throw new Error(`${pkg}: ${ours.get(pkg) ?? 0} data bytes, nm says ${bytes}`)
    }
  })

  test('modules and versions come from the build info; std and the main module are rows', () => {
    const modules = new Map(full.attribution.modules.map((m) => [m.path, m]))
    expect(modules.get('github.com/spf13/cobra')).toMatchObject({ kind: 'dep', version: 'v1.6.1' })
    if (program === greeter) expect(modules.get('github.com/sirupsen/logrus')).toMatchObject({ kind: 'dep', version: 'v1.9.0' })
    expect(modules.get('github.com/spf13/pflag')).toMatchObject({ kind: 'dep' })
    expect(modules.get('std')).toMatchObject({ kind: 'std', version: null })
    expect(modules.get('example.com/greeter')).toMatchObject({ kind: 'main' })
    expect(modules.get('github.com/spf13/cobra')!.bytes).toBeGreaterThan(100_000)
    // Every package is in the module it names, and the module's bytes are its packages'.
    for (const m of full.attribution.modules) {
      const sum = full.attribution.packages.filter((p) => p.module === m.path).reduce((s, p) => s + p.bytes, 0)
      expect(sum).toBe(m.bytes)
    }
  })

  test('with -s -w, every module of 100 kB or more keeps its function bytes within 2%; the rest is unattributed, and said so', () => {
    const before = new Map(full.attribution.modules.map((m) => [m.path, m]))
    const big = stripped.attribution.modules.filter((m) => (before.get(m.path)?.bytes ?? 0) >= 100_000)
    expect(big.map((m) => m.path)).toEqual(expect.arrayContaining(['std', 'github.com/spf13/cobra', 'github.com/spf13/pflag']))
    for (const m of big) {
      const was = functionBytes(before.get(m.path)!)
      if (!within(functionBytes(m), was, 0.02)) throw new Error(`${m.path}: ${functionBytes(m)} function bytes stripped, ${was} with symbols`)
      expect(m.data).toBe(0)
      expect(m.funcdata).toBeGreaterThan(0)
    }
    const unattributed = stripped.attribution.unattributed.reduce((s, r) => s + r.bytes, 0)
    expect(unattributed).toBeGreaterThan(0)
    expect(stripped.attribution.unattributed.map((r) => r.name)).toEqual(expect.arrayContaining(['.rodata', 'ELF header', 'section headers']))
  })
})

test('a replaced module is shown with its replacement', () => {
  const program: GoProgram = {
    ...greeter,
    module: {
      ...greeter.module!,
      require: { ...greeter.module!.require, 'github.com/spf13/pflag': 'v1.0.5' },
      replace: { 'github.com/spf13/pflag': 'github.com/spf13/pflag v1.0.6-0.20210604000000-d5e0c0615ace' }
    }
  }
  const build = buildGoProgram(program, '1.24', 'amd64', true)
  const attribution = attributeGoBinary(readFileSync(build.binary))!
  const pflag = attribution.modules.find((m) => m.path === 'github.com/spf13/pflag')
  expect(pflag).toMatchObject({ version: 'v1.0.5', replace: { path: 'github.com/spf13/pflag', version: 'v1.0.6-0.20210604000000-d5e0c0615ace' } })
  expect(pflag!.bytes).toBeGreaterThan(100_000)
})

test('a GOPATH build (no module information) is grouped by import path root, and says so', () => {
  const build = buildGoProgram(gopathApp, '1.19', 'amd64', false)
  const attribution = attributeGoBinary(readFileSync(build.binary))!
  expect(attribution.moduleSource).toBe('import-path')
  const modules = new Map(attribution.modules.map((m) => [m.path, m]))
  expect(modules.get('github.com/sirupsen/logrus')).toMatchObject({ kind: 'import-path', version: null })
  expect(modules.get('golang.org/x/sys')).toMatchObject({ kind: 'import-path' })
  expect(modules.get('std')).toMatchObject({ kind: 'std' })
  expect(modules.get('main')).toMatchObject({ kind: 'import-path' })
  expect(total(attribution, attribution.modules)).toBe(readFileSync(build.binary).length)
})
