// The README's "Errors" table, rows that need Docker, git or a registry: the
// CLI run as a program (its bundle, or tsx src/cli.ts: ../helpers/programs.ts) in a temporary git repository. Each
// row asserts the exact line a user sees and the exit code; faults of the
// baseline are warnings (exit 0), never a failed run. Also: nothing is left
// behind (worktrees, temp files, and with `cleanup` the images). Secrets are
// in secrets.test.ts.
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { BASE_BUILD_FAILED_HINT } from '../../src/baseline/build.js'
import { FETCH_DEPTH_HINT } from '../../src/git.js'
import { runActionInProcess } from '../helpers/entries.js'
import { store } from './engine.js'
import { programArgs } from '../helpers/programs.js'

const REAL_DOCKER = execFileSync('bash', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim()
const nonce = `${Date.now()}-${process.pid}`

let dir: string
/** What starts the CLI after `node`. */
let program: string[]
let repo: string
let fakeBin: string
const sha: Record<string, string> = {}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** The CLI as a user runs it; TMPDIR is private so leftovers can be counted. */
function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run & { tmp: string }> {
  const tmp = mkdtempSync(path.join(dir, 'tmp-'))
  const child = spawn(process.execPath, [...program, ...args], {
    cwd: opts.cwd ?? repo,
    env: { ...process.env, JEST_WORKER_ID: '', TMPDIR: tmp, HOME: path.join(dir, 'home'), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr: stderr.replace(/^.*ExperimentalWarning.*\n(.*--trace-warnings.*\n)?/m, ''), tmp })))
}

const noStack = (text: string) => {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(text).not.toMatch(/\b(TypeError|ReferenceError|SyntaxError|RangeError):/)
}
/** Warnings the CLI printed (one line each). */
const warnings = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('warning: '))
    .map((l) => l.slice('warning: '.length))
/** What the run left in its TMPDIR (tsx, when it starts the CLI, keeps its own compile cache there). */
const leftovers = (tmp: string) => readdirSync(tmp).filter((f) => !/^tsx-\d+$/.test(f))
const images = () => new Set(execFileSync('docker', ['image', 'ls', '-aq', '--no-trunc'], { encoding: 'utf8' }).trim().split('\n'))

beforeAll(async () => {
  program = await programArgs('cli')
  dir = mkdtempSync(path.join(os.tmpdir(), 'gib-faults-'))
  mkdirSync(path.join(dir, 'home'))
  repo = path.join(dir, 'repo')
  mkdirSync(repo)
  git(repo, 'init', '-q', '-b', 'main')
  writeFileSync(path.join(repo, 'README.md'), 'no Dockerfile yet\n')
  git(repo, 'add', '.')
  git(repo, 'commit', '-qm', 'before the Dockerfile')
  git(repo, 'tag', 'no-dockerfile')
  sha.noDockerfile = git(repo, 'rev-parse', 'HEAD')
  writeFileSync(path.join(repo, 'Dockerfile'), 'FROM alpine:latest\nRUN echo broken && exit 3\n')
  git(repo, 'add', '.')
  git(repo, 'commit', '-qm', 'a Dockerfile that does not build')
  git(repo, 'tag', 'broken')
  writeFileSync(path.join(repo, 'hello.txt'), `hello ${nonce}\n`)
  writeFileSync(path.join(repo, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n')
  writeFileSync(path.join(repo, 'Dockerfile.fail'), `FROM alpine:latest\nRUN echo "step ${nonce}" && echo "it broke" >&2 && exit 3\n`)
  git(repo, 'add', '.')
  git(repo, 'commit', '-qm', 'a tiny image')
  sha.head = git(repo, 'rev-parse', 'HEAD')

  // A docker that lacks buildx, or whose `docker save` stream stops early (and whose push fails); everything else is the real one.
  fakeBin = path.join(dir, 'fake-bin')
  mkdirSync(fakeBin)
  writeFileSync(
    path.join(fakeBin, 'docker'),
    `#!/usr/bin/env bash
if [ "$1" = buildx ] && [ -n "$FAKE_NO_BUILDX" ]; then
  echo "docker: 'buildx' is not a docker command." >&2; echo "See 'docker --help'" >&2; exit 1
fi
# With the save stream cut, the engine's push fails too, so the classic store's measurement must read that stream.
if [ "$1" = push ] && [ -n "$FAKE_SAVE_BYTES" ]; then
  echo "unexpected EOF" >&2; exit 1
fi
if [ "$1" = save ] && [ -n "$FAKE_SAVE_BYTES" ]; then
  ${REAL_DOCKER} "$@" | head -c "$FAKE_SAVE_BYTES"; exit 0
fi
# Where the build exports an archive (the containerd store), it is cut once loaded, before it is measured.
if [ "$1" = load ] && [ -n "$FAKE_SAVE_BYTES" ]; then
  ${REAL_DOCKER} "$@" && truncate -s "$FAKE_SAVE_BYTES" "$3"; exit
fi
exec ${REAL_DOCKER} "$@"
`
  )
  chmodSync(path.join(fakeBin, 'docker'), 0o755)
}, 60_000)

afterAll(() => {
  execFileSync('git', ['worktree', 'prune'], { cwd: repo })
  rmSync(dir, { recursive: true, force: true })
})

describe('environment faults: exit 2, one line', () => {
  test('no Docker daemon', async () => {
    const r = await cli(['--budget', '1MB'], { env: { DOCKER_HOST: `unix://${dir}/no-such-daemon.sock` } })
    expect(r.code).toBe(2)
    // Asked before anything is built (which builder, which engine): one line, no group header.
    expect(r.stderr).toBe(
      'go-image-budget: no Docker daemon answers: start Docker (or run scripts/ensure-docker.sh) and retry; without Docker, check the Dockerfile alone: go-image-budget --dockerfile-only\n'
    )
    expect(leftovers(r.tmp)).toEqual([])
  })

  test('no buildx plugin', async () => {
    const r = await cli([], { env: { PATH: `${fakeBin}:${process.env.PATH}`, FAKE_NO_BUILDX: '1' } })
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      'go-image-budget: docker buildx is not installed: install the buildx plugin (or run scripts/ensure-docker.sh); without Docker, check the Dockerfile alone: go-image-budget --dockerfile-only\n'
    )
  })

  test('a builder that does not exist', async () => {
    const r = await cli(['--builder', 'no-such-builder'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe("go-image-budget: builder: no buildx builder named 'no-such-builder'; list them with 'docker buildx ls'\n")
  })

  test('a build that fails: the last buildx lines, no stack', async () => {
    const r = await cli(['--file', 'Dockerfile.fail'])
    expect(r.code).toBe(2)
    const lines = r.stderr.split('\n')
    expect(lines[0]).toBe('▸ Build and measure Dockerfile.fail')
    expect(lines[1]).toBe(`go-image-budget: docker buildx build failed for ${path.join(repo, 'Dockerfile.fail')} in ${repo}`)
    expect(r.stderr).toContain('it broke')
    // buildx 0.13 ends with `ERROR: failed to solve: …`, 0.29 with `ERROR: failed to build: failed to solve: …`.
    expect(r.stderr).toMatch(/\nERROR: (failed to build: )?failed to solve: .*exit code: 3\n$/)
    expect(lines.length).toBeLessThanOrEqual(2 + 12 + 1)
    noStack(r.stderr)
    expect(leftovers(r.tmp)).toEqual([])
  }, 120_000)

  test("a docker save stream (or the build's image archive) that ends early", async () => {
    const r = await cli([], { env: { PATH: `${fakeBin}:${process.env.PATH}`, FAKE_SAVE_BYTES: '3000' } })
    expect(r.code).toBe(2)
    const last = r.stderr.trimEnd().split('\n').pop()
    const source = store === 'containerd' ? "the build's image archive" : 'docker save stream'
    expect(last).toMatch(
      new RegExp(`^go-image-budget: ${source} ended early after 3000 bytes: the archive ends early, inside (an entry \\(at byte 3000, \\d+ bytes missing\\)|a tar header \\(at byte 3000\\))$`)
    )
    noStack(r.stderr)
    expect(leftovers(r.tmp)).toEqual([])
  }, 120_000)
})

describe('the verdict: the one thing that fails the job on purpose', () => {
  test('over budget: CLI exit 1 with the verdict; action step failed with the reason', async () => {
    const r = await cli(['--budget', '10B', '--verify-suggestion', 'false'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^FAIL {2}Dockerfile {2}linux\/\w+\n/)
    expect(r.stdout).toMatch(/\n {2}budget: 10 B uncompressed → fail\n/)
    noStack(r.stderr)
    const a = await runActionInProcess({ workspace: repo, inputs: { budget: '10B', 'verify-suggestion': 'false' }, env: { PATH: process.env.PATH ?? '', HOME: path.join(dir, 'home') } })
    expect(a.exitCode).toBe(1)
    expect(a.errors).toHaveLength(1)
    expect(a.errors[0]).toMatch(/^image is \d+ B, over the 10 B budget \(uncompressed\)$/)
    expect(a.outputs.status).toBe('fail')
  }, 120_000)
})

describe('baseline faults: a warning and no baseline, never a failed run', () => {
  const baselineRun = async (args: string[], opts: { cwd?: string } = {}) => {
    const r = await cli(['--budget', '1MB', '--json', path.join(dir, 'out.json'), ...args], opts)
    noStack(r.stderr)
    expect(r.code).toBe(0)
    const report = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'))
    expect(report.status).toBe('pass')
    expect(report.baseline.size).toBeNull()
    return { ...r, report }
  }

  test('a base ref that does not exist', async () => {
    const r = await baselineRun(['--base-ref', 'no-such-branch'])
    const expected = `no baseline: cannot find the base commit no-such-branch locally or fetch it from origin (git: fatal: 'origin' does not appear to be a git repository); ${FETCH_DEPTH_HINT}`
    expect(warnings(r.stderr)).toEqual([expected])
    expect(r.report.baseline.error).toBe(expected)
  }, 120_000)

  test('a base ref without the Dockerfile', async () => {
    const r = await baselineRun(['--base-ref', 'no-dockerfile'])
    expect(warnings(r.stderr)).toEqual([`no baseline: no-dockerfile (${sha.noDockerfile.slice(0, 7)}) has no Dockerfile at Dockerfile`])
  }, 120_000)

  test('a shallow clone without the base commit, and origin out of reach', async () => {
    const shallow = path.join(dir, 'shallow')
    git(dir, 'clone', '-q', '--depth', '1', `file://${repo}`, shallow)
    git(shallow, 'remote', 'set-url', 'origin', path.join(dir, 'gone.git'))
    const r = await baselineRun(['--base-ref', sha.noDockerfile], { cwd: shallow })
    expect(warnings(r.stderr)).toEqual([
      `no baseline: cannot find the base commit ${sha.noDockerfile} locally or fetch it from origin (git: fatal: '${path.join(dir, 'gone.git')}' does not appear to be a git repository); ${FETCH_DEPTH_HINT}`
    ])
  }, 120_000)

  test('a base whose build fails: the failing step and its output, what to do; no checkout or temp files left', async () => {
    const before = git(repo, 'worktree', 'list')
    const r = await baselineRun(['--base-ref', 'broken'])
    const broken = git(repo, 'rev-parse', 'broken').slice(0, 7)
    expect(warnings(r.stderr)).toEqual([`no baseline: the build of broken (${broken}) failed: [2/2] RUN echo broken && exit 3: broken; ${BASE_BUILD_FAILED_HINT}`])
    expect(git(repo, 'worktree', 'list')).toBe(before)
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(1)
    expect(leftovers(r.tmp)).toEqual([])
  }, 120_000)

  test('a registry baseline that is unreachable', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const host = `127.0.0.1:${(probe.address() as AddressInfo).port}`
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const r = await baselineRun(['--baseline-image', `${host}/app:main`])
    expect(warnings(r.stderr)).toEqual([`no baseline: baseline-image ${host}/app:main: cannot reach the registry at http://${host} (ECONNREFUSED); check the name and the network`])
  }, 120_000)

  test('a registry baseline that refuses access (401)', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="registry"' })
      res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const r = await baselineRun(['--baseline-image', `${host}/private/app:main`])
      expect(warnings(r.stderr)).toEqual([
        `no baseline: baseline-image ${host}/private/app:main: the registry ${host} refused access (HTTP 401); run 'docker login ${host}' with an account that can pull it`
      ])
    } finally {
      server.close()
    }
  }, 120_000)

  test.each([
    ['corrupted', '{"schemaVersion": 1, "size": {', (f: string) => `no baseline: baseline-report '${f}' is not JSON (Expected property name or '}' in JSON at position 30)`],
    [
      'from a newer version',
      JSON.stringify({ schemaVersion: 99, size: { uncompressed: 1 } }),
      (f: string) => `no baseline: baseline-report '${f}' was written by a newer version (schema 99; this one reads 1); update the action`
    ],
    ['foreign', JSON.stringify({ name: 'some-package', version: '1.0.0' }), (f: string) => `no baseline: baseline-report '${f}' is not a go-image-budget report (no schemaVersion)`],
    ['missing', null, (f: string) => `no baseline: baseline-report '${f}' does not exist (restore it from the artifact or cache first)`]
  ])(
    'a baseline-report that is %s',
    async (name, content, message) => {
      const file = path.join(dir, `baseline-${name.replace(/\W/g, '-')}.json`)
      if (content !== null) writeFileSync(file, content)
      const r = await baselineRun(['--baseline-report', file])
      expect(warnings(r.stderr)).toEqual([message(file)])
    },
    120_000
  )
})

describe('nothing left behind', () => {
  test('cleanup: true removes the images this run built (head and base), cleanup: false keeps them', async () => {
    // A base that differs from the head, so both are new images.
    writeFileSync(path.join(repo, 'hello.txt'), `hello again ${nonce}\n`)
    try {
      const before = images()
      const kept = await cli(['--base-ref', 'main', '--json', path.join(dir, 'kept.json')])
      expect(kept.code).toBe(0)
      const keptReport = JSON.parse(readFileSync(path.join(dir, 'kept.json'), 'utf8'))
      const built = [keptReport.image.id, keptReport.baseline.digest] as string[]
      expect(built.every((id) => typeof id === 'string' && id.startsWith('sha256:'))).toBe(true)
      expect(built.every((id) => images().has(id))).toBe(true)
      for (const id of built) if (!before.has(id)) execFileSync('docker', ['image', 'rm', id], { stdio: 'ignore' })

      const cleaned = await cli(['--base-ref', 'main', '--cleanup', '--json', path.join(dir, 'cleaned.json')])
      expect(cleaned.code).toBe(0)
      expect(cleaned.stderr).toContain('cleanup: removed 2 image(s) this run built')
      const report = JSON.parse(readFileSync(path.join(dir, 'cleaned.json'), 'utf8'))
      expect([report.image.id, report.baseline.digest]).toEqual(built)
      const after = images()
      for (const id of built) expect(after.has(id)).toBe(false)
      expect(leftovers(cleaned.tmp)).toEqual([])
    } finally {
      git(repo, 'checkout', '--', 'hello.txt')
    }
  }, 180_000)

  test('cleanup also runs when a later step fails, and never removes a tagged image', async () => {
    // The head builds, then measuring fails (the save stream, or the exported archive, is cut): the head image is still removed.
    writeFileSync(path.join(repo, 'hello.txt'), `cut short ${nonce}\n`)
    try {
      const before = images()
      const r = await cli(['--cleanup'], { env: { PATH: `${fakeBin}:${process.env.PATH}`, FAKE_SAVE_BYTES: '3000' } })
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('cleanup: removed 1 image(s) this run built')
      expect([...images()].filter((id) => !before.has(id))).toEqual([])
    } finally {
      git(repo, 'checkout', '--', 'hello.txt')
    }
    // A tagged image with the same id as the build is someone's: kept.
    const first = await cli(['--json', path.join(dir, 'tagged.json')])
    expect(first.code).toBe(0)
    const id = JSON.parse(readFileSync(path.join(dir, 'tagged.json'), 'utf8')).image.id as string
    execFileSync('docker', ['tag', id, `gib-faults-keep:${process.pid}`])
    try {
      const r = await cli(['--cleanup'])
      expect(r.code).toBe(0)
      expect(r.stderr).toContain(`cleanup: keeping ${id.slice(0, 19)}, it is tagged (not only this run's)`)
      expect(images().has(id)).toBe(true)
    } finally {
      execFileSync('docker', ['image', 'rm', `gib-faults-keep:${process.pid}`], { stdio: 'ignore' })
    }
  }, 180_000)
})
