// Which engine an integration test file talks to (its jest project sets
// DOCKER_HOST; see helpers/engine-environment.mjs), and what that engine says
// independently of the project's code: classic sizes from `docker save`
// (helpers/classic_sizes.py), the sizes its own `docker push` stores (read over
// plain HTTP, not through the project's registry client), and the symbol
// sections of a binary (binutils' readelf).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readStored, type StoredImage } from '../helpers/stored-image.js'

export { readStored, type StoredImage }

export const testEngine = (process.env.GIB_TEST_ENGINE ?? 'default') as 'default' | 'containerd'

/** The run's layer-size cache for this engine (global-setup.mjs makes it; engine-environment.mjs names the variable), or null outside a jest run's setup. */
export const runLayerCache: string | null = process.env[`GIB_TEST_LAYER_CACHE_${testEngine.toUpperCase()}`] ?? null

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

/**
 * Classic layer sizes of an image computed by python's tarfile from `docker
 * save`, not by this project. Kept for the run by image id (an id names its
 * layers' contents), so an image several tests check is read once.
 */
export function classicSizes(image: string): ClassicSizes {
  const id = docker(['image', 'inspect', '--format', '{{.Id}}', image]).trim()
  // Beside the product's own cache directories in the run's cache (removed with it).
  const kept = runLayerCache ? path.join(runLayerCache, 'oracle-classic-sizes', `${id.replace(/^sha256:/, '')}.json`) : null
  if (kept && existsSync(kept)) return JSON.parse(readFileSync(kept, 'utf8')) as ClassicSizes
  const script = path.resolve('__tests__/helpers/classic_sizes.py')
  const out = execFileSync('bash', ['-c', 'docker save "$1" | python3 "$2"', 'classic', id, script], { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (kept) {
    mkdirSync(path.dirname(kept), { recursive: true })
    writeFileSync(kept, out)
  }
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

/** The bytes of a binary's symbol table and debug sections (what `-ldflags="-s -w"` drops), read by binutils' readelf. */
export function symbolSectionBytes(binary: Buffer): number {
  const file = path.join(os.tmpdir(), `gib-elf-${process.pid}-${Date.now()}`)
  writeFileSync(file, binary)
  try {
    const table = execFileSync('readelf', ['--section-headers', '--wide', file], { encoding: 'utf8' })
    // "  [Nr] Name Type Address Off Size ES Flg Lk Inf Al"
    const sections = [...table.matchAll(/^\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s/gm)]
    if (sections.length === 0) throw new Error(`readelf listed no sections:\n${table}`)
    const symbols = (name: string) => name === '.symtab' || name === '.strtab' || name.startsWith('.debug_') || name.startsWith('.zdebug_')
    return sections.filter(([, name, type]) => symbols(name) && type !== 'NOBITS').reduce((sum, [, , , size]) => sum + parseInt(size, 16), 0)
  } finally {
    rmSync(file, { force: true })
  }
}
