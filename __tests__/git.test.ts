// Base commits fetched into worktrees from real (temporary) git repositories, shallow clones included.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { exec } from '../src/exec.js'
import { gitRoot, isShallow, resolveBaseCommit, sameContentAsWorkingTree, withWorktree } from '../src/git.js'

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

  test("the worktree has the base commit's submodules checked out", async () => {
    const lib = path.join(dir, 'lib')
    execFileSync('git', ['init', '-q', '-b', 'main', lib])
    writeFileSync(path.join(lib, 'lib.go'), 'package lib\n')
    git(lib, 'add', '.')
    git(lib, 'commit', '-qm', 'lib')
    const repo = path.join(dir, 'with-submodule')
    execFileSync('git', ['init', '-q', '-b', 'main', repo])
    git(repo, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${lib}`, 'vendor/lib')
    git(repo, 'commit', '-qm', 'with lib')
    const commit = git(repo, 'rev-parse', 'HEAD')
    const scratch = mkdtempSync(path.join(dir, 'tmp-'))
    // Local file:// submodules are refused by default since git 2.38.1 (GitHub's are https); allow them for this test only.
    const saved = { ...process.env }
    Object.assign(process.env, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'protocol.file.allow', GIT_CONFIG_VALUE_0: 'always' })
    try {
      const content = await withWorktree(repo, commit, scratch, exec, async (wt) => readFileSync(path.join(wt, 'vendor/lib/lib.go'), 'utf8'))
      expect(content).toBe('package lib\n')
    } finally {
      for (const key of ['GIT_CONFIG_COUNT', 'GIT_CONFIG_KEY_0', 'GIT_CONFIG_VALUE_0']) {
        if (saved[key] === undefined) delete process.env[key]
        else process.env[key] = saved[key]
      }
    }
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

  test('an unknown base is a CommandError naming it', async () => {
    await expect(resolveBaseCommit(upstream, { ref: 'no-such-branch', sha: null }, exec)).rejects.toThrow(/^cannot find the base commit no-such-branch/)
  })

  test('the worktree holds the base commit and is removed afterwards, also on failure', async () => {
    const scratch = mkdtempSync(path.join(dir, 'tmp-'))
    let seen = ''
    const content = await withWorktree(upstream, baseSha, scratch, exec, async (wt) => {
      seen = wt
      return readFileSync(path.join(wt, 'Dockerfile'), 'utf8')
    })
    expect(content).toBe('FROM scratch\n')
    expect(existsSync(seen)).toBe(false)
    await expect(
      withWorktree(upstream, baseSha, scratch, exec, async (wt) => {
        seen = wt
        throw new Error('build broke')
      })
    ).rejects.toThrow('build broke')
    expect(existsSync(seen)).toBe(false)
    expect(git(upstream, 'worktree', 'list').split('\n')).toHaveLength(1)
    // The head checkout is untouched.
    expect(readFileSync(path.join(upstream, 'Dockerfile'), 'utf8')).toBe('FROM scratch\nCOPY x /\n')
    expect(git(upstream, 'status', '--porcelain')).toBe('')
  })
})
