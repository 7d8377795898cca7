// "Verified means it starts": the static checks on the built image's files
// and config, then, when they hold, the start itself. Either failing names
// the reason; the suggestion is then not claimed.
import type { Exec, Spawn } from '../../exec.js'
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

interface RawConfig {
  Entrypoint?: string[] | null
  Cmd?: string[] | null
  WorkingDir?: string
  Env?: string[] | null
  User?: string
  Healthcheck?: { Test?: string[] | null } | null
}

/** The parts of an image's config that decide how it starts. */
export async function startConfig(image: string, exec: Exec): Promise<ImageConfigFacts & { healthcheck: HealthcheckConfig | null }> {
  const r = await exec('docker', ['image', 'inspect', '--format', '{{json .Config}}', image])
  if (r.code !== 0) throw new Error(`docker image inspect ${image.slice(0, 19)} failed: ${r.stderr.trim().split('\n').pop() ?? ''}`)
  const c = (JSON.parse(r.stdout) ?? {}) as RawConfig
  const test = c.Healthcheck?.Test ?? null
  return {
    entrypoint: c.Entrypoint ?? null,
    cmd: c.Cmd ?? null,
    workingDir: c.WorkingDir || '/',
    env: c.Env ?? [],
    user: c.User ?? '',
    healthcheck: test && test.length > 0 && test[0] !== 'NONE' ? { test } : null
  }
}

export interface ProveOptions {
  expectedPaths: ExpectedPath[]
  /** The measured original image, to tell a program's own non-zero exit from a broken image. */
  originalImage: string | null
  waitMs?: number
}

export async function proveItStarts(image: string, options: ProveOptions, deps: { exec: Exec; spawn: Spawn }): Promise<Proof> {
  const config = await startConfig(image, deps.exec)
  const files = await readImageFiles(image, deps)
  const checks = checkStartup({ files, config, expectedPaths: options.expectedPaths })
  const failed = checks.filter((c) => c.required && !c.ok)
  if (failed.length > 0) return { ok: false, reason: `it would not start: ${failed.map((c) => c.detail).join('; ')}`, checks, start: null }
  const started = await startCheck(image, options.originalImage, deps.exec, { waitMs: options.waitMs, healthcheck: config.healthcheck })
  const start = { ok: started.ok, detail: started.detail, exitCode: started.exitCode, running: started.running, readOnly: started.readOnly }
  return { ok: start.ok, reason: start.ok ? null : start.detail, checks, start }
}
