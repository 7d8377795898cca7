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
import { buildFixes, removeFixImages } from './fix-snippets.js'
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
  // Every fix that edits the Dockerfile is built and started like the suggestion, and must do the same.
  const fixes = await buildFixes(path.join(dir, name), c.file ?? 'Dockerfile', report.findings, tempDir)
  expect(fixes.map((f) => ({ rules: f.rules, error: f.error }))).toEqual(fixes.map((f) => ({ rules: f.rules, error: null })))
  // Where the original does not start, only the fixes of its error-level findings repair it; the others must still build.
  const errors = new Set<string>(report.findings.filter((f) => f.severity === 'error').map((f) => f.rule))
  const fixed = fixes.filter((f) => !b.originalFails || f.rules.some((r) => errors.has(r))).map((f) => f.image!)
  const images = [original, ...(suggestion ? [suggestion] : []), ...fixed]
  if (b.health) {
    const answers = await Promise.all(images.map((image) => askRunning(image, b.health!)))
    const expected = { code: 0, output: `ok ${name}` }
    if (b.originalFails) expect(answers[0].code).not.toBe(0)
    else expect(answers[0]).toEqual(expected)
    for (const answer of answers.slice(1)) expect(answer).toEqual(expected)
  } else {
    const [was, ...now] = await Promise.all(images.map((image) => runOffline(image, b.args ?? [])))
    expect(was).toEqual({ code: 0, output: b.originalOutput ?? b.output })
    if (suggestion) expect(now[0]).toEqual({ code: 0, output: b.output })
    // A fix alone does what the original does, or what the suggestion does where the original's output was its base's.
    for (const output of now.slice(suggestion ? 1 : 0))
      expect([
        { code: 0, output: b.output },
        { code: 0, output: b.originalOutput ?? b.output }
      ]).toContainEqual(output)
  }
  await removeFixImages(fixes)
})
