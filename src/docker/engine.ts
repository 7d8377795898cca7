// What the Docker engine is: version, the Go it was built with (its
// `docker push` compresses with that Go's compress/gzip), and the image store.
// The store decides what `docker image inspect` Size, `docker history` and
// `docker save` mean (design.md, "The engines users run"):
//   - `overlay2` (the classic graph-driver store): inspect Size and history are
//     the unpacked sizes; save streams uncompressed layer tars.
//   - `containerd` (the containerd image store, Docker 29's default): inspect
//     Size is content (or content plus snapshots), history is block-rounded
//     disk usage, the image id is the manifest (or index) digest, and save
//     streams the stored blobs, compressed as pulled or built.
// Pure parsing here; the command that asks is in docker.ts.

export type ImageStore = 'overlay2' | 'containerd' | 'other-graph-driver'

export interface EngineInfo {
  /** `28.5.2` (a distribution's suffix such as `+dfsg4` kept). */
  version: string
  apiVersion: string
  /** The Go release the daemon was built with, e.g. `go1.27.1`. */
  goVersion: string
  store: ImageStore
  /** The graph driver or snapshotter: `overlay2`, `overlayfs`, `vfs`, … */
  storageDriver: string
  /** Docker Hub mirrors the daemon pulls through (`registry-mirrors`). */
  mirrors: string[]
  os: string
  architecture: string
  /** A rootless daemon (its own user and network namespaces). */
  rootless: boolean
}

interface RawInfo {
  ServerVersion?: string
  Driver?: string
  DriverStatus?: [string, string][] | null
  RegistryConfig?: { Mirrors?: string[] | null } | null
  OSType?: string
  Architecture?: string
  SecurityOptions?: string[] | null
}
interface RawVersion {
  Version?: string
  ApiVersion?: string
  GoVersion?: string
}

/** Reads `docker info --format '{{json .}}'` and `docker version --format '{{json .Server}}'`. */
export function parseEngineInfo(infoJson: string, serverVersionJson: string): EngineInfo {
  const info = JSON.parse(infoJson) as RawInfo
  const server = JSON.parse(serverVersionJson) as RawVersion | null
  const driverType = (info.DriverStatus ?? []).find(([key]) => key === 'driver-type')?.[1] ?? ''
  const driver = info.Driver ?? ''
  const store: ImageStore = /snapshotter/.test(driverType) ? 'containerd' : driver === 'overlay2' ? 'overlay2' : 'other-graph-driver'
  const architecture = { x86_64: 'amd64', aarch64: 'arm64' }[info.Architecture ?? ''] ?? info.Architecture ?? ''
  return {
    version: server?.Version ?? info.ServerVersion ?? '',
    apiVersion: server?.ApiVersion ?? '',
    goVersion: server?.GoVersion ?? '',
    store,
    storageDriver: driver,
    mirrors: (info.RegistryConfig?.Mirrors ?? []).map((m) => m.replace(/\/+$/, '')),
    os: info.OSType ?? 'linux',
    architecture,
    rootless: (info.SecurityOptions ?? []).some((o) => /(^|,)name=rootless(,|$)/.test(o))
  }
}

/** `Docker 28.5.2 (containerd image store, Go 1.27.1)`: how the report names an engine. */
export function describeEngine(engine: EngineInfo): string {
  const store = engine.store === 'containerd' ? 'containerd image store' : `${engine.storageDriver} graph driver`
  return `Docker ${engine.version} (${store}${engine.goVersion ? `, ${engine.goVersion.replace(/^go/, 'Go ')}` : ''})`
}

/** The driver and error lines of `docker buildx inspect [NAME]` (text output; buildx has no JSON format for it). */
export function parseBuilderInspect(stdout: string): { driver: string | null; error: string | null } {
  return {
    driver: /^Driver:[ \t]*(\S+)/m.exec(stdout)?.[1] ?? null,
    error: /^Error:[ \t]*(.+)$/m.exec(stdout)?.[1]?.trim() ?? null
  }
}
