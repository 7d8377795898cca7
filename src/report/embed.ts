// The sticky comment's hidden parts: a marker that finds it again (one per
// comment-key, so a matrix of images gets one comment each) and a data block
// that carries state to the next run (the trend, the verdict, which run wrote
// it). The data is base64 JSON inside an HTML comment: base64 has no `-` or
// `>`, so nothing in a report can close the comment or show up as text.
import { parseCarriedProof } from '../advisor/carried.js'
import { parseHistory } from '../trend.js'
import type { CarriedProof, HistoryPoint, Status } from './types.js'

const TOOL_NAME = 'go-image-budget'

/** What a comment remembers between runs. */
export interface EmbeddedState {
  v: 1
  key: string
  /** Commit the comment was written for. */
  commit: string | null
  /**
   * Orders runs of the same repository: the GitHub run id that measured the
   * image (the triggering run's id in workflow_run mode). A run with a lower
   * id never overwrites a comment written by a higher one for another commit.
   */
  order: number | null
  status: Status
  metric: 'uncompressed' | 'compressed'
  /** Size in the budget metric at `commit`. */
  size: number
  history: HistoryPoint[]
  /** The suggested Dockerfile's proof, carried to the next push (re-verified only when its inputs change). */
  proof?: CarriedProof | null
}

/** The hidden line that identifies this tool's comment for `key` ('' by default). */
export function commentMarker(key: string): string {
  return `<!-- ${TOOL_NAME}:${markerKey(key)} -->`
}

// The key comes from the workflow file (trusted) but is still confined to a
// harmless alphabet so it cannot end the HTML comment.
function markerKey(key: string): string {
  return key.trim() === '' ? 'default' : key.trim().replace(/[^A-Za-z0-9._/:@+=-]/g, '_').replace(/-{2,}/g, '-')
}

export function hasMarker(body: string | null | undefined, key: string): boolean {
  return typeof body === 'string' && body.includes(commentMarker(key))
}

const DATA_PREFIX = `<!-- ${TOOL_NAME}-data:`
const DATA_PATTERN = new RegExp(`${DATA_PREFIX}([A-Za-z0-9+/=]*) -->`)

export function embedState(state: EmbeddedState): string {
  return `${DATA_PREFIX}${Buffer.from(JSON.stringify(state), 'utf8').toString('base64')} -->`
}

/** Reads the state back from a comment body; null when absent or unreadable (never throws). */
export function readEmbeddedState(body: string | null | undefined): EmbeddedState | null {
  if (typeof body !== 'string') return null
  const match = DATA_PATTERN.exec(body)
  if (!match) return null
  try {
    const state = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as EmbeddedState
    if (state?.v !== 1 || !Array.isArray(state.history)) return null
    const proof = parseCarriedProof(state.proof)
    return {
      v: 1,
      key: String(state.key ?? ''),
      commit: typeof state.commit === 'string' ? state.commit : null,
      order: Number.isFinite(state.order) ? state.order : null,
      status: (['pass', 'warn', 'fail'] as const).includes(state.status) ? state.status : 'pass',
      metric: state.metric === 'compressed' ? 'compressed' : 'uncompressed',
      size: Number.isFinite(state.size) ? state.size : 0,
      history: parseHistory(state.history),
      ...(proof ? { proof } : {})
    }
  } catch {
    return null
  }
}

/** The trend carried by an earlier comment, oldest first; [] when there is none. */
export function readEmbeddedHistory(body: string | null | undefined): HistoryPoint[] {
  return readEmbeddedState(body)?.history ?? []
}
