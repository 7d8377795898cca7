// The contract's Go binary part: what the measurement reads from each Go
// executable in the image, every byte of it by package and module, and how
// its modules changed against the base image's binary ("Why it grew").
// Re-exported by types.ts, where the rest of the report is.
/** What a Go binary needs from the image it runs in, read from the functions it links. */
export interface GoRuntimeNeeds {
  /** Loads the system's CA roots (crypto/x509's system pool): needs a CA bundle unless roots are embedded. */
  systemRoots: boolean
  /** Embeds fallback roots (golang.org/x/crypto/x509roots/fallback): works without a CA bundle. */
  embedsRoots: boolean
  /** Loads time zones by name (time.LoadLocation): needs zone data unless it embeds time/tzdata. */
  loadsZones: boolean
  embedsTzdata: boolean
  /** Looks up users or groups (os/user): reads /etc/passwd and /etc/group, or libc's NSS with cgo. */
  usersLookup: boolean
  /** Resolves host names through libc (net's cgo resolver). */
  cgoResolver: boolean
  /** Links runtime/cgo: C code is part of the program. */
  cgo: boolean
  /** Where the answers come from. */
  source: 'pclntab'
}

export interface GoBinary {
  path: string
  bytes: number
  goVersion: string | null
  static: boolean
  stripped: boolean
  cgo: boolean | null
  module: string | null
  /** Packages linked in (from build info deps and the main module), used by advisor rules. */
  trimpath?: boolean | null
  ldflags?: string | null
  packages?: string[]
  /** Bytes `-ldflags="-s -w"` would remove (symbol table, DWARF sections); null when unknown. */
  symbolBytes?: number | null
  /** What the program needs from its image (CA roots, zone data, users, libc's resolver), from its function names. */
  needs?: GoRuntimeNeeds | null
  /** Every byte of the file by module and package (src/image/attribution.ts); absent in reports written before it. */
  attribution?: BinaryAttribution | null
}

/** Where an attribution's figures come from: the pclntab (kept by `-s -w`), the symbol table, DWARF. */
export type AttributionSource = 'pclntab' | 'symtab' | 'dwarf'

/** A package's or a module's bytes by kind (attribution.ts tallies them). */
export interface AttributedBytes {
  /** Machine code of its functions (without the alignment padding between them). */
  text: number
  /** Its functions' own pclntab bytes: records, names, pc-value tables. */
  pcln: number
  /** Its functions' funcdata (stack maps, inline trees). */
  funcdata: number
  /** Its data, rodata, noptrdata, type and itab symbols (symbol table only). */
  data: number
  /** Its bss symbols: memory at run time, no file bytes (symbol table only). */
  bss: number
  /** Its DWARF bytes (unstripped binaries; a compressed section's file bytes shared out by uncompressed extent). Reports written before it have none: read as 0. */
  debug: number
}

/** Bytes one package holds in a Go binary (src/image/attribution.ts). `bytes` = text + pcln + funcdata + data + debug: file bytes. */
export interface AttributedPackage extends AttributedBytes {
  /** Import path (`main` for the main package, as the linker names it). */
  path: string
  /** The module it belongs to (`std` for the standard library). */
  module: string
  bytes: number
}

/** A module's bytes: the sum of its packages. */
export interface AttributedModule extends AttributedBytes {
  /** Module path; `std` for the standard library; an import path root for GOPATH binaries. */
  path: string
  /** Version from the build info (`(devel)` for a main module built from a checkout); null for std and import-path roots. */
  version: string | null
  /** The `=>` line of the build info: the module was replaced by this path and version. */
  replace: { path: string; version: string } | null
  kind: 'main' | 'dep' | 'std' | 'import-path'
  bytes: number
  /** How many packages of the module are linked in. */
  packages: number
}

/** Bytes no package owns: ELF headers, a section's unattributed remainder, alignment padding, gaps between sections. */
export interface UnattributedRow {
  /** Stable names: `ELF header`, `program headers`, `section headers`, `gaps between sections`, `function alignment padding`, `functions of no package`, `symbols of no package`, or a section name (`.rodata`, `.gopclntab` …). */
  name: string
  kind: 'headers' | 'section' | 'padding' | 'gap' | 'no-package'
  bytes: number
}

/** Every byte of one Go binary: modules plus unattributed rows add up to `fileBytes` exactly (so do packages plus unattributed rows). */
export interface BinaryAttribution {
  fileBytes: number
  sources: AttributionSource[]
  stripped: boolean
  /** `build-info`: modules from the build info; `import-path`: no module information (GOPATH build), packages grouped by import path root. */
  moduleSource: 'build-info' | 'import-path'
  /** Largest first. */
  modules: AttributedModule[]
  /** Largest first. */
  packages: AttributedPackage[]
  /** Largest first. */
  unattributed: UnattributedRow[]
}

/** How one module of a Go binary changed against the base image's binary. */
export type ModuleChangeKind = 'new' | 'removed' | 'version' | 'grown' | 'shrunk' | 'unchanged'

export interface PackageChange {
  path: string
  before: number
  after: number
  delta: number
}

export interface ModuleChange {
  path: string
  kind: AttributedModule['kind']
  change: ModuleChangeKind
  versionBefore: string | null
  versionAfter: string | null
  /** The `=>` replacement on the head side. */
  replace: { path: string; version: string } | null
  before: number
  after: number
  delta: number
  /** The change is below `min-delta` (and the version is the same): the comment leaves it out. */
  noise: boolean
  /** Packages that changed, largest change first (bounded). */
  packages: PackageChange[]
}

/**
 * One Go binary of the head image against the base image's (src/compare/modules.ts): "Why it grew".
 * Modules largest change first, then the unattributed rows as one.
 */
export interface BinaryDiff {
  path: string
  /** The base binary's path (the same, or another one with the same main module). */
  basePath: string
  pairedBy: 'path' | 'module'
  bytesBefore: number
  bytesAfter: number
  modules: ModuleChange[]
  unattributed: { before: number; after: number; delta: number }
}
