// Containers, never given the network: created to read an image's files,
// started to prove a suggestion starts, exec'd into for its health check.
import { randomBytes } from 'node:crypto'
import type { ExecResult, StreamedCommand } from '../exec.js'
import { withTimeout, type DockerCli } from './cli.js'

/** A command's end: its exit code and output. */
export interface CommandOutcome {
  exitCode: number
  stdout: string
  stderr: string
}

export class DockerContainers {
  constructor(private readonly cli: DockerCli) {}

  /** A container that is never started, to read files out of an image with `copyFrom`. */
  async create(image: string, options: { name: string; mounts?: string[]; command?: string[] }): Promise<ExecResult> {
    return this.cli.exec(['create', '--name', options.name, '--network', 'none', ...(options.mounts ?? []), image, ...(options.command ?? ['/nonexistent'])])
  }

  /** `docker cp CONTAINER:PATH -`: the path as a tar stream. */
  copyFrom(container: string, from: string): StreamedCommand {
    return this.cli.spawn(['cp', `${container}:${from}`, '-'])
  }

  async remove(name: string): Promise<void> {
    await this.cli.exec(['rm', '-f', '-v', name]).catch(() => null)
  }

  /**
   * The image's file system as its containers see it (all layers merged,
   * whiteouts applied): `docker export` of a container that is created, never
   * started, and removed afterwards, handed to `read` as a tar stream.
   */
  async exportFileSystem<T>(image: string, read: (tar: AsyncIterable<Buffer>) => Promise<T>): Promise<T> {
    const name = `go-image-budget-files-${randomBytes(4).toString('hex')}`
    // An entrypoint of our own: an image without ENTRYPOINT or CMD cannot be created otherwise.
    const created = await this.cli.exec(['create', '--name', name, '--network', 'none', '--entrypoint', '/go-image-budget-never-runs', image])
    if (created.code !== 0) throw new Error(`docker create ${image.slice(0, 19)} failed: ${created.stderr.trim().split('\n').pop() ?? ''}`)
    try {
      const exported = this.cli.spawn(['export', name])
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
      await this.remove(name)
    }
  }

  /**
   * `docker run -d` offline (`--network none`), on a read-only root file
   * system with a /tmp tmpfs unless `readOnly` is false; null when it started,
   * else what docker said.
   */
  async startDetached(image: string, name: string, options: { readOnly: boolean }): Promise<string | null> {
    const r = await this.cli.exec(['run', '-d', '--name', name, '--network', 'none', ...(options.readOnly ? ['--read-only', '--tmpfs', '/tmp'] : []), image])
    return r.code === 0 ? null : r.stderr.trim() || `docker run exited ${r.code}`
  }

  /** The container's exit code once it ends (an unreadable one counts as 1), or null when it still runs after `ms`. */
  async waitExit(name: string, ms: number): Promise<number | null> {
    const waited = await withTimeout(this.cli.exec(['wait', name]), ms)
    if (waited === null) return null
    const code = Number(waited.stdout.trim())
    return Number.isFinite(code) ? code : 1
  }

  /** What the container printed: stdout, then stderr. */
  async logs(name: string): Promise<{ stdout: string; stderr: string }> {
    const l = await this.cli.exec(['logs', name])
    return { stdout: l.stdout, stderr: l.stderr }
  }

  /** `docker exec NAME ARGV…` (no shell). */
  async execIn(name: string, argv: string[]): Promise<CommandOutcome> {
    const r = await this.cli.exec(['exec', name, ...argv])
    return { exitCode: r.code, stdout: r.stdout, stderr: r.stderr }
  }

  /**
   * `docker run --rm` offline, `entrypoint` replacing the image's when given;
   * null when it ran longer than `timeoutMs` (the container is then removed).
   */
  async runToEnd(image: string, options: { entrypoint: string | null; args: string[]; timeoutMs: number }): Promise<CommandOutcome | null> {
    const name = `go-image-budget-verify-${randomBytes(4).toString('hex')}`
    const args = ['run', '--rm', '--name', name, '--network', 'none', ...(options.entrypoint !== null ? ['--entrypoint', options.entrypoint] : []), image, ...options.args]
    const result = await withTimeout(this.cli.exec(args), options.timeoutMs)
    if (result === null) {
      await this.remove(name)
      return null
    }
    return { exitCode: result.code, stdout: result.stdout, stderr: result.stderr }
  }
}
