import { readFileSync } from 'node:fs'
import { parseDockerfile } from '../../src/advisor/model.js'
import type { ContextFiles } from '../../src/advisor/rule.js'
import { rewriteGoBuild, suggestDockerfile } from '../../src/advisor/suggest.js'
import { findingAnnotations, MAX_PER_LEVEL } from '../../src/github/annotations.js'
import type { Finding } from '../../src/report/types.js'

const files = (over: Partial<ContextFiles> = {}): ContextFiles => ({
  hasDockerignore: false,
  goMod: { module: 'helloworld', requires: 0 },
  unwanted: [],
  imports: ['fmt'],
  loadsTimeZones: false,
  ...over
})

test.each([
  ['RUN go build helloworld.go', 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" helloworld.go'],
  ['RUN CGO_ENABLED=1 go build -o main .', 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o main .'],
  ['RUN GOOS=linux go build -o /app ./cmd/app', 'RUN GOOS=linux CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /app ./cmd/app'],
  ['RUN go build -ldflags="-X main.version=1" -o /app .', 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=1" -o /app .'],
  ["RUN go build -ldflags '-w' -o /app .", "RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /app ."],
  ['RUN go build -trimpath -ldflags="-s -w" -o /app .', 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /app .'],
  ['RUN apk add git && go build -o /app . && rm -rf /root/.cache', 'RUN apk add git && CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /app . && rm -rf /root/.cache'],
  ['RUN <<EOF\nset -e\ngo build -o /app .\nEOF', 'RUN <<EOF\nset -e\nCGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /app .\nEOF'],
  ['RUN ["go", "build", "-o", "/app", "."]', 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /app .'],
  ['RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app .', 'RUN --mount=type=cache,target=/root/.cache/go-build CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /app .']
])('rewriteGoBuild(%j)', (input, expected) => {
  expect(rewriteGoBuild(input)).toBe(expected)
})

const rung = (n: string) => parseDockerfile(readFileSync(`examples/helloworld/${n}`, 'utf8'))

test('rung 1: the single stage becomes the build stage; scratch keeps the binary where CMD expects it', () => {
  const s = suggestDockerfile({ model: rung('Dockerfile.1-golang-debian'), measured: null, files: files() })!
  expect(s.base).toBe('scratch')
  const body = s.dockerfile.split('\n').filter((l) => !l.startsWith('#') && l !== '')
  expect(body).toEqual([
    'FROM golang:bookworm AS build',
    'WORKDIR /',
    'COPY helloworld.go .',
    'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" helloworld.go',
    'FROM scratch',
    'COPY --from=build /helloworld /helloworld',
    'CMD ["./helloworld"]'
  ])
})

test('rung 4: builder kept, alpine final stage → distroless nonroot (the user ran as non-root), RUN and named USER dropped', () => {
  const s = suggestDockerfile({ model: rung('Dockerfile.4-multistage-alpine'), measured: null, files: files() })!
  expect(s.base).toBe('gcr.io/distroless/static-debian12:nonroot')
  expect(s.needs).toEqual(['a non-root user'])
  const body = s.dockerfile.split('\n').filter((l) => !l.startsWith('#') && l !== '')
  expect(body).toEqual([
    'FROM golang:alpine as builder',
    'RUN mkdir /build',
    'ADD . /build/',
    'WORKDIR /build',
    'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o main .',
    'FROM gcr.io/distroless/static-debian12:nonroot',
    'COPY --from=builder /build/main /app/',
    'WORKDIR /app',
    'CMD ["./main"]'
  ])
})

test('TLS or time zones lead to distroless static; runtime config and files copied after the build come along', () => {
  const model = parseDockerfile(
    [
      'FROM golang:1.22',
      'ENV GOFLAGS=-mod=vendor PORT=8080',
      'WORKDIR /src',
      'COPY . .',
      'RUN go build -o /usr/local/bin/server ./cmd/server',
      'COPY templates /templates',
      'RUN chmod -R a+r /templates',
      'EXPOSE 8080',
      'ENTRYPOINT /usr/local/bin/server --port 8080'
    ].join('\n')
  )
  const s = suggestDockerfile({ model, measured: null, files: files({ imports: ['net/http'], loadsTimeZones: true }) })!
  expect(s.base).toBe('gcr.io/distroless/static-debian12')
  expect(s.needs).toEqual(['CA certificates', 'time zones'])
  const final = s.dockerfile
    .slice(s.dockerfile.lastIndexOf('FROM '))
    .split('\n')
    .filter((l) => l !== '')
  expect(final).toEqual([
    'FROM gcr.io/distroless/static-debian12',
    'COPY --from=build /usr/local/bin/server /usr/local/bin/server',
    'ENV PORT=8080',
    'COPY templates /templates',
    '# replaced: RUN chmod -R a+r /templates  (COPY --chown/--chmod set ownership and modes without a shell)',
    'EXPOSE 8080',
    'WORKDIR /src',
    'ENTRYPOINT ["/usr/local/bin/server", "--port", "8080"]'
  ])
})

test('a # syntax directive stays the first line; no Go build means no suggestion', () => {
  const s = suggestDockerfile({ model: parseDockerfile('# syntax=docker/dockerfile:1\nFROM golang\nRUN go build -o /a .\n'), measured: null, files: files() })!
  expect(s.dockerfile.split('\n')[0]).toBe('# syntax=docker/dockerfile:1')
  expect(suggestDockerfile({ model: parseDockerfile('FROM alpine\nRUN echo hi\n'), measured: null, files: files() })).toBeNull()
})

describe('findingAnnotations', () => {
  const f = (over: Partial<Finding>): Finding => ({
    rule: 'multi-stage',
    severity: 'warning',
    file: 'examples/helloworld/Dockerfile',
    line: 3,
    message: 'm',
    estimatedSavings: null,
    fix: 'FROM scratch',
    ...over
  })
  test.each([
    [f({}), { level: 'warning', properties: { title: 'go-image-budget: multi-stage', file: 'examples/helloworld/Dockerfile', startLine: 3, endLine: 3 } }],
    [
      f({ severity: 'error', estimatedSavings: 848_100_000 }),
      { level: 'error', properties: { title: 'go-image-budget: multi-stage (saves about 848 MB)', file: 'examples/helloworld/Dockerfile', startLine: 3, endLine: 3 } }
    ],
    [f({ severity: 'info', line: null, rule: 'strip-symbols' }), { level: 'notice', properties: { title: 'go-image-budget: strip-symbols', file: 'examples/helloworld/Dockerfile' } }]
  ])('%#', (finding, expected) => {
    const [a] = findingAnnotations([finding])
    expect(a).toEqual({ ...expected, message: 'm\n\nFix:\nFROM scratch' })
  })
  test('at most ten per level (GitHub drops the rest of a step)', () => {
    const many = Array.from({ length: 14 }, (_, i) => f({ line: i + 1 }))
    const notes = Array.from({ length: 3 }, () => f({ severity: 'info' }))
    const out = findingAnnotations([...many, ...notes])
    expect(out.filter((a) => a.level === 'warning')).toHaveLength(MAX_PER_LEVEL)
    expect(out.filter((a) => a.level === 'notice')).toHaveLength(3)
  })
})

test('with a target, later stages are left out; a shell HEALTHCHECK is dropped, an exec-form one kept', () => {
  const text = [
    'FROM golang:1.22 AS build',
    'RUN go build -o /app .',
    'FROM alpine AS runtime',
    'COPY --from=build /app /app',
    'HEALTHCHECK CMD wget -q -O- localhost:8080/health',
    'ENTRYPOINT ["/app"]',
    'FROM runtime AS debug',
    'RUN apk add curl'
  ].join('\n')
  const s = suggestDockerfile({ model: parseDockerfile(text, { target: 'runtime' }), measured: null, files: files() })!
  expect(s.dockerfile).not.toContain('debug')
  expect(s.dockerfile).toContain(
    '# replaced: HEALTHCHECK CMD wget -q -O- localhost:8080/health  (scratch has no shell (and none of its tools) for a shell-form HEALTHCHECK; give the program a health flag'
  )
  expect(s.notes).toEqual([expect.stringMatching(/^HEALTHCHECK CMD wget -q -O- localhost:8080\/health: scratch has no shell/)])
  const kept = suggestDockerfile({
    model: parseDockerfile(text.replace('HEALTHCHECK CMD wget -q -O- localhost:8080/health', 'HEALTHCHECK CMD ["/app", "health"]'), { target: 'runtime' }),
    measured: null,
    files: files()
  })!
  expect(kept.dockerfile).toContain('HEALTHCHECK CMD ["/app", "health"]')
})
