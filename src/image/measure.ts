// Measuring an image: the report's `size`, `layers`, `wasted` and
// `goBinaries`, the same way on every engine. Three steps: what is known
// before reading (known-sizes.ts: registry sizes, cached scans and pushed
// sizes, the base image's layers), reading the layers by the cheapest honest
// route (read-layers.ts: a build's archive, overlay2's top layers, or `docker
// save`), and the pure assembly (assemble.ts). On the classic store the
// compressed sizes no one knows yet come from the engine's own push to an
// endpoint on loopback (push-sizes.ts), which also reads the layers it uploads
// (read-push.ts); where the engine cannot reach it, or the push fails, they are
// estimated while the layers are read. On the containerd store, whose blobs
// are exact as stored, the same push reads an image of some size (its blobs
// as stored, the cached ones answered as present so only the others are
// read) where that store's `docker save` streams every blob at a fifth of
// the push's speed. Every layer scanned from a stream, and every size pushed, is cached by
// diff id, so a re-measurement reads and pushes only what changed.
import os from 'node:os'
import type { Docker } from '../docker/docker.js'
import { describeEngine, type EngineInfo } from '../docker/engine.js'
import type { Logger } from '../log.js'
import type { GoBinary, ImageSize, Layer, Wasted } from '../report/types.js'
import { assembleMeasurement } from './assemble.js'
import { LayerCache, type CachedLayer, type PushedBlob } from './cache.js'
import { dockerfileChain } from './history.js'
import type { InspectedImage } from '../docker/inspect.js'
import { knownSizes, type KnownSizes } from './known-sizes.js'
import type { LayerScan } from './save.js'
import { pushFlavorForGoVersion, type PushFlavor } from '../compress/push-flavor.js'
import { openPushEndpoint, pushEngineKey, type PushOptions, type PushSizes } from './push-sizes.js'
import { besideCleanup, readAndPush } from './read-push.js'
import { readLayers } from './read-layers.js'

export interface MeasureOptions {
  /** The Dockerfile the image was built from, to name lines and stages and find the base image. */
  dockerfile?: { content: string; target: string | null; buildArgs?: Record<string, string> } | null
  /** Where compressed sizes are cached by diff id; null disables the cache. */
  cacheDir: string | null
  /** Ask registries for exact compressed sizes (the image's own RepoDigests, the base image's). */
  registry?: boolean
  /** Parallel deflate jobs (default: one per CPU). */
  concurrency?: number
  /** Which Go release's compress/flate the estimate models (default: the engine's, pushFlavorForGoVersion). */
  flavor?: PushFlavor
  topWastedFiles?: number
  /** Read uncached top layers from overlay2 directories when the rest is cached (default true); false always streams `docker save`. */
  fastPath?: boolean
  /** The image archive its build exported (`--output type=docker,dest=…`): read instead of `docker save`, its blob sizes exact. */
  archive?: string | null
  /** Size the classic store's layers by the engine's own push (default: yes); false always estimates. */
  push?: PushOptions | false
}

export interface MeasureDeps {
  /** The engine adapter: every engine command the measurement makes. */
  docker: Docker
  fetch?: typeof fetch
  log?: Logger
}

export interface MeasureStats {
  layersCompressed: number
  layersFromCache: number
  layersExact: number
  bytesRead: number
  /** `overlay`: only the uncached top layers were read, from the daemon's overlay2 directories; `push`: from the engine's push alone. */
  layout: 'legacy' | 'oci' | 'overlay' | 'push'
  /** Whether the whole `docker save` stream (or the build's archive) was read. */
  saveStreamed: boolean
  /** Layers whose contents were read (all of them with the save stream). */
  layersRead: number
  /** Why the fast path was not taken (null when it was, or was not tried). */
  fastPathSkipped: string | null
  /** The engine's own push: where it went, layers it uploaded, layers it skipped as known; null when no push ran or it failed. */
  pushed: { endpoint: string; uploaded: number; skipped: number } | null
  /** Why the layers without a known size were estimated instead of pushed (null when they were pushed, or none was missing). */
  pushFallback: string | null
}

export interface Measurement {
  inspected: InspectedImage
  engine: EngineInfo
  size: ImageSize
  layers: Layer[]
  wasted: Wasted
  goBinaries: GoBinary[]
  baseImage: string | null
  stats: MeasureStats
}

/**
 * On the containerd store (where an image's size is its blobs'), from this size on the push
 * reads the image instead of `docker save`: that store's save streams blobs at about a fifth
 * of its push's speed (the bench's 756 MB: 13.7-18.9 s against 2.9-3.6 s), and the push's fixed
 * cost (a probe, a tag and its removal) is about 0.2 s, what the save takes for a few MB.
 */
const STORE_PUSH_MIN_BYTES = 16 * 1024 * 1024

export async function measureImage(ref: string, options: MeasureOptions, deps: MeasureDeps): Promise<Measurement> {
  const docker = deps.docker
  const [engine, inspected] = await Promise.all([docker.store.engine(), docker.images.inspect(ref)])
  // The estimate follows the compress/flate of the engine that will push the image.
  const flavor = options.flavor ?? engineFlavor(engine, deps.log)
  const cache = options.cacheDir ? new LayerCache(options.cacheDir, flavor) : null
  const concurrency = options.concurrency ?? Math.max(1, os.availableParallelism?.() ?? os.cpus().length)
  const chain = options.dockerfile ? dockerfileChain(options.dockerfile.content, options.dockerfile.target, options.dockerfile.buildArgs) : null

  const containerdStore = engine.store === 'containerd'
  const pushOptions = options.push === false || options.archive ? null : (options.push ?? {})
  const pushes = pushOptions !== null && (!containerdStore || inspected.size >= (pushOptions.storeMinBytes ?? STORE_PUSH_MIN_BYTES))
  // The push endpoint is opened and probed while the known sizes are gathered.
  const blobs = new Map<string, number>()
  const opening = pushes ? openPushEndpoint(engine, inspected, blobs, pushOptions, deps) : null
  const known = await knownSizes(
    // The classic store's pushes recompress: their sizes are no containerd store's.
    { inspected, engine, baseImage: chain ? chain.baseImage : undefined, cache, registry: options.registry !== false, pushEngine: containerdStore ? null : pushEngineKey(engine) },
    { docker, fetch: deps.fetch, log: deps.log }
  ).catch(async (error: unknown) => {
    await opening?.then((e) => ('close' in e ? e.close() : e.cleanup))
    throw error
  })
  // Blobs whose size is known are answered as present: the engine skips them (on the containerd
  // store, the blobs of the layers cached before: only the others are uploaded and read).
  for (const size of known.exact.values()) if (size.digest) blobs.set(size.digest, size.size)
  if (containerdStore) for (const entry of known.entries.values()) if (entry.scan && entry.blobDigest && entry.blobSize !== undefined) blobs.set(entry.blobDigest, entry.blobSize)
  const readWith = (estimate: boolean) =>
    readLayers(inspected, engine, known, { archive: options.archive ?? null, flavor, concurrency, fastPath: options.fastPath !== false, cached: cache !== null, estimate }, { docker, log: deps.log })
  const { read, pushed, fallback, cleanup } = await readAndPush(inspected.diffIds, known, opening, readWith, deps.log, containerdStore ? 'image-store' : 'push')
  const assembleAndCache = async () => {
    const listed = engine.store === 'containerd' ? await docker.store.listedSize(inspected.id, inspected.platform) : null
    const assembled = assembleMeasurement({
      inspected,
      engine,
      saved: read.saved,
      exact: known.exact,
      cached: known.cached,
      blobSource: options.archive ? 'oci' : 'image-store',
      estimator: pushEstimator(engine, flavor),
      fallback,
      chain,
      baseLayerCount: known.baseLayerCount,
      listed,
      topWastedFiles: options.topWastedFiles ?? 20
    })
    if (engine.store === 'overlay2' && assembled.size.uncompressed !== inspected.size) {
      deps.log?.debug(`measure ${ref}: the layers add up to ${assembled.size.uncompressed} bytes, docker image inspect says ${inspected.size}\n`)
    }
    if (cache) await updateCache(cache, assembled.scans, known, pushedBlobs(inspected.diffIds, pushed, pushEngineKey(engine)), containerdStore)
    return assembled
  }
  // The push's tag is removed while the measurement is assembled and cached; it is gone before this returns.
  const assembled = await besideCleanup(assembleAndCache(), cleanup)
  return {
    inspected,
    engine,
    size: assembled.size,
    layers: assembled.layers,
    wasted: assembled.wasted,
    goBinaries: assembled.goBinaries,
    baseImage: chain?.baseImage ?? null,
    stats: {
      layersCompressed: assembled.counts.estimated,
      layersFromCache: assembled.counts.fromCache,
      layersExact: assembled.counts.exact,
      bytesRead: read.saved.bytesRead,
      layout: read.saved.layout,
      saveStreamed: read.saved.layout !== 'overlay' && read.saved.layout !== 'push',
      layersRead: read.layersRead,
      fastPathSkipped: read.fastPathSkipped,
      pushed: pushed?.ok ? { endpoint: pushed.endpoint, uploaded: pushed.layers.filter((l) => l.uploaded).length, skipped: pushed.layers.filter((l) => !l.uploaded).length } : null,
      pushFallback: fallback
    }
  }
}

/** The blobs this push uploaded, by diff id, to cache. */
function pushedBlobs(diffIds: string[], pushed: PushSizes | null, engine: string): Map<string, PushedBlob> {
  const blobs = new Map<string, PushedBlob>()
  if (pushed?.ok) pushed.layers.forEach((l, i) => l.uploaded && blobs.set(diffIds[i], { digest: l.digest, size: l.size, engine }))
  return blobs
}

/**
 * Caches what this measurement learnt by diff id: the scans of layers read
 * from the save stream or an archive (hash-checked) or from the push (named
 * by its manifest; overlay reads are re-serialised tars, not cached), their
 * estimates, the blobs the classic store's push uploaded, and the compressed
 * blob each layer was read from (a save stream's or an archive's is named by
 * its entry; the containerd store's push uploads its blobs as stored).
 */
async function updateCache(cache: LayerCache, scans: LayerScan[], known: KnownSizes, uploaded: Map<string, PushedBlob>, uploadedAsStored: boolean): Promise<void> {
  for (const scan of scans) {
    // Read from the save stream or an archive (hash-checked against the diff id), or the push (its manifest names the layer).
    const fromSave = (scan.origin ?? 'save') === 'save' || scan.origin === 'push'
    const push = uploadedAsStored ? undefined : uploaded.get(scan.diffId)
    if (!fromSave && !push) continue
    const had = known.entries.get(scan.diffId)
    const estimate = !scan.compressedExact && scan.compressed !== null ? scan.compressed : (known.cached.get(scan.diffId) ?? null)
    const named = scan.compressedExact ? /^blobs\/sha256\/([0-9a-f]{64})$/.exec(scan.entryPath)?.[1] : undefined
    const read = named && scan.compressed !== null ? { digest: `sha256:${named}`, size: scan.compressed } : uploadedAsStored ? uploaded.get(scan.diffId) : undefined
    const blob = read ?? (had?.blobDigest ? { digest: had.blobDigest, size: had.blobSize } : undefined)
    const entry: Omit<CachedLayer, 'version'> = {
      diffId: scan.diffId,
      tarBytes: fromSave ? scan.tarBytes : (had?.tarBytes ?? scan.tarBytes),
      compressed: fromSave ? estimate : (had?.compressed ?? null),
      source: 'gzip-estimate',
      scan: fromSave ? { uncompressed: scan.uncompressed, files: scan.files, goBinaries: scan.goBinaries } : had?.scan,
      ...(blob ? { blobDigest: blob.digest, ...(blob.size !== undefined ? { blobSize: blob.size } : {}) } : {}),
      ...((push ?? had?.pushed) ? { pushed: push ?? had?.pushed } : {})
    }
    const samePush = JSON.stringify(had?.pushed ?? null) === JSON.stringify(entry.pushed ?? null)
    if (had?.scan && had.compressed === entry.compressed && had.blobDigest === entry.blobDigest && had.blobSize === entry.blobSize && samePush) continue
    await cache.put(entry)
    known.entries.set(scan.diffId, { ...entry, version: 0 })
  }
}

/** The flavor of the engine's Go; classic when the engine does not say (an older engine, a proxy). */
function engineFlavor(engine: EngineInfo, log?: Logger): PushFlavor {
  try {
    return pushFlavorForGoVersion(engine.goVersion)
  } catch (error) {
    log?.debug(`${(error as Error).message}; estimating as Go up to 1.26 compresses\n`)
    return 'go-classic'
  }
}

/** What the gzip estimates model: the compressor of the engine that will push the image. */
function pushEstimator(engine: EngineInfo, flavor: PushFlavor): string {
  const model = flavor === 'go1.27' ? 'Go 1.27+ compress/flate level 6' : 'Go ≤ 1.26 compress/flate level 6'
  return `${model}, sampled, as ${describeEngine(engine)} pushes`
}
