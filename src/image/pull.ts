// The `image` input names a local image or one in a registry. A registry image
// that is not in the daemon is pulled (for the requested platform), so it can
// be measured like a built one; a registry that cannot be reached says so.
import { CommandError, EnvironmentError, UsageError } from '../errors.js'
import { lastLines, type Exec } from '../exec.js'

/** Makes sure `ref` is in the daemon; returns true when it had to be pulled. */
export async function ensureLocalImage(ref: string, platform: string | null, exec: Exec): Promise<boolean> {
  const present = await exec('docker', ['image', 'inspect', '--format', '{{.Id}}', ref])
  if (present.code === 0) return false
  if (/Cannot connect to the Docker daemon|error during connect/i.test(present.stderr)) {
    throw new EnvironmentError('no Docker daemon answers: start Docker (or run scripts/ensure-docker.sh) and retry')
  }
  const args = ['pull', '--quiet', ...(platform ? ['--platform', platform] : []), ref]
  const pulled = await exec('docker', args)
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
