import { findGoBuilds, hasGoModDownload, ldflagsStrip, splitCommands } from '../../src/advisor/shell.js'

describe('splitCommands', () => {
  test.each([
    ['go build .', [['go', 'build', '.']]],
    [
      'apk add git && go build -o /out/app ./cmd/app',
      [
        ['apk', 'add', 'git'],
        ['go', 'build', '-o', '/out/app', './cmd/app']
      ]
    ],
    ['a; b || c | d', [['a'], ['b'], ['c'], ['d']]],
    ['go build -ldflags="-s -w -X main.v=1" .', [['go', 'build', '-ldflags=-s -w -X main.v=1', '.']]],
    ["go build -ldflags '-s -w' .", [['go', 'build', '-ldflags', '-s -w', '.']]],
    ['go build \\\n  -trimpath .', [['go', 'build', '-trimpath', '.']]],
    [
      'set -e\n# build it\ngo build .',
      [
        ['set', '-e'],
        ['go', 'build', '.']
      ]
    ],
    ['echo "a \\"b\\""', [['echo', 'a "b"']]],
    ['', []]
  ])('%j', (script, expected) => {
    expect(splitCommands(script)).toEqual(expected)
  })
})

describe('findGoBuilds', () => {
  test.each([
    ['go build helloworld.go', { output: null, stripped: false, trimpath: false, packages: ['helloworld.go'], env: {} }],
    ['CGO_ENABLED=0 GOOS=linux go build -o main .', { output: 'main', env: { CGO_ENABLED: '0', GOOS: 'linux' }, packages: ['.'] }],
    ['go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app', { output: '/out/app', stripped: true, trimpath: true, packages: ['./cmd/app'] }],
    ['go build -ldflags "-w" -o=/x .', { output: '/x', stripped: false, ldflags: '-w' }],
    ['go build -tags netgo,osusergo -o app', { tags: 'netgo,osusergo', output: 'app', packages: [] }],
    ['/usr/local/go/bin/go install ./...', { packages: ['./...'] }],
    ['env CGO_ENABLED=1 go build .', { env: { CGO_ENABLED: '1' } }],
    ['go build -trimpath=false .', { trimpath: false }]
  ])('%s', (script, expected) => {
    const builds = findGoBuilds(splitCommands(script))
    expect(builds).toHaveLength(1)
    expect(builds[0]).toMatchObject(expected)
  })

  test.each(['go mod download', 'go test ./...', 'echo go build', 'gofmt -l .'])('no build in %s', (script) => {
    expect(findGoBuilds(splitCommands(script))).toEqual([])
  })
})

test.each([
  ['-s -w', true],
  ['-w -s -X main.version=1', true],
  ['-s', false],
  ['-X main.s=-w', false],
  ['', false]
])('ldflagsStrip(%j) = %s', (flags, expected) => {
  expect(ldflagsStrip(flags)).toBe(expected)
})

test.each([
  ['go mod download', true],
  ['cd /src && go mod download -x', true],
  ['go build .', false],
  ['go mod verify', false]
])('hasGoModDownload(%j) = %s', (script, expected) => {
  expect(hasGoModDownload(splitCommands(script))).toBe(expected)
})
