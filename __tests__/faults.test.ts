// Errors table, parser rows at scale, without Docker: a `docker save` stream
// cut at every point, an image with thousands of layers (history pairing,
// Dockerfile matching, wasted bytes, the comment), a layer with a million
// files (generated in memory, streamed through the save-stream reader), and
// concurrent writers of the compressed-size cache.
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { LayerCache } from '../src/image/cache.js'
import { dockerfileChain, matchHistory, pairHistory, type HistoryRow } from '../src/image/history.js'
import { scanSaveStream } from '../src/image/save.js'
import { TarError } from '../src/image/tar.js'
import { computeWasted, type FileRecord } from '../src/image/wasted.js'
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../src/render/markdown.js'
import { huge } from './fixtures/reports.js'
import { chunks, makeTar, type TarInput } from './helpers/tar-writer.js'

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

function legacyArchive(layers: Buffer[], history: object[]) {
  const diffIds = layers.map(sha)
  const config = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: diffIds }, history }))
  const configName = `${sha(config).slice(7)}.json`
  const ids = layers.map((l, i) => createHash('sha256').update(`v1-${i}`).update(l).digest('hex'))
  const entries: TarInput[] = ids.map((id, i) => ({ path: `${id}/layer.tar`, data: layers[i] }))
  entries.push({ path: configName, data: config })
  entries.push({ path: 'manifest.json', data: JSON.stringify([{ Config: configName, RepoTags: ['t:1'], Layers: ids.map((id) => `${id}/layer.tar`) }]) })
  return { archive: makeTar(entries), diffIds }
}

describe('a docker save stream that ends early', () => {
  test('cut at every block boundary and inside blocks: always a TarError that says how far it got, never another error', async () => {
    const layer = makeTar([
      { path: 'app/main', data: Buffer.alloc(3000, 7), mode: 0o755 },
      { path: 'etc/x', data: 'y' }
    ])
    const { archive } = legacyArchive([layer, makeTar([{ path: 'b', data: 'c' }])], [{ created_by: 'COPY a /' }, { created_by: 'COPY b /' }])
    // The end-of-archive blocks are optional to a reader; cut anywhere before them.
    const contentEnd = archive.length - 1024
    let cuts = 0
    for (let cut = 0; cut < contentEnd; cut += cut % 512 === 0 ? 1 : 37) {
      const attempt = scanSaveStream(chunks(archive.subarray(0, cut), 700), { shouldCompress: () => false })
      await expect(attempt).rejects.toBeInstanceOf(TarError)
      await expect(attempt).rejects.toThrow(
        cut === 0
          ? /^docker save stream is empty$/
          : /^(docker save stream ended early after \d+ bytes: the archive ends early, inside (an entry \(at byte \d+, \d+ bytes missing\)|a tar header \(at byte \d+\))|not an image archive: neither manifest\.json nor index\.json found|the image archive has no config '.*')$/
      )
      cuts++
    }
    expect(cuts).toBeGreaterThan(100)
    // The whole archive reads.
    const saved = await scanSaveStream(chunks(archive), { shouldCompress: () => false })
    expect(saved.layerPaths).toHaveLength(2)
  })
})

describe('an image with thousands of layers', () => {
  const LAYERS = 3000
  // Real history: empty rows (ENV, WORKDIR…) between the layer rows.
  const history: HistoryRow[] = []
  const lines = ['FROM scratch']
  for (let i = 0; i < LAYERS; i++) {
    if (i % 3 === 0) {
      history.push({ created_by: `ENV STEP=${i}`, empty_layer: true })
      lines.push(`ENV STEP=${i}`)
    }
    history.push({ created_by: `COPY f${i} /data/f${i} # buildkit` })
    lines.push(`COPY f${i} /data/f${i}`)
  }
  const diffIds = Array.from({ length: LAYERS }, (_, i) => `sha256:${String(i).padStart(64, '0')}`)

  // Speed lives in `npm run bench`; these check that huge inputs come out right (jest's timeout catches a hang).
  test('history pairs with layers through empty_layer, and every layer finds its Dockerfile line', () => {
    const paired = pairHistory(diffIds, history)
    const chain = dockerfileChain(lines.join('\n'), null)
    const matches = matchHistory(history, chain.instructions)
    expect(paired).toHaveLength(LAYERS)
    expect(paired[2999]).toEqual({ diffId: diffIds[2999], historyIndex: history.length - 1, instruction: 'COPY f2999 /data/f2999' })
    expect(paired.every((p, i) => p.instruction === `COPY f${i} /data/f${i}`)).toBe(true)
    expect(chain.instructions).toHaveLength(history.length)
    // Line of layer i: its COPY line (1-based, after FROM and the ENV lines before it).
    expect(paired.every((p, i) => matches[p.historyIndex]?.line === 2 + i + Math.floor(i / 3) + 1)).toBe(true)
  })

  test('history shorter than the layers (old images) pairs what it can, without throwing', () => {
    const paired = pairHistory(diffIds, history.slice(0, 100))
    expect(paired.filter((p) => p.historyIndex === -1)).toHaveLength(LAYERS - paired.filter((p) => p.historyIndex >= 0).length)
    expect(paired[LAYERS - 1]).toEqual({ diffId: diffIds[LAYERS - 1], historyIndex: -1, instruction: '' })
  })

  test('wasted bytes over 3000 layers rewriting one file', () => {
    const layers: FileRecord[][] = Array.from({ length: LAYERS }, (_, i) => [{ kind: 'file', path: 'var/log/app.log', size: 10 + i }])
    const wasted = computeWasted(layers)
    // Every copy but the last one: sum of 10+i for i < 2999.
    expect(wasted.bytes).toBe(2999 * 10 + (2998 * 2999) / 2)
    expect(wasted.files).toEqual([{ path: '/var/log/app.log', bytes: wasted.bytes, layers: Array.from({ length: LAYERS }, (_, i) => i) }])
  })

  test('3000 layers in one save stream', async () => {
    const layers = Array.from({ length: LAYERS }, (_, i) => makeTar([{ path: `data/f${i}`, data: `${i}` }]))
    const { archive, diffIds: ids } = legacyArchive(layers, history)
    const saved = await scanSaveStream(chunks(archive, 65536), { shouldCompress: () => false })
    expect(saved.layerPaths).toHaveLength(LAYERS)
    expect(saved.layerPaths.map((p) => saved.layers.get(p)!.diffId)).toEqual(ids)
  })

  test("the comment for 3000 layers stays under GitHub's 65,536 characters", () => {
    const body = renderMarkdown(huge(LAYERS), { commentKey: '', repoUrl: 'https://github.com/o/r', commit: 'a'.repeat(40) })
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
    expect(body).toContain('<!-- go-image-budget')
  })
})

/**
 * A layer tar of `count` files streamed from a template header (no per-file
 * allocation): `d<k>/f<j>`, 1000 files a directory, every 1000th file 100
 * bytes, the rest empty. Yields ~1 MB chunks and hashes what it yields.
 */
function* millionFileLayer(count: number, hash: ReturnType<typeof createHash>): Generator<Buffer> {
  const template = Buffer.alloc(512)
  template.write('0000644\0', 100, 'latin1')
  template.write('0000000\0', 108, 'latin1')
  template.write('0000000\0', 116, 'latin1')
  template.write('00000000000\0', 124, 'latin1')
  template.write('00000000000\0', 136, 'latin1')
  template.write('        ', 148, 'latin1')
  template.write('0', 156, 'latin1')
  template.write('ustar\x0000', 257, 'latin1')
  let base = 0
  for (const b of template) base += b
  const CHUNK = 2048 * 512
  let buf = Buffer.alloc(CHUNK)
  let pos = 0
  const flush = function* () {
    const out = buf.subarray(0, pos)
    hash.update(out)
    yield out
    buf = Buffer.alloc(CHUNK)
    pos = 0
  }
  const data = Buffer.alloc(512, 0x61)
  for (let i = 0; i < count; i++) {
    if (pos + 1024 > CHUNK) yield* flush()
    template.copy(buf, pos)
    const name = `d${Math.floor(i / 1000)}/f${i % 1000}`
    let sum = base
    for (let c = 0; c < name.length; c++) {
      buf[pos + c] = name.charCodeAt(c)
      sum += name.charCodeAt(c)
    }
    const sized = i % 1000 === 0
    if (sized) {
      // size 144 octal = 100 bytes: '00000000144' instead of '00000000000'
      buf.write('144', pos + 124 + 8, 'latin1')
      sum += '1'.charCodeAt(0) + '4'.charCodeAt(0) + '4'.charCodeAt(0) - 3 * '0'.charCodeAt(0)
    }
    buf.write(sum.toString(8).padStart(6, '0') + '\0 ', pos + 148, 'latin1')
    pos += 512
    if (sized) {
      data.copy(buf, pos, 0, 100)
      buf.fill(0, pos + 100, pos + 512)
      pos += 512
    }
  }
  if (pos + 1024 > CHUNK) yield* flush()
  pos += 1024 // end of archive (already zero)
  yield* flush()
}

describe('an image with a million files', () => {
  test('streams through the save-stream reader and the wasted-bytes replay in seconds', async () => {
    const COUNT = 1_000_000
    const layerBytes = COUNT * 512 + (COUNT / 1000) * 512 + 1024
    const second = makeTar([...Array.from({ length: 999 }, (_, k) => ({ path: `d${k}/f0`, data: Buffer.alloc(50, 0x62) })), { path: '.wh.d999', data: '' }])
    const config = Buffer.from(
      JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: ['sha256:x', sha(second)] }, history: [{ created_by: 'COPY . /' }, { created_by: 'RUN rewrite' }] })
    )
    const outerHeader = (name: string) =>
      makeTar([{ path: name, data: Buffer.alloc(0) }], { end: false })
        .subarray(0, 512)
        .fill(0, 124, 136)
        .fill(0x20, 148, 156)
    const hash = createHash('sha256')
    async function* stream(): AsyncGenerator<Buffer> {
      // The first layer's entry header by hand (its size is too big to build the entry in memory).
      const h = Buffer.from(outerHeader('aaaa/layer.tar'))
      h.write(layerBytes.toString(8).padStart(11, '0') + '\0', 124, 'latin1')
      let sum = 0
      for (const b of h) sum += b
      h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1')
      yield h
      for (const c of millionFileLayer(COUNT, hash)) yield c // layerBytes is a multiple of 512: no padding
      yield* chunks(
        makeTar([
          { path: 'bbbb/layer.tar', data: second },
          { path: 'config.json', data: config },
          { path: 'manifest.json', data: JSON.stringify([{ Config: 'config.json', Layers: ['aaaa/layer.tar', 'bbbb/layer.tar'] }]) }
        ]),
        1 << 20
      )
    }
    const saved = await scanSaveStream(stream(), { shouldCompress: () => false })
    const scans = saved.layerPaths.map((p) => saved.layers.get(p)!)
    expect(scans[0].files).toHaveLength(COUNT)
    expect(scans[0].diffId).toBe(`sha256:${hash.digest('hex')}`)
    expect(scans[0].tarBytes).toBe(layerBytes)
    expect(scans[0].uncompressed).toBe((COUNT / 1000) * 100)
    expect(scans[1].diffId).toBe(sha(second))
    const wasted = computeWasted(scans.map((s) => s.files))
    // 999 rewritten 100-byte files, and the 100-byte file of the deleted d999.
    expect(wasted.bytes).toBe(1000 * 100)
    expect(wasted.survivors.size).toBe(COUNT - 1000)
  }, 60_000)
})

describe('the compressed-size cache under concurrent runs', () => {
  test('writers racing on the same layers: a reader of the file sees nothing or a whole entry, never a torn one; no temp files stay', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gib-cache-'))
    try {
      const cacheA = new LayerCache(dir)
      const cacheB = new LayerCache(dir)
      const ids = Array.from({ length: 8 }, (_, i) => `sha256:${String(i).repeat(64).slice(0, 64)}`)
      // Large entries (a long field), so a non-atomic write would be seen half-done.
      const entry = (n: number) => ({ diffId: ids[n], tarBytes: 1000 + n, compressed: 500 + n, source: 'gzip-estimate' as const, note: 'x'.repeat(200_000) })
      await cacheA.put(entry(0))
      const [entriesDir, ...others] = readdirSync(dir)
      expect(others).toEqual([])
      const fileOf = (id: string) => path.join(dir, entriesDir, `${id.replace(':', '-')}.json`)
      expect(existsSync(fileOf(ids[0]))).toBe(true)
      const seen: string[] = []
      const readRaw = async (n: number) => {
        let text: string
        try {
          text = await readFile(fileOf(ids[n]), 'utf8')
        } catch {
          return void seen.push('absent')
        }
        try {
          const parsed = JSON.parse(text) as { compressed: number }
          seen.push(parsed.compressed === 500 + n ? 'whole' : 'wrong')
        } catch {
          seen.push(`torn at ${text.length}`)
        }
      }
      const work: Promise<void>[] = []
      for (let round = 0; round < 40; round++) {
        // Let earlier rounds' writes land while later ones are still racing.
        await new Promise((resolve) => setTimeout(resolve, 1))
        for (let n = 0; n < ids.length; n++) work.push(cacheA.put(entry(n)), cacheB.put(entry(n)), readRaw(n), readRaw(n))
      }
      await Promise.all(work)
      expect(seen.filter((s) => s !== 'whole' && s !== 'absent')).toEqual([])
      expect(seen.filter((s) => s === 'whole').length).toBeGreaterThan(ids.length * 20)
      for (let n = 0; n < ids.length; n++) expect((await cacheB.get(ids[n]))?.compressed).toBe(500 + n)
      // Exactly one file per layer: no temp file stays behind.
      expect(readdirSync(path.join(dir, entriesDir)).sort()).toEqual(ids.map((id) => path.basename(fileOf(id))).sort())
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
