// How every engine command runs: through the exec and spawn collaborators,
// with the one mapping of a silent daemon to a clear error. The adapters by
// concern (images, containers, buildx, store) share one of these.
import { CommandError, EnvironmentError } from '../errors.js'
import { lastLines, type Exec, type ExecOptions, type ExecResult, type Spawn, type StreamedCommand } from '../exec.js'

export const NO_DAEMON = 'no Docker daemon answers: start Docker (or run scripts/ensure-docker.sh) and retry'
export const NO_BUILDX = 'docker buildx is not installed: install the buildx plugin (or run scripts/ensure-docker.sh)'
export const noDaemon = (stderr: string) => /Cannot connect to the Docker daemon|error during connect|docker daemon is not running/i.test(stderr)

export class DockerCli {
  constructor(private readonly deps: { exec: Exec; spawn: Spawn }) {}

  /** `docker ARGS…`, whatever its exit code. */
  exec(args: string[], options?: ExecOptions): Promise<ExecResult> {
    return this.deps.exec('docker', args, options)
  }

  /** `docker ARGS…` as a stream (its stdout read as it comes). */
  spawn(args: string[]): StreamedCommand {
    return this.deps.spawn('docker', args)
  }

  /** `docker ARGS…` that must succeed: a silent daemon and a failure become errors that say so. */
  async run(args: string[], what: string): Promise<ExecResult> {
    const result = await this.exec(args)
    if (result.code !== 0 && noDaemon(result.stderr)) throw new EnvironmentError(NO_DAEMON)
    if (result.code !== 0) throw new CommandError(`${what} failed`, lastLines(result.stderr))
    return result
  }
}

/** The promise's value, or null when it takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
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
