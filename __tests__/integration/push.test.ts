// Exact compressed sizes from the engine's own compressor, on the engine this
// jest project runs. On the classic store the measurement pushes the image to
// an endpoint of its own on loopback; every layer must then be what this
// engine's own `docker push` stores in the real local registry (read back with
// node's HTTP client, not the project's registry code), to the byte. The base
// layer, whose blob the registry knows, is answered as present and not pushed;
// a re-measurement pushes only the changed layer. Nothing is left behind: no
// tag, no pushed digest, no endpoint. Where the daemon cannot reach the
// endpoint (an address where nothing listens, or one that never answers) the
// sizes are estimated, and the report says why. On the containerd store the
// blobs are exact already: the push sends them as stored and reads them (here
// from any size: these images are smaller than the 16 MiB from which it pays
// by default), the cached ones answered as present so that a re-measurement
// reads only the new layer; where that push cannot reach the endpoint, the
// save stream reads them, exact all the same.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { buildImage, buildOptionsFor } from '../../src/docker/build.js'
import { Docker } from '../../src/docker/docker.js'
import { exec, spawnStream } from '../../src/exec.js'
import { measureImage, type Measurement, type MeasureOptions } from '../../src/image/measure.js'
import type { PushOptions } from '../../src/image/push-sizes.js'
import { silentLogger } from '../../src/log.js'
import { pushAndRead, store, type StoredImage } from './engine.js'

const work = mkdtempSync(path.join(os.tmpdir(), 'gib-push-'))
const suffix = randomBytes(4).toString('hex')
const registry = '127.0.0.1:5000'
const docker = (args: string[]) => execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
const newDocker = () => new Docker({ exec, spawn: spawnStream })
const tags: string[] = []

afterAll(() => {
  for (const tag of tags) execFileSync('docker', ['rmi', '-f', tag], { stdio: 'ignore' })
  rmSync(work, { recursive: true, force: true })
})

// FROM the alpine stand-in (pulled through the engine's registry mirror: the registry knows its blob),
// then layers of random bytes, text and a small file: incompressible, compressible, tiny.
const dockerfile = [
  'FROM alpine:latest',
  'COPY random.bin /data/random.bin',
  'RUN seq 1 300000 > /data/numbers.txt',
  'COPY text.txt /data/text.txt',
  'ARG VERSION',
  'RUN echo "$VERSION" > /version',
  ''
].join('\n')
/** The push from any image size on the containerd store (these images are a few MB). */
const pushAt = (more: PushOptions = {}): PushOptions => ({ storeMinBytes: 0, ...more })
const measureOptions = (cacheDir: string | null, over: Partial<MeasureOptions> = {}): MeasureOptions => ({ cacheDir, dockerfile: { content: dockerfile, target: null }, push: pushAt(), ...over })

async function build(version: string, tag: string | null): Promise<string> {
  const { imageId } = await buildImage(buildOptionsFor(work, path.join(work, 'Dockerfile'), { buildArgs: [`VERSION=${version}`], tags: tag ? [tag] : [] }), { docker: newDocker(), tempDir: work })
  if (tag) tags.push(tag)
  return imageId
}

/** The references an image has, and whether any image still carries a measurement's temporary name. */
const references = (id: string) => docker(['image', 'inspect', '--format', '{{json .RepoTags}} {{json .RepoDigests}}', id]).trim()
const leftovers = () =>
  docker(['images', '--all', '--format', '{{.Repository}}'])
    .split('\n')
    .filter((r) => r.includes('go-image-budget-measure'))

const refused = (endpoint: string) =>
  new Promise<boolean>((resolve) => {
    const [host, port] = endpoint.split(':')
    const socket = net.connect(Number(port), host)
    socket.on('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.on('error', () => resolve(true))
  })

const sizesOf = (m: Measurement) => m.layers.map((l) => l.compressed)
const exactAgainst = (m: Measurement, stored: StoredImage) => {
  expect(m.layers.map((l) => l.diffId)).toEqual(stored.config.diffIds)
  expect(sizesOf(m)).toEqual(stored.layers.map((l) => l.size))
}

describe("every layer as this engine's own push stores it", () => {
  const cacheDir = path.join(work, 'cache')
  const tag = `${registry}/gib-push-${suffix}:v1`
  let id: string
  let before: string
  let first: Measurement
  let stored: StoredImage

  beforeAll(async () => {
    mkdirSync(work, { recursive: true })
    writeFileSync(path.join(work, 'Dockerfile'), dockerfile)
    writeFileSync(path.join(work, 'random.bin'), randomBytes(3_000_000))
    writeFileSync(path.join(work, 'text.txt'), Array.from({ length: 60000 }, (_, i) => `${suffix} line ${i}: compressible text\n`).join(''))
    id = await build(`${suffix}-1`, tag)
    before = references(id)
    first = await measureImage(id, measureOptions(cacheDir), { docker: newDocker() })
  })

  test('equal, layer by layer, to what the local registry stores after docker push; each source says where its size came from', async () => {
    const after = references(id)
    stored = await pushAndRead(tag)
    exactAgainst(first, stored)
    expect(first.stats.layersCompressed).toBe(0)
    if (store === 'overlay2') {
      expect(first.layers.map((l) => l.compressedSource)).toEqual(['registry', 'push', 'push', 'push', 'push'])
      expect(first.size).toMatchObject({ compressedSource: 'push' })
      expect(first.size.compressedEstimate).toBeUndefined()
      // The base layer's blob is known from its registry: answered as present, not compressed again;
      // never scanned either, so the save stream reads the layers beside the push.
      expect(first.stats.pushed).toMatchObject({ uploaded: 4, skipped: 1 })
      expect(first.stats).toMatchObject({ saveStreamed: true, layersRead: 5 })
      expect(first.stats.pushFallback).toBeNull()
      // Nothing left: no temporary tag or pushed digest on the image, no such image anywhere, the endpoint closed.
      expect(after).toBe(before)
      expect(leftovers()).toEqual([])
      expect(await refused(first.stats.pushed?.endpoint ?? '')).toBe(true)
    } else {
      // The blobs as stored: every one uploaded and read, no docker save.
      expect(first.layers.every((l) => l.compressedSource === 'image-store')).toBe(true)
      expect(first.stats).toMatchObject({ layout: 'push', saveStreamed: false, layersRead: 5, pushed: { uploaded: 5, skipped: 0 }, pushFallback: null })
    }
    // Nothing left: no temporary tag or pushed digest on the image, no such image anywhere, the endpoint closed.
    expect(after).toBe(before)
    expect(leftovers()).toEqual([])
    expect(await refused(first.stats.pushed?.endpoint ?? '')).toBe(true)
  })

  test('the containerd store reads an image under 16 MiB from docker save (the push costs more there), exact all the same', async () => {
    const m = await measureImage(id, measureOptions(null, { registry: false, push: {} }), { docker: newDocker() })
    exactAgainst(m, stored)
    if (store === 'containerd') expect(m.stats).toMatchObject({ pushed: null, saveStreamed: true, layout: 'oci' })
  })

  test('a re-measurement after a change to the last layer pushes only that layer; the others come from the cache or are answered as present', async () => {
    const tag2 = `${registry}/gib-push-${suffix}:v2`
    const id2 = await build(`${suffix}-2`, tag2)
    const again = await measureImage(id2, measureOptions(cacheDir), { docker: newDocker() })
    exactAgainst(again, await pushAndRead(tag2))
    expect(again.layers.slice(0, -1).map((l) => l.compressed)).toEqual(sizesOf(first).slice(0, -1))
    expect(again.stats.pushed).toMatchObject({ uploaded: 1, skipped: 4 })
    // Every other layer is cached: the push alone reads the new one, no docker save (on the containerd store, its blob as stored).
    expect(again.stats).toMatchObject({ layout: 'push', saveStreamed: false, layersRead: 1, pushFallback: null })
    expect(again.layers.map((l) => l.compressedSource)).toEqual(store === 'overlay2' ? ['registry', 'push', 'push', 'push', 'push'] : Array(5).fill('image-store'))
    expect(leftovers()).toEqual([])
    // The layers, files and Go binaries read from the push and the cache are the save stream's.
    const saved = await measureImage(id2, measureOptions(null, { registry: false, push: false }), { docker: newDocker() })
    expect(saved.stats).toMatchObject({ saveStreamed: true, layersRead: 5 })
    const sizesAside = (m: Measurement) => m.layers.map((l) => ({ ...l, compressed: null, compressedSource: null }))
    expect(sizesAside(again)).toEqual(sizesAside(saved))
    if (store === 'containerd') expect(sizesOf(again)).toEqual(sizesOf(saved))
    expect(again.wasted).toEqual(saved.wasted)
    expect(again.goBinaries).toEqual(saved.goBinaries)
    // Measured once more, nothing is unknown: no push at all on the classic store; the containerd store's uploads only the config.
    const third = await measureImage(id2, measureOptions(cacheDir), { docker: newDocker() })
    expect(sizesOf(third)).toEqual(sizesOf(again))
    if (store === 'overlay2') expect(third.stats.pushed).toBeNull()
    else expect(third.stats).toMatchObject({ layout: 'push', layersRead: 0, pushed: { uploaded: 0, skipped: 5 } })
  })

  test('an image without a tag keeps its id, and no tag, after its push', async () => {
    const untagged = await build(`${suffix}-3`, null)
    expect(references(untagged)).toBe('[] []')
    const m = await measureImage(untagged, measureOptions(null, { registry: false }), { docker: newDocker() })
    expect(references(untagged)).toBe('[] []')
    expect(leftovers()).toEqual([])
    expect(m.stats).toMatchObject({ layout: 'push', layersRead: 5, pushed: { uploaded: 5, skipped: 0 } })
    // The files and Go binaries read from the push are those of the save stream.
    const saved = await measureImage(untagged, measureOptions(null, { registry: false, push: false }), { docker: newDocker() })
    expect(m.layers.map((l) => ({ ...l, compressed: null, compressedSource: null }))).toEqual(saved.layers.map((l) => ({ ...l, compressed: null, compressedSource: null })))
    expect(m.wasted).toEqual(saved.wasted)
    expect(m.goBinaries).toEqual(saved.goBinaries)
    // Only the last layer differs from the first image's: the rest are the engine's same bytes.
    expect(sizesOf(m).slice(0, -1)).toEqual(stored.layers.slice(0, -1).map((l) => l.size))
    // Its other layers cached, the containerd store's push reads only the last one, and the untagged image stays.
    const cachedRun = await measureImage(untagged, measureOptions(path.join(work, 'cache'), { registry: false }), { docker: newDocker() })
    expect(sizesOf(cachedRun)).toEqual(sizesOf(m))
    if (store === 'containerd') expect(cachedRun.stats).toMatchObject({ layout: 'push', layersRead: 1, pushed: { uploaded: 1, skipped: 4 } })
    expect(references(untagged)).toBe('[] []')
    expect(leftovers()).toEqual([])
    docker(['image', 'rm', untagged])
  })
})

describe('where the daemon cannot reach the endpoint, the sizes are estimated and the report says why', () => {
  const tag = `${registry}/gib-push-${suffix}:fallback`
  let id: string
  let stored: StoredImage

  beforeAll(async () => {
    id = await build(`${suffix}-fallback`, tag)
    stored = await pushAndRead(tag)
  })

  const estimatedWithin = (m: Measurement) => {
    const total = stored.layers.reduce((s, l) => s + l.size, 0)
    expect(m.layers.map((l) => l.diffId)).toEqual(stored.config.diffIds)
    expect(Math.abs((m.size.compressed ?? 0) - total) / total).toBeLessThanOrEqual(0.005)
  }

  test('an address where nothing listens (127.0.0.2): the probe fails at once, the tag made beside it is gone', async () => {
    const before = references(id)
    const started = Date.now()
    const debug: string[] = []
    const log = { ...silentLogger, debug: (message: string) => void debug.push(message) }
    const m = await measureImage(id, measureOptions(null, { registry: false, push: pushAt({ address: '127.0.0.2' }) }), { docker: newDocker(), log })
    estimatedWithin(m)
    expect(references(id)).toBe(before)
    expect(leftovers()).toEqual([])
    expect(Date.now() - started).toBeLessThan(60_000)
    if (store === 'overlay2') {
      expect(m.size.compressedSource).toBe('gzip-estimate')
      expect(m.size.compressedFallback).toMatch(/^the Docker daemon cannot reach 127\.0\.0\.2:\d+ \(/)
      expect(m.stats).toMatchObject({ pushed: null, layersCompressed: 5 })
    } else {
      // The containerd store's push only reads: the save stream reads instead, every size exact, nothing estimated.
      expect(debug.filter((line) => line.startsWith('the layers are read from docker save: '))).toEqual([expect.stringMatching(/the Docker daemon cannot reach 127\.0\.0\.2:\d+ /)])
      exactAgainst(m, stored)
      expect(m.stats).toMatchObject({ pushed: null, pushFallback: null, saveStreamed: true, layout: 'oci', layersCompressed: 0 })
    }
  })

  test('an endpoint that takes the connection and never answers: the probe times out, the run goes on', async () => {
    const sockets: net.Socket[] = []
    const silent = net.createServer((socket) => void sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const port = (silent.address() as net.AddressInfo).port
    try {
      const started = Date.now()
      const m = await measureImage(id, measureOptions(null, { registry: false, push: pushAt({ address: `127.0.0.1:${port}`, probeTimeoutMs: 3000 }) }), { docker: newDocker() })
      estimatedWithin(m)
      expect(sockets.length).toBeGreaterThan(0)
      expect(Date.now() - started).toBeLessThan(60_000)
      if (store === 'overlay2') expect(m.size.compressedFallback).toMatch(new RegExp(`^the Docker daemon cannot reach 127\\.0\\.0\\.1:${port} `))
      else expect(m.stats).toMatchObject({ pushed: null, pushFallback: null, saveStreamed: true, layersCompressed: 0 })
      expect(leftovers()).toEqual([])
    } finally {
      for (const s of sockets) s.destroy()
      silent.close()
    }
  })
})
