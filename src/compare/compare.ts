// Comparison with the baseline (pure): total deltas in both metrics and a
// per-layer diff. Layers are paired first by diff id (same content), then by
// stage + instruction (same step, different content), so a rebuilt `COPY`
// shows as grown or shrunk rather than as one added and one removed layer.
import {
  layerChangeBytes,
  type BaselineLayer,
  type BaselineSizes,
  type Delta,
  type Layer,
  type LayerChange,
  type LayerDiff,
  type LayerDiffEntry,
  type LayerSide,
  type Metric,
  type Sizes
} from '../report/types.js'
import type { SizeOrPercent } from '../units.js'

const otherMetric = (metric: Metric): Metric => (metric === 'uncompressed' ? 'compressed' : 'uncompressed')

const difference = (head: number | null, base: number | null): number | null => (head === null || base === null ? null : head - base)

/** Percent change; 0 when the base is 0 (no meaningful ratio). */
export function percentChange(head: number, base: number): number {
  return base === 0 ? 0 : ((head - base) / base) * 100
}

/**
 * The noise rule, the one place it lives: a change is noise (shown and judged
 * as unchanged) when it is zero, or smaller than `min-delta`: its bytes, or its
 * percentage of `base` (a percentage floor needs a nonzero base).
 */
export function belowFloor(delta: number, base: number | null, floor: SizeOrPercent | null): boolean {
  if (delta === 0) return true
  if (!floor) return false
  if ('bytes' in floor) return Math.abs(delta) < floor.bytes
  return base !== null && base !== 0 && Math.abs((delta / base) * 100) < floor.percent
}

/**
 * Total deltas. `metric` is the preferred metric (the budget's); when the
 * baseline lacks it (a registry image has no uncompressed size) the other one
 * is used and `delta.metric` says so. Null when no metric is on both sides.
 */
export function compareSizes(head: Sizes, base: BaselineSizes, metric: Metric, minDelta: SizeOrPercent | null = null): Delta | null {
  const uncompressed = difference(head.uncompressed, base.uncompressed)
  const compressed = difference(head.compressed, base.compressed)
  const byMetric = { uncompressed, compressed }
  const used = byMetric[metric] !== null ? metric : byMetric[otherMetric(metric)] !== null ? otherMetric(metric) : null
  if (used === null) return null
  const pct = (m: Metric): number | null => {
    const h = head[m]
    const b = base[m]
    return h === null || b === null ? null : percentChange(h, b)
  }
  const noiseIn = (m: Metric): boolean => {
    const change = byMetric[m]
    return change !== null && belowFloor(change, base[m], minDelta)
  }
  const noise = { uncompressed: noiseIn('uncompressed'), compressed: noiseIn('compressed') }
  return {
    uncompressed,
    compressed,
    percent: pct(used) as number,
    metric: used,
    uncompressedPercent: pct('uncompressed'),
    compressedPercent: pct('compressed'),
    unchanged: noise[used],
    noise
  }
}

/** BuildKit appends "# buildkit"; whitespace varies between history sources. */
export function normalizeInstruction(instruction: string): string {
  return instruction
    .replace(/\s*#\s*buildkit\s*$/, '')
    .replace(/^\/bin\/sh -c #\(nop\)\s*/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const side = (layer: Layer | BaselineLayer): LayerSide => ({
  index: layer.index,
  diffId: layer.diffId,
  instruction: layer.instruction,
  stage: layer.stage,
  fromBaseImage: layer.fromBaseImage,
  uncompressed: layer.uncompressed,
  compressed: layer.compressed
})

/** The metric every layer on both sides has, preferring `metric`. */
function layerMetric(head: Layer[], base: BaselineLayer[], metric: Metric): Metric {
  const complete = (m: Metric) => [...head, ...base].every((l) => l[m] !== null)
  if (complete(metric)) return metric
  return complete(otherMetric(metric)) ? otherMetric(metric) : metric
}

/** Takes the first unused entry of a key's queue. */
function takeFrom<T>(queues: Map<string, T[]>, key: string): T | undefined {
  const queue = queues.get(key)
  return queue && queue.length > 0 ? queue.shift() : undefined
}

function queuesBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    map.set(k, [...(map.get(k) ?? []), item])
  }
  return map
}

/** A layer's change below the per-layer floor (bytes only: a percentage has no base per layer) is left out of the comment. */
function layerNoise(delta: LayerDiffEntry['delta'], metric: Metric, floor: number): boolean {
  return belowFloor(layerChangeBytes(delta, metric), null, floor > 0 ? { bytes: floor } : null)
}

/**
 * Pairs head and base layers and classifies each change. `floor` is the
 * per-layer noise floor in bytes: a paired layer that changed by less is
 * unchanged, and any entry whose change is below it is marked `noise`.
 */
export function diffLayers(head: Layer[], base: BaselineLayer[], preferred: Metric, floor = 0): LayerDiff {
  const metric = layerMetric(head, base, preferred)
  const unpairedBase = new Set(base)
  const pairs = new Map<Layer, { base: BaselineLayer; by: 'diffId' | 'instruction' }>()

  const byDiffId = queuesBy(base, (l) => l.diffId)
  for (const layer of head) {
    const match = takeFrom(byDiffId, layer.diffId)
    if (match) {
      pairs.set(layer, { base: match, by: 'diffId' })
      unpairedBase.delete(match)
    }
  }
  const stepKey = (l: Layer | BaselineLayer) => `${l.stage ?? ''}\u0000${normalizeInstruction(l.instruction)}`
  const byStep = queuesBy([...unpairedBase], stepKey)
  for (const layer of head) {
    if (pairs.has(layer)) continue
    const match = takeFrom(byStep, stepKey(layer))
    if (match) {
      pairs.set(layer, { base: match, by: 'instruction' })
      unpairedBase.delete(match)
    }
  }

  const entries: LayerDiffEntry[] = head.map((layer) => {
    const pair = pairs.get(layer)
    if (!pair) {
      const delta = { uncompressed: layer.uncompressed, compressed: layer.compressed }
      return { change: 'added', pairedBy: null, head: side(layer), base: null, delta, noise: layerNoise(delta, metric, floor) }
    }
    const delta = {
      uncompressed: difference(layer.uncompressed, pair.base.uncompressed),
      compressed: difference(layer.compressed, pair.base.compressed)
    }
    const change = delta[metric]
    // Same diff id is the same content: any size difference is a compression estimate's.
    const kind: LayerChange = pair.by === 'diffId' || change === null || belowFloor(change, null, floor > 0 ? { bytes: floor } : null) ? 'unchanged' : change > 0 ? 'grown' : 'shrunk'
    return { change: kind, pairedBy: pair.by, head: side(layer), base: side(pair.base), delta, noise: layerNoise(delta, metric, floor) }
  })
  for (const layer of base) {
    if (!unpairedBase.has(layer)) continue
    const negate = (n: number | null) => (n === null ? null : -n)
    const delta = { uncompressed: negate(layer.uncompressed), compressed: negate(layer.compressed) }
    entries.push({ change: 'removed', pairedBy: null, head: null, base: side(layer), delta, noise: layerNoise(delta, metric, floor) })
  }

  const totals = Object.fromEntries((['added', 'removed', 'grown', 'shrunk', 'unchanged'] as const).map((c) => [c, { count: 0, bytes: 0 }])) as LayerDiff['totals']
  for (const entry of entries) {
    totals[entry.change].count++
    totals[entry.change].bytes += entry.change === 'unchanged' ? 0 : (entry.delta[metric] ?? 0)
  }
  return { metric, entries, totals }
}
