import { finalBinaries } from '../../src/advisor/binaries.js'
import { classifyBase } from '../../src/advisor/images.js'
import { buildStagesOf, parseDockerfile, rootImage, substitute } from '../../src/advisor/model.js'

test.each([
  ['golang:${GO}-alpine', { GO: '1.22' }, 'golang:1.22-alpine'],
  ['$BASE', { BASE: 'alpine:3.20' }, 'alpine:3.20'],
  ['${BASE:-debian:bookworm-slim}', {}, 'debian:bookworm-slim'],
  ['${BASE:-debian}', { BASE: 'scratch' }, 'scratch'],
  ['img${SUFFIX:+-$SUFFIX}', { SUFFIX: 'x' }, 'img-x'],
  ['img${SUFFIX:+-$SUFFIX}', {}, 'img'],
  ['${UNSET}plain', {}, 'plain']
])('substitute(%j, %j) = %j', (text, vars, expected) => {
  expect(substitute(text, vars)).toBe(expected)
})

describe('parseDockerfile', () => {
  const text = [
    '# syntax=docker/dockerfile:1', //                         1
    'ARG GO_VERSION=1.22', //                                  2
    'ARG BUILDER=golang:${GO_VERSION}-bookworm', //             3
    'ARG RUNTIME', //                                          4
    'FROM --platform=$BUILDPLATFORM ${BUILDER} AS build', //    5
    'ARG TARGETOS', //                                         6
    'ENV CGO_ENABLED=0 GOFLAGS=-mod=readonly', //               7
    'WORKDIR /src', //                                         8
    'COPY go.mod go.sum ./', //                                9
    'RUN --mount=type=cache,target=/go/pkg/mod go mod download', // 10
    'COPY . .', //                                             11
    'RUN <<EOF', //                                            12
    'set -e', //                                               13
    'go build -trimpath \\', //                                14
    '  -ldflags="-s -w" -o /out/server ./cmd/server', //       15
    'EOF', //                                                  16
    'FROM ${RUNTIME:-gcr.io/distroless/static-debian12:nonroot} AS runtime', // 17
    'COPY --from=build /out/server /usr/local/bin/', //        18
    'USER 65532:65532', //                                     19
    'ENTRYPOINT ["/usr/local/bin/server"]', //                 20
    'FROM runtime AS debug', //                                21
    'USER root' //                                             22
  ].join('\n')

  test('stages, ARG-parameterised bases, --platform and FROM <stage>', () => {
    const model = parseDockerfile(text, { target: 'runtime' })
    expect(model.stages.map((s) => [s.name, s.image, s.line, s.parentStage])).toEqual([
      ['build', 'golang:1.22-bookworm', 5, null],
      ['runtime', 'gcr.io/distroless/static-debian12:nonroot', 17, null],
      ['debug', 'runtime', 21, 1]
    ])
    expect(model.stages[0].platform).toBe('$BUILDPLATFORM')
    expect(model.final.name).toBe('runtime')
    expect(model.globalArgs).toEqual({ GO_VERSION: '1.22', BUILDER: 'golang:1.22-bookworm', RUNTIME: null })
  })

  test('build-args override ARG defaults, also inside other ARG defaults', () => {
    const model = parseDockerfile(text, { buildArgs: ['GO_VERSION=1.23', 'RUNTIME=alpine:3.20'] })
    expect(model.stages[0].image).toBe('golang:1.23-bookworm')
    expect(model.stages[1].image).toBe('alpine:3.20')
    // Without a target the last stage is final; it builds on `runtime`.
    expect(model.final.name).toBe('debug')
    expect(rootImage(model, model.final)).toBe('alpine:3.20')
    expect(model.final.user).toEqual({ value: 'root', line: 22 })
  })

  test('a heredoc RUN: its body is the script, the go build inside it is found with its flags', () => {
    const build = parseDockerfile(text).stages[0]
    expect(build.runs.map((r) => r.line)).toEqual([10, 12])
    expect(build.runs[1].endLine).toBe(16)
    expect(build.runs[0].mounts).toEqual(['type=cache,target=/go/pkg/mod'])
    expect(build.goBuilds).toHaveLength(1)
    expect(build.goBuilds[0]).toMatchObject({ line: 12, output: '/out/server', stripped: true, trimpath: true, workdir: '/src', cgoEnabled: '0', packages: ['./cmd/server'] })
  })

  test('COPY --from resolves the stage; the final binary lands where the COPY puts it', () => {
    const model = parseDockerfile(text, { target: 'runtime' })
    expect(model.final.copies[0]).toMatchObject({ from: 'build', fromStage: 0, sources: ['/out/server'], dest: '/usr/local/bin/' })
    expect(buildStagesOf(model, model.final).map((s) => s.name)).toEqual(['build'])
    const [binary] = finalBinaries(model)
    expect(binary).toMatchObject({ builtAt: '/out/server', finalPath: '/usr/local/bin/server', copyLine: 18 })
    expect(binary.stage.name).toBe('build')
  })

  test('the seed rung 1: one stage, a go build of a file, output named after it', () => {
    const model = parseDockerfile('FROM golang:bookworm\nWORKDIR /\nCOPY helloworld.go .\nRUN go build helloworld.go\nCMD ["./helloworld"]\n')
    expect(model.stages).toHaveLength(1)
    expect(model.final.cmd?.line).toBe(5)
    expect(finalBinaries(model)).toEqual([expect.objectContaining({ builtAt: '/helloworld', finalPath: '/helloworld', copyLine: null })])
  })

  test('cgo builds: CGO_ENABLED from the command overrides the stage ENV; ARG values count', () => {
    const model = parseDockerfile(
      [
        'FROM golang:1.22 AS build',
        'ARG CGO_ENABLED=1',
        'RUN go build -o /a ./a',
        'RUN CGO_ENABLED=0 go build -o /b ./b',
        'ENV CGO_ENABLED=0',
        'RUN CGO_ENABLED=1 go build -o /c ./c',
        'RUN go build -o /d ./d'
      ].join('\n')
    )
    expect(model.stages[0].goBuilds.map((b) => [b.output, b.cgoEnabled])).toEqual([
      ['/a', '1'],
      ['/b', '0'],
      ['/c', '1'],
      ['/d', '0']
    ])
  })

  test('a heredoc written to a file is data, not commands; `RUN <<-EOT sh` bodies are scripts', () => {
    const model = parseDockerfile(['FROM golang AS b', 'RUN cat <<EOF > build.sh', 'go build -o /not-a-build .', 'EOF', 'RUN <<-EOT sh', '\tgo build -o /real .', '\tEOT'].join('\n'))
    expect(model.stages[0].runs.map((r) => r.script)).toEqual(['cat <<EOF > build.sh', '\tgo build -o /real .'])
    expect(model.stages[0].goBuilds.map((b) => [b.output, b.line])).toEqual([['/real', 5]])
  })

  test('exec-form RUN and legacy `ENV NAME value`', () => {
    const model = parseDockerfile('FROM golang\nENV CGO_ENABLED 1\nRUN ["go", "build", "-o", "/app", "."]\n')
    expect(model.final.goBuilds[0]).toMatchObject({ output: '/app', cgoEnabled: '1' })
  })

  test('relative WORKDIR and a default go build output named after the module', () => {
    const model = parseDockerfile('FROM golang AS b\nWORKDIR /src\nWORKDIR app\nRUN go build\nFROM scratch\nCOPY --from=b /src/app/server /server\n')
    expect(model.stages[0].workdir).toBe('/src/app')
    expect(finalBinaries(model, 'example.com/server')).toEqual([expect.objectContaining({ builtAt: '/src/app/server', finalPath: '/server' })])
  })
})

test.each([
  ['scratch', 'scratch', false],
  ['gcr.io/distroless/static-debian12:nonroot', 'distroless-static', true],
  ['gcr.io/distroless/static-debian12', 'distroless-static', false],
  ['gcr.io/distroless/base-debian12', 'distroless', false],
  ['golang:alpine', 'go-toolchain', false],
  ['golang:1.22.5-bookworm', 'go-toolchain', false],
  ['docker.io/library/golang@sha256:abc', 'go-toolchain', false],
  ['alpine', 'distribution', false],
  ['alpine:3.20', 'distribution', false],
  ['debian:bookworm-slim', 'distribution', false],
  ['ubuntu:24.04', 'distribution', false],
  ['registry.example:5000/team/alpine:3', 'distribution', false],
  ['my-company/base:1', 'unknown', false]
])('classifyBase(%s)', (image, kind, nonRoot) => {
  expect(classifyBase(image)).toMatchObject({ kind, nonRoot })
})
