// Build and measure: the one path every image this run builds takes (the
// head, the base, the suggested Dockerfile). docker/ builds and image/
// measures; it lives here, above docker/, so the stages that build (baseline,
// advisor) need nothing higher than image/. An exported archive (the
// builder's exact blobs, `output: archive`) is loaded by the build, read by
// the measurement and removed here.
import { rm } from 'node:fs/promises'
import { buildImage, type BuildOptions, type BuildResult } from '../docker/build.js'
import type { Docker } from '../docker/docker.js'
import type { Exec, Spawn } from '../exec.js'
import { measureImage, type Measurement, type MeasureOptions } from './measure.js'
import type { Logger } from '../log.js'

export interface BuildMeasureDeps {
  /** Builds and loads (and records what it built), inspects and saves for the measurement. */
  docker: Docker
  exec: Exec
  spawn: Spawn
  /** Where build scratch files and archives go. */
  tempDir: string
  log?: Logger
  onProgress?: (chunk: string) => void
  /** Told once the image is built, before it is measured (a failed measurement is then not a failed build). */
  onBuilt?: (built: BuildResult) => void
}

export interface BuiltAndMeasured {
  built: BuildResult
  measurement: Measurement
}

/** A built image (its archive, when exported) measured; the archive is removed afterwards. */
export async function measureBuilt(
  built: { imageId: string; archive: string | null },
  measure: MeasureOptions,
  deps: Omit<BuildMeasureDeps, 'tempDir' | 'onProgress' | 'onBuilt'>
): Promise<Measurement> {
  try {
    return await measureImage(built.imageId, { ...measure, archive: built.archive }, { docker: deps.docker, log: deps.log })
  } finally {
    if (built.archive) await rm(built.archive, { force: true })
  }
}

export async function buildAndMeasure(options: BuildOptions, measure: MeasureOptions, deps: BuildMeasureDeps): Promise<BuiltAndMeasured> {
  const built = await buildImage(options, { docker: deps.docker, tempDir: deps.tempDir, onProgress: deps.onProgress })
  deps.onBuilt?.(built)
  return { built, measurement: await measureBuilt(built, measure, deps) }
}

/** The run's buildAndMeasure, bound to its adapter and build output: the collaborator the stages receive. */
export type RunBuild = (options: BuildOptions, measure: MeasureOptions, onBuilt?: (built: BuildResult) => void) => Promise<BuiltAndMeasured>

export function runBuild(output: 'load' | 'archive', deps: Omit<BuildMeasureDeps, 'onBuilt'>): RunBuild {
  return (options, measure, onBuilt) => buildAndMeasure({ ...options, output }, measure, { ...deps, onBuilt })
}
