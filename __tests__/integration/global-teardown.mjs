// After the integration tests: remove the untagged images the suite built and
// left behind on this project's engine (each test removes what it tags; builds
// it measured stay untagged), and on the containerd-store engine (the
// project's own) the build records. Images that were there before are never touched,
// and nothing is removed while another suite runs on the same engine (its
// images would look like ours).
import { execFileSync } from 'node:child_process'
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { RUNNING } from './global-setup.mjs'
import { ENGINES, layerCacheVariable } from '../helpers/engine-environment.mjs'

export default function globalTeardown(_globalConfig, projectConfig) {
  const engine = projectConfig.testEnvironmentOptions?.engine ?? 'default'
  const before = globalThis.__gibImagesBefore?.[engine]
  rmSync(path.join(RUNNING, `${engine}.${process.pid}`), { force: true })
  const cache = process.env[layerCacheVariable(engine)]
  if (cache) rmSync(cache, { recursive: true, force: true })
  if (!before) return
  const others = readdirSync(RUNNING).filter((f) => f.startsWith(`${engine}.`) && alive(Number(f.slice(engine.length + 1))))
  if (others.length > 0) {
    process.stderr.write(
      `integration (${engine}): another suite is running on this engine (pid ${others.map((f) => f.split('.')[1]).join(', ')}); untagged images are left in place, as they may be its own\n`
    )
    return
  }
  const env = { ...process.env }
  if (ENGINES[engine]) env.DOCKER_HOST = ENGINES[engine]
  else delete env.DOCKER_HOST
  const docker = (args) => execFileSync('docker', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const kept = new Set(before.ids)
  // Newest first: an image can only be removed after the images built on it.
  const dangling = docker(['images', '--filter', 'dangling=true', '--quiet', '--no-trunc'])
    .split('\n')
    .filter((id) => id && !kept.has(id))
  let removed = 0
  for (const id of dangling) {
    try {
      docker(['image', 'rm', id])
      removed++
    } catch {
      // Still used by a container or another image: left for the next run.
    }
  }
  if (removed > 0) process.stderr.write(`integration (${engine}): removed ${removed} untagged image(s) the tests built\n`)
  if (engine !== 'default') removeBuildRecords(engine, docker)
}

// BuildKit keeps a record of every build (`docker buildx history`: a lease and
// a few blobs each), and Docker 28 keeps them all: about 2,500 records and
// 14,000 blobs on the containerd-store engine after a day of runs, which
// containerd's garbage collector walks after every deletion. Its jest run had
// grown from 813 s to 1,146 s over the day; with them removed the next took
// 1,033 s, 26 s of it this removal. That engine is the project's own, so its records go after each run; the
// default engine is the user's, and its records are left alone.
function removeBuildRecords(engine, docker) {
  const started = Date.now()
  try {
    docker(['buildx', 'history', 'rm', '--all'])
    process.stderr.write(`integration (${engine}): removed the engine's build records in ${Math.round((Date.now() - started) / 1000)} s\n`)
  } catch (error) {
    process.stderr.write(`integration (${engine}): could not remove the engine's build records: ${String(error.stderr ?? error.message).trim()}\n`)
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
