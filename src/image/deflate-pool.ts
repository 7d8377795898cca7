// Worker threads that run the Go-deflate size model (goflate.ts) on blocks of
// a layer in parallel. The workers are started from the model's own source
// (it is self-contained), so the same code runs under tsx, jest and the ncc
// bundle without a separate worker file.
import { Worker } from 'node:worker_threads'
import { goDeflateSegments, looksLikeNoise } from './goflate.js'

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
const sumBits = (segments) => {
  let pos = 0
  for (const s of segments) pos = s >= 0 ? pos + s : Math.ceil((pos + 3) / 8) * 8 + 32 + 8 * -s
  return pos
}
// A block larger than twice the sample: zlib level 4 (C; twice as fast as 6, and as
// lazy in its matching) sizes the whole block, the Go model four slices spread over
// it, and the block's size is zlib's scaled by Go/zlib on those slices (within ~0.4%).
const ZLIB_LEVEL = 4
function model(data, start, sample) {
  const length = data.length - start
  if (!sample || length <= 2 * sample || looksLikeNoise(data, start)) return goDeflateSegments(data, start)
  const slices = 4
  const part = Math.floor(sample / slices)
  let goBits = 0
  let zlibBits = 0
  for (let k = 0; k < slices; k++) {
    const from = start + Math.floor(((length - part) * (2 * k + 1)) / (2 * slices))
    const dictFrom = Math.max(0, from - 32768)
    goBits += sumBits(goDeflateSegments(data.subarray(dictFrom, from + part), from - dictFrom))
    const options = { level: ZLIB_LEVEL, finishFlush: zlib.constants.Z_BLOCK }
    if (from > dictFrom) options.dictionary = data.subarray(dictFrom, from)
    zlibBits += zlib.deflateRawSync(data.subarray(from, from + part), options).length * 8
  }
  const options = { level: ZLIB_LEVEL, finishFlush: zlib.constants.Z_BLOCK }
  if (start > 0) options.dictionary = data.subarray(0, start)
  const zlibBlock = zlib.deflateRawSync(data.subarray(start), options).length * 8
  return [Math.round(zlibBlock * (goBits / zlibBits))]
}
parentPort.on('message', ({ id, buffer, start, sample }) => {
  try {
    parentPort.postMessage({ id, segments: model(new Uint8Array(buffer), start, sample) })
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

  /**
   * `sampleBytes` 0 models every byte (exact, slow: ~10 MB/s per thread on
   * compressible data); otherwise blocks over twice that size are sized by zlib
   * and scaled by the model's ratio on a slice of that size.
   */
  constructor(
    readonly size: number,
    readonly sampleBytes = 0
  ) {}

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

  /** Models one block: `dictionary` is the data just before it (up to 32 KiB). */
  run(dictionary: Buffer | null, block: Buffer): Promise<number[]> {
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
      worker.postMessage({ id, buffer, start: dictLength, sample: this.sampleBytes }, [buffer])
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
    this.workers.length = 0
  }
}
