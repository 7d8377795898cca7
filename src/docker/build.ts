// Running a build. The image lands in the daemon (`--load`); its id comes from
// `--iidfile`, and is recorded on the Docker instance (what `cleanup`
// removes). A failing build ends with buildx's last error lines.
import { statSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { CommandError, EnvironmentError, UsageError } from '../errors.js'
import type { Docker } from './docker.js'
import { lastLines } from '../exec.js'
import { buildFailureSummary } from './build-failure.js'
import { composeBuildArgs, type BuildRequest } from './build-args.js'

export interface BuildOptions extends Omit<BuildRequest, 'iidFile' | 'metadataFile' | 'secretFiles' | 'archive'> {
  /** `id=value` pairs; written to private temp files for the build's duration. */
  secrets: string[]
  /**
   * `archive`: export an image archive (the docker-container driver cannot `--load`
   * exact blobs; the containerd store's docker driver can export too) and load it;
   * the archive is kept in `tempDir` for the measurement. Default `load`.
   */
  output?: 'load' | 'archive'
  /** `secret-files`, resolved and checked by resolveSecretSources. */
  secretFiles?: { id: string; path: string }[]
}

/** A build of `file` (null: the context's Dockerfile) in `context` with nothing else set: every list empty. */
export function buildOptionsFor(context: string, file: string | null, overrides: Partial<BuildOptions> = {}): BuildOptions {
  return { context, file, target: null, platform: null, builder: null, buildArgs: [], buildContexts: [], cacheFrom: [], cacheTo: [], labels: [], tags: [], secrets: [], ...overrides }
}

export interface SecretSources {
  secretFiles: { id: string; path: string }[]
  secretEnvs: { id: string; env: string }[]
}

/**
 * `secret-files` resolved against the workspace and `secret-envs` checked
 * against the environment, before anything is built: buildx would fail late
 * on a missing file, and silently mount nothing for a variable that is unset.
 */
export function resolveSecretSources(
  inputs: { secretFiles: { id: string; path: string }[]; secretEnvs: { id: string; env: string }[] },
  workspace: string,
  env: Record<string, string | undefined>
): SecretSources {
  const secretFiles = inputs.secretFiles.map(({ id, path: file }, i) => {
    const resolved = path.resolve(workspace, file)
    if (!statSync(resolved, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`secret-files: entry ${i + 1} (id ${id}): no file at ${file}; create it in an earlier step or fix the path`)
    return { id, path: resolved }
  })
  for (const [i, { id, env: name }] of inputs.secretEnvs.entries()) {
    if (env[name] === undefined) throw new UsageError(`secret-envs: entry ${i + 1} (id ${id}): the variable ${name} is not set; set it in the step's env:`)
  }
  return { secretFiles, secretEnvs: inputs.secretEnvs }
}

export interface BuildDeps {
  /** Runs the build, loads an exported archive, and records the image it made. */
  docker: Docker
  tempDir: string
  /** Receives build progress lines (plain progress on stderr). */
  onProgress?: (chunk: string) => void
}

export interface BuildResult {
  imageId: string
  /** The exported image archive (`output: archive`), in `tempDir`; the caller removes it. */
  archive: string | null
  /** Plain progress output, for tests and cache checks; contains no secret values. */
  log: string
}

export async function buildImage(options: BuildOptions, deps: BuildDeps): Promise<BuildResult> {
  const dir = await mkdtemp(path.join(deps.tempDir, 'build-'))
  try {
    const secretFiles = [...(await writeSecrets(options.secrets, dir)), ...(options.secretFiles ?? [])]
    const iidFile = path.join(dir, 'iid')
    const archive = options.output === 'archive' ? path.join(deps.tempDir, `image-${path.basename(dir)}.tar`) : null
    const args = composeBuildArgs({ ...options, secretFiles, iidFile, metadataFile: null, archive })
    const result = await deps.docker.buildx.build(args, deps.onProgress)
    if (result.code !== 0) {
      if (archive) await rm(archive, { force: true })
      throw buildFailure(result.stderr, options)
    }
    if (!archive) {
      const imageId = (await readFile(iidFile, 'utf8')).trim()
      deps.docker.recordBuilt(imageId)
      return { imageId, archive: null, log: result.stderr }
    }
    try {
      return { imageId: await deps.docker.images.load(archive), archive, log: result.stderr }
    } catch (error) {
      await rm(archive, { force: true })
      throw error
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function writeSecrets(secrets: string[], dir: string): Promise<{ id: string; path: string }[]> {
  const files = []
  for (const [i, secret] of secrets.entries()) {
    const eq = secret.indexOf('=')
    if (eq <= 0) throw new UsageError(`secrets: entry ${i + 1} is not 'id=value'`)
    // The value exactly as given: a key's final newline is part of it.
    const id = secret.slice(0, eq).trim()
    const file = path.join(dir, `secret-${i}`)
    await writeFile(file, secret.slice(eq + 1), { mode: 0o600 })
    files.push({ id, path: file })
  }
  return files
}

function buildFailure(stderr: string, options: BuildOptions): Error {
  const tail = lastLines(stderr, 12)
  if (/Cannot connect to the Docker daemon|docker daemon is not running|error during connect/i.test(stderr)) {
    return new EnvironmentError('no Docker daemon answers: start Docker (or run scripts/ensure-docker.sh) and retry')
  }
  if (/unknown command: docker buildx|'buildx' is not a docker command|unknown flag: --load/.test(stderr)) {
    return new EnvironmentError('docker buildx is not installed: install the buildx plugin (or run scripts/ensure-docker.sh)')
  }
  if (/no builder .* found|failed to find builder/i.test(stderr)) {
    return new UsageError(`builder: no buildx builder named '${options.builder}'; list them with 'docker buildx ls'`)
  }
  // The failing step and its output, from enough of the end to hold buildx's summary of it.
  return new CommandError(`docker buildx build failed for ${options.file ?? 'Dockerfile'} in ${options.context}`, tail, buildFailureSummary(lastLines(stderr, 60)))
}
