// "Why it grew" end to end on a real engine: a repository whose base commit is
// a small static program on scratch, a pull request that adds a CLI framework
// and a logger (cobra v1.6.1 and logrus v1.9.0 from Debian's packages,
// vendored into the build context: the stand-in golang image reaches no
// proxy), and a second pull request that only bumps cobra to v1.8.1 (Debian
// trixie's). The report and the comment name the new modules with their
// bytes, and the bump with old → new and its change; every binary's rows add
// up to its size, which is the file the image holds.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { exec, spawnStream } from '../../src/exec.js'
import { resolveBaseRef } from '../../src/github/event.js'
import { parseInputs, type InputName } from '../../src/inputs.js'
import { silentLogger } from '../../src/log.js'
import { runPipeline } from '../../src/pipeline/pipeline.js'
import { renderMarkdown } from '../../src/render/markdown.js'
import { renderTerminal } from '../../src/render/terminal.js'
import type { BinaryAttribution, Report } from '../../src/report/types.js'
import { vendorGoProgram, type GoProgram } from '../../scripts/lib/go-build.js'
import { fileFromImage } from './engine.js'

const DEPS = [
  'golang-github-spf13-cobra-dev',
  'golang-github-sirupsen-logrus-dev',
  'golang-github-stretchr-testify-dev',
  'golang-github-inconshreveable-mousetrap-dev',
  'golang-github-spf13-cobra-dev@trixie'
]
const greeter = (cobra: string): GoProgram => ({
  dir: path.resolve('__tests__/fixtures/go/greeter'),
  module: { path: 'example.com/greeter', require: { 'github.com/spf13/cobra': cobra, 'github.com/sirupsen/logrus': 'v1.9.0' } },
  debianPackages: DEPS
})
const nonce = `${Date.now()}-${process.pid}`
const HELLO = `package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello ${nonce}")\n}\n`
const DOCKERFILE =
  'FROM golang:1.19 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -mod=vendor -trimpath -ldflags="-s -w" -o /out/greeter .\n\nFROM scratch\nCOPY --from=build /out/greeter /greeter\nENTRYPOINT ["/greeter"]\n'

let dir: string
let upstream: string
const run = (cmd: string, args: string[], cwd?: string): string => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
const git = (cwd: string, ...args: string[]) => run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], cwd)

async function pipeline(branch: string, base: string, raw: Partial<Record<InputName, string>> = {}): Promise<Report> {
  const checkout = path.join(dir, `clone-${branch}`)
  git(dir, 'clone', '-q', '--branch', branch, `file://${upstream}`, checkout)
  const inputs = parseInputs((name) => ({ 'verify-suggestion': 'false', 'base-ref': base, 'min-delta': '1kB', ...raw })[name] ?? '')
  const tempDir = mkdtempSync(path.join(dir, 'run-'))
  const report = await runPipeline(
    inputs,
    { workspace: checkout, commit: git(checkout, 'rev-parse', 'HEAD'), base: resolveBaseRef(null, inputs.baseRef), previousHistory: [] },
    { exec, spawn: spawnStream, tempDir, cacheDir: path.join(dir, 'layer-cache'), log: silentLogger, now: () => new Date() }
  )
  rmSync(tempDir, { recursive: true, force: true })
  return report
}

const rowsOf = (a: BinaryAttribution) => a.modules.reduce((s, m) => s + m.bytes, 0) + a.unattributed.reduce((s, r) => s + r.bytes, 0)

/** The binary in the image: its size is the attribution's file size, and the rows add up to it. */
function expectRowsAddUp(report: Report) {
  const binary = report.goBinaries.find((b) => b.path === '/greeter')!
  const a = binary.attribution!
  expect(a.fileBytes).toBe(fileFromImage(report.image.id, '/greeter').length)
  expect(a.fileBytes).toBe(binary.bytes)
  expect(rowsOf(a)).toBe(a.fileBytes)
  for (const b of report.baseline.goBinaries ?? []) expect(rowsOf(b.attribution!)).toBe(b.attribution!.fileBytes)
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'why-it-grew-it-'))
  upstream = path.join(dir, 'upstream')
  run('git', ['init', '-q', '-b', 'main', upstream])
  writeFileSync(path.join(upstream, 'go.mod'), 'module example.com/greeter\n\ngo 1.19\n')
  writeFileSync(path.join(upstream, 'main.go'), HELLO)
  writeFileSync(path.join(upstream, 'Dockerfile'), DOCKERFILE)
  writeFileSync(path.join(upstream, '.dockerignore'), '.git\n')
  git(upstream, 'add', '.')
  git(upstream, 'commit', '-qm', 'hello')
  // Pull request 1: cobra and logrus, vendored.
  git(upstream, 'checkout', '-q', '-b', 'deps')
  vendorGoProgram(greeter('v1.6.1'), '1.19', upstream)
  git(upstream, 'add', '-A')
  git(upstream, 'commit', '-qm', 'a CLI framework and a logger')
  // Pull request 2, on top of the first: cobra v1.6.1 → v1.8.1 and nothing else.
  git(upstream, 'checkout', '-q', '-b', 'bump')
  rmSync(path.join(upstream, 'vendor'), { recursive: true })
  vendorGoProgram(greeter('v1.8.1'), '1.19', upstream)
  git(upstream, 'add', '-A')
  git(upstream, 'commit', '-qm', 'cobra v1.8.1')
  git(upstream, 'checkout', '-q', 'main')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('a pull request that adds cobra and logrus: the new modules with their bytes, in the report, the comment and the terminal', async () => {
  const report = await pipeline('deps', 'main', { 'max-module-increase': '100kB' })
  expectRowsAddUp(report)
  const [diff] = report.binaryDiff ?? []
  expect(diff).toMatchObject({ path: '/greeter', basePath: '/greeter', pairedBy: 'path' })
  const modules = new Map(diff.modules.map((m) => [m.path, m]))
  const attribution = report.goBinaries.find((b) => b.path === '/greeter')!.attribution!
  const bytesOf = (p: string) => attribution.modules.find((m) => m.path === p)!.bytes
  for (const [p, v] of [
    ['github.com/spf13/cobra', 'v1.6.1'],
    ['github.com/sirupsen/logrus', 'v1.9.0'],
    ['github.com/spf13/pflag', 'v1.0.5']
  ]) {
    expect(modules.get(p)).toMatchObject({ change: 'new', versionAfter: v, before: 0, after: bytesOf(p), delta: bytesOf(p) })
    expect(bytesOf(p)).toBeGreaterThan(30_000)
  }
  expect(modules.get('std')!.delta).toBeGreaterThan(0)
  // The diff's modules and unattributed row account for the whole change of the binary.
  expect(diff.modules.reduce((s, m) => s + m.delta, 0) + diff.unattributed.delta).toBe(diff.bytesAfter - diff.bytesBefore)
  // pflag (about 200 kB, an indirect requirement) is the module past the 100 kB limit.
  expect(report.status).toBe('fail')
  expect(report.budget.reason).toMatch(/^module github\.com\/spf13\/pflag v1\.0\.5 \(new\) in \/greeter grew by \+\d+ kB to \d+ kB, in go\.mod as \/\/ indirect, over the 100 kB max-module-increase$/)
  const markdown = renderMarkdown(report)
  expect(markdown).toContain('#### Why it grew')
  expect(markdown).toContain(`| \`github.com/spf13/cobra v1.6.1 (new)\` | – |`)
  expect(markdown).toContain(`| \`github.com/sirupsen/logrus v1.9.0 (new)\` | – |`)
  expect(markdown).toContain('largest modules: std ')
  expect(renderTerminal(report)).toMatch(/why it grew: \/greeter .* → /)
})

test('a pull request that only bumps cobra: the bump with old → new and its change', async () => {
  const report = await pipeline('bump', 'deps')
  expectRowsAddUp(report)
  const [diff] = report.binaryDiff ?? []
  const cobra = diff.modules.find((m) => m.path === 'github.com/spf13/cobra')!
  expect(cobra).toMatchObject({ change: 'version', versionBefore: 'v1.6.1', versionAfter: 'v1.8.1', noise: false })
  const before = report.baseline.goBinaries!.find((b) => b.path === '/greeter')!.attribution!.modules.find((m) => m.path === 'github.com/spf13/cobra')!.bytes
  const after = report.goBinaries.find((b) => b.path === '/greeter')!.attribution!.modules.find((m) => m.path === 'github.com/spf13/cobra')!.bytes
  expect(cobra).toMatchObject({ before, after, delta: after - before })
  expect(cobra.delta).not.toBe(0)
  // Nothing else was bumped.
  expect(diff.modules.filter((m) => m.change === 'version' || m.change === 'new' || m.change === 'removed').map((m) => m.path)).toEqual(['github.com/spf13/cobra'])
  const markdown = renderMarkdown(report)
  expect(markdown).toContain('`github.com/spf13/cobra v1.6.1 → v1.8.1`')
})
