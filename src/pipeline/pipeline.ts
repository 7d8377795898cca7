// The pipeline, the one entry the action and the CLI call: build → measure →
// baseline → compare/budget → advise, for one image (per platform) or for
// every image of a bake file (bake.ts). Takes its collaborators as
// parameters; returns the reports. Rendering and publishing are the entry
// points' business.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { chooseSource } from '../baseline/index.js'
import type { BuiltImage } from '../baseline/build.js'
import { budgetSettings } from '../compare/budget.js'
import { removeBuiltImages } from '../docker/cleanup.js'
import { resolveSecretSources, type BuildOptions } from '../docker/build.js'
import { Docker } from '../docker/docker.js'
import { UsageError } from '../errors.js'
import { runBuild } from '../image/build-measure.js'
import { measureImage, type Measurement, type MeasureOptions } from '../image/measure.js'
import { buildArgMap, type Inputs } from '../inputs.js'
import type { ImageInfo, PlatformReport, Report } from '../report/types.js'
import { runBakePipeline } from './bake.js'
import { compareStage } from './compare-stage.js'
import { dockerfileOnlyReport } from './dockerfile-only.js'
import { adviseReport, reportFromMeasurement, resolveBuild, type PipelineDeps, type ResolvedBuild, type RunContext, type StageDeps } from './stages.js'

/** One report per image this run measures: the bake file's targets, or the one build. */
export async function measureReports(inputs: Inputs, ctx: RunContext, deps: PipelineDeps): Promise<Report[]> {
  return inputs.bake ? runBakePipeline(inputs, ctx, deps) : [await runPipeline(inputs, ctx, deps)]
}

export async function runPipeline(inputs: Inputs, ctx: RunContext, deps: PipelineDeps): Promise<Report> {
  // One adapter for the run: every image built below (head, base, suggestion) is recorded on it.
  const docker = deps.docker ?? new Docker({ exec: deps.exec, spawn: deps.spawn })
  if (!inputs.cleanup || inputs.dockerfileOnly) return runStages(inputs, ctx, { ...deps, docker })
  // `cleanup`: what was built is removed at the end, also after a failure.
  try {
    return await runStages(inputs, ctx, { ...deps, docker })
  } finally {
    await removeBuiltImages(docker.builtImages, docker.images, deps.log)
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
  const output = inputs.image ? 'load' : await docker.buildx.output(inputs.builder)
  // The one build-and-measure of this run (src/image/build-measure.ts): the head, the base and the suggestion.
  const buildAndMeasure = runBuild(output, { docker, exec: deps.exec, spawn: deps.spawn, tempDir: deps.tempDir, log: deps.log, onProgress: (chunk) => deps.log.debug(chunk) })
  for (const platform of platformsToBuild) {
    if (inputs.image) {
      const ref = inputs.image
      await docker.images.ensure(ref, inputs.platforms[0] ?? null)
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
    return { imageId: built.imageId, platform: base.inspected.platform, size: base.size, layers: base.layers, goBinaries: base.goBinaries, log: built.log }
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
