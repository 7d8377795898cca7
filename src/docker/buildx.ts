// buildx: builds, bake, and what the builder is (its driver decides how a
// build reaches the measurement).
import { CommandError, EnvironmentError, UsageError } from '../errors.js'
import { lastLines, type ExecResult } from '../exec.js'
import { NO_BUILDX, NO_DAEMON, noDaemon, type DockerCli } from './cli.js'
import { parseBuilderInspect } from './engine.js'
import type { DockerStore } from './store.js'

/** Where a bake definition comes from: its files, bake's working directory, the builder. */
export interface BakeFiles {
  files: string[]
  cwd: string
  builder: string | null
}

export class DockerBuildx {
  constructor(
    private readonly cli: DockerCli,
    private readonly store: DockerStore
  ) {}

  /** `docker buildx build …` (`args` from composeBuildArgs, starting with `buildx build`), progress to `onProgress`. */
  build(args: string[], onProgress?: (chunk: string) => void): Promise<ExecResult> {
    return this.cli.exec(args, { onStderr: onProgress })
  }

  /** The buildx builder's driver (`docker`, `docker-container`, `kubernetes`, `remote`), asked once per process (DockerCli.fact). */
  builderDriver(builder: string | null): Promise<string> {
    return this.cli.fact(`builder driver ${builder ?? ''}`, () => this.askBuilderDriver(builder))
  }

  private async askBuilderDriver(builder: string | null): Promise<string> {
    const r = await this.cli.exec(['buildx', 'inspect', ...(builder ? [builder] : [])])
    if (r.code !== 0) {
      if (noDaemon(r.stderr)) throw new EnvironmentError(NO_DAEMON)
      if (/unknown command|is not a docker command/.test(r.stderr)) throw new EnvironmentError(NO_BUILDX)
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
  async output(builder: string | null): Promise<'load' | 'archive'> {
    // One after the other: the builder is asked first (a missing builder is the clearer error).
    const driver = await this.builderDriver(builder)
    if (driver !== 'docker') return 'archive'
    return (await this.store.engine()).store === 'containerd' ? 'archive' : 'load'
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
    const result = await this.cli.exec(full, { cwd: request.cwd, onStderr })
    if (result.code === 0) return result
    if (noDaemon(result.stderr)) throw new EnvironmentError(NO_DAEMON)
    if (/unknown command|is not a docker command/.test(result.stderr)) throw new EnvironmentError(NO_BUILDX)
    if (request.builder && /no builder .* found|failed to find builder/i.test(result.stderr))
      throw new UsageError(`builder: no buildx builder named '${request.builder}'; list them with 'docker buildx ls'`)
    throw new CommandError(`${what} failed`, lastLines(result.stderr, 12))
  }
}
