// The sticky comment's hidden parts: a marker that finds it again (one per
// comment-key, so a matrix of images gets one comment each) and a data block
// that carries state to the next run (the trend, the verdict, which run wrote
// it). The data is base64 JSON inside an HTML comment: base64 has no `-` or
// `>`, so nothing in a report can close the comment or show up as text.
// A comment for several images carries a trend per image: that block is
// deflated first (`z:`), as fifty trends of twenty pushes would not fit as they are.
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { parseCarriedProof, parseHistory } from './parse.js'
import type { CarriedProof, HistoryPoint, Metric, Status } from './types.js'

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
  /** A comment for several images: each image's verdict, size and trend, by its name. */
  images?: ImageState[]
}

/** What a many-image comment remembers of one image. */
export interface ImageState {
  name: string
  status: Status
  metric: Metric
  /** Size in `metric` at the comment's commit. */
  size: number
  history: HistoryPoint[]
}

/** The hidden line that identifies this tool's comment for `key` ('' by default). */
export function commentMarker(key: string): string {
  return `<!-- ${TOOL_NAME}:${markerKey(key)} -->`
}

// The key comes from the workflow file (trusted) but is still confined to a
// harmless alphabet so it cannot end the HTML comment.
function markerKey(key: string): string {
  return key.trim() === ''
    ? 'default'
    : key
        .trim()
        .replace(/[^A-Za-z0-9._/:@+=-]/g, '_')
        .replace(/-{2,}/g, '-')
}

export function hasMarker(body: string | null | undefined, key: string): boolean {
  return typeof body === 'string' && body.includes(commentMarker(key))
}

const DATA_PREFIX = `<!-- ${TOOL_NAME}-data:`
const DATA_PATTERN = new RegExp(`${DATA_PREFIX}(z:)?([A-Za-z0-9+/=]*) -->`)
/** A deflated block never inflates past this (a pasted block cannot exhaust memory). */
const MAX_STATE_BYTES = 4 * 1024 * 1024

export function embedState(state: EmbeddedState): string {
  const json = Buffer.from(JSON.stringify(state), 'utf8')
  // A single image's block stays plain, as comments written before many-image comments had it.
  if (!state.images) return `${DATA_PREFIX}${json.toString('base64')} -->`
  return `${DATA_PREFIX}z:${deflateRawSync(json, { level: 9 }).toString('base64')} -->`
}

const STATUSES = ['pass', 'warn', 'fail'] as const
const statusOf = (value: unknown): Status => ((STATUSES as readonly unknown[]).includes(value) ? (value as Status) : 'pass')
const sizeOf = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

function parseImages(value: unknown): ImageState[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.flatMap((entry: Partial<ImageState> | null) =>
    entry && typeof entry === 'object' && typeof entry.name === 'string'
      ? [
          {
            name: entry.name,
            status: statusOf(entry.status),
            metric: entry.metric === 'compressed' ? 'compressed' : 'uncompressed',
            size: sizeOf(entry.size),
            history: parseHistory(entry.history)
          } satisfies ImageState
        ]
      : []
  )
}

/** Reads the state back from a comment body; null when absent or unreadable (never throws). */
export function readEmbeddedState(body: string | null | undefined): EmbeddedState | null {
  if (typeof body !== 'string') return null
  const match = DATA_PATTERN.exec(body)
  if (!match) return null
  try {
    const bytes = Buffer.from(match[2], 'base64')
    const json = match[1] ? inflateRawSync(bytes, { maxOutputLength: MAX_STATE_BYTES }) : bytes
    const state = JSON.parse(json.toString('utf8')) as EmbeddedState
    if (state?.v !== 1 || !Array.isArray(state.history)) return null
    const images = parseImages(state.images)
    const proof = parseCarriedProof(state.proof)
    return {
      v: 1,
      key: String(state.key ?? ''),
      commit: typeof state.commit === 'string' ? state.commit : null,
      order: Number.isFinite(state.order) ? state.order : null,
      status: statusOf(state.status),
      metric: state.metric === 'compressed' ? 'compressed' : 'uncompressed',
      size: sizeOf(state.size),
      history: parseHistory(state.history),
      ...(images ? { images } : {}),
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
