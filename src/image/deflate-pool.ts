// Worker threads that run the Go-deflate size model (goflate.ts) on blocks of
// a layer in parallel. The workers are started from the model's own source
// (it is self-contained), so the same code runs under tsx, jest and the ncc
// bundle without a separate worker file.
import { Worker } from 'node:worker_threads'
import { goDeflateSegments } from './goflate.js'

interface Job {
  resolve(segments: number[]): void
  reject(error: Error): void
}

// \`__name\` is the helper esbuild (tsx) wraps named functions in; the worker has none.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
var __name = (fn) => fn
const goDeflateSegments = ${goDeflateSegments.toString()}
parentPort.on('message', ({ id, buffer, start }) => {
  try {
    parentPort.postMessage({ id, segments: goDeflateSegments(new Uint8Array(buffer), start) })
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

  constructor(readonly size: number) {}

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
      worker.postMessage({ id, buffer, start: dictLength }, [buffer])
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
    this.workers.length = 0
  }
}
