// The facts issue 21 added to the model: build constraints, make recipes,
// `cd`/`export`/`go env -w` in a RUN, go install globs, and the check a fix
// must pass before it is offered without a build.
import { evalConstraint, constraintOf, fileApplies } from '../../src/advisor/build-tags.js'
import { finalBinaries } from '../../src/advisor/binaries.js'
import { cgoOnlyModule } from '../../src/advisor/cgo-modules.js'
import { applyEdits, renderEdits } from '../../src/advisor/edits.js'
import { checkFix } from '../../src/advisor/fix-check.js'
import { makeCommands } from '../../src/advisor/make.js'
import { parseDockerfile } from '../../src/advisor/model.js'
import type { Finding } from '../../src/report/types.js'

describe('build constraints, as a Linux build reads them', () => {
  test.each([
    ['linux && cgo', [], true],
    ['darwin', [], false],
    ['!windows', [], true],
    ['sqlite', [], false],
    ['sqlite', ['sqlite'], true],
    ['(sqlite || pg) && !nocgo', ['pg'], true],
    ['ignore', [], false]
  ])('%s with tags %j', (expr, tags, holds) => {
    expect(evalConstraint(expr, new Set(tags))).toBe(holds)
  })
  test('//go:build wins; // +build lines are ANDed, their words ORed, commas ANDed; file names count', () => {
    expect(constraintOf('//go:build fast\n\npackage main\n')).toBe('fast')
    expect(constraintOf('// +build linux,cgo darwin\n// +build !nocgo\n\npackage x\n')).toBe('((linux && cgo) || (darwin)) && ((!nocgo))')
    expect(fileApplies('size_darwin.go', 'package x\n')).toBe(false)
    expect(fileApplies('size_linux_arm64.go', 'package x\n')).toBe(true)
    expect(fileApplies('speed_fast.go', '//go:build fast\npackage x\n')).toBe(false)
    expect(fileApplies('speed_fast.go', '//go:build fast\npackage x\n', new Set(['fast']))).toBe(true)
  })
  test('the cgo-only module list matches major versions and packages of a listed module', () => {
    expect(cgoOnlyModule('github.com/confluentinc/confluent-kafka-go/v2/kafka')).toBe('github.com/confluentinc/confluent-kafka-go')
    expect(cgoOnlyModule('github.com/mattn/go-sqlite3')).toBe('github.com/mattn/go-sqlite3')
    expect(cgoOnlyModule('github.com/mattn/go-isatty')).toBeNull()
  })
})

describe('make', () => {
  const makefile =
    'GO ?= go\nexport CGO_ENABLED := 0\nBIN = bin/$(NAME)\nNAME := api\n\nall: build\n\n.PHONY: build\nbuild: gen\n\t@cd cmd/api && $(GO) build -o ../../$(BIN) .\n\ngen:\n\t$(GO) generate ./...\n'
  test('a target runs its prerequisites first, variables expanded, exported ones in the environment, cd kept', () => {
    const run = makeCommands(makefile, ['build'])!
    expect(run.commands.map((c) => [c.target, c.words.join(' '), c.cd, c.line])).toEqual([
      ['gen', 'go generate ./...', null, 13],
      ['build', 'go build -o ../../bin/api .', 'cmd/api', 10]
    ])
    expect(run.env).toEqual({ CGO_ENABLED: '0' })
  })
  test('no target runs the first; a target not in the Makefile is not known; command-line variables win', () => {
    expect(makeCommands(makefile, [])!.commands.map((c) => c.target)).toEqual(['gen', 'build'])
    expect(makeCommands(makefile, ['release'])).toBeNull()
    expect(makeCommands(makefile, ['build'], { GO: 'go1.22' })!.commands[1].words[0]).toBe('go1.22')
  })
  test('the model reads a RUN make from the Makefile: the build, its directory and environment, the recipe line', () => {
    const model = parseDockerfile('FROM golang:1.22 AS b\nWORKDIR /src\nCOPY . .\nRUN make build\nFROM scratch\nCOPY --from=b /src/bin/api /api\n', { context: { makefile } })
    const [build] = model.stages[0].goBuilds
    expect(build).toMatchObject({ line: 4, dir: '/src/cmd/api', cgoEnabled: '0', via: { target: 'build', makefileLine: 10 } })
    expect(finalBinaries(model).map((b) => b.finalPath)).toEqual(['/api'])
    // Without the Makefile the build is indirect: known to exist, not what it does.
    expect(parseDockerfile(model.text).stages[0].indirectBuilds).toEqual([{ line: 4, what: 'make build' }])
  })
})

describe('a RUN as a shell runs it', () => {
  test('cd moves the build, export and go env -w set its environment (go env -w for later RUNs too), GOFLAGS carries -trimpath', () => {
    const model = parseDockerfile(
      'FROM golang:1.22 AS b\nRUN go env -w GOFLAGS=-trimpath\nWORKDIR /src\nRUN export CGO_ENABLED=0 && cd cmd/hello && go build .\nFROM scratch\nCOPY --from=b /src/cmd/hello/hello /hello\n',
      { context: { module: 'example.com/app' } }
    )
    expect(model.stages[0].goBuilds[0]).toMatchObject({ dir: '/src/cmd/hello', cgoEnabled: '0', trimpath: true })
    expect(finalBinaries(model).map((b) => [b.builtAt, b.finalPath])).toEqual([['/src/cmd/hello/hello', '/hello']])
  })
  test('go install ./cmd/... with the main packages known names each program; a glob COPY takes them; library installs write none', () => {
    const text = 'FROM golang:1.21 AS b\nWORKDIR /src\nCOPY . .\nRUN go install ./internal/...\nRUN go install ./cmd/...\nFROM scratch\nCOPY --from=b /go/bin/* /usr/local/bin/\n'
    const model = parseDockerfile(text, { context: { module: 'example.com/app', mainPackages: ['cmd/api', 'cmd/migrate'] } })
    expect(finalBinaries(model).map((b) => [b.build.line, b.finalPath])).toEqual([
      [5, '/usr/local/bin/api'],
      [5, '/usr/local/bin/migrate']
    ])
  })
  test('an ARG without a default in FROM is named, never blanked', () => {
    const model = parseDockerfile('FROM golang:1.22 AS b\nFROM gcr.io/distroless/static:latest-${TARGETARCH}\n')
    expect(model.final.image).toBe('gcr.io/distroless/static:latest-${TARGETARCH}')
  })
})

describe('fix edits', () => {
  const original = 'FROM golang:1.9 AS build\nWORKDIR /go/src/app\nCOPY . .\nRUN go build -o /out/app .\n\nFROM alpine\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n'
  const model = parseDockerfile(original)
  const finding = (edits: Finding['edits']): Finding => ({ rule: 'trimpath', severity: 'info', file: 'Dockerfile', line: 4, message: '', estimatedSavings: null, fix: '', edits })
  test('applied from the last up; an insertion goes before its line; rendered under the lines they replace', () => {
    const edits = [
      { line: 4, endLine: 4, text: 'RUN go build -ldflags="-s -w" -o /out/app .' },
      { line: 9, endLine: 8, text: 'USER 65532:65532' }
    ]
    expect(applyEdits(original, edits).split('\n').slice(3, 9)).toEqual([
      'RUN go build -ldflags="-s -w" -o /out/app .',
      '',
      'FROM alpine',
      'COPY --from=build /out/app /app',
      'ENTRYPOINT ["/app"]',
      'USER 65532:65532'
    ])
    expect(renderEdits(edits)).toBe('# line 4:\nRUN go build -ldflags="-s -w" -o /out/app .\n# before line 9:\nUSER 65532:65532')
  })
  test('a fix holds: its COPY takes what the stage makes, its flags exist in that Go, it keeps the command', () => {
    expect(checkFix(model, finding([{ line: 4, endLine: 4, text: 'RUN go build -ldflags="-s -w" -o /out/app .' }]))).toBeNull()
    expect(checkFix(model, finding([{ line: 4, endLine: 4, text: 'RUN go build -trimpath -o /out/app .' }]))).toBe('-trimpath needs Go 1.13, and the stage has Go 1.9')
    expect(checkFix(model, finding([{ line: 6, endLine: 8, text: 'FROM scratch\nCOPY --from=build /out/server /app\nENTRYPOINT ["/app"]' }]))).toBe(
      '`COPY --from=build /out/server /app` copies /out/server, which stage build does not make'
    )
    expect(checkFix(model, finding([{ line: 6, endLine: 8, text: 'FROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app", "serve"]' }]))).toBe(
      'the fixed image runs ["/app","serve"] where the original runs ["/app"]'
    )
  })
})
