// What one run leaves for the next, read back: the trend and the carried
// proof travel in the sticky comment's hidden state or in a stored report,
// both of which someone could have edited, so each is validated field by
// field. Pure; every stage that reads earlier state shares these.
import type { CarriedProof, HistoryPoint, Suggestion } from './types.js'

const isSize = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0)

/** Keeps the well-formed points of an untrusted history array; drops the rest. */
export function parseHistory(value: unknown): HistoryPoint[] {
  if (!Array.isArray(value)) return []
  const points: HistoryPoint[] = []
  for (const p of value as Record<string, unknown>[]) {
    if (!p || typeof p !== 'object') continue
    if (typeof p.commit !== 'string' || p.commit === '' || typeof p.at !== 'string') continue
    if (!isSize(p.uncompressed) || !isSize(p.compressed ?? null)) continue
    if (p.uncompressed === null && (p.compressed ?? null) === null) continue
    const point: HistoryPoint = { commit: p.commit, at: p.at, uncompressed: p.uncompressed, compressed: (p.compressed as number | null) ?? null }
    if (typeof p.label === 'string') point.label = p.label
    points.push(point)
  }
  return points
}

/** What a report's suggestion leaves for the next run to carry; null when it was not built (nothing proven). */
export function carriedFrom(suggestion: Suggestion | null, commit: string | null): CarriedProof | null {
  if (!suggestion?.inputsKey || (suggestion.size === null && !suggestion.error)) return null
  return {
    key: suggestion.inputsKey,
    commit: suggestion.verifiedAt ?? commit,
    verified: suggestion.verified,
    size: suggestion.size,
    savings: suggestion.savings ?? null,
    error: suggestion.error,
    proof: suggestion.proof ?? null
  }
}

/** A carried proof read back from JSON another run wrote; null unless it has the expected shape. */
export function parseCarriedProof(value: unknown): CarriedProof | null {
  const v = value as Partial<CarriedProof> | null
  if (!v || typeof v !== 'object' || typeof v.key !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(v.key) || typeof v.verified !== 'boolean') return null
  const size = v.size && typeof v.size.uncompressed === 'number' ? { uncompressed: v.size.uncompressed, compressed: typeof v.size.compressed === 'number' ? v.size.compressed : null } : null
  const proof =
    v.proof && Array.isArray(v.proof.checks)
      ? {
          checks: v.proof.checks
            .filter((c) => c && typeof c.check === 'string' && typeof c.detail === 'string')
            .map((c) => ({ check: c.check, ok: c.ok === true, detail: c.detail.slice(0, 500), required: c.required !== false })),
          start:
            v.proof.start && typeof v.proof.start.detail === 'string'
              ? {
                  ok: v.proof.start.ok === true,
                  detail: v.proof.start.detail.slice(0, 500),
                  exitCode: typeof v.proof.start.exitCode === 'number' ? v.proof.start.exitCode : null,
                  running: v.proof.start.running === true,
                  readOnly: v.proof.start.readOnly !== false
                }
              : null
        }
      : null
  return {
    key: v.key,
    commit: typeof v.commit === 'string' && /^[0-9a-f]{4,64}$/i.test(v.commit) ? v.commit : null,
    verified: v.verified && size !== null,
    size,
    savings: typeof v.savings === 'number' ? v.savings : null,
    error: typeof v.error === 'string' ? v.error.slice(0, 1000) : null,
    proof
  }
}
