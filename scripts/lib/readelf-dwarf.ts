// An independent reader of a binary's DWARF for the attribution's oracle
// tests: GNU binutils' `readelf` (its DWARF dumps, its section details with
// the compression headers), whose text output is parsed here. Nothing of the
// product's DWARF reader is used.
import { execFileSync } from 'node:child_process'

const readelf = (binary: string, ...args: string[]) => execFileSync('readelf', [...args, binary], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] })
const num = (text: string) => (text.startsWith('0x') ? parseInt(text, 16) : Number(text))

/** A compilation unit as `readelf --debug-dump=info` shows it. */
export interface ReadelfUnit {
  offset: number
  /** Its bytes in .debug_info: the length field and what it counts. */
  extent: number
  name: string | null
  language: number | null
  stmtList: number | null
  ranges: number | null
  addrBase: number | null
  /** Every DW_AT_ranges and location list offset its entries hold. */
  rangesRefs: number[]
  locationRefs: number[]
  /** Its top-level entries: offset, tag, name. */
  top: { offset: number; tag: string; name: string | null }[]
}

export function readelfUnits(binary: string): ReadelfUnit[] {
  const units: ReadelfUnit[] = []
  let unit: ReadelfUnit | null = null
  let depth = -1
  for (const line of readelf(binary, '--debug-dump=info').split('\n')) {
    let m = /^\s+Compilation Unit @ offset (\S+):/.exec(line)
    if (m) {
      unit = { offset: num(m[1]), extent: 0, name: null, language: null, stmtList: null, ranges: null, addrBase: null, rangesRefs: [], locationRefs: [], top: [] }
      units.push(unit)
      continue
    }
    if (!unit) continue
    if ((m = /^\s+Length:\s+(\S+) \((32|64)-bit\)/.exec(line))) {
      unit.extent = num(m[1]) + (m[2] === '32' ? 4 : 12)
      continue
    }
    if ((m = /^\s*<(\d+)><([0-9a-f]+)>: Abbrev Number: (\d+)(?: \((\w+)\))?/.exec(line))) {
      depth = Number(m[1])
      if (depth === 1 && m[3] !== '0') unit.top.push({ offset: parseInt(m[2], 16), tag: m[4] ?? '', name: null })
      continue
    }
    if (!(m = /^\s+<[0-9a-f]+>\s+(DW_AT_\w+)\s*: (.*)$/.exec(line))) continue
    const [, attr, raw] = m
    const value = raw.replace(/^\((?:indirect|indexed) (?:line )?string, offset: 0x[0-9a-f]+\): /, '').trim()
    if (attr === 'DW_AT_ranges') unit.rangesRefs.push(num(value))
    if (attr === 'DW_AT_location' && value.endsWith('(location list)')) unit.locationRefs.push(num(value.split(' ')[0]))
    if (depth === 0) {
      if (attr === 'DW_AT_name') unit.name = value
      if (attr === 'DW_AT_language') unit.language = num(value.split(/\s/)[0])
      if (attr === 'DW_AT_stmt_list') unit.stmtList = num(value)
      if (attr === 'DW_AT_ranges') unit.ranges = num(value)
      if (attr === 'DW_AT_addr_base') unit.addrBase = num(value)
    } else if (depth === 1 && attr === 'DW_AT_name' && unit.top.length > 0 && unit.top[unit.top.length - 1].name === null) unit.top[unit.top.length - 1].name = value
  }
  return units
}

/** The line programs of .debug_line: offset → bytes (the length field and what it counts). */
export function readelfLinePrograms(binary: string): Map<number, number> {
  const programs = new Map<number, number>()
  let offset = -1
  for (const line of readelf(binary, '--debug-dump=rawline').split('\n')) {
    const o = /^\s+Offset:\s+(\S+)$/.exec(line)
    if (o) offset = num(o[1])
    const l = /^\s+Length:\s+(\d+)$/.exec(line)
    if (l && offset >= 0) {
      programs.set(offset, Number(l[1]) + 4)
      offset = -1
    }
  }
  return programs
}

/** The FDEs of .debug_frame: the pc each starts at and its bytes. */
export function readelfFrames(binary: string): { pc: number; bytes: number }[] {
  return readelf(binary, '--debug-dump=frames')
    .split('\n')
    .flatMap((line) => {
      const m = /^[0-9a-f]+ ([0-9a-f]+) [0-9a-f]+ FDE cie=[0-9a-f]+ pc=([0-9a-f]+)\.\./.exec(line)
      return m ? [{ pc: parseInt(m[2], 16), bytes: parseInt(m[1], 16) + 4 }] : []
    })
}

/** The lists of a DWARF 4 .debug_loc or .debug_ranges: each list's offset and the first address it covers (its base address when it covers none). */
export function readelfLists(binary: string, kind: 'loc' | 'Ranges'): { offset: number; pc: number }[] {
  const found: { offset: number; pc: number | null; base: number | null }[] = []
  let current: (typeof found)[number] | null = null
  for (const line of readelf(binary, `--debug-dump=${kind}`).split('\n')) {
    const m = /^\s+([0-9a-f]{8}) (?:<End of list>|([0-9a-f]+) ([0-9a-f]+)(.*))$/.exec(line)
    if (!m) continue
    if (!current) found.push((current = { offset: parseInt(m[1], 16), pc: null, base: null }))
    if (m[2] === undefined) current = null
    else if (m[4].includes('(base address)')) current.base ??= parseInt(m[3], 16)
    else current.pc ??= parseInt(m[2], 16)
  }
  return found.map((l) => ({ offset: l.offset, pc: l.pc ?? l.base ?? -1 }))
}

/** The sets of .debug_pubnames or .debug_pubtypes: the unit each indexes and its bytes. */
export function readelfPubSets(binary: string, kind: 'pubnames' | 'pubtypes'): { unit: number; bytes: number }[] {
  const sets: { unit: number; bytes: number }[] = []
  let length = -1
  for (const line of readelf(binary, `--debug-dump=${kind}`).split('\n')) {
    const l = /^\s+Length:\s+(\d+)$/.exec(line)
    if (l) length = Number(l[1])
    const o = /^\s+Offset into \.debug_info section:\s+(\S+)$/.exec(line)
    if (o && length >= 0) sets.push({ unit: num(o[1]), bytes: length + 4 })
  }
  return sets
}

/** Each DWARF section's size in the file and uncompressed (the size its compression header gives), by its `.debug_` name. */
export function dwarfSectionSizes(binary: string): Map<string, { file: number; uncompressed: number }> {
  const sizes = new Map<string, { file: number; uncompressed: number }>()
  let current: { name: string; file: number } | null = null
  // `readelf -t`: the name on one line, type, address, offset and size on the next, then the flags and, for SHF_COMPRESSED, its header.
  for (const line of readelf(binary, '-tW').split('\n')) {
    const name = /^\s+\[\s*\d+\]\s+\.z?(debug_\w+)$/.exec(line)
    if (name) {
      current = { name: `.${name[1]}`, file: -1 }
      continue
    }
    if (!current) continue
    const fields = /^\s+[A-Z_]+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)/.exec(line)
    if (fields && current.file < 0) {
      current.file = parseInt(fields[1], 16)
      sizes.set(current.name, { file: current.file, uncompressed: current.file })
    }
    const zlib = /^\s+ZLIB, ([0-9a-f]+),/.exec(line)
    if (zlib) sizes.get(current.name)!.uncompressed = parseInt(zlib[1], 16)
  }
  // A .zdebug_ section starts with "ZLIB" and its uncompressed size, 8 bytes big-endian.
  for (const [name, s] of sizes) {
    if (!readelf(binary, '-SW').includes(`.z${name.slice(1)} `)) continue
    const head = /^\s+0x[0-9a-f]+ 5a4c4942 ([0-9a-f]{8}) ([0-9a-f]{8})/m.exec(readelf(binary, `--hex-dump=.z${name.slice(1)}`))
    if (head) s.uncompressed = parseInt(head[1], 16) * 2 ** 32 + parseInt(head[2], 16)
  }
  return sizes
}
