// DWARF as a source of the attribution, against an independent reader (GNU
// binutils: readelf's dumps, objcopy's inflated sizes: scripts/lib/readelf-dwarf.ts)
// and `go tool nm` for the package of a pc, on unstripped real builds of four
// toolchains (zlib-compressed `.zdebug_*` from Go 1.15; SHF_COMPRESSED
// DWARF 4 from 1.19 and 1.24; DWARF 5 from 1.27), amd64 and arm64:
// .debug_info by unit extent (types by their name's package), .debug_line by
// line program, .debug_frame by FDE, location and range lists, address tables
// and pubnames sets, each exactly; and each package's DWARF file bytes as its
// share of each section's.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { attributeGoBinary } from '../../src/image/attribution.js'
import { dwarfExtents, type DwarfExtents } from '../../src/image/attribution-dwarf.js'
import { parseElf } from '../../src/image/elf.js'
import { symbolPackage, unvendored } from '../../src/image/symbol-package.js'
import type { BinaryAttribution } from '../../src/report/types.js'
import { buildGoProgram, goToolNm, type GoBuild } from '../../scripts/lib/go-build.js'
import { dwarfSectionSizes, readelfFrames, readelfLinePrograms, readelfLists, readelfPubSets, readelfUnits, type ReadelfUnit } from '../../scripts/lib/readelf-dwarf.js'
import { cobraOnly, greeter } from '../helpers/go-programs.js'

type Bytes = Map<string, number>
const add = (bytes: Bytes, pkg: string | null, n: number) => {
  if (pkg !== null && n > 0) bytes.set(pkg, (bytes.get(pkg) ?? 0) + n)
}
const sorted = (bytes: Bytes | undefined) => [...(bytes ?? new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b))

/** The package of the function holding a pc, from `go tool nm -size`'s text symbols. */
function nmPackageAt(build: GoBuild): (pc: number) => string | null {
  const text = goToolNm(build)
    .filter((s) => 'Tt'.includes(s.kind) && s.size > 0)
    .sort((a, b) => a.addr - b.addr)
  return (pc) => {
    let lo = 0
    let hi = text.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (text[mid].addr > pc) hi = mid - 1
      else if (text[mid].addr + text[mid].size <= pc) lo = mid + 1
      else {
        const pkg = symbolPackage(text[mid].name)
        return pkg === null ? null : unvendored(pkg)
      }
    }
    return null
  }
}

const unitPackage = (u: ReadelfUnit) => (u.name && (u.language === null || u.language === 22) ? unvendored(u.name) : null)

/** .debug_info: each Go unit's extent; in runtime's unit, each top-level type entry to the package its name gives. */
function expectedInfo(units: ReadelfUnit[]): Bytes {
  const bytes: Bytes = new Map()
  for (const u of units) {
    const pkg = unitPackage(u)
    if (!pkg) continue
    let own = u.extent
    if (pkg === 'runtime') {
      u.top.forEach((entry, k) => {
        const typePkg = /^DW_TAG_(\w+_type|typedef)$/.test(entry.tag) && entry.name ? symbolPackage(`type:${entry.name}`) : null
        if (!typePkg || unvendored(typePkg) === pkg) return
        const extent = (u.top[k + 1]?.offset ?? u.offset + u.extent) - entry.offset
        add(bytes, unvendored(typePkg), extent)
        own -= extent
      })
    }
    add(bytes, pkg, own)
  }
  return bytes
}

/** A section split at each unit's first reference into it; every reference of a unit must lie in its own span. */
function expectedByUnitStarts(units: ReadelfUnit[], start: (u: ReadelfUnit) => number | null, refs: (u: ReadelfUnit) => number[], size: number): Bytes {
  const starts = units.flatMap((u) => (start(u) === null ? [] : [{ at: start(u)!, u }])).sort((a, b) => a.at - b.at)
  const bytes: Bytes = new Map()
  starts.forEach(({ at, u }, i) => {
    const end = starts[i + 1]?.at ?? size
    for (const ref of refs(u)) if (ref < at || ref >= end) throw new Error(`unit at ${u.offset} (${u.name}) refers to ${ref}, outside its span ${at}..${end}`)
    add(bytes, unitPackage(u), end - at)
  })
  return bytes
}

const BUILDS = ['1.15', '1.19', '1.24', '1.27'].flatMap((minor) => (['amd64', 'arm64'] as const).map((arch) => [minor, arch] as const))

describe.each(BUILDS)('Go %s %s: DWARF', (minor, arch) => {
  let build: GoBuild
  let units: ReadelfUnit[]
  let sizes: Map<string, { file: number; uncompressed: number }>
  let ours: Map<string, DwarfExtents>
  let attribution: BinaryAttribution
  let packageAt: (pc: number) => string | null
  beforeAll(() => {
    // binutils: readelf and objcopy.
    execFileSync('bash', ['scripts/test-deps.sh'], { stdio: ['ignore', 'ignore', 'inherit'] })
    build = buildGoProgram(minor === '1.15' ? cobraOnly : greeter, minor, arch, false)
    const buf = readFileSync(build.binary)
    packageAt = nmPackageAt(build)
    ours = new Map(dwarfExtents(buf, parseElf(buf)!, packageAt).map((e) => [e.name, e]))
    attribution = attributeGoBinary(buf)!
    units = readelfUnits(build.binary)
    sizes = dwarfSectionSizes(build.binary)
  })
  const size = (name: string) => sizes.get(name)!.uncompressed

  test('the sections are read uncompressed, at the sizes objcopy inflates them to', () => {
    expect(ours.size).toBeGreaterThanOrEqual(5)
    for (const [name, e] of ours) expect([name, e.size]).toEqual([name, size(name)])
    // Go compresses its DWARF: .zdebug_* before 1.20 on our toolchains' 1.15, SHF_COMPRESSED after.
    expect(sizes.get('.debug_info')!.file).toBeLessThan(size('.debug_info') / 2)
  })

  test(".debug_info: each package's bytes are its units' extents; the types in runtime's unit go to their name's package", () => {
    const expected = expectedInfo(units)
    expect(units.length).toBeGreaterThan(40)
    expect(expected.get('github.com/spf13/cobra')).toBeGreaterThan(10_000)
    expect(sorted(ours.get('.debug_info')?.packages)).toEqual(sorted(expected))
  })

  test('.debug_line: each unit’s line program', () => {
    const programs = readelfLinePrograms(build.binary)
    const expected: Bytes = new Map()
    const seen = new Set<number>()
    for (const u of units) {
      if (u.stmtList === null || seen.has(u.stmtList) || !unitPackage(u)) continue
      seen.add(u.stmtList)
      add(expected, unitPackage(u), programs.get(u.stmtList) ?? 0)
    }
    expect(seen.size).toBeGreaterThan(40)
    expect(sorted(ours.get('.debug_line')?.packages)).toEqual(sorted(expected))
  })

  test('.debug_frame: each FDE to the package of the function at its pc', () => {
    const expected: Bytes = new Map()
    const frames = readelfFrames(build.binary)
    for (const f of frames) add(expected, packageAt(f.pc), f.bytes)
    expect(frames.length).toBeGreaterThan(1000)
    expect(sorted(ours.get('.debug_frame')?.packages)).toEqual(sorted(expected))
  })

  test('range and location lists: to the package of the function they cover (DWARF 4), or between units (DWARF 5)', () => {
    const v5 = minor === '1.27'
    if (v5) {
      const rnglists = expectedByUnitStarts(
        units,
        (u) => u.ranges,
        (u) => u.rangesRefs,
        size('.debug_rnglists')
      )
      const first = (u: ReadelfUnit) => (u.locationRefs.length > 0 ? Math.min(...u.locationRefs) : null)
      const loclists = expectedByUnitStarts(units, first, (u) => u.locationRefs, size('.debug_loclists'))
      const addr = expectedByUnitStarts(
        units,
        (u) => u.addrBase,
        () => [],
        size('.debug_addr')
      )
      expect(sorted(ours.get('.debug_rnglists')?.packages)).toEqual(sorted(rnglists))
      expect(sorted(ours.get('.debug_loclists')?.packages)).toEqual(sorted(loclists))
      expect(sorted(ours.get('.debug_addr')?.packages)).toEqual(sorted(addr))
      expect(loclists.get('github.com/spf13/cobra')).toBeGreaterThan(1000)
      return
    }
    for (const [kind, name] of [
      ['loc', '.debug_loc'],
      ['Ranges', '.debug_ranges']
    ] as const) {
      const lists = readelfLists(build.binary, kind).sort((a, b) => a.offset - b.offset)
      const expected: Bytes = new Map()
      // A unit's own range list is its package's (an assembly unit's first function may be another package's).
      const unitLists = new Map(units.flatMap((u) => (u.ranges === null ? [] : [[u.ranges, unitPackage(u)] as const])))
      let previous: string | null = null
      lists.forEach((l, i) => {
        const pkg = kind === 'Ranges' && unitLists.has(l.offset) ? unitLists.get(l.offset)! : l.pc >= 0 ? packageAt(l.pc) : previous
        add(expected, pkg, (lists[i + 1]?.offset ?? size(name)) - l.offset)
        previous = pkg
      })
      expect(lists.length).toBeGreaterThan(1000)
      expect([name, sorted(ours.get(name)?.packages)]).toEqual([name, sorted(expected)])
    }
  })

  test('pubnames and pubtypes sets (Go before 1.16) to their unit’s package', () => {
    const unitAt = new Map(units.map((u) => [u.offset, unitPackage(u)]))
    for (const kind of ['pubnames', 'pubtypes'] as const) {
      const expected: Bytes = new Map()
      for (const set of readelfPubSets(build.binary, kind)) add(expected, unitAt.get(set.unit) ?? null, set.bytes)
      expect(sorted(ours.get(`.debug_${kind}`)?.packages)).toEqual(sorted(expected))
      if (minor === '1.15') expect(expected.size).toBeGreaterThan(10)
    }
  })

  test("each package's DWARF bytes are its share of each section's file bytes, by uncompressed extent; the rows add up", () => {
    const expected: Bytes = new Map()
    let dwarfFileBytes = 0
    for (const [name, s] of sizes) {
      dwarfFileBytes += s.file
      for (const [pkg, extent] of ours.get(name)?.packages ?? []) add(expected, pkg, (s.file * extent) / s.uncompressed)
    }
    const debug = new Map(attribution.packages.map((p) => [p.path, p.debug]))
    for (const [pkg, bytes] of expected) {
      // Rounding: under one byte per section; the pc of a frame or a list is the pclntab's function here, nm's in the oracle.
      if (Math.abs((debug.get(pkg) ?? 0) - bytes) > Math.max(sizes.size, 0.01 * bytes)) throw new Error(`${pkg}: ${debug.get(pkg) ?? 0} DWARF bytes, expected ${Math.round(bytes)}`)
    }
    const attributed = attribution.packages.reduce((s, p) => s + p.debug, 0)
    expect(attributed).toBeGreaterThan(0.97 * dwarfFileBytes)
    expect(attributed).toBeLessThanOrEqual(dwarfFileBytes)
    expect(attribution.sources).toContain('dwarf')
    expect(attribution.packages.reduce((s, p) => s + p.bytes, 0) + attribution.unattributed.reduce((s, r) => s + r.bytes, 0)).toBe(attribution.fileBytes)
    for (const m of attribution.modules) expect(m.debug).toBe(attribution.packages.filter((p) => p.module === m.path).reduce((s, p) => s + p.debug, 0))
  })
})
