// Base commits fetched into worktrees from real (temporary) git repositories, shallow clones included.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { exec } from '../src/exec.js'
import { basicCredential, gitAuthEnv, gitRoot, isShallow, resolveBaseCommit, sameContentAsWorkingTree } from '../src/git.js'

describe('base commits and worktrees', () => {
  let dir: string
  let upstream: string
  let baseSha: string
  let headSha: string
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'git-test-'))
    upstream = path.join(dir, 'upstream')
    execFileSync('git', ['init', '-q', '-b', 'main', upstream])
    writeFileSync(path.join(upstream, 'Dockerfile'), 'FROM scratch\n')
    git(upstream, 'add', '.')
    git(upstream, 'commit', '-qm', 'base')
    baseSha = git(upstream, 'rev-parse', 'HEAD')
    git(upstream, 'checkout', '-qb', 'feature')
    writeFileSync(path.join(upstream, 'Dockerfile'), 'FROM scratch\nCOPY x /\n')
    git(upstream, 'commit', '-qam', 'head')
    headSha = git(upstream, 'rev-parse', 'HEAD')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('a local ref resolves without fetching', async () => {
    expect(await resolveBaseCommit(upstream, { ref: 'main', sha: null }, exec)).toEqual({ commit: baseSha, fetched: false })
    expect(await gitRoot(path.join(upstream), exec)).toBe(upstream)
  })

  test('a shallow clone fetches the base commit by sha, or by branch', async () => {
    const clone = path.join(dir, 'shallow')
    execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'feature', `file://${upstream}`, clone])
    expect(await isShallow(clone, exec)).toBe(true)
    expect(git(clone, 'rev-parse', 'HEAD')).toBe(headSha)
    expect(await resolveBaseCommit(clone, { ref: 'main', sha: baseSha }, exec)).toEqual({ commit: baseSha, fetched: true })
    const byBranch = path.join(dir, 'shallow2')
    execFileSync('git', ['clone', '-q', '--depth=1', '--single-branch', '--branch', 'feature', `file://${upstream}`, byBranch])
    expect(await resolveBaseCommit(byBranch, { ref: 'main', sha: null }, exec)).toEqual({ commit: baseSha, fetched: true })
  })

  test("the event's sha wins over a branch that moved on", async () => {
    const moved = path.join(dir, 'moved')
    execFileSync('git', ['clone', '-q', `file://${upstream}`, moved])
    git(moved, 'checkout', '-q', 'main')
    git(moved, 'commit', '-q', '--allow-empty', '-m', 'main moved on')
    git(moved, 'push', '-q', 'origin', 'main')
    const shallow = path.join(dir, 'shallow-moved')
    execFileSync('git', ['clone', '-q', '--depth=1', '--no-single-branch', '--branch', 'feature', `file://${upstream}`, shallow])
    // origin/main is the newer commit; the event names the older one.
    expect(git(shallow, 'rev-parse', 'origin/main')).not.toBe(baseSha)
    expect(await resolveBaseCommit(shallow, { ref: 'main', sha: baseSha }, exec)).toEqual({ commit: baseSha, fetched: true })
    expect(await resolveBaseCommit(shallow, { ref: 'main', sha: null }, exec)).toEqual({ commit: git(shallow, 'rev-parse', 'origin/main'), fetched: false })
    git(moved, 'push', '-q', '--force', 'origin', `${baseSha}:main`)
  })

  test('same content: trees equal and nothing modified, untracked or ignored beneath the paths', async () => {
    const repo = path.join(dir, 'same')
    execFileSync('git', ['init', '-q', '-b', 'main', repo])
    mkdirSync(path.join(repo, 'app'))
    writeFileSync(path.join(repo, 'app', 'main.go'), 'package main\n')
    writeFileSync(path.join(repo, 'Dockerfile'), 'FROM scratch\n')
    writeFileSync(path.join(repo, '.gitignore'), '*.bin\n')
    git(repo, 'add', '.')
    git(repo, 'commit', '-qm', 'one')
    const first = git(repo, 'rev-parse', 'HEAD')
    writeFileSync(path.join(repo, 'README.md'), 'docs\n')
    git(repo, 'add', '.')
    git(repo, 'commit', '-qm', 'docs only')
    const same = (paths: string[]) => sameContentAsWorkingTree(repo, first, paths, exec)
    expect(await same(['app', 'Dockerfile', 'Dockerfile.dockerignore'])).toBe(true)
    expect(await same([''])).toBe(false)
    writeFileSync(path.join(repo, 'app', 'new.go'), 'package main\n')
    expect(await same(['app'])).toBe(false)
    rmSync(path.join(repo, 'app', 'new.go'))
    writeFileSync(path.join(repo, 'app', 'out.bin'), 'x')
    expect(await same(['app'])).toBe(false)
    rmSync(path.join(repo, 'app', 'out.bin'))
    writeFileSync(path.join(repo, 'Dockerfile'), 'FROM scratch\nUSER 1\n')
    expect(await same(['app', 'Dockerfile'])).toBe(false)
    git(repo, 'commit', '-qam', 'dockerfile')
    expect(await same(['app', 'Dockerfile'])).toBe(false)
    expect(await same(['app'])).toBe(true)
    writeFileSync(path.join(repo, 'Dockerfile.dockerignore'), '*.md\n')
    expect(await same(['app', 'Dockerfile.dockerignore'])).toBe(false)
  })

  test('an unknown base is a CommandError naming it, what git said and the fetch-depth that works', async () => {
    await expect(resolveBaseCommit(upstream, { ref: 'no-such-branch', sha: null }, exec)).rejects.toThrow(
      /^cannot find the base commit no-such-branch locally or fetch it from origin \(git: fatal: 'origin' does not appear to be a git repository\); check out with fetch-depth: 0 \(or fetch-depth: 2 on pull_request, whose merge commit's first parent is the base\), or leave github-token at its default/
    )
  })
})

describe('the token for fetching the base', () => {
  let repo: string
  beforeAll(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'git-auth-'))
    execFileSync('git', ['init', '-q', repo])
  })
  afterAll(() => rmSync(repo, { recursive: true, force: true }))
  const saved = process.env.GIT_CONFIG_COUNT
  afterEach(() => {
    if (saved === undefined) delete process.env.GIT_CONFIG_COUNT
    else process.env.GIT_CONFIG_COUNT = saved
  })

  test("is an extra header scoped to the server, in git's environment, after entries already there", async () => {
    delete process.env.GIT_CONFIG_COUNT
    const header = `AUTHORIZATION: basic ${Buffer.from('x-access-token:ghs_abc123', 'utf8').toString('base64')}`
    expect(basicCredential('ghs_abc123')).toBe(Buffer.from('x-access-token:ghs_abc123').toString('base64'))
    expect(await gitAuthEnv(repo, { token: 'ghs_abc123', serverUrl: 'https://github.com' }, exec)).toEqual({
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_0: header
    })
    process.env.GIT_CONFIG_COUNT = '2'
    expect(await gitAuthEnv(repo, { token: 'ghs_abc123', serverUrl: 'https://ghe.example.com/' }, exec)).toEqual({
      GIT_CONFIG_COUNT: '3',
      GIT_CONFIG_KEY_2: 'http.https://ghe.example.com/.extraheader',
      GIT_CONFIG_VALUE_2: header
    })
  })

  test.each([
    ['no token', null],
    ['an empty token', { token: '', serverUrl: 'https://github.com' }],
    ['a server URL that does not parse', { token: 't0ken', serverUrl: 'not a url' }],
    ['a server that is not http(s)', { token: 't0ken', serverUrl: 'ssh://github.com' }]
  ])('nothing with %s', async (_, auth) => {
    expect(await gitAuthEnv(repo, auth, exec)).toEqual({})
  })

  test('nothing when the checkout kept its own header for that server (persist-credentials: true): git would send both', async () => {
    execFileSync('git', ['-C', repo, 'config', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic kept'])
    expect(await gitAuthEnv(repo, { token: 't0ken', serverUrl: 'https://github.com' }, exec)).toEqual({})
    // Another server's header is not this one's.
    expect(await gitAuthEnv(repo, { token: 't0ken', serverUrl: 'https://ghe.example.com' }, exec)).toHaveProperty('GIT_CONFIG_COUNT')
  })
})
