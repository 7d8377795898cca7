// Every command this project sends to the Docker engine, in one place, for
// one engine. It knows the engine (version, Go, image store) once asked, so
// callers can ask what a number means on it.
import http from 'node:http'
import { CommandError, EnvironmentError, UsageError } from '../errors.js'
import { lastLines, type Exec, type ExecResult, type Spawn, type StreamedCommand } from '../exec.js'
import { parseInspect, type InspectedImage } from './inspect.js'
import { parseBuilderInspect, parseEngineInfo, type EngineInfo } from './engine.js'

const NO_DAEMON = 'no Docker daemon answers: start Docker (or run scripts/ensure-docker.sh) and retry'
const noDaemon = (stderr: string) => /Cannot connect to the Docker daemon|error during connect|docker daemon is not running/i.test(stderr)

/** What `docker images` shows for an image on the containerd store (API 1.47+), in bytes. */
export interface ListedSize {
  /** Content plus unpacked snapshots: Docker 29's DISK USAGE. */
  diskUsage: number
  /** The stored (compressed) blobs: Docker 29's CONTENT SIZE. */
  contentSize: number
}

/** Where a bake definition comes from: its files, bake's working directory, the builder. */
export interface BakeFiles {
  files: string[]
  cwd: string
  builder: string | null
}

export class Docker {
  private engineInfo: Promise<EngineInfo> | null = null

  constructor(private readonly deps: { exec: Exec; spawn: Spawn }) {}

  private async run(args: string[], what: string): Promise<ExecResult> {
    const result = await this.deps.exec('docker', args)
    if (result.code !== 0 && noDaemon(result.stderr)) throw new EnvironmentError(NO_DAEMON)
    if (result.code !== 0) throw new CommandError(`${what} failed`, lastLines(result.stderr))
    return result
  }

  /** The engine, asked once per instance. */
  engine(): Promise<EngineInfo> {
    this.engineInfo ??= (async () => {
      const info = await this.run(['info', '--format', '{{json .}}'], 'docker info')
      const version = await this.run(['version', '--format', '{{json .Server}}'], 'docker version')
      return parseEngineInfo(info.stdout, version.stdout)
    })()
    return this.engineInfo
  }

  async inspect(ref: string): Promise<InspectedImage> {
    const result = await this.deps.exec('docker', ['image', 'inspect', ref])
    if (result.code !== 0) {
      if (noDaemon(result.stderr)) throw new EnvironmentError(NO_DAEMON)
      if (/No such image/i.test(result.stderr)) throw new UsageError(`image: no local image '${ref}'; build or pull it first`)
      throw new CommandError(`docker image inspect ${ref} failed`, lastLines(result.stderr))
    }
    return parseInspect(result.stdout)
  }

  /** The image, or null when the daemon has none of that name. */
  tryInspect(ref: string): Promise<InspectedImage | null> {
    return this.inspect(ref).catch((error: unknown) => {
      if (error instanceof EnvironmentError) throw error
      return null
    })
  }

  /** `docker history` sizes, oldest row first (one per config history row), or null. */
  async historySizes(id: string): Promise<number[] | null> {
    const r = await this.deps.exec('docker', ['history', '--no-trunc', '--human=false', '--format', '{{.Size}}', id]).catch(() => null)
    if (!r || r.code !== 0) return null
    const sizes = r.stdout.trim().split('\n').map(Number)
    return sizes.every(Number.isSafeInteger) ? sizes.reverse() : null
  }

  save(id: string): StreamedCommand {
    return this.deps.spawn('docker', ['save', id])
  }

  /** Loads an image archive; returns the loaded image's id. */
  async load(archive: string): Promise<string> {
    const result = await this.run(['load', '--input', archive], `docker load of ${archive}`)
    const id = /Loaded image ID: (sha256:[0-9a-f]{64})/.exec(result.stdout)?.[1] ?? /Loaded image: (\S+)/.exec(result.stdout)?.[1]
    if (!id) throw new CommandError(`docker load of ${archive} named no image`, lastLines(result.stdout))
    return id
  }

  /** Pulls `ref` unless the daemon has it; true when it was pulled. */
  async ensureImage(ref: string, platform: string | null): Promise<boolean> {
    const present = await this.deps.exec('docker', ['image', 'inspect', '--format', '{{.Id}}', ref])
    if (present.code === 0) return false
    if (noDaemon(present.stderr)) throw new EnvironmentError(NO_DAEMON)
    const pulled = await this.deps.exec('docker', ['pull', '--quiet', ...(platform ? ['--platform', platform] : []), ref])
    if (pulled.code === 0) return true
    const tail = lastLines(pulled.stderr, 3)
    if (/not found|manifest unknown|repository does not exist|pull access denied/i.test(pulled.stderr)) {
      throw new UsageError(`image: '${ref}' is neither a local image nor pullable (${tail.split('\n').pop()}); check the name, or docker login`)
    }
    if (/dial tcp|no such host|i\/o timeout|connection refused|TLS handshake timeout/i.test(pulled.stderr)) {
      throw new EnvironmentError(`image: '${ref}' is not local and its registry cannot be reached (${tail.split('\n').pop()})`)
    }
    throw new CommandError(`docker pull ${ref} failed`, tail)
  }

  /** A container that is never started, to read files out of an image with `copyFrom`. */
  async createContainer(image: string, options: { name: string; mounts?: string[]; command?: string[] }): Promise<ExecResult> {
    return this.deps.exec('docker', ['create', '--name', options.name, '--network', 'none', ...(options.mounts ?? []), image, ...(options.command ?? ['/nonexistent'])])
  }

  /** `docker cp CONTAINER:PATH -`: the path as a tar stream. */
  copyFrom(container: string, from: string): StreamedCommand {
    return this.deps.spawn('docker', ['cp', `${container}:${from}`, '-'])
  }

  async removeContainer(name: string): Promise<void> {
    await this.deps.exec('docker', ['rm', '-f', '-v', name]).catch(() => null)
  }

  /** Number of tags on an image, or null when it is gone. */
  async tagCount(id: string): Promise<number | null> {
    const r = await this.deps.exec('docker', ['image', 'inspect', '--format', '{{len .RepoTags}}', id])
    return r.code === 0 ? Number(r.stdout.trim()) : null
  }

  async removeImage(id: string): Promise<ExecResult> {
    return this.deps.exec('docker', ['image', 'rm', id])
  }

  /** The buildx builder's driver (`docker`, `docker-container`, `kubernetes`, `remote`). */
  async builderDriver(builder: string | null): Promise<string> {
    const r = await this.deps.exec('docker', ['buildx', 'inspect', ...(builder ? [builder] : [])])
    if (r.code !== 0) {
      if (noDaemon(r.stderr)) throw new EnvironmentError(NO_DAEMON)
      if (/unknown command|is not a docker command/.test(r.stderr)) throw new EnvironmentError('docker buildx is not installed: install the buildx plugin (or run scripts/ensure-docker.sh)')
      if (builder && /no builder|not found/i.test(r.stderr)) throw new UsageError(`builder: no buildx builder named '${builder}'; list them with 'docker buildx ls'`)
      throw new CommandError('docker buildx inspect failed', lastLines(r.stderr))
    }
    const { driver, error } = parseBuilderInspect(r.stdout)
    // The default builder of an engine that does not answer is listed with its error, and exit 0.
    if (error && noDaemon(error)) throw new EnvironmentError(NO_DAEMON)
    return driver ?? 'docker'
  }

  /**
   * `docker buildx bake --print`: the resolved definition of `targets` (the
   * default group when none) as JSON, read from `files` with `cwd` as bake's
   * working directory (contexts are relative to it). A failure is a
   * CommandError whose detail is bake's last lines (src/bake reads them).
   */
  async bakePrint(request: BakeFiles & { targets: string[] }): Promise<string> {
    const result = await this.bakeCommand(request, ['--print', ...request.targets], 'docker buildx bake --print')
    return result.stdout
  }

  /** The names of the targets and groups a bake definition has (`--list`), or null when buildx cannot list them. */
  async bakeTargetNames(request: BakeFiles): Promise<string[] | null> {
    const result = await this.bakeCommand(request, ['--list', 'type=targets,format=json'], 'docker buildx bake --list').catch(() => null)
    if (!result) return null
    try {
      const listed = JSON.parse(result.stdout) as { name?: unknown }[]
      return listed.flatMap((t) => (typeof t.name === 'string' ? [t.name] : []))
    } catch {
      return null
    }
  }

  /**
   * `docker buildx bake`: builds `targets` in one run (one BuildKit session,
   * one cache), progress to `onProgress`, results in `metadataFile`. `allowWrite`
   * is a directory bake may export archives to (its fs.write entitlement).
   */
  async bake(request: BakeFiles & { targets: string[]; metadataFile: string; allowWrite: string | null; onProgress?: (chunk: string) => void }): Promise<ExecResult> {
    const args = ['--progress', 'plain', '--metadata-file', request.metadataFile, ...(request.allowWrite ? ['--allow', `fs.write=${request.allowWrite}`] : []), ...request.targets]
    return this.bakeCommand(request, args, 'docker buildx bake', request.onProgress)
  }

  private async bakeCommand(request: BakeFiles, args: string[], what: string, onStderr?: (chunk: string) => void): Promise<ExecResult> {
    const full = ['buildx', 'bake', ...(request.builder ? ['--builder', request.builder] : []), ...request.files.flatMap((f) => ['--file', f]), ...args]
    const result = await this.deps.exec('docker', full, { cwd: request.cwd, onStderr })
    if (result.code === 0) return result
    if (noDaemon(result.stderr)) throw new EnvironmentError(NO_DAEMON)
    if (/unknown command|is not a docker command/.test(result.stderr)) throw new EnvironmentError('docker buildx is not installed: install the buildx plugin (or run scripts/ensure-docker.sh)')
    if (request.builder && /no builder .* found|failed to find builder/i.test(result.stderr)) throw new UsageError(`builder: no buildx builder named '${request.builder}'; list them with 'docker buildx ls'`)
    throw new CommandError(`${what} failed`, lastLines(result.stderr, 12))
  }

  /**
   * What `docker images` shows for the image on the containerd store: disk
   * usage and content size of the platform's manifest, from the engine API
   * (image inspect with `manifests=1`, API 1.48+). Null where the API or the
   * answer is not there (a remote engine, an older one).
   */
  async listedSize(id: string, platform: string): Promise<ListedSize | null> {
    const host = await this.deps.exec('docker', ['context', 'inspect', '--format', '{{.Endpoints.docker.Host}}']).catch(() => null)
    const socket = host && host.code === 0 ? /^unix:\/\/(.+)$/.exec(host.stdout.trim())?.[1] : null
    if (!socket) return null
    const body = await unixGet(socket, `/images/${encodeURIComponent(id)}/json?manifests=1`).catch(() => null)
    if (!body) return null
    try {
      const image = JSON.parse(body) as { Manifests?: { Kind?: string; Size?: { Content?: number; Total?: number }; ImageData?: { Platform?: { os?: string; architecture?: string; variant?: string } } }[] }
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
