// Measuring an image: the report's `size`, `layers`, `wasted` and
// `goBinaries`, the same way on every engine. Three steps: what is known
// before reading (known-sizes.ts: registry sizes, cached scans, the base
// image's layers), reading the layers by the cheapest honest route
// (read-layers.ts: a build's archive, overlay2's top layers, or `docker
// save`), and the pure assembly (assemble.ts). Every layer scanned from a
// stream is cached by diff id, so a re-measurement reads only what changed.
import os from 'node:os'
import type { Docker } from '../docker/docker.js'
import { describeEngine, type EngineInfo } from '../docker/engine.js'
import type { Logger } from '../log.js'
import type { GoBinary, ImageSize, Layer, Wasted } from '../report/types.js'
import { assembleMeasurement } from './assemble.js'
import { LayerCache } from './cache.js'
import { dockerfileChain } from './history.js'
import type { InspectedImage } from '../docker/inspect.js'
import { knownSizes } from './known-sizes.js'
import { pushFlavorForGoVersion, type PushFlavor } from '../compress/push-flavor.js'
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
  /**
   * How layers are sized when no registry or archive knows them:
   * `go` (default) zlib level 4 scaled by a model of Go's compress/flate (what
   * `docker push` and BuildKit write) on four 64 KiB slices of each 4 MiB block;
   * `go-exact` runs the model on every byte (registry sizes to within bytes,
   * ~10x slower); `zlib` is zlib level 6 alone (about 1% off on executables).
   */
  estimator?: 'go' | 'go-exact' | 'zlib'
  /** Which Go release's compress/flate the Go estimators model (the pushing engine's: pushFlavorForGoVersion); default `go-classic`. */
  flavor?: PushFlavor
  topWastedFiles?: number
  /** Read uncached top layers from overlay2 directories when the rest is cached (default true); false always streams `docker save`. */
  fastPath?: boolean
  /** The image archive its build exported (`--output type=docker,dest=…`): read instead of `docker save`, its blob sizes exact. */
  archive?: string | null
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
  /** `overlay`: only the uncached top layers were read, from the daemon's overlay2 directories. */
  layout: 'legacy' | 'oci' | 'overlay'
  /** Whether the whole `docker save` stream (or the build's archive) was read. */
  saveStreamed: boolean
  /** Layers whose contents were read (all of them with the save stream). */
  layersRead: number
  /** Why the fast path was not taken (null when it was, or was not tried). */
  fastPathSkipped: string | null
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

export async function measureImage(ref: string, options: MeasureOptions, deps: MeasureDeps): Promise<Measurement> {
  const docker = deps.docker
  const [engine, inspected] = await Promise.all([docker.store.engine(), docker.images.inspect(ref)])
  const estimator = options.estimator ?? 'go'
  // The estimate follows the compress/flate of the engine that will push the image.
  const flavor = options.flavor ?? engineFlavor(engine, deps.log)
  const cache = options.cacheDir ? new LayerCache(options.cacheDir, estimator, flavor) : null
  const concurrency = options.concurrency ?? Math.max(1, os.availableParallelism?.() ?? os.cpus().length)
  const chain = options.dockerfile ? dockerfileChain(options.dockerfile.content, options.dockerfile.target, options.dockerfile.buildArgs) : null

  const known = await knownSizes({ inspected, engine, baseImage: chain ? chain.baseImage : undefined, cache, registry: options.registry !== false }, { docker, fetch: deps.fetch, log: deps.log })
  const read = await readLayers(
    inspected,
    engine,
    known,
    { archive: options.archive ?? null, estimator, flavor, concurrency, fastPath: options.fastPath !== false, cached: cache !== null },
    { docker, log: deps.log }
  )
  const listed = engine.store === 'containerd' ? await docker.store.listedSize(inspected.id, inspected.platform) : null
  const assembled = assembleMeasurement({
    inspected,
    engine,
    saved: read.saved,
    exact: known.exact,
    cached: known.cached,
    blobSource: options.archive ? 'oci' : 'image-store',
    estimator: pushEstimator(engine, estimator, flavor),
    chain,
    baseLayerCount: known.baseLayerCount,
    listed,
    topWastedFiles: options.topWastedFiles ?? 20
  })
  if (engine.store === 'overlay2' && assembled.size.uncompressed !== inspected.size) {
    deps.log?.debug(`measure ${ref}: the layers add up to ${assembled.size.uncompressed} bytes, docker image inspect says ${inspected.size}\n`)
  }
  // Layers read from the save stream or an archive (hash-checked) are cached with their scan; overlay reads are not (re-serialised tars).
  if (cache) {
    for (const scan of assembled.scans) {
      if ((scan.origin ?? 'save') !== 'save') continue
      const estimate = !scan.compressedExact && scan.compressed !== null ? scan.compressed : (known.cached.get(scan.diffId) ?? null)
      const blobDigest = scan.compressedExact ? /^blobs\/sha256\/([0-9a-f]{64})$/.exec(scan.entryPath)?.[1] : undefined
      const had = known.entries.get(scan.diffId)
      if (had?.scan && had.compressed === estimate && (!blobDigest || had.blobDigest === `sha256:${blobDigest}`)) continue
      const entry = {
        diffId: scan.diffId,
        tarBytes: scan.tarBytes,
        compressed: estimate,
        source: 'gzip-estimate' as const,
        scan: { uncompressed: scan.uncompressed, files: scan.files, goBinaries: scan.goBinaries },
        ...(blobDigest ? { blobDigest: `sha256:${blobDigest}` } : {})
      }
      await cache.put(entry)
      known.entries.set(scan.diffId, { ...entry, version: 0 })
    }
  }
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
      saveStreamed: read.saved.layout !== 'overlay',
      layersRead: read.layersRead,
      fastPathSkipped: read.fastPathSkipped
    }
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
function pushEstimator(engine: EngineInfo, estimator: MeasureOptions['estimator'], flavor: PushFlavor): string {
  if (estimator === 'zlib') return 'zlib level 6 (not a model of docker push)'
  const model = flavor === 'go1.27' ? 'Go 1.27+ compress/flate level 6' : 'Go ≤ 1.26 compress/flate level 6'
  return `${model}${estimator === 'go-exact' ? ' (every byte modelled)' : ''}, as ${describeEngine(engine)} pushes`
}
