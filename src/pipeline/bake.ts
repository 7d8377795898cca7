// `bake`: the pipeline for every image of a bake file. The targets come from
// `docker buildx bake --print`; they are built in ONE bake run (one BuildKit
// session and cache), each measured as a single build is, compared with the
// base commit's images (one more bake run, from a worktree), judged against
// the same budget, and advised. Returns one report per image; publishing them
// as one comment is the entry points' business.
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { BaselineResult } from '../baseline/index.js'
import { compareStage } from './compare-stage.js'
import { budgetSettings } from '../compare/budget.js'
import { removeBuiltImages } from '../docker/cleanup.js'
import { Docker } from '../docker/docker.js'
import { CommandError, UsageError } from '../errors.js'
import { measureBuilt, runBuild } from '../image/build-measure.js'
import { buildOptionsFor } from '../docker/build.js'
import type { Measurement } from '../image/measure.js'
import type { Inputs } from '../inputs.js'
import { adviseReport, reportFromMeasurement, type PipelineDeps, type RunContext, type StageDeps } from './stages.js'
import { NO_BASELINE, type Baseline, type Report } from '../report/types.js'
import { bakeBaselines, type HeadImage } from '../bake/baseline.js'
import { bakeBuild, type BakedImage } from '../bake/build.js'
import { checkBakeInputs, parseBakePrint, planImages, type BakeImage } from '../bake/definition.js'

export async function runBakePipeline(inputs: Inputs, ctx: RunContext, deps: PipelineDeps): Promise<Report[]> {
  // One adapter for the run: every image built below (head, base, suggestion) is recorded on it.
  const docker = deps.docker ?? new Docker({ exec: deps.exec, spawn: deps.spawn })
  if (!inputs.cleanup) return bakeStages(inputs, ctx, { ...deps, docker })
  // `cleanup`: what was built is removed at the end, also after a failure.
  try {
    return await bakeStages(inputs, ctx, { ...deps, docker })
  } finally {
    await removeBuiltImages(docker.builtImages, docker.images, deps.log)
  }
}

/** The bake file, checked: it exists, is a file, and (on GitHub) lies in the workspace. */
export function resolveBakeFile(bake: string, workspace: string, confine = false): string {
  const file = path.resolve(workspace, bake)
  const rel = path.relative(workspace, file)
  if (confine && (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))) {
    throw new UsageError(`bake: '${bake}' is outside the workspace (${workspace}); use a bake file inside the checkout`)
  }
  if (!existsSync(file)) throw new UsageError(`bake: no bake file at ${bake}; set 'bake' to your docker-bake.hcl, docker-bake.json or compose.yaml`)
  if (!statSync(file).isFile()) throw new UsageError(`bake: ${bake} is a directory; set 'bake' to the bake file in it (e.g. ${path.join(bake, 'docker-bake.hcl')})`)
  return file
}

/** The images the bake file's targets make, read with `--print`; an unknown target is named with the ones there are. */
async function readImages(docker: Docker, bakeFile: string, inputs: Inputs, cwd: string): Promise<BakeImage[]> {
  const request = { files: [bakeFile], cwd, builder: inputs.builder }
  const shown = path.basename(bakeFile)
  let printed: string
  try {
    printed = await docker.buildx.bakePrint({ ...request, targets: inputs.bakeTargets })
  } catch (error) {
    if (!(error instanceof CommandError)) throw error
    const detail = error.detail ?? ''
    const unknown = /failed to find target (\S+)/.exec(detail)?.[1]
    if (unknown) {
      const names = await docker.buildx.bakeTargetNames(request)
      throw new UsageError(`bake-targets: no target or group '${unknown}' in ${shown}${names ? ` (it has ${names.join(', ')})` : ''}; name one of its targets`)
    }
    throw new UsageError(`bake: docker buildx bake cannot read ${shown}: ${detail.split('\n').filter(Boolean).pop() ?? 'no reason given'}`)
  }
  return planImages(parseBakePrint(printed, shown), inputs.platforms, cwd)
}

async function bakeStages(inputs: Inputs, ctx: RunContext, deps: StageDeps): Promise<Report[]> {
  // Everything that can be refused is refused before anything is built.
  checkBakeInputs(inputs)
  if (inputs.baseline === 'image' || inputs.baseline === 'report') {
    throw new UsageError(`baseline: '${inputs.baseline}' compares one image; with bake use 'build' (each target against its base build), 'auto' or 'none'`)
  }
  const settings = budgetSettings(inputs)
  const docker = deps.docker
  const bakeFile = resolveBakeFile(inputs.bake as string, ctx.workspace, ctx.confineToWorkspace)
  const images = await readImages(docker, bakeFile, inputs, ctx.workspace)
  const output = await docker.buildx.output(inputs.builder)
  const onProgress = (chunk: string) => deps.log.debug(chunk)
  // The suggestions are built one at a time, through the run's one build-and-measure.
  const buildAndMeasure = runBuild(output, { docker, exec: deps.exec, spawn: deps.spawn, tempDir: deps.tempDir, log: deps.log, onProgress })

  const measure = async (image: BakeImage, built: BakedImage): Promise<Measurement> => {
    const dockerfile = { content: readFileSync(image.dockerfile, 'utf8'), target: image.target.stage, buildArgs: image.target.args }
    return measureBuilt(built, { cacheDir: deps.cacheDir, dockerfile }, { docker, exec: deps.exec, spawn: deps.spawn, log: deps.log })
  }
  const names = images.map((i) => i.name).join(', ')
  const baked = await deps.log.group(`Bake ${images.length} image(s): ${names}`, () =>
    bakeBuild({ files: [bakeFile], cwd: ctx.workspace, builder: inputs.builder, images, output, cacheTo: true }, { docker, tempDir: deps.tempDir, onProgress }).catch((error: unknown) => {
      if (error instanceof CommandError && error.message === 'docker buildx bake failed')
        throw new CommandError(`docker buildx bake failed for ${path.relative(ctx.workspace, bakeFile) || bakeFile}`, error.detail)
      throw error
    })
  )
  const measured: { image: BakeImage; measurement: Measurement; report: Report }[] = []
  for (const image of images) {
    const built = baked.images.get(image.key) as BakedImage
    const measurement = await deps.log.group(`Measure ${image.name}`, () => measure(image, built))
    const report = reportFromMeasurement(
      measurement,
      {
        ref: null,
        id: measurement.inspected.id,
        platform: measurement.inspected.platform,
        context: path.relative(ctx.workspace, image.context) || '.',
        dockerfile: path.relative(ctx.workspace, image.dockerfile),
        target: image.target.stage,
        bakeTarget: image.target.name,
        commit: ctx.commit
      },
      { ...inputs, commentKey: image.name }
    )
    measured.push({ image, measurement, report })
  }

  // One base bake run for every image that may differ at the base.
  const heads = new Map<string, HeadImage>(
    measured.map(({ image, report }) => [image.key, { imageId: report.image.id, platform: report.image.platform, size: report.size, layers: report.layers, goBinaries: report.goBinaries }])
  )
  const baselines: Map<string, Baseline> =
    inputs.baseline === 'none'
      ? new Map<string, Baseline>()
      : await deps.log.group('Baseline', () =>
          bakeBaselines(
            { base: ctx.base ?? null, auto: inputs.baseline === 'auto', workspace: ctx.workspace, bakeFile, builder: inputs.builder, output, images, heads },
            {
              exec: deps.exec,
              auth: ctx.gitAuth ?? null,
              docker,
              tempDir: deps.tempDir,
              log: deps.log,
              measure: async (image, built) => {
                const m = await measure(image, built)
                return { imageId: m.inspected.id, platform: m.inspected.platform, size: m.size, layers: m.layers, goBinaries: m.goBinaries }
              }
            }
          )
        )

  const reports: Report[] = []
  for (const { image, measurement, report } of measured) {
    const baseline = baselines.get(image.key) ?? NO_BASELINE
    const fetched = (): Promise<BaselineResult> => Promise.resolve({ baseline, history: [], buildLog: null })
    const compared = await compareStage(
      report,
      {
        inputs,
        source: inputs.baseline === 'none' ? 'none' : 'build',
        settings,
        base: ctx.base ?? null,
        build: { context: image.context, dockerfile: image.dockerfile },
        previousHistory: [],
        now: deps.now
      },
      {
        exec: deps.exec,
        tempDir: deps.tempDir,
        log: deps.log,
        fetchBaseline: fetched,
        buildAndMeasure: () => Promise.reject(new Error('a bake run builds its base images itself'))
      }
    )
    const buildArgs = Object.entries(image.target.args).map(([k, v]) => `${k}=${v}`)
    reports.push(
      await deps.log.group(`Advise ${image.name}`, () =>
        adviseReport(
          compared.report,
          {
            inputs: { ...inputs, buildArgs, target: image.target.stage },
            build: { context: image.context, dockerfile: image.dockerfile },
            workspace: ctx.workspace,
            imageUser: measurement.inspected.config.user,
            buildOptions: buildOptionsFor(image.context, image.dockerfile, {
              target: image.target.stage,
              platform: image.platform,
              builder: inputs.builder,
              buildArgs,
              secretFiles: [],
              secretEnvs: []
            })
          },
          { ...deps, buildAndMeasure }
        )
      )
    )
  }
  return reports
}
