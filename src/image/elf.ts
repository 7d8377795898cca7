// The parts of an ELF file the Go binary readers need: the file header, the
// program headers (segments, to map addresses to file offsets), the section
// headers (names, file ranges) and the symbol table. 32- and 64-bit, both
// byte orders. Nothing is copied: everything is read from the file's buffer.

export interface ElfSection {
  name: string
  type: number
  flags: number
  offset: number
  addr: number
  size: number
  /** sh_link (the string table of a symbol table). */
  link: number
}

export interface ElfSegment {
  type: number
  offset: number
  vaddr: number
  filesz: number
}

export interface Elf {
  is64: boolean
  le: boolean
  machine: number
  /** Where the file header, program headers and section headers lie. */
  headerBytes: number
  phoff: number
  phBytes: number
  shoff: number
  shBytes: number
  programs: ElfSegment[]
  sections: ElfSection[]
}

const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46])
export const PT_LOAD = 1
export const SHT_SYMTAB = 2
export const SHT_NOBITS = 8

export function isElf(head: Buffer): boolean {
  return head.length >= 4 && head.subarray(0, 4).equals(ELF_MAGIC)
}

export function parseElf(buf: Buffer): Elf | null {
  if (buf.length < 52 || !isElf(buf)) return null
  const is64 = buf[4] === 2
  const le = buf[5] === 1
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o))
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o))
  const uptr = (o: number) => (is64 ? Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : u32(o))
  const phoff = is64 ? uptr(0x20) : u32(0x1c)
  const shoff = is64 ? uptr(0x28) : u32(0x20)
  const phentsize = u16(is64 ? 0x36 : 0x2a)
  const phnum = u16(is64 ? 0x38 : 0x2c)
  const shentsize = u16(is64 ? 0x3a : 0x2e)
  const shnum = u16(is64 ? 0x3c : 0x30)
  const shstrndx = u16(is64 ? 0x3e : 0x32)
  const programs: ElfSegment[] = []
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize
    if (o + phentsize > buf.length) break
    programs.push(is64 ? { type: u32(o), offset: uptr(o + 8), vaddr: uptr(o + 16), filesz: uptr(o + 32) } : { type: u32(o), offset: u32(o + 4), vaddr: u32(o + 8), filesz: u32(o + 16) })
  }
  const raw: (Omit<ElfSection, 'name'> & { nameOff: number })[] = []
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * shentsize
    if (o + shentsize > buf.length) break
    raw.push(
      is64
        ? { nameOff: u32(o), type: u32(o + 4), flags: uptr(o + 8), addr: uptr(o + 16), offset: uptr(o + 24), size: uptr(o + 32), link: u32(o + 40) }
        : { nameOff: u32(o), type: u32(o + 4), flags: u32(o + 8), addr: u32(o + 12), offset: u32(o + 16), size: u32(o + 20), link: u32(o + 24) }
    )
  }
  const strtab = raw[shstrndx]
  const sections = raw.map(({ nameOff, ...s }) => {
    let name = ''
    if (strtab && strtab.offset + nameOff < buf.length) {
      const start = strtab.offset + nameOff
      const end = buf.indexOf(0, start)
      name = buf.toString('latin1', start, end < 0 ? start : end)
    }
    return { name, ...s }
  })
  return {
    is64,
    le,
    machine: u16(18),
    headerBytes: is64 ? 64 : 52,
    phoff,
    phBytes: programs.length * phentsize,
    shoff,
    shBytes: raw.length * shentsize,
    programs,
    sections
  }
}

/** File offset of a virtual address, through the PT_LOAD segments; -1 outside them. */
export function fileOffset(elf: Elf, addr: number): number {
  const seg = elf.programs.find((p) => p.type === PT_LOAD && addr >= p.vaddr && addr < p.vaddr + p.filesz)
  return seg ? addr - seg.vaddr + seg.offset : -1
}

/** One defined symbol of `.symtab`: its name, address, size and section index. */
export interface ElfSymbol {
  name: string
  value: number
  size: number
  /** STT_FUNC 2, STT_OBJECT 1 … */
  kind: number
  section: number
}

/** The symbols of `.symtab` (none when stripped) defined in a section (containers like `go:func.*` have size 0). */
export function readSymbols(buf: Buffer, elf: Elf, wanted: (kind: number) => boolean = () => true): ElfSymbol[] {
  const symtab = elf.sections.find((s) => s.type === SHT_SYMTAB)
  const strtab = symtab ? elf.sections[symtab.link] : undefined
  if (!symtab || !strtab || symtab.offset + symtab.size > buf.length) return []
  const { is64, le } = elf
  const entsize = is64 ? 24 : 16
  const symbols: ElfSymbol[] = []
  for (let o = symtab.offset + entsize; o + entsize <= symtab.offset + symtab.size; o += entsize) {
    const nameOff = le ? buf.readUInt32LE(o) : buf.readUInt32BE(o)
    const info = buf[is64 ? o + 4 : o + 12]
    const shndx = is64 ? (le ? buf.readUInt16LE(o + 6) : buf.readUInt16BE(o + 6)) : le ? buf.readUInt16LE(o + 14) : buf.readUInt16BE(o + 14)
    const value = is64 ? Number(le ? buf.readBigUInt64LE(o + 8) : buf.readBigUInt64BE(o + 8)) : le ? buf.readUInt32LE(o + 4) : buf.readUInt32BE(o + 4)
    const size = is64 ? Number(le ? buf.readBigUInt64LE(o + 16) : buf.readBigUInt64BE(o + 16)) : le ? buf.readUInt32LE(o + 8) : buf.readUInt32BE(o + 8)
    if (shndx === 0 || shndx >= 0xff00 || !wanted(info & 0xf)) continue
    const start = strtab.offset + nameOff
    const end = buf.indexOf(0, start)
    symbols.push({ name: buf.toString('latin1', start, end < 0 ? start : end), value, size, kind: info & 0xf, section: shndx })
  }
  return symbols
}
