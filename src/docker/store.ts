// The engine and its image store: what `docker info` and `docker version`
// say (asked once), and what `docker images` shows on the containerd store.
import http from 'node:http'
import type { DockerCli } from './cli.js'
import { parseEngineInfo, type EngineInfo } from './engine.js'

/** What `docker images` shows for an image on the containerd store (API 1.47+), in bytes. */
export interface ListedSize {
  /** Content plus unpacked snapshots: Docker 29's DISK USAGE. */
  diskUsage: number
  /** The stored (compressed) blobs: Docker 29's CONTENT SIZE. */
  contentSize: number
}

export class DockerStore {
  constructor(private readonly cli: DockerCli) {}

  /** The engine, asked once per process (DockerCli.fact). */
  engine(): Promise<EngineInfo> {
    return this.cli.fact('engine', async () => {
      const [info, version] = await Promise.all([this.cli.run(['info', '--format', '{{json .}}'], 'docker info'), this.cli.run(['version', '--format', '{{json .Server}}'], 'docker version')])
      return parseEngineInfo(info.stdout, version.stdout)
    })
  }

  /**
   * What `docker images` shows for the image on the containerd store: disk
   * usage and content size of the platform's manifest, from the engine API
   * (image inspect with `manifests=1`, API 1.48+). Null where the API or the
   * answer is not there (a remote engine, an older one).
   */
  async listedSize(id: string, platform: string): Promise<ListedSize | null> {
    const host = await this.cli.daemonHost()
    const socket = host ? /^unix:\/\/(.+)$/.exec(host)?.[1] : null
    if (!socket) return null
    const body = await unixGet(socket, `/images/${encodeURIComponent(id)}/json?manifests=1`).catch(() => null)
    if (!body) return null
    try {
      const image = JSON.parse(body) as {
        Manifests?: { Kind?: string; Size?: { Content?: number; Total?: number }; ImageData?: { Platform?: { os?: string; architecture?: string; variant?: string } } }[]
      }
      const manifest = image.Manifests?.find((m) => m.Kind === 'image' && platformOf(m.ImageData?.Platform) === platform)
      const size = manifest?.Size
      return size && Number.isSafeInteger(size.Total) && Number.isSafeInteger(size.Content) ? { diskUsage: size.Total as number, contentSize: size.Content as number } : null
    } catch {
      return null
    }
  }
}

const platformOf = (p: { os?: string; architecture?: string; variant?: string } | undefined) => [p?.os, p?.architecture, p?.variant].filter(Boolean).join('/')

function unixGet(socketPath: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath, path, timeout: 10_000 }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (b: Buffer) => parts.push(b))
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(parts).toString('utf8')) : reject(new Error(`HTTP ${res.statusCode}`))))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
  })
}
