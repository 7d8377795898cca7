// `cleanup: true`: remove the images this run built (head, base, suggestion),
// also when a later step fails. The builds record their ids on the run's
// Docker instance (`builtImages`: buildImage's iidfile, a bake run's
// metadata, a loaded archive); cleanup removes exactly those. An image that
// carries a tag is never removed (this run tags nothing, so a tag means
// someone else's image shares the id).
import type { DockerImages } from './images.js'
import type { Logger } from '../log.js'

/** Removes untagged images among `ids`; never throws (a leftover image is a warning). */
export async function removeBuiltImages(ids: readonly string[], images: Pick<DockerImages, 'tagCount' | 'remove'>, log: Pick<Logger, 'info' | 'warning'>): Promise<string[]> {
  const removed: string[] = []
  // Newest first: a suggestion or base image may share layers with the head, never the other way round.
  for (const id of [...ids].reverse()) {
    try {
      const tags = await images.tagCount(id)
      if (tags === null) continue // already gone
      if (tags !== 0) {
        log.info(`cleanup: keeping ${id.slice(0, 19)}, it is tagged (not only this run's)`)
        continue
      }
      const r = await images.remove(id)
      if (r.code === 0) removed.push(id)
      else log.warning(`cleanup: could not remove ${id.slice(0, 19)}: ${r.stderr.trim().split('\n').pop() ?? ''}`)
    } catch (error) {
      log.warning(`cleanup: could not remove ${id.slice(0, 19)}: ${(error as Error).message}`)
    }
  }
  if (removed.length > 0) log.info(`cleanup: removed ${removed.length} image(s) this run built`)
  return removed
}
