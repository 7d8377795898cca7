// Every command this project sends to the Docker engine, in one place, for
// one engine. It knows the engine (version, Go, image store) once asked, so
// callers can ask what a number means on it.
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { CommandError, EnvironmentError, UsageError } from '../errors.js'
import { lastLines, type Exec, type ExecResult, type Spawn, type StreamedCommand } from '../exec.js'
import { parseInspect, type InspectedImage } from './inspect.js'
import { parseBuilderInspect, parseEngineInfo, type EngineInfo } from './engine.js'
import { PushCommands } from './push.js'

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

/** What decides how an image starts: its config, and its HEALTHCHECK test (null when none). */
export interface StartConfig {
  entrypoint: string[] | null
  cmd: string[] | null
  workingDir: string
  env: string[]
  user: string
  healthcheck: string[] | null
}

/** A command's end: its exit code and output. */
export interface CommandOutcome {
  exitCode: number
  stdout: string
  stderr: string
}

export class Docker {
  private engineInfo: Promise<EngineInfo> | null = null
  /**
   * The images this instance built or loaded, in order, without repeats: what
   * `cleanup` removes. The build records them (buildImage, bakeBuild, load);
   * nothing reads command lines to find them.
   */
  readonly builtImages: string[] = []

  /** The commands of a push measurement (push.ts). */
  readonly pushCommands: PushCommands

  constructor(private readonly deps: { exec: Exec; spawn: Spawn }) {
    this.pushCommands = new PushCommands(deps)
  }

  private async run(args: string[], what: string): Promise<ExecResult> {
    const result = await this.deps.exec('docker', args)
    if (result.code !== 0 && noDaemon(result.stderr)) throw new EnvironmentError(NO_DAEMON)
    if (result.code !== 0) throw new CommandError(`${what} failed`, lastLines(result.stderr))
    return result
  }

  /** Records an image this run made (a build's `--iidfile`, a bake run's metadata, a load). */
  recordBuilt(id: string): void {
    if (id && !this.builtImages.includes(id)) this.builtImages.push(id)
  }

  /** `docker buildx build …` (`args` from composeBuildArgs, starting with `buildx build`), progress to `onProgress`. */
  buildx(args: string[], onProgress?: (chunk: string) => void): Promise<ExecResult> {
    return this.deps.exec('docker', args, { onStderr: onProgress })
  }

  /** The engine, asked once per instance. */
  engine(): Promise<EngineInfo> {
    this.engineInfo ??= (async () => {
      const [info, version] = await Promise.all([this.run(['info', '--format', '{{json .}}'], 'docker info'), this.run(['version', '--format', '{{json .Server}}'], 'docker version')])
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
    const loadedId = /Loaded image ID: (sha256:[0-9a-f]{64})/.exec(result.stdout)?.[1]
    const id = loadedId ?? /Loaded image: (\S+)/.exec(result.stdout)?.[1]
    if (!id) throw new CommandError(`docker load of ${archive} named no image`, lastLines(result.stdout))
    // A load that names a tag, not an id, loaded someone's named image: not this run's to remove.
    if (loadedId) this.recordBuilt(loadedId)
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

  /**
   * The images the daemon has among `refs`, from one `docker image inspect`
   * (it prints the ones it has and fails for the rest); nothing is pulled.
   */
  async inspectPresent(refs: string[]): Promise<InspectedImage[]> {
    if (refs.length === 0) return []
    const r = await this.deps.exec('docker', ['image', 'inspect', '--format', '{{json .}}', ...refs]).catch(() => null)
    return (r?.stdout ?? '')
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => {
        try {
          return [parseInspect(line)]
        } catch {
          return [] // not an image's JSON
        }
      })
  }

  /** How `image` starts: entrypoint, command, working directory (`/` when unset), env, user, HEALTHCHECK. */
  async startConfig(image: string): Promise<StartConfig> {
    const r = await this.deps.exec('docker', ['image', 'inspect', '--format', '{{json .Config}}', image])
    if (r.code !== 0) throw new Error(`docker image inspect ${image.slice(0, 19)} failed: ${r.stderr.trim().split('\n').pop() ?? ''}`)
    const c = (JSON.parse(r.stdout) ?? {}) as {
      Entrypoint?: string[] | null
      Cmd?: string[] | null
      WorkingDir?: string
      Env?: string[] | null
      User?: string
      Healthcheck?: { Test?: string[] | null } | null
    }
    const test = c.Healthcheck?.Test ?? null
    return {
      entrypoint: c.Entrypoint ?? null,
      cmd: c.Cmd ?? null,
      workingDir: c.WorkingDir || '/',
      env: c.Env ?? [],
      user: c.User ?? '',
      healthcheck: test && test.length > 0 && test[0] !== 'NONE' ? test : null
    }
  }

  /**
   * The image's file system as its containers see it (all layers merged,
   * whiteouts applied): `docker export` of a container that is created, never
   * started, and removed afterwards, handed to `read` as a tar stream.
   */
  async exportFileSystem<T>(image: string, read: (tar: AsyncIterable<Buffer>) => Promise<T>): Promise<T> {
    const name = `go-image-budget-files-${randomBytes(4).toString('hex')}`
    // An entrypoint of our own: an image without ENTRYPOINT or CMD cannot be created otherwise.
    const created = await this.deps.exec('docker', ['create', '--name', name, '--network', 'none', '--entrypoint', '/go-image-budget-never-runs', image])
    if (created.code !== 0) throw new Error(`docker create ${image.slice(0, 19)} failed: ${created.stderr.trim().split('\n').pop() ?? ''}`)
    try {
      const exported = this.deps.spawn('docker', ['export', name])
      try {
        const result = await read(exported.stdout as AsyncIterable<Buffer>)
        await exported.done
        return result
      } catch (error) {
        exported.kill()
        await exported.done.catch(() => null)
        throw error
      }
    } finally {
      await this.removeContainer(name)
    }
  }

  /**
   * `docker run -d` offline (`--network none`), on a read-only root file
   * system with a /tmp tmpfs unless `readOnly` is false; null when it started,
   * else what docker said.
   */
  async startDetached(image: string, name: string, options: { readOnly: boolean }): Promise<string | null> {
    const r = await this.deps.exec('docker', ['run', '-d', '--name', name, '--network', 'none', ...(options.readOnly ? ['--read-only', '--tmpfs', '/tmp'] : []), image])
    return r.code === 0 ? null : r.stderr.trim() || `docker run exited ${r.code}`
  }

  /** The container's exit code once it ends (an unreadable one counts as 1), or null when it still runs after `ms`. */
  async waitExit(name: string, ms: number): Promise<number | null> {
    const waited = await withTimeout(this.deps.exec('docker', ['wait', name]), ms)
    if (waited === null) return null
    const code = Number(waited.stdout.trim())
    return Number.isFinite(code) ? code : 1
  }

  /** What the container printed: stdout, then stderr. */
  async logs(name: string): Promise<{ stdout: string; stderr: string }> {
    const l = await this.deps.exec('docker', ['logs', name])
    return { stdout: l.stdout, stderr: l.stderr }
  }

  /** `docker exec NAME ARGV…` (no shell). */
  async execIn(name: string, argv: string[]): Promise<CommandOutcome> {
    const r = await this.deps.exec('docker', ['exec', name, ...argv])
    return { exitCode: r.code, stdout: r.stdout, stderr: r.stderr }
  }

  /**
   * `docker run --rm` offline, `entrypoint` replacing the image's when given;
   * null when it ran longer than `timeoutMs` (the container is then removed).
   */
  async runToEnd(image: string, options: { entrypoint: string | null; args: string[]; timeoutMs: number }): Promise<CommandOutcome | null> {
    const name = `go-image-budget-verify-${randomBytes(4).toString('hex')}`
    const args = ['run', '--rm', '--name', name, '--network', 'none', ...(options.entrypoint !== null ? ['--entrypoint', options.entrypoint] : []), image, ...options.args]
    const result = await withTimeout(this.deps.exec('docker', args), options.timeoutMs)
    if (result === null) {
      await this.removeContainer(name)
      return null
    }
    return { exitCode: result.code, stdout: result.stdout, stderr: result.stderr }
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
   * How a build reaches the measurement. The docker driver on the classic store can
   * only `--load`; every other builder (docker-container, as setup-buildx-action
   * makes; the docker driver on the containerd store) exports an image archive,
   * whose manifest carries the exact compressed blobs BuildKit pushes, and loads it.
   */
  async buildOutput(builder: string | null): Promise<'load' | 'archive'> {
    // One after the other: the builder is asked first (a missing builder is the clearer error).
    const driver = await this.builderDriver(builder)
    if (driver !== 'docker') return 'archive'
    return (await this.engine()).store === 'containerd' ? 'archive' : 'load'
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
    if (request.builder && /no builder .* found|failed to find builder/i.test(result.stderr))
      throw new UsageError(`builder: no buildx builder named '${request.builder}'; list them with 'docker buildx ls'`)
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

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
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
