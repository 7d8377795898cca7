// `cleanup: true`: remove the images this run built (head, base, suggestion),
// also when a later step fails. Builds are recognised where they all pass, the
// exec call `docker buildx build … --iidfile FILE` (or `docker buildx bake …
// --metadata-file FILE`, or `docker load` of an exported archive); the image
// id is read right after the build. An image that carries a tag is never
// removed (this run tags nothing, so a tag means someone else's image shares
// the id).
import { readFile } from 'node:fs/promises'
import type { Exec } from '../exec.js'
import type { Logger } from '../log.js'

export interface BuildTracker {
  exec: Exec
  /** Ids of the images built so far, in build order, without repeats. */
  readonly imageIds: string[]
}

const readJson = async (file: string): Promise<Record<string, unknown>> => {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as unknown
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export function trackBuilds(exec: Exec): BuildTracker {
  const imageIds: string[] = []
  const tracked: Exec = async (command, args, options) => {
    const result = await exec(command, args, options)
    const iid = args.indexOf('--iidfile')
    let id = ''
    if (command === 'docker' && args[0] === 'buildx' && args[1] === 'build' && iid > 0 && result.code === 0 && !args.some((a) => a.startsWith('type=docker,dest='))) {
      id = (await readFile(args[iid + 1], 'utf8').catch(() => '')).trim()
    }
    // A bake run that loads its images records their ids in its metadata file (src/bake/build.ts).
    const metadata = args.indexOf('--metadata-file')
    if (command === 'docker' && args[0] === 'buildx' && args[1] === 'bake' && metadata > 0 && result.code === 0) {
      for (const entry of Object.values(await readJson(args[metadata + 1]))) {
        const digest = (entry as Record<string, unknown> | null)?.['containerimage.config.digest']
        if (typeof digest === 'string' && /^sha256:[0-9a-f]{64}$/.test(digest) && !imageIds.includes(digest)) imageIds.push(digest)
      }
    }
    // An exported archive becomes an image when it is loaded.
    if (command === 'docker' && args[0] === 'load' && result.code === 0) id = /Loaded image ID: (sha256:[0-9a-f]{64})/.exec(result.stdout)?.[1] ?? ''
    if (id && !imageIds.includes(id)) imageIds.push(id)
    return result
  }
  return { exec: tracked, imageIds }
}

/** Removes untagged images among `ids`; never throws (a leftover image is a warning). */
export async function removeBuiltImages(ids: readonly string[], exec: Exec, log: Pick<Logger, 'info' | 'warning'>): Promise<string[]> {
  const removed: string[] = []
  // Newest first: a suggestion or base image may share layers with the head, never the other way round.
  for (const id of [...ids].reverse()) {
    try {
      const tags = await exec('docker', ['image', 'inspect', '--format', '{{len .RepoTags}}', id])
      if (tags.code !== 0) continue // already gone
      if (tags.stdout.trim() !== '0') {
        log.info(`cleanup: keeping ${id.slice(0, 19)}, it is tagged (not only this run's)`)
        continue
      }
      const r = await exec('docker', ['image', 'rm', id])
      if (r.code === 0) removed.push(id)
      else log.warning(`cleanup: could not remove ${id.slice(0, 19)}: ${r.stderr.trim().split('\n').pop() ?? ''}`)
    } catch (error) {
      log.warning(`cleanup: could not remove ${id.slice(0, 19)}: ${(error as Error).message}`)
    }
  }
  if (removed.length > 0) log.info(`cleanup: removed ${removed.length} image(s) this run built`)
  return removed
}
