// Writes small tar archives in memory for tests: ustar headers, PAX records
// for long names, directories, symlinks and files with given contents, with
// the project's own header writer (src/image/tar-writer.ts).
import { tarHeaderBlock } from '../../src/image/tar-writer.js'

export interface TarInput {
  path: string
  type?: 'file' | 'dir' | 'symlink' | 'link'
  data?: Buffer | string
  mode?: number
  linkname?: string
}

const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512)

export function makeTar(entries: TarInput[], { end = true } = {}): Buffer {
  const parts: Buffer[] = []
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : (e.data ?? Buffer.alloc(0))
    const type = e.type ?? 'file'
    const size = type === 'file' ? data.length : 0
    // Long names as PAX records (the reader's harder path), never ustar's prefix field.
    const header = {
      path: e.path,
      type: ({ file: 'file', dir: 'directory', symlink: 'symlink', link: 'link' } as const)[type],
      size,
      mode: e.mode ?? (type === 'dir' ? 0o755 : 0o644),
      linkname: e.linkname ?? ''
    }
    parts.push(tarHeaderBlock(header, { longNames: 'pax' }))
    if (size) parts.push(data, pad(size))
  }
  if (end) parts.push(Buffer.alloc(1024))
  return Buffer.concat(parts)
}

/** Yields `buf` in chunks of `size` bytes, like a pipe would. */
export async function* chunks(buf: Buffer, size = 4096): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size)
}
