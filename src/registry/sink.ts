// A registry endpoint on loopback that takes one `docker push` and stores
// nothing: it counts each uploaded blob's bytes, checks them against the
// digest the engine commits them under, answers the engine's existence checks
// for blobs whose size is already known (so it skips them), and reads the
// manifest the engine sends last, which lists every layer's blob and size in
// image order. Then it refuses the manifest, so the engine records no pushed
// digest on the image.
//
// Only what the Docker engine's push calls (moby's distribution/push_v2.go
// through docker/distribution's client; the distribution spec's push API):
//   GET  /v2/                                   API version check
//   HEAD /v2/<name>/blobs/<digest>              exists? (also after each upload)
//   POST /v2/<name>/blobs/uploads/[?mount&from] start an upload (a mount of a known blob: 201)
//   PATCH /v2/<name>/blobs/uploads/<id>         the blob's bytes, streamed
//   PUT  /v2/<name>/blobs/uploads/<id>?digest=  commit: the digest must match
//   DELETE /v2/<name>/blobs/uploads/<id>        cancel
//   PUT  /v2/<name>/manifests/<tag>             the manifest (read, then refused)
//   GET/HEAD /v2/<name>/manifests/<tag>         unknown (a pull's question: the reachability probe)
// Requests for any repository but the one it was opened for are refused, so
// only the push this run started is counted. An `inspect` hook sees each
// upload's bytes as they arrive (the upload waits for it), and its result is
// kept by the digest the upload is committed under.
import { createHash, randomBytes, type Hash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorMessage } from '../errors.js'

export interface PushedBlob {
  digest: string
  size: number
}

/** The manifest the engine pushed: its config and layers, in image order. */
export interface PushedManifest {
  config: PushedBlob
  layers: (PushedBlob & { mediaType: string })[]
}

/** What reads an upload as it arrives: `data` for each chunk in order (the upload waits for it), `end` once it is complete. */
export interface BlobInspector<T> {
  data(chunk: Buffer): Promise<void> | void
  end(): Promise<T>
}

export interface SinkOptions<T> {
  /** The only repository served (`go-image-budget-measure/<random>`). */
  repository: string
  /** Blobs to report as present (digest → size), so the engine skips them. */
  known: ReadonlyMap<string, number>
  /** Reads an upload (none, or null: it is only counted and hashed). */
  inspect?: () => BlobInspector<T> | null
}

interface Upload<T> {
  hash: Hash
  bytes: number
  inspector: BlobInspector<T> | null
  /** The first failure of the inspector, if any. */
  failure: unknown
}

const MANIFEST_LIMIT = 4 * 1024 * 1024
const DIGEST = /^sha256:[0-9a-f]{64}$/

export class PushSink<T = never> {
  /** Blobs uploaded and committed, by digest: the bytes counted (the digest checked). */
  readonly uploaded = new Map<string, number>()
  /** What the inspector made of each committed upload, by digest. */
  readonly inspected = new Map<string, T>()
  /** Digests the engine asked about, and whether they were answered as present. */
  readonly asked = new Map<string, boolean>()
  /** What went wrong on the engine's side of the protocol (a digest that does not match its bytes…). */
  readonly problems: string[] = []
  /** The pushed manifest, once it arrived. */
  manifest: PushedManifest | null = null
  /** A request naming the repository arrived: the engine reaches this endpoint. */
  reached = false
  /** When a request or body bytes last arrived (ms since the epoch), to tell a stalled push. */
  lastActivity = Date.now()
  private readonly uploads = new Map<string, Upload<T>>()
  private readonly prefix: string

  private constructor(
    private readonly server: http.Server,
    private readonly options: SinkOptions<T>
  ) {
    this.prefix = `/v2/${options.repository}/`
  }

  /** Listens on 127.0.0.1, on a port the system picks. */
  static async open<T = never>(options: SinkOptions<T>): Promise<PushSink<T>> {
    // No request timeout: a large layer's upload is one long PATCH.
    const server = http.createServer({ requestTimeout: 0 })
    const sink = new PushSink<T>(server, options)
    server.on('request', (req, res) => sink.handle(req, res))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    return sink
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  /** Stops listening and drops every connection (an upload still running is cut). */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.server.closeAllConnections()
    await closed
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.lastActivity = Date.now()
    const url = new URL(req.url ?? '/', 'http://sink')
    const method = req.method ?? 'GET'
    res.setHeader('Docker-Distribution-API-Version', 'registry/2.0')
    if (url.pathname === '/v2/' || url.pathname === '/v2') return void this.json(res, 200, {})
    if (!url.pathname.startsWith(this.prefix)) return this.error(res, 404, 'NAME_UNKNOWN', 'repository name not known to registry')
    this.reached = true
    const rest = url.pathname.slice(this.prefix.length)
    const blob = /^blobs\/(sha256:[0-9a-f]{64})$/.exec(rest)
    if (blob && (method === 'HEAD' || method === 'GET')) return this.stat(res, blob[1], method)
    if (rest === 'blobs/uploads/' && method === 'POST') return this.start(res, url)
    const upload = /^blobs\/uploads\/([0-9a-f]{32})$/.exec(rest)
    if (upload && method === 'PATCH') return this.receive(req, res, upload[1], false, null)
    if (upload && method === 'PUT') return this.receive(req, res, upload[1], true, url.searchParams.get('digest'))
    if (upload && method === 'DELETE') {
      this.uploads.delete(upload[1])
      return void this.empty(res, 204)
    }
    if (rest.startsWith('manifests/') && method === 'PUT') return this.takeManifest(req, res)
    if (rest.startsWith('manifests/')) return this.error(res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown')
    this.error(res, 405, 'UNSUPPORTED', `${method} ${rest} is not part of a push`)
  }

  private sizeOf(digest: string): number | undefined {
    return this.uploaded.get(digest) ?? this.options.known.get(digest)
  }

  /** HEAD: present (its size) when uploaded here or known; GET: no blob is stored to send. */
  private stat(res: http.ServerResponse, digest: string, method: string): void {
    const size = this.sizeOf(digest)
    if (!this.uploaded.has(digest)) this.asked.set(digest, size !== undefined)
    if (size === undefined || method === 'GET') return this.error(res, 404, 'BLOB_UNKNOWN', 'blob unknown to registry')
    res.writeHead(200, { 'Content-Length': String(size), 'Content-Type': 'application/octet-stream', 'Docker-Content-Digest': digest })
    res.end()
  }

  /** POST: a mount of a blob whose size is known succeeds; anything else starts an upload. */
  private start(res: http.ServerResponse, url: URL): void {
    const mount = url.searchParams.get('mount')
    if (mount && DIGEST.test(mount) && this.sizeOf(mount) !== undefined) {
      this.asked.set(mount, true)
      return void this.empty(res, 201, { Location: `${this.prefix}blobs/${mount}`, 'Docker-Content-Digest': mount })
    }
    const id = randomBytes(16).toString('hex')
    this.uploads.set(id, { hash: createHash('sha256'), bytes: 0, inspector: this.options.inspect?.() ?? null, failure: null })
    this.empty(res, 202, { Location: `${this.prefix}blobs/uploads/${id}`, 'Docker-Upload-UUID': id, Range: '0-0' })
  }

  /** PATCH (a chunk) or PUT (the last chunk, if any, and the commit under `digest`). */
  private receive(req: http.IncomingMessage, res: http.ServerResponse, id: string, commit: boolean, digest: string | null): void {
    const upload = this.uploads.get(id)
    if (!upload) return this.error(res, 404, 'BLOB_UPLOAD_UNKNOWN', 'blob upload unknown to registry')
    const range = /^(\d+)-(\d+)$/.exec(req.headers['content-range'] ?? '')
    if (range && Number(range[1]) !== upload.bytes) {
      this.uploads.delete(id)
      return this.error(res, 416, 'BLOB_UPLOAD_INVALID', `chunk starts at ${range[1]}, the upload has ${upload.bytes} bytes`)
    }
    req.on('data', (chunk: Buffer) => {
      upload.hash.update(chunk)
      upload.bytes += chunk.length
      this.lastActivity = Date.now()
      if (upload.failure) return
      const reading = upload.inspector?.data(chunk)
      if (!reading) return
      // The engine's upload waits while the inspector reads.
      req.pause()
      reading.then(
        () => req.resume(),
        (error: unknown) => {
          upload.failure = error
          req.resume()
        }
      )
    })
    req.on('error', () => this.uploads.delete(id))
    req.on('end', () => {
      const location = `${this.prefix}blobs/uploads/${id}`
      if (!commit) return void this.empty(res, 202, { Location: location, 'Docker-Upload-UUID': id, Range: `0-${Math.max(0, upload.bytes - 1)}` })
      this.uploads.delete(id)
      const actual = `sha256:${upload.hash.digest('hex')}`
      if (digest !== actual) {
        this.problems.push(`an upload of ${upload.bytes} bytes was committed as ${digest ?? 'no digest'} but hashes to ${actual}`)
        return this.error(res, 400, 'DIGEST_INVALID', 'provided digest did not match uploaded content')
      }
      void this.commit(upload, actual).then(() => this.empty(res, 201, { Location: `${this.prefix}blobs/${actual}`, 'Docker-Content-Digest': actual }))
    })
  }

  /** Records a committed upload, and what its inspector made of it (a failure is a problem: the blob was not read). */
  private async commit(upload: Upload<T>, digest: string): Promise<void> {
    if (upload.inspector && !upload.failure) {
      try {
        this.inspected.set(digest, await upload.inspector.end())
      } catch (error) {
        upload.failure = error
      }
    }
    if (upload.failure) this.problems.push(`blob ${digest.slice(0, 19)} could not be read: ${errorMessage(upload.failure)}`)
    this.uploaded.set(digest, upload.bytes)
  }

  /** PUT manifest: read and checked against the blobs, then refused (nothing is stored, no digest is recorded). */
  private takeManifest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const parts: Buffer[] = []
    let bytes = 0
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes <= MANIFEST_LIMIT) parts.push(chunk)
    })
    req.on('end', () => {
      const manifest = bytes <= MANIFEST_LIMIT ? parseManifest(Buffer.concat(parts).toString('utf8')) : null
      if (!manifest) {
        this.problems.push('the engine pushed a manifest that is not an image manifest')
        return this.error(res, 400, 'MANIFEST_INVALID', 'manifest invalid')
      }
      for (const blob of [manifest.config, ...manifest.layers]) {
        const size = this.sizeOf(blob.digest)
        if (size !== blob.size) this.problems.push(`the manifest lists ${blob.digest} with ${blob.size} bytes, ${size === undefined ? 'a blob never uploaded' : `${size} were counted`}`)
      }
      // One push sends one manifest: a second one is not this run's.
      if (this.manifest) this.problems.push('a second manifest arrived')
      this.manifest = manifest
      this.error(res, 403, 'DENIED', 'go-image-budget measured this push; nothing is stored')
    })
  }

  private empty(res: http.ServerResponse, status: number, headers: Record<string, string> = {}): void {
    res.writeHead(status, { ...headers, 'Content-Length': '0' })
    res.end()
  }

  private json(res: http.ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body)
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) })
    res.end(text)
  }

  private error(res: http.ServerResponse, status: number, code: string, message: string): void {
    this.json(res, status, { errors: [{ code, message }] })
  }
}

/** A schema 2 (or OCI) image manifest's config and layers, or null when it is not one. */
export function parseManifest(text: string): PushedManifest | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  const m = value as { schemaVersion?: unknown; config?: unknown; layers?: unknown }
  const isBlob = (b: unknown): b is PushedBlob & { mediaType?: unknown } => {
    const d = b as PushedBlob | null
    return typeof d === 'object' && d !== null && typeof d.digest === 'string' && DIGEST.test(d.digest) && Number.isSafeInteger(d.size) && d.size >= 0
  }
  if (m?.schemaVersion !== 2 || !isBlob(m.config) || !Array.isArray(m.layers) || !m.layers.every(isBlob)) return null
  return {
    config: { digest: m.config.digest, size: m.config.size },
    layers: m.layers.map((l) => ({ digest: l.digest, size: l.size, mediaType: typeof l.mediaType === 'string' ? l.mediaType : '' }))
  }
}
