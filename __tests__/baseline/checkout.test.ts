// The base checkout on real (temporary) git repositories: a self-contained
// .git that still works when the head repository is out of reach (as inside a
// build container), the shape of the head's history (full or shallow), the
// head's origin, the submodules as the head has them, and nothing left behind.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { withBaseCheckout } from '../../src/baseline/checkout.js'
import { exec } from '../../src/exec.js'

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'protocol.file.allow=always', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()

let dir: string
let upstream: string
let lib: string
const sha: Record<string, string> = {}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'checkout-test-'))
  lib = path.join(dir, 'lib')
  git(dir, 'init', '-q', '-b', 'main', lib)
  writeFileSync(path.join(lib, 'lib.go'), 'package lib // v1\n')
  git(lib, 'add', '.')
  git(lib, 'commit', '-qm', 'lib v1')
  sha.lib1 = git(lib, 'rev-parse', 'HEAD')
  writeFileSync(path.join(lib, 'lib.go'), 'package lib // v2\n')
  git(lib, 'commit', '-qam', 'lib v2')
  sha.lib2 = git(lib, 'rev-parse', 'HEAD')

  upstream = path.join(dir, 'upstream')
  git(dir, 'init', '-q', '-b', 'main', upstream)
  writeFileSync(path.join(upstream, 'main.go'), 'package main // base\n')
  git(upstream, 'submodule', 'add', '-q', `file://${lib}`, 'third_party/lib')
  git(path.join(upstream, 'third_party/lib'), 'checkout', '-q', sha.lib1)
  git(upstream, 'add', '.')
  git(upstream, 'commit', '-qm', 'base')
  sha.base = git(upstream, 'rev-parse', 'HEAD')
  writeFileSync(path.join(upstream, 'main.go'), 'package main // head\n')
  git(path.join(upstream, 'third_party/lib'), 'checkout', '-q', sha.lib2)
  git(upstream, 'commit', '-qam', 'head: bumps lib')
  sha.head = git(upstream, 'rev-parse', 'HEAD')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs `fn` in a checkout of `commit`, with the head repository moved away meanwhile (as a build container cannot see it). */
async function inCheckout<T>(repo: string, commit: string, fn: (checkout: string) => T): Promise<{ result: T; checkout: string }> {
  const scratch = mkdtempSync(path.join(dir, 'tmp-'))
  let checkout = ''
  const result = await withBaseCheckout(repo, commit, scratch, { exec }, async (at) => {
    checkout = at
    const away = `${repo}-away`
    renameSync(repo, away)
    try {
      return fn(at)
    } finally {
      renameSync(away, repo)
    }
  })
  expect(existsSync(checkout)).toBe(false)
  expect(readdirSync(scratch)).toEqual([])
  return { result, checkout }
}

test('a full clone: a self-contained .git at the base commit with the head history, clean, with the head origin', async () => {
  const clone = path.join(dir, 'full')
  git(dir, 'clone', '-q', '--recurse-submodules', upstream, clone)
  git(clone, 'remote', 'set-url', 'origin', 'https://github.com/owner/repo.git')
  const { result } = await inCheckout(clone, sha.base, (at) => ({
    gitIsDir: statSync(path.join(at, '.git')).isDirectory(),
    alternates: existsSync(path.join(at, '.git/objects/info/alternates')),
    // What Go's VCS stamping runs (go/internal/vcs): status and the last commit.
    status: git(at, 'status', '--porcelain'),
    last: git(at, '-c', 'log.showsignature=false', 'log', '-1', '--format=%H'),
    history: git(at, 'rev-list', '--count', 'HEAD'),
    shallow: git(at, 'rev-parse', '--is-shallow-repository'),
    origin: git(at, 'remote', 'get-url', 'origin'),
    main: readFileSync(path.join(at, 'main.go'), 'utf8'),
    lib: readFileSync(path.join(at, 'third_party/lib/lib.go'), 'utf8'),
    libStatus: git(path.join(at, 'third_party/lib'), 'rev-parse', 'HEAD')
  }))
  expect(result).toEqual({
    gitIsDir: true,
    alternates: false,
    status: '',
    last: sha.base,
    history: '1',
    shallow: 'false',
    origin: 'https://github.com/owner/repo.git',
    main: 'package main // base\n',
    // The base's submodule commit, not the head's, from the head's own copy of the submodule.
    lib: 'package lib // v1\n',
    libStatus: sha.lib1
  })
  // The head is untouched.
  expect(readFileSync(path.join(clone, 'main.go'), 'utf8')).toBe('package main // head\n')
  expect(git(clone, 'status', '--porcelain', '--ignored')).toBe('')
  expect(git(clone, 'worktree', 'list').split('\n')).toHaveLength(1)
})

test('a shallow clone: the base commit alone, shallow, as a shallow checkout of it would be', async () => {
  const shallow = path.join(dir, 'shallow')
  git(dir, 'clone', '-q', '--depth=1', `file://${upstream}`, shallow)
  git(shallow, 'fetch', '-q', '--depth=1', 'origin', sha.base)
  const { result } = await inCheckout(shallow, sha.base, (at) => ({
    status: git(at, 'status', '--porcelain'),
    last: git(at, 'log', '-1', '--format=%H'),
    shallow: git(at, 'rev-parse', '--is-shallow-repository'),
    origin: git(at, 'remote', 'get-url', 'origin'),
    main: readFileSync(path.join(at, 'main.go'), 'utf8'),
    // The head has no submodule checked out, so neither has the base.
    libDir: readdirSync(path.join(at, 'third_party/lib'))
  }))
  expect(result).toEqual({ status: '', last: sha.base, shallow: 'true', origin: `file://${upstream}`, main: 'package main // base\n', libDir: [] })
})

test('a submodule commit the head copy lacks is fetched from the URL the base names', async () => {
  // The head's copy of the submodule holds only its own (bumped) commit.
  const clone = path.join(dir, 'bumped')
  git(dir, 'clone', '-q', upstream, clone)
  git(clone, 'submodule', 'update', '-q', '--init', '--depth=1')
  const modules = path.join(clone, '.git/modules/third_party/lib')
  expect(() => git(modules, 'cat-file', '-e', `${sha.lib1}^{commit}`)).toThrow()
  const saved = { ...process.env }
  // The base names lib by a file path: allowed for this test as GitHub's https URLs are.
  Object.assign(process.env, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'protocol.file.allow', GIT_CONFIG_VALUE_0: 'always' })
  try {
    const { result } = await inCheckout(clone, sha.base, (at) => readFileSync(path.join(at, 'third_party/lib/lib.go'), 'utf8'))
    expect(result).toBe('package lib // v1\n')
  } finally {
    for (const key of ['GIT_CONFIG_COUNT', 'GIT_CONFIG_KEY_0', 'GIT_CONFIG_VALUE_0']) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  }
})

test('removed afterwards also when the build throws; an unknown commit is an error naming it', async () => {
  const scratch = mkdtempSync(path.join(dir, 'tmp-'))
  let seen = ''
  await expect(
    withBaseCheckout(upstream, sha.base, scratch, { exec }, async (at) => {
      seen = at
      throw new Error('build broke')
    })
  ).rejects.toThrow('build broke')
  expect(seen).not.toBe('')
  expect(existsSync(seen)).toBe(false)
  await expect(withBaseCheckout(upstream, '0123456789abcdef0123456789abcdef01234567', scratch, { exec }, async () => 1)).rejects.toThrow(/^cannot check out the base commit 0123456789ab: /)
  expect(readdirSync(scratch)).toEqual([])
})
