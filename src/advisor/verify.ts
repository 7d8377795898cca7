// Proof: build the suggested Dockerfile with the user's context and build
// settings, measure it, prove it starts (proof/: its files and config, then a
// start offline), and optionally run `verify-command` in it. The Dockerfile
// is written outside the context (and passed with --file), so the context is
// untouched and BuildKit's cache for the build stage is reused. A failure is
// reported, never thrown: the advice stands without the claim.
import { randomBytes } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { buildImage, type BuildOptions } from '../docker/build.js'
import { errorMessage } from '../errors.js'
import { lastLines, type Exec, type Spawn } from '../exec.js'
import { inspectImage } from '../docker/inspect.js'
import type { Sizes, SuggestionProof } from '../report/types.js'
import { proveItStarts } from './proof/prove.js'
import type { ExpectedPath } from './proof/startup.js'
import { splitCommands } from './shell.js'

export interface VerifyRequest {
  dockerfile: string
  /** The user's build settings; file and target are replaced. */
  build: Omit<BuildOptions, 'file' | 'target'>
  /** The measured image's size, to compute the savings. */
  originalSize: number
  verifyCommand: string | null
  /** What the original's final stage received, which the suggestion must still have. */
  expectedPaths?: ExpectedPath[]
  /** The measured original image (its exit code tells a program's own failure from a broken image). */
  originalImage?: string | null
}

export interface VerifyDeps {
  exec: Exec
  /** Streams the suggestion's file system (`docker export`) for the start proof. */
  spawn: Spawn
  tempDir: string
  onProgress?: (chunk: string) => void
  /** How long verify-command may run. */
  runTimeoutMs?: number
  /** How long the started suggestion must stay up to count as running (ms). */
  startWaitMs?: number
  /** Measures the built suggestion (compressed size too); without it, `docker image inspect`'s exact uncompressed size. */
  measure?: (imageId: string) => Promise<Sizes>
}

export interface VerifyResult {
  verified: boolean
  imageId: string | null
  size: Sizes | null
  savings: number | null
  error: string | null
  verifyCommand: { command: string; exitCode: number; output: string } | null
  /** What proves (or refutes) that it starts. */
  proof: SuggestionProof | null
  /** The suggestion's plain build progress (shows which steps came from the cache). */
  buildLog: string
}

export async function verifySuggestion(req: VerifyRequest, deps: VerifyDeps): Promise<VerifyResult> {
  const dir = await mkdtemp(path.join(deps.tempDir, 'suggestion-'))
  const file = path.join(dir, 'Dockerfile')
  await writeFile(file, req.dockerfile)
  let imageId: string
  let buildLog: string
  try {
    const built = await buildImage({ ...req.build, file, target: null, cacheTo: [] }, { exec: deps.exec, tempDir: dir, onProgress: deps.onProgress })
    imageId = built.imageId
    buildLog = built.log
  } catch (error) {
    return { verified: false, imageId: null, size: null, savings: null, error: `the suggested Dockerfile did not build: ${errorMessage(error)}`, verifyCommand: null, proof: null, buildLog: '' }
  }
  const size: Sizes = deps.measure ? await deps.measure(imageId) : { uncompressed: (await inspectImage(imageId, deps.exec)).size, compressed: null }
  const savings = req.originalSize - size.uncompressed
  const proven = await proveItStarts(imageId, { expectedPaths: req.expectedPaths ?? [], originalImage: req.originalImage ?? null, waitMs: deps.startWaitMs }, deps)
  const proof: SuggestionProof = { checks: proven.checks, start: proven.start }
  const built = { imageId, size, savings, proof, buildLog }
  if (!proven.ok) return { ...built, verified: false, error: `the suggested image was built but ${proven.reason}`, verifyCommand: null }
  if (!req.verifyCommand) return { ...built, verified: true, error: null, verifyCommand: null }

  const run = await runInImage(imageId, req.verifyCommand, deps)
  const ok = run.exitCode === 0
  return {
    ...built,
    verified: ok,
    error: ok ? null : `verify-command '${req.verifyCommand}' exited with ${run.exitCode} in the suggested image: ${lastLines(run.output, 3)}`,
    verifyCommand: run
  }
}

/** Runs a command (no shell: scratch has none) as the image's entrypoint; removes the container. */
export async function runInImage(imageId: string, command: string, deps: VerifyDeps): Promise<{ command: string; exitCode: number; output: string }> {
  const words = splitCommands(command)[0] ?? []
  const name = `go-image-budget-verify-${randomBytes(4).toString('hex')}`
  const args = ['run', '--rm', '--name', name, '--network', 'none']
  if (words.length > 0) args.push('--entrypoint', words[0])
  args.push(imageId, ...words.slice(1))
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), deps.runTimeoutMs ?? 120_000) })
  const result = await Promise.race([deps.exec('docker', args), timeout])
  clearTimeout(timer)
  if (result === null) {
    await deps.exec('docker', ['rm', '-f', name])
    return { command, exitCode: 124, output: `timed out after ${Math.round((deps.runTimeoutMs ?? 120_000) / 1000)} s` }
  }
  const output = (result.stdout + (result.stderr ? `\n${result.stderr}` : '')).trim()
  return { command, exitCode: result.code, output: output.length > 2000 ? output.slice(-2000) : output }
}
