// DWARF as a source of the attribution (attribution.ts), when the binary has
// it (built without -w): often a fifth of an unstripped file. Go's compiler
// makes one compilation unit per package (and one per assembly file), named by
// the import path, and its linker writes each unit's share of the sections
// one unit after the other. So:
//   .debug_info     each unit's extent to its package; the types, which the
//                   linker moves into runtime's unit, to the package their
//                   name gives (builtin and literal types stay runtime's)
//   .debug_line     each unit's line program (DW_AT_stmt_list)
//   .debug_frame    each FDE to the package of the function its pc is in
//   .debug_ranges/.debug_loc (DWARF 4)  each list to the package of the
//                   function at its base address (a unit's own range list
//                   to the unit's package)
//   .debug_rnglists/.debug_loclists/.debug_addr (DWARF 5, Go 1.25+: lists
//                   name addresses by index into their unit's table): from a
//                   unit's DW_AT_ranges, first location list, DW_AT_addr_base
//                   to the next unit's
//   .debug_pubnames/.debug_pubtypes each set to its unit's package
// What no unit owns (.debug_abbrev, section headers, CIEs, other compilers'
// units, .debug_str) stays in the section's named row.
import { dwarfSection, frameEntries, lists, readUnits, unitLength, walkUnit, type DwarfStrings, type DwarfUnit } from './dwarf-read.js'
import { symbolPackage, unvendored } from './symbol-package.js'
import type { Elf } from './elf.js'
import type { SectionLedger, TallyOf } from './attribution-ledger.js'

/** One DWARF section's uncompressed bytes by package. */
export interface DwarfExtents {
  /** The ELF section's index. */
  section: number
  /** Its `.debug_` name (a `.zdebug_` section is named as it would be uncompressed). */
  name: string
  /** Its uncompressed size. */
  size: number
  packages: Map<string, number>
}

const DW_LANG_GO = 0x16
/** Tags of type entries (array, enumeration, pointer, string, structure, subroutine, typedef, union, base, const, interface, unspecified…). */
const TYPE_TAGS = new Set([0x01, 0x04, 0x0f, 0x10, 0x12, 0x13, 0x15, 0x16, 0x17, 0x1f, 0x24, 0x26, 0x35, 0x38, 0x3b, 0x42])

/** Each DWARF section's bytes by package; empty when the binary has no readable `.debug_info`. */
export function dwarfExtents(buf: Buffer, elf: Elf, packageAt: (pc: number) => string | null): DwarfExtents[] {
  const read = readInfo(buf, elf)
  if (!read) return []
  const { units, packages, locationStarts } = read
  const result: DwarfExtents[] = [read.info]
  const v5 = units.some((u) => u.version >= 5)
  const section = (name: string, attribute: (data: Buffer, bytes: Map<string, number>) => void) => {
    const found = dwarfSection(buf, elf, name)
    if (!found) return
    const bytes = new Map<string, number>()
    attribute(found.data, bytes)
    result.push({ section: found.index, name, size: found.data.length, packages: bytes })
  }
  section('.debug_line', (data, bytes) => {
    const seen = new Set<number>()
    units.forEach((unit, i) => {
      if (unit.stmtList === null || packages[i] === null || seen.has(unit.stmtList)) return
      seen.add(unit.stmtList)
      add(bytes, packages[i], unitLength(data, unit.stmtList, elf.le))
    })
  })
  const addrSize = units[0]?.addrSize ?? (elf.is64 ? 8 : 4)
  section('.debug_frame', (data, bytes) => frameEntries(data, elf.le, addrSize, (pc, n) => add(bytes, packageAt(pc), n)))
  if (v5) {
    // Go's linker writes each unit's lists after the previous unit's, its own range list first.
    const unitStarts = (field: 'ranges' | 'addrBase'): Start[] => units.flatMap((u, i) => (u[field] === null ? [] : [{ start: u[field], pkg: packages[i] }]))
    const fromStarts = (starts: Start[]) => (data: Buffer, bytes: Map<string, number>) => shareBetween(starts, data.length, bytes)
    section('.debug_rnglists', fromStarts(unitStarts('ranges')))
    section('.debug_loclists', fromStarts(locationStarts))
    section('.debug_addr', fromStarts(unitStarts('addrBase')))
  } else {
    // A function's list starts with its base address: the package of the function there. A unit's own
    // list is its package's; a list without a base address is of the unit of the list before it.
    const unitLists = new Map(units.flatMap((u, i) => (u.ranges === null ? [] : [[u.ranges, packages[i]] as const])))
    const byList = (expressions: boolean, own: Map<number, string | null>) => (data: Buffer, bytes: Map<string, number>) => {
      let previous: string | null = null
      lists(data, elf.le, addrSize, expressions, (offset, n, pc) => {
        const pkg = own.has(offset) ? own.get(offset)! : pc >= 0 ? packageAt(pc) : previous
        add(bytes, pkg, n)
        previous = pkg
      })
    }
    section('.debug_ranges', byList(false, unitLists))
    section('.debug_loc', byList(true, new Map()))
  }
  const unitAt = new Map(units.map((u, i) => [u.offset, packages[i]]))
  for (const name of ['.debug_pubnames', '.debug_pubtypes']) section(name, (data, bytes) => sets(data, elf.le, (infoOffset, n) => add(bytes, unitAt.get(infoOffset) ?? null, n)))
  return result
}

/**
 * The units of .debug_info and its bytes by package, and where each unit's location lists start
 * (version 5: its lists name their addresses by index into the unit's table, so they are split
 * between units). The inflated section is let go on return.
 */
function readInfo(buf: Buffer, elf: Elf): { info: DwarfExtents; units: DwarfUnit[]; packages: (string | null)[]; locationStarts: Start[] } | null {
  const abbrev = dwarfSection(buf, elf, '.debug_abbrev')
  const info = abbrev && dwarfSection(buf, elf, '.debug_info')
  if (!abbrev || !info) return null
  const stringSections = new Map<number, Buffer | null>()
  const strings: DwarfStrings = (form, offset) => {
    if (!stringSections.has(form)) stringSections.set(form, dwarfSection(buf, elf, form === 0x1f ? '.debug_line_str' : '.debug_str')?.data ?? null)
    const data = stringSections.get(form)
    return data && offset < data.length ? data.toString('utf8', offset, data.indexOf(0, offset)) : null
  }
  const units = readUnits(info.data, abbrev.data, elf.le, strings)
  const packages = units.map(unitPackage)
  const bytes = new Map<string, number>()
  const hasLocations = units.some((u) => u.version >= 5) && elf.sections.some((s) => s.name === '.debug_loclists')
  const locationStarts: Start[] = []
  units.forEach((unit, i) => {
    const pkg = packages[i]
    const holdsTypes = pkg === 'runtime'
    const walked = hasLocations || holdsTypes ? walkUnit(info.data, elf.le, unit, holdsTypes) : null
    if (walked?.firstLocation != null) locationStarts.push({ start: walked.firstLocation, pkg })
    if (!pkg) return
    let own = unit.end - unit.offset
    const top = walked?.top ?? []
    for (let k = 0; k < top.length; k++) {
      const typePkg = TYPE_TAGS.has(top[k].tag) && top[k].name ? symbolPackage(`type:${top[k].name}`) : null
      if (!typePkg || unvendored(typePkg) === pkg) continue
      const extent = (k + 1 < top.length ? top[k + 1].offset : unit.end) - top[k].offset
      add(bytes, unvendored(typePkg), extent)
      own -= extent
    }
    add(bytes, pkg, own)
  })
  return { info: { section: info.index, name: '.debug_info', size: info.data.length, packages: bytes }, units, packages, locationStarts }
}

/** A unit's package: its name, for Go's units (other compilers' units, in cgo binaries, are no package's). */
function unitPackage(unit: DwarfUnit): string | null {
  if (!unit.name || (unit.language !== null && unit.language !== DW_LANG_GO)) return null
  return unvendored(unit.name)
}

interface Start {
  start: number
  pkg: string | null
}

/** Each package's bytes between its start and the next start (the last one's to the end). */
function shareBetween(starts: Start[], size: number, bytes: Map<string, number>): void {
  const sorted = [...starts].sort((a, b) => a.start - b.start)
  for (let i = 0; i < sorted.length; i++) {
    const end = Math.min(size, i + 1 < sorted.length ? sorted[i + 1].start : size)
    if (end > sorted[i].start) add(bytes, sorted[i].pkg, end - sorted[i].start)
  }
}

/** The sets of `.debug_pubnames`/`.debug_pubtypes`: each names the unit it indexes. */
function sets(data: Buffer, le: boolean, each: (infoOffset: number, bytes: number) => void): void {
  for (let at = 0; at < data.length;) {
    const length = unitLength(data, at, le)
    if (length === 0) break
    const wide = data.readUInt32LE(at) === 0xffffffff
    const field = at + (wide ? 12 : 4) + 2
    const infoOffset = wide ? Number(le ? data.readBigUInt64LE(field) : data.readBigUInt64BE(field)) : le ? data.readUInt32LE(field) : data.readUInt32BE(field)
    each(infoOffset, length)
    at += length
  }
}

function add(bytes: Map<string, number>, pkg: string | null, n: number): void {
  if (pkg !== null && n > 0) bytes.set(pkg, (bytes.get(pkg) ?? 0) + n)
}

/**
 * DWARF bytes to packages, as file bytes: a compressed section's file bytes (zlib, as Go writes
 * them) are shared out in proportion to the packages' uncompressed extents, since compressed bytes
 * cannot be traced to what they hold. Returns whether any byte was attributed.
 */
export function attributeDwarf(buf: Buffer, elf: Elf, packageAt: (pc: number) => string | null, ledger: SectionLedger, tally: TallyOf): boolean {
  let used = false
  for (const extents of dwarfExtents(buf, elf, packageAt)) {
    const fileBytes = elf.sections[extents.section].size
    let extent = 0
    let given = 0
    for (const [pkg, bytes] of extents.packages) {
      extent += bytes
      // Cumulative shares, rounded down: the packages never get more than the section's file bytes.
      const upTo = Math.floor(fileBytes * Math.min(1, extent / extents.size))
      const taken = ledger.take(extents.section, upTo - given)
      given = upTo
      if (taken <= 0) continue
      tally(pkg).debug += taken
      used = true
    }
  }
  return used
}
