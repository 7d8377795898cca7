// Reading an image's layers, by the cheapest honest route:
//   - an image archive a build exported (BuildKit's own blobs): the file;
//   - only the uncached top layers, from overlay2's diff directories (classic
//     store, overlay.ts), when every layer below is cached;
//   - otherwise the whole `docker save` stream, once (a legacy stream whose
//     tar-size guess proved wrong is read a second time).
// Each returns the same SavedImage; any doubt about the fast path falls back
// to the save stream.
import { createReadStream } from 'node:fs'
import { CommandError } from '../errors.js'
import type { Docker } from '../docker/docker.js'
import type { EngineInfo } from '../docker/engine.js'
import type { Logger } from '../log.js'
import type { KnownSizes } from './known-sizes.js'
import { DeflatePool } from '../compress/deflate-pool.js'
import { SAMPLE_BYTES, type PushFlavor } from '../compress/push-flavor.js'
import type { InspectedImage } from '../docker/inspect.js'
import { OverlayUnavailable, readOverlayLayers } from './overlay.js'
import type { CachedLayer } from './cache.js'
import { scanSaveStream, type LayerPlan, type LayerScan, type SavedImage, type ScanOptions } from './save.js'
import { TarError } from './tar.js'
import { pairHistory } from './history.js'

export interface ReadOptions {
  /** An image archive (`docker`/`oci` export) to read instead of asking the engine. */
  archive: string | null
  /** Whose compress/flate the Go model follows (the engine's that will push). */
  flavor: PushFlavor
  concurrency: number
  /** Try the overlay2 fast path (classic store, every layer below the top cached). */
  fastPath: boolean
  cached: boolean
  /** Estimate the gzip size of layers without a known one; false when the engine's push sizes them. */
  estimate: boolean
}

export interface ReadLayers {
  saved: SavedImage
  /** Layers whose contents were read (all of them on the save stream). */
  layersRead: number
  /** Why the fast path was not taken (null when it was, or was not tried). */
  fastPathSkipped: string | null
}

interface ReadDeps {
  docker: Docker
  log?: Logger
}

export async function readLayers(inspected: InspectedImage, engine: EngineInfo, known: KnownSizes, options: ReadOptions, deps: ReadDeps): Promise<ReadLayers> {
  // Without estimates every size is known or sized elsewhere: nothing is compressed here.
  const isKnown = (diffId: string) => !options.estimate || known.exact.has(diffId) || known.cached.has(diffId)
  // Compressed blobs scanned before (containerd store, archives) are known by their digest.
  const byBlob = new Map<string, CachedLayer>()
  for (const entry of known.entries.values()) if (entry.blobDigest && entry.scan) byBlob.set(entry.blobDigest, entry)
  const cachedBlob = (digest: string) => {
    const entry = byBlob.get(digest)
    return entry?.scan ? { diffId: entry.diffId, tarBytes: entry.tarBytes, ...entry.scan } : null
  }
  const read = (saved: SavedImage, fastPathSkipped: string | null): ReadLayers => ({
    saved,
    layersRead: saved.layerPaths.filter((p) => (saved.layers.get(p)?.origin ?? 'save') === 'save').length,
    fastPathSkipped
  })
  if (options.archive) {
    const archive = options.archive
    const scan = { shouldCompress: (plan: LayerPlan) => options.estimate && (!plan.digest || !isKnown(plan.digest)), cachedBlob, source: "the build's image archive" }
    return read(await scanWith(options, scan, (opts) => scanSaveStream(createReadStream(archive, { highWaterMark: 1 << 20 }), opts)), null)
  }
  let fastPathSkipped: string | null = null
  const firstUncached = inspected.diffIds.findIndex((d) => !(known.entries.get(d)?.scan && isKnown(d)))
  const bottomCached = firstUncached < 0 ? inspected.diffIds.length : firstUncached
  if (!options.cached || !options.fastPath) {
    // Not asked for: nothing to explain.
  } else if (engine.store !== 'overlay2') {
    fastPathSkipped = `the ${engine.store === 'containerd' ? 'containerd image store' : `${engine.storageDriver} graph driver`} has no overlay2 layer directories`
  } else if (bottomCached === 0) {
    fastPathSkipped = 'the bottom layer is not cached'
  } else {
    try {
      const saved = await readTopLayers(inspected, known, bottomCached, options, deps)
      return { saved, layersRead: inspected.diffIds.length - bottomCached, fastPathSkipped: null }
    } catch (error) {
      fastPathSkipped = (error as Error).message
    }
  }
  if (fastPathSkipped) deps.log?.debug(`measure ${inspected.id.slice(0, 19)}: reading the whole docker save stream (${fastPathSkipped})\n`)
  return read(await readSaveStream(inspected, known, isKnown, cachedBlob, options, deps), fastPathSkipped)
}

/** Runs a scan with a deflate pool for the Go model (none without estimates), closed afterwards. */
async function scanWith(
  options: ReadOptions,
  scan: Pick<ScanOptions, 'shouldCompress' | 'cachedBlob' | 'source'>,
  read: (opts: Parameters<typeof scanSaveStream>[1]) => Promise<SavedImage>
): Promise<SavedImage> {
  const goPool = options.estimate ? new DeflatePool(options.concurrency, SAMPLE_BYTES, options.flavor) : null
  try {
    return await read({ ...scan, compressor: goPool ? { concurrency: options.concurrency * 2, goPool } : null })
  } finally {
    await goPool?.close()
  }
}

async function readSaveStream(
  inspected: InspectedImage,
  known: KnownSizes,
  isKnown: (d: string) => boolean,
  cachedBlob: ScanOptions['cachedBlob'],
  options: ReadOptions,
  deps: ReadDeps
): Promise<SavedImage> {
  // A legacy stream names layers by v1 ids: a tar size that only cached layers of this image have
  // says the layer needs no compressing (whichever of them it is); its hash confirms it afterwards.
  const byTarBytes = new Map<number, string[]>()
  for (const entry of known.entries.values()) if (entry.compressed !== null) byTarBytes.set(entry.tarBytes, [...(byTarBytes.get(entry.tarBytes) ?? []), entry.diffId])
  const skippedByGuess = new Set<string>()
  const scanOnce = (trustTarSize: boolean): Promise<SavedImage> => {
    skippedByGuess.clear()
    const shouldCompress = (plan: LayerPlan): boolean => {
      if (!options.estimate) return false
      if (plan.digest) return !isKnown(plan.digest)
      const candidates = trustTarSize ? (byTarBytes.get(plan.tarBytes) ?? []) : []
      if (candidates.length > 0 && candidates.every(isKnown)) {
        skippedByGuess.add(plan.entryPath)
        return false
      }
      return true
    }
    return scanWith(options, { shouldCompress, cachedBlob }, async (opts) => {
      const save = deps.docker.images.save(inspected.id)
      try {
        const saved = await scanSaveStream(save.stdout, opts)
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
      }
    })
  }
  const first = await scanOnce(true)
  // A layer skipped by its tar size that hashes to an unknown diff id: read again, compressing by hash alone.
  const wrongGuess = [...skippedByGuess].some((p) => !isKnown(first.layers.get(p)?.diffId ?? ''))
  return wrongGuess ? scanOnce(false) : first
}

/** The fast path: the cached scans of the layers below `bottom`, the ones above read from overlay2. Throws on any doubt. */
async function readTopLayers(inspected: InspectedImage, known: KnownSizes, bottom: number, options: ReadOptions, deps: ReadDeps): Promise<SavedImage> {
  const below = inspected.diffIds.slice(0, bottom).map((d) => known.entries.get(d)!)
  const goPool = options.estimate ? new DeflatePool(options.concurrency, SAMPLE_BYTES, options.flavor) : null
  // The daemon's own layer sizes, asked while the directories are read.
  const asked = deps.docker.images.historySizes(inspected.id)
  try {
    const read = await readOverlayLayers({
      imageId: inspected.id,
      diffIds: inspected.diffIds,
      graphDriver: inspected.graphDriver,
      lower: below.map((e) => e.scan!.files),
      docker: deps.docker,
      compressor: goPool ? { concurrency: options.concurrency * 2, goPool } : null
    })
    // The daemon's layer sizes must be what the directories hold (regular files; symlinks too for built layers).
    const history = read.config.history ?? []
    const daemonSizes = await asked
    if (!daemonSizes || daemonSizes.length !== history.length) throw new OverlayUnavailable('docker history sizes do not pair with the config history')
    const paired = pairHistory(read.config.rootfs?.diff_ids ?? inspected.diffIds, history)
    for (const [k, layer] of read.layers.entries()) {
      const row = paired[bottom + k]?.historyIndex ?? -1
      const daemon = row >= 0 ? daemonSizes[row] : NaN
      if (daemon !== layer.regularBytes && daemon !== layer.regularBytes + layer.symlinkBytes) {
        throw new OverlayUnavailable(`layer ${bottom + k}: overlay2 directory holds ${layer.regularBytes} bytes (+${layer.symlinkBytes} in symlinks), docker history says ${daemon}`)
      }
    }
    const layers = new Map<string, LayerScan>()
    const layerPaths: string[] = []
    below.forEach((e, i) => {
      const scan = cachedLayerScan(e, `cache:${i}`)
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

/** A layer's cached scan (it must have one) as a scan read now. */
export function cachedLayerScan(entry: CachedLayer, entryPath: string): LayerScan {
  const scan = entry.scan!
  return {
    entryPath,
    diffId: entry.diffId,
    tarBytes: entry.tarBytes,
    uncompressed: scan.uncompressed,
    compressed: null,
    compressedExact: false,
    files: scan.files,
    goBinaries: scan.goBinaries,
    origin: 'cache'
  }
}
