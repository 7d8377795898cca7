// Baseline from a report JSON written by an earlier run (e.g. on main,
// restored from an artifact or a cache). The file may be missing, foreign or
// corrupt: each case is a "no baseline: …" with the reason, never a crash.
import { readFile } from 'node:fs/promises'
import { carriedFrom, parseCarriedProof, parseGoBinaries, parseHistory } from '../report/parse.js'
import { errorMessage } from '../errors.js'
import { SCHEMA_VERSION, type Baseline, type BaselineLayer, type CarriedProof, type HistoryPoint, type Suggestion } from '../report/types.js'

export interface StoredBaseline {
  baseline: Baseline
  /** The stored report's own trend (a push series carries it forward). */
  history: HistoryPoint[]
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
const sizeOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null)

function parseLayers(value: unknown): BaselineLayer[] {
  if (!Array.isArray(value)) return []
  return value.filter(isObject).flatMap((l, i) =>
    typeof l.diffId === 'string'
      ? [
          {
            index: typeof l.index === 'number' ? l.index : i,
            diffId: l.diffId,
            instruction: typeof l.instruction === 'string' ? l.instruction : '',
            dockerfileLine: typeof l.dockerfileLine === 'number' ? l.dockerfileLine : null,
            stage: typeof l.stage === 'string' ? l.stage : null,
            fromBaseImage: l.fromBaseImage === true,
            uncompressed: sizeOrNull(l.uncompressed),
            compressed: sizeOrNull(l.compressed)
          }
        ]
      : []
  )
}

const failed = (file: string, why: string): StoredBaseline => ({
  baseline: { source: 'report', ref: file, commit: null, size: null, layers: [], error: `no baseline: baseline-report '${file}' ${why}` },
  history: []
})

/** Reads a stored report as a baseline; `platform` picks one of a multi-platform report's entries. */
export function baselineFromReportText(text: string, file: string, platform: string | null): StoredBaseline {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (error) {
    return failed(file, `is not JSON (${errorMessage(error)})`)
  }
  if (!isObject(doc) || typeof doc.schemaVersion !== 'number') return failed(file, 'is not a go-image-budget report (no schemaVersion)')
  if (doc.schemaVersion > SCHEMA_VERSION) {
    return failed(file, `was written by a newer version (schema ${doc.schemaVersion}; this one reads ${SCHEMA_VERSION}); update the action`)
  }
  let entry: Record<string, unknown> = doc
  const platforms = Array.isArray(doc.platforms) ? doc.platforms.filter(isObject) : []
  if (platform && platforms.length > 0) {
    const match = platforms.find((p) => p.platform === platform)
    if (!match) return failed(file, `has no ${platform} entry (it has ${platforms.map((p) => String(p.platform)).join(', ')})`)
    entry = match
  }
  const size = isObject(entry.size) ? entry.size : null
  const uncompressed = size ? sizeOrNull(size.uncompressed) : null
  const compressed = size ? sizeOrNull(size.compressed) : null
  if (uncompressed === null && compressed === null) return failed(file, 'has no image size')
  const image = isObject(entry.image) ? entry.image : {}
  const reportPlatform = typeof image.platform === 'string' ? image.platform : null
  const note = platform && reportPlatform && reportPlatform !== platform ? `the stored report measured ${reportPlatform}, this run ${platform}` : null
  return {
    baseline: {
      source: 'report',
      ref: file,
      commit: typeof image.commit === 'string' ? image.commit : null,
      size: { uncompressed, compressed },
      layers: parseLayers(entry.layers),
      // The stored binaries' attribution: the module diff needs no rebuild of the base.
      goBinaries: parseGoBinaries(entry.goBinaries),
      error: null,
      digest: typeof image.id === 'string' ? image.id : null,
      platform: reportPlatform,
      note
    },
    history: parseHistory(doc.history)
  }
}

export async function baselineFromReportFile(file: string, platform: string | null): Promise<StoredBaseline> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return failed(file, code === 'ENOENT' ? 'does not exist (restore it from the artifact or cache first)' : `cannot be read (${errorMessage(error)})`)
  }
  return baselineFromReportText(text, file, platform)
}

/**
 * The trend stored in a previous run's report (and its suggestion's proof, to
 * carry when nothing it depends on changed); a missing file is the first run
 * (empty history), a corrupt one a warning for the caller.
 */
export async function historyFromReportFile(file: string): Promise<{ history: HistoryPoint[]; warning: string | null; proof: CarriedProof | null }> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { history: [], warning: null, proof: null }
    return { history: [], warning: `previous-report '${file}' cannot be read (${errorMessage(error)}); the size trend starts over`, proof: null }
  }
  try {
    const doc = JSON.parse(text) as { history?: unknown; suggestion?: unknown; image?: { commit?: unknown } }
    const commit = typeof doc?.image?.commit === 'string' ? doc.image.commit : null
    return { history: parseHistory(doc?.history), warning: null, proof: parseCarriedProof(carriedFrom((doc?.suggestion ?? null) as Suggestion | null, commit)) }
  } catch (error) {
    return { history: [], warning: `previous-report '${file}' is not JSON (${errorMessage(error)}); the size trend starts over`, proof: null }
  }
}
