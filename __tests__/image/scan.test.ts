import { createHash, randomBytes } from 'node:crypto'
import zlib from 'node:zlib'
import { DeflatePool } from '../../src/compress/deflate-pool.js'
import { addSegments, goDeflateSegments, gzipBytesFromBits } from '../../src/compress/goflate.js'
import { pushedBlobReader, scanSaveStream } from '../../src/image/save.js'
import { TarError, TarReader, type TarHeader } from '../../src/image/tar.js'
import { computeWasted, fileRecord, type FileRecord } from '../../src/image/wasted.js'
import { chunks, makeTar, type TarInput } from '../helpers/tar-writer.js'

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

describe('TarReader', () => {
  test('reads names, types, sizes and data across chunk boundaries, PAX long names included', async () => {
    const long = `dir/${'x'.repeat(150)}/file`
    const tar = makeTar([
      { path: 'a/', type: 'dir' },
      { path: 'a/one', data: 'hello' },
      { path: 'a/link', type: 'symlink', linkname: '/a/one' },
      { path: long, data: randomBytes(1500) }
    ])
    for (const size of [1, 7, 512, 4096]) {
      const seen: TarHeader[] = []
      const bytes = new Map<string, number>()
      const reader = new TarReader((h) => {
        seen.push(h)
        return { data: (c) => void bytes.set(h.path, (bytes.get(h.path) ?? 0) + c.length), end: () => {} }
      })
      for await (const c of chunks(tar, size)) await reader.write(c)
      reader.end()
      expect(seen.map((h) => [h.path, h.type, h.size])).toEqual([
        ['a/', 'directory', 0],
        ['a/one', 'file', 5],
        ['a/link', 'symlink', 0],
        [long, 'file', 1500]
      ])
      expect(seen[2].linkname).toBe('/a/one')
      expect(bytes.get(long)).toBe(1500)
      expect(reader.finished).toBe(true)
    }
  })

  test('an archive cut inside an entry is an error', async () => {
    const tar = makeTar([{ path: 'f', data: randomBytes(5000) }])
    const reader = new TarReader(() => null)
    await reader.write(tar.subarray(0, 2000))
    expect(() => reader.end()).toThrow(/ends early/)
  })

  test('a damaged header is an error', async () => {
    const tar = makeTar([{ path: 'f', data: 'x' }])
    tar[10] ^= 0xff
    await expect(new TarReader(() => null).write(tar)).rejects.toThrow(TarError)
  })
})

/** A legacy `docker save` archive (Docker ≤ 24): `<id>/layer.tar` dirs in hash order, manifest.json last. */
function legacyArchive(layers: Buffer[], history: object[]) {
  const diffIds = layers.map(sha)
  const config = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: diffIds }, history }))
  const configName = `${sha(config).slice(7)}.json`
  const ids = layers.map((l) => createHash('sha256').update('v1').update(l).digest('hex'))
  const entries: TarInput[] = ids.map((id, i) => ({ path: `${id}/layer.tar`, data: layers[i] }))
  entries.sort((a, b) => a.path.localeCompare(b.path))
  entries.push({ path: configName, data: config })
  entries.push({ path: 'manifest.json', data: JSON.stringify([{ Config: configName, RepoTags: ['t:1'], Layers: ids.map((id) => `${id}/layer.tar`) }]) })
  return { archive: makeTar(entries), diffIds }
}

/** An OCI archive as skopeo writes it: gzip blobs, index.json, no manifest.json. */
function ociArchive(layers: Buffer[]) {
  const diffIds = layers.map(sha)
  const blobs = layers.map((l) => zlib.gzipSync(l))
  const config = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'arm64', rootfs: { type: 'layers', diff_ids: diffIds }, history: layers.map(() => ({ created_by: 'COPY x /x # buildkit' })) }))
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length },
      layers: blobs.map((b) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha(b), size: b.length }))
    })
  )
  const entries: TarInput[] = [
    { path: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    { path: 'index.json', data: JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha(manifest), size: manifest.length }] }) },
    ...[...blobs, config, manifest].map((b) => ({ path: `blobs/sha256/${sha(b).slice(7)}`, data: b }))
  ]
  return { archive: makeTar(entries), diffIds, blobSizes: blobs.map((b) => b.length) }
}

const layerA = makeTar([
  { path: 'app/', type: 'dir' },
  { path: 'app/big', data: randomBytes(30000) },
  { path: 'app/conf', data: 'a=1\n'.repeat(100) },
  { path: 'bin/sh', type: 'symlink', linkname: '/bin/busybox' }
])
const layerB = makeTar([
  { path: 'app/', type: 'dir' },
  { path: 'app/.wh.big', data: '' },
  { path: 'app/conf', data: 'a=2\n' }
])

describe('scanSaveStream', () => {
  // The estimates' Go model (Go ≤ 1.26's compress/flate) on one worker thread.
  const pool = new DeflatePool(1, 0, 'go-classic')
  afterAll(() => pool.close())

  test('legacy layout: layers found by manifest, diff ids from hashing, classic sizes (files + symlink targets), gzip estimates', async () => {
    const { archive, diffIds } = legacyArchive([layerA, layerB], [{ created_by: 'COPY a /app' }, { created_by: 'ENV X=1', empty_layer: true }, { created_by: 'RUN rm /app/big' }])
    const saved = await scanSaveStream(chunks(archive, 3000), { shouldCompress: () => true, compressor: { goPool: pool } })
    expect(saved.layout).toBe('legacy')
    const scans = saved.layerPaths.map((p) => saved.layers.get(p)!)
    expect(scans.map((s) => s.diffId)).toEqual(diffIds)
    // 30000 + 400 bytes of files, 12 of the symlink's target ('/bin/busybox'); a directory and a whiteout add nothing.
    expect(scans.map((s) => s.uncompressed)).toEqual([30000 + 400 + 12, 4])
    // A layer of one block: the Go model's size of the whole layer.
    expect(scans[0].compressed).toBe(gzipBytesFromBits(addSegments(0, goDeflateSegments(layerA, 0))))
    expect(scans[1].files).toEqual([
      { kind: 'dir', path: 'app' },
      { kind: 'whiteout', path: 'app/big' },
      { kind: 'file', path: 'app/conf', size: 4 }
    ])
    expect(saved.config.history).toHaveLength(3)
  })

  test('layers the caller already knows are not compressed', async () => {
    const { archive } = legacyArchive([layerA, layerB], [])
    const saved = await scanSaveStream(chunks(archive), { shouldCompress: (plan) => plan.tarBytes !== layerA.length, compressor: { goPool: pool } })
    const [a, b] = saved.layerPaths.map((p) => saved.layers.get(p)!)
    expect(a.compressed).toBeNull()
    expect(b.compressed).not.toBeNull()
  })

  test('OCI layout with gzip blobs: exact blob sizes, diff ids of the uncompressed tars', async () => {
    const { archive, diffIds, blobSizes } = ociArchive([layerA, layerB])
    const saved = await scanSaveStream(chunks(archive, 65536), { shouldCompress: () => true })
    expect(saved.layout).toBe('oci')
    expect(saved.config.architecture).toBe('arm64')
    const scans = saved.layerPaths.map((p) => saved.layers.get(p)!)
    expect(scans.map((s) => s.diffId)).toEqual(diffIds)
    expect(scans.map((s) => [s.compressed, s.compressedExact])).toEqual(blobSizes.map((n) => [n, true]))
    expect(scans.map((s) => s.uncompressed)).toEqual([30412, 4])
  })

  test('a stream that ends early says so', async () => {
    const { archive } = legacyArchive([layerA, layerB], [])
    await expect(scanSaveStream(chunks(archive.subarray(0, 20000)), { shouldCompress: () => false })).rejects.toThrow(/docker save stream ended early after 20000 bytes/)
  })

  test('an archive without manifest.json or index.json is refused', async () => {
    await expect(scanSaveStream(chunks(makeTar([{ path: 'x', data: 'y' }])), { shouldCompress: () => false })).rejects.toThrow(/not an image archive/)
  })
})

describe('computeWasted', () => {
  const f = (path: string, size: number): FileRecord => ({ kind: 'file', path, size })
  test.each<[string, FileRecord[][], number, { path: string; bytes: number; layers: number[] }[]]>([
    ['nothing rewritten', [[f('a', 10)], [f('b', 20)]], 0, []],
    ['a rewrite counts the earlier copy once (not the survivor)', [[f('a', 10)], [f('a', 12)]], 10, [{ path: '/a', bytes: 10, layers: [0, 1] }]],
    ['rewritten twice', [[f('a', 10)], [f('a', 12)], [f('a', 1)]], 22, [{ path: '/a', bytes: 22, layers: [0, 1, 2] }]],
    ['a whiteout deletes a file', [[f('d/x', 100)], [{ kind: 'whiteout', path: 'd/x' }]], 100, [{ path: '/d/x', bytes: 100, layers: [0, 1] }]],
    [
      'a whiteout of a directory deletes its tree',
      [[{ kind: 'dir', path: 'd' }, f('d/x', 5), f('d/e/y', 7)], [{ kind: 'whiteout', path: 'd' }]],
      12,
      [
        { path: '/d/e/y', bytes: 7, layers: [0, 1] },
        { path: '/d/x', bytes: 5, layers: [0, 1] }
      ]
    ],
    [
      'an opaque directory hides earlier contents only',
      [[f('d/old', 40)], [{ kind: 'dir', path: 'd' }, { kind: 'opaque', path: 'd' }, f('d/new', 3)]],
      40,
      [{ path: '/d/old', bytes: 40, layers: [0, 1] }]
    ],
    ['a file replaced by a directory', [[f('p', 9)], [{ kind: 'dir', path: 'p' }, f('p/q', 1)]], 9, [{ path: '/p', bytes: 9, layers: [0, 1] }]],
    ['deleting a file added in the same layer wastes nothing', [[f('a', 10), { kind: 'whiteout', path: 'b' }]], 0, []]
  ])('%s', (_name, layers, bytes, files) => {
    const result = computeWasted(layers)
    expect(result.bytes).toBe(bytes)
    expect(result.files).toEqual(files)
    expect(result.byLayer.reduce((s, l) => s + l.bytes, 0)).toBe(bytes)
  })

  test('survivors name the layer that owns each path at the end', () => {
    const result = computeWasted([
      [f('a', 1), f('b', 1)],
      [f('a', 2), { kind: 'whiteout', path: 'b' }]
    ])
    expect([...result.survivors]).toEqual([['a', 1]])
  })

  test.each([
    ['./app/.wh.big', 'file', { kind: 'whiteout', path: 'app/big' }],
    ['app/.wh..wh..opq', 'file', { kind: 'opaque', path: 'app' }],
    ['.wh.top', 'file', { kind: 'whiteout', path: 'top' }],
    ['usr/bin/', 'directory', { kind: 'dir', path: 'usr/bin' }],
    ['./', 'directory', null]
  ] as const)('fileRecord(%s)', (path, type, record) => {
    expect(fileRecord(path, type, 0)).toEqual(record)
  })
})

describe('pushedBlobReader (a blob the engine pushes, read as it arrives)', () => {
  const read = async (blob: Buffer, piece: number) => {
    const reader = pushedBlobReader()
    for await (const c of chunks(blob, piece)) await reader.data(c)
    return reader.end()
  }

  test('a gzip layer is scanned as the save stream scans it: classic size, files, Go binaries; its size is the push’s, its diff id the manifest’s', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024)
    // Random files a few megabytes long: pieces of any size, larger than the reader's batch too, reach the tar whole and in order.
    const noise = makeTar([
      { path: 'a', data: randomBytes(3 * 1024 * 1024 + 17) },
      { path: 'b', data: randomBytes(5000) },
      { path: 'c', data: randomBytes(2 * 1024 * 1024) }
    ])
    for (const tar of [layerA, makeTar([{ path: 'zeros', data: zeros }]), noise]) {
      const saved = await scanSaveStream(chunks(legacyArchive([tar], [{ created_by: 'COPY . /' }]).archive, 4096), { shouldCompress: () => false })
      const scanned = saved.layers.get(saved.layerPaths[0])!
      expect(scanned.diffId).toBe(sha(tar))
      for (const piece of [1000, 65536, 1024 * 1024 + 5, 3 * 1024 * 1024]) {
        const result = await read(zlib.gzipSync(tar), piece)
        expect(result.kind).toBe('layer')
        if (result.kind !== 'layer') return
        expect(result.scan).toEqual({ ...scanned, entryPath: 'push', diffId: '', compressed: null, compressedExact: false, origin: 'push' })
      }
    }
    const a = await read(zlib.gzipSync(layerA), 65536)
    expect(a.kind === 'layer' && a.scan.uncompressed).toBe(30000 + 400 + 12)
  })

  test('a gzip stream damaged early fails at once instead of waiting forever', async () => {
    // A gzip header, then deflate blocks of the reserved type: zlib fails on the first piece.
    const damaged = Buffer.concat([zlib.gzipSync(layerA).subarray(0, 10), Buffer.alloc(3 * 1024 * 1024, 0xff)])
    await expect(read(damaged, 65536)).rejects.toThrow(/invalid block type/)
  }, 10_000)

  test('a JSON blob is the image config; anything else is nothing to read', async () => {
    const config = { architecture: 'amd64', os: 'linux', rootfs: { diff_ids: ['sha256:' + 'a'.repeat(64)] }, history: [{ created_by: 'COPY x /' }] }
    expect(await read(Buffer.from(JSON.stringify(config)), 7)).toEqual({ kind: 'config', config })
    expect(await read(Buffer.from('not a blob we read'), 4)).toEqual({ kind: 'other' })
  })

  test('a gzip stream that is cut short fails', async () => {
    const blob = zlib.gzipSync(layerA)
    await expect(read(blob.subarray(0, blob.length - 100), 4096)).rejects.toThrow()
  })
})
