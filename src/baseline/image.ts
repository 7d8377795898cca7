// Baseline from a registry image (e.g. the one main last pushed), measured
// from its manifest and config without pulling a layer. The manifest states
// exact compressed sizes; an uncompressed size needs the layers, so it is
// absent and the comparison falls back to compressed sizes, saying so.
import { errorMessage } from '../errors.js'
import { fetchRegistryImage, type RegistryDeps, type RegistryImage } from '../registry/registry.js'
import type { Baseline, BaselineLayer } from '../report/types.js'

export const REGISTRY_NOTE = 'a registry manifest has compressed sizes only (layers are not pulled); compared on compressed size'

/** Pairs non-empty history entries with layers, as the image config defines them. */
export function layersFromRegistry(image: RegistryImage): BaselineLayer[] {
  const steps = image.config.history.filter((h) => !h.empty_layer)
  // Old images may lack history; then the instruction is unknown.
  const aligned = steps.length === image.layers.length
  return image.layers.map((layer, index) => ({
    index,
    diffId: image.config.diffIds[index],
    instruction: aligned ? (steps[index].created_by ?? '') : '',
    dockerfileLine: null,
    stage: null,
    fromBaseImage: false,
    uncompressed: null,
    compressed: layer.size
  }))
}

export function baselineFromRegistryImage(image: RegistryImage): Baseline {
  return {
    source: 'image',
    ref: image.ref,
    commit: null,
    size: { uncompressed: null, compressed: image.layers.reduce((sum, l) => sum + l.size, 0) },
    layers: layersFromRegistry(image),
    error: null,
    digest: image.manifestDigest,
    platform: image.platform,
    note: REGISTRY_NOTE
  }
}

export async function baselineFromRegistry(ref: string, platform: string | null, deps: RegistryDeps = {}): Promise<Baseline> {
  try {
    return baselineFromRegistryImage(await fetchRegistryImage(ref, platform, deps))
  } catch (error) {
    return { source: 'image', ref, commit: null, size: null, layers: [], error: `no baseline: baseline-image ${errorMessage(error)}` }
  }
}
