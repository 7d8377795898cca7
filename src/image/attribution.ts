// Why a Go binary is as big as it is: every byte of the file attributed to a
// package and its module, or to a named row (headers, section remainders,
// padding), so that the rows add up to the file's size exactly.
//
// Sources: the pclntab (kept by `-ldflags="-s -w"`): each function's code in
// .text (its pcsp table's pc span; the alignment padding up to the next
// function is its own row), its record, name and pc-value tables, and the
// funcdata it references (stack maps, inline trees: sized by the gap to the
// next funcdata object). The symbol table when present: data, rodata, bss,
// noptrdata, itab and type symbols by their size (bss takes memory, not file
// bytes, and is reported apart). The build info maps packages to modules
// (`dep` lines, `=>` replacements, the main module, the standard library as
// `std`); without module information (GOPATH builds) packages are grouped by
// their import path's root, and the result says so.
import { parseElf, readSymbols, SHT_NOBITS, type Elf } from './elf.js'
import { readBuildInfoOf } from './gobinary.js'
import { findPclntab } from './pclntab.js'
import { pclntabFunctions, type PclnFunctions } from './pclntab-funcs.js'
import { symbolPackage, unvendored } from './symbol-package.js'
import { emptyTally, SectionLedger, type AddNamed, type Tally, type TallyOf } from './attribution-ledger.js'
import { attributeFuncdata, attributeSymbols, layoutRows } from './attribution-data.js'
import { groupModules } from './attribution-modules.js'
import { attributeDwarf } from './attribution-dwarf.js'
import type { AttributedPackage, BinaryAttribution, UnattributedRow } from '../report/types.js'

/** Attributes every byte of a Go ELF executable; null when `buf` is not one (no ELF, no pclntab). */
export function attributeGoBinary(buf: Buffer): BinaryAttribution | null {
  const elf = parseElf(buf)
  if (!elf) return null
  const table = findPclntab(buf, elf.sections)
  if (!table) return null
  const ledger = new SectionLedger(elf)
  const tableSection = ledger.at(table.at)
  const tableEnd = tableSection >= 0 ? elf.sections[tableSection].offset + elf.sections[tableSection].size : buf.length
  const funcs = pclntabFunctions(buf, table, tableEnd, elf.sections.find((s) => s.name === '.text')?.addr ?? 0)
  if (!funcs) return null
  const info = readBuildInfoOf(buf, elf)
  const tallies = new Map<string, Tally>()
  const named = new Map<string, { kind: UnattributedRow['kind']; bytes: number }>()
  const tally = (pkg: string): Tally => {
    const had = tallies.get(pkg)
    if (had) return had
    const t = emptyTally()
    tallies.set(pkg, t)
    return t
  }
  const addNamed = (name: string, kind: UnattributedRow['kind'], bytes: number) => {
    if (bytes <= 0) return
    const row = named.get(name) ?? { kind, bytes: 0 }
    row.bytes += bytes
    named.set(name, row)
  }
  const packages = functionPackages(buf, funcs)
  attributeFunctions(funcs, packages, elf, ledger, tally, addNamed)
  attributePclntab(buf, funcs, packages, table.at, tableSection, ledger, tally, addNamed)
  // Functions come from the pclntab: only data symbols are read (their names decoded) from the symbol table.
  const symbols = readSymbols(buf, elf, (kind) => kind !== STT_FUNC)
  const fdRange = attributeFuncdata(buf, elf, funcs, packages, symbols, table, tableSection, ledger, tally, addNamed)
  if (symbols.length > 0) attributeSymbols(elf, symbols, fdRange, tableSection, ledger, tally, addNamed)
  const dwarf = attributeDwarf(buf, elf, packageAtPc(funcs, packages), ledger, tally)
  const rows = layoutRows(buf.length, elf, ledger)
  for (const row of rows) addNamed(row.name, row.kind, row.bytes)
  const { modules, moduleSource } = groupModules(tallies, info)
  const unattributed = [...named].map(([name, r]) => ({ name, kind: r.kind, bytes: r.bytes })).sort((a, b) => b.bytes - a.bytes)
  const packageRows: AttributedPackage[] = [...tallies]
    .map(([path, t]) => ({ path, module: modules.find((m) => m.packagePaths.has(path))?.path ?? '', bytes: t.text + t.pcln + t.funcdata + t.data + t.debug, ...t }))
    .sort((a, b) => b.bytes - a.bytes)
  return {
    fileBytes: buf.length,
    sources: ['pclntab', ...(symbols.length > 0 ? (['symtab'] as const) : []), ...(dwarf ? (['dwarf'] as const) : [])],
    stripped: !elf.sections.some((s) => s.name === '.symtab'),
    moduleSource,
    modules: modules.map(({ packagePaths: _unused, ...m }) => m),
    packages: packageRows,
    unattributed
  }
}

const STT_FUNC = 2

/** The package of the function whose code holds `pc` (the functions are in address order). */
function packageAtPc(funcs: PclnFunctions, packages: (string | null)[]): (pc: number) => string | null {
  return (pc) => {
    let lo = 0
    let hi = funcs.count - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (funcs.entry[mid] > pc) hi = mid - 1
      else if (funcs.end[mid] <= pc) lo = mid + 1
      else return packages[mid]
    }
    return null
  }
}

/**
 * The package of each function, by name. Functions of a package sit together, so a name that starts
 * with the previous package's path (as written: `%2e` escaped) and a '.' is of that package: its bytes
 * are compared, not decoded. Other names are decoded and parsed.
 */
function functionPackages(buf: Buffer, funcs: PclnFunctions): (string | null)[] {
  const packages = new Array<string | null>(funcs.count)
  const seen = new Map<string, string>()
  let prefix: Buffer | null = null
  let prefixPackage: string | null = null
  for (let i = 0; i < funcs.count; i++) {
    const at = funcs.nameAt[i]
    if (at < 0) {
      packages[i] = null
      continue
    }
    if (prefix && buf[at + prefix.length] === 0x2e && buf.compare(prefix, 0, prefix.length, at, at + prefix.length) === 0) {
      packages[i] = prefixPackage
      continue
    }
    const name = buf.toString('latin1', at, buf.indexOf(0, at))
    const pkg = symbolPackage(name)
    const path = pkg === null ? null : unvendored(pkg)
    const interned = path === null ? null : (seen.get(path) ?? path)
    if (interned !== null) seen.set(interned, interned)
    packages[i] = interned
    // The next names may share this one's package: remember its path as written, when the name starts with it.
    const written = pkg === null ? -1 : name.indexOf('.', name.lastIndexOf('/', name.includes('[') ? name.indexOf('[') : name.length) + 1)
    const plain = written > 0 && name.slice(0, written).replace(/%2e/gi, '.') === pkg && path === pkg
    prefix = plain ? buf.subarray(at, at + written) : null
    prefixPackage = plain ? interned : null
  }
  return packages
}

/** Code to the function's package; what lies between a function's code and the next entry is padding. */
function attributeFunctions(funcs: PclnFunctions, packages: (string | null)[], elf: Elf, ledger: SectionLedger, tally: TallyOf, addNamed: AddNamed): void {
  // Entries are addresses: map them through the section that holds the first one.
  const text = elf.sections.find((s) => s.type !== SHT_NOBITS && funcs.count > 0 && funcs.entry[0] >= s.addr && funcs.entry[0] < s.addr + s.size)
  if (!text) return
  const index = elf.sections.indexOf(text)
  for (let i = 0; i < funcs.count; i++) {
    const start = funcs.entry[i]
    const stop = Math.min(funcs.end[i], text.addr + text.size)
    if (start < text.addr || stop <= start) continue
    const code = ledger.take(index, Math.min(funcs.code[i], stop - start))
    const pkg = packages[i]
    if (pkg) tally(pkg).text += code
    else addNamed('functions of no package', 'no-package', code)
    addNamed('function alignment padding', 'padding', ledger.take(index, stop - start - code))
  }
}

/** The table's bytes each function owns, and the names of inlined functions (parsed for their package). */
function attributePclntab(buf: Buffer, funcs: PclnFunctions, packages: (string | null)[], at: number, section: number, ledger: SectionLedger, tally: TallyOf, addNamed: AddNamed): void {
  for (let i = 0; i < funcs.count; i++) {
    const bytes = ledger.take(section, funcs.pcln[i])
    const pkg = packages[i]
    if (pkg) tally(pkg).pcln += bytes
    else addNamed('functions of no package', 'no-package', bytes)
  }
  const names = funcs.nameTable
  if (!names) return
  const claimed = funcs.claimed
  let start = names.start
  while (start < names.end) {
    let stop = buf.indexOf(0, at + start) - at
    if (stop < 0 || stop >= names.end) stop = names.end - 1
    if (!claimed[start] && stop > start) {
      const pkg = symbolPackage(buf.toString('latin1', at + start, at + stop))
      const bytes = ledger.take(section, stop + 1 - start)
      if (pkg) tally(unvendored(pkg)).pcln += bytes
      else addNamed('functions of no package', 'no-package', bytes)
    }
    start = stop + 1
  }
}
