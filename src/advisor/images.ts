// What a base image name says about the image: a Go toolchain, a full
// distribution, or a minimal base a static Go binary can run on. Pure.

export type BaseKind =
  | 'scratch'
  | 'distroless-static'
  | 'distroless' // distroless with libc (base, cc, …): fine for cgo, more than a static binary needs
  | 'go-toolchain'
  | 'distribution'
  | 'unknown'

export interface BaseInfo {
  kind: BaseKind
  /** The distribution a toolchain or distribution image is built on, when the name says. */
  flavour: string | null
  /** Runs as a non-root user by default (`:nonroot` distroless). */
  nonRoot: boolean
}

const DISTRIBUTIONS = [
  'alpine',
  'debian',
  'ubuntu',
  'busybox',
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'oraclelinux',
  'archlinux',
  'opensuse',
  'photon',
  'ubi',
  'ubi8',
  'ubi9',
  'ubi-minimal',
  'wolfi-base',
  'chainguard/wolfi-base'
]

/** The repository part of an image reference without registry, tag or digest. */
export function repository(image: string): string {
  const noDigest = image.split('@')[0]
  const slash = noDigest.lastIndexOf('/')
  const colon = noDigest.lastIndexOf(':')
  return (colon > slash ? noDigest.slice(0, colon) : noDigest).toLowerCase()
}

export function tagOf(image: string): string {
  const noDigest = image.split('@')[0]
  const slash = noDigest.lastIndexOf('/')
  const colon = noDigest.lastIndexOf(':')
  return colon > slash ? noDigest.slice(colon + 1).toLowerCase() : 'latest'
}

export function classifyBase(image: string): BaseInfo {
  const repo = repository(image)
  const tag = tagOf(image)
  const last = repo.split('/').pop() ?? repo
  if (repo === 'scratch') return { kind: 'scratch', flavour: null, nonRoot: false }
  if (repo.includes('distroless/')) {
    const nonRoot = tag.includes('nonroot')
    return { kind: last.startsWith('static') ? 'distroless-static' : 'distroless', flavour: 'debian', nonRoot }
  }
  if (last === 'static' && repo.includes('chainguard')) return { kind: 'distroless-static', flavour: null, nonRoot: true }
  if (last === 'golang' || last === 'go' || last === 'gcc' || last.startsWith('golang')) {
    const flavour = /alpine/.test(tag) ? 'alpine' : /bookworm|bullseye|buster|stretch|trixie/.test(tag) || tag === 'latest' || /^\d/.test(tag) ? 'debian' : null
    return { kind: 'go-toolchain', flavour, nonRoot: false }
  }
  const distro = DISTRIBUTIONS.find((d) => repo === d || last === d || repo.endsWith(`/${d}`))
  if (distro) return { kind: 'distribution', flavour: distro.split('/').pop() ?? distro, nonRoot: false }
  return { kind: 'unknown', flavour: null, nonRoot: false }
}

/** Scratch or distroless static: no libc, so only a statically linked binary starts. */
export const isMinimalStatic = (kind: BaseKind): boolean => kind === 'scratch' || kind === 'distroless-static'

/** The bases suggestions use; both exist wherever the user's own builder image does. */
export const SCRATCH = 'scratch'
export const DISTROLESS_STATIC_NONROOT = 'gcr.io/distroless/static-debian12:nonroot'

/** What a base image brings to the stages built on it. */
export interface ImageDefaults {
  env: Record<string, string>
  workdir: string
  user: string
  entrypoint: string[] | null
  cmd: string[] | null
  /** `image`: read from the local image's config; `documented`: the image's documented defaults. */
  source: 'image' | 'documented'
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/**
 * The defaults the official images document, for when the image is not at
 * hand (dockerfile-only mode): golang sets GOPATH=/go, puts /go/bin and
 * /usr/local/go/bin on PATH and works in /go; alpine and busybox run /bin/sh,
 * Debian-based images bash. Null for images we know nothing about.
 */
export function documentedDefaults(image: string): ImageDefaults | null {
  const info = classifyBase(image)
  const repo = repository(image)
  const last = repo.split('/').pop() ?? repo
  if (info.kind === 'go-toolchain' && last.startsWith('golang')) {
    const version = /^(\d+\.\d+(\.\d+)?)/.exec(tagOf(image))?.[1]
    return {
      env: { ...(version ? { GOLANG_VERSION: version } : {}), GOPATH: '/go', PATH: `/go/bin:/usr/local/go/bin:${DEFAULT_PATH}` },
      workdir: '/go',
      user: '',
      entrypoint: null,
      cmd: info.flavour === 'alpine' ? ['/bin/sh'] : ['bash'],
      source: 'documented'
    }
  }
  if (info.kind === 'distribution') {
    const shell = ['alpine', 'busybox'].includes(info.flavour ?? '') ? ['/bin/sh'] : ['bash']
    return { env: { PATH: DEFAULT_PATH }, workdir: '/', user: '', entrypoint: null, cmd: shell, source: 'documented' }
  }
  if (info.kind === 'distroless' || info.kind === 'distroless-static') {
    return { env: { PATH: DEFAULT_PATH, SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt' }, workdir: '/', user: info.nonRoot ? '65532' : '', entrypoint: null, cmd: null, source: 'documented' }
  }
  return null
}

/** Go version of a toolchain image: its GOLANG_VERSION, else a version in its tag (`golang:1.9-alpine` → 1.9). */
export function goVersionOfImage(image: string, defaults: ImageDefaults | null): string | null {
  if (classifyBase(image).kind !== 'go-toolchain') return null
  const fromEnv = defaults?.env.GOLANG_VERSION
  if (fromEnv && /^\d+\.\d+/.test(fromEnv)) return fromEnv
  return /^(\d+\.\d+(\.\d+)?)/.exec(tagOf(image))?.[1] ?? null
}

/** Compares dotted Go versions (`1.9` < `1.13`); a missing version counts as current (newer than any). */
export function goAtLeast(version: string | null, wanted: string): boolean {
  if (!version) return true
  const a = version.replace(/^go/, '').split('.').map(Number)
  const b = wanted.split('.').map(Number)
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0
    const y = b[i] ?? 0
    if (x !== y) return x > y
  }
  return true
}
