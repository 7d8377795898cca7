// Writes small tar archives in memory for tests: ustar headers, PAX records
// for long names, directories, symlinks and files with given contents.
export interface TarInput {
  path: string
  type?: 'file' | 'dir' | 'symlink' | 'link'
  data?: Buffer | string
  mode?: number
  linkname?: string
}

function header(name: string, size: number, typeflag: string, mode: number, linkname = ''): Buffer {
  const block = Buffer.alloc(512)
  block.write(name.slice(0, 100), 0, 'utf8')
  block.write(mode.toString(8).padStart(7, '0') + '\0', 100, 'latin1')
  block.write('0000000\0', 108, 'latin1')
  block.write('0000000\0', 116, 'latin1')
  block.write(size.toString(8).padStart(11, '0') + '\0', 124, 'latin1')
  block.write('00000000000\0', 136, 'latin1')
  block.write('        ', 148, 'latin1')
  block.write(typeflag, 156, 'latin1')
  block.write(linkname, 157, 'utf8')
  block.write('ustar\0' + '00', 257, 'latin1')
  let sum = 0
  for (const b of block) sum += b
  block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1')
  return block
}

const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512)

export function makeTar(entries: TarInput[], { end = true } = {}): Buffer {
  const parts: Buffer[] = []
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : (e.data ?? Buffer.alloc(0))
    const type = e.type ?? 'file'
    const flag = { file: '0', dir: '5', symlink: '2', link: '1' }[type]
    let name = e.path
    if (Buffer.byteLength(name) > 100) {
      const record = (k: string, v: string) => {
        const body = ` ${k}=${v}\n`
        let len = body.length + 1
        while (String(len).length + body.length !== len) len = String(len).length + body.length
        return `${len}${body}`
      }
      const pax = Buffer.from(record('path', name))
      parts.push(header('PaxHeader', pax.length, 'x', 0o644), pax, pad(pax.length))
      name = name.slice(0, 99)
    }
    const size = type === 'file' ? data.length : 0
    parts.push(header(name, size, flag, e.mode ?? (type === 'dir' ? 0o755 : 0o644), e.linkname ?? ''))
    if (size) parts.push(data, pad(size))
  }
  if (end) parts.push(Buffer.alloc(1024))
  return Buffer.concat(parts)
}

/** Yields `buf` in chunks of `size` bytes, like a pipe would. */
export async function* chunks(buf: Buffer, size = 4096): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size)
}
