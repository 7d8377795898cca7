// Gzip size estimate of a layer, computed while it streams past. The layer is
// cut into blocks that are deflated at level 6 in parallel on libuv's worker
// threads (zlib's async API), each primed with the previous block's last
// 32 KiB as dictionary, as pigz does; so the matches a single stream would
// find across block boundaries are still found and the total is within a few
// bytes per block of one gzip stream. With a Go model (deflate-pool.ts) the
// blocks go to its workers instead, cut and primed as that Go release's
// compress/flate needs (push-flavor.ts). Memory: at most `concurrency` blocks.
import zlib from 'node:zlib'
import type { DeflatePool } from './deflate-pool.js'
import { addSegments } from './goflate.js'
import { FLAVOR_LAYOUT, type FlavorLayout } from './push-flavor.js'

export const GZIP_LEVEL = 6
/** gzip header (10 bytes) + trailer (CRC32 + size, 8 bytes). */
const GZIP_FRAMING = 18
const WINDOW = 32 * 1024

export interface CompressorOptions {
  blockSize?: number
  concurrency?: number
  /**
   * Model Go's compress/flate (what `docker push` and BuildKit write, so registry
   * sizes match to the byte) on these worker threads, in the pool's flavor;
   * without it, zlib level 6 (faster, about 1% off on executables).
   */
  goPool?: DeflatePool | null
}

export class LayerCompressor {
  private readonly blockSize: number
  private readonly concurrency: number
  private readonly goPool: DeflatePool | null
  private readonly layout: FlavorLayout | null
  /** Bytes of the previous block a block is primed with. */
  private readonly window: number
  private parts: Buffer[] = []
  private partBytes = 0
  private dictionary: Buffer | null = null
  private inFlight = new Set<Promise<void>>()
  private compressed = 0
  private failure: Error | null = null
  /** Go model: each block's segments, in order. */
  private segments: number[][] = []
  /** Bytes already sent to be modelled. */
  private bytesSent = 0
  /** Bytes of input taken. */
  bytesIn = 0

  constructor(options: CompressorOptions = {}) {
    this.goPool = options.goPool ?? null
    this.layout = this.goPool ? FLAVOR_LAYOUT[this.goPool.flavor] : null
    // Go 1.27 deflates in 65535-byte chunks: blocks that start on a chunk are modelled as Go sees them.
    const chunk = this.layout?.chunkBytes ?? 1
    this.blockSize = Math.max(chunk, Math.floor((options.blockSize ?? 4 * 1024 * 1024) / chunk) * chunk)
    this.window = this.layout?.dictionaryBytes ?? WINDOW
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
    if (this.layout) return this.layout.gzipBytesFromBits(this.segments.reduce((bits, s) => addSegments(bits, s), 0))
    return this.compressed + GZIP_FRAMING
  }

  private async flushBlock(last: boolean): Promise<void> {
    if (this.partBytes === 0 && !last) return
    const block = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.partBytes)
    this.parts = []
    this.partBytes = 0
    const exact = this.bytesSent < (this.layout?.exactLeadBytes ?? 0)
    this.bytesSent += block.length
    const dictionary = this.dictionary
    const window = this.window
    this.dictionary = block.length >= window ? block.subarray(block.length - window) : block.length > 0 ? Buffer.concat([dictionary ?? Buffer.alloc(0), block]).subarray(-window) : dictionary
    // A non-final block ends its deflate block without byte alignment (Z_BLOCK), as a single stream would carry on.
    const options: zlib.ZlibOptions = { level: GZIP_LEVEL, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_BLOCK }
    if (dictionary) options.dictionary = dictionary
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight)
    if (this.goPool) {
      const slot = this.segments.length
      this.segments.push([])
      const goJob: Promise<void> = this.goPool
        .run(dictionary, block, last, exact)
        .then(
          (segments) => void (this.segments[slot] = segments),
          (error: Error) => void (this.failure = error)
        )
        .then(() => void this.inFlight.delete(goJob))
      this.inFlight.add(goJob)
      return
    }
    const job: Promise<void> = new Promise<void>((resolve) => {
      zlib.deflateRaw(block, options, (error, out) => {
        if (error) this.failure = error
        else this.compressed += out.length
        resolve()
      })
    }).then(() => void this.inFlight.delete(job))
    this.inFlight.add(job)
  }
}
