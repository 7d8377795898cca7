import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fetchRegistryImage, parseChallenge, parseReference, registryBaseUrl, selectPlatform, RegistryError } from '../../src/registry/registry.js'

describe('parseReference', () => {
  test.each([
    ['golang', 'docker.io', 'library/golang', 'latest'],
    ['golang:1.22-alpine', 'docker.io', 'library/golang', '1.22-alpine'],
    ['user/app:v1', 'docker.io', 'user/app', 'v1'],
    ['127.0.0.1:5000/app', '127.0.0.1:5000', 'app', 'latest'],
    ['localhost/team/app:dev', 'localhost', 'team/app', 'dev'],
    ['gcr.io/distroless/static-debian12:nonroot', 'gcr.io', 'distroless/static-debian12', 'nonroot'],
    [`ghcr.io/o/app:1@sha256:${'ab'.repeat(32)}`, 'ghcr.io', 'o/app', `sha256:${'ab'.repeat(32)}`]
  ])('%s', (ref, registry, repository, reference) => {
    expect(parseReference(ref)).toEqual({ registry, repository, reference })
  })

  test.each(['', 'UPPER/case', 'app:bad tag', 'app@sha256:xyz'])('rejects %j', (ref) => {
    expect(() => parseReference(ref)).toThrow(RegistryError)
  })
})

test.each([
  ['127.0.0.1:5000', 'http://127.0.0.1:5000'],
  ['localhost:5000', 'http://localhost:5000'],
  ['ghcr.io', 'https://ghcr.io'],
  ['registry.example:8443', 'https://registry.example:8443']
])('registryBaseUrl(%s)', (registry, url) => {
  expect(registryBaseUrl(registry)).toBe(url)
})

test('parseChallenge reads a Bearer challenge', () => {
  expect(parseChallenge('Bearer realm="https://auth.example/token",service="reg",scope="repository:a/b:pull"')).toEqual({
    scheme: 'bearer',
    params: { realm: 'https://auth.example/token', service: 'reg', scope: 'repository:a/b:pull' }
  })
})

test('selectPlatform matches os/arch, variants and skips attestations', () => {
  const m = (os: string, architecture: string, variant?: string) => ({ mediaType: 'x', digest: `${os}-${architecture}-${variant}`, size: 1, platform: { os, architecture, variant } })
  const list = [m('unknown', 'unknown'), m('linux', 'amd64'), m('linux', 'arm', 'v7'), m('linux', 'arm64', 'v8')]
  expect(selectPlatform(list, 'linux/amd64')?.digest).toBe('linux-amd64-undefined')
  expect(selectPlatform(list, 'linux/arm64')?.digest).toBe('linux-arm64-v8')
  expect(selectPlatform(list, 'linux/arm/v7')?.digest).toBe('linux-arm-v7')
  expect(selectPlatform(list, 'linux/arm/v6')).toBeNull()
  expect(selectPlatform(list, 'windows/amd64')).toBeNull()
})

// A small registry over real HTTP: an OCI index with two platforms behind a
// Bearer token service that wants Basic credentials.
describe('fetchRegistryImage against a token-protected registry', () => {
  let server: Server
  let base: string
  let configPath: string
  const requests: string[] = []
  const digest = (body: string) => `sha256:${createHash('sha256').update(body).digest('hex')}`
  const config = (arch: string) =>
    JSON.stringify({
      os: 'linux',
      architecture: arch,
      rootfs: { type: 'layers', diff_ids: [`sha256:${'1'.repeat(64)}`, `sha256:${'2'.repeat(64)}`] },
      history: [{ created_by: 'ADD base' }, { created_by: 'ENV A=1', empty_layer: true }, { created_by: 'COPY x /x # buildkit' }]
    })
  const blobs = new Map<string, string>()
  const manifest = (arch: string) => {
    const cfg = config(arch)
    blobs.set(digest(cfg), cfg)
    return JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: digest(cfg), size: cfg.length },
      layers: [
        { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${'a'.repeat(64)}`, size: arch === 'amd64' ? 1000 : 1100 },
        { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${'b'.repeat(64)}`, size: 50 }
      ]
    })
  }

  beforeAll(async () => {
    const amd = manifest('amd64')
    const arm = manifest('arm64')
    blobs.set(digest(amd), amd)
    blobs.set(digest(arm), arm)
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digest(amd), size: amd.length, platform: { os: 'linux', architecture: 'amd64' } },
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digest(arm), size: arm.length, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } }
      ]
    })
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`)
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/token') {
        if (req.headers.authorization !== `Basic ${Buffer.from('me:secret').toString('base64')}`) return void res.writeHead(401).end()
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: `tok-${url.searchParams.get('scope')}` }))
      }
      if (req.headers.authorization !== 'Bearer tok-repository:team/app:pull') {
        return void res.writeHead(401, { 'www-authenticate': `Bearer realm="${base}/token",service="test",scope="repository:team/app:pull"` }).end()
      }
      const m = /^\/v2\/team\/app\/(manifests|blobs)\/(.+)$/.exec(url.pathname)
      if (m && m[1] === 'manifests' && m[2] === 'v1') return void res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' }).end(index)
      const body = m ? blobs.get(m[2]) : undefined
      if (body) return void res.writeHead(200).end(body)
      res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const dir = mkdtempSync(path.join(os.tmpdir(), 'regtest-'))
    configPath = path.join(dir, 'config.json')
    writeFileSync(configPath, JSON.stringify({ auths: { [base.replace('http://', '')]: { auth: Buffer.from('me:secret').toString('base64') } } }))
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  test('resolves the arm64 entry of the index with a token', async () => {
    const ref = `${base.replace('http://', '')}/team/app:v1`
    const image = await fetchRegistryImage(ref, 'linux/arm64', { dockerConfigPath: configPath })
    expect(image.platform).toBe('linux/arm64')
    expect(image.layers.map((l) => l.size)).toEqual([1100, 50])
    expect(image.config.diffIds).toHaveLength(2)
    expect(image.config.history.filter((h) => !h.empty_layer)).toHaveLength(2)
    expect(image.manifestDigest).toBe(digest(manifest('arm64')))
    expect(requests).toContain(`GET /token?service=test&scope=repository%3Ateam%2Fapp%3Apull`)
  })

  test('without credentials it says unauthorised', async () => {
    const ref = `${base.replace('http://', '')}/team/app:v1`
    await expect(fetchRegistryImage(ref, 'linux/amd64', { dockerConfigPath: '/nonexistent' })).rejects.toMatchObject({ kind: 'unauthorized' })
  })

  test('a missing platform names the ones there are', async () => {
    const ref = `${base.replace('http://', '')}/team/app:v1`
    await expect(fetchRegistryImage(ref, 'linux/s390x', { dockerConfigPath: configPath })).rejects.toThrow(/linux\/amd64, linux\/arm64\/v8/)
  })

  test('a missing tag is not-found', async () => {
    const ref = `${base.replace('http://', '')}/team/app:v2`
    await expect(fetchRegistryImage(ref, null, { dockerConfigPath: configPath })).rejects.toMatchObject({ kind: 'not-found' })
  })
})
