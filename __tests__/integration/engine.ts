// Which engine an integration test file talks to (its jest project sets
// DOCKER_HOST; see helpers/engine-environment.mjs), and what that engine says
// independently of the project's code: classic sizes from `docker save`
// (helpers/classic_sizes.py), and the sizes its own `docker push` stores.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { readStored, type StoredImage } from '../helpers/stored-image.js'

export { readStored, type StoredImage }

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

/** Pushes `tag` (a 127.0.0.1:5000 name) with this engine's own `docker push` and reads back what the registry stores. */
export async function pushAndRead(tag: string): Promise<StoredImage> {
  docker(['push', '--quiet', tag])
  return readStored(tag)
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
