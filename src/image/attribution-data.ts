// The attribution's data side (attribution.ts): funcdata objects (sized by
// the gap to the next one), symbol table objects, and the rows for what no
// package owns (ELF headers, section remainders, gaps between sections).
import { fileOffset, SHT_NOBITS, type Elf, type ElfSymbol } from './elf.js'
import type { PclnFunctions } from './pclntab-funcs.js'
import type { PclntabTable } from './pclntab.js'
import { symbolPackage, unvendored } from './symbol-package.js'
import type { AddNamed, SectionLedger, TallyOf } from './attribution-ledger.js'
import type { UnattributedRow } from '../report/types.js'

/** A gap this large between two funcdata objects is not one object: leave it to the section's remainder. */
const MAX_FUNCDATA = 256 * 1024
/** Funcdata references are packed as value × REFS + index: at most this many (four million). */
const REFS = 2 ** 22
const SHF_EXECINSTR = 4
const STT_OBJECT = 1
const STT_TLS = 6

/** Funcdata bytes to the package of the first function referencing each object; returns the objects' addresses, ascending (null when none were read). */
export function attributeFuncdata(
  buf: Buffer,
  elf: Elf,
  funcs: PclnFunctions,
  packages: (string | null)[],
  symbols: ElfSymbol[],
  table: PclntabTable,
  tableSection: number,
  ledger: SectionLedger,
  tally: TallyOf,
  addNamed: AddNamed
): Float64Array | null {
  const fd = funcs.funcdata
  if (fd.count === 0) return null
  const container = symbols.find((s) => s.name === 'go:func.*' || s.name === 'go.func.*')
  const base = funcs.funcdataRelative ? (container?.value ?? goFuncFromModuledata(buf, elf, table, tableSection)) : 0
  if (base === null) return null
  // One sort of (value, reference) pairs packed in a double: equal values sit together, the first
  // function to reference an object comes first and owns it; the next distinct value bounds its size.
  if (fd.count >= REFS) return null
  let min = Infinity
  for (let k = 0; k < fd.count; k++) if (fd.value[k] < min) min = fd.value[k]
  const packed = new Float64Array(fd.count)
  for (let k = 0; k < fd.count; k++) {
    const rel = fd.value[k] - min
    if (rel >= 2 ** 31) return null
    packed[k] = rel * REFS + k
  }
  packed.sort()
  const regionEnd = container && container.size > 0 ? container.value + container.size : null
  // Before Go 1.18 funcdata objects have symbols of their own: their size is exact.
  const sized = new Map<number, number>()
  for (const sym of symbols) if (sym.kind === STT_OBJECT && sym.size > 0) sized.set(sym.value, sym.size)
  const objects = new Float64Array(packed.length)
  let count = 0
  let lastSection = -1
  let sectionEnd = -1
  for (let j = 0; j < packed.length;) {
    const rel = Math.floor(packed[j] / REFS)
    const owner = fd.owner[packed[j] - rel * REFS]
    let next = j + 1
    while (next < packed.length && Math.floor(packed[next] / REFS) === rel) next++
    const addr = base + min + rel
    const gap = (next < packed.length ? base + min + Math.floor(packed[next] / REFS) : (regionEnd ?? addr)) - addr
    if (addr >= sectionEnd) {
      lastSection = ledger.at(fileOffset(elf, addr))
      const s = elf.sections[lastSection]
      sectionEnd = s ? s.addr + s.size : addr + 1
    }
    const bytes = ledger.take(lastSection, Math.min(sized.get(addr) ?? gap, gap <= MAX_FUNCDATA ? gap : 0))
    const pkg = packages[owner]
    if (pkg) tally(pkg).funcdata += bytes
    else addNamed('functions of no package', 'no-package', bytes)
    objects[count++] = addr
    j = next
  }
  return objects.subarray(0, count)
}

/**
 * The address of go:func.* in a stripped binary, from the runtime's moduledata: it starts with a
 * pointer to the pclntab header (in .noptrdata, or .go.module from Go 1.26); a few words after the section bounds (…, noptrbss, enoptrbss) come
 * `rodata` (the .rodata address) and then `gofunc`. The same order from Go 1.18 to 1.27.
 */
function goFuncFromModuledata(buf: Buffer, elf: Elf, table: PclntabTable, tableSection: number): number | null {
  const pclnSection = elf.sections[tableSection]
  const rodata = elf.sections.find((s) => s.name === '.rodata')
  const noptrbss = elf.sections.find((s) => s.name === '.noptrbss')
  if (!pclnSection || !rodata || !noptrbss) return null
  const { ptr, le } = table
  const header = pclnSection.addr + (table.at - pclnSection.offset)
  const pattern = Buffer.alloc(ptr)
  if (ptr === 8) {
    if (le) pattern.writeBigUInt64LE(BigInt(header))
    else pattern.writeBigUInt64BE(BigInt(header))
  } else if (le) pattern.writeUInt32LE(header)
  else pattern.writeUInt32BE(header)
  const read = (o: number) => (ptr === 8 ? Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : le ? buf.readUInt32LE(o) : buf.readUInt32BE(o))
  for (const section of elf.sections) {
    if (section.type === SHT_NOBITS || section.flags & SHF_EXECINSTR || section === pclnSection || !/data|module/.test(section.name)) continue
    const stop = Math.min(buf.length, section.offset + section.size)
    for (let at = buf.indexOf(pattern, section.offset); at >= 0 && at + 64 * ptr <= stop; at = buf.indexOf(pattern, at + ptr)) {
      if ((at - section.offset) % ptr !== 0) continue
      const words = Array.from({ length: 64 }, (_, i) => read(at + i * ptr))
      const end = words.indexOf(noptrbss.addr + noptrbss.size, 20)
      if (end < 0) continue
      let rodataField = -1
      for (let i = end + 1; i <= end + 16 && i < words.length - 1; i++) if (words[i] === rodata.addr) rodataField = i
      if (rodataField < 0) continue
      const gofunc = words[rodataField + 1]
      if (elf.sections.some((s) => s.type !== SHT_NOBITS && gofunc >= s.addr && gofunc < s.addr + s.size)) return gofunc
    }
  }
  return null
}

/** Data, rodata, noptrdata, type and itab symbols by size; bss symbols as memory only. */
export function attributeSymbols(elf: Elf, symbols: ElfSymbol[], funcdata: Float64Array | null, tableSection: number, ledger: SectionLedger, tally: TallyOf, addNamed: AddNamed): void {
  const objects = symbols
    .filter((s) => (s.kind === STT_OBJECT || s.kind === STT_TLS) && s.size > 0 && s.section !== tableSection && !s.name.endsWith('.*'))
    .filter((s) => !funcdata || !sortedHas(funcdata, s.value))
    .sort((a, b) => a.value - b.value)
  const cursor = new Map<number, number>()
  for (const sym of objects) {
    const section = elf.sections[sym.section]
    if (!section || section.flags & SHF_EXECINSTR) continue
    const pkg = symbolPackage(sym.name)
    if (section.type === SHT_NOBITS) {
      if (pkg) tally(unvendored(pkg)).bss += sym.size
      continue
    }
    const from = Math.max(sym.value, cursor.get(sym.section) ?? 0, section.addr)
    const to = Math.min(sym.value + sym.size, section.addr + section.size)
    if (to <= from) continue
    cursor.set(sym.section, to)
    const bytes = ledger.take(sym.section, to - from)
    if (pkg) tally(unvendored(pkg)).data += bytes
    else addNamed('symbols of no package', 'no-package', bytes)
  }
}

function sortedHas(sorted: Float64Array, value: number): boolean {
  let lo = 0
  let hi = sorted.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] === value) return true
    if (sorted[mid] < value) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/** Rows for the file's layout: headers, each section's unattributed remainder, and the gaps between them. */
export function layoutRows(fileBytes: number, elf: Elf, ledger: SectionLedger): UnattributedRow[] {
  const ranges: { start: number; end: number; name: string; kind: UnattributedRow['kind']; credited: number }[] = []
  const add = (start: number, length: number, name: string, kind: UnattributedRow['kind'], credited = 0) => {
    const end = Math.min(fileBytes, start + length)
    if (end > start) ranges.push({ start, end, name, kind, credited })
  }
  add(0, elf.headerBytes, 'ELF header', 'headers')
  add(elf.phoff, elf.phBytes, 'program headers', 'headers')
  add(elf.shoff, elf.shBytes, 'section headers', 'headers')
  elf.sections.forEach((s, i) => {
    if (s.type !== SHT_NOBITS && s.size > 0) add(s.offset, s.size, s.name || `section ${i}`, 'section', ledger.credited[i])
  })
  ranges.sort((a, b) => a.start - b.start)
  const rows: UnattributedRow[] = []
  let covered = 0
  let gaps = 0
  for (const r of ranges) {
    const start = Math.max(r.start, covered)
    if (start > covered) gaps += start - covered
    const own = Math.max(0, r.end - start)
    covered = Math.max(covered, r.end)
    // What was attributed inside the range left it; the rest is the row (a range cut by an overlap keeps what is left).
    rows.push({ name: r.name, kind: r.kind, bytes: Math.max(0, own - r.credited) })
  }
  gaps += Math.max(0, fileBytes - covered)
  rows.push({ name: 'gaps between sections', kind: 'gap', bytes: gaps })
  return rows.filter((r) => r.bytes > 0)
}
