// `--markdown PATH`: the CLI writes the pull-request comment it would post, so
// it can be previewed locally. Dockerfile-only mode needs no Docker.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { main } from '../src/cli.js'
import { readEmbeddedState } from '../src/report/embed.js'

test('--markdown writes the comment for the checked Dockerfile', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gib-cli-md-'))
  const out = path.join(dir, 'comment.md')
  const stdout = process.stdout.write
  process.stdout.write = (() => true) as typeof process.stdout.write
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
