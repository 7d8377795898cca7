// The engine commands of a push measurement (src/image/push-sizes.ts): where
// the CLI reaches the daemon, a pull that probes whether the daemon reaches an
// endpoint, a temporary tag, the push itself (killed when it stalls), and the
// tag's removal, which never removes the image.
import { CommandError } from '../errors.js'
import { lastLines } from '../exec.js'
import type { DockerCli } from './cli.js'

export interface PushOutcome {
  /** The push's exit code; null when it was stopped because it stalled. */
  code: number | null
  /** Its last stderr lines (docker push reports the registry's answer there). */
  stderr: string
}

/** An empty tar (the end-of-archive blocks): what the temporary tag is moved to before it is removed. */
const EMPTY_TAR = '\0'.repeat(1024)

export class DockerPush {
  constructor(private readonly cli: DockerCli) {}

  /** Where the CLI talks to the daemon: DOCKER_HOST or the current context; null when it cannot say. */
  daemonHost(): Promise<string | null> {
    return this.cli.daemonHost()
  }

  /** `docker pull --quiet REF`, stopped after `timeoutMs`: only the requests it makes matter (the endpoint counts them). */
  async probe(ref: string, timeoutMs: number): Promise<void> {
    await this.runStoppable(['pull', '--quiet', ref], () => false, timeoutMs)
  }

  async tag(image: string, ref: string): Promise<void> {
    const r = await this.cli.exec(['tag', image, ref])
    if (r.code !== 0) throw new CommandError(`docker tag ${image.slice(0, 19)} ${ref} failed`, lastLines(r.stderr))
  }

  /**
   * `docker push --quiet REF`; `stalled` is asked every `pollMs` and stops the push when true.
   * With `platform` (the containerd store), only that platform's manifest is pushed, as a
   * single-platform image: no index, no attestation manifests.
   */
  async push(ref: string, stalled: () => boolean, pollMs = 1000, platform?: string): Promise<PushOutcome> {
    return this.runStoppable(['push', '--quiet', ...(platform ? ['--platform', platform] : []), ref], stalled, Infinity, pollMs)
  }

  /**
   * How many references (tags and digests) the image has, or null when it cannot be inspected.
   * `tagsOnly` on the containerd store: there an image is its names, and each tag is listed
   * again as a digest (repo@digest) that goes with it, so only tags count (an image named by
   * digest alone counts as none: its tag is moved off first, which never harms).
   */
  async references(image: string, tagsOnly = false): Promise<number | null> {
    const r = await this.cli.exec(['image', 'inspect', '--format', '{{len .RepoTags}} {{len .RepoDigests}}', image])
    const [tags, digests] = r.code === 0 ? r.stdout.trim().split(' ').map(Number) : [NaN, NaN]
    const count = tagsOnly ? tags : tags + digests
    return Number.isSafeInteger(count) ? count : null
  }

  /**
   * Removes the tag `ref` from `image` and nothing else. Removing an image's
   * last reference removes the image, so unless the image has another one
   * (`references` counts them, `ref` included) the tag is first moved to an
   * empty image imported for that, which is then removed.
   */
  async untag(ref: string, image: string, references: number | null): Promise<void> {
    if (references === null || references < 2) {
      const moved = await this.cli.exec(['image', 'import', '-', ref], { input: EMPTY_TAR })
      if (moved.code !== 0) throw new CommandError(`could not move the temporary tag ${ref} off ${image.slice(0, 19)}`, lastLines(moved.stderr))
    }
    const removed = await this.cli.exec(['image', 'rm', ref])
    if (removed.code !== 0) throw new CommandError(`docker image rm ${ref} failed`, lastLines(removed.stderr))
  }

  /** Runs a docker command, stopped after `timeoutMs` or once `stalled()` says so. */
  private async runStoppable(args: string[], stalled: () => boolean, timeoutMs: number, pollMs = 100): Promise<PushOutcome> {
    const command = this.cli.spawn(args)
    command.stdout.resume()
    const started = Date.now()
    let stopped = false
    const timer = setInterval(() => {
      if (stopped || !(stalled() || Date.now() - started > timeoutMs)) return
      stopped = true
      command.kill()
    }, pollMs)
    try {
      await command.done
      return { code: 0, stderr: '' }
    } catch (error) {
      if (stopped) return { code: null, stderr: '' }
      if (error instanceof CommandError) return { code: 1, stderr: error.detail }
      throw error
    } finally {
      clearInterval(timer)
    }
  }
}
