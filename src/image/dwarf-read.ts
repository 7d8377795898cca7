// The little of DWARF the attribution needs (attribution-dwarf.ts): a
// section's bytes (inflated when the linker compressed it: SHF_COMPRESSED
// with a zlib header, or `.zdebug_*` with "ZLIB" and a size, as Go before
// 1.20 wrote), the compilation units' headers and their first entry (name,
// language, line program, range list, address table), and one walk over a
// unit's entries for its first location list and its top-level entries.
// Versions 2 to 5, 32- and 64-bit DWARF, both byte orders.
import zlib from 'node:zlib'
import { SHT_NOBITS, type Elf } from './elf.js'

const SHF_COMPRESSED = 0x800
const ELFCOMPRESS_ZLIB = 1
/** DWARF compresses 3 to 10 times: a header that claims much more is not believed (a bomb costs no memory). */
const MAX_RATIO = 64

/** The uncompressed bytes of a DWARF section (by its `.debug_` name, `.zdebug_` too), with its section index; null when absent or unreadable (zstd). */
export function dwarfSection(buf: Buffer, elf: Elf, name: string): { index: number; data: Buffer } | null {
  const index = elf.sections.findIndex((s) => s.type !== SHT_NOBITS && (s.name === name || s.name === name.replace(/^\.debug_/, '.zdebug_')))
  const s = elf.sections[index]
  if (!s || s.offset + s.size > buf.length) return null
  const raw = buf.subarray(s.offset, s.offset + s.size)
  let size: number
  let stream: Buffer
  if (s.flags & SHF_COMPRESSED) {
    const u32 = (o: number) => (elf.le ? raw.readUInt32LE(o) : raw.readUInt32BE(o))
    const header = elf.is64 ? 24 : 12
    if (raw.length < header || u32(0) !== ELFCOMPRESS_ZLIB) return null
    // Elf64_Chdr: type, reserved, a 64-bit size; Elf32_Chdr: type, a 32-bit size.
    size = !elf.is64 ? u32(4) : elf.le ? u32(8) + u32(12) * 2 ** 32 : u32(12) + u32(8) * 2 ** 32
    stream = raw.subarray(header)
  } else if (s.name.startsWith('.zdebug_')) {
    if (raw.length < 12 || raw.toString('latin1', 0, 4) !== 'ZLIB') return null
    size = raw.readUInt32BE(4) * 2 ** 32 + raw.readUInt32BE(8)
    stream = raw.subarray(12)
  } else return { index, data: raw }
  if (size === 0 || size > MAX_RATIO * stream.length + 65536) return null
  try {
    // One output chunk of the announced size: no concatenation of many small ones.
    const data = zlib.inflateSync(stream, { chunkSize: Math.max(64, size), maxOutputLength: size })
    return data.length === size ? { index, data } : null
  } catch {
    return null
  }
}

/** A cursor over one section's bytes. */
class Reader {
  constructor(
    readonly b: Buffer,
    public p: number,
    readonly le: boolean
  ) {}
  u8(): number {
    return this.b[this.p++]
  }
  // Byte arithmetic rather than Buffer's readers: no argument checks on the hot path (millions of list entries).
  u16(): number {
    const b = this.b
    const p = (this.p += 2) - 2
    return this.le ? b[p] + b[p + 1] * 256 : b[p] * 256 + b[p + 1]
  }
  u32(): number {
    const b = this.b
    const p = (this.p += 4) - 4
    return this.le ? b[p] + b[p + 1] * 0x100 + b[p + 2] * 0x10000 + b[p + 3] * 0x1000000 : b[p] * 0x1000000 + b[p + 1] * 0x10000 + b[p + 2] * 0x100 + b[p + 3]
  }
  /** A value of 1, 2, 4 or 8 bytes (no other size is asked for) (8-byte values beyond 2^53 lose their low bits: offsets and addresses never get there). */
  uint(size: number): number {
    if (size === 1) return this.u8()
    if (size === 2) return this.u16()
    if (size === 4) return this.u32()
    const a = this.u32()
    const b = this.u32()
    return this.le ? a + b * 2 ** 32 : b + a * 2 ** 32
  }
  uleb(): number {
    let v = 0
    let mul = 1
    let byte: number
    do {
      byte = this.b[this.p++]
      v += (byte & 0x7f) * mul
      mul *= 128
    } while (byte & 0x80 && this.p < this.b.length)
    return v
  }
  skipLeb(): void {
    while (this.b[this.p++] & 0x80 && this.p < this.b.length);
  }
}

/** One abbreviation: the entry's tag, whether it has children, its attributes' names and forms. */
interface Abbrev {
  tag: number
  children: boolean
  names: number[]
  forms: number[]
}

/** The abbreviation table at `offset`, by code. */
function readAbbrevs(abbrev: Buffer, offset: number): Abbrev[] {
  const r = new Reader(abbrev, offset, true)
  const table: Abbrev[] = []
  while (r.p < abbrev.length) {
    const code = r.uleb()
    if (code === 0) break
    const entry: Abbrev = { tag: r.uleb(), children: r.u8() === 1, names: [], forms: [] }
    for (;;) {
      const name = r.uleb()
      const form = r.uleb()
      if (name === 0 && form === 0) break
      if (form === FORM.implicit_const) r.skipLeb()
      entry.names.push(name)
      entry.forms.push(form)
    }
    if (code < 1 << 16) table[code] = entry
  }
  return table
}

const FORM = { addr: 0x01, data2: 0x05, data4: 0x06, data8: 0x07, string: 0x08, strp: 0x0e, ref_addr: 0x10, indirect: 0x16, sec_offset: 0x17, implicit_const: 0x21, line_strp: 0x1f }
const AT = { location: 0x02, name: 0x03, stmt_list: 0x10, language: 0x13, frame_base: 0x40, ranges: 0x55, addr_base: 0x73 }
/** Fixed sizes of the forms that have one (0: none); the others are read by skip(). */
const FIXED = new Int8Array(0x2d)
for (const [form, size] of [
  [0x05, 2],
  [0x06, 4],
  [0x07, 8],
  [0x0b, 1],
  [0x0c, 1],
  [0x11, 1],
  [0x12, 2],
  [0x13, 4],
  [0x14, 8],
  [0x19, 0],
  [0x1c, 4],
  [0x1e, 16],
  [0x20, 8],
  [0x21, 0],
  [0x25, 1],
  [0x26, 2],
  [0x27, 3],
  [0x28, 4],
  [0x29, 1],
  [0x2a, 2],
  [0x2b, 3],
  [0x2c, 4]
])
  FIXED[form] = size
const LEB_FORMS = new Set([0x0d, 0x0f, 0x15, 0x1a, 0x1b, 0x22, 0x23, 0x1f01, 0x1f02])
const OFFSET_FORMS = new Set([0x0e, 0x17, 0x1d, 0x1f, 0x1f20, 0x1f21])

/** One compilation unit of `.debug_info`: its extent, header, and the attributes of its first entry the attribution uses. */
export interface DwarfUnit {
  offset: number
  end: number
  version: number
  offsetSize: 4 | 8
  addrSize: number
  abbrevs: Abbrev[]
  /** Where its first entry (the unit's own) starts. */
  entries: number
  name: string | null
  language: number | null
  stmtList: number | null
  ranges: number | null
  addrBase: number | null
}

/** Strings of `.debug_str`/`.debug_line_str` (other compilers' units name themselves there; Go's inline their names). */
export type DwarfStrings = (form: number, offset: number) => string | null

/** Every unit of `.debug_info`, in order, until the first malformed header. */
export function readUnits(info: Buffer, abbrev: Buffer, le: boolean, strings: DwarfStrings): DwarfUnit[] {
  const tables = new Map<number, Abbrev[]>()
  const units: DwarfUnit[] = []
  const r = new Reader(info, 0, le)
  while (r.p + 11 <= info.length) {
    const offset = r.p
    let length = r.u32()
    let offsetSize: 4 | 8 = 4
    if (length === 0xffffffff) {
      length = r.uint(8)
      offsetSize = 8
    } else if (length >= 0xfffffff0) break
    const end = r.p + length
    if (end > info.length || length < 7) break
    const version = r.u16()
    if (version < 2 || version > 5) break
    let addrSize: number
    let abbrevOffset: number
    if (version >= 5) {
      const unitType = r.u8()
      addrSize = r.u8()
      abbrevOffset = r.uint(offsetSize)
      // Skeleton and split units carry an id; type units a signature and an offset.
      if (unitType === 4 || unitType === 5) r.p += 8
      else if (unitType === 2 || unitType === 6) r.p += 8 + offsetSize
    } else {
      abbrevOffset = r.uint(offsetSize)
      addrSize = r.u8()
    }
    let abbrevs = tables.get(abbrevOffset)
    if (!abbrevs) tables.set(abbrevOffset, (abbrevs = abbrevOffset < abbrev.length ? readAbbrevs(abbrev, abbrevOffset) : []))
    const unit: DwarfUnit = { offset, end, version, offsetSize, addrSize, abbrevs, entries: r.p, name: null, language: null, stmtList: null, ranges: null, addrBase: null }
    readUnitEntry(r, unit, strings)
    units.push(unit)
    r.p = end
  }
  return units
}

/** The unit's own entry: its name, language, line program, ranges and address table. */
function readUnitEntry(r: Reader, unit: DwarfUnit, strings: DwarfStrings): void {
  const a = unit.abbrevs[r.uleb()]
  if (!a) return
  for (let k = 0; k < a.names.length && r.p < unit.end; k++) {
    const name = a.names[k]
    let form = a.forms[k]
    if (form === FORM.indirect) form = r.uleb()
    if (name === AT.name && form === FORM.string) {
      const stop = r.b.indexOf(0, r.p)
      unit.name = r.b.toString('utf8', r.p, stop)
      r.p = stop + 1
    } else if (name === AT.name && (form === FORM.strp || form === FORM.line_strp)) unit.name = strings(form, r.uint(unit.offsetSize))
    else if (name === AT.language && (form === 0x0b || form === FORM.data2 || form === FORM.data4)) unit.language = r.uint(FIXED[form])
    else if ((name === AT.stmt_list || name === AT.ranges || name === AT.addr_base) && isOffset(form, unit)) {
      const value = r.uint(form === FORM.sec_offset ? unit.offsetSize : form === FORM.data8 ? 8 : 4)
      if (name === AT.stmt_list) unit.stmtList = value
      else if (name === AT.ranges) unit.ranges = value
      else unit.addrBase = value
    } else skip(r, form, unit)
  }
}

/** A section offset: DW_FORM_sec_offset, or data4/data8 before version 4. */
function isOffset(form: number, unit: DwarfUnit): boolean {
  return form === FORM.sec_offset || (unit.version < 4 && (form === FORM.data4 || form === FORM.data8))
}

/** Moves past one attribute value. */
function skip(r: Reader, form: number, unit: DwarfUnit): void {
  const fixed = form < FIXED.length ? FIXED[form] : 0
  if (fixed > 0) r.p += fixed
  else if (form === FORM.addr) r.p += unit.addrSize
  else if (form === FORM.string) r.p = r.b.indexOf(0, r.p) + 1 || r.b.length
  else if (LEB_FORMS.has(form)) r.skipLeb()
  else if (OFFSET_FORMS.has(form)) r.p += unit.offsetSize
  else if (form === FORM.ref_addr) r.p += unit.version <= 2 ? unit.addrSize : unit.offsetSize
  else if (form === 0x0a || form === 0x03 || form === 0x04 || form === 0x09 || form === 0x18) {
    // block1, block2, block4, block, exprloc: a length, then that many bytes.
    const length = form === 0x0a ? r.u8() : form === 0x03 ? r.u16() : form === 0x04 ? r.u32() : r.uleb()
    r.p += length
  } else if (form === FORM.indirect) skip(r, r.uleb(), unit)
  else if (form !== 0x19 && form !== FORM.implicit_const) r.p = unit.end // unknown: the rest of the unit cannot be read
}

/** A top-level entry of a unit (a child of the unit's own entry). */
export interface TopEntry {
  offset: number
  tag: number
  name: string | null
}

/**
 * One walk over a unit's entries: the first location list it references (its lists come first in
 * `.debug_loc`/`.debug_loclists` after the previous unit's: Go's linker writes them unit by unit),
 * and, when `top` is asked for, its top-level entries (Go's linker puts every type in runtime's unit).
 * Without `top` the walk stops at the first location list.
 */
export function walkUnit(info: Buffer, le: boolean, unit: DwarfUnit, top: boolean): { firstLocation: number | null; top: TopEntry[] } {
  const r = new Reader(info, unit.entries, le)
  const entries: TopEntry[] = []
  let firstLocation: number | null = null
  let depth = 0
  while (r.p < unit.end) {
    const at = r.p
    const code = r.uleb()
    if (code === 0) {
      if (--depth <= 0) break
      continue
    }
    const a = unit.abbrevs[code]
    if (!a) break
    const entry: TopEntry | null = top && depth === 1 ? { offset: at, tag: a.tag, name: null } : null
    if (entry) entries.push(entry)
    for (let k = 0; k < a.forms.length; k++) {
      let form = a.forms[k]
      const name = a.names[k]
      if (form === FORM.indirect) form = r.uleb()
      if (firstLocation === null && (name === AT.location || name === AT.frame_base) && isOffset(form, unit)) {
        firstLocation = r.uint(form === FORM.sec_offset ? unit.offsetSize : form === FORM.data8 ? 8 : 4)
        if (!top) return { firstLocation, top: entries }
      } else if (entry && name === AT.name && form === FORM.string) {
        const stop = r.b.indexOf(0, r.p)
        entry.name = r.b.toString('utf8', r.p, stop)
        r.p = stop + 1
      } else skip(r, form, unit)
    }
    if (a.children) depth++
    else if (depth === 0) break
  }
  return { firstLocation, top: entries }
}

/** The extent of the table that starts at `offset` with a DWARF unit length (a line program, a pubnames set), or 0. */
export function unitLength(data: Buffer, offset: number, le: boolean): number {
  if (offset + 4 > data.length) return 0
  const r = new Reader(data, offset, le)
  const length = r.u32()
  const total = length === 0xffffffff && offset + 12 <= data.length ? 12 + r.uint(8) : length >= 0xfffffff0 ? 0 : 4 + length
  return offset + total <= data.length ? total : 0
}

/** Each frame description entry of `.debug_frame`: its extent and the address it starts at (CIEs are left out). */
export function frameEntries(frame: Buffer, le: boolean, addrSize: number, each: (pc: number, bytes: number) => void): void {
  const r = new Reader(frame, 0, le)
  while (r.p + 4 <= frame.length) {
    const start = r.p
    let length = r.u32()
    const wide = length === 0xffffffff
    if (wide) length = r.uint(8)
    const end = r.p + length
    if (length === 0) continue
    if (end > frame.length || length < (wide ? 8 : 4)) break
    // A CIE's id is all ones (2^64 - 1 reads as 2^64 in a double); an FDE's is its CIE's offset.
    const id = r.uint(wide ? 8 : 4)
    if (id !== (wide ? 2 ** 64 : 0xffffffff) && r.p + addrSize <= end) each(r.uint(addrSize), end - start)
    r.p = end
  }
}

/**
 * The lists of a version 2–4 `.debug_loc` (entries with expressions) or `.debug_ranges`, one after
 * the other: each list's offset, extent, and the address it covers first, or -1 when it has no base
 * address entry before its first entry (then its addresses are relative to its unit's base).
 */
export function lists(data: Buffer, le: boolean, addrSize: number, expressions: boolean, each: (offset: number, bytes: number, pc: number) => void): void {
  const r = new Reader(data, 0, le)
  const address = (): number => (addrSize === 8 ? r.uint(8) : addrSize === 4 ? r.u32() : r.uint(addrSize))
  // The base address selection entry's marker: all ones (2^64 - 1 reads as 2^64 in a double).
  const marker = addrSize === 8 ? 2 ** 64 : 2 ** (8 * addrSize) - 1
  const stop = data.length - 2 * addrSize
  while (r.p <= stop) {
    const offset = r.p
    let base = -1
    let pc = -2
    while (r.p <= stop) {
      const begin = address()
      const end = address()
      if (begin === 0 && end === 0) break
      if (begin === marker) base = end
      else {
        if (pc === -2) pc = base < 0 ? -1 : base + begin
        if (expressions) r.p += 2 + (le ? data[r.p] + data[r.p + 1] * 256 : data[r.p] * 256 + data[r.p + 1])
      }
    }
    each(offset, r.p - offset, pc === -2 ? base : pc)
  }
}
