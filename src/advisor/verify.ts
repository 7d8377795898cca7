// Proof: build the suggested Dockerfile with the user's context and build
// settings, measure it, prove it starts (proof/: its files and config, then a
// start offline), and optionally run `verify-command` in it. The Dockerfile
// is written outside the context (and passed with --file), so the context is
// untouched and BuildKit's cache for the build stage is reused. A failure is
// reported, never thrown: the advice stands without the claim.
import { mkdtemp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { BuiltAndMeasured } from '../image/build-measure.js'
import type { BuildOptions, BuildResult } from '../docker/build.js'
import type { Docker } from '../docker/docker.js'
import { errorMessage } from '../errors.js'
import { lastLines } from '../exec.js'
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
  /** Builds, inspects, exports and starts the suggestion; records what it built. */
  docker: Docker
  /** Where the suggested Dockerfile is written (outside the context). */
  tempDir: string
  /** Builds and measures the suggestion (the run's one build-and-measure); `onBuilt` once it is built. */
  buildAndMeasure: (options: BuildOptions, onBuilt: (built: BuildResult) => void) => Promise<BuiltAndMeasured>
  /** How long verify-command may run. */
  runTimeoutMs?: number
  /** How long the started suggestion must stay up to count as running (ms). */
  startWaitMs?: number
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
  let made: BuiltAndMeasured
  let wasBuilt = false
  try {
    made = await deps.buildAndMeasure({ ...req.build, file, target: null, cacheTo: [] }, () => {
      wasBuilt = true
    })
  } catch (error) {
    // A measurement that fails after the build is not the suggestion's fault: the caller says it could not be verified.
    if (wasBuilt) throw error
    return { verified: false, imageId: null, size: null, savings: null, error: `the suggested Dockerfile did not build: ${errorMessage(error)}`, verifyCommand: null, proof: null, buildLog: '' }
  }
  const imageId = made.built.imageId
  const buildLog = made.built.log
  const size: Sizes = { uncompressed: made.measurement.size.uncompressed, compressed: made.measurement.size.compressed }
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
export async function runInImage(imageId: string, command: string, deps: { docker: Docker; runTimeoutMs?: number }): Promise<{ command: string; exitCode: number; output: string }> {
  const words = splitCommands(command)[0] ?? []
  const timeoutMs = deps.runTimeoutMs ?? 120_000
  const result = await deps.docker.containers.runToEnd(imageId, { entrypoint: words.length > 0 ? words[0] : null, args: words.slice(1), timeoutMs })
  if (result === null) return { command, exitCode: 124, output: `timed out after ${Math.round(timeoutMs / 1000)} s` }
  const output = (result.stdout + (result.stderr ? `\n${result.stderr}` : '')).trim()
  return { command, exitCode: result.exitCode, output: output.length > 2000 ? output.slice(-2000) : output }
}
