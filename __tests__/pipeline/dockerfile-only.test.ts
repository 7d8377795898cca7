// Dockerfile-only mode: the rules that need no image, on the files alone, in
// well under a second, with no Docker: the pipeline gets an exec that fails
// the test if called, and the CLI runs with a `docker` on PATH that records
// any call.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Exec, Spawn } from '../../src/exec.js'
import { parseInputs, type InputName } from '../../src/inputs.js'
import { silentLogger } from '../../src/log.js'
import { runPipeline } from '../../src/pipeline/pipeline.js'
import type { Report } from '../../src/report/types.js'

const root = process.cwd()
const calls: string[] = []
const refusingExec: Exec = async (command, args) => {
  calls.push([command, ...args].join(' '))
  throw new Error(`dockerfile-only ran ${command}`)
}
const refusingSpawn: Spawn = (command) => {
  calls.push(command)
  throw new Error(`dockerfile-only spawned ${command}`)
}

// Its speed ("well under a second") is measured by `npm run bench`, not asserted here.
async function check(raw: Partial<Record<InputName, string>>): Promise<{ report: Report }> {
  const inputs = parseInputs((name) => raw[name] ?? '')
  const report = await runPipeline(
    inputs,
    { workspace: root, commit: null },
    {
      exec: refusingExec,
      spawn: refusingSpawn,
      tempDir: os.tmpdir(),
      cacheDir: os.tmpdir(),
      log: silentLogger,
      now: () => new Date(0)
    }
  )
  return { report }
}

afterEach(() => expect(calls).toEqual([]))

test.each([
  [
    'Dockerfile.1-golang-debian',
    [
      ['multi-stage', 3],
      ['non-root', 3],
      ['strip-symbols', 6],
      ['trimpath', 6]
    ],
    'scratch'
  ],
  [
    'Dockerfile.3-golang-alpine',
    [
      ['multi-stage', 2],
      ['non-root', 2],
      ['strip-symbols', 5],
      ['trimpath', 5]
    ],
    'scratch'
  ],
  [
    'Dockerfile.4-multistage-alpine',
    [
      ['minimal-base', 10],
      ['strip-symbols', 7],
      ['trimpath', 7]
    ],
    'gcr.io/distroless/static-debian12:nonroot'
  ],
  // The go build line shows no -s -w and no -trimpath: the shaving rules say so (savings unknown) and the suggestion shaves it.
  [
    'Dockerfile.5-multistage-scratch',
    [
      ['non-root', 9],
      ['strip-symbols', 7],
      ['trimpath', 7]
    ],
    'scratch'
  ]
])('%s: findings without savings, skipped rules named, no command run', async (name, expected, base) => {
  const { report } = await check({ context: 'examples/helloworld', file: `examples/helloworld/${name}`, 'dockerfile-only': 'true' })
  expect(report.mode).toBe('dockerfile-only')
  expect(report.findings.map((f) => [f.rule, f.line])).toEqual(expected)
  expect(report.findings.every((f) => f.estimatedSavings === null && f.file === `examples/helloworld/${name}`)).toBe(true)
  expect(report.skippedRules?.map((s) => s.rule).sort()).toEqual(['wasted-layers'])
  expect(report.suggestion?.base ?? null).toBe(base)
  if (report.suggestion) expect(report.suggestion).toMatchObject({ verified: false, size: null, savings: null })
  expect(report.status).toBe('warn')
})

test('context files count: a .git and a local build in the context, no .dockerignore', async () => {
  const dir = mkdtempSync(path.join(root, '.tmp-dockerfile-only-'))
  try {
    mkdirSync(path.join(dir, '.git'))
    writeFileSync(path.join(dir, '.git', 'packfile'), Buffer.alloc(5000))
    writeFileSync(path.join(dir, 'app'), Buffer.concat([Buffer.from('\x7fELF', 'latin1'), Buffer.alloc(996)]), { mode: 0o755 })
    writeFileSync(path.join(dir, 'go.mod'), 'module example.com/app\n\nrequire (\n\tgolang.org/x/sync v0.7.0\n)\n')
    writeFileSync(path.join(dir, 'main.go'), 'package main\n\nimport (\n\t"net/http"\n\t"time"\n)\n\nfunc main() { time.LoadLocation("Europe/Paris"); http.ListenAndServe(":8080", nil) }\n')
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM golang:bookworm AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n')
    const { report } = await check({ context: path.relative(root, dir), 'dockerfile-only': 'true' })
    expect(report.findings.map((f) => [f.rule, f.line]).sort()).toEqual([
      ['ca-certificates', 6],
      ['cgo-disabled', 4],
      ['dockerignore', 3],
      ['layer-order', 3],
      ['non-root', 6],
      ['strip-symbols', 4],
      ['trimpath', 4],
      ['tzdata', 6]
    ])
    // Its one required module is not vendored: what it needs is read from the module's own sources, and said so.
    expect(report.findings.find((f) => f.rule === 'ca-certificates')!.message).toContain("read from the module's own sources, but")
    expect(report.findings.find((f) => f.rule === 'dockerignore')!.message).toMatch(/\.git\/ \(5 kB\), app \(1 kB\)/)
    expect(report.suggestion?.base).toBe('gcr.io/distroless/static-debian12')
    expect(report.suggestion?.dockerfile).toContain('CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /app .')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('dockerfile-only with image is a usage error naming both inputs', async () => {
  await expect(check({ image: 'alpine', 'dockerfile-only': 'true' })).rejects.toThrow(/dockerfile-only: .*'image'/)
})

test('the CLI with --dockerfile-only never calls docker', () => {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'fake-docker-'))
  const marker = path.join(bin, 'called')
  writeFileSync(path.join(bin, 'docker'), `#!/bin/sh\necho "$@" >> ${marker}\nexit 1\n`)
  chmodSync(path.join(bin, 'docker'), 0o755)
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--dockerfile-only', '--context', 'examples/helloworld', '--file', 'examples/helloworld/Dockerfile.1-golang-debian'], {
      encoding: 'utf8',
      env: { ...process.env, JEST_WORKER_ID: '', PATH: `${bin}:${process.env.PATH}` }
    })
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('')
    expect(out).toContain('examples/helloworld/Dockerfile.1-golang-debian:3  warning  multi-stage')
    expect(out).toContain('not run: wasted-layers')
    expect(out).toContain('COPY --from=build /helloworld /helloworld')
    // The fake docker does record calls: without the flag the same command reaches it.
    const full = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--context', 'examples/helloworld', '--file', 'examples/helloworld/Dockerfile.1-golang-debian', '--baseline', 'none'], {
      encoding: 'utf8',
      env: { ...process.env, JEST_WORKER_ID: '', PATH: `${bin}:${process.env.PATH}` }
    })
    expect(full.status).toBe(2)
    // The first thing a full run asks the engine: which builder (and driver) it builds with.
    expect(readFileSync(marker, 'utf8')).toMatch(/^buildx inspect\n/)
  } finally {
    rmSync(bin, { recursive: true, force: true })
  }
})

test('an error-level finding fails the check with a reason naming it; fail-on: never only warns', async () => {
  const dir = mkdtempSync(path.join(root, '.tmp-dockerfile-only-'))
  try {
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM golang AS b\nRUN CGO_ENABLED=1 go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\nUSER 65532\n')
    const context = path.relative(root, dir)
    const { report } = await check({ context, 'dockerfile-only': 'true' })
    expect(report.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['cgo-disabled', 'error', 2],
      ['strip-symbols', 'info', 2],
      ['trimpath', 'info', 2]
    ])
    expect(report.status).toBe('fail')
    expect(report.budget.reason).toBe(`dockerfile-only: cgo-disabled at ${context}/Dockerfile:2`)
    expect((await check({ context, 'dockerfile-only': 'true', 'fail-on': 'never' })).report.status).toBe('warn')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
