// Running the pipeline on a context with the suggestion verified, keeping
// track of the images it built (the original first, the suggestion last) so
// a test can run both the same way, offline, and compare what they do.
// Each is tagged gib12-… at once (so no other run's clean-up of untagged
// images takes it away mid-test); `removeAll` removes them.
//
// The images are loaded with `--load` on every engine. On the containerd
// store the product itself exports each build as an archive and loads that
// (Docker.buildOutput), which for an 886 MB rung takes 15 to 25 s against 12 s
// with `--load` (both from BuildKit's cache). These tests are about the advice
// and its proof, not about that path, which measure, errors, bake, ladder,
// baseline and the publish tests keep covering on the containerd engine.
// Likewise the layer-size cache is the run's, per engine (global-setup.mjs),
// not the file's: a base image's layers are read in full once per run, by the
// first file that measures them, as a user's second run would find them.
import { randomBytes } from 'node:crypto'
import { removeBuiltImages } from '../../src/docker/cleanup.js'
import { Docker } from '../../src/docker/docker.js'
import { exec, spawnStream, type Exec, type Spawn } from '../../src/exec.js'
import { parseInputs, type InputName } from '../../src/inputs.js'
import { silentLogger } from '../../src/log.js'
import { runPipeline } from '../../src/pipeline/pipeline.js'
import type { Report } from '../../src/report/types.js'
import { runLayerCache } from './engine.js'

const built: string[] = []
const tags: string[] = []

/** Tags an image gib12-<random>:<role> and remembers the tag for removeAll. */
async function keep(id: string, role: string): Promise<string> {
  const tag = `gib12-corpus-${randomBytes(4).toString('hex')}:${role}`
  const r = await exec('docker', ['tag', id, tag])
  if (r.code !== 0) throw new Error(`docker tag ${id.slice(0, 19)} failed: ${r.stderr.trim()}`)
  tags.push(tag)
  return tag
}

export interface Advised {
  report: Report
  original: string
  /** The suggestion's image, when it was built. */
  suggestion: string | null
}

/** The product's engine adapter, building with `--load` wherever the builder can (see above). */
export class LoadingDocker extends Docker {
  constructor(deps: { exec: Exec; spawn: Spawn }) {
    super(deps)
    const buildx = this.buildx
    const productOutput = buildx.output.bind(buildx)
    // The docker driver loads on either store; another driver keeps the product's choice.
    buildx.output = async (builder) => ((await buildx.builderDriver(builder)) === 'docker' ? 'load' : productOutput(builder))
  }
}

export async function adviseAndProve(context: string, raw: Partial<Record<InputName, string>>, dirs: { workspace: string; tempDir: string }): Promise<Advised> {
  const all: Partial<Record<InputName, string>> = { context, baseline: 'none', 'verify-suggestion': 'true', ...raw }
  const docker = new LoadingDocker({ exec, spawn: spawnStream })
  const report = await runPipeline(
    parseInputs((name) => all[name] ?? ''),
    { workspace: dirs.workspace, commit: null },
    {
      exec,
      spawn: spawnStream,
      docker,
      tempDir: dirs.tempDir,
      cacheDir: runLayerCache ?? `${dirs.tempDir}/cache`,
      log: silentLogger,
      now: () => new Date()
    }
  )
  built.push(...docker.builtImages)
  const [original, ...rest] = docker.builtImages
  const suggestion = rest.length > 0 ? rest[rest.length - 1] : null
  return { report, original: await keep(original, 'original'), suggestion: suggestion ? await keep(suggestion, 'suggestion') : null }
}

/** `docker run --rm --network none IMAGE ARGS…`: what a user's offline run shows. */
export async function runOffline(image: string, args: string[] = [], options: { entrypoint?: string } = {}): Promise<{ code: number; output: string }> {
  const r = await exec('docker', ['run', '--rm', '--network', 'none', ...(options.entrypoint ? ['--entrypoint', options.entrypoint] : []), image, ...args])
  return { code: r.code, output: `${r.stdout}${r.stderr}`.trim() }
}

/** Starts IMAGE detached (no network), runs `command` inside it once it answers, and removes it. */
export async function askRunning(image: string, command: string[], tries = 20): Promise<{ code: number; output: string }> {
  const name = `gib12-ask-${randomBytes(4).toString('hex')}`
  const started = await exec('docker', ['run', '-d', '--name', name, '--network', 'none', image])
  if (started.code !== 0) return { code: started.code, output: started.stderr.trim() }
  try {
    let r = await exec('docker', ['exec', name, ...command])
    for (let i = 1; i < tries && r.code !== 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      r = await exec('docker', ['exec', name, ...command])
    }
    return { code: r.code, output: `${r.stdout}${r.stderr}`.trim() }
  } finally {
    await exec('docker', ['rm', '-f', name])
  }
}

export async function removeAll(): Promise<void> {
  // One CLI call for every tag (each call costs a process and the engine's round trips).
  const all = tags.splice(0)
  if (all.length > 0) await exec('docker', ['image', 'rm', ...all])
  await removeBuiltImages(built.splice(0), new Docker({ exec, spawn: spawnStream }).images, silentLogger)
}
