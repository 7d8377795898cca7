// Measuring an image: the report's `size`, `layers`, `wasted` and
// `goBinaries`. `docker image inspect` gives the exact total; one pass over
// `docker save` gives the config history, per-layer sizes (adding up to the
// total exactly), file records for wasted bytes, Go binaries, and gzip
// estimates for the layers whose compressed size is not known exactly (from a
// registry manifest, an OCI archive, or the on-disk cache). Each layer's scan
// is cached by diff id; when only the top layers of an image are not cached,
// they are read from the daemon's overlay2 directories instead of the whole
// save stream (overlay.ts), and any doubt falls back to the save stream.
import { CommandError } from '../errors.js'
import type { Exec, Spawn } from '../exec.js'
import type { Logger } from '../log.js'
import type { CompressedSource, GoBinary, ImageSize, Layer, Wasted } from '../report/types.js'
import os from 'node:os'
import { LayerCache, type CachedLayer } from './cache.js'
import { DeflatePool } from './deflate-pool.js'
import { dockerfileChain, matchHistory, pairHistory } from './history.js'
import { inspectImage, type InspectedImage } from './inspect.js'
import { OverlayUnavailable, readOverlayLayers } from './overlay.js'
import { fetchRegistryImage } from './registry.js'
import { scanSaveStream, type LayerPlan, type LayerScan, type SavedImage } from './save.js'
import { TarError } from './tar.js'
import { computeWasted } from './wasted.js'

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
  topWastedFiles?: number
  /** Read uncached top layers from overlay2 directories when the rest is cached (default true); false always streams `docker save`. */
  fastPath?: boolean
}

export interface MeasureDeps {
  exec: Exec
  spawn: Spawn
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
  /** Whether the whole `docker save` stream was read. */
  saveStreamed: boolean
  /** Layers whose contents were read (all of them with the save stream). */
  layersRead: number
  /** Why the fast path was not taken (null when it was, or was not tried). */
  fastPathSkipped: string | null
}

export interface Measurement {
  inspected: InspectedImage
  size: ImageSize
  layers: Layer[]
  wasted: Wasted
  goBinaries: GoBinary[]
  baseImage: string | null
  stats: MeasureStats
}

export async function measureImage(ref: string, options: MeasureOptions, deps: MeasureDeps): Promise<Measurement> {
  const inspected = await inspectImage(ref, deps.exec)
  const estimator = options.estimator ?? 'go'
  const cache = options.cacheDir ? new LayerCache(options.cacheDir, estimator) : null
  const concurrency = options.concurrency ?? Math.max(1, os.availableParallelism?.() ?? os.cpus().length)
  const chain = options.dockerfile ? dockerfileChain(options.dockerfile.content, options.dockerfile.target, options.dockerfile.buildArgs) : null

  // Exact compressed sizes, by diff id, where a registry has them.
  const exact = new Map<string, { size: number; source: CompressedSource }>()
  let baseLayerCount: number | null = chain && chain.baseImage === null ? 0 : null
  if (chain?.baseImage) {
    const base = await inspectImage(chain.baseImage, deps.exec).catch(() => null)
    if (base && base.diffIds.every((d, i) => inspected.diffIds[i] === d)) {
      baseLayerCount = base.diffIds.length
      if (options.registry !== false) await addRegistrySizes(base.repoDigests, inspected.platform, exact, deps)
    }
  }
  if (options.registry !== false) await addRegistrySizes(inspected.repoDigests, inspected.platform, exact, deps)

  // Cached estimates, and the tar sizes that let a legacy stream skip compressing them.
  const cached = new Map<string, number>()
  const entries = new Map<string, CachedLayer>()
  const byTarBytes = new Map<number, string[]>()
  if (cache) {
    for (const diffId of new Set(inspected.diffIds)) {
      const entry = await cache.get(diffId)
      if (!entry) continue
      entries.set(diffId, entry)
      if (entry.compressed === null) continue
      cached.set(diffId, entry.compressed)
      byTarBytes.set(entry.tarBytes, [...(byTarBytes.get(entry.tarBytes) ?? []), diffId])
    }
  }
  const known = (diffId: string) => exact.has(diffId) || cached.has(diffId)
  const skippedByGuess = new Set<string>()

  const scanOnce = async (trustTarSize: boolean): Promise<SavedImage> => {
    skippedByGuess.clear()
    const save = deps.spawn('docker', ['save', inspected.id])
    const shouldCompress = (plan: LayerPlan): boolean => {
      if (plan.digest) return !known(plan.digest)
      // A legacy stream names layers by v1 ids: a tar size that only cached layers of this image have
      // says the layer needs no compressing (whichever of them it is); its hash confirms it afterwards.
      const candidates = trustTarSize ? (byTarBytes.get(plan.tarBytes) ?? []) : []
      if (candidates.length > 0 && candidates.every(known)) {
        skippedByGuess.add(plan.entryPath)
        return false
      }
      return true
    }
    const goPool = estimator === 'zlib' ? null : new DeflatePool(concurrency, estimator === 'go' ? 256 * 1024 : 0)
    try {
      const saved = await scanSaveStream(save.stdout, { shouldCompress, compressor: { concurrency: goPool ? concurrency * 2 : concurrency, goPool } })
      await save.done
      return saved
    } catch (error) {
      save.kill()
      const saveError = await save.done.then(
        () => null,
        (e: unknown) => e
      )
      // A stream that ended early is explained by docker save's own error; anything else is ours.
      if (error instanceof TarError && saveError instanceof CommandError) throw saveError
      throw error
    } finally {
      await goPool?.close()
    }
  }

  /** The fast path; throws (the caller falls back to the save stream) on any doubt. */
  const readTopLayers = async (bottom: number): Promise<SavedImage> => {
    const goPool = estimator === 'zlib' ? null : new DeflatePool(concurrency, estimator === 'go' ? 256 * 1024 : 0)
    try {
      const below = inspected.diffIds.slice(0, bottom).map((d) => entries.get(d)!)
      const read = await readOverlayLayers({
        imageId: inspected.id,
        diffIds: inspected.diffIds,
        graphDriver: inspected.graphDriver,
        lower: below.map((e) => e.scan!.files),
        exec: deps.exec,
        spawn: deps.spawn,
        compressor: { concurrency: goPool ? concurrency * 2 : concurrency, goPool }
      })
      // The daemon's layer sizes must be what the directories hold (regular files; symlinks too for built layers).
      const { sizes } = layerSizesOf(read.config, await historySizes)
      if (!sizes) throw new OverlayUnavailable('docker history sizes do not pair with the config history')
      for (const [k, layer] of read.layers.entries()) {
        const daemon = sizes[bottom + k]
        if (daemon !== layer.regularBytes && daemon !== layer.regularBytes + layer.symlinkBytes) {
          throw new OverlayUnavailable(`layer ${bottom + k}: overlay2 directory holds ${layer.regularBytes} bytes (+${layer.symlinkBytes} in symlinks), docker history says ${daemon}`)
        }
      }
      const layers = new Map<string, LayerScan>()
      const layerPaths: string[] = []
      below.forEach((e, i) => {
        const scan: LayerScan = { entryPath: `cache:${i}`, diffId: e.diffId, tarBytes: e.tarBytes, uncompressed: e.scan!.uncompressed, compressed: null, compressedExact: false, files: e.scan!.files, goBinaries: e.scan!.goBinaries, origin: 'cache' }
        layers.set(scan.entryPath, scan)
        layerPaths.push(scan.entryPath)
      })
      for (const layer of read.layers) {
        layers.set(layer.scan.entryPath, layer.scan)
        layerPaths.push(layer.scan.entryPath)
      }
      return { layout: 'overlay', layerPaths, config: read.config, layers, ociLayerSizes: null, bytesRead: read.bytesRead }
    } finally {
      await goPool?.close()
    }
  }

  // The daemon's own per-layer sizes (they add up to Size exactly); read alongside the save stream.
  const historySizes = dockerHistorySizes(inspected.id, deps.exec)
  const layerSizesOf = (config: SavedImage['config'], daemonSizes: number[] | null) => {
    const history = config.history ?? []
    const paired = pairHistory(config.rootfs?.diff_ids ?? inspected.diffIds, history)
    const sizes = daemonSizes && daemonSizes.length === history.length ? paired.map((p) => (p.historyIndex >= 0 ? daemonSizes[p.historyIndex] : NaN)) : null
    return { history, paired, sizes }
  }

  // The fast path: every layer cached (scan and compressed size) but the top ones, read from overlay2.
  let saved: SavedImage | null = null
  let fastPathSkipped: string | null = null
  let layersRead = 0
  const cachedBelow = inspected.diffIds.findIndex((d) => !(entries.get(d)?.scan && known(d)))
  const bottomCached = cachedBelow < 0 ? inspected.diffIds.length : cachedBelow
  if (cache && options.fastPath !== false && bottomCached > 0) {
    try {
      saved = await readTopLayers(bottomCached)
      layersRead = inspected.diffIds.length - bottomCached
    } catch (error) {
      fastPathSkipped = (error as Error).message
      deps.log?.debug(`measure ${ref}: reading the whole docker save stream (${fastPathSkipped})\n`)
    }
  } else if (cache && options.fastPath !== false) {
    fastPathSkipped = 'the bottom layer is not cached'
  }
  if (!saved) {
    saved = await scanOnce(true)
    // A layer skipped by its tar size that hashes to an unknown diff id: measure again, compressing by hash alone.
    const first = saved
    const wrongGuess = [...skippedByGuess].some((p) => !known(first.layers.get(p)?.diffId ?? ''))
    if (wrongGuess) saved = await scanOnce(false)
    layersRead = saved.layerPaths.length
  }

  const { history, paired, sizes: daemonLayerSizes } = layerSizesOf(saved.config, await historySizes)
  const matches = chain ? matchHistory(history, chain.instructions) : history.map(() => null)
  // Without a local base image, the first row matched to the Dockerfile marks where our layers start.
  const firstOwnRow = matches.findIndex((m) => m !== null)

  const stats: MeasureStats = {
    layersCompressed: 0,
    layersFromCache: 0,
    layersExact: 0,
    bytesRead: saved.bytesRead,
    layout: saved.layout,
    saveStreamed: saved.layout !== 'overlay',
    layersRead,
    fastPathSkipped
  }
  const sources = new Set<CompressedSource>()
  const layers: Layer[] = []
  for (const [index, pair] of paired.entries()) {
    const entryPath = saved.layerPaths[index]
    const scan = entryPath ? saved.layers.get(entryPath) : undefined
    if (!scan) throw new CommandError(`docker save of ${ref} has no data for layer ${index} (${pair.diffId})`)
    if (scan.diffId !== pair.diffId) throw new CommandError(`docker save of ${ref}: layer ${index} hashes to ${scan.diffId}, expected ${pair.diffId}`)
    let compressed: number | null
    if (exact.has(pair.diffId)) {
      const e = exact.get(pair.diffId)!
      compressed = e.size
      sources.add(e.source)
      stats.layersExact++
    } else if (scan.compressedExact && scan.compressed !== null) {
      compressed = scan.compressed
      sources.add('oci')
      stats.layersExact++
    } else if (scan.compressed !== null) {
      compressed = scan.compressed
      sources.add('gzip-estimate')
      stats.layersCompressed++
    } else {
      compressed = cached.get(pair.diffId) ?? null
      sources.add(compressed === null ? null : 'gzip-estimate')
      if (compressed !== null) stats.layersFromCache++
    }
    // Layers read from the save stream (hash-checked) are cached with their scan; overlay reads are not (re-serialised tars).
    if (cache && (scan.origin ?? 'save') === 'save') {
      const estimate = !scan.compressedExact && scan.compressed !== null ? scan.compressed : (cached.get(pair.diffId) ?? null)
      const had = entries.get(pair.diffId)
      if (!had?.scan || had.compressed !== estimate) {
        const entry = { diffId: pair.diffId, tarBytes: scan.tarBytes, compressed: estimate, source: 'gzip-estimate' as const, scan: { uncompressed: scan.uncompressed, files: scan.files, goBinaries: scan.goBinaries } }
        await cache.put(entry)
        entries.set(pair.diffId, { ...entry, version: 0 })
      }
    }
    const match = pair.historyIndex >= 0 ? matches[pair.historyIndex] : null
    const fromBaseImage = baseLayerCount !== null ? index < baseLayerCount : firstOwnRow < 0 ? false : pair.historyIndex < firstOwnRow
    layers.push({
      index,
      diffId: pair.diffId,
      instruction: pair.instruction,
      dockerfileLine: match?.line ?? null,
      stage: match?.stage ?? null,
      fromBaseImage,
      // The tar's regular file sizes, unless the daemon counted this layer otherwise (it counts symlinks in some layers, not in others).
      uncompressed: daemonLayerSizes && Number.isFinite(daemonLayerSizes[index]) ? daemonLayerSizes[index] : scan.uncompressed,
      compressed
    })
  }

  const scans = saved.layerPaths.map((p) => saved.layers.get(p)!)
  const replay = computeWasted(
    scans.map((s) => s.files),
    options.topWastedFiles ?? 20
  )
  const goBinaries: GoBinary[] = []
  scans.forEach((scan, index) => {
    for (const b of scan.goBinaries) {
      if (replay.survivors.get(b.path.slice(1)) !== index) continue
      goBinaries.push({
        path: b.path,
        bytes: b.bytes,
        goVersion: b.facts.goVersion,
        static: b.facts.static,
        stripped: b.facts.stripped,
        symbolBytes: b.facts.symbolBytes,
        cgo: b.facts.cgo,
        module: b.facts.module,
        trimpath: b.facts.trimpath,
        ldflags: b.facts.ldflags,
        packages: b.facts.packages,
        needs: b.facts.needs ?? null
      })
    }
  })

  const allCompressed = layers.every((l) => l.compressed !== null)
  const compressedSource: CompressedSource = !allCompressed
    ? null
    : sources.has('gzip-estimate')
      ? 'gzip-estimate'
      : sources.has('oci')
        ? 'oci'
        : 'registry'
  return {
    inspected,
    size: {
      uncompressed: inspected.size,
      compressed: allCompressed ? layers.reduce((sum, l) => sum + (l.compressed ?? 0), 0) : null,
      compressedSource
    },
    layers,
    wasted: { bytes: replay.bytes, files: replay.files, layers: replay.byLayer },
    goBinaries,
    baseImage: chain?.baseImage ?? null,
    stats
  }
}

/** Adds the exact compressed sizes a registry holds for these digests' manifests; a registry that cannot answer is skipped. */
async function addRegistrySizes(repoDigests: string[], platform: string, into: Map<string, { size: number; source: CompressedSource }>, deps: MeasureDeps): Promise<void> {
  for (const repoDigest of repoDigests) {
    try {
      const image = await fetchRegistryImage(repoDigest, platform, { fetch: deps.fetch })
      image.config.diffIds.forEach((diffId, i) => {
        // Only gzip layers have sizes comparable with a gzip estimate.
        if (/gzip/.test(image.layers[i].mediaType)) into.set(diffId, { size: image.layers[i].size, source: 'registry' })
      })
      return
    } catch (error) {
      deps.log?.debug(`registry sizes for ${repoDigest}: ${(error as Error).message}\n`)
    }
  }
}

/** `docker history` sizes, oldest row first (one row per config history entry), or null. */
async function dockerHistorySizes(id: string, exec: Exec): Promise<number[] | null> {
  const r = await exec('docker', ['history', '--no-trunc', '--human=false', '--format', '{{.Size}}', id]).catch(() => null)
  if (!r || r.code !== 0) return null
  const sizes = r.stdout.trim().split('\n').map(Number)
  return sizes.every(Number.isSafeInteger) ? sizes.reverse() : null
}
