// `--markdown PATH`: the CLI writes the pull-request comment it would post, so
// it can be previewed locally, one image or several (--report). Dockerfile-only
// mode and stored reports need no Docker.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { main } from '../src/cli.js'
import { readEmbeddedState } from '../src/report/embed.js'
import { overBudgetSingleStage, passingScratch } from './fixtures/reports.js'

test('--markdown writes the comment for the checked Dockerfile', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gib-cli-md-'))
  const out = path.join(dir, 'comment.md')
  const stdout = process.stdout.write
  process.stdout.write = () => true
  try {
    const code = await main(['--context', 'examples/helloworld', '--file', 'examples/helloworld/Dockerfile.2-golang-latest', '--dockerfile-only', '--comment-key', 'hello', '--markdown', out])
    expect(code).toBe(0)
  } finally {
    process.stdout.write = stdout
  }
  const body = readFileSync(out, 'utf8')
  expect(body.split('\n')[0]).toMatch(/^### (⚠️|❌|✅) hello: Dockerfile check: \d+ findings? \(no image built\)$/)
  expect(body).toContain('`multi-stage`')
  expect(body).toContain('<!-- go-image-budget:hello -->')
  expect(readEmbeddedState(body)?.key).toBe('hello')
  rmSync(dir, { recursive: true, force: true })
})

test('--report with a glob: several stored reports render as one comment; exit 0 (their runs judged them)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gib-cli-set-'))
  writeFileSync(path.join(dir, 'api.json'), JSON.stringify({ ...overBudgetSingleStage(), name: 'api' }))
  writeFileSync(path.join(dir, 'worker.json'), JSON.stringify({ ...passingScratch(), name: 'worker' }))
  const out = path.join(dir, 'out', 'comment.md')
  const json = path.join(dir, 'out', 'reports.json')
  let printed = ''
  const stdout = process.stdout.write
  process.stdout.write = (chunk: string) => {
    printed += chunk
    return true
  }
  try {
    expect(await main(['--report', path.join(dir, '*.json'), '--markdown', out, '--json', json, '--comment-key', 'services'])).toBe(0)
  } finally {
    process.stdout.write = stdout
  }
  const body = readFileSync(out, 'utf8')
  expect(body.split('\n')[0]).toBe('### ❌ services: 2 images: 1 failed, 1 passed')
  expect(body).toContain('<!-- go-image-budget:services -->')
  expect(readEmbeddedState(body)?.images?.map((i) => i.name)).toEqual(['api', 'worker'])
  expect((JSON.parse(readFileSync(json, 'utf8')) as { name: string }[]).map((r) => r.name)).toEqual(['api', 'worker'])
  expect(printed).toMatch(/^── api\nFAIL {2}examples\/helloworld\/Dockerfile\.golang/)
  expect(printed).toContain('── worker\nPASS')
  rmSync(dir, { recursive: true, force: true })
})
