// Path resolution inside an image's file list, as the kernel does it:
// symlinks followed (relative to their directory), a file in the middle of a
// path is "not a directory", PATH searched for a bare command name. Pure.
import type { ImageEntry, ImageFiles } from './image-files.js'
import { normalise } from './image-files.js'

export type Resolved = { ok: true; path: string; entry: ImageEntry } | { ok: false; reason: string }

const MAX_HOPS = 40

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** Follows `p` (absolute) through the image's symlinks to the entry it names. */
export function resolvePath(files: ImageFiles, p: string): Resolved {
  let pending = normalise(p).split('/').filter(Boolean)
  let current = ''
  for (let hops = 0; pending.length > 0;) {
    const name = pending.shift()!
    const next = `${current}/${name}`
    const entry = files.entries.get(next)
    if (!entry) return { ok: false, reason: `${normalise(p)}: no such file or directory` }
    if (entry.type === 'symlink') {
      if (++hops > MAX_HOPS) return { ok: false, reason: `${normalise(p)}: too many levels of symbolic links` }
      const target = entry.target ?? ''
      const absolute = target.startsWith('/') ? target : `${current}/${target}`
      pending = [...normalise(absolute).split('/').filter(Boolean), ...pending]
      current = ''
      continue
    }
    if (pending.length > 0 && entry.type !== 'dir') return { ok: false, reason: `${normalise(p)}: not a directory (${next} is a file)` }
    current = next
  }
  const entry = files.entries.get(current || '/')
  return entry ? { ok: true, path: current || '/', entry } : { ok: false, reason: `${normalise(p)}: no such file or directory` }
}

/** Whether anything lies under a directory (a non-empty zoneinfo or certificate directory). */
export function hasFilesUnder(files: ImageFiles, dir: string): boolean {
  const resolved = resolvePath(files, dir)
  if (!resolved.ok || resolved.entry.type !== 'dir') return false
  const prefix = resolved.path === '/' ? '/' : `${resolved.path}/`
  for (const [p, e] of files.entries) if (p.startsWith(prefix) && e.type !== 'dir') return true
  return false
}

export const isExecutableFile = (entry: ImageEntry): boolean => entry.type === 'file' && (entry.mode & 0o111) !== 0

/**
 * Where the kernel (via runc) finds a command: a name with a slash is a path
 * (relative to the working directory), a bare name is looked up on PATH.
 */
export function findCommand(files: ImageFiles, command: string, workingDir: string, pathEnv: string): Resolved & { searched?: string[] } {
  if (command.includes('/')) {
    const p = command.startsWith('/') ? command : `${workingDir || '/'}/${command}`
    return resolvePath(files, p)
  }
  const searched = pathEnv.split(':').filter(Boolean)
  for (const dir of searched) {
    const found = resolvePath(files, `${dir}/${command}`)
    if (found.ok && isExecutableFile(found.entry)) return found
  }
  return { ok: false, reason: `"${command}": executable file not found in $PATH (${searched.join(':')})`, searched }
}

/** The value of NAME in a config's `NAME=value` list. */
export function envValue(env: string[], name: string): string | null {
  const hit = [...env].reverse().find((e) => e.startsWith(`${name}=`))
  return hit === undefined ? null : hit.slice(name.length + 1)
}
