// The measurement engine against real Docker, on the engine this jest project
// runs (overlay2 graph driver, or the containerd image store): sizes equal to
// the classic sizes python computes from `docker save`, wasted bytes known by
// construction, compressed sizes against what a real registry stores after
// this engine's own `docker push`, the cache, Go binary facts, and one build
// per platform. Images are built FROM scratch from small files.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { copyFileSync, createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildImage, buildOptionsFor } from '../../src/docker/build.js'
import { Docker } from '../../src/docker/docker.js'
import { exec, spawnStream } from '../../src/exec.js'
import { measureImage, type Measurement } from '../../src/image/measure.js'
import { fetchRegistryImage } from '../../src/registry/registry.js'
import { scanSaveStream } from '../../src/image/save.js'
import { computeWasted } from '../../src/image/wasted.js'
import { parseInputs, type InputName } from '../../src/inputs.js'
import { silentLogger } from '../../src/log.js'
import { runPipeline } from '../../src/pipeline/pipeline.js'
import { classicSizes, daemonLayerSizes, engineMajor, fileFromImage, pushAndRead, store } from './engine.js'

const work = mkdtempSync(path.join(os.tmpdir(), 'gib-measure-'))
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((p) => {
  try {
    run(p, ['true'])
    return true
  } catch {
    return false
  }
})
const registry = '127.0.0.1:5000'
const suffix = randomBytes(4).toString('hex')
const pushedRefs: string[] = []

afterAll(() => {
  for (const ref of pushedRefs) execFileSync('docker', ['rmi', '-f', ref], { stdio: 'ignore' })
  rmSync(work, { recursive: true, force: true })
})

async function build(dir: string, dockerfile: string, tag: string | null = null, platform: string | null = null, buildArgs: string[] = []): Promise<string> {
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile)
  const result = await buildImage(buildOptionsFor(dir, path.join(dir, 'Dockerfile'), { platform, buildArgs, tags: tag ? [tag] : [] }), {
    docker: new Docker({ exec, spawn: spawnStream }),
    tempDir: work
  })
  if (tag) pushedRefs.push(tag)
  return result.imageId
}

describe('an image with deletions and rewrites', () => {
  const dir = path.join(work, 'wasted')
  const dockerfile = [
    'FROM scratch',
    'COPY busybox /bin/busybox',
    'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
    'COPY data/ /data/',
    'RUN rm /data/a.bin && head -c 7 /dev/zero > /data/b.bin && rm -r /data/sub && mkdir /data/sub && echo new > /data/sub/new',
    'COPY text.txt /text.txt',
    ''
  ].join('\n')
  const tag = `${registry}/gib-measure-wasted:${suffix}`
  const cacheDir = path.join(work, 'cache')
  let imageId: string
  let first: Measurement

  beforeAll(async () => {
    expect(busybox).toBeDefined()
    mkdirSync(path.join(dir, 'data', 'sub'), { recursive: true })
    copyFileSync(busybox as string, path.join(dir, 'busybox'))
    writeFileSync(path.join(dir, 'data', 'a.bin'), randomBytes(100000))
    writeFileSync(path.join(dir, 'data', 'b.bin'), randomBytes(50000))
    writeFileSync(path.join(dir, 'data', 'sub', 'c'), randomBytes(30000))
    writeFileSync(path.join(dir, 'data', 'sub', 'd'), randomBytes(20000))
    writeFileSync(path.join(dir, 'text.txt'), Array.from({ length: 150000 }, (_, i) => `${suffix} line ${i} of a compressible file\n`).join(''))
    imageId = await build(dir, dockerfile, tag)
    first = await measureImage(imageId, { cacheDir, dockerfile: { content: dockerfile, target: null }, registry: false }, { docker: new Docker({ exec, spawn: spawnStream }) })
  })

  test('layer sizes are the classic sizes python computes from docker save, and add up; one per diff id, with their Dockerfile lines', async () => {
    const inspected = await new Docker({ exec, spawn: spawnStream }).images.inspect(imageId)
    const classic = classicSizes(imageId)
    expect(first.layers.map((l) => l.uncompressed)).toEqual(classic.layers.map((l) => l.size))
    expect(first.size.uncompressed).toBe(classic.total)
    expect(first.layers.reduce((s, l) => s + l.uncompressed, 0)).toBe(classic.total)
    expect(first.layers.map((l) => l.diffId)).toEqual(inspected.diffIds)
    expect(first.layers.map((l) => l.diffId)).toEqual(classic.layers.map((l) => l.diffId))
    // What the engine says beside it. overlay2: each layer as classic, or without its symlinks (a layer
    // BuildKit built is counted by its regular files only), and inspect Size their sum; containerd: content.
    expect(first.size.engine).toMatchObject({ store, inspectSize: inspected.size })
    if (store === 'overlay2') {
      const daemon = daemonLayerSizes(imageId)
      classic.layers.forEach((l, i) => expect([l.size, l.size - l.symlinkBytes]).toContain(daemon[i]))
      expect(inspected.size).toBe(daemon.reduce((a, b) => a + b, 0))
      expect(classic.layers[1].symlinkBytes).toBeGreaterThan(0)
      expect(inspected.size).toBe(classic.total - classic.layers[1].symlinkBytes)
    } else {
      expect(first.size.engine?.contentSize).toBeGreaterThan(0)
    }
    expect(first.layers.map((l) => l.dockerfileLine)).toEqual([2, 3, 4, 5, 6])
    expect(first.layers[3].instruction).toMatch(/^RUN rm \/data\/a\.bin && /)
    expect(first.layers.every((l) => !l.fromBaseImage)).toBe(true)
    // overlay2: the engine's push read every layer (nothing cached, no base image); else the save stream,
    // in the OCI layout from Docker 25 on, the legacy one before.
    expect(first.stats.layout).toBe(store === 'overlay2' ? 'push' : engineMajor >= 25 ? 'oci' : 'legacy')
  })

  test('wasted bytes are exactly the deleted and rewritten files of earlier layers', () => {
    expect(first.wasted.bytes).toBe(100000 + 50000 + 30000 + 20000)
    expect(first.wasted.files).toEqual([
      { path: '/data/a.bin', bytes: 100000, layers: [2, 3] },
      { path: '/data/b.bin', bytes: 50000, layers: [2, 3] },
      { path: '/data/sub/c', bytes: 30000, layers: [2, 3] },
      { path: '/data/sub/d', bytes: 20000, layers: [2, 3] }
    ])
    expect(first.wasted.layers).toEqual([{ index: 2, bytes: 200000 }])
  })

  test("a second measurement takes every compressed size from the cache (overlay2: the engine's push of the first) or from the stored blobs (containerd store)", async () => {
    const again = await measureImage(imageId, { cacheDir, dockerfile: { content: dockerfile, target: null }, registry: false }, { docker: new Docker({ exec, spawn: spawnStream }) })
    expect(again.layers.map((l) => l.compressed)).toEqual(first.layers.map((l) => l.compressed))
    if (store === 'overlay2') {
      expect(first.stats).toMatchObject({ layersCompressed: 0, pushed: { uploaded: first.layers.length, skipped: 0 } })
      expect(again.stats).toMatchObject({ layersCompressed: 0, layersExact: first.layers.length, pushed: null })
      expect(again.size.compressedSource).toBe('push')
    } else {
      // BuildKit stored each layer compressed: exact, nothing to estimate.
      expect(first.stats).toMatchObject({ layersCompressed: 0, layersExact: first.layers.length })
      expect(again.stats).toMatchObject({ layersCompressed: 0, layersExact: first.layers.length })
      expect(again.size.compressedSource).toBe('image-store')
    }
  })

  test("compressed sizes against what the registry stores after this engine's docker push", async () => {
    const pushed = await pushAndRead(tag)
    expect(pushed.config.diffIds).toEqual(first.layers.map((l) => l.diffId))
    const registryTotal = pushed.layers.reduce((s, l) => s + l.size, 0)
    if (store === 'containerd') {
      // The store pushes the blobs it holds: exact, layer by layer.
      expect(first.layers.map((l) => l.compressed)).toEqual(pushed.layers.map((l) => l.size))
      expect(first.layers.every((l) => l.compressedSource === 'image-store')).toBe(true)
    } else {
      // The engine's own push sized every layer: exact. The estimate (the fallback) within its bounds.
      expect(first.layers.map((l) => l.compressed)).toEqual(pushed.layers.map((l) => l.size))
      const estimated = await measureImage(imageId, { cacheDir: null, registry: false, push: false }, { docker: new Docker({ exec, spawn: spawnStream }) })
      expect(estimated.size.compressedSource).toBe('gzip-estimate')
      expect(Math.abs((estimated.size.compressed as number) - registryTotal) / registryTotal).toBeLessThanOrEqual(0.005)
      const errors = estimated.layers.map((layer, i) => `${i}: ${layer.compressed} vs ${pushed.layers[i].size}`)
      estimated.layers.forEach((layer, i) => {
        if (pushed.layers[i].size < 64 * 1024) return
        expect([errors[i], Math.abs((layer.compressed as number) - pushed.layers[i].size) / pushed.layers[i].size <= 0.01]).toEqual([errors[i], true])
      })
      // A layer under 4 MiB is modelled on every byte: the engine's size to the byte (goflate.test.ts checks the model itself).
      expect(estimated.layers[0].compressed).toBe(pushed.layers[0].size)
    }
    // Now the image has a RepoDigest: on overlay2 its sizes come from the registry, exactly.
    const again = await measureImage(imageId, { cacheDir: null }, { docker: new Docker({ exec, spawn: spawnStream }) })
    expect(again.size.compressedSource).toBe(store === 'overlay2' ? 'registry' : 'image-store')
    expect(again.layers.map((l) => l.compressed)).toEqual(pushed.layers.map((l) => l.size))
    expect(again.stats.layersCompressed).toBe(0)
  })

  test('the OCI layout (skopeo oci-archive, gzip blobs) reads the same layers, with exact blob sizes', async () => {
    const archive = path.join(work, 'oci.tar')
    // From a `docker save` archive (skopeo's docker-daemon transport speaks an API version Docker 28 refuses).
    const saved0 = path.join(work, 'saved.tar')
    run('docker', ['save', '--output', saved0, tag])
    run('skopeo', ['copy', '--quiet', `docker-archive:${saved0}`, `oci-archive:${archive}`])
    const saved = await scanSaveStream(createReadStream(archive), { shouldCompress: () => true })
    expect(saved.layout).toBe('oci')
    const scans = saved.layerPaths.map((p) => saved.layers.get(p)!)
    expect(scans.map((s) => s.diffId)).toEqual(first.layers.map((l) => l.diffId))
    expect(scans.every((s) => s.compressedExact)).toBe(true)
    expect(scans.map((s) => s.compressed)).toEqual(saved.layerPaths.map((p) => saved.ociLayerSizes?.get(p)))
    expect(computeWasted(scans.map((s) => s.files)).bytes).toBe(200000)
    expect(scans.map((s) => s.uncompressed)).toEqual(first.layers.map((l) => l.uncompressed))
  })
})

const goMod = 'module example.com/hello\n\ngo 1.19\n'
const mainGo = `package main

import (
	"fmt"
	"net"
	"os"
)

func main() {
	addrs, err := net.LookupHost("localhost")
	fmt.Println("hello", addrs, err, len(os.Args))
}
`

describe('Go binaries built in the golang stand-in', () => {
  const dir = path.join(work, 'go')
  let measured: Measurement
  const goVersion = () => /go version (go[\d.]+)/.exec(run('docker', ['run', '--rm', 'golang:bookworm', 'go', 'version']))?.[1]

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'go.mod'), goMod)
    writeFileSync(path.join(dir, 'main.go'), mainGo)
    const dockerfile = [
      'FROM golang:bookworm AS build',
      'WORKDIR /src',
      'COPY go.mod main.go ./',
      'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/static . && CGO_ENABLED=1 go build -o /out/dynamic . && CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/stripped . && CGO_ENABLED=0 go build -o /out/plain .',
      'FROM scratch',
      'COPY --from=build /out/ /app/',
      ''
    ].join('\n')
    const id = await build(dir, dockerfile)
    measured = await measureImage(id, { cacheDir: null, dockerfile: { content: dockerfile, target: null } }, { docker: new Docker({ exec, spawn: spawnStream }) })
  })

  test('static, stripped, trimpath, no cgo (Go leaves -ldflags out of the build info under -trimpath)', () => {
    const bin = measured.goBinaries.find((b) => b.path === '/app/static')
    expect(bin).toMatchObject({ static: true, stripped: true, cgo: false, trimpath: true, ldflags: null, module: 'example.com/hello', goVersion: goVersion() })
  })

  test('-ldflags="-s -w" without -trimpath is recorded', () => {
    const bin = measured.goBinaries.find((b) => b.path === '/app/stripped')
    expect(bin).toMatchObject({ static: true, stripped: true, cgo: false, trimpath: false, ldflags: '-s -w' })
  })

  test('dynamic with cgo, symbols kept', () => {
    const bin = measured.goBinaries.find((b) => b.path === '/app/dynamic')
    expect(bin).toMatchObject({ static: false, stripped: false, cgo: true, trimpath: false, ldflags: null, module: 'example.com/hello' })
    expect(bin?.bytes).toBeGreaterThan(measured.goBinaries.find((b) => b.path === '/app/static')?.bytes ?? Infinity)
  })

  test('symbol bytes: what -ldflags="-s -w" really removed, within 10%', () => {
    const plain = measured.goBinaries.find((b) => b.path === '/app/plain')
    const stripped = measured.goBinaries.find((b) => b.path === '/app/stripped')
    expect(plain).toMatchObject({ static: true, stripped: false, ldflags: null })
    expect(stripped?.symbolBytes).toBe(0)
    const removed = (plain?.bytes ?? 0) - (stripped?.bytes ?? 0)
    expect(removed).toBeGreaterThan(0)
    expect(Math.abs((plain?.symbolBytes ?? 0) - removed) / removed).toBeLessThan(0.1)
  })

  test('binary sizes are their file sizes in the layer', () => {
    expect(measured.goBinaries.reduce((s, b) => s + b.bytes, 0)).toBe(measured.layers[0].uncompressed)
    expect(measured.layers[0]).toMatchObject({ dockerfileLine: 6, instruction: 'COPY /out/ /app/', stage: '1' })
  })
})

// Estimated (push: false, the fallback where the engine cannot push): the re-measurement's fast path with
// its estimates. push.test.ts re-measures with the engine's push.
describe('a re-measurement after a change to only the last layer, estimated', () => {
  const dir = path.join(work, 'relayer')
  const cacheDir = path.join(work, 'rcache')
  const dockerfile = [
    'FROM golang:bookworm AS build',
    'WORKDIR /src',
    'COPY go.mod main.go ./',
    'RUN CGO_ENABLED=0 go build -trimpath -o /out/app .',
    'FROM scratch',
    'COPY busybox /bin/busybox',
    'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
    'COPY data/ /data/',
    'COPY --from=build /out/app /app/hello',
    'ARG VERSION',
    // A whiteout of a lower file, a rewrite, a directory deleted and made again (opaque), a new file in a kept
    // directory (not opaque: its lower file stays), and a Go binary first seen in this layer.
    'RUN rm /data/a.bin && echo "$VERSION" > /data/b.bin && rm -r /data/sub && mkdir /data/sub && echo "$VERSION" > /data/sub/new && echo more > /data/keep/more && cp /app/hello /app/hello2',
    ''
  ].join('\n')
  const options = { cacheDir, dockerfile: { content: dockerfile, target: null }, registry: false, push: false as const }
  let first: Measurement
  let cached: Measurement
  let full: Measurement

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'data', 'sub'), { recursive: true })
    mkdirSync(path.join(dir, 'data', 'keep'), { recursive: true })
    copyFileSync(busybox as string, path.join(dir, 'busybox'))
    writeFileSync(path.join(dir, 'go.mod'), goMod)
    writeFileSync(path.join(dir, 'main.go'), mainGo)
    writeFileSync(path.join(dir, 'data', 'a.bin'), randomBytes(40000))
    writeFileSync(path.join(dir, 'data', 'b.bin'), randomBytes(30000))
    writeFileSync(path.join(dir, 'data', 'sub', 'c'), randomBytes(20000))
    writeFileSync(path.join(dir, 'data', 'sub', 'd'), randomBytes(10000))
    writeFileSync(path.join(dir, 'data', 'keep', 'e'), randomBytes(5000))
    const v1 = await build(dir, dockerfile, null, null, [`VERSION=${suffix}-1`])
    first = await measureImage(v1, options, { docker: new Docker({ exec, spawn: spawnStream }) })
    const v2 = await build(dir, dockerfile, null, null, [`VERSION=${suffix}-2`])
    cached = await measureImage(v2, options, { docker: new Docker({ exec, spawn: spawnStream }) })
    full = await measureImage(v2, { ...options, cacheDir: null, fastPath: false }, { docker: new Docker({ exec, spawn: spawnStream }) })
  })

  test('the two images share every layer but the last', () => {
    expect(cached.layers.slice(0, -1).map((l) => l.diffId)).toEqual(first.layers.slice(0, -1).map((l) => l.diffId))
    expect(cached.layers.at(-1)?.diffId).not.toBe(first.layers.at(-1)?.diffId)
  })

  test('the first measurement streams docker save; the second reads only the last layer (overlay2: from its diff directory)', () => {
    expect(full.stats).toMatchObject({ saveStreamed: true, layersRead: 5 })
    if (store === 'overlay2') {
      expect(first.stats).toMatchObject({ saveStreamed: true, layersRead: 5, layersCompressed: 5 })
      expect(cached.stats).toMatchObject({ saveStreamed: false, layout: 'overlay', layersRead: 1, layersCompressed: 1, layersFromCache: 4, fastPathSkipped: null })
      expect(cached.stats.bytesRead).toBeLessThan(full.stats.bytesRead / 2)
    } else {
      // No diff directories to read: the save stream, every blob exact; the cached layers are not unpacked again.
      expect(first.stats).toMatchObject({ saveStreamed: true, layersRead: 5, layersCompressed: 0, layersExact: 5 })
      expect(cached.stats).toMatchObject({ saveStreamed: true, layersRead: 1, layersCompressed: 0, layersExact: 5 })
      expect(cached.stats.fastPathSkipped).toBe('the containerd image store has no overlay2 layer directories')
    }
  })

  test('same layers, wasted bytes and Go binaries as the full save-stream measurement; compressed sizes within 1%', () => {
    const withoutCompressed = (m: Measurement) => m.layers.map((l) => ({ ...l, compressed: null }))
    expect(withoutCompressed(cached)).toEqual(withoutCompressed(full))
    expect(cached.size.uncompressed).toBe(full.size.uncompressed)
    // The cached layers' estimates are the save stream's own; the re-read layer's is within 1% (re-serialised tar headers).
    expect(cached.layers.slice(0, -1).map((l) => l.compressed)).toEqual(full.layers.slice(0, -1).map((l) => l.compressed))
    const [ours, theirs] = [cached.layers[4].compressed as number, full.layers[4].compressed as number]
    if (store === 'overlay2') expect([ours, theirs, Math.abs(ours - theirs) / theirs < 0.01]).toEqual([ours, theirs, true])
    else expect(ours).toBe(theirs)
    expect(cached.size.compressedSource).toBe(store === 'overlay2' ? 'gzip-estimate' : 'image-store')
    expect(cached.wasted).toEqual(full.wasted)
    expect(cached.goBinaries).toEqual(full.goBinaries)
  })

  test('wasted bytes by construction: the whiteout, the rewrite and the opaque directory, not the kept one', () => {
    expect(cached.wasted.bytes).toBe(40000 + 30000 + 20000 + 10000)
    expect(cached.wasted.files).toEqual([
      { path: '/data/a.bin', bytes: 40000, layers: [2, 4] },
      { path: '/data/b.bin', bytes: 30000, layers: [2, 4] },
      { path: '/data/sub/c', bytes: 20000, layers: [2, 4] },
      { path: '/data/sub/d', bytes: 10000, layers: [2, 4] }
    ])
    expect(cached.goBinaries.map((b) => [b.path, b.static, b.trimpath, b.module])).toEqual([
      ['/app/hello', true, true, 'example.com/hello'],
      ['/app/hello2', true, true, 'example.com/hello']
    ])
  })

  test('a top layer whose opacity cannot be probed (only init-layer files below) falls back to the save stream, same result', async () => {
    const small = path.join(work, 'relayer-etc')
    mkdirSync(small, { recursive: true })
    writeFileSync(path.join(small, 'hosts'), `127.0.0.1 ${suffix}\n`)
    const etcDockerfile = 'FROM scratch\nCOPY hosts /etc/hosts\nCOPY v.txt /etc/v.txt\n'
    const etcOptions = { cacheDir, registry: false, push: false as const }
    writeFileSync(path.join(small, 'v.txt'), `${suffix} 1\n`)
    await measureImage(await build(small, etcDockerfile), etcOptions, { docker: new Docker({ exec, spawn: spawnStream }) })
    writeFileSync(path.join(small, 'v.txt'), `${suffix} 2\n`)
    const v2 = await build(small, etcDockerfile)
    const again = await measureImage(v2, etcOptions, { docker: new Docker({ exec, spawn: spawnStream }) })
    expect(again.stats.saveStreamed).toBe(true)
    expect(again.stats.fastPathSkipped).toMatch(store === 'overlay2' ? /cannot tell whether 1 directories are opaque \(e\.g\. \/etc\)/ : /containerd image store/)
    const reference = await measureImage(v2, { ...etcOptions, cacheDir: null, fastPath: false }, { docker: new Docker({ exec, spawn: spawnStream }) })
    expect(again.layers).toEqual(reference.layers)
    expect(again.wasted).toEqual(reference.wasted)
  })
})

describe('one build per platform', () => {
  test('linux/amd64,linux/arm64 cross-compiled FROM --platform=$BUILDPLATFORM: both measured, the first on top', async () => {
    const dir = path.join(work, 'multi')
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'go.mod'), goMod)
    writeFileSync(path.join(dir, 'main.go'), mainGo)
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      [
        'FROM --platform=$BUILDPLATFORM golang:bookworm AS build',
        'ARG TARGETARCH',
        'WORKDIR /src',
        'COPY go.mod main.go ./',
        'RUN CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /out/app .',
        'FROM scratch',
        'COPY --from=build /out/app /app',
        ''
      ].join('\n')
    )
    const raw: Partial<Record<InputName, string>> = { context: dir, platforms: 'linux/amd64,linux/arm64', baseline: 'none', comment: 'false' }
    const inputs = parseInputs((name) => raw[name] ?? '')
    const report = await runPipeline(
      inputs,
      { workspace: dir, commit: null },
      {
        exec,
        spawn: spawnStream,
        tempDir: work,
        cacheDir: path.join(work, 'pcache'),
        log: silentLogger,
        now: () => new Date()
      }
    )
    expect(report.platforms?.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64'])
    expect(report.image.platform).toBe('linux/amd64')
    expect(report.size).toEqual(report.platforms?.[0].size)
    for (const p of report.platforms ?? []) {
      const inspected = await new Docker({ exec, spawn: spawnStream }).images.inspect(p.image.id)
      expect(inspected.platform).toBe(p.platform)
      const classic = classicSizes(p.image.id)
      expect(p.size.uncompressed).toBe(classic.total)
      expect(p.layers.map((l) => l.uncompressed)).toEqual(classic.layers.map((l) => l.size))
      expect(p.goBinaries.map((b) => b.path)).toEqual(['/app'])
    }
    // Different architectures, different binaries (ELF e_machine: 0x3e x86-64, 0xb7 aarch64).
    expect(report.platforms?.[0].image.id).not.toBe(report.platforms?.[1].image.id)
    const elfMachine = (id: string) => fileFromImage(id, '/app').readUInt16LE(18)
    expect(elfMachine(report.platforms![0].image.id)).toBe(0x3e)
    expect(elfMachine(report.platforms![1].image.id)).toBe(0xb7)
  })
})

describe('the image input', () => {
  const deps = () => ({ exec, spawn: spawnStream, tempDir: work, cacheDir: path.join(work, 'icache'), log: silentLogger, now: () => new Date() })
  const inputsFor = (image: string) => {
    const raw: Partial<Record<InputName, string>> = { image, baseline: 'none', comment: 'false' }
    return parseInputs((name) => raw[name] ?? '')
  }

  test("a registry image that is not local is pulled and measured with the registry's exact sizes", async () => {
    const dir = path.join(work, 'pull')
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'payload'), Array.from({ length: 20000 }, (_, i) => `${suffix} ${i}\n`).join(''))
    const tag = `${registry}/gib-measure-pull:${suffix}`
    await build(dir, 'FROM scratch\nCOPY payload /payload\n', tag)
    run('docker', ['push', tag])
    const pushed = await fetchRegistryImage(tag, null, {})
    run('docker', ['rmi', tag])
    expect(() => run('docker', ['image', 'inspect', tag])).toThrow()
    const report = await runPipeline(inputsFor(tag), { workspace: work, commit: null }, deps())
    expect(report.image.ref).toBe(tag)
    // A pull keeps the registry's blobs on the containerd store; overlay2 asks the registry.
    expect(report.size.compressedSource).toBe(store === 'overlay2' ? 'registry' : 'image-store')
    expect(report.layers.map((l) => l.compressed)).toEqual(pushed.layers.map((l) => l.size))
    expect(report.size.uncompressed).toBe(classicSizes(tag).total)
  })

  test('an image that is neither local nor in a registry is a usage error naming the input', async () => {
    await expect(runPipeline(inputsFor(`${registry}/gib-does-not-exist:${suffix}`), { workspace: work, commit: null }, deps())).rejects.toThrow(/^image: '.*' is neither a local image nor pullable/)
  })
})
