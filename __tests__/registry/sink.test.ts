// The push endpoint over real HTTP, driven the way the Docker engine's push
// drives a registry (docker/distribution's client): version check, existence
// checks, an upload streamed in one PATCH and committed by digest, a mount,
// the manifest last. Every answer is checked the way that client reads it.
import { createHash } from 'node:crypto'
import { PushSink, parseManifest } from '../../src/registry/sink.js'

const sha = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`
const repository = 'go-image-budget-measure/abc123'
const known = new Map([[sha('base layer'), 4242]])

let sink: PushSink
let base: string
beforeEach(async () => {
  sink = await PushSink.open({ repository, known })
  base = `http://127.0.0.1:${sink.port}`
})
afterEach(async () => {
  await sink.close()
})

/** An upload as the engine makes it: POST, one streamed PATCH per chunk, PUT with the digest. */
async function upload(chunks: Buffer[], digest = sha(Buffer.concat(chunks))): Promise<Response> {
  const started = await fetch(`${base}/v2/${repository}/blobs/uploads/`, { method: 'POST' })
  expect(started.status).toBe(202)
  let location = new URL(started.headers.get('location') ?? '', base).toString()
  let offset = 0
  for (const chunk of chunks) {
    const patched = await fetch(location, { method: 'PATCH', body: chunk, headers: { 'Content-Type': 'application/octet-stream' } })
    expect(patched.status).toBe(202)
    offset += chunk.length
    // The client reads how much was taken from Range: "0-<last byte>".
    expect(patched.headers.get('range')).toBe(`0-${offset - 1}`)
    location = new URL(patched.headers.get('location') ?? '', base).toString()
  }
  const commit = new URL(location)
  commit.searchParams.set('digest', digest)
  return fetch(commit, { method: 'PUT' })
}

test('GET /v2/ answers as a registry 2.0 API', async () => {
  const r = await fetch(`${base}/v2/`)
  expect([r.status, r.headers.get('docker-distribution-api-version')]).toEqual([200, 'registry/2.0'])
  expect(sink.reached).toBe(false)
})

test('an existence check: a known blob is present with its size, an unknown one is not; both are recorded', async () => {
  const [knownDigest] = [...known.keys()]
  const present = await fetch(`${base}/v2/${repository}/blobs/${knownDigest}`, { method: 'HEAD' })
  expect([present.status, present.headers.get('content-length'), present.headers.get('docker-content-digest')]).toEqual([200, '4242', knownDigest])
  const absent = await fetch(`${base}/v2/${repository}/blobs/${sha('other')}`, { method: 'HEAD' })
  expect(absent.status).toBe(404)
  expect([...sink.asked]).toEqual([
    [knownDigest, true],
    [sha('other'), false]
  ])
  expect(sink.reached).toBe(true)
})

test('an upload is counted and its digest checked; afterwards it is present (the client stats it after the commit)', async () => {
  const chunks = [Buffer.from('x'.repeat(70000)), Buffer.from('y'.repeat(5))]
  const digest = sha(Buffer.concat(chunks))
  const committed = await upload(chunks)
  expect([committed.status, committed.headers.get('docker-content-digest')]).toEqual([201, digest])
  expect(sink.uploaded.get(digest)).toBe(70005)
  const stat = await fetch(`${base}/v2/${repository}/blobs/${digest}`, { method: 'HEAD' })
  expect([stat.status, stat.headers.get('content-length')]).toEqual([200, '70005'])
  // Nothing is stored: the blob cannot be fetched.
  expect((await fetch(`${base}/v2/${repository}/blobs/${digest}`)).status).toBe(404)
})

test('an upload committed under another digest is refused and reported', async () => {
  const committed = await upload([Buffer.from('payload')], sha('something else'))
  expect(committed.status).toBe(400)
  expect(((await committed.json()) as { errors: { code: string }[] }).errors[0].code).toBe('DIGEST_INVALID')
  expect(sink.uploaded.size).toBe(0)
  expect(sink.problems).toEqual([`an upload of 7 bytes was committed as ${sha('something else')} but hashes to ${sha('payload')}`])
})

test('a chunk that does not start where the upload is is refused', async () => {
  const started = await fetch(`${base}/v2/${repository}/blobs/uploads/`, { method: 'POST' })
  const location = new URL(started.headers.get('location') ?? '', base)
  const r = await fetch(location, { method: 'PATCH', body: 'abc', headers: { 'Content-Range': '10-12' } })
  expect(r.status).toBe(416)
})

test('a mount of a known blob succeeds without an upload; of an unknown one, it starts an upload', async () => {
  const [knownDigest] = [...known.keys()]
  const mounted = await fetch(`${base}/v2/${repository}/blobs/uploads/?mount=${knownDigest}&from=go-image-budget-measure/old`, { method: 'POST' })
  expect([mounted.status, mounted.headers.get('docker-content-digest')]).toEqual([201, knownDigest])
  const notMounted = await fetch(`${base}/v2/${repository}/blobs/uploads/?mount=${sha('nope')}&from=x/y`, { method: 'POST' })
  expect(notMounted.status).toBe(202)
  expect(notMounted.headers.get('location')).toMatch(new RegExp(`^/v2/${repository}/blobs/uploads/[0-9a-f]{32}$`))
})

test('the manifest is read and checked against the blobs, then refused so nothing records it', async () => {
  const layer = Buffer.from('layer bytes')
  await upload([layer])
  const config = Buffer.from('{"rootfs":{}}')
  await upload([config])
  const [knownDigest] = [...known.keys()]
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: sha(config) },
    layers: [
      { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 4242, digest: knownDigest },
      { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.length, digest: sha(layer) }
    ]
  }
  const put = await fetch(`${base}/v2/${repository}/manifests/m1`, { method: 'PUT', body: JSON.stringify(manifest), headers: { 'Content-Type': manifest.mediaType } })
  expect(put.status).toBe(403)
  expect(((await put.json()) as { errors: { code: string }[] }).errors[0].code).toBe('DENIED')
  expect(sink.manifest).toEqual({
    config: { digest: sha(config), size: config.length },
    layers: [
      { digest: knownDigest, size: 4242, mediaType: manifest.layers[0].mediaType },
      { digest: sha(layer), size: layer.length, mediaType: manifest.layers[1].mediaType }
    ]
  })
  expect(sink.problems).toEqual([])
})

test('a manifest whose sizes are not what was counted is reported', async () => {
  const layer = Buffer.from('abc')
  await upload([layer])
  const body = JSON.stringify({
    schemaVersion: 2,
    config: { digest: sha(layer), size: 3 },
    layers: [
      { digest: sha(layer), size: 4 },
      { digest: sha('never'), size: 1 }
    ]
  })
  await fetch(`${base}/v2/${repository}/manifests/m1`, { method: 'PUT', body })
  expect(sink.problems).toEqual([`the manifest lists ${sha(layer)} with 4 bytes, 3 were counted`, `the manifest lists ${sha('never')} with 1 bytes, a blob never uploaded`])
})

test("a pull's manifest question is unknown, and counts as reaching the endpoint (the probe)", async () => {
  const r = await fetch(`${base}/v2/${repository}/manifests/probe`)
  expect(r.status).toBe(404)
  expect(sink.reached).toBe(true)
})

test('another repository is not served and does not count', async () => {
  const r = await fetch(`${base}/v2/someone/else/blobs/uploads/`, { method: 'POST' })
  expect(((await r.json()) as { errors: { code: string }[] }).errors[0].code).toBe('NAME_UNKNOWN')
  expect(r.status).toBe(404)
  expect(sink.reached).toBe(false)
})

test('once closed, nothing listens', async () => {
  await sink.close()
  await expect(fetch(`${base}/v2/`)).rejects.toThrow()
  sink = await PushSink.open({ repository, known })
})

test.each([
  ['not JSON', 'nope'],
  ['a manifest list', JSON.stringify({ schemaVersion: 2, manifests: [] })],
  ['schema 1', JSON.stringify({ schemaVersion: 1, fsLayers: [] })],
  ['a layer without a digest', JSON.stringify({ schemaVersion: 2, config: { digest: sha('c'), size: 1 }, layers: [{ size: 1 }] })]
])('parseManifest refuses %s', (_name, text) => {
  expect(parseManifest(text)).toBeNull()
})
