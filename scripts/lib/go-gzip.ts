// Real Go gzip sizes, for the tests and scripts/flate-models.ts: the toolchains
// that scripts/go-toolchains.sh unpacks build scripts/go-gzip-size, which
// prints what that release's compress/gzip writes at the default level (as
// `docker push` compresses a layer). One toolchain per flavor: Go 1.24 for the
// classic encoder, Go 1.27 for the new one.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PushFlavor } from '../../src/compress/push-flavor.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const probeSource = path.join(repo, 'scripts/go-gzip-size')

/** The Go release whose compress/gzip is the truth for each flavor. */
export const TRUTH_TOOLCHAIN: Record<PushFlavor, string> = { 'go-classic': '1.24', 'go1.27': '1.27' }

export interface GoToolchain {
  minor: string
  goroot: string
  /** `go version` of the toolchain, e.g. "go1.27.3". */
  version: string
  /** Path of go-gzip-size built by this toolchain (a real Go ELF, too). */
  probe: string
  /** What this release's gzip.NewWriter writes for data, in bytes. */
  gzipSize(data: Uint8Array): number
}

/** Unpacks (scripts/go-toolchains.sh, idempotent) and builds the probe with each toolchain. */
export function goToolchains(minors: string[]): Map<string, GoToolchain> {
  const listed = execFileSync('bash', [path.join(repo, 'scripts/go-toolchains.sh'), ...minors], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  const toolchains = new Map<string, GoToolchain>()
  for (const line of listed.trim().split('\n')) {
    const [minor, goroot] = line.split(' ')
    const go = path.join(goroot, 'bin/go')
    const env = { ...process.env, GOROOT: goroot, GOTOOLCHAIN: 'local', GO111MODULE: 'off', GOFLAGS: '', GOCACHE: path.join(goroot, '..', 'cache'), GOPATH: path.join(goroot, '..', 'gopath') }
    const version = execFileSync(go, ['env', 'GOVERSION'], { env, encoding: 'utf8' }).trim()
    // Built once per source version, next to the toolchain.
    const files = readdirSync(probeSource)
      .filter((f) => f.endsWith('.go'))
      .sort()
    const hash = createHash('sha256')
    for (const f of files) hash.update(readFileSync(path.join(probeSource, f)))
    const probe = path.join(goroot, '..', 'bin', `go-gzip-size-${hash.digest('hex').slice(0, 12)}`)
    if (!existsSync(probe)) {
      mkdirSync(path.dirname(probe), { recursive: true })
      execFileSync(go, ['build', '-o', probe, ...files], { cwd: probeSource, env, stdio: ['ignore', 'inherit', 'inherit'] })
    }
    const gzipSize = (data: Uint8Array) => Number(execFileSync(probe, [], { input: data, encoding: 'utf8', maxBuffer: 1 << 20 }).trim())
    toolchains.set(minor, { minor, goroot, version, probe, gzipSize })
  }
  return toolchains
}
