// The base branch builds wherever the head builds, on the real engine: one of
// the most common Go Dockerfiles (`COPY . .` and `go build` on golang:bookworm,
// no .dockerignore: Go 1.18+ stamps VCS information because git is in the
// builder, so the build needs a real .git), from a full clone, from a shallow
// clone of a private remote that kept no credentials (the base fetched with
// the action's token over HTTP, git http-backend behind basic auth), and with
// a submodule the program imports, and with Git LFS files whose content the
// head has. Each Go image carries `go version -m`'s output, so the test reads
// which commit the base build saw.
import { execFile, execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { exec, spawnStream } from '../../src/exec.js'
import type { GitAuth } from '../../src/git.js'
import { parseInputs, type InputName } from '../../src/inputs.js'
import type { Logger } from '../../src/log.js'
import { runPipeline } from '../../src/pipeline/pipeline.js'
import type { Report } from '../../src/report/types.js'
import { fileFromImage } from './engine.js'
import { startGitServer, type GitServer } from './git-http.js'

const runAsync = promisify(execFile)
const IDENTITY = ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'protocol.file.allow=always']
const git = (cwd: string, ...args: string[]) => execFileSync('git', [...IDENTITY, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
/** git against the HTTP server: asynchronous, so the server in this process can answer. */
const gitAsync = async (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  (await runAsync('git', [...IDENTITY, ...args], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...env } })).stdout.trim()

// A fresh program per run: no BuildKit cache of an earlier run can serve it.
const nonce = `${Date.now()}-${process.pid}`
const TOKEN = `ghs_${nonce.replace(/\D/g, '')}SecretTokenValue`
// The common Go Dockerfile: everything copied, git in the builder (the golang images have it), VCS stamping on.
const DOCKERFILE = `FROM golang:bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app . && go version -m /out/app > /out/buildinfo.txt

FROM scratch
COPY --from=build /out/ /
CMD ["/app"]
`
const MAIN_GO = (greeting: string, importGreeting = false) =>
  importGreeting
    ? `package main\n\nimport (\n\t"fmt"\n\n\t"app/third_party/greeting"\n)\n\nfunc main() {\n\tfmt.Println(greeting.Text, ${JSON.stringify(greeting)})\n}\n`
    : `package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println(${JSON.stringify(greeting)})\n}\n`

let dir: string
const sha: Record<string, string> = {}

function recordingLogger(): { logger: Logger; text: () => string } {
  let all = ''
  const add = (m: string) => {
    all += m
  }
  return {
    text: () => all,
    logger: { info: (m) => add(`${m}\n`), warning: (m) => add(`warning: ${m}\n`), debug: add, group: async (name, fn) => (add(`${name}\n`), fn()) }
  }
}

async function pipeline(checkout: string, base: { ref: string; sha: string | null }, gitAuth: GitAuth | null = null): Promise<{ report: Report; log: string }> {
  const raw: Partial<Record<InputName, string>> = { baseline: 'build', 'verify-suggestion': 'false' }
  const { logger, text } = recordingLogger()
  const tempDir = mkdtempSync(path.join(dir, 'run-'))
  try {
    const report = await runPipeline(
      parseInputs((name) => raw[name] ?? ''),
      { workspace: checkout, commit: git(checkout, 'rev-parse', 'HEAD'), base, gitAuth, previousHistory: [] },
      { exec, spawn: spawnStream, tempDir, cacheDir: path.join(dir, 'cache'), log: logger, now: () => new Date() }
    )
    return { report, log: text() }
  } finally {
    rmSync(tempDir, { recursive: true, force: true })
  }
}

/** `go version -m`'s settings (vcs.revision, vcs.modified …) as the image's binary recorded them. */
function buildSettings(image: string): Record<string, string> {
  const text = fileFromImage(image, '/buildinfo.txt').toString('utf8')
  return Object.fromEntries([...text.matchAll(/^\s*build\s+(\S+)=(\S*)$/gm)].map((m) => [m[1], m[2]]))
}

/** A repository with `main` (the base) and `feature` (the head), committed in `repo`. */
function makeRepo(repo: string, files: (branch: 'main' | 'feature') => Record<string, string>): void {
  git(dir, 'init', '-q', '-b', 'main', repo)
  for (const branch of ['main', 'feature'] as const) {
    if (branch === 'feature') git(repo, 'checkout', '-q', '-b', 'feature')
    for (const [file, content] of Object.entries(files(branch))) {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true })
      writeFileSync(path.join(repo, file), content)
    }
    git(repo, 'add', '-A')
    git(repo, 'commit', '-qm', branch)
  }
}

const plainFiles = (branch: 'main' | 'feature') => ({
  Dockerfile: DOCKERFILE,
  'go.mod': 'module app\n\ngo 1.19\n',
  'main.go': MAIN_GO(`${branch} ${nonce}`)
})

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'base-checkout-it-'))
  makeRepo(path.join(dir, 'plain'), plainFiles)
  sha.plainBase = git(path.join(dir, 'plain'), 'rev-parse', 'main')
  sha.plainHead = git(path.join(dir, 'plain'), 'rev-parse', 'feature')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('COPY . . with Go >= 1.18 and git in the builder: the base builds from its own .git, stamped with the base commit', async () => {
  const clone = path.join(dir, 'full')
  git(dir, 'clone', '-q', '--branch', 'feature', path.join(dir, 'plain'), clone)
  // The failure this fixes, reproduced: a `git worktree` of the base does not build (its .git points outside the context).
  const worktree = path.join(dir, 'worktree-of-base')
  git(clone, 'worktree', 'add', '-q', '--detach', worktree, sha.plainBase)
  const broken = await exec('docker', ['buildx', 'build', '--progress', 'plain', '--output', 'type=cacheonly', worktree])
  git(clone, 'worktree', 'remove', '--force', worktree)
  expect(broken.code).not.toBe(0)
  expect(broken.stderr).toMatch(/error obtaining VCS status: exit status 128/)

  const { report } = await pipeline(clone, { ref: 'main', sha: null })
  expect(report.baseline).toMatchObject({ source: 'build', ref: 'main', commit: sha.plainBase, error: null })
  expect(buildSettings(report.baseline.digest as string)).toMatchObject({ 'vcs.revision': sha.plainBase, 'vcs.modified': 'false' })
  expect(buildSettings(report.image.id)).toMatchObject({ 'vcs.revision': sha.plainHead, 'vcs.modified': 'false' })
  expect(git(clone, 'status', '--porcelain', '--ignored')).toBe('')
  expect(git(clone, 'worktree', 'list').split('\n')).toHaveLength(1)
})

describe('a shallow clone of a private remote that kept no credentials (persist-credentials: false)', () => {
  let server: GitServer
  let shallow: string
  beforeAll(async () => {
    const root = path.join(dir, 'served')
    git(dir, 'clone', '-q', '--bare', path.join(dir, 'plain'), path.join(root, 'owner/app.git'))
    server = await startGitServer(root, TOKEN)
    shallow = path.join(dir, 'shallow')
    // As actions/checkout with fetch-depth: 1: the token is sent for the clone only, never stored.
    const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`
    await gitAsync(dir, ['-c', `http.extraheader=${header}`, 'clone', '-q', '--depth=1', '--branch', 'feature', `${server.url}/owner/app.git`, shallow])
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true')
    expect(() => git(shallow, 'cat-file', '-e', `${sha.plainBase}^{commit}`)).toThrow()
    expect(readFileSync(path.join(shallow, '.git/config'), 'utf8')).not.toContain(TOKEN.slice(4))
  })
  afterAll(() => server?.close())

  test('without a token: "no baseline" with git\'s reason and the fetch-depth that works', async () => {
    const { report } = await pipeline(shallow, { ref: 'main', sha: sha.plainBase })
    expect(report.baseline.error).toBe(
      `no baseline: cannot find the base commit main (${sha.plainBase.slice(0, 12)}) locally or fetch it from origin (git: fatal: could not read Username for '${server.url}': terminal prompts disabled); check out with fetch-depth: 0 (or fetch-depth: 2 on pull_request, whose merge commit's first parent is the base), or leave github-token at its default so the action can fetch the base itself (the job needs contents: read)`
    )
    expect(report.status).toBe('pass')
  })

  test("with the action's token: fetched, built, compared; the token is sent as a header and never printed or stored", async () => {
    const before = server.requests.length
    const { report, log } = await pipeline(shallow, { ref: 'main', sha: sha.plainBase }, { token: TOKEN, serverUrl: server.url })
    expect(report.baseline).toMatchObject({ source: 'build', commit: sha.plainBase, error: null })
    expect(buildSettings(report.baseline.digest as string)).toMatchObject({ 'vcs.revision': sha.plainBase, 'vcs.modified': 'false' })
    expect(report.delta).not.toBeNull()
    const fetches = server.requests.slice(before)
    expect(fetches.some((r) => r.authorized && r.path.endsWith('/git-upload-pack'))).toBe(true)
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')
    for (const text of [JSON.stringify(report), log, readFileSync(path.join(shallow, '.git/config'), 'utf8')]) {
      expect(text).not.toContain(TOKEN)
      expect(text).not.toContain(basic)
    }
    // The token goes to the server it belongs to, never elsewhere: another server URL sends nothing.
    const other = await pipeline(shallow, { ref: 'main', sha: '1'.repeat(40) }, { token: TOKEN, serverUrl: 'https://github.invalid' })
    expect(other.report.baseline.error).toMatch(/could not read Username/)
  })
})

test("a submodule the program imports: the base builds with the base's submodule commit", async () => {
  const lib = path.join(dir, 'greeting')
  git(dir, 'init', '-q', '-b', 'main', lib)
  const libCommits: string[] = []
  for (const version of ['v1', 'v2']) {
    writeFileSync(path.join(lib, 'greeting.go'), `package greeting\n\nconst Text = "greeting ${version} ${nonce}"\n`)
    git(lib, 'add', '-A')
    git(lib, 'commit', '-qm', version)
    libCommits.push(git(lib, 'rev-parse', 'HEAD'))
  }
  const upstream = path.join(dir, 'with-submodule')
  git(dir, 'init', '-q', '-b', 'main', upstream)
  writeFileSync(path.join(upstream, 'Dockerfile'), DOCKERFILE)
  writeFileSync(path.join(upstream, 'go.mod'), 'module app\n\ngo 1.19\n')
  writeFileSync(path.join(upstream, 'main.go'), MAIN_GO(`main ${nonce}`, true))
  git(upstream, 'submodule', 'add', '-q', `file://${lib}`, 'third_party/greeting')
  git(path.join(upstream, 'third_party/greeting'), 'checkout', '-q', libCommits[0])
  git(upstream, 'add', '-A')
  git(upstream, 'commit', '-qm', 'base: greeting v1')
  const base = git(upstream, 'rev-parse', 'HEAD')
  git(upstream, 'checkout', '-q', '-b', 'feature')
  git(path.join(upstream, 'third_party/greeting'), 'checkout', '-q', libCommits[1])
  git(upstream, 'commit', '-qam', 'head: greeting v2')
  const clone = path.join(dir, 'submodule-clone')
  git(dir, 'clone', '-q', '--recurse-submodules', '--branch', 'feature', upstream, clone)

  const { report } = await pipeline(clone, { ref: 'main', sha: null })
  expect(report.baseline).toMatchObject({ source: 'build', commit: base, error: null })
  expect(buildSettings(report.baseline.digest as string)).toMatchObject({ 'vcs.revision': base, 'vcs.modified': 'false' })
  expect(fileFromImage(report.baseline.digest as string, '/app').toString('latin1')).toContain(`greeting v1 ${nonce}`)
  expect(fileFromImage(report.image.id, '/app').toString('latin1')).toContain(`greeting v2 ${nonce}`)
  expect(git(clone, 'status', '--porcelain', '--ignored')).toBe('')
})

test('Git LFS files: the base has their content where the head has content, fetched from origin when the head lacks them', async () => {
  const bare = path.join(dir, 'lfs-upstream.git')
  git(dir, 'init', '-q', '--bare', '-b', 'main', bare)
  const work = path.join(dir, 'lfs-work')
  git(dir, 'init', '-q', '-b', 'main', work)
  git(work, 'lfs', 'install', '--local')
  git(work, 'lfs', 'track', '*.dat')
  writeFileSync(path.join(work, 'Dockerfile'), 'FROM alpine:latest\nCOPY assets/ /assets/\n')
  mkdirSync(path.join(work, 'assets'))
  const versions = [randomBytes(200_000), randomBytes(300_000)]
  writeFileSync(path.join(work, 'assets/data.dat'), versions[0])
  git(work, 'add', '-A')
  git(work, 'commit', '-qm', 'base: data v1')
  const base = git(work, 'rev-parse', 'HEAD')
  git(work, 'checkout', '-q', '-b', 'feature')
  writeFileSync(path.join(work, 'assets/data.dat'), versions[1])
  git(work, 'commit', '-qam', 'head: data v2')
  git(work, 'remote', 'add', 'origin', `file://${bare}`)
  // The pre-push hook sends the LFS objects to the file:// remote (git-lfs's standalone transfer).
  git(work, 'push', '-q', 'origin', 'main', 'feature')
  // As actions/checkout with lfs: true: the head's own LFS objects only, content checked out.
  const head = path.join(dir, 'lfs-head')
  const lfs = ['-c', 'filter.lfs.smudge=git-lfs smudge -- %f', '-c', 'filter.lfs.process=git-lfs filter-process', '-c', 'filter.lfs.required=true']
  git(dir, ...lfs, 'clone', '-q', '--branch', 'feature', `file://${bare}`, head)
  expect(git(head, 'lfs', 'ls-files')).toMatch(/^[0-9a-f]+ \* assets\/data\.dat$/)
  expect(readFileSync(path.join(head, 'assets/data.dat')).equals(versions[1])).toBe(true)

  const { report } = await pipeline(head, { ref: 'main', sha: null })
  expect(report.baseline).toMatchObject({ source: 'build', commit: base, error: null })
  expect(fileFromImage(report.baseline.digest as string, '/assets/data.dat').equals(versions[0])).toBe(true)
  expect(fileFromImage(report.image.id, '/assets/data.dat').equals(versions[1])).toBe(true)
  // The comparison is content against content: the layer grew by the 100,000 bytes the file grew.
  expect(report.delta?.uncompressed).toBe(100_000)
  expect(git(head, 'status', '--porcelain', '--ignored')).toBe('')
})
