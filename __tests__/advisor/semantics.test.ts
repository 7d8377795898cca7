// Dockerfile semantics as BuildKit has them, in the model and what the
// suggestion builds on: base images' ENV and WORKDIR (measured, or the golang
// images' documented defaults), relative COPY --from sources from the stage
// root, go install into GOBIN, inherited commands, the final stage's
// run-time needs, the one base choice, carried proofs and the Dockerfile
// name fallback.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { finalBinaries } from '../../src/advisor/binaries.js'
import { applyCarried, proofInputsKey, type ProofInputs } from '../../src/advisor/carried.js'
import { carriedFrom, parseCarriedProof } from '../../src/report/parse.js'
import { effectiveCommand, expectedPaths, finalStageFacts } from '../../src/advisor/final-stage.js'
import { documentedDefaults, goAtLeast } from '../../src/advisor/images.js'
import { parseDockerfile } from '../../src/advisor/model.js'
import type { ContextFiles } from '../../src/advisor/rule.js'
import { chooseRuntimeBase } from '../../src/advisor/runtime-base.js'
import { suggestDockerfile } from '../../src/advisor/suggest.js'
import { lowercaseFallback } from '../../src/pipeline/stages.js'
import { readEmbeddedState } from '../../src/report/embed.js'
import { renderMarkdown } from '../../src/render/markdown.js'
import { renderFindings } from '../../src/render/terminal.js'
import type { Suggestion } from '../../src/report/types.js'
import { overBudgetSingleStage } from '../fixtures/reports.js'

const files = (over: Partial<ContextFiles> = {}): ContextFiles => ({
  hasDockerignore: true,
  goMod: { module: 'example.com/app', requires: 0 },
  unwanted: [],
  imports: ['fmt'],
  loadsTimeZones: false,
  ...over
})

describe('base images bring ENV, WORKDIR and their command', () => {
  test("golang's documented defaults: ${GOPATH} expands, the WORKDIR is /go, a bare `go build -o ding` lands in /go", () => {
    const model = parseDockerfile(
      'FROM golang:1.19 AS build\nCOPY . $GOPATH/src/example.com/app/\nWORKDIR ${GOPATH}/src/example.com/app\nRUN go build -o /out/app .\nFROM golang:1.19\nRUN go build -o ding\nCMD ["./ding"]\n'
    )
    expect(model.stages[0].copies[0].dest).toBe('/go/src/example.com/app/')
    expect(model.stages[0].workdir).toBe('/go/src/example.com/app')
    expect(model.final.workdir).toBe('/go')
    expect(finalBinaries(model).map((b) => b.finalPath)).toEqual(['/go/ding'])
    expect(model.stages[0].goVersion).toBe('1.19')
  })
  test('a measured image config wins over the documented defaults', () => {
    const model = parseDockerfile('FROM golang:alpine\nRUN go build -o app .\n', {
      imageConfig: () => ({ env: { GOPATH: '/go', GOLANG_VERSION: '1.19.8' }, workdir: '/go', user: '', entrypoint: null, cmd: ['/bin/sh'], source: 'image' })
    })
    expect(model.final.goVersion).toBe('1.19.8')
    expect(finalBinaries(model)[0].finalPath).toBe('/go/app')
  })
  test('documented defaults for the image kinds; none for unknown images', () => {
    expect(documentedDefaults('golang:1.22-alpine')).toMatchObject({ env: { GOLANG_VERSION: '1.22', GOPATH: '/go' }, workdir: '/go', cmd: ['/bin/sh'] })
    expect(documentedDefaults('alpine:3.20')?.cmd).toEqual(['/bin/sh'])
    expect(documentedDefaults('gcr.io/distroless/static-debian12:nonroot')).toMatchObject({ cmd: null, user: '65532' })
    expect(documentedDefaults('example.com/my/base')).toBeNull()
  })
  test('goAtLeast compares dotted versions; an unknown one counts as current', () => {
    expect([goAtLeast('1.9', '1.13'), goAtLeast('go1.13.1', '1.13'), goAtLeast('1.20', '1.9'), goAtLeast(null, '1.13')]).toEqual([false, true, true, true])
  })
})

describe('COPY --from and go install', () => {
  test("a relative COPY --from source is a path from the source stage's root, not its WORKDIR", () => {
    const model = parseDockerfile('FROM golang:1.19 AS build\nWORKDIR /go/src/app\nRUN go build -o main .\nFROM alpine\nWORKDIR /srv\nCOPY --from=build go/src/app/main .\nCMD ["./main"]\n')
    expect(finalBinaries(model).map((b) => [b.builtAt, b.finalPath])).toEqual([['/go/src/app/main', '/srv/main']])
  })
  test('go install puts the binary in GOBIN, else GOPATH/bin; COPY of a whole directory carries it', () => {
    const model = parseDockerfile(
      'FROM golang:1.9 AS build\nWORKDIR /go/src/github.com/acme/ding\nCOPY . .\nRUN go get -d ./... && go install ./... && rm -rf /go/src\nFROM alpine\nCOPY --from=build /go/bin/ /usr/local/bin/\nENTRYPOINT ["ding"]\n'
    )
    // `./...` may be several programs: the directory is what the Dockerfile tells.
    expect(finalBinaries(model).map((b) => [b.builtAt, b.finalPath, b.directory])).toEqual([['/go/bin', '/usr/local/bin', true]])
    // A COPY that names one of them names the program.
    const one = parseDockerfile(model.text.replace('COPY --from=build /go/bin/ /usr/local/bin/', 'COPY --from=build /go/bin/ding /usr/local/bin/ding'))
    expect(finalBinaries(one).map((b) => [b.builtAt, b.finalPath, b.directory])).toEqual([['/go/bin/ding', '/usr/local/bin/ding', undefined]])
    const gobin = parseDockerfile('FROM golang AS b\nENV GOBIN=/out\nRUN go install ./cmd/tool\n')
    expect(finalBinaries(gobin)[0].builtAt).toBe('/out/tool')
    // `go install pkg@version` installs a tool, not the program.
    expect(parseDockerfile('FROM golang\nRUN go install golang.org/x/tools/cmd/stringer@latest\n').final.goBuilds).toEqual([])
  })
  test('a one-file COPY onto a directory the base has lands inside it (and the suggestion keeps the directory)', () => {
    const model = parseDockerfile('FROM golang:1.19 AS build\nRUN go build -o /out/app .\nFROM alpine\nCOPY --from=build /out/app /usr/local/bin\nENTRYPOINT ["app"]\n')
    expect(finalBinaries(model)[0].finalPath).toBe('/usr/local/bin/app')
    expect(expectedPaths(model, null)).toEqual([
      { path: '/usr/local/bin', directory: true, line: 4 },
      { path: '/usr/local/bin/app', directory: false, line: 4 }
    ])
    const s = suggestDockerfile({ model, measured: null, files: files() })!
    expect(s.dockerfile).toContain('COPY --from=build /out/app /usr/local/bin/\n')
  })
})

describe("the final stage's command and run-time needs", () => {
  test("a stage without ENTRYPOINT or CMD runs its base's; an ENTRYPOINT drops the inherited CMD", () => {
    expect(effectiveCommand(parseDockerfile('FROM alpine\nCOPY app /app\n'), parseDockerfile('FROM alpine\nCOPY app /app\n').final)).toEqual({ argv: ['/bin/sh'], source: 'base' })
    const m = parseDockerfile('FROM alpine AS base\nCMD ["serve"]\nFROM base\nENTRYPOINT ["/app"]\n')
    expect(effectiveCommand(m, m.final)).toEqual({ argv: ['/app'], source: 'dockerfile' })
    const kept = parseDockerfile('FROM alpine\nCMD ["serve"]\nENTRYPOINT ["/app"]\n')
    expect(effectiveCommand(kept, kept.final)).toEqual({ argv: ['/app', 'serve'], source: 'dockerfile' })
  })
  test('packages, scripts and RUNs of unknown effect are needs; certificates, users, directories are replaceable', () => {
    const facts = finalStageFacts(
      parseDockerfile(
        'FROM alpine\nRUN apk add --no-cache ca-certificates tzdata chromium\nRUN adduser -D app && mkdir -p /data && chown app /data\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\nHEALTHCHECK CMD wget -qO- localhost:8080/health || exit 1\n'
      )
    )
    expect(facts.unmetPackages).toEqual(['chromium'])
    expect(facts.runs.map((r) => [r.line, r.kind])).toEqual([
      [2, 'packages'],
      [3, 'user']
    ])
    expect(facts.needsShell).toEqual({ line: 5, why: 'its ENTRYPOINT runs the script /entrypoint.sh' })
    expect(facts.healthcheck).toMatchObject({ line: 6, exec: false })
    expect(finalStageFacts(parseDockerfile('FROM alpine\nCMD /app -port $PORT\n')).needsShell?.why).toBe('its CMD uses shell syntax (`/app -port $PORT`)')
    expect(finalStageFacts(parseDockerfile('FROM alpine\nCMD /app -port 8080\n')).needsShell).toBeNull()
  })
})

describe('chooseRuntimeBase: one answer for the rules and the suggestion', () => {
  const multi = (final: string, extra = '') => parseDockerfile(`FROM golang:1.19 AS build\nCOPY . .\nRUN go build -o /app .\n${final}\n${extra}COPY --from=build /app /app\nENTRYPOINT ["/app"]\n`)
  test.each([
    ['a hello world', multi('FROM alpine'), files(), 'scratch', null],
    ['TLS', multi('FROM alpine'), files({ imports: ['net/http'] }), 'gcr.io/distroless/static-debian12', null],
    ['a named USER', multi('FROM alpine', 'USER nobody\n'), files(), 'gcr.io/distroless/static-debian12:nonroot', null],
    ['C code on glibc', multi('FROM debian:bookworm-slim'), files({ imports: ['C'] }), 'gcr.io/distroless/base-debian12', null],
    ['a package it runs', multi('FROM alpine', 'RUN apk add --no-cache ffmpeg\n'), files(), 'alpine', 'the image installs ffmpeg'],
    ['unscanned dependencies', multi('FROM alpine'), files({ goMod: { module: 'x', requires: 4 } }), 'gcr.io/distroless/static-debian12', null]
  ])('%s', (_name, model, f, base, blocker) => {
    const choice = chooseRuntimeBase({ model, measured: null, files: f })
    expect([choice.base, choice.blocker]).toEqual([base, blocker])
  })
  test('a single-stage toolchain image with a shell-script command gets the smallest base with a shell', () => {
    const model = parseDockerfile('FROM golang:1.19\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/src/start.sh"]\n')
    expect(chooseRuntimeBase({ model, measured: null, files: files() })).toMatchObject({ base: 'alpine', blocker: 'its CMD runs the script /src/start.sh' })
  })
})

describe('carried proofs', () => {
  const inputs: ProofInputs = {
    dockerfile: 'FROM golang\n',
    suggestion: 'FROM scratch\n',
    baseDigests: { golang: 'sha256:1' },
    goMod: 'module x\n',
    goSum: null,
    program: [],
    settings: { buildArgs: [], target: null, platform: null, verifyCommand: null }
  }
  const suggestion: Suggestion = {
    dockerfile: 'FROM scratch\n',
    verified: true,
    size: { uncompressed: 2_000_000, compressed: 900_000 },
    error: null,
    savings: 460_000_000,
    base: 'scratch',
    proof: { checks: [{ check: 'command', ok: true, detail: 'x', required: true }], start: { ok: true, detail: 'exited 0', exitCode: 0, running: false, readOnly: true } }
  }
  test('the key changes with every input and not with key order', () => {
    const key = proofInputsKey(inputs)
    expect(key).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(proofInputsKey({ ...inputs, baseDigests: { golang: 'sha256:2' } })).not.toBe(key)
    expect(proofInputsKey({ ...inputs, goSum: 'h1:abc' })).not.toBe(key)
    expect(
      proofInputsKey({ settings: inputs.settings, program: [], goSum: null, goMod: 'module x\n', baseDigests: { golang: 'sha256:1' }, suggestion: 'FROM scratch\n', dockerfile: 'FROM golang\n' })
    ).toBe(key)
  })
  test('a proof is carried only for the same key, and says where it was proven', () => {
    const key = proofInputsKey(inputs)
    const carried = carriedFrom({ ...suggestion, inputsKey: key }, 'abc1234def')
    expect(carried).toMatchObject({ key, commit: 'abc1234def', verified: true })
    const reused = applyCarried({ ...suggestion, verified: false, size: null }, key, parseCarriedProof(JSON.parse(JSON.stringify(carried))))
    expect(reused).toMatchObject({ verified: true, size: suggestion.size, verifiedAt: 'abc1234def', verifyReason: 'nothing it depends on changed since abc1234: its proof is carried, not rebuilt' })
    expect(applyCarried(suggestion, proofInputsKey({ ...inputs, goMod: 'module y\n' }), carried)).toBeNull()
  })
  test('the sticky comment carries the proof to the next push, and a carried proof shows where it was verified', () => {
    const key = proofInputsKey(inputs)
    const report = { ...overBudgetSingleStage(), suggestion: { ...suggestion, inputsKey: key, verifiedAt: 'abc1234def' } }
    const body = renderMarkdown(report, {})
    expect(readEmbeddedState(body)?.proof).toEqual({ key, commit: 'abc1234def', verified: true, size: suggestion.size, savings: suggestion.savings, error: null, proof: suggestion.proof })
    expect(body).toContain('built and measured, and it starts: <b>2 MB</b>')
    expect(body).toContain('verified at <code>abc1234</code>')
    expect(body).toContain('- ✅ started offline (`docker run --network none`, read-only): exited 0')
  })
  test('a suggestion that would not start says why, in the comment and the terminal, and claims nothing', () => {
    const failed: Suggestion = {
      ...suggestion,
      verified: false,
      size: { uncompressed: 2_000_000, compressed: null },
      error: 'the suggested image was built but it would not start: the command /bin/sh: no such file or directory',
      proof: {
        checks: [
          { check: 'command', ok: false, detail: 'the command /bin/sh: no such file or directory', required: true },
          { check: 'users', ok: false, detail: '/app looks up users (os/user) and the image has no /etc/passwd', required: false }
        ],
        start: null
      }
    }
    const report = { ...overBudgetSingleStage(), suggestion: failed }
    const body = renderMarkdown(report, {})
    expect(body).toContain('not verified (the suggested image was built but it would not start: the command /bin/sh: no such file or directory)')
    // Escaped as every finding is (GitHub shows `\\:` as `:`).
    expect(body).toContain('- ❌ the command /bin/sh\\: no such file or directory')
    expect(body).toContain('- ⚠️ /app looks up users \\(os/user\\) and the image has no /etc/passwd')
    expect(body).not.toContain('built and measured')
    expect(renderFindings(report)).toEqual(
      expect.arrayContaining([
        '  suggested Dockerfile (scratch): the suggested image was built but it would not start: the command /bin/sh: no such file or directory',
        '    FAIL  command: the command /bin/sh: no such file or directory',
        '    note  users: /app looks up users (os/user) and the image has no /etc/passwd'
      ])
    )
  })
  test('a carried proof of the wrong shape is ignored; a claim without a size is not a verified one', () => {
    expect(parseCarriedProof({ key: 'nope', verified: true })).toBeNull()
    expect(parseCarriedProof('x')).toBeNull()
    expect(parseCarriedProof({ key: `sha256:${'a'.repeat(64)}`, verified: true, size: null, commit: '<script>' })).toMatchObject({ verified: false, commit: null })
  })
})

test('a Dockerfile path named Dockerfile that is not there means dockerfile beside it, as buildx does', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'df-name-'))
  try {
    mkdirSync(path.join(dir, 'a'))
    writeFileSync(path.join(dir, 'a', 'dockerfile'), 'FROM scratch\n')
    expect(lowercaseFallback(path.join(dir, 'a', 'Dockerfile'))).toBe(path.join(dir, 'a', 'dockerfile'))
    writeFileSync(path.join(dir, 'a', 'Dockerfile'), 'FROM scratch\n')
    expect(lowercaseFallback(path.join(dir, 'a', 'Dockerfile'))).toBe(path.join(dir, 'a', 'Dockerfile'))
    expect(lowercaseFallback(path.join(dir, 'a', 'build.Dockerfile'))).toBe(path.join(dir, 'a', 'build.Dockerfile'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
