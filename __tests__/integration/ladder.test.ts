// The seed's ladder end to end: every rung of examples/helloworld built with
// the project's pipeline on the engine of this jest project, measured, checked
// against python's classic sizes and against what this engine's own `docker
// push` stores, and run. Then the CLI as a user runs it. Needs Docker: fails
// (never skips) without it.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { exec, spawnStream } from '../../src/exec.js'
import { parseInputs, type InputName } from '../../src/inputs.js'
import { silentLogger } from '../../src/log.js'
import { runPipeline } from '../../src/pipeline/pipeline.js'
import type { Report } from '../../src/report/types.js'
import { classicSizes, pushAndRead, store } from './engine.js'
import { programArgs } from '../helpers/programs.js'

const root = process.cwd()
const example = 'examples/helloworld'
const rungs = ['Dockerfile.1-golang-debian', 'Dockerfile.2-golang-latest', 'Dockerfile.3-golang-alpine', 'Dockerfile.4-multistage-alpine', 'Dockerfile.5-multistage-scratch'] as const
type Rung = (typeof rungs)[number]

const reports = new Map<Rung, Report>()
let tempDir: string

const docker = (...args: string[]): string => execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()

beforeAll(() => {
  // The global setup made the engine and the stand-ins; no engine fails the suite here.
  docker('info', '--format', '{{.ServerVersion}}')
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'ladder-test-'))
})

const pushedTags: string[] = []
afterAll(() => {
  for (const tag of pushedTags) docker('rmi', tag)
  if (tempDir) rmSync(tempDir, { recursive: true, force: true })
})

async function buildRung(rung: Rung): Promise<Report> {
  const raw: Partial<Record<InputName, string>> = { context: example, file: `${example}/${rung}`, baseline: 'none' }
  const inputs = parseInputs((name) => raw[name] ?? '')
  return runPipeline(
    inputs,
    { workspace: root, commit: null },
    {
      exec,
      spawn: spawnStream,
      tempDir,
      cacheDir: path.join(tempDir, 'cache'),
      log: silentLogger,
      now: () => new Date()
    }
  )
}

describe('the seed ladder through the pipeline', () => {
  test.each(rungs)('%s: builds, measures the classic sizes, compressed as this engine pushes, prints hello world', async (rung) => {
    const report = await buildRung(rung)
    reports.set(rung, report)

    expect(report.image.id).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(report.image.dockerfile).toBe(`${example}/${rung}`)
    const classic = classicSizes(report.image.id)
    expect(report.size.uncompressed).toBe(classic.total)
    expect(report.layers.map((l) => l.uncompressed)).toEqual(classic.layers.map((l) => l.size))
    expect(report.status).toBe('pass')
    expect(docker('run', '--rm', report.image.id)).toBe('hello world')

    // What a registry stores after this engine's own push: exact from the store or the registry, else within the bounds.
    const tag = `127.0.0.1:5000/gib-ladder:${rung.slice(11)}-${process.pid}`
    docker('tag', report.image.id, tag)
    try {
      const pushed = await pushAndRead(tag)
      expect(pushed.config.diffIds).toEqual(report.layers.map((l) => l.diffId))
      const total = pushed.layers.reduce((sum, l) => sum + l.size, 0)
      const rows = report.layers.map((l, i) => ({ i, ours: l.compressed as number, theirs: pushed.layers[i].size, source: l.compressedSource }))
      if (store === 'containerd') expect(rows.map((r) => r.ours)).toEqual(rows.map((r) => r.theirs))
      // The classic store sizes its layers by the engine's own push (or the base image's registry): nothing estimated.
      else expect(rows.filter((r) => r.source !== 'push' && r.source !== 'registry')).toEqual([])
      expect(Math.abs((report.size.compressed as number) - total) / total).toBeLessThanOrEqual(0.005)
      for (const r of rows) {
        if (r.source !== 'gzip-estimate') expect(r).toEqual({ ...r, ours: r.theirs })
        else if (r.theirs >= 64 * 1024) expect([r, Math.abs(r.ours - r.theirs) / r.theirs <= 0.01]).toEqual([r, true])
      }
    } finally {
      // Untagged in afterAll: on the containerd store, removing an image's only tag removes the image.
      pushedTags.push(tag)
    }
  })

  test("sizes fall in the seed's order: single-stage > multistage-alpine > multistage-scratch", () => {
    const size = (rung: Rung): number => {
      const report = reports.get(rung)
      if (!report) throw new Error(`${rung} was not built (see its test above)`)
      return report.size.uncompressed
    }
    const multistageAlpine = size('Dockerfile.4-multistage-alpine')
    const scratch = size('Dockerfile.5-multistage-scratch')
    for (const single of rungs.slice(0, 3)) expect(size(single)).toBeGreaterThan(multistageAlpine)
    expect(multistageAlpine).toBeGreaterThan(scratch)
    // The two Debian-based toolchain images are the largest (the seed: 776MB and 816MB vs 352MB for alpine).
    expect(Math.min(size(rungs[0]), size(rungs[1]))).toBeGreaterThan(size('Dockerfile.3-golang-alpine'))

    // Scratch holds the binary and nothing else: within a few percent of its size.
    const alpineImage = reports.get('Dockerfile.4-multistage-alpine')?.image.id ?? ''
    const binary = Number(docker('run', '--rm', '--entrypoint', 'stat', alpineImage, '-c', '%s', '/app/main'))
    expect(binary).toBeGreaterThan(1_000_000)
    expect(scratch).toBeGreaterThanOrEqual(binary)
    expect(scratch).toBeLessThanOrEqual(binary * 1.03)
  })
})

describe('the CLI', () => {
  // The CLI entry only runs main() outside Jest workers, so the child must not inherit the marker.
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.JEST_WORKER_ID
  let program: string[]
  beforeAll(async () => {
    program = await programArgs('cli')
  })
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [...program, ...args], {
      cwd: root,
      env: { ...env, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 300_000
    })

  test('builds the scratch rung, exits 0 and writes the JSON report', () => {
    const json = path.join(tempDir, 'report.json')
    const run = cli('--context', example, '--file', `${example}/Dockerfile.5-multistage-scratch`, '--budget', '20MB', '--json', json)
    expect(run.stderr).not.toMatch(/go-image-budget: /)
    expect(run.status).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report
    expect(report.schemaVersion).toBe(1)
    expect(report.status).toBe('pass')
    expect(report.budget.limit).toBe(20_000_000)
    expect(report.budget.status).toBe('pass')
    expect(report.size.uncompressed).toBe(classicSizes(report.image.id).total)
    expect(run.stdout).toContain('PASS')
  })

  test('a single-stage rung over the budget exits 1 with a fail verdict', () => {
    const json = path.join(tempDir, 'fail.json')
    const run = cli('--context', example, '--file', `${example}/Dockerfile.3-golang-alpine`, '--budget', '20MB', '--json', json)
    expect(run.status).toBe(1)
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report
    expect(report.status).toBe('fail')
    expect(report.budget.status).toBe('fail')
    expect(report.size.uncompressed).toBeGreaterThan(20_000_000)
  })

  test.each([
    ['a Dockerfile that does not exist', ['--context', example, '--file', `${example}/Dockerfile.nope`], /file/],
    ['a context that does not exist', ['--context', 'examples/nope'], /context/],
    ['a budget that is not a size', ['--context', example, '--file', `${example}/Dockerfile.5-multistage-scratch`, '--budget', 'abc'], /budget/],
    ['an unknown flag', ['--context', example, '--no-such-flag', 'x'], /no-such-flag/]
  ])('%s: exit 2 with one line naming the problem', (_case, args, names) => {
    const run = cli(...args)
    expect(run.status).toBe(2)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^go-image-budget: /)
    expect(lines[0]).toMatch(names)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  test('an unreachable Docker daemon: exit 2, the last line says so', () => {
    const run = spawnSync(process.execPath, [...program, '--context', example, '--file', `${example}/Dockerfile.5-multistage-scratch`], {
      cwd: root,
      env: { ...env, DOCKER_HOST: `unix://${path.join(tempDir, 'no-docker.sock')}` },
      encoding: 'utf8',
      timeout: 120_000
    })
    expect(run.status).toBe(2)
    const errors = run.stderr
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('go-image-budget: '))
    expect(errors).toHaveLength(1)
    expect(run.stderr.trim().endsWith(errors[0])).toBe(true)
    expect(errors[0]).toMatch(/docker/i)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})
