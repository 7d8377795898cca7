// What a layer's measurement found is computed once per diff id and kept on
// disk (under the runner's tool cache, so actions/cache can carry it between
// runs): its compressed size, and its full scan (the file records the
// wasted-bytes replay needs, the Go binaries in it), so that a re-measurement
// after a change to the top layers reads only those layers. One JSON file per
// layer; the scan inside it is gzipped JSON (base64), so a layer of a million
// files stays a few MB. Written to a temp name and renamed, so concurrent runs
// never see a half-written entry.
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import zlib from 'node:zlib'
import type { GoBinaryFacts } from './gobinary.js'
import type { PushFlavor } from '../compress/push-flavor.js'
import type { FileRecord } from './wasted.js'

export interface CachedScan {
  /** The layer's classic size (regular files plus symlink targets). */
  uncompressed: number
  files: FileRecord[]
  goBinaries: { path: string; bytes: number; facts: GoBinaryFacts }[]
}

export interface CachedLayer {
  diffId: string
  /** Size of the uncompressed layer tar, to recognise the layer in a legacy save stream before hashing it. */
  tarBytes: number
  /** The gzip estimate; null when only an exact size (registry, OCI blob) was known when the scan was stored. */
  compressed: number | null
  source: 'gzip-estimate'
  /** The layer's scan, as read from the save stream (hash-checked against the diff id). */
  scan?: CachedScan
  /** The digest of the compressed blob the scan was read from (containerd store, archives), to know the blob again without unpacking it. */
  blobDigest?: string
  /** That blob's size: the containerd store's push is told it is present (entries written before it was kept have none). */
  blobSize?: number
  /** The blob the engine's own push wrote (push-sizes.ts), and which engine: answered as present when that engine asks again. */
  pushed?: PushedBlob
  /** Format of the entry (estimate, scan encoding); bump to invalidate old entries. */
  version: number
}

/** 3: the full scan is cached too (gzip JSON), compressed may be null. 4: `uncompressed` counts symlink targets. 5: Go binaries carry their run-time needs. 6: and their attribution. 7: DWARF in the attribution. */
export const CACHE_VERSION = 7

export interface PushedBlob {
  digest: string
  size: number
  /** The engine that compressed it (pushEngineKey: version and Go release). */
  engine: string
}

type StoredLayer = Omit<CachedLayer, 'scan'> & { scan?: string }

const KINDS = ['file', 'dir', 'whiteout', 'opaque'] as const

/** Compact scan encoding: files as [kind, path, size?] rows, then gzip, then base64. */
export function encodeScan(scan: CachedScan): string {
  const files = scan.files.map((f) => (f.kind === 'file' ? [0, f.path, f.size] : [KINDS.indexOf(f.kind), f.path]))
  return zlib.gzipSync(JSON.stringify({ u: scan.uncompressed, f: files, g: scan.goBinaries })).toString('base64')
}

export function decodeScan(text: string): CachedScan {
  const raw = JSON.parse(zlib.gunzipSync(Buffer.from(text, 'base64')).toString('utf8')) as { u: number; f: [number, string, number?][]; g: CachedScan['goBinaries'] }
  const files = raw.f.map(([k, p, size]): FileRecord => (k === 0 ? { kind: 'file', path: p, size: size ?? 0 } : ({ kind: KINDS[k], path: p } as FileRecord)))
  return { uncompressed: raw.u, files, goBinaries: raw.g }
}

export class LayerCache {
  /** Estimates are kept per flavor of compress/flate (1-3% apart); pushed sizes name their engine. */
  constructor(
    private readonly dir: string,
    private readonly flavor: PushFlavor = 'go-classic'
  ) {}

  private file(diffId: string): string {
    return path.join(this.dir, `layers-go-${this.flavor}`, `${diffId.replace(':', '-')}.json`)
  }

  async get(diffId: string): Promise<CachedLayer | null> {
    try {
      const stored = JSON.parse(await readFile(this.file(diffId), 'utf8')) as StoredLayer
      if (stored.diffId !== diffId || stored.version !== CACHE_VERSION) return null
      if (stored.compressed !== null && !Number.isFinite(stored.compressed)) return null
      let scan: CachedScan | undefined
      if (typeof stored.scan === 'string') {
        try {
          scan = decodeScan(stored.scan)
        } catch {
          scan = undefined
        }
      }
      return { ...stored, scan }
    } catch {
      return null
    }
  }

  async put(entry: Omit<CachedLayer, 'version'>): Promise<void> {
    const file = this.file(entry.diffId)
    await mkdir(path.dirname(file), { recursive: true })
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    const stored: StoredLayer = { ...entry, scan: entry.scan ? encodeScan(entry.scan) : undefined, version: CACHE_VERSION }
    await writeFile(temp, JSON.stringify(stored))
    await rename(temp, file)
  }
}
