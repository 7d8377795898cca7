// Compressed layer sizes are computed once per diff id and kept on disk
// (under the runner's tool cache, so actions/cache can carry them between
// runs). One small JSON file per layer; written to a temp name and renamed, so
// concurrent runs never see a half-written entry.
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface CachedLayer {
  diffId: string
  /** Size of the uncompressed layer tar, to recognise the layer in a legacy save stream before hashing it. */
  tarBytes: number
  compressed: number
  source: 'gzip-estimate'
  /** Format of the estimate (compressor level, framing); bump to invalidate old entries. */
  version: number
}

export const CACHE_VERSION = 2

export class LayerCache {
  /** Entries are kept per estimator (`go` model or `zlib`): they differ by about 1% on executables. */
  constructor(
    private readonly dir: string,
    private readonly estimator: string = 'go'
  ) {}

  private file(diffId: string): string {
    return path.join(this.dir, `layers-${this.estimator}`, `${diffId.replace(':', '-')}.json`)
  }

  async get(diffId: string): Promise<CachedLayer | null> {
    try {
      const entry = JSON.parse(await readFile(this.file(diffId), 'utf8')) as CachedLayer
      return entry.diffId === diffId && entry.version === CACHE_VERSION && Number.isFinite(entry.compressed) ? entry : null
    } catch {
      return null
    }
  }

  async put(entry: Omit<CachedLayer, 'version'>): Promise<void> {
    const file = this.file(entry.diffId)
    await mkdir(path.dirname(file), { recursive: true })
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    await writeFile(temp, JSON.stringify({ ...entry, version: CACHE_VERSION }))
    await rename(temp, file)
  }
}
