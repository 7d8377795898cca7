// "Verified means it starts": the static checks on the built image's files
// and config, then, when they hold, the start itself. Either failing names
// the reason; the suggestion is then not claimed.
import type { Docker } from '../../docker/docker.js'
import { readImageFiles } from './image-files.js'
import { startCheck, type HealthcheckConfig, type StartResult } from './start.js'
import { checkStartup, type ExpectedPath, type ImageConfigFacts, type ProofCheck } from './startup.js'

export interface Proof {
  ok: boolean
  /** Why it is not claimed: the failed checks, or how the start failed. */
  reason: string | null
  checks: ProofCheck[]
  start: Omit<StartResult, 'output'> | null
}

/** The parts of an image's config that decide how it starts. */
export async function startConfig(image: string, docker: Docker): Promise<ImageConfigFacts & { healthcheck: HealthcheckConfig | null }> {
  const { healthcheck, ...facts } = await docker.images.startConfig(image)
  return { ...facts, healthcheck: healthcheck ? { test: healthcheck } : null }
}

export interface ProveOptions {
  expectedPaths: ExpectedPath[]
  /** The measured original image, to tell a program's own non-zero exit from a broken image. */
  originalImage: string | null
  waitMs?: number
}

export async function proveItStarts(image: string, options: ProveOptions, deps: { docker: Docker }): Promise<Proof> {
  const config = await startConfig(image, deps.docker)
  const files = await readImageFiles(image, deps.docker)
  const checks = checkStartup({ files, config, expectedPaths: options.expectedPaths })
  const failed = checks.filter((c) => c.required && !c.ok)
  if (failed.length > 0) return { ok: false, reason: `it would not start: ${failed.map((c) => c.detail).join('; ')}`, checks, start: null }
  const started = await startCheck(image, options.originalImage, deps.docker, { waitMs: options.waitMs, healthcheck: config.healthcheck })
  const start = { ok: started.ok, detail: started.detail, exitCode: started.exitCode, running: started.running, readOnly: started.readOnly }
  return { ok: start.ok, reason: start.ok ? null : start.detail, checks, start }
}
