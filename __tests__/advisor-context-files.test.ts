import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { goImports, parseGoMod, readContextFiles } from '../src/advisor/context-files.js'

test.each([
  ['package main\nimport "fmt"\n', ['fmt']],
  ['package main\nimport (\n\t"fmt"\n\tnethttp "net/http"\n\t_ "time/tzdata"\n\t. "strings"\n)\n', ['fmt', 'net/http', 'time/tzdata', 'strings']],
  ['package main\n/*\nimport "os/user"\n*/\nimport "C"\n', ['C']],
  ['package main\nfunc main() {}\n', []]
])('goImports %#', (source, expected) => {
  expect(goImports(source)).toEqual(expected)
})

test.each([
  ['module helloworld\n\ngo 1.19\n', { module: 'helloworld', requires: 0 }],
  ['module example.com/app\n\nrequire (\n\tgolang.org/x/sync v0.7.0\n\t// a comment\n\tgithub.com/x/y v1.0.0 // indirect\n)\nrequire example.com/z v1.2.3\n', { module: 'example.com/app', requires: 3 }],
  ['module "quoted/path"\n', { module: 'quoted/path', requires: 0 }]
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
      unwanted: expect.arrayContaining([{ path: 'node_modules/', bytes: 300 }, { path: 'coverage.out', bytes: 10 }]),
      imports: ['os/user', 'time'],
      loadsTimeZones: true
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
