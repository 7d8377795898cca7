// Inputs the gzip size models are checked on against real Go (tests and
// scripts/flate-models.ts): edge sizes around Go 1.27's 65535-byte chunks,
// zeros, noise, Go source text, a Go ELF, a tar of a source tree, the layers
// of stand-in images as `docker save` gives them, and a mix. Deterministic but
// for the ELF and the layers, which are whatever the toolchain and engine have.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface CorpusFile {
  name: string
  data: Buffer
}

/** xorshift32 bytes: noise without a dependency on the machine. */
export function noise(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length)
  let x = seed >>> 0 || 1
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 255
  }
  return out
}

function goSourceText(goroot: string, bytes: number): Buffer {
  const dir = path.join(goroot, 'src/net/http')
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.go'))
    .sort()
  return Buffer.concat(files.map((f) => readFileSync(path.join(dir, f)))).subarray(0, bytes)
}

function sourceTreeTar(goroot: string): Buffer {
  return execFileSync('tar', ['--sort=name', '--mtime=@0', '--owner=0', '--group=0', '--numeric-owner', '-cf', '-', '-C', path.join(goroot, 'src'), 'archive', 'compress', 'encoding'], {
    maxBuffer: 1 << 30
  })
}

/** The layer tars of an image, as `docker save` writes them (uncompressed on the overlay2 store); `env` picks the engine. */
export function savedLayers(image: string, env: NodeJS.ProcessEnv = process.env): Buffer[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gib-layers-'))
  try {
    execFileSync('bash', ['-c', 'docker save "$1" | tar -xf - -C "$2"', 'save', image, dir], { env, stdio: ['ignore', 'ignore', 'inherit'] })
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { Layers: string[] }[]
    return manifest[0].Layers.map((layer) => readFileSync(path.join(dir, layer)))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `goroot` gives the text and the tree; `elf` a Go binary; `images` the stand-ins whose layers to add (from the engine `env` picks). */
export function flateCorpus(goroot: string, elf: string, images: string[], env: NodeJS.ProcessEnv = process.env): CorpusFile[] {
  const text = goSourceText(goroot, 1_500_000)
  const binary = readFileSync(elf)
  const tree = sourceTreeTar(goroot)
  const corpus: CorpusFile[] = [
    { name: 'empty', data: Buffer.alloc(0) },
    { name: 'text-20', data: text.subarray(0, 20) },
    { name: 'text-100', data: text.subarray(0, 100) },
    { name: 'text-65535', data: text.subarray(0, 65535) },
    { name: 'text-131075', data: text.subarray(0, 2 * 65535 + 5) },
    { name: 'zeros', data: Buffer.alloc(3_000_000) },
    { name: 'noise', data: noise(2_000_000, 7) },
    { name: 'go-source', data: text },
    { name: 'go-elf', data: binary },
    { name: 'source-tree.tar', data: tree }
  ]
  for (const image of images) savedLayers(image, env).forEach((data, i) => corpus.push({ name: `${image} layer ${i}`, data }))
  const mixed = Buffer.concat([text.subarray(0, 300_000), noise(200_000, 3), Buffer.alloc(100_000), binary.subarray(0, 500_000), text.subarray(0, 70_000), tree.subarray(0, 400_000)])
  corpus.push({ name: 'mixed', data: mixed })
  return corpus
}
