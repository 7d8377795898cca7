// The pure last step of a measurement: from what was read (each layer's scan,
// the config history) and what is known (exact compressed sizes, cached
// estimates), the report's layers, totals, wasted bytes and Go binaries.
//
// One definition of size on every engine: a layer's `uncompressed` is its
// classic size (regular-file bytes plus symlink target lengths, hard links
// once), computed from the layer tar, never from `docker image inspect` or
// `docker history` (which mean other things on the containerd store). The
// total is their sum. What the engine itself says is kept beside it.
import type { CompressedSource, EngineSizes, GoBinary, ImageSize, Layer, Wasted } from '../report/types.js'
import type { ListedSize } from '../docker/store.js'
import { describeEngine, type EngineInfo } from '../docker/engine.js'
import { matchHistory, pairHistory, type DockerfileChain } from './history.js'
import type { InspectedImage } from '../docker/inspect.js'
import type { LayerScan, SavedImage } from './save.js'
import { computeWasted } from './wasted.js'

export interface KnownSize {
  size: number
  source: Exclude<CompressedSource, null>
  /** The blob's digest, where a registry or a push named it. */
  digest?: string
}

export interface AssemblyInput {
  inspected: InspectedImage
  engine: EngineInfo
  saved: SavedImage
  /** Exact compressed sizes by diff id (registry manifests). */
  exact: Map<string, KnownSize>
  /** Cached gzip estimates by diff id. */
  cached: Map<string, number>
  /** Where blobs that were already compressed in what was read come from: an export archive (`oci`) or the engine's store (`image-store`). */
  blobSource: 'oci' | 'image-store'
  /** What made the gzip estimates, for the report. */
  estimator: string | null
  /** Why the engine's own push did not size the layers that were estimated. */
  fallback: string | null
  chain: DockerfileChain | null
  /** Layers that come from the base image (its diff ids are a prefix of ours), when the base is known locally. */
  baseLayerCount: number | null
  listed: ListedSize | null
  topWastedFiles: number
}

export interface Assembled {
  size: ImageSize
  layers: Layer[]
  wasted: Wasted
  goBinaries: GoBinary[]
  /** The scan of each layer, in image order (for the cache). */
  scans: LayerScan[]
  counts: { exact: number; estimated: number; fromCache: number }
}

/** Throws when what was read does not belong to the inspected image (a layer missing or hashing to another diff id). */
export function assembleMeasurement(input: AssemblyInput): Assembled {
  const { saved, inspected } = input
  const history = saved.config.history ?? []
  const paired = pairHistory(saved.config.rootfs?.diff_ids ?? inspected.diffIds, history)
  const matches = input.chain ? matchHistory(history, input.chain.instructions) : history.map(() => null)
  // Without a local base image, the first row matched to the Dockerfile marks where our layers start.
  const firstOwnRow = matches.findIndex((m) => m !== null)
  const counts = { exact: 0, estimated: 0, fromCache: 0 }
  const scans: LayerScan[] = []
  const layers: Layer[] = paired.map((pair, index) => {
    const entryPath = saved.layerPaths[index]
    const scan = entryPath ? saved.layers.get(entryPath) : undefined
    if (!scan) throw new Error(`the image archive of ${inspected.id} has no data for layer ${index} (${pair.diffId})`)
    if (scan.diffId !== pair.diffId) throw new Error(`the image archive of ${inspected.id}: layer ${index} hashes to ${scan.diffId}, expected ${pair.diffId}`)
    scans.push(scan)
    const { compressed, source } = compressedOf(scan, input, counts)
    const match = pair.historyIndex >= 0 ? matches[pair.historyIndex] : null
    const fromBaseImage = input.baseLayerCount !== null ? index < input.baseLayerCount : firstOwnRow >= 0 && pair.historyIndex < firstOwnRow
    return {
      index,
      diffId: pair.diffId,
      instruction: pair.instruction,
      dockerfileLine: match?.line ?? null,
      stage: match?.stage ?? null,
      fromBaseImage,
      uncompressed: scan.uncompressed,
      compressed,
      compressedSource: source
    }
  })

  const replay = computeWasted(
    scans.map((s) => s.files),
    input.topWastedFiles
  )
  const goBinaries: GoBinary[] = []
  scans.forEach((scan, index) => {
    for (const b of scan.goBinaries) {
      // Only the copy that survives in the final filesystem.
      if (replay.survivors.get(b.path.slice(1)) !== index) continue
      const f = b.facts
      goBinaries.push({
        path: b.path,
        bytes: b.bytes,
        goVersion: f.goVersion,
        static: f.static,
        stripped: f.stripped,
        symbolBytes: f.symbolBytes,
        cgo: f.cgo,
        module: f.module,
        trimpath: f.trimpath,
        ldflags: f.ldflags,
        packages: f.packages,
        needs: f.needs ?? null,
        attribution: f.attribution ?? null
      })
    }
  })

  const allCompressed = layers.every((l) => l.compressed !== null)
  const sources = new Set(layers.map((l) => l.compressedSource ?? null))
  const compressedSource: CompressedSource = !allCompressed ? null : ((['gzip-estimate', 'push', 'oci', 'image-store', 'registry'] as const).find((s) => sources.has(s)) ?? null)
  const engine: EngineSizes = {
    name: describeEngine(input.engine),
    store: input.engine.store,
    inspectSize: inspected.size,
    diskUsage: input.listed?.diskUsage ?? (input.engine.store === 'containerd' ? null : inspected.size),
    contentSize: input.listed?.contentSize ?? null
  }
  const size: ImageSize = {
    uncompressed: layers.reduce((sum, l) => sum + l.uncompressed, 0),
    compressed: allCompressed ? layers.reduce((sum, l) => sum + (l.compressed ?? 0), 0) : null,
    compressedSource,
    ...(sources.has('gzip-estimate') && input.estimator ? { compressedEstimate: input.estimator } : {}),
    ...(sources.has('gzip-estimate') && input.fallback ? { compressedFallback: input.fallback } : {}),
    engine
  }
  return { size, layers, wasted: { bytes: replay.bytes, files: replay.files, layers: replay.byLayer }, goBinaries, scans, counts }
}

/** A layer's compressed size and its source: a compressed blob read here, a registry, a fresh or a cached estimate. */
function compressedOf(scan: LayerScan, input: AssemblyInput, counts: Assembled['counts']): { compressed: number | null; source: CompressedSource } {
  if (scan.compressedExact && scan.compressed !== null) {
    counts.exact++
    return { compressed: scan.compressed, source: input.blobSource }
  }
  const exact = input.exact.get(scan.diffId)
  if (exact) {
    counts.exact++
    return { compressed: exact.size, source: exact.source }
  }
  if (scan.compressed !== null) {
    counts.estimated++
    return { compressed: scan.compressed, source: 'gzip-estimate' }
  }
  const cached = input.cached.get(scan.diffId)
  if (cached === undefined) return { compressed: null, source: null }
  counts.fromCache++
  return { compressed: cached, source: 'gzip-estimate' }
}
