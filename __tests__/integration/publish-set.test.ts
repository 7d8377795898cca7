// Many images, one comment: the `comment` job of README's "Many images"
// workflow, run as written there. Its `report:` input and the files the
// download-artifact step lays out (each matrix job's `json:` inside its
// uploaded folder, merged into the download path) are read from the README,
// so the test fails if the documented workflow would not work. The bundled
// action runs against the local GitHub API (github-api.ts) with real webhook
// payloads; each test ends by asserting no violation of GitHub's OpenAPI
// description. The last test bakes for real: the action's `bake` input end to
// end, on the engine under test.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { readmeWorkflows } from '../../scripts/lint-workflows.js'
import { overBudgetSingleStage, passingScratch } from '../fixtures/reports.js'
import { renderCombined } from '../../src/render/combined.js'
import { readEmbeddedState } from '../../src/report/embed.js'
import { nameReports } from '../../src/report/set.js'
import { GITHUB_COMMENT_LIMIT } from '../../src/render/markdown.js'
import type { Report } from '../../src/report/types.js'
import { FORGED, SHA1, SHA2, example, reportFor, runAction, useBundledAction, withApi } from './bundled-action.js'

useBundledAction()

interface Step {
  uses?: string
  with?: Record<string, unknown>
}
interface Job {
  needs?: string
  strategy?: { matrix?: Record<string, string[]> }
  steps: Step[]
}

/** What the README's matrix workflow says about where reports go and how the comment job finds them. */
function documentedWorkflow() {
  const readme = readFileSync(path.resolve('README.md'), 'utf8')
  const block = readmeWorkflows(readme).find((w) => /needs: measure/.test(w.text))
  if (!block) throw new Error('README has no workflow with a job that needs: measure')
  const workflow = parse(block.text) as { jobs: Record<string, Job> }
  const measure = workflow.jobs.measure
  const comment = Object.values(workflow.jobs).find((j) => j.needs === 'measure') as Job
  const step = (job: Job, action: string) => job.steps.find((s) => s.uses?.startsWith(action)) as Step
  const measuring = step(measure, 'go-image-budget/')
  const upload = step(measure, 'actions/upload-artifact@')
  const download = step(comment, 'actions/download-artifact@')
  const publishing = step(comment, 'go-image-budget/')
  expect(measuring.with?.comment).toBe('never')
  expect(download.with?.['merge-multiple']).toBe(true)
  expect(publishing.with?.report).toBeTruthy()
  return {
    images: measure.strategy?.matrix?.image ?? [],
    /** Where the comment job finds an image's report: its `json:` path inside the uploaded folder, under the download path. */
    fileOf: (image: string) => {
      const json = String(measuring.with?.json).replace('${{ matrix.image }}', image)
      return path.join(String(download.with?.path), path.relative(String(upload.with?.path), json))
    },
    commentKeyOf: (image: string) => String(measuring.with?.['comment-key']).replace('${{ matrix.image }}', image),
    inputs: { report: String(publishing.with?.report) }
  }
}

const flow = documentedWorkflow()

/** A measured report as a matrix job writes it: named by its comment-key, at `commit`. */
function measured(image: string, commit: string, build: () => Report, grow = 0): Report {
  const report = reportFor(commit, build, grow)
  report.name = flow.commentKeyOf(image)
  // The change against the base as the measuring run's budget stage records it (the comment reads it, never recomputes it).
  const base = report.baseline.size?.uncompressed as number
  report.delta = { ...report.delta!, uncompressed: report.size.uncompressed - base, percent: ((report.size.uncompressed - base) / base) * 100, metric: 'uncompressed' }
  return report
}
const artifacts = (reports: Record<string, Report>) => Object.fromEntries(Object.entries(reports).map(([image, report]) => [flow.fileOf(image), JSON.stringify(report)]))

/** The overview table's rows. */
const rows = (body: string) => body.split('\n').filter((l) => /^\| (?:✅|⚠️|❌)(?: \(was (?:✅|⚠️|❌)\))? \| `/.test(l))
const detailNames = (body: string) => [...body.matchAll(/^<details><summary>(?:✅|⚠️|❌) <b>([^<]+)<\/b>/gm)].map((m) => m[1])
const pushesOf = (body: string, name: string) =>
  readEmbeddedState(body)
    ?.images?.find((i) => i.name === name)
    ?.history.filter((p) => p.label !== 'base')
    .map((p) => p.commit)

function threeImages(commit: string, grow = 0): Record<string, Report> {
  const [api, worker, cron] = flow.images
  const warned = measured(cron, commit, passingScratch)
  warned.status = 'warn'
  warned.budget = { ...warned.budget, status: 'warn', reason: 'image is 1.82 MB, past the 1.5 MB warning threshold (uncompressed)' }
  const over = measured(api, commit, overBudgetSingleStage, grow)
  over.budget.reason = `image is ${over.size.uncompressed > 817e6 ? '818' : '816'} MB, over the 20 MB budget (uncompressed)`
  return { [api]: over, [worker]: measured(worker, commit, passingScratch), [cron]: warned }
}

describe("the comment job of README's matrix workflow", () => {
  test('3 reports: one comment, worst verdict first, a row per image with its sizes; the next push updates it', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      expect(flow.images).toEqual(['api', 'worker', 'cron'])
      const opened = example('pull_request', (e) => e.action === 'opened')
      const first = await runAction({ api, event: 'pull_request', payload: opened, report: null, files: artifacts(threeImages(SHA1)), inputs: flow.inputs })
      expect(first.stdout).not.toContain('::error')
      expect(first.code).toBe(0)
      expect(first.warnings).toEqual([])
      const comments = api.commentsOn(opened.number)
      expect(comments).toHaveLength(1)
      const body = comments[0].body
      expect(body).toBe(first.outputs['comment-body'])
      expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
      expect(body.split('\n')[0]).toBe('### ❌ 3 images: 1 failed, 1 warned, 1 passed')
      expect(rows(body)).toEqual([
        '| ❌ | `api` | 816 MB | 343 MB | +1.1 MB (+0.1%) | 20 MB |',
        '| ⚠️ | `cron` | 1.82 MB | 1.01 MB | 👏 -300 kB (-14%) | 20 MB |',
        '| ✅ | `worker` | 1.82 MB | 1.01 MB | 👏 -300 kB (-14%) | 20 MB |'
      ])
      expect(detailNames(body)).toEqual(['api', 'cron', 'worker'])
      expect(first.summary.split('\n')[0]).toBe('### ❌ 3 images: 1 failed, 1 warned, 1 passed')
      // Outputs for the set: the worst verdict, a JSON list of one report file per image.
      expect(first.outputs.status).toBe('fail')
      const files = JSON.parse(first.outputs.report) as string[]
      expect(files.map((f) => (JSON.parse(readFileSync(f, 'utf8')) as Report).name).sort()).toEqual(['api', 'cron', 'worker'])
      expect(first.outputs.size).toBeUndefined()

      const synchronize = example('pull_request', (e) => e.action === 'synchronize')
      synchronize.pull_request.head.sha = SHA2
      const second = await runAction({ api, event: 'pull_request', payload: synchronize, report: null, files: artifacts(threeImages(SHA2, 2_000_000)), inputs: flow.inputs })
      expect(second.code).toBe(0)
      const after = api.commentsOn(opened.number)
      expect(after).toHaveLength(1)
      expect(after[0].id).toBe(comments[0].id)
      expect(rows(after[0].body)[0]).toBe('| ❌ | `api` | 818 MB | 343 MB | +3.1 MB (+0.4%) | 20 MB |')
      // Each image's trend: both pushes, kept under its name.
      for (const name of ['api', 'cron', 'worker']) expect(pushesOf(after[0].body, name)).toEqual([SHA1, SHA2])
      expect(after[0].body).toContain('| `ec26c3e` | 816 MB |')
      expect(after[0].body).toContain('| `2222222` | 818 MB |')
      expect(api.requests.filter((r) => r.method === 'PATCH' || (r.method === 'POST' && r.path.endsWith('/comments'))).map((r) => r.method)).toEqual(['POST', 'PATCH'])
    }))

  test('50 reports: one comment under the limit with all 50 rows; the next push updates the same comment', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const names = Array.from({ length: 50 }, (_, i) => `service-${String(i + 1).padStart(2, '0')}`)
      const set = (commit: string, grow: number) =>
        Object.fromEntries(
          names.map((name, i) => {
            const report = measured(name, commit, i % 5 === 0 ? overBudgetSingleStage : passingScratch, grow + i * 1000)
            if (i % 5 === 0) report.budget.reason = 'image is 816 MB, over the 20 MB budget (uncompressed)'
            return [name, report]
          })
        )
      const opened = example('pull_request', (e) => e.action === 'opened')
      const first = await runAction({ api, event: 'pull_request', payload: opened, report: null, files: artifacts(set(SHA1, 0)), inputs: flow.inputs })
      expect(first.code).toBe(0)
      const [comment] = api.commentsOn(2)
      expect(comment.body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
      expect(comment.body.split('\n')[0]).toBe('### ❌ 50 images: 10 failed, 40 passed')
      const shown = rows(comment.body)
      expect(shown).toHaveLength(50)
      expect(shown[0]).toBe('| ❌ | `service-01` | 816 MB | 343 MB | +1.1 MB (+0.1%) | 20 MB |')
      expect(shown).toContain('| ✅ | `service-50` | 1.87 MB | 1.01 MB | 👏 -251 kB (-12%) | 20 MB |')
      for (const name of names) expect(shown.filter((r) => r.includes(`| \`${name}\` |`))).toHaveLength(1)
      expect(first.outputs.status).toBe('fail')
      expect(JSON.parse(first.outputs.report)).toHaveLength(50)

      const synchronize = example('pull_request', (e) => e.action === 'synchronize')
      synchronize.pull_request.head.sha = SHA2
      const second = await runAction({ api, event: 'pull_request', payload: synchronize, report: null, files: artifacts(set(SHA2, 500)), inputs: flow.inputs })
      expect(second.code).toBe(0)
      const after = api.commentsOn(2)
      expect(after).toHaveLength(1)
      expect(after[0].id).toBe(comment.id)
      expect(after[0].body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
      expect(readEmbeddedState(after[0].body)?.images).toHaveLength(50)
      for (const name of names) expect(pushesOf(after[0].body, name)).toEqual([SHA1, SHA2])
    }))

  test('the fork-safe variant: workflow_run, the pull request from pr-number next to the reports, checked against its head', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const completed = example('workflow_run', (e) => e.action === 'completed' && e.workflow_run.pull_requests.length === 0 && e.repository.full_name === 'Codertocat/Hello-World')
      const headSha = completed.workflow_run.head_sha as string
      const opened = example('pull_request', (e) => e.action === 'opened')
      api.pulls.push({ number: 2, headSha, headRef: 'changes', state: 'open', payload: opened.pull_request })
      const reports = threeImages(headSha)
      const files = { ...artifacts(reports), [path.join(path.dirname(flow.fileOf('api')), 'pr-number')]: '2\n' }
      const result = await runAction({ api, event: 'workflow_run', payload: completed, report: null, files, inputs: flow.inputs })
      expect(result.code).toBe(0)
      expect(result.warnings).toEqual([])
      const [comment] = api.commentsOn(2)
      expect(comment.body.split('\n')[0]).toBe('### ❌ 3 images: 1 failed, 1 warned, 1 passed')
      expect(readEmbeddedState(comment.body)?.order).toBe(completed.workflow_run.id)
      expect(api.requests[0].path).toBe('/repos/Codertocat/Hello-World/pulls/2')
    }))

  test('a pasted copy of the comment (marker and per-image trends) is neither read nor edited', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const forged = threeImages('e'.repeat(40))
      for (const r of Object.values(forged)) r.history.push({ commit: FORGED, at: '2026-11-28T00:00:00.000Z', uncompressed: 1, compressed: 1 })
      const stranger = example('issue_comment', (e) => e.action === 'created').comment.user as { login: string; type: 'User' }
      const pasted = api.seedComment(2, renderCombined(nameReports(Object.values(forged)), { order: 999_999_999 }), stranger.login, stranger.type)
      const before = pasted.body
      const opened = example('pull_request', (e) => e.action === 'opened')
      const result = await runAction({ api, event: 'pull_request', payload: opened, report: null, files: artifacts(threeImages(SHA1)), inputs: flow.inputs, runId: 1500 })
      expect(result.code).toBe(0)
      expect(result.warnings).toEqual([
        expect.stringContaining(
          `Ignored a comment that carries this action's marker but was not written by github-actions[bot] (https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${pasted.id} by ${stranger.login})`
        )
      ])
      const comments = api.commentsOn(2)
      expect(comments.map((c) => c.login)).toEqual([stranger.login, 'github-actions[bot]'])
      expect(pasted.body).toBe(before)
      for (const name of ['api', 'cron', 'worker']) expect(pushesOf(comments[1].body, name)).toEqual([SHA1])
    }))

  test('a single-image comment on the same pull request (another comment-key) is left alone', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const opened = example('pull_request', (e) => e.action === 'opened')
      await runAction({ api, event: 'pull_request', payload: opened, report: reportFor(SHA1), inputs: { 'comment-key': 'legacy' } })
      const single = api.commentsOn(2)[0].body
      await runAction({ api, event: 'pull_request', payload: opened, report: null, files: artifacts(threeImages(SHA1)), inputs: flow.inputs })
      const bodies = api.commentsOn(2).map((c) => c.body)
      expect(bodies).toHaveLength(2)
      expect(bodies[0]).toBe(single)
      expect(bodies[1]).toContain('<!-- go-image-budget:default -->')
    }))

  test('a real bake run: the bundled action bakes both targets in one run, comments once, and the failing image fails the step', () =>
    withApi('Codertocat', 'Hello-World', async (api) => {
      const ws = mkdtempSync(path.join(os.tmpdir(), 'gib-bake-action-'))
      try {
        const nonce = `${Date.now()}-${process.pid}`
        const put = (rel: string, text: string) => {
          mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true })
          writeFileSync(path.join(ws, rel), text)
        }
        for (const [name, final] of [
          ['api', 'scratch'],
          ['worker', 'alpine']
        ]) {
          put(`${name}/go.mod`, `module ${name}\n\ngo 1.19\n`)
          put(`${name}/main.go`, `package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("${name} ${nonce}") }\n`)
          put(
            `${name}/Dockerfile`,
            `FROM golang:alpine AS build\nWORKDIR /src\nCOPY go.mod main.go ./\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM ${final}\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`
          )
        }
        put('docker-bake.hcl', 'group "default" {\n  targets = ["api", "worker"]\n}\ntarget "api" {\n  context = "api"\n}\ntarget "worker" {\n  context = "worker"\n}\n')
        const opened = example('pull_request', (e) => e.action === 'opened')
        const result = await runAction({
          api,
          event: 'pull_request',
          payload: opened,
          report: null,
          workspace: ws,
          inputs: { bake: 'docker-bake.hcl', budget: '3MB', baseline: 'none', 'verify-suggestion': 'false', cleanup: 'true' }
        })
        // The worker (alpine + the program) is over 3 MB, the api (scratch + the program) is not.
        expect(result.code).toBe(1)
        expect(result.stdout).toMatch(/^::error::worker: image is \d+(\.\d+)? MB, over the 3 MB budget \(uncompressed\)$/m)
        const comments = api.commentsOn(2)
        expect(comments).toHaveLength(1)
        expect(comments[0].body).toBe(result.outputs['comment-body'])
        expect(comments[0].body.split('\n')[0]).toBe('### ❌ 2 images: 1 failed, 1 passed')
        expect(rows(comments[0].body).map((r) => r.split(' | ').slice(0, 2).join(' | '))).toEqual(['| ❌ | `worker`', '| ✅ | `api`'])
        expect(result.outputs.status).toBe('fail')
        const reports = (JSON.parse(result.outputs.report) as string[]).map((f) => JSON.parse(readFileSync(f, 'utf8')) as Report)
        expect(reports.map((r) => [r.name, r.image.bakeTarget, r.status])).toEqual([
          ['api', 'api', 'pass'],
          ['worker', 'worker', 'fail']
        ])
        // cleanup: true removed what the bake run built.
        for (const r of reports) expect(spawnSync('docker', ['image', 'inspect', r.image.id]).status).not.toBe(0)
      } finally {
        rmSync(ws, { recursive: true, force: true })
      }
    }))
})
