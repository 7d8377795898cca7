// Worker threads that run the Go-deflate size models (goflate.ts for Go ≤ 1.26,
// goflate-fast.ts for Go 1.27+) on blocks of a layer in parallel. The workers
// are started from the models' own source (they are self-contained), so the
// same code runs under tsx, jest and the ncc bundle without a separate worker
// file.
import { Worker } from 'node:worker_threads'
import { sampledGoSegments, type SampleModels, type SamplePlan } from './deflate-sample.js'
import { goDeflateSegments, looksLikeNoise } from './goflate.js'
import { goFastDeflateSegments } from './goflate-fast.js'
import { goHuffmanWriter } from './goflate-writer.js'
import { samplePlan, type PushFlavor } from './push-flavor.js'

interface Job {
  resolve(segments: number[]): void
  reject(error: Error): void
}

/** One block to model, as posted to a worker. */
export interface ModelRequest {
  id: number
  flavor: PushFlavor
  /** The dictionary (the data before the block) then the block; `start` is where the block begins. */
  buffer: ArrayBuffer
  start: number
  /** null: model every byte. */
  plan: SamplePlan | null
  last: boolean
}

/** A worker's answer: the block's Go-deflate segment sizes (see goflate.ts), or why it failed. */
export type ModelReply = { id: number; segments: number[] } | { id: number; error: string }

/** What a worker models with: the exact model per flavor, zlib level 4 and the noise test. */
export interface WorkerModels extends Omit<SampleModels, 'exact'> {
  exact: Record<PushFlavor, SampleModels['exact']>
  sampled: typeof sampledGoSegments
}

/** A worker's whole job, typed and self-contained (it runs in the worker from its source, and in tests directly). */
export function modelBlock(request: ModelRequest, models: WorkerModels): ModelReply {
  try {
    const data = new Uint8Array(request.buffer)
    const exact = models.exact[request.flavor]
    const segments = request.plan
      ? models.sampled(data, request.start, request.last, request.plan, { exact, zlibBytes: models.zlibBytes, looksLikeNoise: models.looksLikeNoise })
      : exact(data, request.start, request.last)
    return { id: request.id, segments }
  } catch (error) {
    return { id: request.id, error: String((error instanceof Error && error.stack) || error) }
  }
}

// The worker wires modelBlock to its port with the models' own source; only
// zlib (a require in the worker) is written here. \`__name\` is the helper
// esbuild (tsx) wraps named functions in; the worker has none.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const zlib = require('node:zlib')
var __name = (fn) => fn
const looksLikeNoise = ${looksLikeNoise.toString()}
const goDeflateSegments = ${goDeflateSegments.toString()}
const goHuffmanWriter = ${goHuffmanWriter.toString()}
const goFastDeflateSegments = ${goFastDeflateSegments.toString()}
const modelBlock = ${modelBlock.toString()}
const models = {
  exact: {
    'go-classic': (data, start) => goDeflateSegments(data, start),
    'go1.27': (data, start, last) => goFastDeflateSegments(data, start, last, goHuffmanWriter())
  },
  // zlib level 4: twice as fast as 6, and as lazy in its matching.
  zlibBytes: (data, dictionary) => zlib.deflateRawSync(data, { level: 4, finishFlush: zlib.constants.Z_BLOCK, ...(dictionary ? { dictionary } : {}) }).length,
  looksLikeNoise,
  sampled: ${sampledGoSegments.toString()}
}
parentPort.on('message', (request) => parentPort.postMessage(modelBlock(request, models)))
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
      worker.on('message', (reply: ModelReply) => {
        this.busy.set(worker, (this.busy.get(worker) ?? 1) - 1)
        const job = this.jobs.get(reply.id)
        this.jobs.delete(reply.id)
        if (!job) return
        if ('error' in reply) job.reject(new Error(`deflate worker: ${reply.error}`))
        else job.resolve(reply.segments)
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
      const request: ModelRequest = { id, flavor: this.flavor, buffer, start: dictLength, plan: exact ? null : this.plan, last }
      worker.postMessage(request, [buffer])
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
    this.workers.length = 0
  }
}
