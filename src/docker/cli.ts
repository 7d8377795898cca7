// How every engine command runs: through the exec and spawn collaborators,
// with the one mapping of a silent daemon to a clear error. The adapters by
// concern (images, containers, buildx, store) share one of these.
import { CommandError, EnvironmentError } from '../errors.js'
import { lastLines, type Exec, type ExecOptions, type ExecResult, type Spawn, type StreamedCommand } from '../exec.js'

export const NO_DAEMON = 'no Docker daemon answers: start Docker (or run scripts/ensure-docker.sh) and retry'
export const NO_BUILDX = 'docker buildx is not installed: install the buildx plugin (or run scripts/ensure-docker.sh)'
export const noDaemon = (stderr: string) => /Cannot connect to the Docker daemon|error during connect|docker daemon is not running/i.test(stderr)

/**
 * The environment variables that choose the daemon and the builder a `docker`
 * command talks to: answers about the engine are shared only under the same ones.
 */
const ENGINE_VARIABLES = ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'BUILDX_BUILDER'] as const

/** Answers about the engine, per exec collaborator (a test's fake engine has its own), then per environment and question. */
const engineFacts = new WeakMap<Exec, Map<string, Promise<unknown>>>()

export class DockerCli {
  constructor(private readonly deps: { exec: Exec; spawn: Spawn }) {}

  /**
   * What the engine answers to a question that cannot change while this process
   * runs (its version and store, where the CLI reaches it, a builder's driver):
   * asked once per process, not once per adapter. A process that runs the
   * pipeline more than once (the integration suites run hundreds of runs in one
   * process, the bench a few) makes an adapter for each, and each `docker info`
   * starts the CLI and every CLI plugin. A failed answer is not kept: the next
   * caller asks again.
   */
  fact<T>(question: string, ask: () => Promise<T>): Promise<T> {
    let facts = engineFacts.get(this.deps.exec)
    if (!facts) engineFacts.set(this.deps.exec, (facts = new Map<string, Promise<unknown>>()))
    const key = `${ENGINE_VARIABLES.map((name) => process.env[name] ?? '').join('\0')}\0${question}`
    const known = facts.get(key) as Promise<T> | undefined
    if (known) return known
    const answer = ask()
    facts.set(key, answer)
    answer.catch(() => facts.delete(key))
    return answer
  }

  /** Where the CLI talks to the daemon (`unix:///var/run/docker.sock`, `tcp://…`, `ssh://…`): DOCKER_HOST or the current context; null when it cannot say. */
  daemonHost(): Promise<string | null> {
    return this.fact('daemon host', () =>
      this.exec(['context', 'inspect', '--format', '{{.Endpoints.docker.Host}}'])
        .then((r) => (r.code === 0 && r.stdout.trim() ? r.stdout.trim() : null))
        .catch(() => null)
    )
  }

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
