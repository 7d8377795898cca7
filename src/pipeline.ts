// The stages in order: build → measure → baseline → compare/budget → advise.
// Takes its collaborators as parameters; returns the Report. Rendering and
// publishing are the entry points' business.
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { dockerfileOnlyReport } from './advisor/dockerfile-only.js'
import { adviseStage } from './advisor/stage.js'
import { compareStage } from './baseline/stage.js'
import type { BuiltImage } from './baseline/build.js'
import { chooseSource } from './baseline/index.js'
import { budgetSettings } from './budget.js'
import { buildImage, type BuildOptions } from './buildx/build.js'
import { removeBuiltImages, trackBuilds } from './cleanup.js'
import type { BaseRef } from './git.js'
import { UsageError } from './errors.js'
import type { Exec, Spawn } from './exec.js'
import { measureImage, type Measurement, type MeasureOptions } from './image/measure.js'
import { ensureLocalImage } from './image/pull.js'
import { buildArgMap, type Inputs } from './inputs.js'
import type { Logger } from './log.js'
import { SCHEMA_VERSION, type CarriedProof, type HistoryPoint, type ImageInfo, type PlatformReport, type Report, type Status } from './report/types.js'
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
  /** This pull request's size trend so far (from the sticky comment or a previous report). */
  previousHistory?: HistoryPoint[]
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
  try { names = readdirSync(dir) } catch { return dockerfile }
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

export async function runPipeline(inputs: Inputs, ctx: RunContext, deps: PipelineDeps): Promise<Report> {
  if (!inputs.cleanup || inputs.dockerfileOnly) return runStages(inputs, ctx, deps)
  // `cleanup`: every image built below (head, base, suggestion) is removed at the end, also after a failure.
  const tracker = trackBuilds(deps.exec)
  try {
    return await runStages(inputs, ctx, { ...deps, exec: tracker.exec })
  } finally {
    await removeBuiltImages(tracker.imageIds, deps.exec, deps.log)
  }
}

async function runStages(inputs: Inputs, ctx: RunContext, deps: PipelineDeps): Promise<Report> {
  // Dockerfile-only: the rules that need no image, on the files alone; no Docker, no other command.
  if (inputs.dockerfileOnly) {
    if (inputs.image) throw new UsageError(`dockerfile-only: cannot check a Dockerfile for 'image'; unset one of them`)
    return dockerfileOnlyReport(inputs, resolveBuild(inputs, ctx.workspace, ctx.confineToWorkspace), ctx)
  }
  // Budget and baseline settings are checked before anything is built.
  const settings = budgetSettings(inputs)
  const baselineSource = chooseSource(inputs)
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
    secrets: inputs.secrets
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
  for (const platform of platformsToBuild) {
    let imageRef: string
    if (inputs.image) {
      imageRef = inputs.image
      await ensureLocalImage(imageRef, inputs.platforms[0] ?? null, deps.exec)
    } else {
      const build = resolved as ResolvedBuild
      const label = `${path.relative(ctx.workspace, build.dockerfile) || build.dockerfile}${platform ? ` (${platform})` : ''}`
      const result = await deps.log.group(`Build ${label}`, () =>
        buildImage({ ...buildOptions(build), platform }, { exec: deps.exec, tempDir: deps.tempDir, onProgress: (chunk) => deps.log.debug(chunk) })
      )
      imageRef = result.imageId
    }
    const measurement = await deps.log.group(`Measure ${inputs.image ?? imageRef.slice(0, 19)}${platform ? ` (${platform})` : ''}`, () =>
      measureImage(imageRef, measureOptions, { exec: deps.exec, spawn: deps.spawn, log: deps.log })
    )
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
  const image = imageInfo(first)
  const noBudget: Report['budget'] = { metric: inputs.budgetMetric, limit: inputs.budget, warnAt: null, maxIncrease: null, status: 'none' }
  const noBaseline: Report['baseline'] = { source: 'none', ref: null, commit: null, size: null, layers: [], error: null }
  const status: Status = 'pass'
  const platformReports: PlatformReport[] | undefined =
    measuredPlatforms.length > 1
      ? measuredPlatforms.map(({ measurement: m }) => ({
          platform: m.inspected.platform,
          image: imageInfo(m),
          size: m.size,
          layers: m.layers,
          wasted: m.wasted,
          goBinaries: m.goBinaries,
          budget: { ...noBudget },
          baseline: { ...noBaseline },
          delta: null,
          status
        }))
      : undefined
  const measured: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL.name, version: TOOL.version },
    image,
    size: first.size,
    layers: first.layers,
    wasted: first.wasted,
    goBinaries: first.goBinaries,
    budget: noBudget,
    baseline: noBaseline,
    delta: null,
    findings: [],
    suggestion: null,
    history: [],
    ...(platformReports ? { platforms: platformReports } : {}),
    status
  }

  // Baseline → compare/budget. The base is built with the head's inputs (same
  // BuildKit cache; its cache is not exported over the head's) and measured alike.
  const buildBase = async (paths: { context: string; dockerfile: string; platform: string | null }): Promise<BuiltImage> => {
    const options = { ...buildOptions(paths), cacheTo: [], platform: inputs.platforms.length > 0 ? paths.platform : null }
    const built = await buildImage(options, { exec: deps.exec, tempDir: deps.tempDir, onProgress: (chunk) => deps.log.debug(chunk) })
    const base = await measureImage(
      built.imageId,
      { ...measureOptions, dockerfile: dockerfileSource(readFileSync(paths.dockerfile, 'utf8')) },
      { exec: deps.exec, spawn: deps.spawn, log: deps.log }
    )
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
      { exec: deps.exec, tempDir: deps.tempDir, log: deps.log, buildAndMeasure: buildBase }
    )
  )

  // Advise: Dockerfile rules on the measurement, a suggested Dockerfile, and its proof.
  if (!resolved) return compared.report
  const advised = await adviseStage(
    {
      inputs,
      build: resolved,
      workspace: ctx.workspace,
      report: compared.report,
      imageUser: inspected.config.user,
      buildOptions: buildOptions(resolved),
      previousProof: ctx.previousProof ?? null
    },
    {
      exec: deps.exec,
      spawn: deps.spawn,
      tempDir: deps.tempDir,
      log: deps.log,
      measure: async (id) => {
        const m = await measureImage(id, { cacheDir: deps.cacheDir, registry: false }, { exec: deps.exec, spawn: deps.spawn })
        return { uncompressed: m.size.uncompressed, compressed: m.size.compressed }
      }
    }
  )
  return { ...compared.report, findings: advised.findings, suggestion: advised.suggestion }
}
