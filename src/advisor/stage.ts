// The advise stage: Dockerfile model + context facts + measurement → findings,
// a suggested Dockerfile and, when asked (or when it matters), its proof:
// built, measured, and shown to start. An earlier proof is carried when
// nothing it depends on changed. Also the dockerfile-only path, which reads
// files and never runs Docker.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { BuildOptions } from '../docker/build.js'
import type { Docker } from '../docker/docker.js'
import { errorMessage } from '../errors.js'
import type { Inputs } from '../inputs.js'
import type { Logger } from '../log.js'
import type { CarriedProof, Finding, Report, SkippedRule, Suggestion } from '../report/types.js'
import { advise, SIZE_RULES } from './advise.js'
import { applyCarried, proofInputsKey } from './carried.js'
import { readContextFiles } from './context-files.js'
import { expectedPaths, sourceFilesToKeep } from './final-stage.js'
import { DISTROLESS_STATIC_NONROOT, type ImageDefaults } from './images.js'
import { parseDockerfile, type DockerfileModel } from './model.js'
import type { ContextFiles, Measured } from './rule.js'
import { programBinaries } from './rule.js'
import { DISTROLESS_BASE, DISTROLESS_BASE_NONROOT, DISTROLESS_STATIC } from './runtime-base.js'
import { suggestDockerfile } from './suggest.js'
import { verifySuggestion, type VerifyDeps } from './verify.js'

export interface AdviseInput {
  inputs: Pick<Inputs, 'buildArgs' | 'target' | 'verifySuggestion' | 'verifyCommand'> & { platforms?: string[] }
  /** Context directory and Dockerfile, absolute. */
  build: { context: string; dockerfile: string }
  workspace: string
  /** What was measured; null in dockerfile-only mode. */
  report: (Pick<Report, 'size' | 'layers' | 'wasted' | 'goBinaries' | 'budget'> & { image?: Pick<Report['image'], 'id' | 'commit'> }) | null
  /** The built image's configured user ('' = root). */
  imageUser: string | null
  /** Build settings to build the suggestion with (same context, args, platform, builder). */
  buildOptions: Omit<BuildOptions, 'file' | 'target'> | null
  /** The proof an earlier run left (sticky comment state or previous report). */
  previousProof?: CarriedProof | null
}

export interface AdviseDeps {
  /** Inspects the base images, builds and proves the suggestion. */
  docker: Docker
  tempDir: string
  log: Logger
  /** Builds and measures the suggestion (the run's buildAndMeasure, src/build-measure.ts). */
  buildAndMeasure: VerifyDeps['buildAndMeasure']
  /** How long the started suggestion must stay up to count as running (ms). */
  startWaitMs?: number
}

export interface AdviseOutput {
  findings: Finding[]
  suggestion: Suggestion | null
  skipped: SkippedRule[]
}

// Findings a rewritten Dockerfile fixes; any of them makes a suggestion worth writing.
const SUGGESTION_RULES = new Set(['multi-stage', 'minimal-base', 'cgo-disabled', 'strip-symbols', 'trimpath'])
// The bases a suggestion may end on: their sizes (when present locally) go into the savings.
const SUGGESTED_BASES = [DISTROLESS_STATIC_NONROOT, DISTROLESS_STATIC, DISTROLESS_BASE, DISTROLESS_BASE_NONROOT]

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

interface LocalImage {
  id: string
  size: number
  defaults: ImageDefaults
}

/** `golang` → `golang:latest`; `docker.io/library/x:1` → `x:1` (as RepoTags name them). */
const normalName = (ref: string) => {
  const plain = ref.replace(/^(docker\.io\/)?(library\/)?/, '')
  return /:[^/]*$|@/.test(plain) ? plain : `${plain}:latest`
}

/**
 * Images the daemon already has (nothing is pulled for this), by the names
 * asked: their ids, sizes and configs, matched back by tag.
 */
async function localImages(names: string[], docker: Docker): Promise<Map<string, LocalImage>> {
  const found = new Map<string, LocalImage>()
  for (const raw of await docker.images.inspectPresent(names)) {
    const env: Record<string, string> = {}
    for (const e of raw.config.env) {
      const eq = e.indexOf('=')
      if (eq > 0) env[e.slice(0, eq)] = e.slice(eq + 1)
    }
    const c = raw.config
    const image: LocalImage = { id: raw.id, size: raw.size, defaults: { env, workdir: c.workingDir || '/', user: c.user, entrypoint: c.entrypoint, cmd: c.cmd, source: 'image' } }
    const refs = new Set([...raw.repoTags, ...raw.repoDigests].map(normalName))
    for (const name of names) if (refs.has(normalName(name)) || name === raw.id) found.set(name, image)
  }
  return found
}

/** The images a Dockerfile builds FROM (not its stages, not scratch). */
const baseImages = (model: DockerfileModel) => [...new Set(model.stages.filter((s) => s.parentStage === null && s.image !== '' && s.image.toLowerCase() !== 'scratch').map((s) => s.image))]

/** The proof's expected paths: what the original final stage received, and the files from its sources the program needs. */
function pathsToKeep(model: DockerfileModel, files: ContextFiles) {
  const paths = expectedPaths(model, files.goMod?.module ?? null)
  for (const f of sourceFilesToKeep(model, files.runtimeFiles ?? [], files.goMod?.module ?? null)) paths.push({ ...f, directory: false })
  return paths
}

/**
 * After a verified build the findings the suggestion implements add up to its
 * measured savings: the base change (or, when the stripping is all it
 * changes, the stripping) takes the verified savings less what the other
 * shaving findings claim. A suggestion that also relinks the binary
 * (cgo-disabled) changes more than its findings measure: they keep their own.
 */
export function reconcileSavings(findings: Finding[], suggestion: Suggestion): Finding[] {
  if (!suggestion.verified || suggestion.savings == null) return findings
  const relinks = findings.some((f) => f.rule === 'cgo-disabled')
  const main = findings.find((f) => f.rule === 'multi-stage' || f.rule === 'minimal-base') ?? (relinks ? undefined : findings.find((f) => f.rule === 'strip-symbols'))
  if (!main) return findings
  const shaving = findings.filter((f) => f.rule === 'strip-symbols' && f !== main).reduce((sum, f) => sum + (f.estimatedSavings ?? 0), 0)
  return findings.map((f) => (f === main ? { ...f, estimatedSavings: Math.max(0, suggestion.savings! - shaving) } : f))
}

export async function adviseStage(input: AdviseInput, deps: AdviseDeps): Promise<AdviseOutput> {
  const text = readFileSync(input.build.dockerfile, 'utf8')
  const file = (path.relative(input.workspace, input.build.dockerfile) || path.basename(input.build.dockerfile)).split(path.sep).join('/')
  const options = { file, buildArgs: input.inputs.buildArgs, target: input.inputs.target }
  // The base images' own config (ENV, WORKDIR, default command), when they were built from: the daemon has them.
  const images = input.report ? await localImages([...new Set([...baseImages(parseDockerfile(text, options)), ...SUGGESTED_BASES])], deps.docker) : new Map<string, LocalImage>()
  const files = readContextFiles(input.build.context, input.build.dockerfile)
  const context = { module: files.goMod?.module ?? null, mainPackages: files.mainPackages ?? null, makefile: files.makefile ?? null }
  const model = parseDockerfile(text, { ...options, context, imageConfig: (image) => images.get(image)?.defaults ?? null })
  const measured: Measured | null = input.report
    ? {
        size: input.report.size.uncompressed,
        layers: input.report.layers,
        wasted: input.report.wasted,
        goBinaries: input.report.goBinaries,
        user: input.imageUser,
        budgetStatus: input.report.budget.status,
        baseSizes: Object.fromEntries(SUGGESTED_BASES.filter((b) => images.has(b)).map((b) => [b, images.get(b)!.size]))
      }
    : null
  const { findings, skipped } = advise({ model, measured, files })
  if (!findings.some((f) => SUGGESTION_RULES.has(f.rule))) return { findings, suggestion: null, skipped }
  const suggested = suggestDockerfile({ model, measured, files })
  if (!suggested) return { findings, suggestion: null, skipped }

  const suggestion: Suggestion = { dockerfile: suggested.dockerfile, verified: false, size: null, error: null, savings: null, base: suggested.base, verifyReason: null, verifyCommand: null }
  if (!measured || !input.buildOptions || !input.report) {
    suggestion.verifyReason = 'dockerfile-only mode: nothing is built'
    return { findings, suggestion, skipped }
  }
  const decision = shouldVerify(input.inputs.verifySuggestion, measured.budgetStatus, findings)
  suggestion.verifyReason = decision.reason
  if (!decision.verify) return { findings, suggestion, skipped }

  const read = (name: string) => {
    const p = path.join(input.build.context, name)
    return existsSync(p) ? readFileSync(p, 'utf8') : null
  }
  const key = proofInputsKey({
    dockerfile: text,
    suggestion: suggested.dockerfile,
    baseDigests: Object.fromEntries([...baseImages(model), suggested.base].map((i) => [i, images.get(i)?.id ?? null])),
    goMod: read('go.mod'),
    goSum: read('go.sum'),
    program: programBinaries({ model, measured, files }).map((b) => ({ path: b.path, static: b.static, needs: b.needs ?? null })),
    settings: { buildArgs: input.inputs.buildArgs, target: input.inputs.target, platform: input.buildOptions.platform, verifyCommand: input.inputs.verifyCommand }
  })
  suggestion.inputsKey = key
  const carried = applyCarried(suggestion, key, input.previousProof)
  if (carried) {
    deps.log.info(`Suggested Dockerfile: ${carried.verifyReason}.`)
    return { findings: reconcileSavings(findings, carried), suggestion: carried, skipped }
  }
  const buildOptions = input.buildOptions
  try {
    const result = await deps.log.group('Verify the suggested Dockerfile', () =>
      verifySuggestion(
        {
          dockerfile: suggested.dockerfile,
          build: buildOptions,
          originalSize: measured.size,
          verifyCommand: input.inputs.verifyCommand,
          expectedPaths: pathsToKeep(model, files),
          originalImage: input.report?.image?.id ?? null
        },
        { docker: deps.docker, tempDir: deps.tempDir, buildAndMeasure: deps.buildAndMeasure, startWaitMs: deps.startWaitMs }
      )
    )
    Object.assign(suggestion, {
      verified: result.verified,
      size: result.size,
      savings: result.savings,
      error: result.error,
      verifyCommand: result.verifyCommand,
      proof: result.proof,
      verifiedAt: input.report.image?.commit ?? null
    })
    if (result.error) deps.log.warning(result.error)
  } catch (error) {
    // Measuring the suggestion failed (e.g. the daemon went away): the advice stands without the claim.
    suggestion.error = `the suggested Dockerfile could not be verified: ${errorMessage(error)}`
    suggestion.inputsKey = null
    deps.log.warning(suggestion.error)
  }
  return { findings: reconcileSavings(findings, suggestion), suggestion, skipped }
}
