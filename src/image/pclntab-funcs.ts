// Every function of a Go binary's pclntab with what it owns: its code in
// .text and its own bytes of the table. Layout as Go's debug/gosym and
// runtime/symtab.go read it, per format:
//   go1.2  (1.2–1.15): functab of (entry uintptr, func offset uintptr) right
//          after the header; records, names and pc-value tables all relative
//          to the table's start; funcdata are absolute pointers.
//   go1.16 (1.16–1.17): header words point to funcnametab, cutab, filetab,
//          pctab and the function table; funcdata are absolute pointers.
//   go1.18 (1.18–1.19), go1.20 (1.20+): entries are 32-bit offsets from the
//          text start, funcdata 32-bit offsets from the module's go:func.*
//          region; 1.20 adds startLine to each record.
// A record is followed by its pcdata offsets and its funcdata. Pc-value
// tables (pcsp, pcfile, pcln, pcdata) are shared between functions when equal
// (the linker deduplicates them): each is owned by the first function that
// names it. The pcsp table covers the function's code exactly, so its pc
// deltas add up to the code size, without the alignment padding that
// follows it (`go tool nm -size` gives the same size).
import type { PclntabTable } from './pclntab.js'

export interface PclnFunctions {
  count: number
  /** Function entry addresses, ascending. */
  entry: Float64Array
  /** Where each function's extent ends: the next entry, or the table's end address for the last one. */
  end: Float64Array
  /** Code bytes (from the pcsp table; the extent when it has none). */
  code: Float64Array
  /** Bytes of the pclntab the function owns: its functab entry, record, name and first use of each pc-value table. */
  pcln: Float64Array
  /** Where each function's NUL-terminated name starts in the file (-1 when unreadable): read as text only when needed. */
  nameAt: Float64Array
  /** Funcdata the functions reference: each value (an address, or an offset from go:func.* when `funcdataRelative`), and the function. */
  funcdata: { value: Float64Array; owner: Int32Array; count: number }
  funcdataRelative: boolean
  /** Which bytes of the table (from its start) are owned by a function; the rest is the table's own (header, file and CU tables…). */
  claimed: Uint8Array
  /** Names of funcnametab no function record owns (inlined functions), for the caller to attribute: [start, end) from the table's start. */
  nameTable: { start: number; end: number } | null
  textStart: number
}

/**
 * Walks the functions of the table at `table.at`, whose bytes run to `tableEnd` (file offsets). `textAddr` is
 * the .text section's address: entries are offsets from it from Go 1.18 on (the header's copy is 0 since Go 1.26).
 * Null when unreadable.
 */
export function pclntabFunctions(buf: Buffer, table: PclntabTable, tableEnd: number, textAddr: number): PclnFunctions | null {
  const { at, le, ptr } = table
  const end = Math.min(tableEnd, buf.length)
  const size = end - at
  if (size <= 16) return null
  const quantum = buf[at + 6]
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o))
  const uptr = (o: number) => (ptr === 8 ? Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : u32(o))
  const word = (i: number) => uptr(at + 8 + i * ptr)
  const v118 = table.version === 'go1.18'
  const v120 = v118 && table.magic === 0xfffffff1
  const nfunc = word(0)
  let functab: number
  let funcBase: number
  let pctab: number
  let names: number
  let nameEnd: number
  let textStart = 0
  if (v118) {
    textStart = textAddr || word(2)
    names = at + word(3)
    nameEnd = at + word(4)
    pctab = at + word(6)
    functab = at + word(7)
    funcBase = functab
  } else if (table.version === 'go1.16') {
    names = at + word(2)
    nameEnd = at + word(3)
    pctab = at + word(5)
    functab = at + word(6)
    funcBase = functab
  } else {
    functab = at + 8 + ptr
    funcBase = at
    pctab = at
    names = at
    nameEnd = at
  }
  const field = v118 ? 4 : ptr
  const functabBytes = (nfunc * 2 + 1) * field
  if (nfunc <= 0 || nfunc > 10_000_000 || functab + functabBytes > end) return null
  const readField = (o: number) => (field === 4 ? u32(o) : uptr(o))
  const header = v120 ? 44 : v118 ? 40 : ptr + (table.version === 'go1.16' ? 36 : 32)
  const claimed = new Uint8Array(size)
  const claim = (from: number, to: number): number => {
    if (from < at || to > end || from >= to || claimed[from - at]) return 0
    claimed.fill(1, from - at, to - at)
    return to - from
  }
  const result: PclnFunctions = {
    count: nfunc,
    entry: new Float64Array(nfunc),
    end: new Float64Array(nfunc),
    code: new Float64Array(nfunc),
    pcln: new Float64Array(nfunc),
    nameAt: new Float64Array(nfunc).fill(-1),
    funcdata: { value: new Float64Array(nfunc * 4), owner: new Int32Array(nfunc * 4), count: 0 },
    funcdataRelative: v118,
    claimed,
    nameTable: nameEnd > names ? { start: names - at, end: nameEnd - at } : null,
    textStart
  }
  const fd = result.funcdata
  const addFuncdata = (value: number, owner: number) => {
    if (fd.count === fd.value.length) {
      const value2 = new Float64Array(fd.value.length * 2)
      value2.set(fd.value)
      const owner2 = new Int32Array(fd.owner.length * 2)
      owner2.set(fd.owner)
      fd.value = value2
      fd.owner = owner2
    }
    fd.value[fd.count] = value
    fd.owner[fd.count++] = owner
  }
  // Length of a pc-value table and the pc span it covers.
  let span = 0
  const tableLength = (start: number): number => {
    let p = start
    span = 0
    for (let first = true; p < end; first = false) {
      let v = 0
      let shift = 0
      let b: number
      do {
        b = buf[p++]
        v += (b & 0x7f) * 2 ** shift
        shift += 7
      } while (b & 0x80 && p < end)
      if (v === 0 && !first) break
      let pc = 0
      shift = 0
      do {
        b = buf[p++]
        pc += (b & 0x7f) * 2 ** shift
        shift += 7
      } while (b & 0x80 && p < end)
      span += pc * quantum
    }
    return p - start
  }
  claim(at, at + 8 + (v118 ? 8 : table.version === 'go1.16' ? 7 : 1) * ptr)
  for (let i = 0; i < nfunc; i++) {
    const pair = functab + i * 2 * field
    const entry = v118 ? textStart + readField(pair) : readField(pair)
    const next = v118 ? textStart + readField(pair + 2 * field) : readField(pair + 2 * field)
    result.entry[i] = entry
    result.end[i] = next
    result.code[i] = next - entry
    const rec = funcBase + readField(pair + field)
    let own = claim(pair, pair + 2 * field)
    if (rec < at || rec + header > end) {
      result.pcln[i] = own
      continue
    }
    const fields = rec + (v118 ? 4 : ptr) - 4
    const nameAt = (v118 || table.version === 'go1.16' ? names : at) + u32(fields + 4)
    const nameStop = buf.indexOf(0, nameAt)
    if (nameStop > nameAt) result.nameAt[i] = nameAt
    if (nameStop > nameAt) own += claim(nameAt, nameStop + 1)
    const npcdata = u32(fields + 28)
    const nfuncdata = buf[rec + header - 1]
    let fdAt = rec + header + npcdata * 4
    if (!v118 && ptr === 8 && fdAt & 4) fdAt += 4
    const recEnd = fdAt + nfuncdata * (v118 ? 4 : ptr)
    if (npcdata > 1024 || recEnd > end) {
      result.pcln[i] = own
      continue
    }
    own += claim(rec, recEnd)
    // pcsp, pcfile, pcln: fields 4 to 6.
    for (let n = 4; n <= 6; n++) {
      const off = u32(fields + n * 4)
      // A shared table is decoded once, except pcsp, whose span is this function's code size.
      if (off === 0 || (n !== 4 && claimed[pctab + off - at])) continue
      const len = tableLength(pctab + off)
      if (n === 4 && span > 0 && span <= next - entry) result.code[i] = span
      own += claim(pctab + off, pctab + off + len)
    }
    for (let k = 0; k < npcdata; k++) {
      const off = u32(rec + header + k * 4)
      if (off !== 0 && !claimed[pctab + off - at]) own += claim(pctab + off, pctab + off + tableLength(pctab + off))
    }
    for (let k = 0; k < nfuncdata; k++) {
      const value = v118 ? u32(fdAt + k * 4) : uptr(fdAt + k * ptr)
      if (v118 ? value !== 0xffffffff : value !== 0) addFuncdata(value, i)
    }
    result.pcln[i] = own
  }
  return result
}
