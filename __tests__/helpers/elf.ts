// Synthetic ELF64 little-endian files for the ELF and pclntab readers: a
// PT_LOAD covering the whole file at vaddr 0x400000, an optional PT_INTERP,
// an optional PT_DYNAMIC (DT_NEEDED, DT_RUNPATH, DT_SONAME, DT_STRTAB), and an
// optional pclntab blob, in a `.gopclntab` section or only findable by its header.

export interface ElfOptions {
  interp?: string
  needed?: string[]
  runpath?: string
  soname?: string
  pclntab?: Buffer
  /** false: the pclntab is in the file but no section names it. */
  pclntabSection?: boolean
  machine?: number
}

const BASE = 0x400000

export function makeElf(options: ElfOptions = {}): Buffer {
  const HEADERS = 64 + 3 * 56
  const parts: Buffer[] = []
  let offset = HEADERS
  const place = (b: Buffer): number => {
    const at = Math.ceil(offset / 16) * 16
    parts.push(Buffer.alloc(at - offset), b)
    offset = at + b.length
    return at
  }
  const interpAt = options.interp ? place(Buffer.from(`${options.interp}\0`)) : -1
  // The dynamic string table and section.
  const strings: string[] = ['']
  const str = (s: string) => {
    const off = Buffer.byteLength(strings.join('\0')) + 1
    strings.push(s)
    return off
  }
  const tags: [number, number][] = []
  for (const lib of options.needed ?? []) tags.push([1, str(lib)])
  if (options.runpath) tags.push([29, str(options.runpath)])
  if (options.soname) tags.push([14, str(options.soname)])
  const hasDynamic = tags.length > 0
  const strtab = Buffer.from(strings.join('\0') + '\0')
  const strtabAt = hasDynamic ? place(strtab) : -1
  tags.push([5, BASE + strtabAt], [0, 0])
  const dynamic = Buffer.alloc(tags.length * 16)
  tags.forEach(([t, v], i) => {
    dynamic.writeBigInt64LE(BigInt(t), i * 16)
    dynamic.writeBigUInt64LE(BigInt(v), i * 16 + 8)
  })
  const dynamicAt = hasDynamic ? place(dynamic) : -1
  const pclntabAt = options.pclntab ? place(options.pclntab) : -1
  const names = ['', '.shstrtab', ...(options.pclntab && options.pclntabSection !== false ? ['.gopclntab'] : [])]
  const shstrtab = Buffer.from(names.join('\0') + '\0')
  const shstrtabAt = place(shstrtab)
  offset = Math.ceil(offset / 8) * 8
  const shoff = offset
  const body = Buffer.concat(parts)
  const buf = Buffer.alloc(shoff + names.length * 64)
  body.copy(buf, HEADERS)
  buf.write('\x7fELF', 0, 'latin1')
  buf[4] = 2
  buf[5] = 1
  buf[6] = 1
  buf.writeUInt16LE(2, 16)
  buf.writeUInt16LE(options.machine ?? 62, 18)
  buf.writeBigUInt64LE(64n, 0x20)
  buf.writeBigUInt64LE(BigInt(shoff), 0x28)
  buf.writeUInt16LE(64, 0x34)
  buf.writeUInt16LE(56, 0x36)
  const programs: [number, number, number][] = [[1, 0, buf.length]]
  if (interpAt >= 0) programs.push([3, interpAt, Buffer.byteLength(options.interp!) + 1])
  if (dynamicAt >= 0) programs.push([2, dynamicAt, dynamic.length])
  buf.writeUInt16LE(programs.length, 0x38)
  programs.forEach(([type, off, size], i) => {
    const o = 64 + i * 56
    buf.writeUInt32LE(type, o)
    buf.writeBigUInt64LE(BigInt(off), o + 8)
    buf.writeBigUInt64LE(BigInt(BASE + off), o + 16)
    buf.writeBigUInt64LE(BigInt(size), o + 32)
  })
  buf.writeUInt16LE(64, 0x3a)
  buf.writeUInt16LE(names.length, 0x3c)
  buf.writeUInt16LE(1, 0x3e)
  const section = (i: number, name: string, type: number, off: number, size: number) => {
    const o = shoff + i * 64
    buf.writeUInt32LE(shstrtab.indexOf(Buffer.from(`\0${name}\0`)) + 1, o)
    buf.writeUInt32LE(type, o + 4)
    buf.writeBigUInt64LE(BigInt(off), o + 24)
    buf.writeBigUInt64LE(BigInt(size), o + 32)
  }
  section(1, '.shstrtab', 3, shstrtabAt, shstrtab.length)
  if (names.includes('.gopclntab')) section(2, '.gopclntab', 1, pclntabAt, options.pclntab!.length)
  return buf
}

/**
 * A pclntab holding `names`: Go 1.18+ and 1.16 keep the names together in
 * funcnametab (offsets in the header); Go 1.2 points at each name from a
 * function record reached through the function table.
 */
export function makePclntab(names: string[], format: 'go1.20' | 'go1.18' | 'go1.16' | 'go1.2'): Buffer {
  const ptr = 8
  const magic = { 'go1.20': 0xfffffff1, 'go1.18': 0xfffffff0, 'go1.16': 0xfffffffa, 'go1.2': 0xfffffffb }[format]
  const header = (words: number[]) => {
    const h = Buffer.alloc(8 + words.length * ptr)
    h.writeUInt32LE(magic, 0)
    h[6] = 1
    h[7] = ptr
    words.forEach((w, i) => h.writeBigUInt64LE(BigInt(w), 8 + i * ptr))
    return h
  }
  const nameBytes = Buffer.from(names.map((n) => `${n}\0`).join(''))
  if (format !== 'go1.2') {
    const wordCount = format === 'go1.16' ? 7 : 8
    const nameOff = 8 + wordCount * ptr
    const cuOff = nameOff + nameBytes.length
    const words = format === 'go1.16' ? [names.length, 0, nameOff, cuOff, cuOff, cuOff, cuOff] : [names.length, 0, 0x401000, nameOff, cuOff, cuOff, cuOff, cuOff]
    return Buffer.concat([header(words), nameBytes, Buffer.alloc(16)])
  }
  // Go 1.2: nfunc, then (pc, funcoff) pairs, then the func records (entry, nameoff), then the names.
  const tableEnd = 8 + ptr + names.length * 2 * ptr + ptr
  const recordsAt = tableEnd
  const namesAt = recordsAt + names.length * 16
  const table = Buffer.alloc(namesAt)
  table.writeUInt32LE(magic, 0)
  table[6] = 1
  table[7] = ptr
  table.writeBigUInt64LE(BigInt(names.length), 8)
  let nameOffset = namesAt
  names.forEach((n, i) => {
    table.writeBigUInt64LE(BigInt(0x401000 + i * 16), 8 + ptr + 2 * i * ptr)
    table.writeBigUInt64LE(BigInt(recordsAt + i * 16), 8 + ptr + (2 * i + 1) * ptr)
    table.writeBigUInt64LE(BigInt(0x401000 + i * 16), recordsAt + i * 16)
    table.writeInt32LE(nameOffset, recordsAt + i * 16 + ptr)
    nameOffset += Buffer.byteLength(n) + 1
  })
  return Buffer.concat([table, nameBytes])
}
