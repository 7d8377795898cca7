// Issue 12's three suggestions that were "verified" and could not start,
// rebuilt on the real engine: (a) ENTRYPOINT ["/bin/sh", "/entrypoint.sh"]
// kept on distroless static, (b) a COPY into /usr/local/bin onto a base that
// has no such directory, (c) a final stage that inherited its base's CMD.
// Each is now fixed by the advisor (the suggestion starts and does what the
// original does), and the old broken suggestion, built as it was, is not
// claimed: verifySuggestion says why.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { verifySuggestion, type VerifyDeps } from '../../src/advisor/verify.js'
import { buildAndMeasure } from '../../src/image/build-measure.js'
import { buildOptionsFor } from '../../src/docker/build.js'
import { Docker } from '../../src/docker/docker.js'
import { exec, spawnStream } from '../../src/exec.js'
import { adviseAndProve, removeAll, runOffline } from './harness.js'

const root = process.cwd()
let tempDir: string
const docker = new Docker({ exec, spawn: spawnStream })
/** The suggestion built and measured as the pipeline does it (src/image/build-measure.ts). */
const suggestionBuild = (): VerifyDeps => ({
  docker,
  tempDir,
  buildAndMeasure: (options, onBuilt) => buildAndMeasure(options, { cacheDir: path.join(tempDir, 'cache'), registry: false }, { docker, exec, spawn: spawnStream, tempDir, onBuilt })
})
const build = (context: string) => buildOptionsFor(context, null)

beforeAll(() => {
  execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe' })
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'gib12-proof-'))
})
afterAll(async () => {
  await removeAll()
  if (tempDir) rmSync(tempDir, { recursive: true, force: true })
})

/** A context: a program that greets and echoes its arguments, a Dockerfile, maybe a script. */
function context(name: string, dockerfile: string[], extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tempDir, `${name}-`))
  writeFileSync(path.join(dir, 'go.mod'), 'module example.com/app\n\ngo 1.19\n')
  writeFileSync(path.join(dir, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tfmt.Println("hello from app", os.Args[1:])\n}\n')
  writeFileSync(path.join(dir, '.dockerignore'), 'Dockerfile\n')
  for (const [file, text] of Object.entries(extra)) writeFileSync(path.join(dir, file), text, { mode: 0o755 })
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile.join('\n') + '\n')
  return dir
}
const BUILD = ['FROM golang:1.19 AS build', 'WORKDIR /src', 'COPY go.mod main.go ./', 'RUN CGO_ENABLED=0 go build -o /out/app .']

test('(a) an entrypoint script run by /bin/sh: the suggestion keeps a shell (fixed); the old one on distroless static is not claimed', async () => {
  const dir = context('a', [...BUILD, 'FROM alpine', 'COPY --from=build /out/app /usr/local/bin/app', 'COPY entrypoint.sh /entrypoint.sh', 'ENTRYPOINT ["/bin/sh", "/entrypoint.sh"]'], {
    'entrypoint.sh': '#!/bin/sh\necho starting\nexec app "$@"\n'
  })
  const { report, original, suggestion } = await adviseAndProve(dir, {}, { workspace: root, tempDir })
  // No minimal base for a final stage that needs a shell; the build is shaved.
  expect(report.findings.map((f) => f.rule)).toEqual(['non-root', 'strip-symbols', 'trimpath'])
  expect(report.suggestion).toMatchObject({ base: 'alpine', verified: true, error: null })
  expect(report.suggestion!.proof!.checks.filter((c) => c.check === 'interpreter' || c.check === 'command').map((c) => c.ok)).toEqual([true])
  const [was, now] = [await runOffline(original, ['x']), await runOffline(suggestion!, ['x'])]
  expect(was).toEqual({ code: 0, output: 'starting\nhello from app [x]' })
  expect(now).toEqual(was)

  const old = report.suggestion!.dockerfile.replace(/\nFROM alpine\n/, '\nFROM gcr.io/distroless/static-debian12\n')
  const result = await verifySuggestion({ dockerfile: old, build: build(dir), originalSize: report.size.uncompressed, verifyCommand: null, originalImage: original }, suggestionBuild())
  expect(result.verified).toBe(false)
  expect(result.error).toBe('the suggested image was built but it would not start: the command /bin/sh: no such file or directory')
  if (result.imageId) await exec('docker', ['image', 'rm', result.imageId])
})

test('(b) a one-file COPY into /usr/local/bin: the suggestion keeps the directory (fixed); without the slash on distroless it is not claimed', async () => {
  const dir = context('b', [...BUILD, 'FROM alpine', 'COPY --from=build /out/app /usr/local/bin', 'ENTRYPOINT ["app"]'])
  const { report, original, suggestion } = await adviseAndProve(dir, {}, { workspace: root, tempDir })
  expect(report.findings.map((f) => f.rule)).toEqual(['minimal-base', 'non-root', 'strip-symbols', 'trimpath'])
  const s = report.suggestion!
  expect(s).toMatchObject({ base: 'scratch', verified: true })
  expect(s.dockerfile).toContain('COPY --from=build /out/app /usr/local/bin/\n')
  expect(s.proof!.checks.find((c) => c.check === 'paths')).toMatchObject({ ok: true })
  expect(await runOffline(suggestion!, ['y'])).toEqual(await runOffline(original, ['y']))
  expect((await runOffline(original, ['y'])).output).toBe('hello from app [y]')

  const old = s.dockerfile.replace('/usr/local/bin/\n', '/usr/local/bin\n').replace('FROM scratch', 'FROM gcr.io/distroless/static-debian12')
  const result = await verifySuggestion(
    { dockerfile: old, build: build(dir), originalSize: report.size.uncompressed, verifyCommand: null, expectedPaths: [{ path: '/usr/local/bin', directory: true, line: 6 }] },
    suggestionBuild()
  )
  expect(result.verified).toBe(false)
  expect(result.error).toMatch(
    /^the suggested image was built but it would not start: the command "app": executable file not found in \$PATH .*; what the original copied is missing: \/usr\/local\/bin is a file where the original has a directory \(line 6\)$/
  )
  if (result.imageId) await exec('docker', ['image', 'rm', result.imageId])

  // The directory form (`/out/.`) makes a directory even without the slash: kept as written, and it starts.
  const dotted = context('b-dot', [...BUILD, 'FROM alpine', 'COPY --from=build /out/. /usr/local/bin', 'ENTRYPOINT ["app"]'])
  const again = await adviseAndProve(dotted, {}, { workspace: root, tempDir })
  expect(again.report.suggestion).toMatchObject({ base: 'scratch', verified: true })
  expect(await runOffline(again.suggestion!, ['z'])).toEqual({ code: 0, output: 'hello from app [z]' })
})

test("(c) a final stage that runs its base's default command: the suggestion runs the program instead, and says so (fixed); without it, not claimed", async () => {
  const dir = context('c', [...BUILD, 'FROM alpine', 'COPY --from=build /out/app /usr/local/bin/app'])
  const { report, original, suggestion } = await adviseAndProve(dir, {}, { workspace: root, tempDir })
  const s = report.suggestion!
  expect(s).toMatchObject({ base: 'scratch', verified: true })
  expect(s.dockerfile).toContain(
    '# the original ran alpine\'s default command ["/bin/sh"]; scratch has none: run the program (docker run IMAGE <command> still overrides it)\nCMD ["/usr/local/bin/app"]\n'
  )
  // What users of the original do (`docker run IMAGE app …`) still works.
  expect(await runOffline(suggestion!, ['app', 'w'])).toEqual(await runOffline(original, ['app', 'w']))
  expect((await runOffline(original, ['app', 'w'])).output).toBe('hello from app [w]')

  const old = s.dockerfile.replace(/# the original ran.*\nCMD .*\n/, '')
  const result = await verifySuggestion({ dockerfile: old, build: build(dir), originalSize: report.size.uncompressed, verifyCommand: null }, suggestionBuild())
  expect(result.verified).toBe(false)
  expect(result.error).toBe('the suggested image was built but it would not start: the image has neither ENTRYPOINT nor CMD ("no command specified")')
  if (result.imageId) await exec('docker', ['image', 'rm', result.imageId])
})
