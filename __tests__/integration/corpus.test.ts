// The buildable corpus patterns (__tests__/corpus/<pattern>/, see
// ../corpus.test.ts) on the real engine, each built once with the stand-in
// base images and no network: the measured findings an expert gives, the
// suggestion verified (it starts: its files, its config, an offline start),
// and the suggestion doing what the original does: the same output for the
// same arguments, or, for a server, the same answer to its health probe
// asked inside the running container (no network). Where the original is
// itself broken (the finding says so), the suggestion works and the original
// does not.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CorpusCase } from '../advisor/corpus.test.js'
import { adviseAndProve, askRunning, removeAll, runOffline } from './harness.js'

const root = process.cwd()
const dir = path.join('__tests__', 'corpus')
const cases = readdirSync(dir)
  .sort()
  .map((name) => [name, JSON.parse(readFileSync(path.join(dir, name, 'expect.json'), 'utf8')) as CorpusCase & { built?: { findings: [string, string, number][] } }] as const)
  .filter(([, c]) => c.buildable)
let tempDir: string

beforeAll(() => {
  execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe' })
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'gib12-corpus-'))
})
afterAll(async () => {
  await removeAll()
  if (tempDir) rmSync(tempDir, { recursive: true, force: true })
})

test.each(cases)('%s', async (name, c) => {
  const { report, original, suggestion } = await adviseAndProve(path.join(dir, name), {}, { workspace: root, tempDir })
  expect(report.findings.map((f) => [f.rule, f.severity, f.line])).toEqual(c.built!.findings)
  for (const [instruction, line] of Object.entries(c.layerLines ?? {})) {
    expect(report.layers.find((l) => l.instruction === instruction)?.dockerfileLine).toBe(line)
  }
  if (c.suggestion === null) expect(report.suggestion).toBeNull()
  else {
    expect(report.suggestion).toMatchObject({ base: c.suggestion, verified: true, error: null })
    expect(report.suggestion!.proof!.start).toMatchObject({ ok: true })
    expect(report.suggestion!.proof!.checks.filter((k) => k.required && !k.ok)).toEqual([])
  }
  // Where the case expects a suggestion, its image was built, and it does what the original does.
  expect(suggestion === null).toBe(c.suggestion === null)
  const b = c.behaviour!
  const images = [original, ...(suggestion ? [suggestion] : [])]
  if (b.health) {
    const answers = await Promise.all(images.map((image) => askRunning(image, b.health!)))
    const expected = { code: 0, output: `ok ${name}` }
    if (b.originalFails) expect(answers[0].code).not.toBe(0)
    else expect(answers[0]).toEqual(expected)
    if (c.suggestion !== null) expect(answers[1]).toEqual(expected)
  } else {
    const [was, now] = await Promise.all(images.map((image) => runOffline(image, b.args ?? [])))
    expect(was).toEqual({ code: 0, output: b.originalOutput ?? b.output })
    if (c.suggestion !== null) expect(now).toEqual({ code: 0, output: b.output })
  }
})
