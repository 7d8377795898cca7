// The function names of a Go binary, from its pclntab (the runtime's own
// table for stack traces, which `-ldflags="-s -w"` keeps), and what they say
// the program needs at run time. The linker drops unreachable functions, so a
// name in the table is code the program can run, whichever module it lives in.
// Formats: Go 1.2–1.15 (magic 0xfffffffb), 1.16–1.17 (0xfffffffa), 1.18–1.19
// (0xfffffff0) and 1.20+ (0xfffffff1), as Go's debug/gosym reads them.
import type { GoRuntimeNeeds } from '../report/types.js'

const MAGICS = new Map<number, 'go1.2' | 'go1.16' | 'go1.18'>([
  [0xfffffffb, 'go1.2'],
  [0xfffffffa, 'go1.16'],
  [0xfffffff0, 'go1.18'],
  [0xfffffff1, 'go1.18']
])

export interface PclntabTable {
  /** File offset of the header. */
  at: number
  version: 'go1.2' | 'go1.16' | 'go1.18'
  /** 0xfffffff1 from Go 1.20 on (records carry startLine). */
  magic: number
  le: boolean
  ptr: number
}
type Table = PclntabTable

/** A pclntab header at `at`: magic, two zero pads, an instruction quantum (1, 2, 4) and a pointer size (4, 8). */
function tableAt(buf: Buffer, at: number): Table | null {
  if (at < 0 || at + 16 > buf.length || buf[at + 4] !== 0 || buf[at + 5] !== 0) return null
  if (![1, 2, 4].includes(buf[at + 6]) || ![4, 8].includes(buf[at + 7])) return null
  for (const le of [true, false]) {
    const magic = le ? buf.readUInt32LE(at) : buf.readUInt32BE(at)
    const version = MAGICS.get(magic)
    if (version) return { at, version, magic, le, ptr: buf[at + 7] }
  }
  return null
}

/** Finds the table: by section name (`.gopclntab`, or `.data.rel.ro.gopclntab` in PIE builds), else by its header. */
export function findPclntab(buf: Buffer, sections: { name: string; offset: number; size: number }[]): Table | null {
  for (const name of ['.gopclntab', '.data.rel.ro.gopclntab']) {
    const s = sections.find((x) => x.name === name)
    const table = s ? tableAt(buf, s.offset) : null
    if (table) return table
  }
  for (const magic of MAGICS.keys()) {
    const le = Buffer.alloc(4)
    le.writeUInt32LE(magic)
    for (const bytes of [le, Buffer.from(le).reverse()]) {
      for (let at = buf.indexOf(bytes); at >= 0; at = buf.indexOf(bytes, at + 1)) {
        const table = tableAt(buf, at)
        if (table) return table
      }
    }
  }
  return null
}

function cString(buf: Buffer, at: number): string {
  const end = buf.indexOf(0, at)
  return buf.toString('latin1', at, end < 0 ? Math.min(buf.length, at + 512) : end)
}

/** Every function name in the table (inlined functions included from Go 1.16 on); [] when unreadable. */
export function pclntabFunctionNames(buf: Buffer, table: Table): string[] {
  const { at, le, ptr } = table
  const word = (i: number): number => {
    const o = at + 8 + i * ptr
    if (o + ptr > buf.length) return -1
    return ptr === 8 ? Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : le ? buf.readUInt32LE(o) : buf.readUInt32BE(o)
  }
  if (table.version !== 'go1.2') {
    // Go 1.16+: the names sit together in funcnametab, NUL-separated, up to the compilation-unit table.
    const [nameOff, cuOff] = table.version === 'go1.18' ? [word(3), word(4)] : [word(2), word(3)]
    const start = at + nameOff
    const end = at + cuOff
    if (nameOff < 0 || cuOff < nameOff || end > buf.length) return []
    return buf
      .toString('latin1', start, end)
      .split('\0')
      .filter((n) => n !== '')
  }
  // Go 1.2–1.15: a function table of (pc, func offset) pairs; each func record holds its name offset.
  const nfunc = word(0)
  const names: string[] = []
  for (let i = 0; i < nfunc && i < 2_000_000; i++) {
    const funcOff = word(1 + 2 * i + 1)
    const rec = at + funcOff
    if (funcOff < 0 || rec + ptr + 4 > buf.length) break
    const nameOff = le ? buf.readInt32LE(rec + ptr) : buf.readInt32BE(rec + ptr)
    if (nameOff > 0 && at + nameOff < buf.length) names.push(cString(buf, at + nameOff))
  }
  return names
}

const SYSTEM_ROOTS = ['crypto/x509.systemRootsPool', 'crypto/x509.initSystemRoots', 'crypto/x509.loadSystemRoots']

/** The needs, from function names. */
export function runtimeNeeds(names: Iterable<string>): GoRuntimeNeeds {
  const needs: GoRuntimeNeeds = {
    systemRoots: false,
    embedsRoots: false,
    loadsZones: false,
    embedsTzdata: false,
    usersLookup: false,
    cgoResolver: false,
    cgo: false,
    source: 'pclntab'
  }
  for (const name of names) {
    if (SYSTEM_ROOTS.includes(name)) needs.systemRoots = true
    else if (name.startsWith('golang.org/x/crypto/x509roots/fallback.')) needs.embedsRoots = true
    else if (name === 'time.LoadLocation') needs.loadsZones = true
    else if (name.startsWith('time/tzdata.')) needs.embedsTzdata = true
    else if (name.startsWith('os/user.')) needs.usersLookup = true
    else if (/^net\._C2?func_getaddrinfo$/.test(name)) needs.cgoResolver = true
    else if (name.startsWith('runtime/cgo.') || name === '_cgo_init' || name === 'x_cgo_init') needs.cgo = true
  }
  return needs
}
