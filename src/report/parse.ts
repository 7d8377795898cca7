// What one run leaves for the next, read back: the trend and the carried
// proof travel in the sticky comment's hidden state or in a stored report,
// both of which someone could have edited, so each is validated field by
// field. Pure; every stage that reads earlier state shares these.
import type { BinaryAttribution, CarriedProof, GoBinary, HistoryPoint, Suggestion } from './types.js'

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

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0
const BYTE_FIELDS = ['bytes', 'text', 'pcln', 'funcdata', 'data', 'bss'] as const

/** An attribution from a stored report, if every row is well-formed; null otherwise (the diff then has no base for that binary). */
export function parseAttribution(value: unknown): BinaryAttribution | null {
  if (!isObj(value) || !isCount(value.fileBytes) || !Array.isArray(value.modules) || !Array.isArray(value.packages) || !Array.isArray(value.unattributed)) return null
  const rowOk = (r: unknown): r is Record<string, unknown> => isObj(r) && typeof r.path === 'string' && BYTE_FIELDS.every((f) => isCount(r[f]))
  if (!(value.modules as unknown[]).every((m) => rowOk(m) && (m.version === null || typeof m.version === 'string'))) return null
  if (!(value.packages as unknown[]).every((p) => rowOk(p) && typeof p.module === 'string')) return null
  if (!value.unattributed.every((r) => isObj(r) && typeof r.name === 'string' && isCount(r.bytes))) return null
  const rows = [...(value.modules as Record<string, unknown>[]), ...(value.packages as Record<string, unknown>[])]
  if (!rows.every((r) => r.debug === undefined || isCount(r.debug))) return null
  // Reports written before DWARF was a source have no `debug`: none of their bytes were DWARF's.
  const withDebug = (r: Record<string, unknown>) => ({ ...r, debug: r.debug ?? 0 })
  return { ...value, modules: (value.modules as Record<string, unknown>[]).map(withDebug), packages: (value.packages as Record<string, unknown>[]).map(withDebug) } as unknown as BinaryAttribution
}

/** The Go binaries of a stored report that carry an attribution (older reports have none: the module diff is skipped). */
export function parseGoBinaries(value: unknown): GoBinary[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((b: unknown) => {
    if (!isObj(b) || typeof b.path !== 'string' || !isCount(b.bytes)) return []
    const attribution = parseAttribution(b.attribution)
    return attribution ? [{ ...(b as unknown as GoBinary), module: typeof b.module === 'string' ? b.module : null, attribution }] : []
  })
}
