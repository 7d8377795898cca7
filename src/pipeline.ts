// The stages in order: build → measure → baseline → compare/budget → advise.
// Takes its collaborators as parameters; returns the Report. Rendering and
// publishing are the entry points' business.
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { dockerfileOnlyReport } from './advisor/dockerfile-only.js'
import { adviseStage } from './advisor/stage.js'
import { compareStage } from './compare/stage.js'
import type { BuiltImage } from './baseline/build.js'
import { chooseSource, NO_BASELINE } from './baseline/index.js'
import { budgetSettings } from './compare/budget.js'
import { runBuild, type RunBuild } from './build-measure.js'
import { resolveSecretSources, type BuildOptions } from './docker/build.js'
import { Docker } from './docker/docker.js'
import { removeBuiltImages } from './docker/cleanup.js'
import type { BaseRef, GitAuth } from './git.js'
import { UsageError } from './errors.js'
import type { Exec, Spawn } from './exec.js'
import { measureImage, type Measurement, type MeasureOptions } from './image/measure.js'
import { buildArgMap, type Inputs } from './inputs.js'
import type { Logger } from './log.js'
import { SCHEMA_VERSION, type CarriedProof, type HistoryPoint, type ImageInfo, type PlatformReport, type Report } from './report/types.js'
import { TOOL } from './version.js'

export interface PipelineDeps {
  exec: Exec
  spawn: Spawn
  /** A private scratch directory (removed by the caller). */
  tempDir: string
  /** Where reusable results (compressed layer sizes) are kept between runs. */
  cacheDir: string
  log: Logger
  now: () => Date
  /** The Docker adapter (made from exec and spawn when absent); what the run builds is recorded on it (`builtImages`). */
  docker?: Docker
}

/** What the run knows about where it is: from the GitHub event or the local git checkout. */
export interface RunContext {
  /** Directory relative paths are resolved against (the workspace). */
  workspace: string
  /** On GitHub the context and Dockerfile must lie inside the workspace; the CLI may build anywhere. */
  confineToWorkspace?: boolean
  commit: string | null
  /** The base to build for `baseline: build` (pull request base, push `before`, or `base-ref`). */
  base?: BaseRef | null
  /** The action's token, for fetching the base from GitHub (a shallow checkout without credentials). */
  gitAuth?: GitAuth | null
  /** This pull request's size trend so far (from the sticky comment or a previous report). */
  previousHistory?: HistoryPoint[]
  /** The environment the builds run in, where `secret-envs` variables must be set. */
  env?: Record<string, string | undefined>
  /** The suggestion's proof from an earlier push (sticky comment or previous report): carried when nothing it depends on changed. */
  previousProof?: CarriedProof | null
}

export interface ResolvedBuild {
  context: string
  /** Dockerfile path, absolute. */
  dockerfile: string
}

/**
 * docker buildx's own fallback: a Dockerfile path named `Dockerfile` that is
 * not there means `dockerfile` beside it, when that one is (buildx's
 * handleLowercaseDockerfile, after moby/moby#10858).
 */
export function lowercaseFallback(dockerfile: string): string {
  if (path.basename(dockerfile) !== 'Dockerfile') return dockerfile
  const dir = path.dirname(dockerfile)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return dockerfile
  }
  return !names.includes('Dockerfile') && names.includes('dockerfile') ? path.join(dir, 'dockerfile') : dockerfile
}

/** Resolves context and Dockerfile and checks they exist, naming the input at fault. */
export function resolveBuild(inputs: Pick<Inputs, 'context' | 'file'>, workspace: string, confine = false): ResolvedBuild {
  const context = path.resolve(workspace, inputs.context)
  const outside = (p: string) => {
    const rel = path.relative(workspace, p)
    return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)
  }
  if (confine && outside(context)) throw new UsageError(`context: '${inputs.context}' is outside the workspace (${workspace}); use a directory inside the checkout`)
  if (confine && inputs.file && outside(path.resolve(workspace, inputs.file))) {
    throw new UsageError(`file: '${inputs.file}' is outside the workspace (${workspace}); use a Dockerfile inside the checkout`)
  }
  if (!existsSync(context) || !statSync(context).isDirectory()) {
    throw new UsageError(`context: '${inputs.context}' is not a directory (resolved to ${context})`)
  }
  const dockerfile = lowercaseFallback(inputs.file ? path.resolve(workspace, inputs.file) : path.join(context, 'Dockerfile'))
  const shown = path.relative(workspace, dockerfile) || dockerfile
  if (!existsSync(dockerfile)) {
    throw new UsageError(`file: no Dockerfile at ${shown}; set 'file' to its path`)
  }
  if (!statSync(dockerfile).isFile()) throw new UsageError(`file: ${shown} is a directory, not a Dockerfile; set 'file' to the Dockerfile's path`)
  try {
    accessSync(dockerfile, constants.R_OK)
  } catch (error) {
    throw new UsageError(`file: cannot read ${shown} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}); check its permissions`)
  }
  return { context, dockerfile }
}

/** What the stages that run Docker receive: the pipeline's collaborators and its one Docker adapter. */
export type StageDeps = PipelineDeps & { docker: Docker }

export async function runPipeline(inputs: Inputs, ctx: RunContext, deps: PipelineDeps): Promise<Report> {
  // One adapter for the run: every image built below (head, base, suggestion) is recorded on it.
  const docker = deps.docker ?? new Docker({ exec: deps.exec, spawn: deps.spawn })
  if (!inputs.cleanup || inputs.dockerfileOnly) return runStages(inputs, ctx, { ...deps, docker })
  // `cleanup`: what was built is removed at the end, also after a failure.
  try {
    return await runStages(inputs, ctx, { ...deps, docker })
  } finally {
    await removeBuiltImages(docker.builtImages, docker, deps.log)
  }
}

async function runStages(inputs: Inputs, ctx: RunContext, deps: StageDeps): Promise<Report> {
  // Dockerfile-only: the rules that need no image, on the files alone; no Docker, no other command.
  if (inputs.dockerfileOnly) {
    if (inputs.image) throw new UsageError(`dockerfile-only: cannot check a Dockerfile for 'image'; unset one of them`)
    return dockerfileOnlyReport(inputs, resolveBuild(inputs, ctx.workspace, ctx.confineToWorkspace), ctx)
  }
  // Budget and baseline settings are checked before anything is built.
  const settings = budgetSettings(inputs)
  const baselineSource = chooseSource(inputs)
  const docker = deps.docker
  const secretSources = inputs.image ? { secretFiles: [], secretEnvs: [] } : resolveSecretSources(inputs, ctx.workspace, ctx.env ?? {})
  const buildOptions = (paths: { context: string; dockerfile: string }): BuildOptions => ({
    context: paths.context,
    file: paths.dockerfile,
    target: inputs.target,
    platform: inputs.platforms[0] ?? null,
    builder: inputs.builder,
    buildArgs: inputs.buildArgs,
    buildContexts: inputs.buildContexts,
    cacheFrom: inputs.cacheFrom,
    cacheTo: inputs.cacheTo,
    labels: inputs.labels,
    tags: [],
    secrets: inputs.secrets,
    ...secretSources
  })
  // Build and measure: one build per platform (multi-platform `--load` is
  // refused), each measured; the top-level fields describe the first platform.
  const resolved: ResolvedBuild | null = inputs.image ? null : resolveBuild(inputs, ctx.workspace, ctx.confineToWorkspace)
  const dockerfileText = resolved ? readFileSync(resolved.dockerfile, 'utf8') : null
  // Layers are tied to the Dockerfile that built them (the head's, or the base's).
  const dockerfileSource = (content: string) => ({ content, target: inputs.target, buildArgs: buildArgMap(inputs.buildArgs) })
  const measureOptions: MeasureOptions = { cacheDir: deps.cacheDir, dockerfile: dockerfileText === null ? null : dockerfileSource(dockerfileText) }
  const platformsToBuild: (string | null)[] = inputs.image || inputs.platforms.length === 0 ? [null] : inputs.platforms
  const measuredPlatforms: { platform: string | null; measurement: Measurement }[] = []
  const output = inputs.image ? 'load' : await docker.buildOutput(inputs.builder)
  // The one build-and-measure of this run (src/build-measure.ts): the head, the base and the suggestion.
  const buildAndMeasure = runBuild(output, { docker, exec: deps.exec, spawn: deps.spawn, tempDir: deps.tempDir, log: deps.log, onProgress: (chunk) => deps.log.debug(chunk) })
  for (const platform of platformsToBuild) {
    if (inputs.image) {
      const ref = inputs.image
      await docker.ensureImage(ref, inputs.platforms[0] ?? null)
      const measurement = await deps.log.group(`Measure ${ref}`, () => measureImage(ref, measureOptions, { docker, log: deps.log }))
      measuredPlatforms.push({ platform, measurement })
      continue
    }
    const build = resolved as ResolvedBuild
    const label = `${path.relative(ctx.workspace, build.dockerfile) || build.dockerfile}${platform ? ` (${platform})` : ''}`
    const { measurement } = await deps.log.group(`Build and measure ${label}`, () => buildAndMeasure({ ...buildOptions(build), platform }, measureOptions))
    measuredPlatforms.push({ platform, measurement })
  }
  const imageInfo = (m: Measurement): ImageInfo => ({
    ref: inputs.image,
    id: m.inspected.id,
    platform: m.inspected.platform,
    context: resolved ? path.relative(ctx.workspace, resolved.context) || '.' : null,
    dockerfile: resolved ? path.relative(ctx.workspace, resolved.dockerfile) : null,
    target: inputs.target,
    commit: ctx.commit
  })
  const first = measuredPlatforms[0].measurement
  const inspected = first.inspected
  const platformReports: PlatformReport[] | undefined =
    measuredPlatforms.length > 1
      ? measuredPlatforms.map(({ measurement: m }) => {
          const { image, size, layers, wasted, goBinaries, budget, baseline, delta, status } = reportFromMeasurement(m, imageInfo(m), inputs)
          return { platform: m.inspected.platform, image, size, layers, wasted, goBinaries, budget, baseline, delta, status }
        })
      : undefined
  const measured: Report = { ...reportFromMeasurement(first, imageInfo(first), inputs), ...(platformReports ? { platforms: platformReports } : {}) }

  // Baseline → compare/budget. The base is built with the head's inputs (same
  // BuildKit cache; its cache is not exported over the head's) and measured alike.
  const buildBase = async (paths: { context: string; dockerfile: string; platform: string | null }): Promise<BuiltImage> => {
    const options = { ...buildOptions(paths), cacheTo: [], platform: inputs.platforms.length > 0 ? paths.platform : null }
    const { built, measurement: base } = await buildAndMeasure(options, { ...measureOptions, dockerfile: dockerfileSource(readFileSync(paths.dockerfile, 'utf8')) })
    return { imageId: built.imageId, platform: base.inspected.platform, size: base.size, layers: base.layers, log: built.log }
  }
  const compared = await deps.log.group('Baseline', () =>
    compareStage(
      measured,
      {
        inputs,
        source: baselineSource,
        settings,
        base: ctx.base ?? null,
        build: resolved,
        previousHistory: ctx.previousHistory ?? [],
        now: deps.now
      },
      { exec: deps.exec, tempDir: deps.tempDir, log: deps.log, buildAndMeasure: buildBase, auth: ctx.gitAuth ?? null }
    )
  )

  // Advise: Dockerfile rules on the measurement, a suggested Dockerfile, and its proof.
  if (!resolved) return compared.report
  return adviseReport(
    compared.report,
    { inputs, build: resolved, workspace: ctx.workspace, imageUser: inspected.config.user, buildOptions: buildOptions(resolved), previousProof: ctx.previousProof ?? null },
    { ...deps, buildAndMeasure }
  )
}

/** A measured image as a report, before the baseline, the verdict and the advice. */
export function reportFromMeasurement(m: Measurement, image: ImageInfo, inputs: Pick<Inputs, 'budgetMetric' | 'budget' | 'commentKey'>): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL.name, version: TOOL.version },
    // The comment-key names the image where one comment shows several (the job after a matrix).
    ...(inputs.commentKey ? { name: inputs.commentKey } : {}),
    image,
    size: m.size,
    layers: m.layers,
    wasted: m.wasted,
    goBinaries: m.goBinaries,
    budget: { metric: inputs.budgetMetric, limit: inputs.budget, warnAt: null, maxIncrease: null, status: 'none' },
    baseline: NO_BASELINE,
    delta: null,
    findings: [],
    suggestion: null,
    history: [],
    status: 'pass'
  }
}

export interface AdviseRequest {
  inputs: Inputs
  build: ResolvedBuild
  workspace: string
  imageUser: string | null
  buildOptions: BuildOptions
  /** The suggestion's proof from an earlier push: carried when nothing it depends on changed. */
  previousProof?: CarriedProof | null
}

/** Adds the findings and the suggested Dockerfile (built and measured when it matters) to a judged report. */
export async function adviseReport(report: Report, req: AdviseRequest, deps: StageDeps & { buildAndMeasure: RunBuild }): Promise<Report> {
  const advised = await adviseStage(
    { inputs: req.inputs, build: req.build, workspace: req.workspace, report, imageUser: req.imageUser, buildOptions: req.buildOptions, previousProof: req.previousProof ?? null },
    {
      docker: deps.docker,
      tempDir: deps.tempDir,
      log: deps.log,
      // The suggestion is built and measured as the head is; its sizes need no registry.
      buildAndMeasure: (options, onBuilt) => deps.buildAndMeasure(options, { cacheDir: deps.cacheDir, registry: false }, onBuilt)
    }
  )
  return { ...report, findings: advised.findings, suggestion: advised.suggestion }
}
