// Reading a `docker save` stream once, without a temp copy: the small JSON
// files (manifest.json, index.json, the image config) are kept; each layer is
// hashed (its sha256 is its diff id), its tar headers are read for file
// records, Go executables in it are parsed, and, when asked, its gzip size is
// estimated as it streams. Both layouts: legacy (`<id>/layer.tar`,
// manifest.json last; Docker ≤ 24) and OCI (`blobs/sha256/…`, Docker 25+,
// skopeo's oci-archive), layer blobs plain or gzip (sniffed).
import { createHash, type Hash } from 'node:crypto'
import zlib from 'node:zlib'
import { LayerCompressor, type CompressorOptions } from '../compress/compress.js'
import { attributeGoBinary } from './attribution.js'
import { isElf, readGoBinary, type GoBinaryFacts } from './gobinary.js'
import { TarError, TarReader, type EntrySink, type TarHeader } from './tar.js'
import { fileRecord, type FileRecord } from './wasted.js'
import type { BlobInspector } from '../registry/sink.js'

export interface LayerScan {
  /** Path of the layer in the archive. */
  entryPath: string
  /** sha256 of the uncompressed layer tar: its diff id. */
  diffId: string
  tarBytes: number
  /** The layer's classic size: regular-file bytes plus symlink target lengths (hard links add nothing). */
  uncompressed: number
  /** Gzip estimate when compressed here; exact blob size when the blob was already gzip. */
  compressed: number | null
  compressedExact: boolean
  files: FileRecord[]
  goBinaries: { path: string; bytes: number; facts: GoBinaryFacts }[]
  /** Where the scan came from: the save stream (default), the on-disk cache, an overlay2 diff directory, or the engine's push. */
  origin?: 'save' | 'cache' | 'overlay' | 'push'
}

export interface SavedImage {
  layout: 'legacy' | 'oci' | 'overlay' | 'push'
  /** Layer entry paths in image order (from manifest.json, or the OCI manifest). */
  layerPaths: string[]
  config: { os?: string; architecture?: string; variant?: string; rootfs?: { diff_ids?: string[] }; history?: { created_by?: string; empty_layer?: boolean }[] }
  layers: Map<string, LayerScan>
  /** Blob sizes of the OCI manifest's layers (exact compressed sizes when they are gzip). */
  ociLayerSizes: Map<string, number> | null
  bytesRead: number
}

export interface LayerPlan {
  entryPath: string
  /** Known when the blob is content-addressed (OCI layout) and uncompressed. */
  digest: string | null
  tarBytes: number
}

export interface ScanOptions {
  /** Whether to estimate this layer's gzip size (false when it is cached or known exactly). */
  shouldCompress(plan: LayerPlan): boolean
  /**
   * A compressed blob (`blobs/sha256/<digest>`) whose layer was scanned before: its
   * scan, so the blob is only hashed (to prove it is that blob), not unpacked again.
   */
  cachedBlob?(digest: string): { diffId: string; tarBytes: number; uncompressed: number; files: FileRecord[]; goBinaries: LayerScan['goBinaries'] } | null
  /** How to estimate (shouldCompress is only asked when it is given). */
  compressor?: CompressorOptions | null
  /** Largest executable buffered to read its Go build info. */
  maxBinaryBytes?: number
  /** What the stream is, for error messages (default `docker save stream`). */
  source?: string
  /** Hash each layer's tar for its diff id (default true; a pushed layer is named by the manifest instead). */
  hashTar?: boolean
}

const JSON_LIMIT = 32 * 1024 * 1024

/** Reads the save stream; throws a clear error when it ends early or is not an image archive. */
export async function scanSaveStream(stream: AsyncIterable<Buffer>, options: ScanOptions): Promise<SavedImage> {
  const jsonFiles = new Map<string, Buffer>()
  const layers = new Map<string, LayerScan>()
  let bytesRead = 0

  const outer = new TarReader((header) => {
    if (header.type !== 'file') return null
    const name = header.path
    if (/\.json$|^index\.json$|^oci-layout$|\/json$|^repositories$/.test(name) && header.size <= JSON_LIMIT) return collect(name, jsonFiles)
    if (/(^|\/)layer\.tar$|^blobs\//.test(name)) return blobSink(name, header, layers, jsonFiles, options)
    return null
  })
  for await (const chunk of stream) {
    bytesRead += chunk.length
    await outer.write(chunk)
  }
  try {
    outer.end()
  } catch (error) {
    if (error instanceof TarError) throw new TarError(`${options.source ?? 'docker save stream'} ended early after ${bytesRead} bytes: ${error.message}`)
    throw error
  }
  if (bytesRead === 0) throw new TarError(`${options.source ?? 'docker save stream'} is empty`)
  return assemble(jsonFiles, layers, bytesRead)
}

function collect(name: string, into: Map<string, Buffer>): EntrySink {
  const parts: Buffer[] = []
  return { data: (c) => void parts.push(Buffer.from(c)), end: () => void into.set(name, Buffer.concat(parts)) }
}

/** A blob: JSON (OCI configs and manifests) is kept, anything else is scanned as a layer. */
function blobSink(name: string, header: TarHeader, layers: Map<string, LayerScan>, jsonFiles: Map<string, Buffer>, options: ScanOptions): EntrySink {
  let delegate: EntrySink | null = null
  return {
    data(chunk) {
      if (!delegate) {
        const digest = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(name)?.[1]
        const cached = digest && chunk[0] !== 0x7b ? (options.cachedBlob?.(`sha256:${digest}`) ?? null) : null
        if (chunk[0] === 0x7b && header.size <= JSON_LIMIT) delegate = collect(name, jsonFiles)
        else if (cached) delegate = cachedBlobSink(name, digest as string, header.size, cached, layers)
        else delegate = layerSink(name, header.size, chunk[0] === 0x1f && chunk[1] === 0x8b, layers, options)
      }
      return delegate.data(chunk)
    },
    end() {
      return delegate?.end()
    }
  }
}

/** A blob already scanned: hashed to prove it is the blob the cache knows, its scan taken from the cache. */
function cachedBlobSink(entryPath: string, digest: string, blobBytes: number, cached: NonNullable<ReturnType<NonNullable<ScanOptions['cachedBlob']>>>, layers: Map<string, LayerScan>): EntrySink {
  const hash = createHash('sha256')
  return {
    data: (chunk) => void hash.update(chunk),
    end() {
      if (hash.digest('hex') !== digest) throw new TarError(`the image archive's blob ${digest.slice(0, 12)} does not hash to its name`)
      const compressed = blobBytes
      layers.set(entryPath, {
        entryPath,
        diffId: cached.diffId,
        tarBytes: cached.tarBytes,
        uncompressed: cached.uncompressed,
        compressed,
        compressedExact: true,
        files: cached.files,
        goBinaries: cached.goBinaries,
        origin: 'cache'
      })
    }
  }
}

function layerSink(entryPath: string, blobBytes: number, gzipped: boolean, layers: Map<string, LayerScan>, options: ScanOptions): EntrySink {
  const blobDigest = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(entryPath)
  const scan: LayerScan = {
    entryPath,
    diffId: '',
    tarBytes: gzipped ? 0 : blobBytes,
    uncompressed: 0,
    compressed: gzipped ? blobBytes : null,
    compressedExact: gzipped,
    files: [],
    goBinaries: []
  }
  const hash: Hash | null = options.hashTar === false ? null : createHash('sha256')
  const estimating = !gzipped && options.compressor && options.shouldCompress({ entryPath, digest: blobDigest ? `sha256:${blobDigest[1]}` : null, tarBytes: blobBytes })
  const compressor = estimating && options.compressor ? new LayerCompressor(options.compressor) : null
  const inner = new TarReader((h) => innerEntry(h, scan, options.maxBinaryBytes ?? 256 * 1024 * 1024))

  const feedTar = async (chunk: Buffer): Promise<void> => {
    hash?.update(chunk)
    if (gzipped) scan.tarBytes += chunk.length
    await inner.write(chunk)
  }
  const finishTar = (): void => {
    if (!inner.finished) inner.end()
    if (hash) scan.diffId = `sha256:${hash.digest('hex')}`
    layers.set(entryPath, scan)
  }

  if (!gzipped) {
    return {
      async data(chunk) {
        // The compressor copies; the tar reader and hash read the chunk before we return.
        const pending = compressor?.write(chunk)
        await feedTar(chunk)
        if (pending) await pending
      },
      async end() {
        if (compressor) scan.compressed = await compressor.finish()
        finishTar()
      }
    }
  }
  // Large output chunks: each one costs a round of JS callbacks on the main thread.
  const gunzip = zlib.createGunzip({ chunkSize: 256 * 1024 })
  let chain: Promise<void> = Promise.resolve()
  let failure: Error | null = null
  gunzip.on('data', (d: Buffer) => {
    // Held until the tar reader took it: zlib then waits, so a piece of zeros never unpacks all at once.
    gunzip.pause()
    chain = chain
      .then(() => feedTar(d))
      .catch((e: Error) => void (failure = e))
      .then(() => void gunzip.resume())
  })
  const ended = new Promise<void>((resolve, reject) => {
    gunzip.on('end', resolve)
    gunzip.on('error', reject)
  })
  return {
    async data(chunk) {
      // A damaged stream fails the write through `ended`: zlib does not call the write's callback then.
      await Promise.race([new Promise<void>((resolve, reject) => gunzip.write(chunk, (e) => (e ? reject(e) : resolve()))), ended])
      await chain
    },
    async end() {
      gunzip.end()
      await ended
      await chain
      if (failure) throw failure
      finishTar()
    }
  }
}

/** What one blob of a push was: a layer (scanned), the image config, or something else. */
export type PushedBlobRead = { kind: 'layer'; scan: LayerScan } | { kind: 'config'; config: SavedImage['config'] } | { kind: 'other' }

/**
 * Reads a blob the engine pushes, as it arrives: a gzip layer is scanned as
 * the save stream's layers are (unpacked, not hashed: its diff id is the manifest's), a
 * JSON blob kept as the image config. Its compressed size is the push's count.
 */
export function pushedBlobReader(maxBinaryBytes = 256 * 1024 * 1024): BlobInspector<PushedBlobRead> {
  const layers = new Map<string, LayerScan>()
  let kind: 'layer' | 'config' | 'other' | null = null
  let delegate: EntrySink | null = null
  const json = new Map<string, Buffer>()
  let jsonBytes = 0
  // The upload arrives in small pieces; the gunzip is fed in larger ones (each call costs main-thread time),
  // copied into one buffer reused for every batch: a new one each time made gigabytes of garbage to collect.
  // The next piece arrives only once the batch fed has been taken (the sink waits for `data`'s promise).
  const batch = Buffer.allocUnsafeSlow(1024 * 1024)
  let pendingBytes = 0
  const feed = async () => {
    const fed = delegate?.data(batch.subarray(0, pendingBytes))
    pendingBytes = 0
    await fed
  }
  const take = (chunk: Buffer) => {
    pendingBytes += chunk.copy(batch, pendingBytes)
    return pendingBytes === batch.length ? feed() : undefined
  }
  return {
    data(chunk) {
      if (kind === null) {
        kind = chunk[0] === 0x1f && chunk[1] === 0x8b ? 'layer' : chunk[0] === 0x7b ? 'config' : 'other'
        if (kind === 'layer') delegate = layerSink('push', 0, true, layers, { shouldCompress: () => false, maxBinaryBytes, hashTar: false })
        if (kind === 'config') delegate = collect('config', json)
      }
      if (kind === 'config' && (jsonBytes += chunk.length) > JSON_LIMIT) throw new TarError('a pushed JSON blob is larger than an image config')
      if (!delegate) return
      if (pendingBytes + chunk.length <= batch.length) return take(chunk)
      // The batch is full before this piece: it goes first; a piece larger than a batch goes as it is.
      return (async () => {
        if (pendingBytes > 0) await feed()
        await (chunk.length > batch.length ? delegate?.data(chunk) : take(chunk))
      })()
    },
    async end() {
      if (pendingBytes > 0) await feed()
      await delegate?.end()
      const scan = layers.get('push')
      if (kind === 'layer' && scan) return { kind, scan: { ...scan, compressed: null, compressedExact: false, origin: 'push' } }
      const config = json.get('config')
      if (kind === 'config' && config) return { kind, config: imageConfig(JSON.parse(config.toString('utf8')), 'the pushed config is not an image config') }
      return { kind: 'other' }
    }
  }
}

/** Records one entry of a layer; buffers ELF executables to read their Go build info. */
export function innerEntry(h: TarHeader, scan: LayerScan, maxBinaryBytes: number): EntrySink | null {
  const record = fileRecord(h.path, h.type, h.type === 'file' ? h.size : 0)
  if (record) scan.files.push(record)
  // The classic size: regular files and symlink targets; a hard link's data is counted at its file.
  if (h.type === 'file') scan.uncompressed += h.size
  else if (h.type === 'symlink') scan.uncompressed += Buffer.byteLength(h.linkname)
  if (h.type !== 'file' || h.size < 1024 || h.size > maxBinaryBytes || (h.mode & 0o111) === 0 || !record) return null
  const parts: Buffer[] = []
  let bytes = 0
  let elf: boolean | null = null
  return {
    data(c) {
      if (elf === false) return
      parts.push(Buffer.from(c))
      bytes += c.length
      if (elf === null && bytes >= 4) {
        elf = isElf(parts.length === 1 ? parts[0] : Buffer.concat(parts))
        if (!elf) parts.length = 0
      }
    },
    end() {
      if (!elf) return
      const body = parts.length === 1 ? parts[0] : Buffer.concat(parts)
      parts.length = 0
      const facts = readGoBinary(body)
      // Why it is this big: every byte by module, from the bytes already in hand (no second read).
      if (facts) scan.goBinaries.push({ path: `/${record.path}`, bytes: h.size, facts: { ...facts, attribution: attributeGoBinary(body) } })
    }
  }
}

interface OciDescriptor {
  digest: string
  size: number
  mediaType?: string
}

function assemble(jsonFiles: Map<string, Buffer>, layers: Map<string, LayerScan>, bytesRead: number): SavedImage {
  const parse = <T>(name: string): T | null => {
    const buf = jsonFiles.get(name)
    if (!buf) return null
    try {
      return JSON.parse(buf.toString('utf8')) as T
    } catch {
      return null
    }
  }
  // A damaged archive can hold JSON of the wrong shape: check every field we read, so
  // the reader fails with a TarError instead of a TypeError deep inside.
  const manifest = parse<unknown>('manifest.json')
  const blobPath = (digest: string) => `blobs/${digest.replace(':', '/')}`
  if (Array.isArray(manifest) && manifest.length > 0) {
    const entry = manifest[0] as { Config?: unknown; Layers?: unknown }
    if (typeof entry?.Config !== 'string' || !isStringArray(entry.Layers)) throw new TarError("the image archive's manifest.json is damaged")
    const config = imageConfig(parse<unknown>(entry.Config), `the image archive has no config '${entry.Config}'`)
    // Docker 25+ writes an OCI layout with manifest.json too; its index gives exact blob sizes.
    const oci = entry.Layers.some((l) => l.startsWith('blobs/'))
    return { layout: oci ? 'oci' : 'legacy', layerPaths: entry.Layers, config, layers, ociLayerSizes: oci ? ociSizes(entry.Layers, layers) : null, bytesRead }
  }
  const index = parse<{ manifests?: unknown }>('index.json')
  const first = Array.isArray(index?.manifests) ? (index.manifests[0] as unknown) : undefined
  if (!isDescriptor(first)) throw new TarError('not an image archive: neither manifest.json nor index.json found')
  let imageManifest = parse<{ manifests?: unknown; config?: unknown; layers?: unknown }>(blobPath(first.digest))
  // An index may point to another index (multi-platform archives): take its first manifest.
  const nested = Array.isArray(imageManifest?.manifests) ? (imageManifest.manifests[0] as unknown) : undefined
  if (isDescriptor(nested)) imageManifest = parse(blobPath(nested.digest))
  const manifestLayers = imageManifest?.layers
  if (!isDescriptor(imageManifest?.config) || !Array.isArray(manifestLayers) || !manifestLayers.every(isDescriptor)) {
    throw new TarError('the OCI archive has no image manifest')
  }
  const config = imageConfig(parse<unknown>(blobPath(imageManifest.config.digest)), 'the OCI archive has no image config')
  const layerPaths = manifestLayers.map((l) => blobPath(l.digest))
  const ociLayerSizes = new Map(manifestLayers.map((l) => [blobPath(l.digest), l.size]))
  return { layout: 'oci', layerPaths, config, layers, ociLayerSizes, bytesRead }
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string')

function isDescriptor(value: unknown): value is OciDescriptor {
  const d = value as OciDescriptor | null | undefined
  return typeof d === 'object' && d !== null && typeof d.digest === 'string' && typeof d.size === 'number'
}

/** The config, if it has the shape the measurement reads (diff ids, history rows). */
function imageConfig(value: unknown, missing: string): SavedImage['config'] {
  if (typeof value !== 'object' || value === null) throw new TarError(missing)
  const config = value as SavedImage['config']
  const rootfs = config.rootfs as unknown
  const history = config.history as unknown
  const rowsOk = history === undefined || (Array.isArray(history) && history.every((h) => typeof h === 'object' && h !== null))
  const idsOk = rootfs === undefined || (typeof rootfs === 'object' && rootfs !== null && (config.rootfs?.diff_ids === undefined || isStringArray(config.rootfs.diff_ids)))
  if (!rowsOk || !idsOk) throw new TarError('the image config in the archive is damaged')
  return config
}

function ociSizes(paths: string[], layers: Map<string, LayerScan>): Map<string, number> {
  const sizes = new Map<string, number>()
  for (const p of paths) {
    const scan = layers.get(p)
    if (scan?.compressedExact && scan.compressed !== null) sizes.set(p, scan.compressed)
  }
  return sizes
}
