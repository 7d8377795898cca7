// Which engine an integration test file talks to (its jest project sets
// DOCKER_HOST; see helpers/engine-environment.mjs), and what that engine says
// independently of the project's code: classic sizes from `docker save`
// (helpers/classic_sizes.py), and the sizes its own `docker push` stores.
import { execFileSync } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'

export const testEngine = (process.env.GIB_TEST_ENGINE ?? 'default') as 'default' | 'containerd'

const docker = (args: string[]) => execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 })

const info = JSON.parse(docker(['info', '--format', '{{json .}}'])) as { Driver: string; DriverStatus: [string, string][] | null; ServerVersion: string }
/** The image store the engine under test uses. */
export const store: 'overlay2' | 'containerd' = (info.DriverStatus ?? []).some(([k, v]) => k === 'driver-type' && /snapshotter/.test(v)) ? 'containerd' : 'overlay2'
export const engineMajor = Number(info.ServerVersion.split('.')[0])

if (testEngine === 'containerd' && store !== 'containerd') throw new Error(`the containerd-store project talks to an engine with the ${info.Driver} driver: check DOCKER_HOST`)

export interface ClassicSizes {
  layers: { diffId: string; size: number; symlinkBytes: number; blobBytes: number; mediaCompressed: boolean }[]
  total: number
}

/** Classic layer sizes of an image computed by python's tarfile from `docker save`, not by this project. */
export function classicSizes(image: string): ClassicSizes {
  const script = path.resolve('__tests__/helpers/classic_sizes.py')
  const out = execFileSync('bash', ['-c', 'docker save "$1" | python3 "$2"', 'classic', image, script], { encoding: 'utf8', maxBuffer: 1 << 26 })
  return JSON.parse(out) as ClassicSizes
}

/** What a registry stores for an image: its layer blobs and its config's diff ids, in image order. */
export interface StoredImage {
  layers: { digest: string; size: number; mediaType: string }[]
  config: { diffIds: string[] }
}

/** Pushes `tag` (a 127.0.0.1:5000 name) with this engine's own `docker push` and reads back what the registry stores. */
export async function pushAndRead(tag: string): Promise<StoredImage> {
  docker(['push', '--quiet', tag])
  return readStored(tag)
}

/**
 * What the local registry stores for `tag` (`host:port/repository:tag`), read
 * with node's HTTP client alone (not the project's registry code): the image
 * manifest (schema 2 or OCI, this platform's) and its config's diff ids.
 */
export async function readStored(tag: string): Promise<StoredImage> {
  const m = /^([^/]+)\/(.+):([^:/]+)$/.exec(tag)
  if (!m) throw new Error(`not a host/repository:tag reference: ${tag}`)
  const [, host, repository, reference] = m
  const get = (what: string, accept: string) =>
    new Promise<Buffer>((resolve, reject) => {
      http
        .get(`http://${host}/v2/${repository}/${what}`, { headers: { Accept: accept } }, (res) => {
          const parts: Buffer[] = []
          res.on('data', (b: Buffer) => parts.push(b))
          res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(parts)) : reject(new Error(`GET ${what}: HTTP ${res.statusCode}`))))
        })
        .on('error', reject)
    })
  const manifestTypes =
    'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json'
  let manifest = JSON.parse((await get(`manifests/${reference}`, manifestTypes)).toString('utf8')) as {
    manifests?: { digest: string; platform?: { os: string; architecture: string } }[]
    config: { digest: string }
    layers: StoredImage['layers']
  }
  if (manifest.manifests) {
    const mine = manifest.manifests.find((d) => d.platform?.os === 'linux' && d.platform.architecture === 'amd64') ?? manifest.manifests[0]
    manifest = JSON.parse((await get(`manifests/${mine.digest}`, manifestTypes)).toString('utf8')) as typeof manifest
  }
  const config = JSON.parse((await get(`blobs/${manifest.config.digest}`, '*/*')).toString('utf8')) as { rootfs: { diff_ids: string[] } }
  return { layers: manifest.layers.map((l) => ({ digest: l.digest, size: l.size, mediaType: l.mediaType })), config: { diffIds: config.rootfs.diff_ids } }
}

/** A file's bytes from an image, through a container that is never started (any platform). */
export function fileFromImage(image: string, file: string): Buffer {
  const name = `gib-read-${process.pid}-${Date.now()}`
  docker(['create', '--name', name, image, '/nonexistent'])
  try {
    return execFileSync('bash', ['-c', 'docker cp "$1:$2" - | tar -xO', 'cp', name, file], { maxBuffer: 1 << 28 })
  } finally {
    docker(['rm', '-f', name])
  }
}

/** The daemon's own size of each layer (`docker history`, paired with the layers through the config's empty_layer flags). */
export function daemonLayerSizes(image: string): number[] {
  const sizes = docker(['history', '--no-trunc', '--human=false', '--format', '{{.Size}}', image]).trim().split('\n').map(Number).reverse()
  const config = JSON.parse(execFileSync('bash', ['-c', 'docker save "$1" | tar -xO manifest.json', 'm', image], { encoding: 'utf8' })) as { Config: string }[]
  const history = JSON.parse(execFileSync('bash', ['-c', 'docker save "$1" | tar -xO "$2"', 'c', image, config[0].Config], { encoding: 'utf8' })) as { history: { empty_layer?: boolean }[] }
  return history.history.flatMap((row, i) => (row.empty_layer ? [] : [sizes[i]]))
}
