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

const DISTRIBUTIONS = ['alpine', 'debian', 'ubuntu', 'busybox', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'archlinux', 'opensuse', 'photon', 'ubi', 'ubi8', 'ubi9', 'ubi-minimal', 'wolfi-base', 'chainguard/wolfi-base']

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
