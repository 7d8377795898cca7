// The overlay2 fast path's pure parts: a `docker cp` tar of a diff directory
// turned back into the layer tar's semantics (names, whiteouts, opaque
// markers), re-serialised headers that read back the same, which directories
// need an opacity probe and with which file, and the cache's scan encoding.
import { decodeScan, encodeScan, type CachedScan } from '../../src/image/cache.js'
import { OverlayUnavailable, initLayerPath, opaqueMarker, overlayLayerDirs, planOpaqueProbes, translateOverlayEntry } from '../../src/image/overlay.js'
import { tarHeaderBlock } from '../../src/image/tar-writer.js'
import { TarReader, type TarHeader } from '../../src/image/tar.js'
import { computeWasted, fileRecord, type FileRecord } from '../../src/image/wasted.js'
import { chunks, makeTar } from '../helpers/tar-writer.js'

const root = '.gib-layer3'
const h = (path: string, over: Partial<TarHeader> = {}): TarHeader => ({
  path,
  type: 'file',
  typeflag: '0',
  size: 0,
  mode: 0o100644,
  linkname: '',
  uid: 0,
  gid: 0,
  mtime: 1_700_000_000,
  devmajor: 0,
  devminor: 0,
  uname: 'root',
  gname: 'root',
  ...over
})
const dir = (path: string) => h(path, { type: 'directory', typeflag: '5', mode: 0o40755 })
const chardev = (path: string, major = 0, minor = 0) => h(path, { type: 'other', typeflag: '3', mode: 0o20000, devmajor: major, devminor: minor })

async function readBack(tar: Buffer): Promise<{ headers: TarHeader[]; data: Map<string, Buffer> }> {
  const headers: TarHeader[] = []
  const data = new Map<string, Buffer>()
  const reader = new TarReader((header) => {
    headers.push(header)
    const parts: Buffer[] = []
    return { data: (c) => void parts.push(Buffer.from(c)), end: () => void data.set(header.path, Buffer.concat(parts)) }
  })
  for await (const c of chunks(tar, 333)) await reader.write(c)
  reader.end()
  return { headers, data }
}

describe('translateOverlayEntry', () => {
  test('the mount itself is dropped, everything under it loses the mount name', () => {
    expect(translateOverlayEntry(dir(`${root}/`), root)).toBeNull()
    expect(translateOverlayEntry(dir(root), root)).toBeNull()
    expect(translateOverlayEntry(dir(`${root}/data/`), root)).toMatchObject({ path: 'data/', type: 'directory' })
    expect(translateOverlayEntry(h(`${root}/data/keep/k2`, { size: 3 }), root)).toMatchObject({ path: 'data/keep/k2', type: 'file', size: 3, mode: 0o100644 })
    expect(translateOverlayEntry(h(`${root}/l`, { type: 'symlink', typeflag: '2', linkname: '/data/a' }), root)).toMatchObject({ path: 'l', type: 'symlink', linkname: '/data/a' })
  })

  test('a character device 0:0 is a whiteout file, as Docker writes it (empty, mode 0600, same owner and time)', () => {
    const t = translateOverlayEntry(chardev(`${root}/data/a`), root)
    expect(t).toMatchObject({ path: 'data/.wh.a', type: 'file', typeflag: '0', size: 0, mode: 0o600, uname: 'root', mtime: 1_700_000_000 })
    expect(fileRecord(t!.path, t!.type, t!.size)).toEqual({ kind: 'whiteout', path: 'data/a' })
    // At the top of the layer too.
    expect(translateOverlayEntry(chardev(`${root}/gone`), root)?.path).toBe('.wh.gone')
  })

  test('a real character device (not 0:0) stays a device', () => {
    expect(translateOverlayEntry(chardev(`${root}/dev/null`, 1, 3), root)).toMatchObject({ path: 'dev/null', typeflag: '3', devmajor: 1, devminor: 3 })
  })

  test('an entry outside the mount is a reason to fall back', () => {
    expect(() => translateOverlayEntry(h('elsewhere/x'), root)).toThrow(OverlayUnavailable)
    expect(() => translateOverlayEntry(h(`${root}x/y`), root)).toThrow(OverlayUnavailable)
  })

  test("an opaque marker is the directory's `.wh..wh..opq`: its owner and permission bits, no mtime", () => {
    const marker = opaqueMarker('data/sub', dir('data/sub/'))
    expect(marker).toMatchObject({ path: 'data/sub/.wh..wh..opq', type: 'file', size: 0, mode: 0o755, mtime: 0, uname: 'root' })
    expect(fileRecord(marker.path, marker.type, 0)).toEqual({ kind: 'opaque', path: 'data/sub' })
  })
})

describe('tarHeaderBlock', () => {
  test('headers read back as written: names (short, ustar prefix, PAX), types, modes with type bits, owners, times, link names', async () => {
    const longDir = `deep/${'d'.repeat(120)}`
    const entries: [TarHeader, Buffer][] = [
      [dir('data/'), Buffer.alloc(0)],
      [h('data/file', { size: 5, uid: 1000, gid: 1001, uname: 'app', gname: 'staff', mode: 0o100755 }), Buffer.from('hello')],
      [h('data/link', { type: 'symlink', typeflag: '2', mode: 0o120777, linkname: '/data/file' }), Buffer.alloc(0)],
      [h('data/hard', { type: 'link', typeflag: '1', linkname: 'data/file' }), Buffer.alloc(0)],
      [h(`${longDir}/f`, { size: 2 }), Buffer.from('ok')],
      [h(`${'n'.repeat(180)}`, { size: 1 }), Buffer.from('x')],
      [h('data/long-link', { type: 'symlink', typeflag: '2', linkname: `/${'t'.repeat(150)}` }), Buffer.alloc(0)]
    ]
    const tar = Buffer.concat([...entries.flatMap(([header, body]) => [tarHeaderBlock(header), body, Buffer.alloc((512 - (body.length % 512)) % 512)]), Buffer.alloc(1024)])
    const { headers, data } = await readBack(tar)
    expect(headers.map((x) => [x.path, x.type, x.size, x.mode, x.linkname, x.uid, x.gid, x.uname, x.gname, x.mtime])).toEqual(
      entries.map(([x]) => [x.path, x.type, x.size, x.mode, x.linkname, x.uid, x.gid, x.uname, x.gname, x.mtime])
    )
    expect(data.get('data/file')?.toString()).toBe('hello')
    expect(data.get(`${longDir}/f`)?.toString()).toBe('ok')
  })

  test('a whole docker cp tar of a diff directory, translated, replays like the layer tar Docker would write', async () => {
    // Lower layer: /data/{a,b}, /data/sub/{c,d}, /data/keep/e.
    const lowerTar = makeTar([
      { path: 'data/', type: 'dir' },
      { path: 'data/a', data: 'aaaa' },
      { path: 'data/b', data: 'bbbbbb' },
      { path: 'data/keep/', type: 'dir' },
      { path: 'data/keep/e', data: 'e' },
      { path: 'data/sub/', type: 'dir' },
      { path: 'data/sub/c', data: 'ccc' },
      { path: 'data/sub/d', data: 'dd' }
    ])
    const lower = (await readBack(lowerTar)).headers.map((x) => fileRecord(x.path, x.type, x.size)).filter((r): r is FileRecord => r !== null)
    // The top layer as overlay2 keeps it: a/ deleted (char device), b rewritten, sub/ recreated (opaque: an xattr docker cp drops).
    const cp = [
      dir(`${root}/`),
      dir(`${root}/data/`),
      chardev(`${root}/data/a`),
      h(`${root}/data/b`, { size: 1 }),
      dir(`${root}/data/keep/`),
      h(`${root}/data/keep/f`, { size: 1 }),
      dir(`${root}/data/sub/`),
      h(`${root}/data/sub/new`, { size: 3 })
    ]
    const translated = cp.map((x) => translateOverlayEntry(x, root)).filter((x): x is TarHeader => x !== null)
    const top = translated.map((x) => fileRecord(x.path, x.type, x.size)).filter((r): r is FileRecord => r !== null)
    expect(top).toEqual([
      { kind: 'dir', path: 'data' },
      { kind: 'whiteout', path: 'data/a' },
      { kind: 'file', path: 'data/b', size: 1 },
      { kind: 'dir', path: 'data/keep' },
      { kind: 'file', path: 'data/keep/f', size: 1 },
      { kind: 'dir', path: 'data/sub' },
      { kind: 'file', path: 'data/sub/new', size: 3 }
    ])
    // Which directories need a probe: not data (every lower file below it is under a path the layer touches),
    // keep (e), sub (the smaller of c and d).
    const plan = planOpaqueProbes([lower], top)
    expect(plan.unresolved).toEqual([])
    expect([...plan.probes].sort()).toEqual([
      ['data/keep', 'data/keep/e'],
      ['data/sub', 'data/sub/d']
    ])
    // The probe says sub/d is gone from the merged view: data/sub is opaque; keep/e is there.
    const withMarker = [...top, { kind: 'opaque', path: 'data/sub' } as FileRecord]
    const docker = makeTar([
      { path: 'data/', type: 'dir' },
      { path: 'data/.wh.a', data: '' },
      { path: 'data/b', data: 'x' },
      { path: 'data/keep/', type: 'dir' },
      { path: 'data/keep/f', data: 'f' },
      { path: 'data/sub/', type: 'dir' },
      { path: 'data/sub/.wh..wh..opq', data: '' },
      { path: 'data/sub/new', data: 'new' }
    ])
    const dockerRecords = (await readBack(docker)).headers.map((x) => fileRecord(x.path, x.type, x.size)).filter((r): r is FileRecord => r !== null)
    const ours = computeWasted([lower, withMarker])
    expect(ours).toEqual(computeWasted([lower, dockerRecords]))
    expect(ours.bytes).toBe(4 + 6 + 3 + 2)
  })
})

describe('planOpaqueProbes', () => {
  const f = (path: string, size = 10): FileRecord => ({ kind: 'file', path, size })
  const d = (path: string): FileRecord => ({ kind: 'dir', path })

  test('a directory new to the image, or whose lower files the layer all rewrites or deletes, needs no probe', () => {
    expect(planOpaqueProbes([[d('a'), f('a/x')]], [d('new'), f('new/y')])).toEqual({ probes: new Map(), unresolved: [] })
    expect(planOpaqueProbes([[d('a'), f('a/x'), f('a/y')]], [d('a'), f('a/x'), { kind: 'whiteout', path: 'a/y' }])).toEqual({ probes: new Map(), unresolved: [] })
  })

  test('the smallest untouched surviving file is the probe; files deleted below do not count', () => {
    const plan = planOpaqueProbes([[d('a'), f('a/big', 1000), f('a/small', 3), f('a/gone', 1)], [{ kind: 'whiteout', path: 'a/gone' }]], [d('a'), f('a/new')])
    expect(plan).toEqual({ probes: new Map([['a', 'a/small']]), unresolved: [] })
  })

  test('a file under a subdirectory the layer has probes that subdirectory, not the one above (the layer touches the path)', () => {
    const plan = planOpaqueProbes([[d('a'), d('a/b'), f('a/b/x')]], [d('a'), d('a/b'), f('a/b/y')])
    expect(plan).toEqual({ probes: new Map([['a/b', 'a/b/x']]), unresolved: [] })
    // A subdirectory the layer does not have: its files probe the directory above.
    expect(planOpaqueProbes([[d('a'), d('a/b'), f('a/b/x')]], [d('a'), f('a/y')]).probes).toEqual(new Map([['a', 'a/b/x']]))
  })

  test("files the container's init layer provides cannot probe: the directory is unresolved (fall back)", () => {
    expect(initLayerPath('etc/hosts')).toBe(true)
    expect(initLayerPath('dev/null')).toBe(true)
    expect(initLayerPath('etc/passwd')).toBe(false)
    expect(planOpaqueProbes([[d('etc'), f('etc/hosts')]], [d('etc'), f('etc/new')])).toEqual({ probes: new Map(), unresolved: ['etc'] })
    expect(planOpaqueProbes([[d('etc'), f('etc/hosts'), f('etc/passwd')]], [d('etc'), f('etc/new')]).probes).toEqual(new Map([['etc', 'etc/passwd']]))
  })

  test('a probe under a path a higher layer touches could be hidden by it: not used', () => {
    expect(planOpaqueProbes([[d('a'), f('a/x')]], [d('a'), f('a/y')], [[d('a'), f('a/z')]])).toEqual({ probes: new Map(), unresolved: ['a'] })
    expect(planOpaqueProbes([[d('a'), f('a/x'), f('a/w')]], [d('a'), f('a/y')], [[{ kind: 'whiteout', path: 'a/x' }]]).probes).toEqual(new Map([['a', 'a/w']]))
  })
})

describe('overlayLayerDirs', () => {
  const data = { UpperDir: '/var/lib/docker/overlay2/top/diff', LowerDir: '/var/lib/docker/overlay2/l2/diff:/var/lib/docker/overlay2/l1/diff:/var/lib/docker/overlay2/l0/diff' }
  test('LowerDir lists the next layers down: bottom first after reversing, the upper dir last', () => {
    expect(overlayLayerDirs({ name: 'overlay2', data }, 4)).toEqual([
      '/var/lib/docker/overlay2/l0/diff',
      '/var/lib/docker/overlay2/l1/diff',
      '/var/lib/docker/overlay2/l2/diff',
      '/var/lib/docker/overlay2/top/diff'
    ])
    expect(overlayLayerDirs({ name: 'overlay2', data: { UpperDir: '/x/overlay2/a/diff' } }, 1)).toEqual(['/x/overlay2/a/diff'])
  })
  test('another driver, a count that does not match, or a path --mount cannot carry: unavailable', () => {
    expect(() => overlayLayerDirs({ name: 'btrfs', data: {} }, 1)).toThrow(OverlayUnavailable)
    expect(() => overlayLayerDirs(null, 1)).toThrow(OverlayUnavailable)
    expect(() => overlayLayerDirs({ name: 'overlay2', data }, 3)).toThrow(OverlayUnavailable)
    expect(() => overlayLayerDirs({ name: 'overlay2', data: { UpperDir: '/x/a,b/diff' } }, 1)).toThrow(OverlayUnavailable)
  })
})

describe('the cached scan encoding', () => {
  test('round-trips every record kind and the Go binary facts, gzipped', () => {
    const scan: CachedScan = {
      uncompressed: 12345,
      files: [
        { kind: 'dir', path: 'app' },
        { kind: 'file', path: 'app/main', size: 12345 },
        { kind: 'file', path: 'app/empty', size: 0 },
        { kind: 'whiteout', path: 'tmp/x' },
        { kind: 'opaque', path: 'var/cache' }
      ],
      goBinaries: [
        {
          path: '/app/main',
          bytes: 12345,
          facts: {
            goVersion: 'go1.22.5',
            module: 'm',
            mainPackage: 'm',
            static: true,
            stripped: false,
            symbolBytes: 10,
            cgo: false,
            trimpath: true,
            ldflags: null,
            packages: ['m'],
            settings: { CGO_ENABLED: '0' }
          }
        }
      ]
    }
    expect(decodeScan(encodeScan(scan))).toEqual(scan)
    const many: CachedScan = { uncompressed: 0, files: Array.from({ length: 100_000 }, (_, i) => ({ kind: 'file', path: `usr/share/doc/pkg${i % 500}/file${i}`, size: i })), goBinaries: [] }
    const encoded = encodeScan(many)
    expect(decodeScan(encoded)).toEqual(many)
    expect(encoded.length).toBeLessThan(JSON.stringify(many.files).length / 4)
  })
})
