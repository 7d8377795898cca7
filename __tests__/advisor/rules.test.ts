// Each rule on a Dockerfile where it fires and one where it does not, with and
// without a measurement. Savings must come from the measurement fixture.
import { advise } from '../../src/advisor/advise.js'
import { parseDockerfile } from '../../src/advisor/model.js'
import type { ContextFiles, Measured, RuleContext } from '../../src/advisor/rule.js'
import { RULES } from '../../src/advisor/rules/index.js'
import type { GoBinary, Layer } from '../../src/report/types.js'

const files = (over: Partial<ContextFiles> = {}): ContextFiles => ({
  hasDockerignore: false,
  goMod: { module: 'helloworld', requires: 0 },
  unwanted: [],
  imports: ['fmt'],
  loadsTimeZones: false,
  ...over
})
const binary = (over: Partial<GoBinary> = {}): GoBinary => ({
  path: '/app/main',
  bytes: 2_000_000,
  goVersion: 'go1.22.5',
  static: true,
  stripped: false,
  cgo: false,
  module: 'helloworld',
  ...over
})
const layer = (index: number, uncompressed: number, over: Partial<Layer> = {}): Layer => ({
  index,
  diffId: `sha256:${index}`,
  instruction: '',
  dockerfileLine: null,
  stage: null,
  fromBaseImage: false,
  uncompressed,
  compressed: null,
  ...over
})
const measured = (over: Partial<Measured> = {}): Measured => ({
  size: 10_000_000,
  layers: [],
  wasted: null,
  goBinaries: [binary()],
  user: '',
  budgetStatus: 'none',
  ...over
})
const rule = (id: string) => RULES.find((r) => r.id === id)!
const run = (id: string, dockerfile: string, ctx: Partial<Omit<RuleContext, 'model'>> = {}) => rule(id).check({ model: parseDockerfile(dockerfile), measured: null, files: files(), ...ctx })

const SINGLE = 'FROM golang:bookworm\nWORKDIR /\nCOPY helloworld.go .\nRUN go build helloworld.go\nCMD ["./helloworld"]\n'
const MULTI = (final: string, extra = '') =>
  `FROM golang:alpine AS builder\nWORKDIR /build\nCOPY . .\nRUN go build -o main .\n${final}\n${extra}COPY --from=builder /build/main /app/\nCMD ["/app/main"]\n`
// Line numbers in MULTI: FROM builder 1, COPY 3, go build 4, final FROM 5.

describe('multi-stage', () => {
  test('fires on a single golang stage, savings = image minus the measured binary', () => {
    const [f] = run('multi-stage', SINGLE, { measured: measured({ size: 850_000_000, goBinaries: [binary({ bytes: 1_900_000 })] }) })
    expect(f).toMatchObject({ rule: 'multi-stage', line: 1, severity: 'warning', estimatedSavings: 848_100_000 })
    expect(f.message).toContain('golang:bookworm')
  })
  test("the toolchain's own Go binaries (go, gofmt …) count as removable, not as the program", () => {
    const goBinaries = [binary({ path: '/usr/local/go/bin/go', bytes: 15_000_000 }), binary({ path: '/helloworld', bytes: 1_900_000 })]
    const [f] = run('multi-stage', SINGLE, { measured: measured({ size: 850_000_000, goBinaries }) })
    expect(f.estimatedSavings).toBe(848_100_000)
  })
  test('fires on an ARG-parameterised toolchain base, with no savings claimed without a measurement', () => {
    const [f] = run('multi-stage', 'ARG GO=1.22\nFROM golang:${GO}-alpine\nRUN go build -o /app .\n')
    expect(f).toMatchObject({ line: 2, estimatedSavings: null })
    expect(f.message).toContain('golang:1.22-alpine')
  })
  test('fires when an alpine stage builds in place', () => {
    expect(run('multi-stage', 'FROM alpine\nRUN apk add go\nCOPY . .\nRUN go build -o /app .\n')).toHaveLength(1)
  })
  test('is an error when the budget fails', () => {
    expect(run('multi-stage', SINGLE, { measured: measured({ budgetStatus: 'fail' }) })[0].severity).toBe('error')
  })
  test('does not fire on a multi-stage build', () => {
    expect(run('multi-stage', MULTI('FROM scratch'))).toEqual([])
  })
})

describe('minimal-base', () => {
  const layers = [layer(0, 7_300_000, { fromBaseImage: true }), layer(1, 5_000, { dockerfileLine: 6 }), layer(2, 2_000_000, { dockerfileLine: 7 })]
  test("fires on an alpine final stage; savings = base layers + the final stage's RUN layers", () => {
    const [f] = run('minimal-base', MULTI('FROM alpine', 'RUN adduser -S appuser\nUSER appuser\n'), {
      measured: measured({ size: 9_305_000, layers, baseSizes: { 'gcr.io/distroless/static-debian12:nonroot': 1_540_000 } })
    })
    expect(f).toMatchObject({ rule: 'minimal-base', line: 5, estimatedSavings: 7_305_000 - 1_540_000 })
    // The fix is the final stage on the new base: what it replaces is said, what it keeps is there.
    expect(f.fix).toBe(
      'FROM gcr.io/distroless/static-debian12:nonroot\n# replaced: RUN adduser -S appuser  (the base has a non-root user, nonroot, 65532)\n# replaced: USER appuser  (the image runs as its nonroot user, 65532)\nCOPY --from=builder /build/main /app/\nCMD ["/app/main"]'
    )
    expect(f.edits).toEqual([{ line: 5, endLine: 9, text: f.fix }])
    expect(f.message).toContain('7.3 MB of 9.3 MB is the base and what the final stage adds to it')
    // The adduser RUN is replaced, and said so; the user's named USER made it a non-root image.
    expect(f.message).toContain('`gcr.io/distroless/static-debian12:nonroot`, 1.54 MB, is enough. It needs a non-root user: `gcr.io/distroless/static-debian12:nonroot` has it.')
    expect(f.message).toContain('replaced: the base has a non-root user')
  })
  test('without a USER the program runs as root: scratch', () => {
    const [f] = run('minimal-base', MULTI('FROM alpine', 'RUN adduser -S appuser\n'), { measured: measured({ size: 9_305_000, layers }) })
    expect(f).toMatchObject({ estimatedSavings: 7_305_000 })
    expect(f.fix.split('\n')[0]).toBe('FROM scratch')
  })
  test("the program's needs decide the base and are named with where they were read", () => {
    const [f] = run('minimal-base', MULTI('FROM alpine'), { files: files({ imports: ['net/http'] }) })
    expect(f.fix.split('\n')[0]).toBe('FROM gcr.io/distroless/static-debian12')
    expect(f.message).toContain('It needs CA certificates, read from the sources:')
    // From the binary's function table when it is measured: a hello world needs nothing.
    const none = { systemRoots: false, embedsRoots: false, loadsZones: false, embedsTzdata: false, usersLookup: false, cgoResolver: false, cgo: false, source: 'pclntab' as const }
    const [g] = run('minimal-base', MULTI('FROM alpine'), { files: files({ imports: ['net/http'] }), measured: measured({ goBinaries: [binary({ path: '/app/main', needs: none })] }) })
    expect(g.fix.split('\n')[0]).toBe('FROM scratch')
    expect(g.message).toContain("read from the binary's function table")
  })
  test.each([
    ['RUN apk add --no-cache chromium\nENV CHROME_BIN=/usr/bin/chromium-browser\n', 'packages it needs at run time'],
    ['COPY entrypoint.sh /\n', 'an entrypoint script', '["/bin/sh", "/entrypoint.sh"]'],
    ['RUN /app/main migrate\n', 'a RUN of unknown effect']
  ])('does not fire when a minimal base would break the app: %j (%s)', (extra, _why, entrypoint = '["/app/main"]') => {
    const text = MULTI('FROM alpine', extra).replace('CMD ["/app/main"]', `ENTRYPOINT ${entrypoint}`)
    expect(run('minimal-base', text)).toEqual([])
  })
  test('packages distroless has the files of (CA certificates, zone data) do not hold it back, and the message says what replaces them on the base it names', () => {
    const [f] = run('minimal-base', MULTI('FROM alpine', 'RUN apk add --no-cache ca-certificates tzdata\n'))
    expect(f.message).toContain('`scratch` is enough')
    expect(f.message).toContain('the program needs neither CA certificates nor zone data')
    const [g] = run('minimal-base', MULTI('FROM alpine', 'RUN apk add --no-cache ca-certificates tzdata\n'), { files: files({ imports: ['net/http'] }) })
    expect(g.message).toContain('distroless has the CA certificates and zone data these packages install')
  })
  test.each(['debian:bookworm-slim', 'ubuntu:24.04', '--platform=linux/arm64 alpine:3.20'])('fires on %s', (base) => {
    expect(run('minimal-base', MULTI(`FROM ${base}`))).toHaveLength(1)
  })
  test('does not fire on scratch or distroless static', () => {
    expect(run('minimal-base', MULTI('FROM scratch'))).toEqual([])
    expect(run('minimal-base', MULTI('FROM gcr.io/distroless/static-debian12:nonroot'))).toEqual([])
  })
  test('a dynamically linked binary without C code of its own: static with CGO_ENABLED=0, said so', () => {
    const [f] = run('minimal-base', MULTI('FROM debian:bookworm-slim').replace('golang:alpine', 'golang:1.22'), { measured: measured({ goBinaries: [binary({ static: false, cgo: true })] }) })
    expect(f.message).toContain('runs a Go binary on debian, `debian:bookworm-slim`, dynamically linked only because cgo is on')
    expect(f.message).toContain('Built with CGO_ENABLED=0 it is static, and')
    expect(f.fix).toBe('# line 4:\nRUN CGO_ENABLED=0 go build -o main .\n# lines 5-7:\nFROM scratch\nCOPY --from=builder /build/main /app/\nCMD ["/app/main"]')
  })
  test('a binary with C code (import "C") built on glibc goes to distroless base, never static; on distroless base it is home', () => {
    const cgo = files({ imports: ['C', 'fmt'] })
    const text = MULTI('FROM debian:bookworm-slim').replace('golang:alpine', 'golang:1.22')
    expect(run('minimal-base', text, { files: cgo })[0].fix).toBe('FROM gcr.io/distroless/base-debian12\nCOPY --from=builder /build/main /app/\nCMD ["/app/main"]')
    expect(run('minimal-base', text.replace('FROM debian:bookworm-slim', 'FROM gcr.io/distroless/base-debian12'), { files: cgo })).toEqual([])
    // …and on musl (alpine with a C compiler) no minimal base has its libc.
    expect(run('minimal-base', MULTI('FROM alpine').replace('COPY . .', 'RUN apk add gcc musl-dev\nCOPY . .'), { files: cgo })).toEqual([])
  })
  test('does not fire on a distribution image with no Go binary in it', () => {
    expect(run('minimal-base', 'FROM alpine\nRUN echo hi\n')).toEqual([])
    expect(run('minimal-base', 'FROM alpine\nRUN echo hi\n', { measured: measured({ goBinaries: [] }) })).toEqual([])
  })
})

describe('cgo-disabled', () => {
  test('fires (error) when the measured binary on scratch is dynamic', () => {
    const [f] = run('cgo-disabled', MULTI('FROM scratch'), { measured: measured({ goBinaries: [binary({ static: false, cgo: true })] }) })
    expect(f).toMatchObject({ rule: 'cgo-disabled', severity: 'error', line: 4, estimatedSavings: null })
  })
  test('fires from the Dockerfile alone: CGO_ENABLED=1 for a distroless-static final stage', () => {
    const [f] = run('cgo-disabled', MULTI('FROM gcr.io/distroless/static-debian12').replace('RUN go build', 'RUN CGO_ENABLED=1 go build').replace('golang:alpine', 'golang:1.22'))
    expect(f).toMatchObject({ severity: 'error', line: 4, fix: 'FROM gcr.io/distroless/base-debian12', edits: [{ line: 5, endLine: 5, text: 'FROM gcr.io/distroless/base-debian12' }] })
  })
  test.each([
    ['golang:1.22', 'golang:1.22 has a C compiler and CGO_ENABLED is not set, and it uses net/http'],
    ['golang:1.14-alpine', 'Go 1.14 on golang:1.14-alpine links net and os/user against musl, and it uses net/http']
  ])('fires as a warning when net/http is built with cgo on: %s', (builder, reason) => {
    const [f] = run('cgo-disabled', MULTI('FROM scratch').replace('golang:alpine', builder), { files: files({ imports: ['fmt', 'net/http'] }) })
    // The fix is the build's own RUN with cgo off, nothing else changed.
    expect(f).toMatchObject({ severity: 'warning', fix: 'RUN CGO_ENABLED=0 go build -o main .', edits: [{ line: 4, endLine: 4, text: 'RUN CGO_ENABLED=0 go build -o main .' }] })
    expect(f.message).toContain(reason)
  })
  test('golang:alpine of today (Go ≥ 1.20, no C compiler) builds net/http static: no finding', () => {
    expect(run('cgo-disabled', MULTI('FROM scratch'), { files: files({ imports: ['fmt', 'net/http'] }) })).toEqual([])
  })
  test('does not fire when the measured binary is static, or cgo is off, or the base has libc', () => {
    expect(run('cgo-disabled', MULTI('FROM scratch'), { measured: measured() })).toEqual([])
    // Built with CGO_ENABLED=1 but linking no C: still static, still starts on scratch.
    expect(run('cgo-disabled', MULTI('FROM scratch'), { measured: measured({ goBinaries: [binary({ cgo: true, static: true })] }) })).toEqual([])
    expect(run('cgo-disabled', MULTI('FROM scratch').replace('RUN go build', 'RUN CGO_ENABLED=0 go build'), { files: files({ imports: ['net/http'] }) })).toEqual([])
    expect(run('cgo-disabled', MULTI('FROM debian:bookworm-slim'), { measured: measured({ goBinaries: [binary({ static: false })] }) })).toEqual([])
  })
  test('does not fire for a hello world (fmt only, no dependencies)', () => {
    expect(run('cgo-disabled', MULTI('FROM scratch'))).toEqual([])
  })
})

describe('ca-certificates', () => {
  const tls = files({ imports: ['fmt', 'net/http'] })
  test('fires on scratch when the program uses net/http', () => {
    expect(run('ca-certificates', MULTI('FROM scratch'), { files: tls })).toEqual([expect.objectContaining({ rule: 'ca-certificates', line: 5 })])
  })
  test('does not fire when certificates are copied, on distroless, or without TLS', () => {
    expect(run('ca-certificates', MULTI('FROM scratch', 'COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n'), { files: tls })).toEqual([])
    expect(run('ca-certificates', MULTI('FROM gcr.io/distroless/static-debian12'), { files: tls })).toEqual([])
    expect(run('ca-certificates', MULTI('FROM scratch'))).toEqual([])
  })
})

describe('tzdata', () => {
  const zones = files({ loadsTimeZones: true })
  test('fires on scratch when the program loads time zones', () => {
    expect(run('tzdata', MULTI('FROM scratch'), { files: zones })).toEqual([expect.objectContaining({ rule: 'tzdata', line: 5 })])
  })
  test('does not fire when time/tzdata is embedded, zoneinfo copied, or nothing loads zones', () => {
    expect(run('tzdata', MULTI('FROM scratch'), { files: { ...zones, imports: ['time/tzdata'] } })).toEqual([])
    expect(run('tzdata', MULTI('FROM scratch', 'COPY --from=builder /usr/share/zoneinfo /usr/share/zoneinfo\n'), { files: zones })).toEqual([])
    expect(run('tzdata', MULTI('FROM scratch'))).toEqual([])
  })
})

describe('non-root', () => {
  test('fires without USER, on the final FROM line; on USER root, on that line', () => {
    expect(run('non-root', MULTI('FROM scratch'))).toEqual([expect.objectContaining({ line: 5 })])
    expect(run('non-root', MULTI('FROM alpine', 'USER root\n'))).toEqual([expect.objectContaining({ line: 6 })])
  })
  test('the measured image config wins over the Dockerfile', () => {
    expect(run('non-root', MULTI('FROM my/base'), { measured: measured({ user: 'app' }) })).toEqual([])
    expect(run('non-root', MULTI('FROM gcr.io/distroless/static-debian12:nonroot'), { measured: measured({ user: '0:0' }) })).toHaveLength(1)
  })
  test('does not fire with a USER or a :nonroot distroless base', () => {
    expect(run('non-root', MULTI('FROM scratch', 'USER 65532:65532\n'))).toEqual([])
    expect(run('non-root', MULTI('FROM gcr.io/distroless/static-debian12:nonroot'))).toEqual([])
  })
})

describe('strip-symbols and trimpath (shaving rules)', () => {
  test('strip-symbols fires with the measured symbol bytes as savings, on the go build line, its fix the same RUN with the flags', () => {
    const m = measured({ goBinaries: [binary({ bytes: 20_000_000, symbolBytes: 6_000_000 })] })
    expect(run('strip-symbols', MULTI('FROM scratch'), { measured: m })).toEqual([
      expect.objectContaining({ line: 4, severity: 'info', estimatedSavings: 6_000_000, fix: 'RUN go build -ldflags="-s -w" -o main .' })
    ])
    // Each shaving fix adds its own flag only.
    expect(run('trimpath', MULTI('FROM scratch'), { measured: m })).toEqual([expect.objectContaining({ line: 4, estimatedSavings: null, fix: 'RUN go build -trimpath -o main .' })])
  })
  test('always said, at info level; a tight budget raises them to warnings', () => {
    const small = measured({ goBinaries: [binary({ bytes: 1_800_000, symbolBytes: 600_000 })] })
    expect(run('strip-symbols', MULTI('FROM scratch'), { measured: small })).toEqual([expect.objectContaining({ severity: 'info', estimatedSavings: 600_000 })])
    expect(run('trimpath', MULTI('FROM scratch'), { measured: small })).toEqual([expect.objectContaining({ severity: 'info' })])
    const tight = { ...small, budgetStatus: 'fail' as const }
    expect(run('strip-symbols', MULTI('FROM scratch'), { measured: tight })).toEqual([expect.objectContaining({ severity: 'warning', estimatedSavings: 600_000 })])
  })
  test('from the Dockerfile alone: the go build line shows the flags; savings unknown', () => {
    expect(run('strip-symbols', MULTI('FROM scratch'))).toEqual([expect.objectContaining({ line: 4, severity: 'info', estimatedSavings: null })])
    expect(run('trimpath', MULTI('FROM scratch'))).toEqual([expect.objectContaining({ line: 4 })])
    const shaved = MULTI('FROM scratch').replace('go build', 'go build -trimpath -ldflags="-s -w"')
    expect(run('strip-symbols', shaved)).toEqual([])
    expect(run('trimpath', shaved)).toEqual([])
  })
  test('trimpath is not asked of a Go older than 1.13 (it has no such flag)', () => {
    expect(run('trimpath', MULTI('FROM scratch').replace('golang:alpine', 'golang:1.9-alpine'))).toEqual([])
    expect(run('trimpath', MULTI('FROM scratch'), { measured: measured({ goBinaries: [binary({ goVersion: 'go1.12.17' })] }) })).toEqual([])
  })
  test('do not fire on a stripped, trimmed binary', () => {
    const done = measured({ budgetStatus: 'fail', goBinaries: [binary({ stripped: true, trimpath: true, symbolBytes: 0 })] })
    expect(run('strip-symbols', MULTI('FROM scratch'), { measured: done })).toEqual([])
    expect(run('trimpath', MULTI('FROM scratch'), { measured: done })).toEqual([])
  })
  test('trimpath falls back to the Dockerfile flag when the binary does not say', () => {
    const m = measured({ budgetStatus: 'warn', goBinaries: [binary({ trimpath: undefined })] })
    expect(run('trimpath', MULTI('FROM scratch').replace('go build', 'go build -trimpath'), { measured: m })).toEqual([])
  })
})

describe('wasted-layers', () => {
  const layers = [
    layer(0, 5_000_000, { fromBaseImage: true, instruction: 'ADD rootfs' }),
    layer(1, 30_000_000, { instruction: 'RUN wget big.tar.gz', dockerfileLine: 3 }),
    layer(2, 0, { instruction: 'RUN rm big.tar.gz', dockerfileLine: 4 })
  ]
  test('fires above the floor, names the file and the instructions, on the writing line', () => {
    const wasted = { bytes: 30_000_000, files: [{ path: 'big.tar.gz', bytes: 30_000_000, layers: [1, 2] }] }
    const [f] = run('wasted-layers', 'FROM debian\nWORKDIR /\nRUN wget big.tar.gz\nRUN rm big.tar.gz\n', { measured: measured({ layers, wasted }) })
    expect(f).toMatchObject({ rule: 'wasted-layers', line: 3, estimatedSavings: 30_000_000 })
    expect(f.message).toContain('big.tar.gz')
    expect(f.message).toContain('RUN rm big.tar.gz')
  })
  test('does not fire below the floor or for waste inside the base image', () => {
    const small = { bytes: 10_000, files: [{ path: 'x', bytes: 10_000, layers: [1, 2] }] }
    expect(run('wasted-layers', 'FROM debian\n', { measured: measured({ layers, wasted: small }) })).toEqual([])
    const base = { bytes: 9_000_000, files: [{ path: 'var/cache', bytes: 9_000_000, layers: [0] }] }
    expect(run('wasted-layers', 'FROM debian\n', { measured: measured({ layers, wasted: base }) })).toEqual([])
  })
})

describe('dockerignore', () => {
  const unwanted = files({
    unwanted: [
      { path: '.git/', bytes: 40_000_000 },
      { path: 'helloworld', bytes: 1_900_000 }
    ]
  })
  test('fires on the broad COPY; savings only when it lands in the final image', () => {
    expect(run('dockerignore', MULTI('FROM scratch'), { files: unwanted, measured: measured() })).toEqual([expect.objectContaining({ line: 3, estimatedSavings: null })])
    const [inFinal] = run('dockerignore', 'FROM golang\nCOPY . .\nRUN go build -o /app .\n', { files: unwanted, measured: measured() })
    expect(inFinal).toMatchObject({ line: 2, estimatedSavings: 41_900_000 })
    expect(inFinal.message).toContain('.git/')
  })
  test('a .dockerignore that lets them through is named; testdata/ is ignored wherever it is', () => {
    const [f] = run('dockerignore', MULTI('FROM scratch'), { files: { ...unwanted, hasDockerignore: true, unwanted: [{ path: 'pkg/x/testdata/', bytes: 3_000_000 }] } })
    expect(f.message).toContain('the .dockerignore does not exclude them')
    expect(f.fix).toBe('**/testdata/')
  })
  test('does not fire with nothing unwanted (after .dockerignore), or with narrow COPYs', () => {
    expect(run('dockerignore', MULTI('FROM scratch'), { files: { ...unwanted, hasDockerignore: true, unwanted: [] } })).toEqual([])
    expect(run('dockerignore', MULTI('FROM scratch'))).toEqual([])
    expect(run('dockerignore', 'FROM golang\nCOPY go.mod main.go ./\nRUN go build -o /app .\n', { files: unwanted })).toEqual([])
  })
})

describe('layer-order', () => {
  test('fires when sources are copied before go mod download', () => {
    expect(run('layer-order', 'FROM golang AS b\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n')).toEqual([
      expect.objectContaining({ rule: 'layer-order', line: 3 })
    ])
  })
  test('fires when a module with requirements is built right after a broad COPY, without a cache mount', () => {
    expect(run('layer-order', MULTI('FROM scratch'), { files: files({ goMod: { module: 'x', requires: 3 } }) })).toEqual([expect.objectContaining({ line: 3 })])
    // A build-cache mount is not a module cache.
    expect(
      run('layer-order', 'FROM golang AS b\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n', { files: files({ goMod: { module: 'x', requires: 3 } }) })
    ).toHaveLength(1)
  })
  test('a vendored build downloads nothing: no finding (the advice would make an offline build need the network)', () => {
    const vendored = files({ goMod: { module: 'x', requires: 3 }, vendored: true })
    expect(run('layer-order', MULTI('FROM scratch'), { files: vendored })).toEqual([])
    expect(run('layer-order', MULTI('FROM scratch').replace('go build', 'go build -mod=vendor'), { files: files({ goMod: { module: 'x', requires: 3 } }) })).toEqual([])
  })
  test.each([
    ['RUN go mod vendor\nRUN go build -mod=vendor -o /app .', 'comes before `go mod vendor`, which fetches the modules'],
    ['RUN go run ./gen\nRUN go build -o /app .', 'comes before `go run ./gen`, which fetches the modules'],
    ['RUN make build', 'comes before `make build`, which fetches the modules']
  ])('fires for %j after the broad COPY in a module with requirements', (steps, what) => {
    const [f] = run('layer-order', `FROM golang AS b\nWORKDIR /src\nCOPY . .\n${steps}\n`, { files: files({ goMod: { module: 'x', requires: 2 }, vendored: steps.includes('vendor') }) })
    expect(f).toMatchObject({ line: 3 })
    expect(f.message).toContain(what)
  })
  test('does not fire with go.mod first, with a module cache mount, or without requirements', () => {
    expect(run('layer-order', 'FROM golang AS b\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n', { files: files({ goMod: { module: 'x', requires: 3 } }) })).toEqual(
      []
    )
    expect(run('layer-order', 'FROM golang AS b\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod go build -o /app .\n', { files: files({ goMod: { module: 'x', requires: 3 } }) })).toEqual([])
    expect(run('layer-order', MULTI('FROM scratch'))).toEqual([])
  })
})

describe('advise', () => {
  test('without a measurement the measurement rules are skipped and named', () => {
    const { skipped } = advise({ model: parseDockerfile(SINGLE), measured: null, files: files() })
    expect(skipped.map((s) => s.rule).sort()).toEqual(['wasted-layers'])
  })
  test('findings are ordered by severity then line, and no finding claims savings without a measurement', () => {
    const { findings } = advise({ model: parseDockerfile(MULTI('FROM alpine', 'USER root\n')), measured: null, files: files({ imports: ['net/http'] }) })
    expect(findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['minimal-base', 'warning', 5],
      ['non-root', 'warning', 6],
      ['strip-symbols', 'info', 4],
      ['trimpath', 'info', 4]
    ])
    expect(findings.every((f) => f.estimatedSavings === null)).toBe(true)
  })
})
