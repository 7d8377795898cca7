// What is known about an image's layers before reading them: exact compressed
// sizes from registry manifests (the image's own pushed digests, the base
// image's), cached estimates and scans by diff id, and which layers the base
// image supplied.
import type { Docker } from '../docker/docker.js'
import type { EngineInfo } from '../docker/engine.js'
import type { Logger } from '../log.js'
import type { KnownSize } from './assemble.js'
import type { LayerCache, CachedLayer } from './cache.js'
import type { InspectedImage } from '../docker/inspect.js'
import { fetchRegistryImage } from '../registry/registry.js'

export interface KnownSizes {
  /** Exact compressed sizes by diff id. */
  exact: Map<string, KnownSize>
  /** Cache entries by diff id. */
  entries: Map<string, CachedLayer>
  /** Cached gzip estimates by diff id. */
  cached: Map<string, number>
  /** Layers the base image supplied (its diff ids are a prefix of the image's), or null when the base is not known locally. */
  baseLayerCount: number | null
}

export interface KnownSizesInput {
  inspected: InspectedImage
  engine: EngineInfo
  /** The Dockerfile's base image (null for scratch), or undefined when there is no Dockerfile. */
  baseImage: string | null | undefined
  cache: LayerCache | null
  /** Ask registries (false in tests of the estimate, and for suggestions). */
  registry: boolean
  /** The engine whose earlier pushes count as exact (pushEngineKey); null: none do. */
  pushEngine: string | null
}

export async function knownSizes(input: KnownSizesInput, deps: { docker: Docker; fetch?: typeof fetch; log?: Logger }): Promise<KnownSizes> {
  const { inspected, engine } = input
  const exact = new Map<string, KnownSize>()
  // On the containerd store every blob, base layers included, is in the save stream as
  // stored (exact); its RepoDigests name local images too, so registries are not asked.
  const askRegistries = input.registry && engine.store !== 'containerd'
  let baseLayerCount: number | null = input.baseImage === null ? 0 : null
  if (input.baseImage) {
    const base = await deps.docker.images.tryInspect(input.baseImage)
    if (base && base.diffIds.every((d, i) => inspected.diffIds[i] === d)) {
      baseLayerCount = base.diffIds.length
      if (askRegistries) await addRegistrySizes(base.repoDigests, inspected.platform, exact, engine, deps)
    }
  }
  if (askRegistries) await addRegistrySizes(inspected.repoDigests, inspected.platform, exact, engine, deps)

  const entries = new Map<string, CachedLayer>()
  const cached = new Map<string, number>()
  if (input.cache) {
    for (const diffId of new Set(inspected.diffIds)) {
      const entry = await input.cache.get(diffId)
      if (!entry) continue
      entries.set(diffId, entry)
      if (entry.compressed !== null) cached.set(diffId, entry.compressed)
      // What this engine's own push wrote before is exact (a registry manifest's size wins).
      const pushed = entry.pushed
      if (pushed && pushed.engine === input.pushEngine && !exact.has(diffId)) exact.set(diffId, { size: pushed.size, source: 'push', digest: pushed.digest })
    }
  }
  return { exact, entries, cached, baseLayerCount }
}

/** Adds the exact compressed sizes a registry holds for these digests' manifests; a registry that cannot answer is skipped. */
async function addRegistrySizes(repoDigests: string[], platform: string, into: Map<string, KnownSize>, engine: EngineInfo, deps: { fetch?: typeof fetch; log?: Logger }): Promise<void> {
  for (const repoDigest of repoDigests) {
    try {
      const image = await fetchRegistryImage(repoDigest, platform, { fetch: deps.fetch, mirrors: engine.mirrors })
      image.config.diffIds.forEach((diffId, i) => {
        // Only gzip layers have sizes comparable with a gzip estimate.
        if (/gzip/.test(image.layers[i].mediaType)) into.set(diffId, { size: image.layers[i].size, source: 'registry', digest: image.layers[i].digest })
      })
      return
    } catch (error) {
      deps.log?.debug(`registry sizes for ${repoDigest}: ${(error as Error).message}\n`)
    }
  }
}
