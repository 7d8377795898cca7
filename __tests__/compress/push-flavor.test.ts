import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LayerCache } from '../../src/image/cache.js'
import { sampledGoSegments, type SampleModels } from '../../src/compress/deflate-sample.js'
import { GO_FAST_CHUNK } from '../../src/compress/goflate-fast.js'
import { FLAVOR_LAYOUT, pushFlavorForGoVersion, samplePlan } from '../../src/compress/push-flavor.js'

describe('pushFlavorForGoVersion', () => {
  test.each([
    ['go1.27.1', 'go1.27'],
    ['go1.27', 'go1.27'],
    ['go1.27rc2', 'go1.27'],
    ['go1.28.0', 'go1.27'],
    ['devel go1.28-0a5dc67 Tue Apr 14 2026', 'go1.27'],
    ['go2.0.1', 'go1.27'],
    ['go1.26.10', 'go-classic'],
    ['go1.23.7', 'go-classic'],
    [' go1.19.8\n', 'go-classic']
  ])('%j → %s', (version, flavor) => {
    expect(pushFlavorForGoVersion(version)).toBe(flavor)
  })

  test.each(['', '1.27.1', 'gcc', 'cargo1.27.1'])('%j is refused, naming the input', (version) => {
    expect(() => pushFlavorForGoVersion(version)).toThrow(`engine Go version "${version}" is not like go1.27.1`)
  })
})

describe('sampledGoSegments', () => {
  // A Go model that costs 6 bits a byte, zlib 8: the scaled estimate must then be 6 bits a byte.
  const calls: { length: number; start: number }[] = []
  const models: SampleModels = {
    exact: (data, start) => {
      calls.push({ length: data.length, start })
      return [6 * (data.length - start)]
    },
    zlibBytes: (data) => data.length,
    looksLikeNoise: () => false
  }
  beforeEach(() => void (calls.length = 0))

  test('Go 1.27: slices of whole chunks, on chunk boundaries, each with the 32 KiB before it', () => {
    const plan = samplePlan('go1.27', 256 * 1024)
    const block = new Uint8Array(GO_FAST_CHUNK + 64 * GO_FAST_CHUNK).fill(1)
    const start = GO_FAST_CHUNK
    expect(sampledGoSegments(block, start, false, plan, models)).toEqual([6 * 64 * GO_FAST_CHUNK])
    expect(calls).toHaveLength(plan.slices)
    expect(plan.slices).toBe(8)
    for (const call of calls) {
      expect(call.start).toBe(32 * 1024)
      expect(call.length - call.start).toBe(GO_FAST_CHUNK)
    }
  })

  test('a block zlib shrinks more than 16 times is modelled whole under Go 1.27, not under the classic model', () => {
    const block = new Uint8Array(64 * GO_FAST_CHUNK)
    const squeezing: SampleModels = { ...models, zlibBytes: (data) => Math.ceil(data.length / 20) }
    sampledGoSegments(block, 0, true, samplePlan('go1.27', 256 * 1024), squeezing)
    expect(calls).toEqual([{ length: block.length, start: 0 }])
    calls.length = 0
    sampledGoSegments(block, 0, true, samplePlan('go-classic', 256 * 1024), squeezing)
    expect(calls).toHaveLength(4)
  })

  test('a block no larger than twice the sample is modelled whole', () => {
    const plan = samplePlan('go-classic', 256 * 1024)
    const block = new Uint8Array(512 * 1024)
    sampledGoSegments(block, 0, false, plan, models)
    expect(calls).toEqual([{ length: block.length, start: 0 }])
  })
})

test("Go 1.27 blocks are whole chunks; a layer's first 4 MiB are modelled exactly in both flavors", () => {
  expect(FLAVOR_LAYOUT['go1.27'].chunkBytes).toBe(GO_FAST_CHUNK)
  expect(FLAVOR_LAYOUT['go1.27'].exactLeadBytes).toBe(64 * GO_FAST_CHUNK)
  expect(FLAVOR_LAYOUT['go-classic'].exactLeadBytes).toBe(4 * 1024 * 1024)
})

test('the layer cache keeps estimates per flavor', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gib-cache-flavor-'))
  try {
    const entry = (compressed: number) => ({ diffId: 'sha256:' + 'a'.repeat(64), tarBytes: 1024, compressed, source: 'gzip-estimate' as const })
    await new LayerCache(dir, 'go-classic').put(entry(100))
    await new LayerCache(dir, 'go1.27').put(entry(103))
    expect((await new LayerCache(dir, 'go-classic').get(entry(0).diffId))?.compressed).toBe(100)
    expect((await new LayerCache(dir, 'go1.27').get(entry(0).diffId))?.compressed).toBe(103)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
