// Worker threads that run the Go-deflate size models (goflate.ts for Go ≤ 1.26,
// goflate-fast.ts for Go 1.27+) on blocks of a layer in parallel. The workers
// are started from the models' own source (they are self-contained), so the
// same code runs under tsx, jest and the ncc bundle without a separate worker
// file.
import { Worker } from 'node:worker_threads'
import { sampledGoSegments, type SamplePlan } from './deflate-sample.js'
import { goDeflateSegments, looksLikeNoise } from './goflate.js'
import { goFastDeflateSegments } from './goflate-fast.js'
import { goHuffmanWriter } from './goflate-writer.js'
import { samplePlan, type PushFlavor } from './push-flavor.js'

interface Job {
  resolve(segments: number[]): void
  reject(error: Error): void
}

// \`__name\` is the helper esbuild (tsx) wraps named functions in; the worker has none.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const zlib = require('node:zlib')
var __name = (fn) => fn
const looksLikeNoise = ${looksLikeNoise.toString()}
const goDeflateSegments = ${goDeflateSegments.toString()}
const goHuffmanWriter = ${goHuffmanWriter.toString()}
const goFastDeflateSegments = ${goFastDeflateSegments.toString()}
const sampledGoSegments = ${sampledGoSegments.toString()}
const EXACT = {
  'go-classic': (data, start) => goDeflateSegments(data, start),
  'go1.27': (data, start, last) => goFastDeflateSegments(data, start, last, goHuffmanWriter())
}
// zlib level 4: twice as fast as 6, and as lazy in its matching.
const zlibBytes = (data, dictionary) => zlib.deflateRawSync(data, { level: 4, finishFlush: zlib.constants.Z_BLOCK, ...(dictionary ? { dictionary } : {}) }).length
function model(flavor, data, start, plan, last) {
  const exact = EXACT[flavor]
  if (!plan) return exact(data, start, last)
  return sampledGoSegments(data, start, last, plan, { exact, zlibBytes, looksLikeNoise })
}
parentPort.on('message', ({ id, flavor, buffer, start, plan, last }) => {
  try {
    parentPort.postMessage({ id, segments: model(flavor, new Uint8Array(buffer), start, plan, last) })
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) })
  }
})
`

export class DeflatePool {
  private readonly workers: Worker[] = []
  private readonly busy = new Map<Worker, number>()
  private readonly jobs = new Map<number, Job>()
  private nextId = 0
  /** Blocks modelled so far (for tests and stats). */
  blocks = 0

  /** How blocks are sampled; null: every byte is modelled. */
  private readonly plan: SamplePlan | null

  /**
   * `sampleBytes` 0 models every byte (exact, slow: ~10-20 MB/s per thread on
   * compressible data); otherwise blocks are sized by zlib and scaled by the
   * model's ratio on about that much of each (deflate-sample.ts, samplePlan).
   * `flavor` is the compress/flate of the engine that will push (push-flavor.ts).
   */
  constructor(
    readonly size: number,
    readonly sampleBytes = 0,
    readonly flavor: PushFlavor = 'go-classic'
  ) {
    this.plan = sampleBytes > 0 ? samplePlan(flavor, sampleBytes) : null
  }

  private pick(): Worker {
    if (this.workers.length < this.size) {
      const worker = new Worker(WORKER_SOURCE, { eval: true })
      worker.unref()
      worker.on('message', (msg: { id: number; segments?: number[]; error?: string }) => {
        this.busy.set(worker, (this.busy.get(worker) ?? 1) - 1)
        const job = this.jobs.get(msg.id)
        this.jobs.delete(msg.id)
        if (!job) return
        if (msg.error) job.reject(new Error(`deflate worker: ${msg.error}`))
        else job.resolve(msg.segments ?? [])
      })
      worker.on('error', (error) => {
        for (const job of this.jobs.values()) job.reject(error)
        this.jobs.clear()
      })
      this.workers.push(worker)
      this.busy.set(worker, 0)
      return worker
    }
    return this.workers.reduce((a, b) => ((this.busy.get(a) ?? 0) <= (this.busy.get(b) ?? 0) ? a : b))
  }

  /**
   * Models one block: `dictionary` is the data just before it (up to the flavor's
   * dictionaryBytes); `last` when the block ends the stream (Go 1.27 ends it
   * differently); `exact` models every byte of it even when sampling.
   */
  run(dictionary: Buffer | null, block: Buffer, last = false, exact = false): Promise<number[]> {
    const dictLength = dictionary?.length ?? 0
    const buffer = new ArrayBuffer(dictLength + block.length)
    const view = new Uint8Array(buffer)
    if (dictionary) view.set(dictionary, 0)
    view.set(block, dictLength)
    const id = this.nextId++
    this.blocks++
    const worker = this.pick()
    this.busy.set(worker, (this.busy.get(worker) ?? 0) + 1)
    return new Promise<number[]>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject })
      worker.postMessage({ id, flavor: this.flavor, buffer, start: dictLength, plan: exact ? null : this.plan, last }, [buffer])
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
    this.workers.length = 0
  }
}
