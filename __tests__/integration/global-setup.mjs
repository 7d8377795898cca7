// Integration tests need a real Docker engine, the stand-in base images, a
// local registry and the Go toolchains whose compress/gzip the size models are
// checked against. The project's own scripts provide them, for the engine the
// jest project names (the default engine, or the containerd-store engine);
// when they cannot, the run fails here (integration tests never skip). The
// toolchains need no engine: they are unpacked while the engine gets ready.
import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ENGINES, layerCacheVariable } from '../helpers/engine-environment.mjs'

/** One file per integration suite running on this machine: `ENGINE.PID`. */
export const RUNNING = '/tmp/go-image-budget-suites'

export default async function globalSetup(_globalConfig, projectConfig) {
  const engine = projectConfig.testEnvironmentOptions?.engine ?? 'default'
  const host = ENGINES[engine]
  const env = { ...process.env }
  if (host) env.DOCKER_HOST = host
  else delete env.DOCKER_HOST
  const run = (script, args = []) =>
    new Promise((resolve, reject) => {
      if (!existsSync(script)) return reject(new Error(`${script} is missing`))
      const child = execFile('bash', [script, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 24 }, (error, stdout) =>
        error ? reject(new Error(`${script} ${args.join(' ')} failed: ${error.message}`)) : resolve(stdout)
      )
      child.stderr.pipe(process.stderr)
    })
  // The real Go toolchains the compressed-size models are checked against.
  const toolchains = run('scripts/go-toolchains.sh')
  const engineReady = (async () => {
    const started = await run('scripts/ensure-docker.sh', host ? ['--containerd-store'] : [])
    if (host) {
      const last = started.trim().split('\n').pop()
      if (last !== `DOCKER_HOST=${host}`) throw new Error(`ensure-docker.sh --containerd-store printed '${last}', the tests expect DOCKER_HOST=${host}`)
    }
    await run('scripts/test-deps.sh')
    await run('scripts/registry.sh')
    await run('scripts/standins.sh')
  })()
  // Both settle before the run goes on (a failure in one is not left running beside the tests).
  const outcomes = await Promise.allSettled([engineReady, toolchains])
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason
  // What the daemon held before the suite: the teardown removes only what the suite left dangling.
  const ids = execFileSync('docker', ['images', '--all', '--quiet', '--no-trunc'], { env, encoding: 'utf8' }).split('\n').filter(Boolean)
  globalThis.__gibImagesBefore = { ...(globalThis.__gibImagesBefore ?? {}), [engine]: { ids, at: Date.now() } }
  // The run's layer-size cache for this engine (see harness.ts); the teardown removes it.
  process.env[layerCacheVariable(engine)] = mkdtempSync(path.join(os.tmpdir(), `gib-layer-cache-${engine}-`))
  // Registered as a suite running on this engine: another suite's teardown leaves its images alone.
  mkdirSync(RUNNING, { recursive: true })
  writeFileSync(path.join(RUNNING, `${engine}.${process.pid}`), '')
}
