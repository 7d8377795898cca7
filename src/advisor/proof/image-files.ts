// The files of a built image, as its containers see them: `docker export` of
// a container that is created and never started (all layers merged, whiteouts
// applied), read once with the project's tar reader. Kept per path: type,
// mode, size and link target; for ELF files what the loader needs (and, for
// Go executables, their build info and run-time needs); for other executables
// their first line (a script's #!); the text of the few files the checks read
// (/etc/passwd, /etc/group, the loader's search path configuration).
import type { Docker } from '../../docker/docker.js'
import { isElf, readElfLinking, readGoBinary, type ElfLinking, type GoBinaryFacts } from '../../image/gobinary.js'
import { TarReader, type EntrySink, type TarHeader } from '../../image/tar.js'

export interface ImageEntry {
  type: 'file' | 'dir' | 'symlink' | 'other'
  mode: number
  size: number
  /** Symlink target as written. */
  target?: string
  /** A non-ELF executable's first bytes (a script's `#!` line). */
  head?: string
  elf?: ElfLinking
  go?: GoBinaryFacts
}

export interface ImageFiles {
  /** Absolute, normalised paths (`/etc/passwd`). */
  entries: Map<string, ImageEntry>
  /** Contents of the text files the checks read. */
  texts: Map<string, string>
}

const TEXT_FILE = /^\/etc\/(passwd|group|ld\.so\.conf|ld\.so\.conf\.d\/[^/]+\.conf|ld-musl-[^/]+\.path)$/
const TEXT_LIMIT = 1024 * 1024
const HEAD_BYTES = 256
/** Larger ELF files are recorded without their linking facts (never for a program anyone ships). */
const MAX_ELF_BYTES = 512 * 1024 * 1024

/** `./usr/bin/` → `/usr/bin`. */
export function normalise(p: string): string {
  const parts: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return `/${parts.join('/')}`
}

function entrySink(h: TarHeader, files: ImageFiles): EntrySink | null {
  const path = normalise(h.path)
  if (h.type === 'link') {
    // A hard link is the same file as its target, which came earlier in the archive.
    const target = files.entries.get(normalise(h.linkname))
    files.entries.set(path, target ? { ...target } : { type: 'file', mode: h.mode, size: 0 })
    return null
  }
  const type = h.type === 'directory' ? 'dir' : h.type
  const entry: ImageEntry = { type, mode: h.mode, size: h.size, ...(h.type === 'symlink' ? { target: h.linkname } : {}) }
  files.entries.set(path, entry)
  if (h.type !== 'file' || h.size === 0) return null
  const text = TEXT_FILE.test(path) && h.size <= TEXT_LIMIT
  const executable = (h.mode & 0o111) !== 0
  const parts: Buffer[] = []
  let bytes = 0
  let kind: 'elf' | 'head' | 'text' | 'skip' | null = text ? 'text' : null
  return {
    data(chunk) {
      if (kind === 'skip') return
      parts.push(Buffer.from(chunk))
      bytes += chunk.length
      if (kind === null && bytes >= Math.min(4, h.size)) {
        const first = Buffer.concat(parts)
        kind = isElf(first) && h.size <= MAX_ELF_BYTES ? 'elf' : executable ? 'head' : 'skip'
        if (kind === 'skip') parts.length = 0
      }
      if (kind === 'head' && bytes >= HEAD_BYTES) {
        entry.head = Buffer.concat(parts).toString('latin1', 0, HEAD_BYTES)
        kind = 'skip'
        parts.length = 0
      }
    },
    end() {
      const body = Buffer.concat(parts)
      if (kind === 'text') files.texts.set(path, body.toString('utf8'))
      else if (kind === 'head') entry.head = body.toString('latin1', 0, HEAD_BYTES)
      else if (kind === 'elf') {
        entry.elf = readElfLinking(body) ?? undefined
        const go = executable ? readGoBinary(body) : null
        if (go) entry.go = go
      }
    }
  }
}

/** Reads an image's exported file system (a tar stream). */
export async function collectImageFiles(stream: AsyncIterable<Buffer>): Promise<ImageFiles> {
  const files: ImageFiles = { entries: new Map([['/', { type: 'dir', mode: 0o755, size: 0 }]]), texts: new Map() }
  const reader = new TarReader((h) => entrySink(h, files))
  for await (const chunk of stream) await reader.write(chunk)
  reader.end()
  return files
}

/** The files of `imageId`, from its exported file system (a container created, never started, and removed). */
export function readImageFiles(imageId: string, docker: Docker): Promise<ImageFiles> {
  return docker.containers.exportFileSystem(imageId, collectImageFiles)
}
