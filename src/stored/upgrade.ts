// Reports read back from files and earlier runs were written by older versions
// of the tool. upgradeReport fills in what later schema versions added, so the
// renderers read one shape and never fall back to recomputing.
//
// The noise decision moved to the comparison (added compatibly, so the
// schema stays 1: the names of the contract are unchanged). An earlier report
// carries `budget.minDelta` (the floor in bytes); with it the upgrade decides
// `delta.noise`/`delta.unchanged`, fills a missing delta, and diffs the layers
// (or marks the noise in a layer diff it has) as the comparison does today.
import { belowFloor, compareSizes, diffLayers } from '../compare/compare.js'
import type { SizeOrPercent } from '../units.js'
import { layerChangeBytes, type Delta, type ImageVerdict, type LayerDiff, type LayerDiffEntry, type Metric, type PlatformReport, type Report } from '../report/types.js'

/** A delta as version 1 wrote it: the noise fields may be missing. */
type OlderDelta = Omit<Delta, 'unchanged' | 'noise'> & Partial<Pick<Delta, 'unchanged' | 'noise'>>
type OlderLayerDiff = Omit<LayerDiff, 'entries'> & { entries: (Omit<LayerDiffEntry, 'noise'> & { noise?: boolean })[] }
type OlderVerdict<T extends ImageVerdict> = Omit<T, 'delta' | 'layerDiff'> & { delta: OlderDelta | null; layerDiff?: OlderLayerDiff | null }

/** A report of any schema version up to this one. */
export type AnyVersionReport = Omit<OlderVerdict<Report>, 'platforms'> & { platforms?: OlderVerdict<PlatformReport>[] }

function upgradeDelta(v: OlderVerdict<ImageVerdict>, floor: SizeOrPercent | null): Delta | null {
  const base = v.baseline.size
  if (!v.delta) {
    // Version 1 renderers compared the sizes themselves when no delta was stored.
    return base && !v.baseline.error && v.baseline.source !== 'none' ? compareSizes(v.size, base, v.budget.metric, floor) : null
  }
  const delta = v.delta
  const noiseIn = (m: Metric): boolean => {
    const change = delta[m]
    return change !== null && belowFloor(change, base ? base[m] : null, floor)
  }
  const noise = delta.noise ?? { uncompressed: noiseIn('uncompressed'), compressed: noiseIn('compressed') }
  return { ...delta, unchanged: delta.unchanged ?? noise[delta.metric ?? v.budget.metric], noise }
}

function upgradeLayerDiff(v: OlderVerdict<ImageVerdict>, floorBytes: number): LayerDiff | null {
  const floor = floorBytes > 0 ? { bytes: floorBytes } : null
  if (v.layerDiff) {
    const metric = v.layerDiff.metric
    const entries = v.layerDiff.entries.map((e) => ({ ...e, noise: e.noise ?? belowFloor(layerChangeBytes(e.delta, metric), null, floor) }))
    return { ...v.layerDiff, entries }
  }
  const layers = Array.isArray(v.layers) ? v.layers : []
  const baseLayers = Array.isArray(v.baseline.layers) ? v.baseline.layers : []
  return v.baseline.source !== 'none' && layers.length > 0 && baseLayers.length > 0 ? diffLayers(layers, baseLayers, v.budget.metric, floorBytes) : null
}

/** Whether a verdict was written before the comparison stored its noise decisions. */
function lacksNoise(v: OlderVerdict<ImageVerdict>): boolean {
  return (v.delta !== null && v.delta !== undefined && v.delta.noise === undefined) || v.layerDiff === undefined || (v.layerDiff !== null && v.layerDiff.entries.some((e) => e.noise === undefined))
}

/** `doc` in this version's shape: fields added later (same schema version, added compatibly) are filled in; a current report is returned as is. */
export function upgradeReport(doc: AnyVersionReport): Report {
  if (![doc, ...(doc.platforms ?? [])].some((v) => lacksNoise(v))) return doc as Report
  // Version 1 recorded the floor it compared with in bytes; its renderers used it for every platform and layer.
  const floorBytes = typeof doc.budget.minDelta === 'number' && doc.budget.minDelta > 0 ? doc.budget.minDelta : 0
  const floor = floorBytes > 0 ? { bytes: floorBytes } : null
  const upgrade = <T extends ImageVerdict>(v: OlderVerdict<T>): T => ({ ...v, delta: upgradeDelta(v, floor), layerDiff: upgradeLayerDiff(v, floorBytes) }) as unknown as T
  const { platforms, ...rest } = doc
  const report = upgrade<Report>(rest)
  return { ...report, ...(Array.isArray(platforms) ? { platforms: platforms.map((p) => upgrade<PlatformReport>(p)) } : {}) }
}
