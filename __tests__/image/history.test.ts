import { cleanInstruction, dockerfileChain, matchHistory, pairHistory } from '../../src/image/history.js'

test.each([
  ['RUN /bin/sh -c go build -o /out/app . # buildkit', 'RUN go build -o /out/app .'],
  ['COPY /build/main /app/ # buildkit', 'COPY /build/main /app/'],
  ['RUN |2 GOOS=linux GOARCH=arm64 /bin/sh -c go build . # buildkit', 'RUN go build .'],
  ['/bin/sh -c #(nop)  CMD ["./main"]', 'CMD ["./main"]'],
  ['/bin/sh -c #(nop) ADD file:0e2c1f7b in / ', 'ADD file:0e2c1f7b in /'],
  ['/bin/sh -c apt-get update', 'RUN apt-get update'],
  ['|1 SEED=42 /bin/sh -c echo $SEED', 'RUN echo $SEED'],
  ['WORKDIR /app', 'WORKDIR /app']
])('cleanInstruction(%j)', (createdBy, instruction) => {
  expect(cleanInstruction(createdBy)).toBe(instruction)
})

test('pairHistory skips empty_layer rows', () => {
  const paired = pairHistory(['sha256:a', 'sha256:b'], [{ created_by: 'ADD base' }, { created_by: 'ENV A=1', empty_layer: true }, { created_by: 'COPY x /x # buildkit' }])
  expect(paired).toEqual([
    { diffId: 'sha256:a', historyIndex: 0, instruction: 'ADD base' },
    { diffId: 'sha256:b', historyIndex: 2, instruction: 'COPY x /x' }
  ])
})

const dockerfile = `ARG GO=1.22
FROM golang:\${GO} AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM alpine AS runtime
RUN apk add --no-cache ca-certificates

FROM runtime AS final
ARG VERSION
COPY --from=build /out/app /app/
USER 65532
ENTRYPOINT ["/app/app"]
`

describe('dockerfileChain', () => {
  test('the final stage follows FROM <stage> back to the base image', () => {
    const chain = dockerfileChain(dockerfile, null)
    expect(chain.baseImage).toBe('alpine')
    expect(chain.instructions.map((i) => [i.keyword, i.line, i.stage])).toEqual([
      ['RUN', 8, 'runtime'],
      ['ARG', 11, 'final'],
      ['COPY', 12, 'final'],
      ['USER', 13, 'final'],
      ['ENTRYPOINT', 14, 'final']
    ])
  })

  test('a target stage, with ARG defaults and build args substituted in FROM', () => {
    expect(dockerfileChain(dockerfile, 'build').baseImage).toBe('golang:1.22')
    expect(dockerfileChain(dockerfile, 'build', { GO: '1.23' }).baseImage).toBe('golang:1.23')
  })

  test('FROM scratch has no base image', () => {
    expect(dockerfileChain('FROM scratch\nCOPY a /a\n', null)).toMatchObject({ baseImage: null, instructions: [{ keyword: 'COPY', line: 2, stage: '0' }] })
  })
})

test('matchHistory ties the last rows to the chain and leaves the base image rows unmatched', () => {
  const history = [
    { created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
    { created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty_layer: true },
    { created_by: 'RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit' },
    { created_by: 'COPY /out/app /app/ # buildkit' },
    { created_by: 'USER 65532', empty_layer: true },
    { created_by: 'ENTRYPOINT ["/app/app"]', empty_layer: true }
  ]
  const matched = matchHistory(history, dockerfileChain(dockerfile, null).instructions)
  expect(matched.map((m) => m?.line ?? null)).toEqual([null, null, 8, 12, 13, 14])
})

test('matchHistory survives ARG, LABEL and other rows without layers after the last COPY (BuildKit writes a row for each)', () => {
  const text = 'FROM alpine\nCOPY app /app\nARG VERSION=1\nLABEL org.opencontainers.image.version=$VERSION\nEXPOSE 8080\nCMD ["/app"]\n'
  const history = [
    { created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
    { created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty_layer: true },
    { created_by: 'COPY app /app # buildkit' },
    { created_by: 'ARG VERSION=1', empty_layer: true },
    { created_by: 'LABEL org.opencontainers.image.version=1', empty_layer: true },
    { created_by: 'EXPOSE [8080/tcp]', empty_layer: true },
    { created_by: 'CMD ["/app"]', empty_layer: true }
  ]
  expect(matchHistory(history, dockerfileChain(text, null).instructions).map((m) => m?.line ?? null)).toEqual([null, null, 2, 3, 4, 5, 6])
  // A row no instruction explains (a builder's own) is skipped; the rows before it still pair.
  const extra = [...history.slice(0, 3), { created_by: 'SOMETHING added by a tool', empty_layer: true }, ...history.slice(3)]
  expect(matchHistory(extra, dockerfileChain(text, null).instructions).map((m) => m?.line ?? null)).toEqual([null, null, 2, null, 3, 4, 5, 6])
})
