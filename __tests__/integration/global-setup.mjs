// Integration tests need a real Docker engine, the stand-in base images, a
// local registry and the Go toolchains whose compress/gzip the size models
// are checked against. The project's own scripts provide them; when they cannot,
// the run fails here (integration tests never skip).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export default function globalSetup() {
  for (const script of ['scripts/ensure-docker.sh', 'scripts/test-deps.sh', 'scripts/standins.sh', 'scripts/registry.sh', 'scripts/go-toolchains.sh']) {
    if (!existsSync(script)) throw new Error(`${script} is missing`)
    execFileSync('bash', [script], { stdio: ['ignore', 'inherit', 'inherit'] })
  }
  execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe' })
}
