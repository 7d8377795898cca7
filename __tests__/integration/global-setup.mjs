// Integration tests need a real Docker engine, the stand-in base images, a
// local registry and the Go toolchains whose compress/gzip the size models are
// checked against. The project's own scripts provide them, for the engine the
// jest project names (the default engine, or the containerd-store engine);
// when they cannot, the run fails here (integration tests never skip).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ENGINES } from '../helpers/engine-environment.mjs'

/** One file per integration suite running on this machine: `ENGINE.PID`. */
export const RUNNING = '/tmp/go-image-budget-suites'

export default function globalSetup(_globalConfig, projectConfig) {
  const engine = projectConfig.testEnvironmentOptions?.engine ?? 'default'
  const host = ENGINES[engine]
  const env = { ...process.env }
  if (host) env.DOCKER_HOST = host
  else delete env.DOCKER_HOST
  const run = (script, args = []) => {
    if (!existsSync(script)) throw new Error(`${script} is missing`)
    return execFileSync('bash', [script, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  }
  const started = run('scripts/ensure-docker.sh', host ? ['--containerd-store'] : [])
  if (host) {
    const last = started.trim().split('\n').pop()
    if (last !== `DOCKER_HOST=${host}`) throw new Error(`ensure-docker.sh --containerd-store printed '${last}', the tests expect DOCKER_HOST=${host}`)
  }
  run('scripts/test-deps.sh')
  run('scripts/registry.sh')
  run('scripts/standins.sh')
  // The real Go toolchains the compressed-size models are checked against.
  run('scripts/go-toolchains.sh')
  // What the daemon held before the suite: the teardown removes only what the suite left dangling.
  const ids = execFileSync('docker', ['images', '--all', '--quiet', '--no-trunc'], { env, encoding: 'utf8' }).split('\n').filter(Boolean)
  globalThis.__gibImagesBefore = { ...(globalThis.__gibImagesBefore ?? {}), [engine]: { ids, at: Date.now() } }
  // Registered as a suite running on this engine: another suite's teardown leaves its images alone.
  mkdirSync(RUNNING, { recursive: true })
  writeFileSync(path.join(RUNNING, `${engine}.${process.pid}`), '')
}
