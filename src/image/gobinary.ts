// Go binary facts from the bytes of an executable, in TypeScript: the ELF
// headers say static (no PT_INTERP) and stripped (no .symtab); the Go build
// info blob (`\xff Go buildinf:`) says the Go version, main module,
// dependencies and build settings (CGO_ENABLED, -trimpath, -ldflags).
// Same rules as Go's debug/buildinfo, for Go 1.13+ (pointer format) and 1.18+ (inline).
// Also what any ELF needs to start (its interpreter, DT_NEEDED libraries and
// search path) and, from the pclntab, what a Go program needs at run time.
import { fileOffset, parseElf, SHT_NOBITS, type Elf } from './elf.js'
import { findPclntab, pclntabFunctionNames, runtimeNeeds } from './pclntab.js'
import type { BinaryAttribution, GoRuntimeNeeds } from '../report/types.js'

export { isElf } from './elf.js'

export interface GoBinaryFacts {
  goVersion: string | null
  module: string | null
  /** Main package path (`path` line), e.g. `example.com/app/cmd/server`. */
  mainPackage: string | null
  static: boolean
  stripped: boolean
  /** Bytes of symbol tables and DWARF (.symtab, .strtab, .debug_*, .zdebug_*): what `-ldflags="-s -w"` removes. */
  symbolBytes: number
  cgo: boolean | null
  trimpath: boolean | null
  ldflags: string | null
  /** Main module and dependency module paths. */
  packages: string[]
  settings: Record<string, string>
  /** What the program needs from the image (CA roots, zone data …), from its function names; null when unreadable (absent in scans cached by older versions). */
  needs?: GoRuntimeNeeds | null
  /** Every byte of the file by module and package (attribution.ts; set by the layer scan, absent in scans cached by older versions). */
  attribution?: BinaryAttribution | null
}

/** What the dynamic loader needs to start an ELF file. */
export interface ElfLinking {
  /** PT_INTERP: the loader (`/lib64/ld-linux-x86-64.so.2`), null for a static executable. */
  interp: string | null
  /** DT_NEEDED libraries, in order. */
  needed: string[]
  /** DT_RUNPATH, else DT_RPATH, split on ':'. */
  runpath: string[]
  soname: string | null
  /** e_machine (62 x86-64, 183 aarch64 …). */
  machine: number
  is64: boolean
}

const BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1')
const PT_DYNAMIC = 2
const PT_INTERP = 3

const DT_NEEDED = 1
const DT_STRTAB = 5
const DT_SONAME = 14
const DT_RPATH = 15
const DT_RUNPATH = 29

/** The interpreter and the libraries an ELF file asks the loader for; null when not ELF. */
export function readElfLinking(buf: Buffer): ElfLinking | null {
  const elf = parseElf(buf)
  if (!elf) return null
  const cString = (at: number) => {
    const end = buf.indexOf(0, at)
    return buf.toString('latin1', at, end < 0 ? at : end)
  }
  const interpSeg = elf.programs.find((p) => p.type === PT_INTERP)
  const interp = interpSeg && interpSeg.offset < buf.length ? cString(interpSeg.offset) : null
  const dynamic = elf.programs.find((p) => p.type === PT_DYNAMIC)
  const entries: [number, number][] = []
  if (dynamic) {
    const size = elf.is64 ? 16 : 8
    for (let o = dynamic.offset; o + size <= Math.min(buf.length, dynamic.offset + dynamic.filesz); o += size) {
      const tag = elf.is64 ? Number(elf.le ? buf.readBigInt64LE(o) : buf.readBigInt64BE(o)) : elf.le ? buf.readInt32LE(o) : buf.readInt32BE(o)
      if (tag === 0) break
      const value = elf.is64 ? Number(elf.le ? buf.readBigUInt64LE(o + 8) : buf.readBigUInt64BE(o + 8)) : elf.le ? buf.readUInt32LE(o + 4) : buf.readUInt32BE(o + 4)
      entries.push([tag, value])
    }
  }
  const strtab = fileOffset(elf, entries.find(([t]) => t === DT_STRTAB)?.[1] ?? -1)
  const str = (off: number) => (strtab >= 0 && strtab + off < buf.length ? cString(strtab + off) : '')
  const values = (tag: number) =>
    entries
      .filter(([t]) => t === tag)
      .map(([, v]) => str(v))
      .filter((v) => v !== '')
  const runpath = values(DT_RUNPATH).length > 0 ? values(DT_RUNPATH) : values(DT_RPATH)
  return {
    interp: interp || null,
    needed: values(DT_NEEDED),
    runpath: runpath.flatMap((p) => p.split(':')).filter((p) => p !== ''),
    soname: values(DT_SONAME)[0] ?? null,
    machine: elf.machine,
    is64: elf.is64
  }
}

/** Where the build info blob starts: the .go.buildinfo section, else a 16-aligned search for the magic. */
function findBuildInfo(buf: Buffer, elf: Elf): number {
  const section = elf.sections.find((s) => s.name === '.go.buildinfo')
  if (section && buf.subarray(section.offset, section.offset + 14).equals(BUILDINFO_MAGIC)) return section.offset
  for (let at = buf.indexOf(BUILDINFO_MAGIC); at >= 0; at = buf.indexOf(BUILDINFO_MAGIC, at + 1)) {
    if (at % 16 === 0) return at
  }
  return -1
}

function readVarint(buf: Buffer, pos: number): [number, number] {
  let value = 0
  let shift = 0
  for (;;) {
    const b = buf[pos++]
    if (b === undefined) return [-1, pos]
    value += (b & 0x7f) * 2 ** shift
    if (!(b & 0x80)) return [value, pos]
    shift += 7
  }
}

/** Version and module info strings from the blob at `at` (both formats). */
function readBuildInfo(buf: Buffer, elf: Elf, at: number): { version: string; modinfo: string } | null {
  const ptrSize = buf[at + 14]
  const flags = buf[at + 15]
  if (flags & 2) {
    // Go 1.18+: two varint-prefixed strings right after the 32-byte header.
    let pos = at + 32
    const [vlen, p1] = readVarint(buf, pos)
    if (vlen < 0) return null
    const version = buf.toString('utf8', p1, p1 + vlen)
    pos = p1 + vlen
    const [mlen, p2] = readVarint(buf, pos)
    if (mlen < 0) return null
    return { version, modinfo: buf.toString('latin1', p2, p2 + mlen) }
  }
  // Go 1.13–1.17: pointers to Go string headers, to be mapped through the PT_LOAD segments.
  const le = !(flags & 1)
  const readPtr = (o: number): number => (ptrSize === 8 ? Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : le ? buf.readUInt32LE(o) : buf.readUInt32BE(o))
  const toOffset = (addr: number): number => fileOffset(elf, addr)
  const readString = (ptr: number): string | null => {
    const h = toOffset(ptr)
    if (h < 0 || h + 2 * ptrSize > buf.length) return null
    const data = toOffset(readPtr(h))
    const len = readPtr(h + ptrSize)
    if (data < 0 || data + len > buf.length) return null
    return buf.toString('latin1', data, data + len)
  }
  const version = readString(readPtr(at + 16))
  const modinfo = readString(readPtr(at + 16 + ptrSize))
  return version === null ? null : { version, modinfo: modinfo ?? '' }
}

/** A module of the build info: `mod` (the main module) or a `dep`, with the `=>` line that replaced it. */
export interface BuildInfoModule {
  path: string
  version: string
  replace: { path: string; version: string } | null
}

/** What the build info says: the Go version, the main package and module, dependencies, settings. */
export interface BuildInfo {
  goVersion: string
  mainPackage: string | null
  main: BuildInfoModule | null
  deps: BuildInfoModule[]
  settings: Record<string, string>
}

/** The build info of a Go ELF executable (parsed once by the caller), else null. */
export function readBuildInfoOf(buf: Buffer, elf: Elf): BuildInfo | null {
  const at = findBuildInfo(buf, elf)
  if (at < 0) return null
  const info = readBuildInfo(buf, elf, at)
  if (!info) return null
  // The module info is wrapped in 16-byte sentinels.
  const modinfo = info.modinfo.length >= 33 && info.modinfo.charCodeAt(info.modinfo.length - 17) === 0x0a ? info.modinfo.slice(16, -16) : info.modinfo
  const parsed: BuildInfo = { goVersion: info.version, mainPackage: null, main: null, deps: [], settings: {} }
  let last: BuildInfoModule | null = null
  for (const line of Buffer.from(modinfo, 'latin1').toString('utf8').split('\n')) {
    const [kind, a, b] = line.split('\t')
    if (kind === 'path') parsed.mainPackage = a ?? null
    else if (kind === 'mod' || kind === 'dep') {
      last = { path: a ?? '', version: b ?? '', replace: null }
      if (kind === 'mod') parsed.main = last
      else parsed.deps.push(last)
    } else if (kind === '=>' && last && a) last.replace = { path: a, version: b ?? '' }
    else if (kind === 'build' && a) {
      const eq = a.indexOf('=')
      if (eq > 0) parsed.settings[a.slice(0, eq)] = unquote(a.slice(eq + 1) + (b !== undefined ? `\t${b}` : ''))
    }
  }
  return parsed
}

/** Facts about `buf` if it is a Go ELF executable, else null. */
export function readGoBinary(buf: Buffer): GoBinaryFacts | null {
  const elf = parseElf(buf)
  if (!elf) return null
  const info = readBuildInfoOf(buf, elf)
  if (!info) return null
  const { settings, mainPackage } = info
  const module = info.main?.path ?? null
  const dynamic = elf.programs.some((p) => p.type === PT_INTERP)
  const cgoSetting = settings.CGO_ENABLED
  const pclntab = findPclntab(buf, elf.sections)
  const names = pclntab ? pclntabFunctionNames(buf, pclntab) : []
  return {
    goVersion: info.goVersion || null,
    module: module ?? mainPackage,
    mainPackage,
    static: !dynamic,
    stripped: !elf.sections.some((s) => s.name === '.symtab'),
    symbolBytes: elf.sections.filter((s) => isSymbolSection(s.name) && s.type !== SHT_NOBITS).reduce((sum, s) => sum + s.size, 0),
    // The setting is authoritative; without it (old toolchains), dynamic linking means cgo.
    cgo: cgoSetting !== undefined ? cgoSetting === '1' : dynamic ? true : null,
    trimpath: settings['-trimpath'] !== undefined ? settings['-trimpath'] === 'true' : Object.keys(settings).length > 0 ? false : null,
    ldflags: settings['-ldflags'] ?? null,
    packages: [...(module ? [module] : []), ...info.deps.map((d) => d.path)],
    settings,
    needs: names.length > 0 ? runtimeNeeds(names) : null
  }
}

const isSymbolSection = (name: string) => name === '.symtab' || name === '.strtab' || name.startsWith('.debug_') || name.startsWith('.zdebug_')

/** Build setting values with spaces are quoted Go strings. */
function unquote(value: string): string {
  if (value.startsWith('"') && value.endsWith('"')) {
    try {
      return JSON.parse(value) as string
    } catch {
      return value.slice(1, -1)
    }
  }
  return value
}
