// What the pipeline's runs share (one image, or the images of a bake file):
// their collaborators and context, the build they resolve and check, the
// report a measurement starts as, and the advice added to a judged report.
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { adviseStage } from '../advisor/stage.js'
import type { BuildOptions } from '../docker/build.js'
import type { Docker } from '../docker/docker.js'
import type { BaseRef, GitAuth } from '../git.js'
import { UsageError } from '../errors.js'
import type { Exec, Spawn } from '../exec.js'
import type { RunBuild } from '../image/build-measure.js'
import type { Measurement } from '../image/measure.js'
import type { Inputs } from '../inputs.js'
import type { Logger } from '../log.js'
import { NO_BASELINE, SCHEMA_VERSION, type CarriedProof, type HistoryPoint, type ImageInfo, type Report } from '../report/types.js'
import { TOOL } from '../version.js'

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
