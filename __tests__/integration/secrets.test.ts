// Secrets reach the build whole and nothing else: real buildx builds on the
// default engine, the CLI run as a program (../helpers/programs.ts) and the action
// entry in-process, posting to the local GitHub API. What a build received is
// read back from inside it (a RUN step writes the sha256 and length of each
// secret into the image); every log line, the report, the comment, the
// summary, the outputs, the annotations and the failure message are grepped
// for the values.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runActionInProcess } from '../helpers/entries.js'
import { FakeGitHub } from './github-api.js'
import { programArgs } from '../helpers/programs.js'

const nonce = `${Date.now()}-${process.pid}`

let dir: string
/** What starts the CLI after `node`. */
let program: string[]
let repo: string
let head: string
/** Images these tests built (read back, then removed). */
const built = new Set<string>()

interface Run {
  code: number
  stdout: string
  stderr: string
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, [...program, ...args], {
    cwd: repo,
    env: { ...process.env, JEST_WORKER_ID: '', HOME: path.join(dir, 'home'), ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  // Node's notice about the VM modules jest's NODE_OPTIONS turns on is not the CLI's output.
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr: stderr.replace(/^.*ExperimentalWarning.*\n(.*--trace-warnings.*\n)?/m, '') })))
}

beforeAll(async () => {
  program = await programArgs('cli')
  dir = mkdtempSync(path.join(os.tmpdir(), 'gib-secrets-'))
  mkdirSync(path.join(dir, 'home'))
  repo = path.join(dir, 'repo')
  mkdirSync(repo)
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: repo, encoding: 'utf8' }).trim()
  git('init', '-q', '-b', 'main')
  writeFileSync(path.join(repo, 'hello.txt'), `hello ${nonce}\n`)
  writeFileSync(path.join(repo, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n')
  git('add', '.')
  git('commit', '-qm', 'a tiny image')
  head = git('rev-parse', 'HEAD')
}, 60_000)

afterAll(() => {
  // Only what these tests built: untagged, never a stand-in base image.
  for (const id of built) {
    // An image already gone (removed by the run's cleanup, or by another suite) is nothing to remove.
    const tags = spawnSync('docker', ['image', 'inspect', '--format', '{{len .RepoTags}}', id], { encoding: 'utf8' }).stdout.trim()
    if (tags === '0') execFileSync('docker', ['image', 'rm', id], { stdio: 'ignore' })
  }
  rmSync(dir, { recursive: true, force: true })
})

const imageOf = (reportFile: string): string => {
  const id = (JSON.parse(readFileSync(reportFile, 'utf8')) as { image: { id: string } }).image.id
  built.add(id)
  return id
}

/** The masks a run asked the runner for: the one place a value may appear, never printed by the runner. */
const masks = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::add-mask::'))
const unmasked = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')

describe('secrets never reach a log, a report, a comment, a summary, an output or an error', () => {
  const SECRET = `s3cr3t-${nonce}-VALUE`
  const secretDockerfile = (fail: boolean) =>
    `FROM alpine:latest\nARG NONCE\nRUN --mount=type=secret,id=token echo "token is $(cat /run/secrets/token) ($NONCE)"${fail ? ' && exit 7' : ''}\n` +
    // A careless Dockerfile that also has the value inline: it reaches the report's layer list, so redaction must cover the report.
    `RUN echo "${SECRET}" > /dev/null\nCOPY hello.txt /hello.txt\n`
  const files = ['Dockerfile.secret', 'Dockerfile.secret-fail']

  beforeAll(() => {
    writeFileSync(path.join(repo, files[0]), secretDockerfile(false))
    writeFileSync(path.join(repo, files[1]), secretDockerfile(true))
  })

  const grepAll = (texts: Record<string, string>) => {
    for (const [where, text] of Object.entries(texts)) {
      expect({ where, leaked: text.includes(SECRET) }).toEqual({ where, leaked: false })
    }
  }

  test("CLI: progress, terminal output, report JSON; and the failing build's error", async () => {
    const json = path.join(dir, 'secret.json')
    const ok = await cli(['--file', files[0], '--secrets', `token=${SECRET}`, '--build-args', `NONCE=${nonce}-cli`, '--json', json, '--verify-suggestion', 'false'], { GO_IMAGE_BUDGET_VERBOSE: '1' })
    expect(ok.code).toBe(0)
    imageOf(json)
    // The RUN step did print the secret; the log shows the mask.
    expect(ok.stderr).toContain('token is *** (')
    const report = readFileSync(json, 'utf8')
    expect(report).toContain('RUN echo \\"***\\" > /dev/null')
    grepAll({ stdout: ok.stdout, stderr: ok.stderr, report })

    const failed = await cli(['--file', files[1], '--secrets', `token=${SECRET}`, '--build-args', `NONCE=${nonce}-cli-fail`])
    expect(failed.code).toBe(2)
    expect(failed.stderr).toContain('token is *** (')
    // buildx 0.29 (Docker 28) says "failed to build: failed to solve", older ones "failed to solve".
    expect(failed.stderr).toMatch(/\nERROR: (failed to build: )?failed to solve: .*exit code: 7\n$/)
    grepAll({ stdout: failed.stdout, stderr: failed.stderr })
  }, 240_000)

  test('action: log (debug included), outputs, summary, report, markdown, the posted comment, annotations, failure message', async () => {
    // A pull request on the local GitHub API, so the comment is really posted.
    const api = new FakeGitHub('octo', 'app')
    await api.start()
    const event = {
      name: 'pull_request',
      payload: {
        number: 3,
        pull_request: { number: 3, head: { sha: head, ref: 'feature', repo: { full_name: 'octo/app' } }, base: { sha: head, ref: 'main', repo: { full_name: 'octo/app' } } },
        repository: { full_name: 'octo/app' }
      }
    }
    const common = { workspace: repo, event, env: { PATH: process.env.PATH ?? '', HOME: path.join(dir, 'home'), GITHUB_API_URL: api.baseUrl, GITHUB_RUN_ID: '77' } }
    const ok = await runActionInProcess({
      ...common,
      inputs: {
        file: files[0],
        secrets: `token=${SECRET}`,
        'build-args': `NONCE=${nonce}-action`,
        json: 'secret-action.json',
        markdown: 'secret-action.md',
        'verify-suggestion': 'false',
        budget: '10MB',
        baseline: 'none',
        comment: 'always',
        'github-token': 'ghs_write'
      }
    }).finally(() => api.stop())
    imageOf(path.join(repo, 'secret-action.json'))
    const posted = api.commentsOn(3)
    expect(posted).toHaveLength(1)
    expect(posted[0].body).toBe(ok.outputs['comment-body'])
    grepAll({ comment: posted[0].body, requests: JSON.stringify(api.requests) })
    // Findings became annotations (::warning file=…), part of the log grepped below.
    expect(ok.stdout).toMatch(/^::(warning|notice|error) .*file=Dockerfile\.secret/m)
    expect(ok.errors).toEqual([])
    expect(ok.exitCode).toBe(0)
    expect(ok.stdout).toContain('token is *** (')
    // The token is masked too, with the basic-auth header git would carry it in when it fetches the base.
    const tokenHeader = Buffer.from('x-access-token:ghs_write').toString('base64')
    expect(masks(ok.stdout).sort()).toEqual([`::add-mask::${SECRET}`, '::add-mask::ghs_write', `::add-mask::${tokenHeader}`].sort())
    const report = readFileSync(path.join(repo, 'secret-action.json'), 'utf8')
    const markdown = readFileSync(path.join(repo, 'secret-action.md'), 'utf8')
    expect(report).toContain('***')
    grepAll({ stdout: unmasked(ok.stdout), outputs: JSON.stringify(ok.outputs), summary: ok.summary, report, markdown, output: readFileSync(path.join(ok.runnerTemp, 'output'), 'utf8') })

    const failed = await runActionInProcess({ ...common, inputs: { file: files[1], secrets: `token=${SECRET}`, 'build-args': `NONCE=${nonce}-action-fail`, baseline: 'none' } })
    expect(failed.exitCode).toBe(1)
    expect(failed.errors).toHaveLength(1)
    expect(failed.errors[0]).toContain('token is *** (')
    grepAll({ stdout: unmasked(failed.stdout), summary: failed.summary, errors: failed.errors.join('\n') })
    for (const f of ['secret-action.json', 'secret-action.md']) rmSync(path.join(repo, f))
    expect(existsSync(path.join(repo, 'secret-action.json'))).toBe(false)
  }, 240_000)
})

describe('a four-line key, a secret file, a secret variable and a quoted build arg reach the build whole', () => {
  // PEM-like, four lines and a final newline: quoted as build-push-action documents it.
  const KEY = `-----BEGIN GIB13 TEST KEY-----\nMIIB${nonce}AAAAline2\nQUJD${nonce}EFGHline3\n-----END GIB13 TEST KEY-----\n`
  // Spaces around it are part of it: secrets are never trimmed (the runner trims other inputs).
  const PAD = `  pad-${nonce}  `
  const CERT = `CERT-${nonce}-first\nCERT-${nonce}-second\n`
  const ENV_SECRET = `ENVSECRET-${nonce}-value`
  const NPM_TOKEN = `npm_${nonce}_tok`
  const MSG = 'a,b "quoted" c'
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
  const everyValue = [KEY, ...KEY.split('\n').filter((l) => l.includes(nonce)), PAD.trim(), CERT, ...CERT.split('\n').filter(Boolean), ENV_SECRET, NPM_TOKEN]
  let certFile: string

  beforeAll(() => {
    certFile = path.join(dir, 'cert.pem')
    writeFileSync(certFile, CERT)
    writeFileSync(
      path.join(repo, 'Dockerfile.whole'),
      [
        'FROM alpine:latest',
        'ARG MSG',
        'ARG NPM_TOKEN',
        // Each run prints anew (a cached step prints nothing), as its RUN_ID differs.
        'ARG RUN_ID',
        // The sums and lengths land in the image; the RUN step also prints every value, so the log must hide them.
        'RUN --mount=type=secret,id=key --mount=type=secret,id=pad --mount=type=secret,id=cert --mount=type=secret,id=envsec \\',
        '    sha256sum /run/secrets/key | cut -c1-64 > /key.sha256 && wc -c < /run/secrets/key > /key.len && \\',
        '    sha256sum /run/secrets/pad | cut -c1-64 > /pad.sha256 && \\',
        '    sha256sum /run/secrets/cert | cut -c1-64 > /cert.sha256 && sha256sum /run/secrets/envsec | cut -c1-64 > /env.sha256 && \\',
        '    printf "%s" "$MSG" > /msg && cat /run/secrets/key /run/secrets/cert && echo "env is $(cat /run/secrets/envsec), npm is $NPM_TOKEN ($RUN_ID)"',
        'COPY hello.txt /hello.txt',
        ''
      ].join('\n')
    )
  })

  /** What the build saw, read back from the image it made. */
  const readBack = (image: string) => {
    const cat = (file: string) => execFileSync('docker', ['run', '--rm', '--entrypoint', 'cat', image, file], { encoding: 'utf8' })
    return {
      keySha: cat('/key.sha256').trim(),
      keyLength: Number(cat('/key.len').trim()),
      padSha: cat('/pad.sha256').trim(),
      certSha: cat('/cert.sha256').trim(),
      envSha: cat('/env.sha256').trim(),
      msg: cat('/msg')
    }
  }
  const expectedBack = () => ({ keySha: sha256(KEY), keyLength: Buffer.byteLength(KEY), padSha: sha256(PAD), certSha: sha256(CERT), envSha: sha256(ENV_SECRET), msg: MSG })

  const expectHidden = (texts: Record<string, string>) => {
    for (const [where, text] of Object.entries(texts)) {
      expect({ where, leaked: everyValue.filter((v) => text.includes(v)) }).toEqual({ where, leaked: [] })
    }
  }

  test('action: read back from inside the build; no value in any log, report, comment, summary, output or annotation', async () => {
    const api = new FakeGitHub('octo', 'app')
    await api.start()
    const event = {
      name: 'pull_request',
      payload: {
        number: 4,
        pull_request: { number: 4, head: { sha: head, ref: 'feature', repo: { full_name: 'octo/app' } }, base: { sha: head, ref: 'main', repo: { full_name: 'octo/app' } } },
        repository: { full_name: 'octo/app' }
      }
    }
    const result = await runActionInProcess({
      workspace: repo,
      event,
      env: { PATH: process.env.PATH ?? '', HOME: path.join(dir, 'home'), GITHUB_API_URL: api.baseUrl, GITHUB_RUN_ID: '78', GIB13_SECRET_ENV: ENV_SECRET },
      inputs: {
        file: 'Dockerfile.whole',
        secrets: `"key=${KEY}"\npad=${PAD}`,
        'secret-files': `cert=${certFile}`,
        'secret-envs': 'envsec=GIB13_SECRET_ENV',
        'build-args': `"MSG=${MSG.replace(/"/g, '""')}"\nNPM_TOKEN=${NPM_TOKEN}\nRUN_ID=${nonce}-action`,
        json: 'whole.json',
        markdown: 'whole.md',
        'verify-suggestion': 'false',
        budget: '10MB',
        baseline: 'none',
        comment: 'always',
        'github-token': 'ghs_write'
      }
    }).finally(() => api.stop())
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(readBack(imageOf(path.join(repo, 'whole.json')))).toEqual(expectedBack())
    expect(result.warnings).toContain("build-args: NPM_TOKEN looks like a credential; pass it with 'secrets' (a build argument is kept in the image's history). Its value is masked.")
    // The build did print them: the log shows masks where they were.
    expect(result.stdout).toContain(`env is ***, npm is *** (${nonce}-action)`)
    // The runner is asked to mask each value and each line of a multi-line one.
    for (const value of everyValue) expect(masks(result.stdout)).toContain(`::add-mask::${value.replace(/\n/g, '%0A')}`)
    const [comment] = api.commentsOn(4)
    expect(comment.body).toBe(result.outputs['comment-body'])
    const report = readFileSync(path.join(repo, 'whole.json'), 'utf8')
    // The credential-like build arg is in the image's history, so in the report's layers: masked there too.
    expect(report).toContain('NPM_TOKEN=***')
    expectHidden({
      log: unmasked(result.stdout),
      outputs: readFileSync(path.join(result.runnerTemp, 'output'), 'utf8'),
      summary: result.summary,
      report,
      markdown: readFileSync(path.join(repo, 'whole.md'), 'utf8'),
      comment: comment.body,
      requests: JSON.stringify(api.requests)
    })
    for (const f of ['whole.json', 'whole.md']) rmSync(path.join(repo, f))
  }, 240_000)

  test('CLI: the same values as flags (a quoted multi-line value, repeated flags) reach the build whole', async () => {
    const json = path.join(dir, 'whole-cli.json')
    const r = await cli(
      [
        '--file',
        'Dockerfile.whole',
        '--secrets',
        `"key=${KEY}"`,
        '--secrets',
        `pad=${PAD}`,
        '--secret-files',
        `cert=${certFile}`,
        '--secret-envs',
        'envsec=GIB13_SECRET_ENV',
        '--build-args',
        `"MSG=${MSG.replace(/"/g, '""')}"`,
        '--build-args',
        `NPM_TOKEN=${NPM_TOKEN}`,
        '--build-args',
        `RUN_ID=${nonce}-cli`,
        '--json',
        json,
        '--verify-suggestion',
        'false'
      ],
      { GO_IMAGE_BUDGET_VERBOSE: '1', GIB13_SECRET_ENV: ENV_SECRET }
    )
    expect(r.stderr).not.toContain('go-image-budget: ')
    expect(r.code).toBe(0)
    expect(readBack(imageOf(json))).toEqual(expectedBack())
    expect(r.stderr).toContain('warning: build-args: NPM_TOKEN looks like a credential')
    expect(r.stderr).toContain(`env is ***, npm is *** (${nonce}-cli)`)
    expectHidden({ stdout: r.stdout, stderr: r.stderr, report: readFileSync(json, 'utf8') })
  }, 240_000)

  test('a secret variable that is not set, a secret file that is missing: one line naming the entry, nothing built', async () => {
    const unset = await cli(['--file', 'Dockerfile.whole', '--secret-envs', 'envsec=GIB13_NOT_SET'])
    expect(unset.code).toBe(2)
    expect(unset.stderr).toBe("go-image-budget: secret-envs: entry 1 (id envsec): the variable GIB13_NOT_SET is not set; set it in the step's env:\n")
    const missing = await cli(['--file', 'Dockerfile.whole', '--secret-files', 'cert=no/such.pem'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe('go-image-budget: secret-files: entry 1 (id cert): no file at no/such.pem; create it in an earlier step or fix the path\n')
  }, 60_000)
})
