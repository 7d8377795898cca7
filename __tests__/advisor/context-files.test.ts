import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { goImports, parseGoMod, readContextFiles, runtimeFileNames } from '../../src/advisor/context-files.js'
import { isIgnored, parseDockerignore } from '../../src/advisor/dockerignore-match.js'

test.each([
  ['package main\nimport "fmt"\n', ['fmt']],
  ['package main\nimport (\n\t"fmt"\n\tnethttp "net/http"\n\t_ "time/tzdata"\n\t. "strings"\n)\n', ['fmt', 'net/http', 'time/tzdata', 'strings']],
  ['package main\n/*\nimport "os/user"\n*/\nimport "C"\n', ['C']],
  ['package main\nfunc main() {}\n', []]
])('goImports %#', (source, expected) => {
  expect(goImports(source)).toEqual(expected)
})

test.each([
  ['module helloworld\n\ngo 1.19\n', { module: 'helloworld', requires: 0, goVersion: '1.19', paths: [], localReplaces: [] }],
  [
    'module example.com/app\n\nrequire (\n\tgolang.org/x/sync v0.7.0\n\t// a comment\n\tgithub.com/x/y v1.0.0 // indirect\n)\nrequire example.com/z v1.2.3\nreplace example.com/z => ./third_party/z\nreplace github.com/x/y => github.com/x/y v1.0.1\n',
    { module: 'example.com/app', requires: 3, goVersion: null, paths: ['golang.org/x/sync', 'github.com/x/y', 'example.com/z'], localReplaces: ['third_party/z'] }
  ],
  ['module "quoted/path"\n', { module: 'quoted/path', requires: 0, goVersion: null, paths: [], localReplaces: [] }]
])('parseGoMod %#', (text, expected) => {
  expect(parseGoMod(text)).toEqual(expected)
})

test('readContextFiles: unwanted entries with their bytes, imports of non-test files, time zone loading', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ctx-files-'))
  try {
    mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true })
    writeFileSync(path.join(dir, 'node_modules', 'x', 'index.js'), 'x'.repeat(300))
    mkdirSync(path.join(dir, 'cmd', 'app'), { recursive: true })
    writeFileSync(path.join(dir, 'cmd', 'app', 'main.go'), 'package main\nimport ("os/user"; "time")\nfunc main() { time.LoadLocation("UTC"); user.Current() }\n')
    writeFileSync(path.join(dir, 'cmd', 'app', 'main_test.go'), 'package main\nimport "net/http"\n')
    writeFileSync(path.join(dir, 'coverage.out'), 'mode: set\n')
    writeFileSync(path.join(dir, 'README.md'), '# app\n')
    const files = readContextFiles(dir)
    expect(files).toEqual({
      hasDockerignore: false,
      goMod: null,
      unwanted: expect.arrayContaining([
        { path: 'node_modules/', bytes: 300 },
        { path: 'coverage.out', bytes: 10 }
      ]),
      imports: ['os/user', 'time'],
      loadsTimeZones: true,
      vendored: false,
      runtimeFiles: [],
      scan: { goFiles: 1, vendorFiles: 0, complete: true },
      hasGoSum: false,
      goWork: null,
      cgoFiles: [],
      mainPackages: ['cmd/app'],
      makefile: null
    })
    expect(files.unwanted).toHaveLength(2)
    writeFileSync(path.join(dir, 'build.Dockerfile.dockerignore'), '.git\n')
    expect(readContextFiles(dir, path.join(dir, 'other.Dockerfile')).hasDockerignore).toBe(false)
    expect(readContextFiles(dir, path.join(dir, 'build.Dockerfile')).hasDockerignore).toBe(true)
    writeFileSync(path.join(dir, '.dockerignore'), '.git\n')
    expect(readContextFiles(dir).hasDockerignore).toBe(true)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test("readContextFiles: vendor/ is scanned (a dependency's HTTPS call counts), testdata/ and large files that ship are named, .dockerignore applies", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ctx-files-'))
  try {
    writeFileSync(path.join(dir, 'go.mod'), 'module example.com/bot\n\ngo 1.19\n\nrequire example.com/notify v1.0.0\n')
    writeFileSync(path.join(dir, 'main.go'), 'package main\nimport "example.com/notify"\nfunc main() { notify.Send("templates/hello.txt") }\n')
    mkdirSync(path.join(dir, 'vendor', 'example.com', 'notify'), { recursive: true })
    writeFileSync(path.join(dir, 'vendor', 'modules.txt'), '# example.com/notify v1.0.0\nexample.com/notify\n')
    writeFileSync(path.join(dir, 'vendor', 'example.com', 'notify', 'notify.go'), 'package notify\nimport "net/http"\nfunc Send(string) { http.Get("https://example.com") }\n')
    mkdirSync(path.join(dir, 'templates'))
    writeFileSync(path.join(dir, 'templates', 'hello.txt'), 'hi\n')
    mkdirSync(path.join(dir, 'notify', 'testdata'), { recursive: true })
    writeFileSync(path.join(dir, 'notify', 'testdata', 'golden.json'), '{}'.repeat(500))
    writeFileSync(path.join(dir, 'dump.sql'), Buffer.alloc(1_200_000))
    const files = readContextFiles(dir)
    expect(files.imports).toEqual(['example.com/notify', 'net/http'])
    expect(files.vendored).toBe(true)
    expect(files.scan).toEqual({ goFiles: 2, vendorFiles: 1, complete: true })
    expect(files.runtimeFiles).toEqual(['templates'])
    expect(files.unwanted).toEqual([
      { path: 'dump.sql', bytes: 1_200_000 },
      { path: 'notify/testdata/', bytes: 1000 }
    ])
    writeFileSync(path.join(dir, '.dockerignore'), '*.sql\n**/testdata\n')
    expect(readContextFiles(dir).unwanted).toEqual([])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test.each([
  ['.git', '.git/HEAD', true],
  ['**/testdata', 'pkg/a/testdata/x.json', true],
  ['*.md\n!README.md', 'README.md', false],
  ['*.md\n!README.md', 'CHANGES.md', true],
  ['/bin/', 'bin/app', true],
  ['docs/*.png', 'docs/a/b.png', false],
  ['# comment\n\nvendor', 'vendor/modules.txt', true],
  ['tmp?', 'tmp1', true]
])('.dockerignore %j ignores %s: %s', (text, file, ignored) => {
  expect(isIgnored(parseDockerignore(text), file)).toBe(ignored)
})

test('runtimeFileNames: context entries a program names, unless embedded', () => {
  const top = new Set(['templates', 'static', 'config.yaml', 'web'])
  const source =
    'package main\nimport "embed"\n//go:embed web\nvar web embed.FS\nfunc main() { t := "templates/*.html"; _ = http.Dir("./static"); load("config.yaml"); use("web/x"); route("/static") }\n'
  expect(runtimeFileNames(source, top)).toEqual({ opened: ['templates', 'static', 'config.yaml'], embedded: ['web'] })
})
