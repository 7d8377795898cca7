// Budgets, the base-branch comparison and the size trend, end to end on a real
// Docker engine and a real local registry, in a temporary git repository with
// two branches: `fat` (single-stage golang) and `slim` (multi-stage scratch).
// Each baseline source is compared in both directions; the base build runs in
// a checkout of its own, from a full clone and from a shallow clone. Fails (never skips)
// without Docker.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { historyFromReportFile } from '../../src/baseline/report.js'
import { exec, spawnStream } from '../../src/exec.js'
import type { BaseRef } from '../../src/git.js'
import { resolveBaseRef } from '../../src/github/event.js'
import { parseInputs, type InputName } from '../../src/inputs.js'
import type { Logger } from '../../src/log.js'
import { runPipeline } from '../../src/pipeline/pipeline.js'
import type { HistoryPoint, LayerDiff, Report } from '../../src/report/types.js'
import { classicSizes } from './engine.js'
import { programArgs } from '../helpers/programs.js'

const MAIN_GO = (text: string) => `package main\n\nimport "fmt"\n\nconst greeting = ${JSON.stringify(text)}\n\nfunc main() {\n\tfmt.Println(greeting)\n}\n`
// The builder steps are the same in both Dockerfiles, so a base build after the
// head build finds them in BuildKit's cache.
const BUILDER = 'WORKDIR /src\nCOPY go.mod main.go ./\nRUN CGO_ENABLED=0 go build -o /app/main .\n'
const SINGLE = `FROM golang:alpine\n${BUILDER}CMD ["/app/main"]\n`
const MULTI = `FROM golang:alpine AS build\n${BUILDER}\nFROM scratch\nCOPY --from=build /app/main /app/main\nCMD ["/app/main"]\n`
const REGISTRY = '127.0.0.1:5000'

// A fresh program per run: no BuildKit cache from an earlier run can serve it,
// so every CACHED step in the base build was built by this run's head build.
const nonce = `${Date.now()}-${process.pid}`

let dir: string
let upstream: string
const sha: Record<string, string> = {}
const cacheDir = () => path.join(dir, 'layer-cache')

const run = (cmd: string, args: string[], cwd?: string): string => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
const git = (cwd: string, ...args: string[]) => run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], cwd)
const docker = (...args: string[]) => run('docker', args)
/** The classic size python computes from `docker save` (what the report's `uncompressed` means on every engine). */
const classicSize = (id: string) => classicSizes(id).total

/** Progress and messages by log group, so the base build's log can be read on its own. */
function recordingLogger(): { logger: Logger; groups: Map<string, string> } {
  const groups = new Map<string, string>()
  let current = ''
  const add = (text: string) => groups.set(current, (groups.get(current) ?? '') + text)
  return {
    groups,
    logger: {
      info: (m) => add(`${m}\n`),
      warning: (m) => add(`warning: ${m}\n`),
      debug: (m) => add(m),
      group: async (name, fn) => {
        const outer = current
        current = name
        try {
          return await fn()
        } finally {
          current = outer
        }
      }
    }
  }
}

interface Run {
  report: Report
  groups: Map<string, string>
}

async function pipeline(checkout: string, raw: Partial<Record<InputName, string>>, ctx: { base?: BaseRef | null; previousHistory?: HistoryPoint[] } = {}): Promise<Run> {
  const inputs = parseInputs((name) => ({ 'verify-suggestion': 'false', ...raw })[name] ?? '')
  const { logger, groups } = recordingLogger()
  const tempDir = mkdtempSync(path.join(dir, 'run-'))
  const report = await runPipeline(
    inputs,
    { workspace: checkout, commit: git(checkout, 'rev-parse', 'HEAD'), base: ctx.base ?? resolveBaseRef(null, inputs.baseRef), previousHistory: ctx.previousHistory ?? [] },
    { exec, spawn: spawnStream, tempDir, cacheDir: cacheDir(), log: logger, now: () => new Date() }
  )
  rmSync(tempDir, { recursive: true, force: true })
  return { report, groups }
}

/** The layer diff's byte totals add up to the total delta: every layer is accounted for once. */
function expectDiffAddsUp(diff: LayerDiff | null | undefined, total: number | null | undefined) {
  expect(diff).toBeTruthy()
  const d = diff as LayerDiff
  const sum = Object.values(d.totals).reduce((s, t) => s + t.bytes, 0)
  expect(sum).toBe(total)
}

/** Compressed size of a pushed image, straight from the registry's manifest. */
async function manifestSize(repoTag: string): Promise<{ total: number; layers: number[] }> {
  const [repo, tag] = repoTag.replace(`${REGISTRY}/`, '').split(':')
  const response = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${tag}`, {
    headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json' }
  })
  expect(response.ok).toBe(true)
  const manifest = (await response.json()) as { layers: { size: number }[] }
  const layers = manifest.layers.map((l) => l.size)
  return { total: layers.reduce((a, b) => a + b, 0), layers }
}

let fatClone: string
let slimClone: string
// Reports of the build-source runs, reused as stored baselines.
const reports: Record<string, Report> = {}

beforeAll(() => {
  docker('info', '--format', '{{.ServerVersion}}')
  dir = mkdtempSync(path.join(os.tmpdir(), 'baseline-it-'))
  upstream = path.join(dir, 'upstream')
  run('git', ['init', '-q', '-b', 'main', upstream])
  writeFileSync(path.join(upstream, 'go.mod'), 'module hello\n\ngo 1.19\n')
  writeFileSync(path.join(upstream, 'main.go'), MAIN_GO(`hello ${nonce}`))
  writeFileSync(path.join(upstream, '.dockerignore'), '.git\n')
  git(upstream, 'add', '.')
  git(upstream, 'commit', '-qm', 'program')
  for (const [branch, dockerfile] of [
    ['fat', SINGLE],
    ['slim', MULTI],
    ['broken', `FROM golang:alpine\nRUN echo the base is broken && exit 3\n`]
  ] as const) {
    git(upstream, 'checkout', '-q', '-b', branch, 'main')
    writeFileSync(path.join(upstream, 'Dockerfile'), dockerfile)
    git(upstream, 'add', 'Dockerfile')
    git(upstream, 'commit', '-qm', branch)
    sha[branch] = git(upstream, 'rev-parse', 'HEAD')
  }
  sha.main = git(upstream, 'rev-parse', 'main')
  git(upstream, 'checkout', '-q', 'main')
  fatClone = path.join(dir, 'fat')
  slimClone = path.join(dir, 'slim')
  git(dir, 'clone', '-q', '--branch', 'fat', `file://${upstream}`, fatClone)
  git(dir, 'clone', '-q', '--branch', 'slim', `file://${upstream}`, slimClone)
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

afterEach(() => {
  // Nothing is written into either build context, and no worktree is left (the base has a checkout of its own).
  for (const clone of [fatClone, slimClone]) {
    expect(git(clone, 'status', '--porcelain', '--ignored')).toBe('')
    expect(git(clone, 'worktree', 'list').split('\n')).toHaveLength(1)
  }
})

describe('baseline: build (a checkout of the base commit)', () => {
  test('head single-stage golang vs base multi-stage scratch: grown, over budget, fail; base build reuses the cache', async () => {
    const { report, groups } = await pipeline(fatClone, { budget: '20MB', 'max-increase': '10%', baseline: 'build', 'base-ref': 'slim' })
    reports.fat = report
    const base = report.baseline
    expect(base).toMatchObject({ source: 'build', ref: 'slim', commit: sha.slim, error: null })
    expect(base.size?.uncompressed).toBe(classicSize(base.digest as string))
    expect(report.size.uncompressed).toBe(classicSize(report.image.id))
    expect(report.size.uncompressed).toBeGreaterThan(100 * (base.size?.uncompressed as number))
    expect(report.delta).toMatchObject({
      uncompressed: report.size.uncompressed - (base.size?.uncompressed as number),
      compressed: (report.size.compressed as number) - (base.size?.compressed as number),
      metric: 'uncompressed',
      unchanged: false
    })
    expect(report.delta?.percent).toBeCloseTo((100 * (report.delta?.uncompressed as number)) / (base.size?.uncompressed as number), 6)

    expect(report.status).toBe('fail')
    expect(report.budget.status).toBe('fail')
    expect(report.budget.reason).toMatch(
      /^image is \d+(\.\d+)? MB, over the 20 MB budget \(uncompressed\); image grew by \+\d+(\.\d+)? MB \(\+\d+%\) against slim, over the 10% \(\d+(\.\d+)? [kM]B\) max-increase \(uncompressed\)$/
    )

    // Nothing in common: every head layer is added, the scratch image's layers removed.
    const diff = report.layerDiff as LayerDiff
    expect(diff.totals.added.count).toBe(report.layers.length)
    expect(diff.totals.removed.count).toBe(base.layers.length)
    expect(diff.entries.filter((e) => e.change === 'removed').map((e) => e.base?.diffId)).toEqual(base.layers.map((l) => l.diffId))
    expectDiffAddsUp(diff, report.delta?.uncompressed)

    // The base build found the builder steps the head build had just made.
    const baseLog = groups.get('Baseline') ?? ''
    expect(baseLog).toMatch(/#(\d+) \[build \d\/\d\] RUN CGO_ENABLED=0 go build -o \/app\/main \.\n#\1 CACHED/)
    expect(baseLog).toMatch(/#(\d+) \[build \d\/\d\] COPY go\.mod main\.go \.\/\n#\1 CACHED/)
    const headLog = groups.get([...groups.keys()].find((k) => k.startsWith('Build and measure Dockerfile')) as string) ?? ''
    expect(headLog).toMatch(/RUN CGO_ENABLED=0 go build/)
    expect(headLog).not.toMatch(/#(\d+) \[\d\/\d\] RUN CGO_ENABLED=0 go build[^\n]*\n#\1 CACHED/)
  })

  test('the reverse: head multi-stage scratch vs base single-stage golang: shrunk, pass', async () => {
    const { report } = await pipeline(slimClone, { budget: '20MB', 'max-increase': '10%', baseline: 'build', 'base-ref': 'fat' })
    reports.slim = report
    const base = report.baseline
    expect(base).toMatchObject({ source: 'build', ref: 'fat', commit: sha.fat, error: null })
    expect(base.size?.uncompressed).toBe(classicSize(base.digest as string))
    expect(report.delta?.uncompressed).toBe(report.size.uncompressed - (base.size?.uncompressed as number))
    expect(report.delta?.uncompressed).toBeLessThan(0)
    expect(report.delta?.percent).toBeLessThan(-99)
    expect(report.status).toBe('pass')
    expect(report.budget.reason).toMatch(
      /^image is \d(\.\d+)? MB, within the 20 MB budget \(uncompressed\); image changed by -\d+ MB \(-100%\) against fat, within the 10% \(\d+(\.\d+)? MB\) max-increase \(uncompressed\)$/
    )
    const diff = report.layerDiff as LayerDiff
    expect(diff.totals.removed.count).toBe(base.layers.length)
    expect(diff.totals.added.count).toBe(report.layers.length)
    expectDiffAddsUp(diff, report.delta?.uncompressed)
    // Both sides measured the same binary-building steps: the two reports agree on the base.
    expect(base.size?.uncompressed).toBe(reports.fat.size.uncompressed)
    expect(report.size.uncompressed).toBe(reports.fat.baseline.size?.uncompressed)
  })

  test("a shallow clone fetches the pull request's base commit from the event", async () => {
    const shallow = path.join(dir, 'shallow')
    git(dir, 'clone', '-q', '--depth=1', '--branch', 'fat', `file://${upstream}`, shallow)
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true')
    expect(() => git(shallow, 'cat-file', '-e', `${sha.slim}^{commit}`)).toThrow()
    const require = createRequire(import.meta.url)
    const examples = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[]
    const opened = examples.find((e) => e.name === 'pull_request')?.examples.find((p) => p.action === 'opened') as { pull_request: Record<string, unknown> }
    const pr = opened.pull_request as { base: Record<string, unknown>; head: Record<string, unknown> }
    const payload = { ...opened, pull_request: { ...pr, base: { ...pr.base, ref: 'slim', sha: sha.slim }, head: { ...pr.head, sha: sha.fat } } }
    const base = resolveBaseRef({ name: 'pull_request', payload }, null)
    expect(base).toEqual({ ref: 'slim', sha: sha.slim })

    const { report } = await pipeline(shallow, { budget: '20MB', baseline: 'auto' }, { base })
    expect(report.baseline).toMatchObject({ source: 'build', ref: 'slim', commit: sha.slim, error: null })
    expect(report.baseline.size?.uncompressed).toBe(reports.fat.baseline.size?.uncompressed)
    expect(report.delta?.uncompressed).toBe(reports.fat.delta?.uncompressed)
    expect(report.status).toBe('fail')
    expect(git(shallow, 'status', '--porcelain', '--ignored')).toBe('')
    expect(git(shallow, 'worktree', 'list').split('\n')).toHaveLength(1)
  })

  test('a base with the same context and Dockerfile is not built again: the head image is the baseline', async () => {
    const same = path.join(dir, 'same')
    git(dir, 'clone', '-q', '--branch', 'slim', `file://${upstream}`, same)
    git(same, 'commit', '-q', '--allow-empty', '-m', 'no change to the image')
    const { report, groups } = await pipeline(same, { budget: '20MB', 'max-increase': '0', baseline: 'build', 'base-ref': 'origin/slim' })
    expect(report.baseline).toMatchObject({ source: 'build', commit: sha.slim, digest: report.image.id, error: null })
    expect(report.baseline.note).toMatch(/has the same build context and Dockerfile as this commit/)
    expect(report.delta).toMatchObject({ uncompressed: 0, compressed: 0, unchanged: true })
    expect(report.layerDiff?.totals.unchanged.count).toBe(report.layers.length)
    expect(report.status).toBe('pass')
    // No second build: the baseline group holds no build progress.
    expect(groups.get('Baseline') ?? '').not.toMatch(/load build definition/)
    // A change in the working tree (even an ignored or untracked file) means building the base.
    writeFileSync(path.join(same, 'notes.txt'), 'local change\n')
    const changed = await pipeline(same, { baseline: 'build', 'base-ref': 'origin/slim' })
    expect(changed.report.baseline.note ?? null).toBeNull()
    // It was built, from BuildKit's cache alone (notes.txt is not copied): the very same image.
    const baseLog = changed.groups.get('Baseline') ?? ''
    expect(baseLog).toMatch(/load build definition/)
    expect(baseLog).toMatch(/#(\d+) \[build \d\/\d\] RUN CGO_ENABLED=0 go build[^\n]*\n#\1 CACHED/)
    expect(changed.report.baseline.digest).toBe(changed.report.image.id)
  })

  test('a checkout of the base itself (pull_request_target\'s default) is "no baseline", not a comparison with itself', async () => {
    const { report } = await pipeline(slimClone, { budget: '20MB' }, { base: { ref: 'slim', sha: sha.slim } })
    expect(report.baseline.error).toMatch(
      /^no baseline: the checkout is the base commit slim \([0-9a-f]{7}\) itself, not the change to measure; on pull_request_target check out the pull request's head/
    )
    expect(report.delta).toBeNull()
    expect(report.status).toBe('pass')
  })

  test('--base-ref HEAD with uncommitted changes compares the working tree with the last commit', async () => {
    const local = path.join(dir, 'local')
    git(dir, 'clone', '-q', '--branch', 'slim', `file://${upstream}`, local)
    writeFileSync(path.join(local, 'main.go'), MAIN_GO(`hello ${nonce} ${'y'.repeat(100_000)}`))
    const { report } = await pipeline(local, { baseline: 'build', 'base-ref': 'HEAD' })
    expect(report.baseline).toMatchObject({ source: 'build', ref: 'HEAD', commit: sha.slim, error: null })
    expect(report.baseline.size?.uncompressed).toBe(reports.slim.size.uncompressed)
    expect(report.delta?.uncompressed).toBe(report.size.uncompressed - reports.slim.size.uncompressed)
    expect(report.delta?.uncompressed).toBeGreaterThan(90_000)
    // The local change stays where it was; the base came from a checkout of its own.
    expect(git(local, 'status', '--porcelain')).toBe('M main.go')
  })

  test.each([
    ['main', /^no baseline: main \([0-9a-f]{7}\) has no Dockerfile at Dockerfile$/],
    // The failing step and what it printed, then what to do.
    [
      'broken',
      /^no baseline: the build of broken \([0-9a-f]{7}\) failed: \[2\/2\] RUN echo the base is broken && exit 3: the base is broken; this commit builds, so the difference is in the base: fix the base branch, or compare with baseline-image or baseline-report$/
    ],
    [
      'no-such-branch',
      /^no baseline: cannot find the base commit no-such-branch locally or fetch it from origin \(git: fatal: couldn't find remote ref no-such-branch\); check out with fetch-depth: 0 /
    ]
  ])('a base %s without a usable build is "no baseline", never a failed job', async (ref, error) => {
    const { report } = await pipeline(slimClone, { budget: '20MB', 'max-increase': '0', baseline: 'build', 'base-ref': ref })
    expect(report.baseline.source).toBe('build')
    expect(report.baseline.error).toMatch(error)
    expect(report.baseline.size).toBeNull()
    expect(report.delta).toBeNull()
    expect(report.layerDiff ?? null).toBeNull()
    expect(report.status).toBe('pass')
    expect(report.budget.reason).toMatch(/^image is .* within the 20 MB budget \(uncompressed\)$/)
  })
})

describe('baseline: image (a real local registry, manifest only)', () => {
  const pushed: Record<string, string> = {}
  const push = (id: string, name: string): string => {
    const ref = `${REGISTRY}/go-image-budget-test/hello:${name}-${nonce}`
    docker('tag', id, ref)
    docker('push', ref)
    pushed[name] = ref
    return ref
  }
  afterAll(() => {
    for (const ref of Object.values(pushed)) docker('rmi', ref)
  })

  test.each([
    ['fat', 'slim'],
    ['slim', 'fat']
  ] as const)('head %s vs the pushed %s image: compared on compressed size, and says so', async (head, baseName) => {
    const ref = push((head === 'fat' ? reports.fat : reports.slim).baseline.digest as string, baseName)
    const fromRegistry = await manifestSize(ref)
    const { report } = await pipeline(head === 'fat' ? fatClone : slimClone, { budget: '20MB', 'max-increase': '10%', 'baseline-image': ref })
    const base = report.baseline
    expect(base).toMatchObject({ source: 'image', ref, error: null, size: { uncompressed: null, compressed: fromRegistry.total } })
    expect(base.note).toMatch(/compressed sizes only/)
    expect(base.layers.map((l) => l.compressed)).toEqual(fromRegistry.layers)
    expect(report.size.compressed).not.toBeNull()
    expect(report.delta).toMatchObject({ uncompressed: null, compressed: (report.size.compressed as number) - fromRegistry.total, metric: 'compressed' })
    expect(report.budget.checks?.find((c) => c.check === 'max-increase')).toMatchObject({ metric: 'compressed', actual: report.delta?.compressed })
    expect(report.status).toBe(head === 'fat' ? 'fail' : 'pass')
    const diff = report.layerDiff as LayerDiff
    expect(diff.metric).toBe('compressed')
    expectDiffAddsUp(diff, report.delta?.compressed)
    expect(diff.totals.removed.count).toBe(fromRegistry.layers.length)
  })
})

describe('baseline: report (from an earlier run)', () => {
  test.each([
    ['fat', 'slim'],
    ['slim', 'fat']
  ] as const)('head %s vs the stored %s report: the same deltas as building it', async (head, baseName) => {
    const stored = reports[baseName]
    const file = path.join(dir, `${baseName}-report.json`)
    writeFileSync(file, JSON.stringify(stored))
    const { report } = await pipeline(head === 'fat' ? fatClone : slimClone, { budget: '20MB', 'max-increase': '10%', 'baseline-report': file })
    expect(report.baseline).toMatchObject({ source: 'report', commit: stored.image.commit, error: null, size: { uncompressed: stored.size.uncompressed, compressed: stored.size.compressed } })
    expect(report.delta?.uncompressed).toBe(reports[head].delta?.uncompressed)
    expect(report.status).toBe(reports[head].status)
    expect(report.layerDiff?.totals).toEqual(reports[head].layerDiff?.totals)
  })

  test('a foreign file is "no baseline" with the reason', async () => {
    const file = path.join(dir, 'package.json')
    writeFileSync(file, JSON.stringify({ name: 'not-a-report' }))
    const { report } = await pipeline(slimClone, { budget: '20MB', 'max-increase': '0', 'baseline-report': file })
    expect(report.baseline.error).toBe(`no baseline: baseline-report '${file}' is not a go-image-budget report (no schemaVersion)`)
    expect(report.status).toBe('pass')
  })
})

describe('trend', () => {
  test('three pushes come out in order after the base point, carried through report files', async () => {
    const series = path.join(dir, 'series')
    git(dir, 'clone', '-q', '--branch', 'slim', `file://${upstream}`, series)
    git(series, 'checkout', '-q', '-b', 'grow')
    const previous = path.join(dir, 'previous-report.json')
    const commits: string[] = []
    const sizes: number[] = []
    for (let push = 1; push <= 3; push++) {
      // Each push embeds a larger constant: the binary grows.
      writeFileSync(path.join(series, 'main.go'), MAIN_GO(`hello ${nonce} ${'x'.repeat(push * 200_000)}`))
      git(series, 'commit', '-qam', `push ${push}`)
      commits.push(git(series, 'rev-parse', 'HEAD'))
      const { history } = await historyFromReportFile(previous)
      const { report } = await pipeline(series, { baseline: 'build', 'base-ref': 'origin/slim', 'history-length': '20' }, { previousHistory: history })
      writeFileSync(previous, JSON.stringify(report))
      sizes.push(report.size.uncompressed)
      // The binary's COPY pairs with the base's by stage and instruction, and grew.
      const copy = report.layerDiff?.entries.find((e) => /COPY \/app\/main/.test(e.head?.instruction ?? ''))
      expect(copy).toMatchObject({ change: 'grown', pairedBy: 'instruction' })
      // Every other layer is unchanged, so the binary's layer carries the whole growth.
      expect(copy?.delta.uncompressed).toBe(report.delta?.uncompressed)
      expect(report.layerDiff?.totals.grown.count).toBe(1)
      expect(report.layerDiff?.totals.unchanged.count).toBe(report.layers.length - 1)
      if (push === 3) {
        expect(report.history.map((p) => [p.commit, p.label ?? null])).toEqual([[sha.slim, 'base'], ...commits.map((c) => [c, null])])
        expect(report.history.slice(1).map((p) => p.uncompressed)).toEqual(sizes)
        expect(report.history[0].uncompressed).toBe(reports.slim.size.uncompressed)
        // Each push adds 200 kB of constant to the binary.
        expect(sizes[0]).toBeGreaterThan(reports.slim.size.uncompressed + 190_000)
        expect(sizes[1]).toBeGreaterThan(sizes[0] + 190_000)
        expect(sizes[2]).toBeGreaterThan(sizes[1] + 190_000)
        const times = report.history.slice(1).map((p) => Date.parse(p.at))
        expect([...times].sort((a, b) => a - b)).toEqual(times)
      }
    }
    expect(JSON.parse(readFileSync(previous, 'utf8')).history).toHaveLength(4)
  })
})

describe('entry points', () => {
  // What starts the action and the CLI after `node`.
  let action: string[]
  let program: string[]
  beforeAll(async () => {
    action = await programArgs('action')
    program = await programArgs('cli')
  })
  // The entries only run outside Jest workers, so the child must not inherit the marker.
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.JEST_WORKER_ID

  /** `name<<delimiter\nvalue\ndelimiter` records of a GITHUB_OUTPUT file. */
  const readOutputs = (file: string): Record<string, string> => {
    const outputs: Record<string, string> = {}
    const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
    for (let m = re.exec(readFileSync(file, 'utf8')); m; m = re.exec(readFileSync(file, 'utf8'))) outputs[m[1]] = m[3]
    return outputs
  }

  test.each([
    ['fat', 'slim', 'any', 1, 'fail'],
    ['fat', 'slim', 'never', 0, 'warn'],
    ['slim', 'fat', 'any', 0, 'pass']
  ] as const)('the action on a pull_request event: head %s, base %s, fail-on %s → exit %d, status %s', (head, baseBranch, failOn, code, status) => {
    const work = mkdtempSync(path.join(dir, 'action-'))
    const eventPath = path.join(work, 'event.json')
    const outputPath = path.join(work, 'output')
    writeFileSync(eventPath, JSON.stringify({ action: 'synchronize', number: 1, pull_request: { number: 1, base: { ref: baseBranch, sha: sha[baseBranch] }, head: { ref: head, sha: sha[head] } } }))
    writeFileSync(outputPath, '')
    const checkout = head === 'fat' ? fatClone : slimClone
    const result = spawnSync(process.execPath, action, {
      cwd: checkout,
      encoding: 'utf8',
      timeout: 300_000,
      env: {
        ...env,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: checkout,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
        GITHUB_OUTPUT: outputPath,
        GITHUB_STEP_SUMMARY: path.join(work, 'summary.md'),
        RUNNER_TEMP: work,
        RUNNER_TOOL_CACHE: cacheDir(),
        INPUT_BUDGET: '20MB',
        'INPUT_MAX-INCREASE': '10%',
        'INPUT_FAIL-ON': failOn,
        INPUT_COMMENT: 'false',
        'INPUT_VERIFY-SUGGESTION': 'false'
      }
    })
    expect(result.status).toBe(code)
    const outputs = readOutputs(outputPath)
    const report = JSON.parse(readFileSync(outputs.report, 'utf8')) as Report
    expect(report.image.commit).toBe(sha[head])
    expect(report.baseline).toMatchObject({ source: 'build', ref: baseBranch, commit: sha[baseBranch], error: null })
    expect(outputs).toMatchObject({
      size: String(report.size.uncompressed),
      'compressed-size': String(report.size.compressed),
      'base-size': String(reports[baseBranch].size.uncompressed),
      delta: String(report.size.uncompressed - reports[baseBranch].size.uncompressed),
      'delta-percent': String(Math.round((report.delta?.percent as number) * 100) / 100),
      status
    })
    // The failing run ends with the one-line reason naming the budget and the size.
    if (code === 1) expect(result.stdout).toMatch(/^::error::image is \d+(\.\d+)? MB, over the 20 MB budget \(uncompressed\)/m)
    else expect(result.stdout).not.toMatch(/^::error::/m)
  })

  test('the CLI compares with --base-ref in the local repository', () => {
    const json = path.join(dir, 'cli-report.json')
    const result = spawnSync(process.execPath, [...program, '--base-ref', 'fat', '--budget', '20MB', '--max-increase', '0', '--verify-suggestion', 'false', '--json', json], {
      cwd: slimClone,
      encoding: 'utf8',
      timeout: 300_000,
      env
    })
    expect(result.stderr).not.toMatch(/go-image-budget: /)
    expect(result.status).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report
    expect(report.baseline).toMatchObject({ source: 'build', ref: 'fat', commit: sha.fat, error: null })
    expect(report.delta?.uncompressed).toBe(reports.slim.delta?.uncompressed)
    expect(report.status).toBe('pass')
  })
})
