// Re-verify only when needed: a suggestion's proof depends on the Dockerfile,
// the base images (by digest), go.mod/go.sum and what the program needs; when
// none of them changed since an earlier push, its proof is carried (in the
// sticky comment's state, or a previous report) instead of building it again.
import { createHash } from 'node:crypto'
import type { CarriedProof, Suggestion } from '../report/types.js'

export interface ProofInputs {
  dockerfile: string
  suggestion: string
  /** Image ids (digests) of the FROM images, by name, as the daemon has them. */
  baseDigests: Record<string, string | null>
  goMod: string | null
  goSum: string | null
  /** What the program needs and how it links (from the measured binary). */
  program: unknown
  settings: { buildArgs: string[]; target: string | null; platform: string | null; verifyCommand: string | null }
}

/** One digest over everything the proof depends on. */
export function proofInputsKey(inputs: ProofInputs): string {
  const stable = JSON.stringify(inputs, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v
  )
  return `sha256:${createHash('sha256').update(stable).digest('hex')}`
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

/** The suggestion with a carried proof applied, when its inputs are unchanged; else null (build it). */
export function applyCarried(suggestion: Suggestion, key: string, carried: CarriedProof | null | undefined): Suggestion | null {
  if (!carried || carried.key !== key) return null
  return {
    ...suggestion,
    verified: carried.verified,
    size: carried.size,
    savings: carried.savings,
    error: carried.error,
    proof: carried.proof,
    inputsKey: key,
    verifiedAt: carried.commit,
    verifyReason: `nothing it depends on changed since ${carried.commit ? carried.commit.slice(0, 7) : 'the last run'}: its proof is carried, not rebuilt`
  }
}
