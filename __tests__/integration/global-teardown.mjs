// After the integration tests: remove the untagged images the suite built and
// left behind on this project's engine (each test removes what it tags; builds
// it measured stay untagged). Images that were there before are never touched.
import { execFileSync } from 'node:child_process'
import { ENGINES } from '../helpers/engine-environment.mjs'

export default function globalTeardown(_globalConfig, projectConfig) {
  const engine = projectConfig.testEnvironmentOptions?.engine ?? 'default'
  const before = globalThis.__gibImagesBefore?.[engine]
  if (!before) return
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
}
