// Exact compressed sizes from the engine's own compressor (classic store):
// the image is pushed, under a temporary tag, to an endpoint this process
// serves on loopback (src/registry/sink.ts), which counts each blob and stores
// nothing. Each layer's size is then what this engine writes to a registry,
// whichever Go it was built with. Blobs whose size is already known (the base
// image's registry blobs, layers pushed before) are answered as present, so
// the engine skips them.
//
// The containerd store pushes its blobs as stored (their sizes are exact
// already): there the push serves to read only the layers not cached yet,
// where `docker save` streams every blob. Only the image's platform manifest
// is pushed (`--platform`: no index, no attestations), and its config, whose
// digest is not that store's image id, must list the image's layers.
//
// The daemon is a separate process: it reaches 127.0.0.1 only when it shares
// this process's network namespace. A daemon elsewhere (DOCKER_HOST tcp:// or
// ssh:// to another host) is not asked; any other (a job container with the
// host's socket, rootless networking, a VM) is found out by a pull from the
// endpoint that never arrives. Then, as when a push fails or stalls, the
// caller estimates instead. The tag is removed whatever happens; the endpoint
// listens only while it is needed.
import { randomBytes } from 'node:crypto'
import type { Docker } from '../docker/docker.js'
import type { EngineInfo } from '../docker/engine.js'
import { errorMessage } from '../errors.js'
import type { Logger } from '../log.js'
import type { PushOutcome } from '../docker/push.js'
import { PushSink } from '../registry/sink.js'
import { pushedBlobReader, type LayerScan, type PushedBlobRead, type SavedImage } from './save.js'

export interface PushOptions {
  /** The host (and port) the engine is told to push to; default 127.0.0.1 and the port the endpoint listens on. */
  address?: string
  /** How long the reachability probe may take (default 15 s). */
  probeTimeoutMs?: number
  /** A push that sends nothing for this long is stopped (default 60 s). */
  stallMs?: number
  /** On the containerd store, the image size (its blobs') from which the push reads the image instead of `docker save` (default 16 MiB). */
  storeMinBytes?: number
}

export interface PushedLayer {
  digest: string
  size: number
  /** False when the engine skipped it as already present (its size was known). */
  uploaded: boolean
  /** The layer read from its upload, when the push was asked to read them. */
  scan: LayerScan | null
}

export type PushSizes =
  | {
      ok: true
      layers: PushedLayer[]
      endpoint: string
      /** The image config as pushed (its digest is the image id), when the push read its blobs. */
      config: SavedImage['config'] | null
    }
  | { ok: false; reason: string }

/** Why the engine's push cannot be used; `cleanup` settles once the endpoint is closed and the tag removed. */
export interface Unavailable {
  unavailable: string
  cleanup: Promise<void>
}

/** An endpoint the engine was shown to reach, the image tagged for it: one push, or none. */
export interface PushEndpoint {
  /** Pushes once; `readBlobs` unpacks and scans each uploaded layer (and keeps the config) as it arrives. */
  push(readBlobs: boolean): Promise<PushSizes>
  /** Closes the endpoint and settles once the tag is removed (after `push`, or instead of it: the tag is removed either way). */
  close(): Promise<void>
}

const LOOPBACK_HOST = /^(unix:\/\/|tcp:\/\/(127\.[\d.]+|localhost|\[::1\])(:\d+)?\/?$)/

/** Why a daemon reached through `host` cannot reach this machine's loopback, or null when only a probe can tell. */
export function remoteDaemon(host: string | null): string | null {
  if (host === null || LOOPBACK_HOST.test(host)) return null
  return `the Docker daemon at ${host} is not on this machine`
}

/**
 * Opens the endpoint, tags the image for it, and shows that the engine
 * reaches it; otherwise says why not (the tag removed, the endpoint closed).
 * `known` maps blob digests to their sizes, answered as present: it may be
 * filled until `push` is called.
 */
export async function openPushEndpoint(
  engine: EngineInfo,
  image: { id: string; diffIds: string[]; platform: string },
  known: ReadonlyMap<string, number>,
  options: PushOptions,
  deps: { docker: Docker; log?: Logger }
): Promise<PushEndpoint | Unavailable> {
  const commands = deps.docker.push
  const containerdStore = engine.store === 'containerd'
  const remote = remoteDaemon(await commands.daemonHost())
  if (remote) return { unavailable: remote, cleanup: Promise.resolve() }
  const repository = `go-image-budget-measure/${randomBytes(8).toString('hex')}`
  let readBlobs = false
  const sink = await PushSink.open<PushedBlobRead>({ repository, known, inspect: () => (readBlobs ? pushedBlobReader() : null) })
  const address = options.address ?? '127.0.0.1'
  const endpoint = address.includes(':') ? address : `${address}:${sink.port}`
  const ref = `${endpoint}/${repository}:${image.id.replace(/^sha256:/, '').slice(0, 12)}`
  const untag = (references: number | null) =>
    commands.untag(ref, image.id, references).catch((error: unknown) => deps.log?.warning(`the temporary tag ${ref} could not be removed: ${errorMessage(error)}`))
  // The probe and the tag at once: a tag the probe finds useless is removed again.
  const [probed, tagged] = await Promise.allSettled([commands.probe(`${endpoint}/${repository}:probe`, options.probeTimeoutMs ?? 15_000), commands.tag(image.id, ref)])
  if (probed.status === 'rejected' || tagged.status === 'rejected' || !sink.reached) {
    // Cleaned up while the caller goes on without the push.
    const cleanup = (async () => {
      await sink.close()
      if (tagged.status === 'fulfilled') await untag(null)
    })()
    if (probed.status === 'rejected') return { unavailable: `the reachability probe failed: ${errorMessage(probed.reason)}`, cleanup }
    if (!sink.reached) {
      const why = engine.rootless ? 'a rootless daemon has a network namespace of its own' : 'the daemon runs in another network namespace: a container, a VM, or this run in a job container'
      return { unavailable: `the Docker daemon cannot reach ${endpoint} (${why})`, cleanup }
    }
    return { unavailable: tagged.status === 'rejected' ? errorMessage(tagged.reason) : 'the image could not be tagged', cleanup }
  }
  // The tag's removal once the push has ended: not awaited there, so the
  // caller reads the sizes while the engine removes it; `close` waits for it.
  let untagged: Promise<void> | null = null
  return {
    async push(read) {
      readBlobs = read
      const stallMs = options.stallMs ?? 60_000
      sink.lastActivity = Date.now()
      // Counted while the push runs: whether removing the tag would remove the image's last reference.
      const references = commands.references(image.id, containerdStore).catch(() => null)
      let outcome
      try {
        const platform = containerdStore ? image.platform || undefined : undefined
        outcome = await commands.push(ref, () => Date.now() - sink.lastActivity > stallMs, Math.min(1000, stallMs / 4), platform)
      } finally {
        untagged = references.then(untag)
      }
      return judge(sink, endpoint, image, containerdStore, outcome, stallMs)
    },
    async close() {
      await sink.close()
      await (untagged ?? untag(null))
    }
  }
}

/**
 * What the push left in the endpoint: every layer's size, or why there is none to trust.
 * The manifest must be the image's: its config is the image id (classic store), or on the
 * containerd store (whose id names a manifest or an index) the config read lists its layers.
 */
function judge(sink: PushSink<PushedBlobRead>, endpoint: string, image: { id: string; diffIds: string[] }, containerdStore: boolean, outcome: PushOutcome, stallMs: number): PushSizes {
  const manifest = sink.manifest
  if (outcome.code === null) return { ok: false, reason: `the push sent nothing for ${Math.round(stallMs / 1000)} s and was stopped` }
  if (!manifest) return { ok: false, reason: `the push ended without a manifest: ${outcome.stderr.split('\n').pop() || `exit ${outcome.code}`}` }
  if (sink.problems.length > 0) return { ok: false, reason: sink.problems.join('; ') }
  const read = (digest: string) => sink.inspected.get(digest)
  const pushedConfig = read(manifest.config.digest)
  const config = pushedConfig?.kind === 'config' ? pushedConfig.config : null
  const isImage = containerdStore ? sameList(config?.rootfs?.diff_ids, image.diffIds) : manifest.config.digest === image.id
  if (!isImage || manifest.layers.length !== image.diffIds.length) {
    return { ok: false, reason: `the pushed manifest (config ${manifest.config.digest.slice(0, 19)}, ${manifest.layers.length} layers) is not image ${image.id.slice(0, 19)}` }
  }
  return {
    ok: true,
    endpoint,
    config,
    // The manifest is the image's (its config, its layer count): the blob at place i is the layer with diff id i.
    layers: manifest.layers.map((l, i) => {
      const blob = read(l.digest)
      return { digest: l.digest, size: l.size, uploaded: sink.uploaded.has(l.digest), scan: blob?.kind === 'layer' ? { ...blob.scan, diffId: image.diffIds[i] } : null }
    })
  }
}

const sameList = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i])

/** Which engine compressed a pushed blob: its version and Go release (moby's push compresses with that Go's compress/gzip). */
export const pushEngineKey = (engine: EngineInfo): string => `Docker ${engine.version} ${engine.goVersion}`
