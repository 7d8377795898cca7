// The gzip size `docker push` would give a layer, estimated while the layer
// streams past (the fallback where the engine's own push cannot size it). The
// layer is cut into blocks that a Go model (deflate-pool.ts) sizes in
// parallel on worker threads, each primed with the data before it and cut as
// that Go release's compress/flate needs (push-flavor.ts), so the matches a
// single stream would find across block boundaries are still found.
// Memory: at most `concurrency` blocks.
import type { DeflatePool } from './deflate-pool.js'
import { addSegments } from './goflate.js'
import { FLAVOR_LAYOUT, type FlavorLayout } from './push-flavor.js'

export interface CompressorOptions {
  blockSize?: number
  concurrency?: number
  /** The worker threads that model Go's compress/flate, in the pool's flavor (the pushing engine's). */
  goPool: DeflatePool
}

export class LayerCompressor {
  private readonly blockSize: number
  private readonly concurrency: number
  private readonly goPool: DeflatePool
  private readonly layout: FlavorLayout
  /** Bytes of the previous block a block is primed with. */
  private readonly window: number
  private parts: Buffer[] = []
  private partBytes = 0
  private dictionary: Buffer | null = null
  private inFlight = new Set<Promise<void>>()
  private failure: Error | null = null
  /** Go model: each block's segments, in order. */
  private segments: number[][] = []
  /** Bytes already sent to be modelled. */
  private bytesSent = 0
  /** Bytes of input taken. */
  bytesIn = 0

  constructor(options: CompressorOptions) {
    this.goPool = options.goPool
    this.layout = FLAVOR_LAYOUT[this.goPool.flavor]
    // Go 1.27 deflates in 65535-byte chunks: blocks that start on a chunk are modelled as Go sees them.
    const chunk = this.layout.chunkBytes
    this.blockSize = Math.max(chunk, Math.floor((options.blockSize ?? 4 * 1024 * 1024) / chunk) * chunk)
    this.window = this.layout.dictionaryBytes
    this.concurrency = options.concurrency ?? 2
  }

  /** Takes a chunk; resolves once there is room for more (backpressure). */
  async write(chunk: Buffer): Promise<void> {
    this.bytesIn += chunk.length
    let pos = 0
    while (pos < chunk.length) {
      // A full block is sent once more data follows it: the last block ends the stream (finish).
      if (this.partBytes === this.blockSize) await this.flushBlock(false)
      const take = Math.min(this.blockSize - this.partBytes, chunk.length - pos)
      // Stream chunks are never reused by their producer, so a view is enough.
      this.parts.push(chunk.subarray(pos, pos + take))
      this.partBytes += take
      pos += take
    }
  }

  /** Compressed size of everything written, as one gzip member. */
  async finish(): Promise<number> {
    await this.flushBlock(true)
    await Promise.all(this.inFlight)
    if (this.failure) throw this.failure
    return this.layout.gzipBytesFromBits(this.segments.reduce((bits, s) => addSegments(bits, s), 0))
  }

  private async flushBlock(last: boolean): Promise<void> {
    if (this.partBytes === 0 && !last) return
    const block = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.partBytes)
    this.parts = []
    this.partBytes = 0
    const exact = this.bytesSent < this.layout.exactLeadBytes
    this.bytesSent += block.length
    const dictionary = this.dictionary
    const window = this.window
    this.dictionary = block.length >= window ? block.subarray(block.length - window) : block.length > 0 ? Buffer.concat([dictionary ?? Buffer.alloc(0), block]).subarray(-window) : dictionary
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight)
    const slot = this.segments.length
    this.segments.push([])
    const job: Promise<void> = this.goPool
      .run(dictionary, block, last, exact)
      .then(
        (segments) => void (this.segments[slot] = segments),
        (error: Error) => void (this.failure = error)
      )
      .then(() => void this.inFlight.delete(job))
    this.inFlight.add(job)
  }
}
