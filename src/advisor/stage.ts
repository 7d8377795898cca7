// The advise stage: Dockerfile model + context facts + measurement → findings,
// a suggested Dockerfile and, when asked (or when it matters), its proof.
// Also the dockerfile-only path, which reads files and never runs Docker.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { BuildOptions } from '../buildx/build.js'
import { errorMessage } from '../errors.js'
import type { Exec } from '../exec.js'
import type { Inputs } from '../inputs.js'
import type { Logger } from '../log.js'
import type { Finding, Report, Sizes, SkippedRule, Suggestion } from '../report/types.js'
import { advise, SIZE_RULES } from './advise.js'
import { readContextFiles } from './context-files.js'
import { parseDockerfile } from './model.js'
import type { Measured } from './rule.js'
import { suggestDockerfile } from './suggest.js'
import { DISTROLESS_STATIC_NONROOT } from './images.js'
import { inspectImage } from '../image/inspect.js'
import { verifySuggestion } from './verify.js'

export interface AdviseInput {
  inputs: Pick<Inputs, 'buildArgs' | 'target' | 'verifySuggestion' | 'verifyCommand'>
  /** Context directory and Dockerfile, absolute. */
  build: { context: string; dockerfile: string }
  workspace: string
  /** What was measured; null in dockerfile-only mode. */
  report: Pick<Report, 'size' | 'layers' | 'wasted' | 'goBinaries' | 'budget'> | null
  /** The built image's configured user ('' = root). */
  imageUser: string | null
  /** Build settings to build the suggestion with (same context, args, platform, builder). */
  buildOptions: Omit<BuildOptions, 'file' | 'target'> | null
}

export interface AdviseDeps {
  exec: Exec
  tempDir: string
  log: Logger
  /** Measures the built suggestion like the head image (compressed size included). */
  measure?: (imageId: string) => Promise<Sizes>
}

export interface AdviseOutput {
  findings: Finding[]
  suggestion: Suggestion | null
  skipped: SkippedRule[]
}

// Findings a rewritten Dockerfile fixes; any of them makes a suggestion worth writing.
const SUGGESTION_RULES = new Set(['multi-stage', 'minimal-base', 'cgo-disabled', 'strip-symbols', 'trimpath'])

/**
 * `verify-suggestion: auto` builds the suggestion when the budget is exceeded
 * or warns, and, without a budget, when a size finding claims savings: the
 * claim is what the proof is for. A passing budget spends no second build.
 */
export function shouldVerify(mode: 'auto' | 'true' | 'false', budgetStatus: Report['budget']['status'], findings: Finding[]): { verify: boolean; reason: string } {
  if (mode === 'true') return { verify: true, reason: 'verify-suggestion: true' }
  if (mode === 'false') return { verify: false, reason: 'verify-suggestion: false' }
  if (budgetStatus === 'fail' || budgetStatus === 'warn') return { verify: true, reason: `budget ${budgetStatus === 'fail' ? 'exceeded' : 'near its limit'}` }
  if (budgetStatus === 'none' && findings.some((f) => SIZE_RULES.has(f.rule) && (f.estimatedSavings ?? 0) > 0)) {
    return { verify: true, reason: 'no budget set, and the findings claim savings' }
  }
  return { verify: false, reason: budgetStatus === 'pass' ? 'budget passes (verify-suggestion: auto)' : 'no savings claimed (verify-suggestion: auto)' }
}

/** Sizes of images already in the daemon; absent ones are left out (nothing is pulled to size a hint). */
async function localBaseSizes(images: string[], exec: Exec): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {}
  for (const image of images) {
    const inspected = await inspectImage(image, exec).catch(() => null)
    if (inspected) sizes[image] = inspected.size
  }
  return sizes
}

export async function adviseStage(input: AdviseInput, deps: AdviseDeps): Promise<AdviseOutput> {
  const text = readFileSync(input.build.dockerfile, 'utf8')
  const file = path.relative(input.workspace, input.build.dockerfile) || path.basename(input.build.dockerfile)
  const model = parseDockerfile(text, { file: file.split(path.sep).join('/'), buildArgs: input.inputs.buildArgs, target: input.inputs.target })
  const files = readContextFiles(input.build.context, input.build.dockerfile)
  const measured: Measured | null = input.report
    ? {
        size: input.report.size.uncompressed,
        layers: input.report.layers,
        wasted: input.report.wasted,
        goBinaries: input.report.goBinaries,
        user: input.imageUser,
        budgetStatus: input.report.budget.status,
        baseSizes: await localBaseSizes([DISTROLESS_STATIC_NONROOT], deps.exec)
      }
    : null
  const { findings, skipped } = advise({ model, measured, files })
  if (!findings.some((f) => SUGGESTION_RULES.has(f.rule))) return { findings, suggestion: null, skipped }
  const suggested = suggestDockerfile({ model, measured, files })
  if (!suggested) return { findings, suggestion: null, skipped }

  const suggestion: Suggestion = { dockerfile: suggested.dockerfile, verified: false, size: null, error: null, savings: null, base: suggested.base, verifyReason: null, verifyCommand: null }
  if (!measured || !input.buildOptions) {
    suggestion.verifyReason = 'dockerfile-only mode: nothing is built'
    return { findings, suggestion, skipped }
  }
  const decision = shouldVerify(input.inputs.verifySuggestion, measured.budgetStatus, findings)
  suggestion.verifyReason = decision.reason
  if (!decision.verify) return { findings, suggestion, skipped }
  const buildOptions = input.buildOptions
  try {
    const result = await deps.log.group('Verify the suggested Dockerfile', () =>
      verifySuggestion(
        { dockerfile: suggested.dockerfile, build: buildOptions, originalSize: measured.size, verifyCommand: input.inputs.verifyCommand },
        { exec: deps.exec, tempDir: deps.tempDir, onProgress: (chunk) => deps.log.debug(chunk), measure: deps.measure }
      )
    )
    Object.assign(suggestion, { verified: result.verified, size: result.size, savings: result.savings, error: result.error, verifyCommand: result.verifyCommand })
    if (result.error) deps.log.warning(result.error)
  } catch (error) {
    // Measuring the suggestion failed (e.g. the daemon went away): the advice stands without the claim.
    suggestion.error = `the suggested Dockerfile could not be verified: ${errorMessage(error)}`
    deps.log.warning(suggestion.error)
  }
  return { findings, suggestion, skipped }
}
