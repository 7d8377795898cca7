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
