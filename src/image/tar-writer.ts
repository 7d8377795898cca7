// Writes tar headers: the overlay2 fast path re-serialises a layer directory
// as the layer tar (overlay.ts), and the tests build archives with it. The
// reader is tar.ts.
import type { TarHeader } from './tar.js'

/**
 * A ustar header block as Go's archive/tar writes it: a PAX record first for
 * names or link names that do not fit (`longNames: 'pax'` always uses one for
 * a long name, never ustar's prefix field).
 */
export function tarHeaderBlock(h: TarHeader, options: { longNames?: 'prefix' | 'pax' } = {}): Buffer {
  const typeflag = h.typeflag ?? { file: '0', link: '1', symlink: '2', directory: '5', other: '0' }[h.type]
  const pax: string[] = []
  let name = h.path
  let prefix = ''
  if (Buffer.byteLength(name) > 100) {
    // ustar's prefix field holds up to 155 bytes of the directory part.
    const cut = name.lastIndexOf('/', name.length - 2)
    if (options.longNames !== 'pax' && cut > 0 && Buffer.byteLength(name.slice(0, cut)) <= 155 && Buffer.byteLength(name.slice(cut + 1)) <= 100) {
      prefix = name.slice(0, cut)
      name = name.slice(cut + 1)
    } else {
      pax.push(paxRecord('path', h.path))
      name = name.slice(0, 99)
    }
  }
  if (Buffer.byteLength(h.linkname) > 100) pax.push(paxRecord('linkpath', h.linkname))
  const main = ustarBlock(name, prefix, h.size, typeflag, h.mode, h.linkname.slice(0, 100), h)
  if (pax.length === 0) return main
  const body = Buffer.from(pax.join(''))
  const paxHeader = ustarBlock(`PaxHeaders.0/${name}`.slice(0, 99), '', body.length, 'x', 0o644, '', h)
  return Buffer.concat([paxHeader, body, Buffer.alloc((512 - (body.length % 512)) % 512), main])
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`
  const bodyBytes = Buffer.byteLength(body)
  let len = bodyBytes + 1
  while (String(len).length + bodyBytes !== len) len = String(len).length + bodyBytes
  return `${len}${body}`
}

function ustarBlock(name: string, prefix: string, size: number, typeflag: string, mode: number, linkname: string, h: TarHeader): Buffer {
  const block = Buffer.alloc(512)
  const octal = (value: number, offset: number, length: number) => block.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, 'latin1')
  block.write(name, 0, 100, 'utf8')
  octal(mode, 100, 8)
  octal(h.uid ?? 0, 108, 8)
  octal(h.gid ?? 0, 116, 8)
  octal(size, 124, 12)
  octal(h.mtime ?? 0, 136, 12)
  block.write('        ', 148, 'latin1')
  block.write(typeflag, 156, 'latin1')
  block.write(linkname, 157, 100, 'utf8')
  block.write('ustar\x0000', 257, 'latin1')
  block.write(h.uname ?? '', 265, 32, 'utf8')
  block.write(h.gname ?? '', 297, 32, 'utf8')
  octal(h.devmajor ?? 0, 329, 8)
  octal(h.devminor ?? 0, 337, 8)
  block.write(prefix, 345, 155, 'utf8')
  let sum = 0
  for (const b of block) sum += b
  block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1')
  return block
}
