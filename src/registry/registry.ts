// Reading an image from a registry without pulling its layers: the manifest
// (exact compressed layer sizes and digests) and the config (diff ids and
// history). Speaks the distribution API (Docker v2 and OCI media types,
// manifest lists and OCI indexes resolved by platform), anonymous or with a
// Bearer/Basic challenge, credentials from ~/.docker/config.json `auths`.
//
// A registry never states uncompressed sizes: those need the layers themselves
// (or a stored report). What it has is exposed as is.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { EnvironmentError } from '../errors.js'

export interface RegistryLayer {
  digest: string
  /** Compressed size as stored by the registry (exact). */
  size: number
  mediaType: string
}

export interface RegistryImage {
  ref: string
  manifestDigest: string
  platform: string
  layers: RegistryLayer[]
  config: {
    /** Uncompressed layer digests, one per entry of `layers`, in the same order. */
    diffIds: string[]
    history: { created_by?: string; empty_layer?: boolean }[]
  }
}

export interface RegistryDeps {
  fetch?: typeof fetch
  /** Path of the Docker client config holding `auths` (default ~/.docker/config.json, or $DOCKER_CONFIG/config.json). */
  dockerConfigPath?: string
  /** Docker Hub mirrors (the engine's `registry-mirrors`): tried first for Docker Hub names, as the engine pulls. */
  mirrors?: string[]
}

export type RegistryErrorKind = 'unreachable' | 'unauthorized' | 'not-found' | 'unsupported'

/** A registry lookup that failed; `kind` says whether to fix the network, credentials or the name. */
export class RegistryError extends EnvironmentError {
  override name = 'RegistryError'
  constructor(
    readonly kind: RegistryErrorKind,
    message: string
  ) {
    super(message)
  }
}

export interface ImageReference {
  /** Registry host[:port] as written in the reference (`docker.io` for Docker Hub). */
  registry: string
  repository: string
  /** A tag or a digest (`sha256:…`). */
  reference: string
}

const DOCKER_HUB = 'docker.io'

/** Splits `[host[:port]/]path[:tag][@digest]` the way Docker normalises names. */
export function parseReference(ref: string): ImageReference {
  let rest = ref.trim()
  let digest: string | null = null
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
  }
  let tag: string | null = null
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
  }
  const parts = rest.split('/')
  let registry = DOCKER_HUB
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift() as string
  }
  const component = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
  let repository = parts.join('/')
  if (!parts.every((p) => component.test(p)) || (tag !== null && !/^[\w][\w.-]{0,127}$/.test(tag)) || (digest !== null && !/^[a-z0-9]+:[a-f0-9]{32,}$/.test(digest))) {
    throw new RegistryError('not-found', `image: '${ref}' is not a valid image reference; write it as host/name:tag`)
  }
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`
  return { registry, repository, reference: digest ?? tag ?? 'latest' }
}

/** Plain http for the local machine (as dockerd's default insecure 127.0.0.0/8), https otherwise. */
export function registryBaseUrl(registry: string): string {
  const host = registry === DOCKER_HUB ? 'registry-1.docker.io' : registry
  const hostname = host.replace(/:\d+$/, '')
  const local = hostname === 'localhost' || /^127\./.test(hostname) || hostname === '[::1]'
  return `${local ? 'http' : 'https'}://${host}`
}

const MEDIA = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json'
}
const ACCEPT = [MEDIA.dockerManifest, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.ociIndex].join(', ')

interface Descriptor {
  mediaType: string
  digest: string
  size: number
  platform?: { os?: string; architecture?: string; variant?: string }
}
interface ManifestDoc {
  mediaType?: string
  manifests?: Descriptor[]
  config?: Descriptor
  layers?: Descriptor[]
}
interface ConfigDoc {
  os?: string
  architecture?: string
  variant?: string
  rootfs?: { diff_ids?: string[] }
  history?: { created_by?: string; empty_layer?: boolean }[]
}

/** `linux/amd64` for this machine, as the default when an index has several platforms. */
export function hostPlatform(): string {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x' }
  return `linux/${arch[process.arch] ?? process.arch}`
}

/** Picks the manifest for `platform` (os/arch[/variant]) from an index; attestation entries never match. */
export function selectPlatform(manifests: Descriptor[], platform: string): Descriptor | null {
  const [os_, arch, variant] = platform.split('/')
  const candidates = manifests.filter((m) => m.platform?.os === os_ && m.platform?.architecture === arch)
  if (variant) return candidates.find((m) => m.platform?.variant === variant) ?? null
  // arm64 images are often marked variant v8; accept any variant when none was asked for.
  return candidates.find((m) => !m.platform?.variant) ?? candidates[0] ?? null
}

type Credentials = { basic: string } | { identityToken: string; username: string } | null

/** Credentials for `registry` from the Docker client config's `auths` (credential helpers are not consulted). */
export async function loadCredentials(registry: string, configPath?: string): Promise<Credentials> {
  const file = configPath ?? path.join(process.env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'), 'config.json')
  let auths: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>
  try {
    auths = (JSON.parse(await readFile(file, 'utf8')) as { auths?: typeof auths }).auths ?? {}
  } catch {
    return null
  }
  const keys = registry === DOCKER_HUB ? ['https://index.docker.io/v1/', 'index.docker.io', DOCKER_HUB] : [registry]
  for (const [key, entry] of Object.entries(auths)) {
    const host = key.replace(/^https?:\/\//, '').replace(/\/.*$/, '')
    if (!keys.includes(key) && !keys.includes(host)) continue
    if (entry.identitytoken) {
      const username = entry.auth ? Buffer.from(entry.auth, 'base64').toString('utf8').split(':')[0] : (entry.username ?? '')
      return { identityToken: entry.identitytoken, username }
    }
    if (entry.auth) return { basic: entry.auth }
    if (entry.username && entry.password) return { basic: Buffer.from(`${entry.username}:${entry.password}`).toString('base64') }
  }
  return null
}

/** Parses `Bearer realm="…",service="…",scope="…"` (or `Basic realm=…`). */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(' ')
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase()
  const params: Record<string, string> = {}
  const re = /(\w+)="([^"]*)"|(\w+)=([^,\s]*)/g
  for (let m = re.exec(header.slice(space + 1)); m; m = re.exec(header.slice(space + 1))) {
    params[(m[1] ?? m[3]).toLowerCase()] = m[2] ?? m[4]
  }
  return { scheme, params }
}

class RegistryClient {
  private authorization: string | null = null
  private readonly fetch: typeof fetch
  readonly base: string

  constructor(
    private readonly image: ImageReference,
    private readonly ref: string,
    private readonly credentials: Credentials,
    fetchFn: typeof fetch,
    base?: string
  ) {
    this.fetch = fetchFn
    this.base = base ?? registryBaseUrl(image.registry)
  }

  async get(pathname: string, accept: string): Promise<Response> {
    const url = `${this.base}/v2/${this.image.repository}/${pathname}`
    let response = await this.request(url, accept)
    if (response.status === 401 && !this.authorization) {
      await this.authenticate(response.headers.get('www-authenticate') ?? '')
      response = await this.request(url, accept)
    }
    if (response.status === 401 || response.status === 403) {
      throw new RegistryError(
        'unauthorized',
        `${this.ref}: the registry ${this.image.registry} refused access (HTTP ${response.status}); run 'docker login ${this.image.registry}' with an account that can pull it`
      )
    }
    if (response.status === 404) {
      throw new RegistryError('not-found', `${this.ref}: not found in ${this.image.registry} (no ${pathname.split('/')[0]} ${pathname.split('/')[1]}); check the name and tag`)
    }
    if (!response.ok) {
      throw new RegistryError('unreachable', `${this.ref}: ${this.image.registry} answered HTTP ${response.status} for ${pathname}`)
    }
    return response
  }

  private async request(url: string, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept }
    if (this.authorization) headers.authorization = this.authorization
    try {
      return await this.fetch(url, { headers, redirect: 'follow' })
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause
      throw new RegistryError('unreachable', `${this.ref}: cannot reach the registry at ${this.base} (${cause?.code ?? cause?.message ?? (error as Error).message}); check the name and the network`)
    }
  }

  private async authenticate(header: string): Promise<void> {
    const { scheme, params } = parseChallenge(header)
    if (scheme === 'basic') {
      if (!this.credentials || !('basic' in this.credentials)) return
      this.authorization = `Basic ${this.credentials.basic}`
      return
    }
    if (scheme !== 'bearer' || !params.realm) return
    const url = new URL(params.realm)
    if (params.service) url.searchParams.set('service', params.service)
    url.searchParams.set('scope', params.scope ?? `repository:${this.image.repository}:pull`)
    const headers: Record<string, string> = {}
    let response: Response
    try {
      if (this.credentials && 'identityToken' in this.credentials) {
        // OAuth2 refresh-token grant, as the Docker client does for identity tokens.
        const body = new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: this.credentials.identityToken,
          service: params.service ?? '',
          scope: url.searchParams.get('scope') ?? '',
          client_id: 'go-image-budget'
        })
        response = await this.fetch(params.realm, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      } else {
        if (this.credentials) headers.authorization = `Basic ${this.credentials.basic}`
        response = await this.fetch(url, { headers })
      }
    } catch (error) {
      throw new RegistryError('unreachable', `${this.ref}: cannot reach the token service ${url.origin} (${(error as Error).message})`)
    }
    if (!response.ok) {
      throw new RegistryError('unauthorized', `${this.ref}: the token service of ${this.image.registry} refused access (HTTP ${response.status}); run 'docker login ${this.image.registry}'`)
    }
    const token = (await response.json()) as { token?: string; access_token?: string }
    const value = token.token ?? token.access_token
    if (value) this.authorization = `Bearer ${value}`
  }
}

/**
 * Fetches the manifest (resolving an index by `platform`, default this machine's)
 * and the config of `ref`.
 */
export async function fetchRegistryImage(ref: string, platform: string | null, deps: RegistryDeps = {}): Promise<RegistryImage> {
  const image = parseReference(ref)
  const credentials = await loadCredentials(image.registry, deps.dockerConfigPath)
  // Docker Hub names go through the engine's mirrors first, as its pulls do (a mirror serves them anonymously).
  if (image.registry === DOCKER_HUB) {
    for (const mirror of deps.mirrors ?? []) {
      try {
        return await fetchFrom(new RegistryClient(image, ref, null, deps.fetch ?? fetch, mirror.replace(/\/+$/, '')), image, ref, platform)
      } catch {
        // The mirror lacks it or is down: the next mirror, then Docker Hub itself.
      }
    }
  }
  return fetchFrom(new RegistryClient(image, ref, credentials, deps.fetch ?? fetch), image, ref, platform)
}

async function fetchFrom(client: RegistryClient, image: ImageReference, ref: string, platform: string | null): Promise<RegistryImage> {
  let response = await client.get(`manifests/${image.reference}`, ACCEPT)
  let body = await response.text()
  let manifestDigest = response.headers.get('docker-content-digest') ?? sha256(body)
  let doc = JSON.parse(body) as ManifestDoc
  let mediaType = doc.mediaType ?? response.headers.get('content-type') ?? ''
  const wanted = platform ?? hostPlatform()

  if (doc.manifests) {
    const chosen = selectPlatform(doc.manifests, wanted)
    if (!chosen) {
      const available = doc.manifests.map((m) => [m.platform?.os, m.platform?.architecture, m.platform?.variant].filter(Boolean).join('/')).filter((p) => p && !p.startsWith('unknown'))
      throw new RegistryError('not-found', `${ref}: no ${wanted} image in its index (it has ${available.join(', ') || 'none'}); set 'platforms' to one of them`)
    }
    response = await client.get(`manifests/${chosen.digest}`, chosen.mediaType || ACCEPT)
    manifestDigest = chosen.digest
    body = await response.text()
    doc = JSON.parse(body) as ManifestDoc
    mediaType = doc.mediaType ?? chosen.mediaType
  }
  if (!doc.config || !doc.layers) {
    throw new RegistryError('unsupported', `${ref}: unsupported manifest type '${mediaType}' (expected a Docker v2 or OCI image manifest)`)
  }

  const config = (await (await client.get(`blobs/${doc.config.digest}`, '*/*')).json()) as ConfigDoc
  const diffIds = config.rootfs?.diff_ids ?? []
  if (diffIds.length !== doc.layers.length) {
    throw new RegistryError('unsupported', `${ref}: the manifest lists ${doc.layers.length} layers but the config ${diffIds.length}`)
  }
  return {
    ref,
    manifestDigest,
    platform: [config.os, config.architecture, config.variant].filter(Boolean).join('/') || wanted,
    layers: doc.layers.map((l) => ({ digest: l.digest, size: l.size, mediaType: l.mediaType })),
    config: { diffIds, history: config.history ?? [] }
  }
}

const sha256 = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`
