// The advisor on the seed's ladder with a real Docker engine: each rung is
// built and measured by the pipeline, its findings are the seed's next step,
// and each suggested Dockerfile is built, measured and run: it must be smaller
// than its input and print `hello world`. The savings are checked against
// sizes measured without the project's code: python's tarfile over `docker
// save` for the images (engine.ts classicSizes) and binutils' readelf for the
// symbol sections. Fails (never skips) without Docker.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { exec, spawnStream } from '../../src/exec.js'
import { type InputName } from '../../src/inputs.js'
import type { VerifyDeps } from '../../src/advisor/verify.js'
import { classicSizes, fileFromImage, symbolSectionBytes } from './engine.js'
import { adviseAndProve, removeAll, type Advised } from './harness.js'

const root = process.cwd()
const example = 'examples/helloworld'
let tempDir: string

beforeAll(() => {
  execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe' })
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'advisor-test-'))
})
afterAll(async () => {
  await removeAll()
  if (tempDir) rmSync(tempDir, { recursive: true, force: true })
})

/** A pipeline run (the suggestion verified only where asked) and the images it built, kept until afterAll. */
const run = (raw: Partial<Record<InputName, string>>): Promise<Advised> => adviseAndProve(raw.context!, { 'verify-suggestion': 'auto', ...raw }, { workspace: root, tempDir })
const check = (rung: string, raw: Partial<Record<InputName, string>> = {}) => run({ context: example, file: `${example}/${rung}`, baseline: 'none', ...raw })

/** The suggestion's savings as python's tarfile measures both images from `docker save`. */
function measuredSavings(built: Advised): number {
  if (!built.suggestion) throw new Error('no suggestion was built')
  return classicSizes(built.original).total - classicSizes(built.suggestion).total
}

// Rungs 1-3: single-stage golang images. Next step: multi-stage; the suggestion runs the binary from scratch.
test.each([
  ['Dockerfile.1-golang-debian', 3, 6, './helloworld'],
  ['Dockerfile.2-golang-latest', 2, 5, './helloworld'],
  ['Dockerfile.3-golang-alpine', 2, 5, './helloworld']
])('%s: multi-stage (savings = all but the binary), proven by a scratch build that starts and prints hello world', async (rung, fromLine, buildLine, command) => {
  const built = await check(rung, { 'verify-suggestion': 'true', 'verify-command': command })
  const report = built.report
  expect(report.findings.map((f) => [f.rule, f.line])).toEqual([
    ['multi-stage', fromLine],
    ['non-root', fromLine],
    ['strip-symbols', buildLine],
    ['trimpath', buildLine]
  ])
  // The golang image brings the toolchain's own Go binaries; the program is /helloworld.
  const program = report.goBinaries.filter((b) => b.path.replace(/^\/*/, '/') === '/helloworld')
  expect(program).toHaveLength(1)
  // The numbers against independent measurements: the stripping saves the binary's symbol
  // sections (readelf), the suggestion saves what the two images' tar sizes differ by, and
  // the base change is the rest.
  const multi = report.findings[0]
  const strip = report.findings.find((f) => f.rule === 'strip-symbols')!
  const symbols = symbolSectionBytes(fileFromImage(built.original, '/helloworld'))
  const savings = measuredSavings(built)
  expect(program[0].symbolBytes).toBe(symbols)
  expect(strip.estimatedSavings).toBe(symbols)
  expect(report.suggestion!.savings).toBe(savings)
  expect(multi.estimatedSavings).toBe(savings - symbols)
  const s = report.suggestion!
  // What "verified" rests on: the command resolves, the path the program had is there, and it started (exited 0).
  expect(s.proof!.checks.map((c) => [c.check, c.ok])).toEqual([
    ['command', true],
    ['paths', true]
  ])
  expect(s.proof!.start).toEqual({ ok: true, detail: 'exited 0', exitCode: 0, running: false, readOnly: true })
  expect(s.base).toBe('scratch')
  expect(s.error).toBeNull()
  expect(s.verified).toBe(true)
  expect(s.size!.uncompressed).toBeLessThan(report.size.uncompressed)
  expect(s.savings).toBe(report.size.uncompressed - s.size!.uncompressed)
  // Measured like the head image: the compressed size comes along.
  expect(s.size!.compressed).toBeGreaterThan(0)
  expect(s.size!.compressed).toBeLessThan(s.size!.uncompressed)
  expect(s.verifyCommand).toEqual({ command, exitCode: 0, output: 'hello world' })
})

test('Dockerfile.4-multistage-alpine: minimal-base (savings = alpine layers), proven on distroless nonroot', async () => {
  const built = await check('Dockerfile.4-multistage-alpine', { 'verify-suggestion': 'true', 'verify-command': './main' })
  const report = built.report
  expect(report.findings.map((f) => [f.rule, f.line])).toEqual([
    ['minimal-base', 10],
    ['strip-symbols', 7],
    ['trimpath', 7]
  ])
  const base = report.layers.filter((l) => l.fromBaseImage || l.dockerfileLine === 11).reduce((sum, l) => sum + l.uncompressed, 0)
  expect(base).toBeGreaterThan(0)
  const strip = report.findings.find((f) => f.rule === 'strip-symbols')!
  // Verified, against independent measurements: the suggestion saves what the images' tar sizes
  // differ by, the stripping the binary's symbol sections (readelf), the base change the rest.
  const symbols = symbolSectionBytes(fileFromImage(built.original, '/app/main'))
  const savings = measuredSavings(built)
  expect(report.suggestion!.savings).toBe(savings)
  expect(strip.estimatedSavings).toBe(symbols)
  expect(report.findings[0].estimatedSavings).toBe(savings - symbols)
  const s = report.suggestion!
  // USER appuser became the image's nonroot user, and the proof checked it exists.
  expect(s.dockerfile).toContain('# replaced: USER appuser  (the image runs as its nonroot user, 65532)')
  expect(s.proof!.checks.map((c) => [c.check, c.ok])).toEqual([
    ['command', true],
    ['user', true],
    ['paths', true]
  ])
  expect(s.base).toBe('gcr.io/distroless/static-debian12:nonroot')
  expect(s.verified).toBe(true)
  expect(s.size!.uncompressed).toBeLessThan(report.size.uncompressed)
  expect(s.verifyCommand).toMatchObject({ exitCode: 0, output: 'hello world' })
})

test('Dockerfile.5-multistage-scratch: the scratch limitation that applies (root) and the shaving its go build line lacks; the shaved suggestion starts', async () => {
  const built = await check('Dockerfile.5-multistage-scratch', { 'verify-suggestion': 'true' })
  const report = built.report
  expect(report.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
    ['non-root', 'warning', 9],
    ['strip-symbols', 'info', 7],
    ['trimpath', 'info', 7]
  ])
  expect(report.suggestion).toMatchObject({ base: 'scratch', verified: true })
  // The stripping is all the suggestion changes: its finding claims the savings the images' tar
  // sizes show, a little more than the symbol sections readelf lists.
  const symbols = symbolSectionBytes(fileFromImage(built.original, '/app/main'))
  const savings = measuredSavings(built)
  expect(report.goBinaries[0].symbolBytes).toBe(symbols)
  expect(report.suggestion!.savings).toBe(savings)
  expect(report.findings.find((f) => f.rule === 'strip-symbols')!.estimatedSavings).toBe(savings)
  expect(savings).toBeGreaterThanOrEqual(symbols)
})

test('verify-suggestion auto with a passing budget builds nothing; the advice stands unverified', async () => {
  const { report } = await check('Dockerfile.1-golang-debian', { budget: '2GB' })
  expect(report.budget.status).toBe('pass')
  expect(report.suggestion).toMatchObject({ verified: false, size: null, verifyReason: 'budget passes (verify-suggestion: auto)' })
})

test('a failing verify-command is reported, not thrown: the advice stands without the claim', async () => {
  const { report } = await check('Dockerfile.3-golang-alpine', { 'verify-suggestion': 'true', 'verify-command': '/bin/sh -c true' })
  expect(report.findings[0].rule).toBe('multi-stage')
  expect(report.suggestion!.verified).toBe(false)
  expect(report.suggestion!.error).toMatch(/verify-command '\/bin\/sh -c true' exited with \d+ in the suggested image/)
})

test('a cgo binary on scratch: cgo-disabled (measured: dynamically linked, it cannot start), ca-certificates; the suggestion starts', async () => {
  const context = mkdtempSync(path.join(tempDir, 'cgo-'))
  writeFileSync(path.join(context, 'go.mod'), 'module example.com/fetch\n\ngo 1.19\n')
  writeFileSync(
    path.join(context, 'main.go'),
    [
      'package main',
      '',
      'import (',
      '\t"fmt"',
      '\t"net/http"',
      '\t"os"',
      ')',
      '',
      'func main() {',
      '\tif len(os.Args) > 1 {',
      '\t\t_, err := http.Get(os.Args[1])',
      '\t\tfmt.Println(err)',
      '\t}',
      '\tfmt.Println("hello world")',
      '}',
      ''
    ].join('\n')
  )
  writeFileSync(
    path.join(context, 'Dockerfile'),
    [
      'FROM golang:bookworm AS build', //  1
      'WORKDIR /src', //                   2
      'COPY go.mod main.go ./', //         3
      'RUN go build -o /fetch .', //       4
      'FROM scratch', //                   5
      'COPY --from=build /fetch /fetch', // 6
      'ENTRYPOINT ["/fetch"]', //          7
      ''
    ].join('\n')
  )
  const built = await run({ context, baseline: 'none', 'verify-suggestion': 'true', 'verify-command': '/fetch' })
  const report = built.report
  expect(report.goBinaries).toEqual([expect.objectContaining({ path: expect.stringMatching(/^\/?fetch$/), static: false })])
  // Its function table says it loads the system's CA roots (the HTTPS call) and resolves names through libc (cgo).
  expect(report.goBinaries[0].needs).toMatchObject({ systemRoots: true, cgoResolver: true, cgo: true, loadsZones: false })
  // A net/http binary keeps over 1 MB of symbols and DWARF: the shaving rules name the measured bytes.
  const fetch = report.goBinaries[0]
  expect(fetch.symbolBytes).toBeGreaterThanOrEqual(1_000_000)
  expect(report.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
    ['cgo-disabled', 'error', 4],
    ['ca-certificates', 'warning', 5],
    ['non-root', 'warning', 5],
    ['strip-symbols', 'info', 4],
    ['trimpath', 'info', 4]
  ])
  // Measured independently: the symbol sections readelf lists in the built binary.
  const symbols = symbolSectionBytes(fileFromImage(built.original, '/fetch'))
  expect(fetch.symbolBytes).toBe(symbols)
  expect(report.findings.find((f) => f.rule === 'strip-symbols')?.estimatedSavings).toBe(symbols)
  // The finding is real: the image as built does not start.
  const original = await exec('docker', ['run', '--rm', report.image.id])
  expect(original.code).not.toBe(0)
  const s = report.suggestion!
  expect(s.base).toBe('gcr.io/distroless/static-debian12')
  expect(s.dockerfile).toContain('RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /fetch .')
  expect(s.verified).toBe(true)
  expect(s.verifyCommand).toMatchObject({ exitCode: 0, output: 'hello world' })
  // The suggestion's binary is static and finds the CA bundle it needs.
  expect(s.proof!.checks.find((c) => c.check === 'ca-certificates')).toMatchObject({ ok: true, detail: "/fetch loads the system's CA roots: /etc/ssl/certs/ca-certificates.crt is there" })
})

test('verifySuggestion reuses the build cache and leaves the context untouched; a broken suggestion is an error, not a throw', async () => {
  const { buildImage, buildOptionsFor } = await import('../../src/docker/build.js')
  const { verifySuggestion } = await import('../../src/advisor/verify.js')
  const { readdirSync } = await import('node:fs')
  const { Docker } = await import('../../src/docker/docker.js')
  const { buildAndMeasure } = await import('../../src/image/build-measure.js')
  const docker = new Docker({ exec, spawn: spawnStream })
  const suggestionBuild: VerifyDeps = {
    docker,
    tempDir,
    buildAndMeasure: (options, onBuilt) => buildAndMeasure(options, { cacheDir: path.join(tempDir, 'cache'), registry: false }, { docker, exec, spawn: spawnStream, tempDir, onBuilt })
  }
  const before = readdirSync(example).sort()
  const build = buildOptionsFor(example, null)
  await buildImage({ ...build, file: `${example}/Dockerfile.3-golang-alpine`, target: null }, { docker, tempDir })
  const dockerfile =
    'FROM golang:alpine AS build\nWORKDIR /\nCOPY helloworld.go .\nRUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" helloworld.go\n\nFROM scratch\nCOPY --from=build /helloworld /helloworld\nCMD ["./helloworld"]\n'
  const result = await verifySuggestion({ dockerfile, build, originalSize: 1e9, verifyCommand: './helloworld' }, suggestionBuild)
  expect(result.verified).toBe(true)
  // The steps shared with the user's Dockerfile come from BuildKit's cache.
  expect(result.buildLog).toMatch(/\[build \d\/\d\] COPY helloworld\.go \.\n#\d+ CACHED/)
  expect(readdirSync(example).sort()).toEqual(before)
  const broken = await verifySuggestion({ dockerfile: dockerfile.replace('helloworld.go .', 'missing.go .'), build, originalSize: 1e9, verifyCommand: null }, suggestionBuild)
  expect(broken).toMatchObject({ verified: false, size: null, savings: null })
  expect(broken.error).toMatch(/^the suggested Dockerfile did not build: docker buildx build failed/)
})

test('wasted-layers on a real image: the file, the writing instruction and its line, savings = measured wasted bytes', async () => {
  const context = mkdtempSync(path.join(tempDir, 'waste-'))
  writeFileSync(path.join(context, 'Dockerfile'), 'FROM alpine\nRUN dd if=/dev/zero of=/big.bin bs=1000000 count=3\nRUN rm /big.bin\nCMD ["true"]\n')
  const { report } = await run({ context, baseline: 'none' })
  // No Go binary here: no Go advice, only the waste and the root user.
  expect(report.findings.map((f) => [f.rule, f.line])).toEqual([
    ['non-root', 1],
    ['wasted-layers', 2]
  ])
  const waste = report.findings.find((f) => f.rule === 'wasted-layers')!
  expect(waste.estimatedSavings).toBe(3_000_000)
  expect(report.wasted!.bytes).toBe(3_000_000)
  expect(waste.message).toContain('/big.bin (3 MB, written by `RUN dd if=/dev/zero of=/big.bin bs=1000000 count=3`, replaced by `RUN rm /big.bin`)')
  expect(report.suggestion).toBeNull()
})
