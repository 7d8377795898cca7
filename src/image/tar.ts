// A push-based tar reader: feed it chunks, it calls back with each entry's
// header and then its data, piece by piece, without buffering entry contents.
// Handles ustar/GNU/PAX headers (long names, large sizes). Used twice over a
// `docker save` stream: for the outer archive and for each layer tar inside it.

export type TarEntryType = 'file' | 'link' | 'symlink' | 'directory' | 'other'

export interface TarHeader {
  path: string
  type: TarEntryType
  size: number
  mode: number
  linkname: string
  /** The raw type flag ('0' file, '3' character device …), owner, mtime and device numbers, for re-serialising a header. */
  typeflag?: string
  uid?: number
  gid?: number
  mtime?: number
  devmajor?: number
  devminor?: number
  uname?: string
  gname?: string
}

/** What to do with an entry's data: a sink for its pieces (may return a promise for backpressure), or null to skip it. */
export interface EntrySink {
  data(chunk: Buffer): void | Promise<void>
  end(): void | Promise<void>
}

export type OnEntry = (header: TarHeader) => EntrySink | null

const BLOCK = 512

/** Thrown when the archive ends inside an entry or a header is damaged. */
export class TarError extends Error {
  override name = 'TarError'
}

export class TarReader {
  private pending: Buffer[] = []
  private pendingBytes = 0
  /** Data bytes left in the current entry, then padding to skip. */
  private remaining = 0
  private padding = 0
  private sink: EntrySink | null = null
  private inEntry = false
  private longName: string | null = null
  private longLink: string | null = null
  private pax: Record<string, string> = {}
  private globalPax: Record<string, string> = {}
  private ended = false
  /** Bytes consumed so far (for error messages). */
  offset = 0

  constructor(private readonly onEntry: OnEntry) {}

  /** Feeds the next chunk; resolves when the sinks have taken it. */
  async write(chunk: Buffer): Promise<void> {
    let pos = 0
    while (pos < chunk.length && !this.ended) {
      if (this.inEntry) {
        const take = Math.min(this.remaining, chunk.length - pos)
        if (take > 0) {
          const piece = chunk.subarray(pos, pos + take)
          pos += take
          this.remaining -= take
          this.offset += take
          if (this.sink) {
            const r = this.sink.data(piece)
            if (r) await r
          }
        }
        if (this.remaining === 0) {
          const skip = Math.min(this.padding, chunk.length - pos)
          pos += skip
          this.padding -= skip
          this.offset += skip
          if (this.padding === 0) {
            this.inEntry = false
            const sink = this.sink
            this.sink = null
            if (sink) {
              const r = sink.end()
              if (r) await r
            }
          }
        }
        continue
      }
      // Collect a full header block.
      const need = BLOCK - this.pendingBytes
      const take = Math.min(need, chunk.length - pos)
      this.pending.push(chunk.subarray(pos, pos + take))
      this.pendingBytes += take
      pos += take
      if (this.pendingBytes < BLOCK) continue
      const block = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending)
      this.pending = []
      this.pendingBytes = 0
      this.offset += BLOCK
      await this.header(block)
    }
  }

  /** Call after the last chunk: fails if the archive stopped inside an entry. */
  end(): void {
    if (this.inEntry) {
      throw new TarError(`the archive ends early, inside an entry (at byte ${this.offset}, ${this.remaining + this.padding} bytes missing)`)
    }
    if (this.pendingBytes > 0) throw new TarError(`the archive ends early, inside a tar header (at byte ${this.offset + this.pendingBytes})`)
  }

  /** True once the end-of-archive marker (a zero block) was read. */
  get finished(): boolean {
    return this.ended
  }

  private async header(block: Buffer): Promise<void> {
    if (isZeroBlock(block)) {
      this.ended = true
      return
    }
    if (!checksumOk(block)) throw new TarError(`damaged tar header at byte ${this.offset - BLOCK}`)
    const typeflag = String.fromCharCode(block[156] || 0x30)
    const size = readNumber(block, 124, 12)
    const dataBlocks = Math.ceil(size / BLOCK) * BLOCK
    // Meta entries whose data describes the next entry: read them whole (they are small).
    if (typeflag === 'L' || typeflag === 'K' || typeflag === 'x' || typeflag === 'g') {
      const parts: Buffer[] = []
      await this.startEntry(size, dataBlocks - size, {
        data: (c) => void parts.push(Buffer.from(c)),
        end: () => {
          const body = Buffer.concat(parts)
          if (typeflag === 'L') this.longName = cString(body)
          else if (typeflag === 'K') this.longLink = cString(body)
          else Object.assign(typeflag === 'x' ? this.pax : this.globalPax, parsePax(body))
        }
      })
      return
    }
    const pax = { ...this.globalPax, ...this.pax }
    let path = this.longName ?? pax.path ?? ustarName(block)
    const linkname = this.longLink ?? pax.linkpath ?? cString(block.subarray(157, 257))
    const realSize = pax.size !== undefined ? Number(pax.size) : size
    this.longName = this.longLink = null
    this.pax = {}
    if (path.startsWith('./')) path = path.slice(2)
    const header: TarHeader = {
      path,
      type: TYPES[typeflag] ?? 'other',
      size: realSize,
      mode: readNumber(block, 100, 8),
      linkname,
      typeflag,
      uid: readNumber(block, 108, 8),
      gid: readNumber(block, 116, 8),
      mtime: pax.mtime !== undefined ? Math.floor(Number(pax.mtime)) : readNumber(block, 136, 12),
      devmajor: readNumber(block, 329, 8),
      devminor: readNumber(block, 337, 8),
      uname: pax.uname ?? cString(block.subarray(265, 297)),
      gname: pax.gname ?? cString(block.subarray(297, 329))
    }
    const sink = this.onEntry(header)
    await this.startEntry(realSize, Math.ceil(realSize / BLOCK) * BLOCK - realSize, sink)
  }

  private async startEntry(size: number, padding: number, sink: EntrySink | null): Promise<void> {
    this.remaining = size
    this.padding = padding
    this.sink = sink
    this.inEntry = true
    if (size === 0 && padding === 0) {
      // Nothing to read: end the entry right away.
      this.inEntry = false
      this.sink = null
      if (sink) await sink.end()
    }
  }
}

const TYPES: Record<string, TarEntryType> = { '0': 'file', '\0': 'file', '7': 'file', '1': 'link', '2': 'symlink', '5': 'directory' }

function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false
  return true
}

function checksumOk(block: Buffer): boolean {
  const stored = readNumber(block, 148, 8)
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]
  return stored === sum
}

/** Octal, or GNU base-256 when the high bit is set (sizes over 8 GB). */
function readNumber(block: Buffer, offset: number, length: number): number {
  if (block[offset] & 0x80) {
    let value = block[offset] & 0x7f
    for (let i = 1; i < length; i++) value = value * 256 + block[offset + i]
    return value
  }
  const text = block
    .toString('latin1', offset, offset + length)
    .replace(/\0.*$/s, '')
    .trim()
  return text === '' ? 0 : parseInt(text, 8)
}

function cString(buf: Buffer): string {
  const nul = buf.indexOf(0)
  return buf.toString('utf8', 0, nul < 0 ? buf.length : nul)
}

function ustarName(block: Buffer): string {
  const name = cString(block.subarray(0, 100))
  const magic = block.toString('latin1', 257, 262)
  if (magic === 'ustar') {
    const prefix = cString(block.subarray(345, 500))
    if (prefix) return `${prefix}/${name}`
  }
  return name
}

function parsePax(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {}
  let pos = 0
  while (pos < body.length) {
    const space = body.indexOf(0x20, pos)
    if (space < 0) break
    const len = parseInt(body.toString('latin1', pos, space), 10)
    if (!len) break
    const record = body.toString('utf8', space + 1, pos + len - 1)
    const eq = record.indexOf('=')
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1)
    pos += len
  }
  return out
}
