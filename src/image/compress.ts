// Gzip size estimate of a layer, computed while it streams past. The layer is
// cut into blocks that are deflated at level 6 in parallel on libuv's worker
// threads (zlib's async API), each primed with the previous block's last
// 32 KiB as dictionary, as pigz does; so the matches a single stream would
// find across block boundaries are still found and the total is within a few
// bytes per block of one gzip stream. Memory: at most `concurrency` blocks.
import zlib from 'node:zlib'
import type { DeflatePool } from './deflate-pool.js'
import { addSegments, gzipBytesFromBits } from './goflate.js'

export const GZIP_LEVEL = 6
/** gzip header (10 bytes) + trailer (CRC32 + size, 8 bytes). */
const GZIP_FRAMING = 18
const WINDOW = 32 * 1024

export interface CompressorOptions {
  blockSize?: number
  concurrency?: number
  /**
   * Model Go's compress/flate (what `docker push` and BuildKit write, so registry
   * sizes match to the byte) on these worker threads; without it, zlib level 6
   * (faster, about 1% off on executables).
   */
  goPool?: DeflatePool | null
}

export class LayerCompressor {
  private readonly blockSize: number
  private readonly concurrency: number
  private parts: Buffer[] = []
  private partBytes = 0
  private dictionary: Buffer | null = null
  private inFlight = new Set<Promise<void>>()
  private compressed = 0
  private failure: Error | null = null
  /** Go model: each block's segments, in order. */
  private segments: number[][] = []
  /** Bytes of input taken. */
  bytesIn = 0

  constructor(options: CompressorOptions = {}) {
    this.blockSize = options.blockSize ?? 4 * 1024 * 1024
    this.concurrency = options.concurrency ?? 2
    this.goPool = options.goPool ?? null
  }

  private readonly goPool: DeflatePool | null

  /** Takes a chunk; resolves once there is room for more (backpressure). */
  async write(chunk: Buffer): Promise<void> {
    this.bytesIn += chunk.length
    let pos = 0
    while (pos < chunk.length) {
      const take = Math.min(this.blockSize - this.partBytes, chunk.length - pos)
      // Stream chunks are never reused by their producer, so a view is enough.
      this.parts.push(chunk.subarray(pos, pos + take))
      this.partBytes += take
      pos += take
      if (this.partBytes === this.blockSize) await this.flushBlock(false)
    }
  }

  /** Compressed size of everything written, as one gzip member. */
  async finish(): Promise<number> {
    await this.flushBlock(true)
    await Promise.all(this.inFlight)
    if (this.failure) throw this.failure
    if (this.goPool) return gzipBytesFromBits(this.segments.reduce((bits, s) => addSegments(bits, s), 0))
    return this.compressed + GZIP_FRAMING
  }

  private async flushBlock(last: boolean): Promise<void> {
    if (this.partBytes === 0 && !last) return
    const block = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.partBytes)
    this.parts = []
    this.partBytes = 0
    const dictionary = this.dictionary
    this.dictionary = block.length >= WINDOW ? block.subarray(block.length - WINDOW) : block.length > 0 ? Buffer.concat([dictionary ?? Buffer.alloc(0), block]).subarray(-WINDOW) : dictionary
    // A non-final block ends its deflate block without byte alignment (Z_BLOCK), as a single stream would carry on.
    const options: zlib.ZlibOptions = { level: GZIP_LEVEL, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_BLOCK }
    if (dictionary) options.dictionary = dictionary
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight)
    if (this.goPool) {
      const slot = this.segments.length
      this.segments.push([])
      const goJob: Promise<void> = this.goPool
        .run(dictionary, block)
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
