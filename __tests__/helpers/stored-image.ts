// What a registry stores for an image, read with node's HTTP client alone
// (not the project's registry code): the independent side of every check of
// compressed sizes against an engine's own `docker push` (integration tests,
// the bench).
import http from 'node:http'

/** What a registry stores for an image: its layer blobs and its config's diff ids, in image order. */
export interface StoredImage {
  layers: { digest: string; size: number; mediaType: string }[]
  config: { diffIds: string[] }
}

const MANIFEST_TYPES =
  'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json'

/** A request to `tag`'s repository on its registry (`host:port/repository:tag`): `what` after /v2/<repository>/; the reference is the tag. */
function repositoryOf(tag: string) {
  const m = /^([^/]+)\/(.+):([^:/]+)$/.exec(tag)
  if (!m) throw new Error(`not a host/repository:tag reference: ${tag}`)
  const [, host, repository, reference] = m
  const request = (method: string, what: string, accept: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(`http://${host}/v2/${repository}/${what}`, { method, headers: { Accept: accept } }, (res) => {
        const parts: Buffer[] = []
        res.on('data', (b: Buffer) => parts.push(b))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }))
      })
      req.on('error', reject)
      req.end()
    })
  return { reference, request }
}

/**
 * What the local registry stores for `tag` (`host:port/repository:tag`), read
 * with node's HTTP client alone (not the project's registry code): the image
 * manifest (schema 2 or OCI, this platform's) and its config's diff ids.
 */
export async function readStored(tag: string): Promise<StoredImage> {
  const { reference, request } = repositoryOf(tag)
  const get = async (what: string, accept: string) => {
    const r = await request('GET', what, accept)
    if (r.status !== 200) throw new Error(`GET ${what}: HTTP ${r.status}`)
    return r.body
  }
  let manifest = JSON.parse((await get(`manifests/${reference}`, MANIFEST_TYPES)).toString('utf8')) as {
    manifests?: { digest: string; platform?: { os: string; architecture: string } }[]
    config: { digest: string }
    layers: StoredImage['layers']
  }
  if (manifest.manifests) {
    const mine = manifest.manifests.find((d) => d.platform?.os === 'linux' && d.platform.architecture === 'amd64') ?? manifest.manifests[0]
    manifest = JSON.parse((await get(`manifests/${mine.digest}`, MANIFEST_TYPES)).toString('utf8')) as typeof manifest
  }
  const config = JSON.parse((await get(`blobs/${manifest.config.digest}`, '*/*')).toString('utf8')) as { rootfs: { diff_ids: string[] } }
  return { layers: manifest.layers.map((l) => ({ digest: l.digest, size: l.size, mediaType: l.mediaType })), config: { diffIds: config.rootfs.diff_ids } }
}

/**
 * Deletes what `tag` names in the local registry (its manifest, by digest: the
 * registry's API deletes no tag alone). Its blobs go at the registry's next
 * garbage collection (scripts/registry.sh collects when it starts a registry).
 */
export async function deleteStored(tag: string): Promise<void> {
  const { reference, request } = repositoryOf(tag)
  const head = await request('HEAD', `manifests/${reference}`, MANIFEST_TYPES)
  const digest = head.headers['docker-content-digest']
  if (head.status !== 200 || typeof digest !== 'string') throw new Error(`HEAD manifests/${reference}: HTTP ${head.status}`)
  const deleted = await request('DELETE', `manifests/${digest}`, '*/*')
  if (deleted.status !== 202) throw new Error(`DELETE manifests/${digest}: HTTP ${deleted.status}`)
}
