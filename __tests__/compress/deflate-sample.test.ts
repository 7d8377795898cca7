// The sampled estimator (deflate-sample.ts) and the typed worker model
// (deflate-pool.ts modelBlock), in this thread: which path a block takes, the
// scaling by the model's ratio on slices, and that the pool's workers answer
// exactly what modelBlock answers here.
import { deflateRawSync, constants } from 'node:zlib'
import { DeflatePool, modelBlock, type WorkerModels } from '../../src/compress/deflate-pool.js'
import { sampledGoSegments, type SampleModels, type SamplePlan } from '../../src/compress/deflate-sample.js'
import { goFastDeflateSegments } from '../../src/compress/goflate-fast.js'
import { goHuffmanWriter } from '../../src/compress/goflate-writer.js'
import { addSegments, goDeflateSegments, looksLikeNoise } from '../../src/compress/goflate.js'
import { samplePlan, type PushFlavor } from '../../src/compress/push-flavor.js'
import { samples } from '../helpers/deterministic-data.js'

const realModels: WorkerModels = {
  exact: {
    'go-classic': (data, start) => goDeflateSegments(data, start),
    'go1.27': (data, start, last) => goFastDeflateSegments(data, start, last, goHuffmanWriter())
  },
  zlibBytes: (data, dictionary) => deflateRawSync(data, { level: 4, finishFlush: constants.Z_BLOCK, ...(dictionary ? { dictionary } : {}) }).length,
  looksLikeNoise,
  sampled: sampledGoSegments
}

const plan: SamplePlan = { slices: 4, sliceBytes: 1000, chunkBytes: 1, primingBytes: 0, exactAboveRatio: 0, exactOnNoise: true }

/** Models that record what they were asked: the "Go" model writes 0.6 bits per input bit, zlib half the bytes. */
function fakeModels(noise = false) {
  const exactCalls: number[] = []
  const models: SampleModels = {
    exact: (data, start) => {
      exactCalls.push(data.length - start)
      return [Math.round((data.length - start) * 8 * 0.6)]
    },
    zlibBytes: (data) => Math.round(data.length / 2),
    looksLikeNoise: () => noise
  }
  return { models, exactCalls }
}

describe('sampledGoSegments', () => {
  test('a block no longer than twice the slices is modelled whole', () => {
    const { models, exactCalls } = fakeModels()
    const data = new Uint8Array(8000)
    expect(sampledGoSegments(data, 0, false, plan, models)).toEqual([Math.round(8000 * 8 * 0.6)])
    expect(exactCalls).toEqual([8000])
  })

  test('noise is modelled whole when the plan says so, sampled when it does not', () => {
    const data = new Uint8Array(100_000)
    const whole = fakeModels(true)
    sampledGoSegments(data, 0, false, plan, whole.models)
    expect(whole.exactCalls).toEqual([100_000])
    const sampled = fakeModels(true)
    sampledGoSegments(data, 0, false, { ...plan, exactOnNoise: false }, sampled.models)
    expect(sampled.exactCalls).toEqual([1000, 1000, 1000, 1000])
  })

  test("zlib's size of the whole block, scaled by Go/zlib on the slices", () => {
    const { models, exactCalls } = fakeModels()
    const length = 100_000
    // Go writes 0.6 bits a bit, zlib 4 bits a byte (0.5): the ratio on the slices is 1.2.
    expect(sampledGoSegments(new Uint8Array(length), 0, false, plan, models)).toEqual([Math.round((length / 2) * 8 * 1.2)])
    expect(exactCalls).toEqual([1000, 1000, 1000, 1000])
  })

  test('a block zlib shrinks more than exactAboveRatio times is modelled whole', () => {
    const { models, exactCalls } = fakeModels()
    sampledGoSegments(new Uint8Array(100_000), 0, false, { ...plan, exactAboveRatio: 1.5 }, models)
    expect(exactCalls).toEqual([100_000])
  })

  test('slices start on chunk boundaries and after the dictionary', () => {
    const starts: number[] = []
    const models: SampleModels = {
      exact: (data, start) => {
        starts.push(data.byteOffset + start)
        return [8 * (data.length - start)]
      },
      zlibBytes: (data) => data.length,
      looksLikeNoise: () => false
    }
    const data = new Uint8Array(300_000)
    sampledGoSegments(data, 50_000, false, { ...plan, chunkBytes: 4096 }, models)
    expect(starts).toHaveLength(4)
    for (const s of starts) {
      expect(s).toBeGreaterThanOrEqual(50_000)
      expect((s - 50_000) % 4096).toBe(0)
    }
  })

  test.each(['go-classic', 'go1.27'] as PushFlavor[])('%s: the sampled estimate of text is within 2%% of the exact model', (flavor) => {
    const data = new Uint8Array(samples.text())
    const exact = addSegments(0, realModels.exact[flavor](data, 0, true))
    const sampled = addSegments(0, sampledGoSegments(data, 0, true, samplePlan(flavor, 64 * 1024), { ...realModels, exact: realModels.exact[flavor] }))
    expect(sampled).not.toBe(exact)
    expect(Math.abs(sampled - exact) / exact).toBeLessThan(0.02)
  })
})

describe('modelBlock (the worker model)', () => {
  const request = (flavor: PushFlavor, sampled: boolean, data: Buffer, start = 0) => {
    const buffer = new ArrayBuffer(data.length)
    new Uint8Array(buffer).set(data)
    return { id: 7, flavor, buffer, start, plan: sampled ? samplePlan(flavor, 64 * 1024) : null, last: true }
  }

  test('answers the exact model, or the sampled one, with the request id', () => {
    const data = samples.text()
    expect(modelBlock(request('go-classic', false, data), realModels)).toEqual({ id: 7, segments: goDeflateSegments(new Uint8Array(data), 0) })
    const sampled = modelBlock(request('go-classic', true, data), realModels)
    expect(sampled).toEqual({ id: 7, segments: sampledGoSegments(new Uint8Array(data), 0, true, samplePlan('go-classic', 64 * 1024), { ...realModels, exact: realModels.exact['go-classic'] }) })
  })

  test('a model that throws is an error reply, not a lost job', () => {
    const failing: WorkerModels = {
      ...realModels,
      exact: {
        ...realModels.exact,
        'go1.27': () => {
          throw new Error('model broke')
        }
      }
    }
    const reply = modelBlock(request('go1.27', false, samples.text()), failing)
    expect(reply.id).toBe(7)
    expect('error' in reply && reply.error).toContain('model broke')
  })

  test.each(['go-classic', 'go1.27'] as PushFlavor[])("%s: the pool's workers answer what modelBlock answers here", async (flavor) => {
    const data = samples.mixed().subarray(0, 300_000)
    const dictionary = data.subarray(0, 32768)
    const block = data.subarray(32768)
    for (const sampleBytes of [0, 64 * 1024]) {
      const pool = new DeflatePool(1, sampleBytes, flavor)
      try {
        const fromWorker = await pool.run(dictionary, block, true)
        const here = modelBlock({ ...request(flavor, sampleBytes > 0, data, 32768), plan: sampleBytes > 0 ? samplePlan(flavor, sampleBytes) : null }, realModels)
        expect(here).toEqual({ id: 7, segments: fromWorker })
      } finally {
        await pool.close()
      }
    }
  })
})
