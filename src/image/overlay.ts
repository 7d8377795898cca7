// The fast path of a re-measurement: when every layer of an image is cached
// (by diff id) except a few top layers, read only those layers, straight from
// the daemon's overlay2 diff directories, instead of the whole `docker save`
// (Docker 20.10 prepares the whole export before its first byte).
//
// `docker image inspect` names the diff directories (GraphDriver.Data.UpperDir
// is the top layer's, LowerDir the next ones down, in order). The daemon
// streams a directory as a tar to a non-root client: a container (never
// started) with the directory bind-mounted read-only, then `docker cp`. The
// image config (for the history pairing) comes the same way, from the
// daemon's image store, and must hash to the image id.
//
// overlay2 keeps a layer in its own representation, which this turns back into
// the layer tar's semantics: a character device 0:0 is a whiteout
// (`.wh.<name>`); an opaque directory (`.wh..wh..opq` in the tar) is only an
// xattr (`trusted.overlay.opaque=y`), which `docker cp` does not carry. An
// opaque directory is found by a probe in the container's merged view instead:
// a file that survives below the layer, under a directory the layer has,
// whose path the layer does not touch otherwise, is visible in the merged view
// unless that directory (or, equivalently for every result here, a directory
// above it in the same layer) is opaque. A directory that cannot be probed
// that way (no such file, only files the init layer or a higher layer could
// hide or show, too many probes) sends the measurement back to the save
// stream. Any other doubt (another graph driver, a directory that is not
// there, `docker cp` failing, a config that does not hash to the image id)
// does too: `OverlayUnavailable` is thrown and the caller falls back.
//
// Limits: overlay2 only (not the containerd snapshotter, devicemapper, btrfs,
// zfs, vfs); the directories are paths on the daemon's host, so a remote
// daemon works as long as it uses overlay2 (the checks above still hold);
// the tar is re-serialised from the directory, so its gzip estimate differs
// from the save stream's by the header bytes (mtimes, owner names): well
// under 1% for layers that are not millions of empty files.
import { createHash, randomBytes } from 'node:crypto'
import { CommandError } from '../errors.js'
import type { Docker } from '../docker/docker.js'
import { LayerCompressor, type CompressorOptions } from '../compress/compress.js'
import { innerEntry, type LayerScan, type SavedImage } from './save.js'
import { TarReader, type EntrySink, type OnEntry, type TarHeader } from './tar.js'
import { tarHeaderBlock } from './tar-writer.js'
import { computeWasted, type FileRecord } from './wasted.js'

/** Any reason the fast path cannot be taken (the caller falls back to `docker save`). */
export class OverlayUnavailable extends Error {
  override name = 'OverlayUnavailable'
}

const MOUNT = '.gib-layer'
const CONFIG_MOUNT = '.gib-config'
const MAX_PROBES = 64
const MAX_PROBE_BYTES = 8 * 1024 * 1024

/**
 * One entry of `docker cp <container>:/.gib-layerN -` as the layer tar has it:
 * the mount's name stripped (null for the mount itself), a character device
 * 0:0 turned into its whiteout file.
 */
export function translateOverlayEntry(h: TarHeader, root: string): TarHeader | null {
  const clean = h.path.replace(/\/+$/, '')
  if (clean === root) return null
  if (!clean.startsWith(`${root}/`)) throw new OverlayUnavailable(`docker cp gave an entry outside ${root}: ${h.path}`)
  const rel = h.path.slice(root.length + 1)
  if (h.typeflag === '3' && (h.devmajor ?? 0) === 0 && (h.devminor ?? 0) === 0) {
    const slash = clean.lastIndexOf('/')
    const dir = rel.slice(0, rel.replace(/\/+$/, '').lastIndexOf('/') + 1)
    // Docker writes a whiteout as an empty regular file, mode 0600, with the device's owner and times.
    return { ...h, path: `${dir}.wh.${clean.slice(slash + 1)}`, type: 'file', typeflag: '0', size: 0, mode: 0o600, linkname: '', devmajor: 0, devminor: 0 }
  }
  return { ...h, path: rel }
}

/** The header Docker writes for an opaque directory's marker (after the directory's own entry): its owner and permissions, no mtime. */
export function opaqueMarker(dir: string, of?: TarHeader): TarHeader {
  return {
    path: `${dir.replace(/\/+$/, '')}/.wh..wh..opq`,
    type: 'file',
    typeflag: '0',
    size: 0,
    mode: (of?.mode ?? 0o755) & 0o777,
    linkname: '',
    uid: of?.uid ?? 0,
    gid: of?.gid ?? 0,
    uname: of?.uname ?? '',
    gname: of?.gname ?? '',
    mtime: 0,
    devmajor: 0,
    devminor: 0
  }
}

const parentOf = (p: string): string => {
  const slash = p.lastIndexOf('/')
  return slash < 0 ? '' : p.slice(0, slash)
}

/** Paths a container's merged view may show without the image having them (the init layer, mount points). */
export function initLayerPath(p: string): boolean {
  return /^(\.dockerenv|etc\/(hosts|hostname|resolv\.conf|mtab)|(dev|proc|sys)(\/.*)?|\.gib-.*)$/.test(p)
}

export interface OpaquePlan {
  /** Directory of the layer → a file below it to look for in the merged view (absent: the directory is opaque). */
  probes: Map<string, string>
  /** Directories whose opacity matters but cannot be probed. */
  unresolved: string[]
}

/**
 * Which directories of `layer` need a probe for opacity, and with which file.
 * `lower`: the layers below it (their records, opaque markers included);
 * `higher`: the records of the layers above it in the image (a probe under a
 * path they touch could be hidden or shown by them, so it is not used).
 */
export function planOpaqueProbes(lower: FileRecord[][], layer: FileRecord[], higher: FileRecord[][] = []): OpaquePlan {
  const survivors = computeWasted(lower, 0).survivors
  const sizes = new Map<string, number>()
  for (const records of lower) for (const r of records) if (r.kind === 'file') sizes.set(r.path, r.size)
  const touched = new Set(layer.map((r) => r.path))
  const dirs = new Set(layer.filter((r) => r.kind === 'dir').map((r) => r.path))
  const above = new Set(higher.flat().map((r) => r.path))
  const best = new Map<string, { path: string; size: number }>()
  const needed = new Set<string>()
  for (const p of survivors.keys()) {
    let hidden = touched.has(p)
    let usable = !initLayerPath(p)
    for (let a = p; a !== '' && usable; a = parentOf(a)) if (above.has(a)) usable = false
    for (let a = parentOf(p); a !== ''; a = parentOf(a)) {
      if (dirs.has(a) && !hidden) {
        needed.add(a)
        const size = sizes.get(p) ?? 0
        const current = best.get(a)
        if (usable && size <= MAX_PROBE_BYTES && (!current || size < current.size || (size === current.size && p < current.path))) best.set(a, { path: p, size })
      }
      if (touched.has(a)) hidden = true
    }
  }
  const probes = new Map([...best].map(([dir, probe]) => [dir, probe.path]))
  return { probes, unresolved: [...needed].filter((d) => !probes.has(d)).sort() }
}

export interface GraphDriver {
  name: string
  data: Record<string, string>
}

export interface OverlayInput {
  imageId: string
  diffIds: string[]
  graphDriver: GraphDriver | null | undefined
  /** Records of the layers below the ones to read (cached), in image order; the layers from `lower.length` up are read. */
  lower: FileRecord[][]
  docker: Docker
  /** How to estimate each layer's gzip size; null: not estimated (the engine's push sizes it). */
  compressor: CompressorOptions | null
  maxBinaryBytes?: number
}

export interface OverlayLayer {
  scan: LayerScan
  /** Regular file bytes and symlink target bytes: the daemon's layer size is one or their sum. */
  regularBytes: number
  symlinkBytes: number
  opaqueDirs: string[]
}

export interface OverlayRead {
  config: SavedImage['config']
  layers: OverlayLayer[]
  bytesRead: number
  probes: number
}

/** The diff directory of each layer, bottom first, or an explanation of why there is none. */
export function overlayLayerDirs(graphDriver: GraphDriver | null | undefined, layerCount: number): string[] {
  if (!graphDriver || graphDriver.name !== 'overlay2') throw new OverlayUnavailable(`graph driver ${graphDriver?.name ?? 'unknown'} is not overlay2`)
  const upper = graphDriver.data.UpperDir
  const lowers = graphDriver.data.LowerDir ? graphDriver.data.LowerDir.split(':') : []
  if (!upper || lowers.length !== layerCount - 1) throw new OverlayUnavailable(`overlay2 names ${lowers.length + (upper ? 1 : 0)} diff directories for ${layerCount} layers`)
  const dirs = [...lowers].reverse().concat(upper)
  // --mount is comma-separated: a path with a comma (or a quote) cannot be passed safely.
  if (dirs.some((d) => !d.startsWith('/') || /[,"\n]/.test(d))) throw new OverlayUnavailable('an overlay2 directory path cannot be mounted')
  return dirs
}

/** Reads the layers from `input.lower.length` up, and the image config, from the daemon's overlay2 directories. */
export async function readOverlayLayers(input: OverlayInput): Promise<OverlayRead> {
  const { diffIds, docker } = input
  const n = diffIds.length
  const first = input.lower.length
  const dirs = overlayLayerDirs(input.graphDriver, n)
  const root = /^(\/.*)\/overlay2\/[^/]+\/diff$/.exec(dirs[n - 1])?.[1]
  const hex = /^sha256:([0-9a-f]{64})$/.exec(input.imageId)?.[1]
  if (!root || !hex) throw new OverlayUnavailable(`cannot locate the image store (${dirs[n - 1]}, ${input.imageId})`)
  const configFile = `${root}/image/overlay2/imagedb/content/sha256/${hex}`

  const name = `gib-measure-${randomBytes(8).toString('hex')}`
  const mounts: string[] = ['--mount', `type=bind,source=${configFile},target=/${CONFIG_MOUNT},readonly`]
  for (let i = first; i < n; i++) mounts.push('--mount', `type=bind,source=${dirs[i]},target=/${MOUNT}${i},readonly`)
  const created = await docker.containers.create(input.imageId, { name, mounts })
  if (created.code !== 0) throw new OverlayUnavailable(`docker create: ${created.stderr.trim().split('\n').pop() ?? ''}`)
  try {
    let bytesRead = 0
    // The config: a tar of one file, which must hash to the image id.
    const configParts: Buffer[] = []
    bytesRead += await copyOut(docker, name, `/${CONFIG_MOUNT}`, (h) => (h.type === 'file' ? { data: (c) => void configParts.push(Buffer.from(c)), end: () => {} } : null))
    const configBytes = Buffer.concat(configParts)
    if (`sha256:${createHash('sha256').update(configBytes).digest('hex')}` !== input.imageId) throw new OverlayUnavailable('the image config from the image store does not hash to the image id')
    let config: SavedImage['config']
    try {
      config = JSON.parse(configBytes.toString('utf8')) as SavedImage['config']
    } catch {
      throw new OverlayUnavailable('the image config is not JSON')
    }
    if (JSON.stringify(config.rootfs?.diff_ids ?? []) !== JSON.stringify(diffIds)) throw new OverlayUnavailable('the image config names other layers')

    const reading: { layer: OverlayLayer; compressor: LayerCompressor | null; dirHeaders: Map<string, TarHeader> }[] = []
    for (let i = first; i < n; i++) {
      const scan: LayerScan = { entryPath: `overlay:${i}`, diffId: diffIds[i], tarBytes: 0, uncompressed: 0, compressed: null, compressedExact: false, files: [], goBinaries: [], origin: 'overlay' }
      const layer: OverlayLayer = { scan, regularBytes: 0, symlinkBytes: 0, opaqueDirs: [] }
      const dirHeaders = new Map<string, TarHeader>()
      const compressor = input.compressor ? new LayerCompressor(input.compressor) : null
      const emit = async (buf: Buffer) => {
        scan.tarBytes += buf.length
        await compressor?.write(buf)
      }
      const rootName = `${MOUNT}${i}`
      bytesRead += await copyOut(docker, name, `/${rootName}`, (h) => {
        const t = translateOverlayEntry(h, rootName)
        if (!t) return null
        if (t.type === 'symlink') layer.symlinkBytes += Buffer.byteLength(t.linkname)
        if (t.type === 'directory') dirHeaders.set(t.path.replace(/\/+$/, ''), t)
        const inner = innerEntry(t, scan, input.maxBinaryBytes ?? 256 * 1024 * 1024)
        let headerDone = false
        const header = async () => {
          if (headerDone) return
          headerDone = true
          await emit(tarHeaderBlock(t))
        }
        const sink: EntrySink = {
          async data(chunk) {
            await header()
            const pending = emit(chunk)
            const r = inner?.data(chunk)
            if (r) await r
            await pending
          },
          async end() {
            await header()
            const padding = (512 - (t.size % 512)) % 512
            if (t.size > 0 && padding > 0) await emit(Buffer.alloc(padding))
            const r = inner?.end()
            if (r) await r
          }
        }
        return sink
      })
      layer.regularBytes = scan.uncompressed - layer.symlinkBytes
      reading.push({ layer, compressor, dirHeaders })
    }

    // Opaque directories, bottom layer first (each layer's replay needs the ones below it).
    let probes = 0
    const below = [...input.lower]
    for (const [k, { layer, compressor, dirHeaders }] of reading.entries()) {
      const plan = planOpaqueProbes(
        below,
        layer.scan.files,
        reading.slice(k + 1).map((r) => r.layer.scan.files)
      )
      if (plan.unresolved.length > 0) throw new OverlayUnavailable(`cannot tell whether ${plan.unresolved.length} directories are opaque (e.g. /${plan.unresolved[0]})`)
      probes += plan.probes.size
      if (probes > MAX_PROBES) throw new OverlayUnavailable(`more than ${MAX_PROBES} directories to probe for opacity`)
      const results = await mapLimit([...plan.probes], 4, async ([dir, probe]) => ((await exists(docker, name, `/${probe}`)) ? null : dir))
      for (const dir of results.filter((d): d is string => d !== null).sort()) {
        layer.opaqueDirs.push(dir)
        layer.scan.files.push({ kind: 'opaque', path: dir })
        await compressor?.write(tarHeaderBlock(opaqueMarker(dir, dirHeaders.get(dir))))
        layer.scan.tarBytes += 512
      }
      // The end-of-archive marker Docker's tar writer ends a layer with.
      await compressor?.write(Buffer.alloc(1024))
      layer.scan.tarBytes += 1024
      layer.scan.compressed = compressor ? await compressor.finish() : null
      below.push(layer.scan.files)
    }
    return { config, layers: reading.map((r) => r.layer), bytesRead, probes }
  } finally {
    await docker.containers.remove(name)
  }
}

/** Streams `docker cp <container>:<path> -` through a tar reader; throws OverlayUnavailable when docker cp fails. */
async function copyOut(docker: Docker, container: string, from: string, onEntry: OnEntry): Promise<number> {
  const cp = docker.containers.copyFrom(container, from)
  const reader = new TarReader(onEntry)
  let bytes = 0
  try {
    for await (const chunk of cp.stdout as AsyncIterable<Buffer>) {
      bytes += chunk.length
      await reader.write(chunk)
    }
    reader.end()
    await cp.done
  } catch (error) {
    cp.kill()
    await cp.done.catch(() => null)
    if (error instanceof OverlayUnavailable) throw error
    throw new OverlayUnavailable(`docker cp ${from}: ${(error as Error).message.split('\n').filter(Boolean).pop() ?? ''}`)
  }
  return bytes
}

/** Whether a path exists in the container's merged view (its data is read and dropped). */
async function exists(docker: Docker, container: string, p: string): Promise<boolean> {
  const cp = docker.containers.copyFrom(container, p)
  cp.stdout.resume()
  try {
    await cp.done
    return true
  } catch (error) {
    if (error instanceof CommandError && /Could not find the file/.test(error.message)) return false
    throw new OverlayUnavailable(`docker cp probe ${p}: ${(error as Error).message.split('\n').filter(Boolean).pop() ?? ''}`)
  }
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
