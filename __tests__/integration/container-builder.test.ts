// The docker-container builder's path (docker/setup-buildx-action's default
// builder), as far as this machine allows: BuildKit outside the engine builds
// the image and exports an image archive (`--output type=docker,dest=…`, the
// only way such a builder can hand an image over without a push), the archive
// is loaded into the engine under test (`docker load`), and the image is
// measured from the archive. The moby/buildkit image that the docker-container
// driver runs cannot be pulled here, so the outside BuildKit is the
// containerd-store engine's own (Docker 28.5.2), driven by buildx from the
// outside; on the default project the archive crosses into the classic
// (overlay2) engine, as on GitHub's ubuntu-24.04 with setup-buildx-action.
// Sizes are checked against the engine (python's classic sizes from `docker
// save`) and against the archive's own manifest (the exact blobs).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { measureBuilt } from '../../src/image/build-measure.js'
import { Docker } from '../../src/docker/docker.js'
import { exec, spawnStream } from '../../src/exec.js'
import { silentLogger } from '../../src/log.js'
import { ENGINES } from '../helpers/engine-environment.mjs'
import { classicSizes, store } from './engine.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'container-builder-it-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The layer blob sizes the archive's manifest records (OCI layout: index.json → manifest). */
function archiveLayerSizes(archive: string): number[] {
  const read = (member: string) => execFileSync('tar', ['-xOf', archive, member], { encoding: 'utf8', maxBuffer: 1 << 26 })
  const index = JSON.parse(read('index.json')) as { manifests: { digest: string }[] }
  const manifest = JSON.parse(read(`blobs/sha256/${index.manifests[0].digest.replace('sha256:', '')}`)) as { layers: { size: number }[] }
  return manifest.layers.map((l) => l.size)
}

test(`an archive exported by BuildKit outside the engine, loaded into this engine (${store}) and measured from the archive`, async () => {
  const context = path.join(dir, 'context')
  execFileSync('mkdir', ['-p', context])
  // Two layers of our own on a stand-in base: a binary-like file and a config file.
  writeFileSync(path.join(context, 'Dockerfile'), `FROM alpine:latest\nRUN head -c 3000000 /dev/urandom > /blob && echo ${Date.now()} > /stamp\nCOPY app.conf /etc/app.conf\n`)
  writeFileSync(path.join(context, 'app.conf'), 'listen = 8080\n'.repeat(200))
  const archive = path.join(dir, 'image.tar')
  const built = await exec('docker', ['buildx', 'build', '--progress', 'plain', '--output', `type=docker,dest=${archive}`, context], {
    env: { ...process.env, DOCKER_HOST: ENGINES.containerd }
  })
  expect(built.stderr).toMatch(/exporting to docker image format|sending tarball|exporting layers/)
  expect(built.code).toBe(0)
  const blobs = archiveLayerSizes(archive)

  // What the pipeline does with an archive (src/docker/build.ts, src/build-measure.ts), on the engine under test.
  const docker = new Docker({ exec, spawn: spawnStream })
  const id = await docker.images.load(archive)
  const measurement = await measureBuilt({ imageId: id, archive }, { cacheDir: path.join(dir, 'cache') }, { docker, exec, spawn: spawnStream, log: silentLogger })
  try {
    const classic = classicSizes(id)
    expect(measurement.size.uncompressed).toBe(classic.total)
    expect(measurement.layers.map((l) => l.uncompressed)).toEqual(classic.layers.map((l) => l.size))
    // Every blob exact, as BuildKit would push it.
    expect(measurement.layers.map((l) => l.compressed)).toEqual(blobs)
    expect(measurement.size.compressed).toBe(blobs.reduce((a, b) => a + b, 0))
    expect(measurement.layers.every((l) => l.compressedSource === 'oci')).toBe(true)
  } finally {
    await exec('docker', ['image', 'rm', '-f', id])
  }
})
