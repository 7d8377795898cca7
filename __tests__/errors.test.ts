// The README's "Errors" table, rows that need no Docker: each bad input gives
// exactly one line (CLI: `go-image-budget: …` on stderr, exit 2; action: the
// step's failure message), never a stack trace. Rows that need Docker, git or
// a registry are in integration/errors.test.ts.
import { execFileSync } from 'node:child_process'
import * as esbuild from 'esbuild'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SAFE_PATTERN } from '../src/trust.js'
import { passingScratch } from './fixtures/reports.js'
import { runActionInProcess, runCliInProcess } from './helpers/entries.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'gib-errors-'))
const ws = path.join(dir, 'ws')
const SIZES = 'use a number with an optional unit, e.g. 25MB, 25 MiB, 1.5GB, 800kB, 2000000'
const SIZE_OR_PERCENT = 'use e.g. 25MB, 25 MiB, 1.5GB, 800kB, 2000000, or 10%'

beforeAll(() => {
  mkdirSync(path.join(ws, 'app'), { recursive: true })
  writeFileSync(path.join(ws, 'app', 'Dockerfile'), 'FROM scratch\nCOPY main /main\n')
  mkdirSync(path.join(ws, 'dir-named-dockerfile', 'Dockerfile'), { recursive: true })
  mkdirSync(path.join(dir, 'outside'))
  writeFileSync(path.join(dir, 'outside', 'Dockerfile'), 'FROM scratch\n')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const noStack = (text: string) => {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(text).not.toMatch(/\b(TypeError|ReferenceError|SyntaxError):/)
}

describe('CLI: bad inputs exit 2 with one line', () => {
  const rows: [string, string[], string][] = [
    ['unparseable size', ['--budget', 'twenty'], `budget: cannot read 'twenty' as a size; ${SIZES}`],
    ['unparseable percentage', ['--max-increase', 'ten%'], `max-increase: cannot read 'ten%' as a size or a percentage; ${SIZE_OR_PERCENT}`],
    ['unparseable max-module-increase', ['--max-module-increase', 'lots'], `max-module-increase: cannot read 'lots' as a size or a percentage; ${SIZE_OR_PERCENT}`],
    ['max-module-increase with junk', ['--max-module-increase', '20%ish'], `max-module-increase: cannot read '20%ish' as a size or a percentage; ${SIZE_OR_PERCENT}`],
    ['percentage with junk', ['--warn-at', '150%x'], `warn-at: cannot read '150%x' as a size or a percentage; ${SIZE_OR_PERCENT}`],
    ['unknown fail-on', ['--fail-on', 'sometimes'], "fail-on: 'sometimes' is not one of any, budget, increase, never"],
    ['unknown budget-metric', ['--budget-metric', 'gzip'], "budget-metric: 'gzip' is not one of uncompressed, compressed"],
    ['unknown baseline', ['--baseline', 'yesterday'], "baseline: 'yesterday' is not one of auto, build, image, report, none"],
    ['unknown comment mode', ['--comment', 'maybe'], "comment: 'maybe' is not one of always, on-change, on-exceed, never"],
    ['unknown verify-suggestion', ['--verify-suggestion', 'perhaps'], "verify-suggestion: 'perhaps' is not one of auto, true, false"],
    ['bad history-length', ['--history-length', '0'], "history-length: expected a whole number of at least 1, got '0'"],
    ['bad boolean', ['--cleanup=sometimes'], "cleanup: expected true or false, got 'sometimes'"],
    ['unknown flag', ['--frobnicate', '1'], 'unknown flag --frobnicate (see --help)'],
    ['flag without value', ['--budget'], '--budget needs a value'],
    ['baseline image without baseline-image', ['--baseline', 'image'], "baseline: 'image' needs baseline-image, the registry reference to compare with (e.g. ghcr.io/owner/app:main)"],
    ['baseline report without baseline-report', ['--baseline', 'report'], "baseline: 'report' needs baseline-report, the path of a report JSON from an earlier run"]
  ]
  test.each(rows)('%s', async (_name, argv, message) => {
    const r = await runCliInProcess(argv)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`go-image-budget: ${message}\n`)
    expect(r.stdout).toBe('')
  })

  test('missing context directory', async () => {
    const r = await runCliInProcess(['--context', path.join(dir, 'nope')])
    expect(r).toEqual({ code: 2, stdout: '', stderr: `go-image-budget: context: '${path.join(dir, 'nope')}' is not a directory (resolved to ${path.join(dir, 'nope')})\n` })
  })

  test('missing Dockerfile', async () => {
    const r = await runCliInProcess(['--context', path.join(ws, 'app'), '--file', path.join(ws, 'app', 'Dockerfile.nope')])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`go-image-budget: file: no Dockerfile at ${path.relative(process.cwd(), path.join(ws, 'app', 'Dockerfile.nope'))}; set 'file' to its path\n`)
  })

  test('a directory where the Dockerfile should be', async () => {
    const r = await runCliInProcess(['--context', path.join(ws, 'dir-named-dockerfile'), '--dockerfile-only'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      `go-image-budget: file: ${path.relative(process.cwd(), path.join(ws, 'dir-named-dockerfile', 'Dockerfile'))} is a directory, not a Dockerfile; set 'file' to the Dockerfile's path\n`
    )
  })

  test('an unreadable Dockerfile (as an unprivileged user)', async () => {
    const unreadable = path.join(dir, 'unreadable')
    mkdirSync(unreadable)
    writeFileSync(path.join(unreadable, 'Dockerfile'), 'FROM scratch\n')
    chmodSync(path.join(unreadable, 'Dockerfile'), 0o000)
    chmodSync(dir, 0o755)
    // Root reads anything: this row runs as nobody, who may not be able to read the
    // checkout (a mode-0700 home), so the CLI is bundled from src/ into the temp dir.
    const bundle = path.join(dir, 'bundle', 'cli.js')
    mkdirSync(path.dirname(bundle))
    writeFileSync(path.join(dir, 'bundle', 'package.json'), '{"type":"module"}\n')
    await esbuild.build({
      entryPoints: [path.resolve('src/cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
      // A name of its own: a bundled dependency (fdir) imports createRequire too.
      banner: { js: "import { createRequire as bannerCreateRequire } from 'node:module'; const require = bannerCreateRequire(import.meta.url);" }
    })
    chmodSync(path.dirname(bundle), 0o755)
    const argv = ['node', bundle, '--context', unreadable, '--dockerfile-only']
    const asNobody = process.getuid?.() === 0
    const cmd = asNobody ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'env', `HOME=${dir}`, ...argv] : argv
    let code = 0
    let stderr = ''
    try {
      execFileSync(cmd[0], cmd.slice(1), { cwd: dir, stdio: 'pipe', env: { ...process.env, JEST_WORKER_ID: '' } })
    } catch (error) {
      code = (error as { status: number }).status
      stderr = String((error as { stderr: Buffer }).stderr)
    }
    expect(stderr).toBe('go-image-budget: file: cannot read unreadable/Dockerfile (EACCES); check its permissions\n')
    expect(code).toBe(2)
  })
})

describe('action: bad inputs fail the step with one line', () => {
  const action = (inputs: Record<string, string>, extra: Partial<Parameters<typeof runActionInProcess>[0]> = {}) =>
    runActionInProcess({ workspace: ws, inputs, env: { PATH: path.join(dir, 'no-docker-here') }, ...extra })

  test.each([
    ['context outside the workspace', { context: '../outside' }, `context: '../outside' is outside the workspace (${ws}); use a directory inside the checkout`],
    ['Dockerfile outside the workspace', { context: 'app', file: '../outside/Dockerfile' }, `file: '../outside/Dockerfile' is outside the workspace (${ws}); use a Dockerfile inside the checkout`],
    ['absolute context elsewhere', { context: path.join(dir, 'outside') }, `context: '${path.join(dir, 'outside')}' is outside the workspace (${ws}); use a directory inside the checkout`],
    ['unparseable size', { budget: '20 MBs' }, `budget: cannot read '20 MBs' as a size; ${SIZES}`],
    ['unknown enum', { 'fail-on': 'often' }, "fail-on: 'often' is not one of any, budget, increase, never"]
  ])('%s', async (_name, inputs, message) => {
    const r = await action(inputs)
    expect(r.exitCode).toBe(1)
    expect(r.errors).toEqual([message])
    expect(r.outputs).toEqual({})
    noStack(r.stdout)
  })

  test.each([
    ['missing', () => path.join(dir, 'nope.json'), (f: string) => `report: no file at ${f}; download the measuring run's artifact first`],
    [
      'not JSON',
      () => {
        const f = path.join(dir, 'garbage.json')
        writeFileSync(f, '{"schemaVersion": 1, "size": ')
        return f
      },
      (f: string) => `report: ${f} is not JSON (Unexpected end of JSON input)`
    ],
    [
      'a newer schema version',
      () => {
        const f = path.join(dir, 'v3.json')
        writeFileSync(f, JSON.stringify({ ...passingScratch(), schemaVersion: 2 }))
        return f
      },
      (f: string) => `report: ${f} was written by a newer version (schema 2; this one reads 1); update the action`
    ],
    [
      "someone else's JSON",
      () => {
        const f = path.join(dir, 'package.json')
        writeFileSync(f, '{"name":"x"}')
        return f
      },
      (f: string) => `report: ${f} is not a go-image-budget report (schemaVersion 1)`
    ]
  ])('report: a stored report that is %s', async (_name, make, message) => {
    const file = make()
    const r = await action({ report: file })
    expect(r.exitCode).toBe(1)
    expect(r.errors).toEqual([message(file)])
    noStack(r.stdout)
  })

  test.each([
    [
      'a glob that matches nothing',
      { report: 'image-size/*.json' },
      "report: 'image-size/*.json' matches no file; download the measuring jobs' artifacts first (actions/download-artifact with pattern: and merge-multiple: true)"
    ],
    ['report and bake together', { report: 'app/Dockerfile', bake: 'docker-bake.hcl' }, "report: publishes stored reports and builds nothing; unset 'bake' (or 'report')"],
    ['a bake file that is not there', { bake: 'docker-bake.hcl' }, "bake: no bake file at docker-bake.hcl; set 'bake' to your docker-bake.hcl, docker-bake.json or compose.yaml"],
    ['a bake file outside the workspace', { bake: '../outside/docker-bake.hcl' }, `bake: '../outside/docker-bake.hcl' is outside the workspace (${ws}); use a bake file inside the checkout`],
    ['a build input beside bake', { bake: 'docker-bake.hcl', 'build-args': 'A=1' }, 'build-args: not used with bake; set `args` in the bake file'],
    [
      'a one-image baseline beside bake',
      { bake: 'docker-bake.hcl', baseline: 'image', 'baseline-image': 'ghcr.io/o/app:main' },
      'baseline-image: not used with bake; it names one image; with bake each target is compared with its own base build'
    ]
  ])('many images: %s', async (_name, inputs, message) => {
    const r = await action(inputs)
    expect(r.exitCode).toBe(1)
    expect(r.errors).toEqual([message])
    noStack(r.stdout)
  })
})

describe("untrusted code: the action refuses to build a stranger's pull request", () => {
  const prTarget = {
    name: 'pull_request_target',
    payload: {
      pull_request: { number: 7, head: { sha: 'a'.repeat(40), ref: 'feature', repo: { full_name: 'stranger/app' } }, base: { sha: 'b'.repeat(40), ref: 'main' } },
      repository: { full_name: 'octo/app' }
    }
  }
  const forkRun = {
    name: 'workflow_run',
    payload: { workflow_run: { id: 9, event: 'pull_request', head_sha: 'a'.repeat(40), head_repository: { full_name: 'stranger/app' }, pull_requests: [] }, repository: { full_name: 'octo/app' } }
  }
  // No docker on PATH: any attempt to build would fail differently.
  const env = () => ({ PATH: path.join(dir, 'no-docker-here') })

  test('pull_request_target: refused, says why and the safe pattern, builds and publishes nothing', async () => {
    const r = await runActionInProcess({ workspace: ws, inputs: { context: 'app', budget: '20MB' }, event: prTarget, env: env() })
    const refusal = `refusing to build on pull_request_target: this event runs with a write token and the pull request's code is untrusted; ${SAFE_PATTERN}`
    expect(r.exitCode).toBe(1)
    expect(r.errors).toEqual([refusal])
    expect(r.outputs).toEqual({})
    expect(r.summary).toContain(refusal.replace(/`/g, '`'))
    expect(readdirSync(r.runnerTemp).sort()).toEqual(['event.json', 'output', 'summary.md', 'tool-cache'])
  })

  test("workflow_run for a fork's pull request: refused", async () => {
    const r = await runActionInProcess({ workspace: ws, inputs: { context: 'app' }, event: forkRun, env: env() })
    expect(r.exitCode).toBe(1)
    expect(r.errors).toEqual([`refusing to build in workflow_run for a pull request from stranger/app: its code is untrusted and this job has a write token; ${SAFE_PATTERN}`])
  })

  test('allow-untrusted-build: true lets the build start (here: no docker on PATH)', async () => {
    const r = await runActionInProcess({ workspace: ws, inputs: { context: 'app', 'allow-untrusted-build': 'true' }, event: prTarget, env: env() })
    expect(r.exitCode).toBe(1)
    expect(r.errors).toEqual(["'docker' is not installed or not on PATH"])
  })

  test('the safe pattern works on workflow_run: publishing a stored report builds nothing', async () => {
    const file = path.join(dir, 'stored.json')
    writeFileSync(file, JSON.stringify(passingScratch()))
    const r = await runActionInProcess({ workspace: ws, inputs: { report: file }, event: forkRun, env: env() })
    expect(r.exitCode).toBe(0)
    expect(r.errors).toEqual([])
    expect(r.outputs.status).toBe('pass')
    expect(r.outputs['comment-body']).toContain('go-image-budget')
  })

  test('dockerfile-only reads files and runs nothing, so it is allowed on pull_request_target', async () => {
    const r = await runActionInProcess({ workspace: ws, inputs: { context: 'app', 'dockerfile-only': 'true' }, event: prTarget, env: env() })
    expect(r.errors).toEqual([])
    expect(r.exitCode).toBe(0)
    // Findings on the Dockerfile (non-root, …) warn; nothing was built, so there is no size to fail.
    expect(r.outputs.status).toBe('warn')
  })
})
