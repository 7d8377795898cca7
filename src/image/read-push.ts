// Reading an image's layers with, or instead of, the engine's own push
// (push-sizes.ts), on the classic store when some layer's compressed size is
// not known yet:
//   - when every layer the push may skip is cached, the push alone reads the
//     image: each uploaded layer is unpacked and scanned as it arrives (its
//     diff id the one at its place in the image, push-sizes.ts), the config
//     is the one pushed, the skipped
//     layers' scans come from the cache. No `docker save` at all;
//   - otherwise (a base layer whose size a registry knows, never scanned) the
//     push runs beside the usual read (read-layers.ts), which then estimates
//     nothing.
// Where the engine cannot reach the endpoint, or the push fails, the layers
// are read again with estimates, and the reason is reported.
//
// On the containerd store the push only reads (its blobs' sizes are exact as
// stored): there a push that cannot be used sends the read back to `docker
// save`, whose sizes are exact too, and nothing is estimated.
import { errorMessage } from '../errors.js'
import type { Logger } from '../log.js'
import type { KnownSizes } from './known-sizes.js'
import type { PushEndpoint, PushSizes, Unavailable } from './push-sizes.js'
import { cachedLayerScan, type ReadLayers } from './read-layers.js'
import type { LayerScan, SavedImage } from './save.js'

export interface ReadAndPush {
  read: ReadLayers
  pushed: PushSizes | null
  /** Why the layers without a known size were estimated (null when they were pushed, or none was missing). */
  fallback: string | null
  /** Settles once the endpoint is closed and its temporary tag removed, which goes on after this returns: the caller waits for it before it returns. */
  cleanup: Promise<void>
}

export async function readAndPush(
  diffIds: string[],
  known: KnownSizes,
  opening: Promise<PushEndpoint | Unavailable> | null,
  readWith: (estimate: boolean) => Promise<ReadLayers>,
  log?: Logger,
  /** What the pushed sizes are: the engine's compressor's (`push`), or the containerd store's blobs as stored (`image-store`). */
  sizeSource: 'push' | 'image-store' = 'push'
): Promise<ReadAndPush> {
  // Why the push is not used: on the classic store the sizes are estimated instead, on the containerd store read from the save stream.
  const without = (reason: string): string | null => {
    if (sizeSource === 'image-store') {
      log?.debug(`the layers are read from docker save: ${reason}\n`)
      return null
    }
    log?.info(`compressed sizes are estimated: ${reason}\n`)
    return reason
  }
  const missing = diffIds.some((d) => !known.exact.has(d))
  if (!opening || !missing) {
    // Nothing to push: the endpoint (if any) is closed, its tag removed, beside the read.
    const cleanup = opening ? opening.then((e) => ('close' in e ? e.close() : e.cleanup)) : Promise.resolve()
    return { read: await readBeside(readWith(true), cleanup), pushed: null, fallback: null, cleanup }
  }
  const endpoint = await opening
  if ('unavailable' in endpoint) {
    const fallback = without(endpoint.unavailable)
    return { read: await readBeside(readWith(true), endpoint.cleanup), pushed: null, fallback, cleanup: endpoint.cleanup }
  }
  // A layer the push may skip (its size is known) must be cached for the push alone to read the image.
  const pushReads = diffIds.every((d) => known.entries.get(d)?.scan || !known.exact.has(d))
  let pushed: PushSizes
  let reading: Promise<ReadLayers> | null = null
  try {
    if (!pushReads) reading = readWith(false)
    const settled = await Promise.allSettled([endpoint.push(pushReads), reading])
    if (settled[1].status === 'rejected') throw settled[1].reason
    pushed = settled[0].status === 'fulfilled' ? settled[0].value : { ok: false, reason: errorMessage(settled[0].reason) }
  } catch (error) {
    await endpoint.close()
    throw error
  }
  // The engine removes the tag while the layers are read and assembled.
  const cleanup = endpoint.close()
  if (!pushed.ok) {
    const fallback = without(pushed.reason)
    return { read: await readBeside(readWith(true), cleanup), pushed, fallback, cleanup }
  }
  pushed.layers.forEach((layer, i) => {
    // A layer the engine skipped keeps the source its size was known from.
    if (layer.uploaded || !known.exact.has(diffIds[i])) known.exact.set(diffIds[i], { size: layer.size, source: sizeSource, digest: layer.digest })
  })
  const saved = pushReads ? savedFromPush(diffIds, pushed, known) : null
  // Every size is known now: the read beside the push, or the push's own, or (a layer the push could not read) a read without estimates.
  const read = reading ? await reading : (saved ?? (await readBeside(readWith(false), cleanup)))
  return { read, pushed, fallback: null, cleanup }
}

/** The read, the cleanup going on beside it: waited for here only when the read fails (the caller waits for it otherwise). */
async function readBeside(reading: Promise<ReadLayers>, cleanup: Promise<void>): Promise<ReadLayers> {
  try {
    return await reading
  } catch (error) {
    await Promise.allSettled([cleanup])
    throw error
  }
}

/** The image as the push read it (the skipped layers from the cache), or null when some layer or the config is missing. */
function savedFromPush(diffIds: string[], pushed: Extract<PushSizes, { ok: true }>, known: KnownSizes): ReadLayers | null {
  if (!pushed.config) return null
  const layers = new Map<string, LayerScan>()
  const layerPaths: string[] = []
  let bytesRead = 0
  let layersRead = 0
  for (const [i, layer] of pushed.layers.entries()) {
    const entryPath = `push:${i}`
    const entry = known.entries.get(diffIds[i])
    const scan = layer.scan ? { ...layer.scan, entryPath } : entry?.scan ? cachedLayerScan(entry, entryPath) : null
    if (!scan) return null
    if (layer.scan) {
      bytesRead += scan.tarBytes
      layersRead++
    }
    layers.set(entryPath, scan)
    layerPaths.push(entryPath)
  }
  const saved: SavedImage = { layout: 'push', layerPaths, config: pushed.config, layers, ociLayerSizes: null, bytesRead }
  return { saved, layersRead, fastPathSkipped: null }
}

/** The work's result once the cleanup beside it has ended too (whether the work failed or not). */
export async function besideCleanup<T>(work: Promise<T>, cleanup: Promise<unknown>): Promise<T> {
  const [done] = await Promise.allSettled([work, cleanup])
  if (done.status === 'rejected') throw done.reason
  return done.value
}
