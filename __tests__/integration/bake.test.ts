// `bake`: a three-target bake file measured and compared with its base commit
// in one run, on the real engine. A temporary git repository holds small Go
// programs built on the stand-in images (golang:alpine builders; scratch and
// alpine finals): `main` is the base, the branch `change` grows the api's
// binary, strips the cron's (through the bake file's args) and leaves the
// worker alone; cron builds for two platforms (cross-compiled: no emulation).
// Every size is checked against python's classic sizes of the very images the
// run built. Fails (never skips) without Docker.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runBakePipeline } from '../../src/pipeline/bake.js'
import { exec, spawnStream, type Exec } from '../../src/exec.js'
import { resolveBaseRef } from '../../src/github/event.js'
import { parseInputs, type InputName } from '../../src/inputs.js'
import type { Logger } from '../../src/log.js'
import { renderCombined } from '../../src/render/combined.js'
import { nameReports } from '../../src/report/set.js'
import type { Report } from '../../src/report/types.js'
import { classicSizes, store } from './engine.js'

// A fresh program per run: no BuildKit cache from an earlier run can serve it.
const nonce = `${Date.now()}-${process.pid}`
const MAIN_GO = (text: string, extra = '') => `package main\n\nimport "fmt"\n\nconst greeting = ${JSON.stringify(text)}\n${extra}\nfunc main() {\n\tfmt.Println(greeting)\n}\n`
// 200,000 bytes of string constant: the api's head binary carries them.
const PAYLOAD = `\nvar payload = ${JSON.stringify(Array.from({ length: 4000 }, (_, i) => `${nonce}-${String(i).padStart(6, '0')}-`.padEnd(50, 'x')).join(''))}\n\nfunc init() { _ = payload[len(payload)-1] }\n`
const BUILD = (out: string, flags = '') => `WORKDIR /src\nCOPY go.mod main.go ./\nRUN CGO_ENABLED=0 go build ${flags}-o ${out} .\n`
const DOCKERFILES = {
  api: `FROM golang:alpine AS build\n${BUILD('/out/api')}\nFROM scratch\nCOPY --from=build /out/api /api\nENTRYPOINT ["/api"]\n`,
  worker: `FROM golang:alpine AS build\n${BUILD('/out/worker')}\nFROM alpine\nCOPY --from=build /out/worker /usr/local/bin/worker\nENTRYPOINT ["worker"]\n`,
  // Cross-compiled on the build platform: the arm64 image needs no emulator.
  cron: `FROM --platform=$BUILDPLATFORM golang:alpine AS build\nARG TARGETARCH\nARG LDFLAGS=\nWORKDIR /src\nCOPY go.mod main.go ./\nRUN CGO_ENABLED=0 GOARCH=$TARGETARCH go build -ldflags="$LDFLAGS" -o /out/cron .\n\nFROM scratch AS final\nCOPY --from=build /out/cron /cron\nENTRYPOINT ["/cron"]\n\nFROM final AS debug\n`
}
const BAKE = (cronLdflags: string) =>
  `group "default" {\n  targets = ["api", "worker", "cron"]\n}\n\ntarget "api" {\n  context = "services/api"\n  tags = ["gib15-test/api:dev"]\n}\n\ntarget "worker" {\n  context = "services/worker"\n  tags = ["gib15-test/worker:dev"]\n  output = ["type=registry"]\n}\n\ntarget "cron" {\n  context = "services/cron"\n  target = "final"\n  platforms = ["linux/amd64", "linux/arm64"]\n  args = { LDFLAGS = "${cronLdflags}" }\n}\n`

let dir: string
let clone: string
const sha: Record<string, string> = {}
const built = new Set<string>()

const run = (cmd: string, args: string[], cwd?: string): string => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
const git = (cwd: string, ...args: string[]) => run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], cwd)
const write = (root: string, rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
  writeFileSync(path.join(root, rel), text)
}

/** Progress and messages by log group, and every command the run sent to docker. */
function recording(): { logger: Logger; groups: Map<string, string>; commands: string[][]; exec: Exec } {
  const groups = new Map<string, string>()
  const commands: string[][] = []
  let current = ''
  const add = (text: string) => groups.set(current, (groups.get(current) ?? '') + text)
  return {
    groups,
    commands,
    exec: (command, args, options) => {
      if (command === 'docker') commands.push(args)
      return exec(command, args, options)
    },
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

async function bake(raw: Partial<Record<InputName, string>>) {
  const inputs = parseInputs((name) => ({ bake: 'docker-bake.hcl', 'base-ref': 'main', 'verify-suggestion': 'false', ...raw })[name] ?? '')
  const rec = recording()
  const tempDir = mkdtempSync(path.join(dir, 'run-'))
  try {
    const reports = await runBakePipeline(
      inputs,
      { workspace: clone, commit: git(clone, 'rev-parse', 'HEAD'), base: resolveBaseRef(null, inputs.baseRef), previousHistory: [] },
      { exec: rec.exec, spawn: spawnStream, tempDir, cacheDir: path.join(dir, 'layer-cache'), log: rec.logger, now: () => new Date() }
    )
    for (const r of reports) {
      built.add(r.image.id)
      if (r.baseline.digest && r.baseline.digest !== r.image.id) built.add(r.baseline.digest)
    }
    return { reports, ...rec }
  } finally {
    rmSync(tempDir, { recursive: true, force: true })
  }
}

beforeAll(() => {
  run('docker', ['info', '--format', '{{.ServerVersion}}'])
  dir = mkdtempSync(path.join(os.tmpdir(), 'bake-it-'))
  const upstream = path.join(dir, 'upstream')
  run('git', ['init', '-q', '-b', 'main', upstream])
  for (const name of ['api', 'worker', 'cron'] as const) {
    write(upstream, `services/${name}/go.mod`, `module ${name}\n\ngo 1.19\n`)
    write(upstream, `services/${name}/main.go`, MAIN_GO(`${name} ${nonce}`))
    write(upstream, `services/${name}/Dockerfile`, DOCKERFILES[name])
  }
  write(upstream, 'docker-bake.hcl', BAKE(''))
  write(upstream, '.dockerignore', '.git\n')
  git(upstream, 'add', '.')
  git(upstream, 'commit', '-qm', 'three services')
  sha.main = git(upstream, 'rev-parse', 'HEAD')
  git(upstream, 'checkout', '-q', '-b', 'change')
  write(upstream, 'services/api/main.go', MAIN_GO(`api ${nonce}`, PAYLOAD))
  write(upstream, 'docker-bake.hcl', BAKE('-s -w'))
  git(upstream, 'commit', '-qam', 'api carries a payload; cron is stripped')
  sha.change = git(upstream, 'rev-parse', 'HEAD')
  clone = path.join(dir, 'clone')
  git(dir, 'clone', '-q', '--branch', 'change', `file://${upstream}`, clone)
  git(clone, 'branch', '-q', 'main', 'origin/main')
})

afterAll(() => {
  for (const id of built) spawnSync('docker', ['image', 'rm', '-f', id], { stdio: 'ignore' })
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('bake: three targets, one run, compared with the base commit', () => {
  let reports: Report[]
  let groups: Map<string, string>
  let commands: string[][]
  const byName = (name: string) => reports.find((r) => r.name === name) as Report

  beforeAll(async () => {
    ;({ reports, groups, commands } = await bake({ budget: '20MB' }))
  }, 900_000)

  test('one report per target and platform (in the order bake prints them), named by the target', () => {
    expect(reports.map((r) => r.name)).toEqual(['api', 'cron (linux/amd64)', 'cron (linux/arm64)', 'worker'])
    expect(reports.map((r) => [r.image.bakeTarget, r.image.dockerfile, r.image.target, r.image.platform])).toEqual([
      ['api', 'services/api/Dockerfile', null, 'linux/amd64'],
      ['cron', 'services/cron/Dockerfile', 'final', 'linux/amd64'],
      ['cron', 'services/cron/Dockerfile', 'final', 'linux/arm64'],
      ['worker', 'services/worker/Dockerfile', null, 'linux/amd64']
    ])
    for (const r of reports) expect(r.image.commit).toBe(sha.change)
  })

  test('the head in ONE bake run and the base in ONE more; nothing tagged, nothing pushed', () => {
    const runs = commands.filter((a) => a[0] === 'buildx' && a[1] === 'bake' && !a.includes('--print') && !a.includes('--list'))
    expect(runs).toHaveLength(2)
    expect(runs.every((a) => a.filter((x) => x === '--file').length === 2)).toBe(true)
    expect(commands.some((a) => a[0] === 'buildx' && a[1] === 'build' && !a.includes('--file'))).toBe(false)
    expect(commands.filter((a) => a[0] === 'push')).toEqual([])
    for (const tag of ['gib15-test/api:dev', 'gib15-test/worker:dev']) expect(() => run('docker', ['image', 'inspect', tag])).toThrow()
  })

  test('every size is the classic size of the image the run built, head and base', () => {
    for (const r of reports) {
      expect(r.size.uncompressed).toBe(classicSizes(r.image.id).total)
      expect(r.baseline).toMatchObject({ source: 'build', ref: 'main', commit: sha.main, error: null })
      expect(r.baseline.size?.uncompressed).toBe(classicSizes(r.baseline.digest as string).total)
      expect(r.delta?.uncompressed).toBe(r.size.uncompressed - (r.baseline.size?.uncompressed as number))
      expect(r.layers.reduce((s, l) => s + l.uncompressed, 0)).toBe(r.size.uncompressed)
    }
    const inspect = (id: string) => JSON.parse(run('docker', ['image', 'inspect', '--format', '{{json .}}', id])) as { Architecture: string }
    expect(inspect(byName('cron (linux/arm64)').image.id).Architecture).toBe('arm64')
    expect(inspect(byName('cron (linux/arm64)').baseline.digest as string).Architecture).toBe('arm64')
    // The exported archives' exact blobs on the containerd store; this engine's own push on the classic one.
    expect(byName('api').size.compressedSource).toBe(store === 'containerd' ? 'oci' : 'push')
  })

  test('what changed: the api grew by its payload, the stripped cron shrank, the worker is unchanged', () => {
    expect(byName('api').delta?.uncompressed).toBeGreaterThan(200_000)
    expect(byName('api').delta?.uncompressed).toBeLessThan(400_000)
    for (const cron of ['cron (linux/amd64)', 'cron (linux/arm64)']) {
      expect(byName(cron).delta?.uncompressed).toBeLessThan(-100_000)
      expect(byName(cron).goBinaries.map((b) => [b.path, b.stripped])).toEqual([['/cron', true]])
      expect(byName(cron).baseline.layers.length).toBe(byName(cron).layers.length)
    }
    expect(byName('worker').delta?.uncompressed).toBe(0)
    expect(byName('worker').delta?.unchanged).toBe(true)
    expect(byName('worker').layerDiff?.totals.added.count).toBe(0)
    for (const r of reports) expect(r.status).toBe('pass')
  })

  test("the base run shares the head's BuildKit cache", () => {
    const baseLog = groups.get('Baseline') ?? ''
    expect(baseLog).toContain(`Building the base main (${sha.main.slice(0, 7)}) from a checkout of it: 4 image(s) in one bake run`)
    // The worker's build step is the same at both commits: the head run made it, the base run found it.
    expect(baseLog).toMatch(/#(\d+) \[gib-3-1-worker build \d\/\d\] RUN CGO_ENABLED=0 go build -o \/out\/worker \.\n#\1 CACHED/)
    const headLog = groups.get([...groups.keys()].find((k) => k.startsWith('Bake 4 image(s)')) as string) ?? ''
    expect(headLog).toMatch(/\[gib-3-1-worker build \d\/\d\] RUN CGO_ENABLED=0 go build -o \/out\/worker \./)
    expect(headLog).not.toMatch(/#(\d+) \[gib-3-1-worker build \d\/\d\] RUN CGO_ENABLED=0 go build[^\n]*\n#\1 CACHED/)
  })

  test('one comment for all of them', () => {
    const body = renderCombined(nameReports(reports))
    expect(body.split('\n')[0]).toBe('### ✅ 4 images: all passed')
    expect(body).toContain('| ✅ | `worker` |')
    expect(body).toMatch(/\| ✅ \| `api` \| [\d.]+ MB \| [\d.]+ (kB|MB) \| [^|]*\+\d+ kB \(\+\d+(\.\d)?%\) \| 20 MB \|/)
  })
})

describe('bake: what the base commit does not have, and bad input', () => {
  test('targets whose bake file, context and Dockerfile are the same at the base are their own baseline: no base run; cleanup removes what was built', async () => {
    git(clone, 'checkout', '-q', '-b', 'docs', 'change')
    write(clone, 'README.md', 'services\n')
    git(clone, 'add', 'README.md')
    git(clone, 'commit', '-qm', 'docs only')
    try {
      const { reports, commands } = await bake({ 'base-ref': 'change', 'bake-targets': 'api,worker', cleanup: 'true' })
      expect(reports.map((r) => r.name)).toEqual(['api', 'worker'])
      for (const r of reports) expect(() => run('docker', ['image', 'inspect', r.image.id])).toThrow(/No such image/)
      for (const r of reports) {
        expect(r.baseline).toMatchObject({ source: 'build', ref: 'change', commit: sha.change, error: null, digest: r.image.id })
        expect(r.baseline.note).toBe(`change (${sha.change.slice(0, 7)}) has the same bake file, build context and Dockerfile for ${r.name}, so its image is this one; it was not built again`)
        expect(r.delta?.uncompressed).toBe(0)
      }
      expect(commands.filter((a) => a[1] === 'bake' && !a.includes('--print') && !a.includes('--list'))).toHaveLength(1)
    } finally {
      git(clone, 'checkout', '-q', 'change')
    }
  }, 900_000)

  test('a target the base does not have gets no baseline; the others are built at the base in one run', async () => {
    // A commit adds a target (so the bake file differs, and api is built at the base too).
    git(clone, 'checkout', '-q', '-b', 'more', 'change')
    write(clone, 'docker-bake.hcl', `${BAKE('-s -w')}\ntarget "extra" {\n  context = "services/api"\n}\n`)
    git(clone, 'commit', '-qam', 'extra target')
    try {
      const { reports, commands } = await bake({ 'base-ref': 'change', 'bake-targets': 'api,extra' })
      expect(reports.map((r) => r.name)).toEqual(['api', 'extra'])
      expect(reports[0].baseline).toMatchObject({ source: 'build', commit: sha.change, error: null })
      expect(reports[0].baseline.note).toBeUndefined()
      expect(reports[0].delta?.uncompressed).toBe(0)
      expect(reports[1].baseline.error).toBe(`no baseline: change (${sha.change.slice(0, 7)}) has no target 'extra' in docker-bake.hcl`)
      expect(reports[1].delta).toBeNull()
      expect(commands.filter((a) => a[1] === 'bake' && !a.includes('--print') && !a.includes('--list'))).toHaveLength(2)
    } finally {
      git(clone, 'checkout', '-q', 'change')
    }
  }, 900_000)

  test('a compose file works as a bake file: each service is a target', async () => {
    write(clone, 'compose.yaml', 'services:\n  api:\n    image: gib15-test/api:compose\n    build:\n      context: services/api\n  worker:\n    build:\n      context: services/worker\n')
    try {
      const { reports } = await bake({ bake: 'compose.yaml', 'bake-targets': 'api', baseline: 'none' })
      expect(reports.map((r) => [r.name, r.image.bakeTarget, r.image.dockerfile])).toEqual([['api', 'api', 'services/api/Dockerfile']])
      expect(reports[0].size.uncompressed).toBe(classicSizes(reports[0].image.id).total)
      expect(() => run('docker', ['image', 'inspect', 'gib15-test/api:compose'])).toThrow()
    } finally {
      rmSync(path.join(clone, 'compose.yaml'), { force: true })
    }
  }, 900_000)

  test.each([
    ['an unknown target', { 'bake-targets': 'api,nope' }, "bake-targets: no target or group 'nope' in docker-bake.hcl (it has api, cron, default, worker); name one of its targets"],
    ['a missing bake file', { bake: 'deploy/docker-bake.hcl' }, "bake: no bake file at deploy/docker-bake.hcl; set 'bake' to your docker-bake.hcl, docker-bake.json or compose.yaml"],
    ['a Dockerfile input beside it', { file: 'services/api/Dockerfile' }, 'file: not used with bake; each target names its Dockerfile in the bake file'],
    ['a bake file bake cannot read', { bake: 'broken.hcl' }, /^bake: docker buildx bake cannot read broken\.hcl: \S.*$/]
  ])('%s: one line naming the input, nothing built', async (_name, raw, message) => {
    write(clone, 'broken.hcl', 'target "x" {\n  context = \n')
    const rec = recording()
    const inputs = parseInputs((name) => (({ bake: 'docker-bake.hcl', ...raw }) as Partial<Record<InputName, string>>)[name] ?? '')
    await expect(
      runBakePipeline(inputs, { workspace: clone, commit: null }, { exec: rec.exec, spawn: spawnStream, tempDir: dir, cacheDir: path.join(dir, 'layer-cache'), log: rec.logger, now: () => new Date() })
    ).rejects.toThrow(message)
    expect(rec.commands.filter((a) => a[1] === 'bake' && !a.includes('--print') && !a.includes('--list'))).toEqual([])
  })
})
