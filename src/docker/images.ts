// The engine's images: inspect, history, save and load, pull, tags, removal.
import { CommandError, EnvironmentError, UsageError } from '../errors.js'
import { lastLines, type ExecResult, type StreamedCommand } from '../exec.js'
import { NO_DAEMON, noDaemon, type DockerCli } from './cli.js'
import { parseInspect, type InspectedImage } from './inspect.js'

/** What decides how an image starts: its config, and its HEALTHCHECK test (null when none). */
export interface StartConfig {
  entrypoint: string[] | null
  cmd: string[] | null
  workingDir: string
  env: string[]
  user: string
  healthcheck: string[] | null
}

export class DockerImages {
  /** `onLoaded` records an image a load brought in (what `cleanup` removes). */
  constructor(
    private readonly cli: DockerCli,
    private readonly onLoaded: (id: string) => void
  ) {}

  async inspect(ref: string): Promise<InspectedImage> {
    const result = await this.cli.exec(['image', 'inspect', ref])
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

  /**
   * The images the daemon has among `refs`, from one `docker image inspect`
   * (it prints the ones it has and fails for the rest); nothing is pulled.
   */
  async inspectPresent(refs: string[]): Promise<InspectedImage[]> {
    if (refs.length === 0) return []
    const r = await this.cli.exec(['image', 'inspect', '--format', '{{json .}}', ...refs]).catch(() => null)
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
    const r = await this.cli.exec(['image', 'inspect', '--format', '{{json .Config}}', image])
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

  /** `docker history` sizes, oldest row first (one per config history row), or null. */
  async historySizes(id: string): Promise<number[] | null> {
    const r = await this.cli.exec(['history', '--no-trunc', '--human=false', '--format', '{{.Size}}', id]).catch(() => null)
    if (!r || r.code !== 0) return null
    const sizes = r.stdout.trim().split('\n').map(Number)
    return sizes.every(Number.isSafeInteger) ? sizes.reverse() : null
  }

  save(id: string): StreamedCommand {
    return this.cli.spawn(['save', id])
  }

  /** Loads an image archive; returns the loaded image's id. */
  async load(archive: string): Promise<string> {
    const result = await this.cli.run(['load', '--input', archive], `docker load of ${archive}`)
    const loadedId = /Loaded image ID: (sha256:[0-9a-f]{64})/.exec(result.stdout)?.[1]
    const id = loadedId ?? /Loaded image: (\S+)/.exec(result.stdout)?.[1]
    if (!id) throw new CommandError(`docker load of ${archive} named no image`, lastLines(result.stdout))
    // A load that names a tag, not an id, loaded someone's named image: not this run's to remove.
    if (loadedId) this.onLoaded(loadedId)
    return id
  }

  /** Pulls `ref` unless the daemon has it; true when it was pulled. */
  async ensure(ref: string, platform: string | null): Promise<boolean> {
    const present = await this.cli.exec(['image', 'inspect', '--format', '{{.Id}}', ref])
    if (present.code === 0) return false
    if (noDaemon(present.stderr)) throw new EnvironmentError(NO_DAEMON)
    const pulled = await this.cli.exec(['pull', '--quiet', ...(platform ? ['--platform', platform] : []), ref])
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

  /** Number of tags on an image, or null when it is gone. */
  async tagCount(id: string): Promise<number | null> {
    const r = await this.cli.exec(['image', 'inspect', '--format', '{{len .RepoTags}}', id])
    return r.code === 0 ? Number(r.stdout.trim()) : null
  }

  async remove(id: string): Promise<ExecResult> {
    return this.cli.exec(['image', 'rm', id])
  }
}
