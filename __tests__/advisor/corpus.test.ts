// The corpus: patterns found in public Go Dockerfiles, each reproduced in
// __tests__/corpus/<pattern>/ (our own Dockerfile, a tiny program, go.mod,
// sometimes a vendored fake module) with the findings an expert gives, by
// rule and line, and the base the suggestion ends on. Dockerfile-only here
// (no Docker); integration/corpus.test.ts builds the buildable ones and
// proves their suggestions start and do what the originals do.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { applyEdits } from '../../src/advisor/edits.js'
import type { Exec, Spawn } from '../../src/exec.js'
import { parseInputs, type InputName } from '../../src/inputs.js'
import { silentLogger } from '../../src/log.js'
import { runPipeline } from '../../src/pipeline/pipeline.js'

export interface CorpusCase {
  pattern: string
  query: string
  /** [rule, severity, line]: the severity says whether the finding rests on a fact the input shows (warning, error) or says what to check (info). */
  findings: [string, string, number][]
  suggestion: string | null
  /** A finding's exact fix, by rule ('' for a finding that offers no fix). */
  fixes?: Record<string, string>
  /** Text a finding's message or fix must carry: [rule, text]. */
  mentions?: [string, string][]
  /** Text no finding, fix or suggestion may carry. */
  avoids?: string[]
  file?: string
  buildable: boolean
  why?: string
  behaviour?: { args?: string[]; output?: string; originalOutput?: string; health?: string[]; originalFails?: boolean }
  layerLines?: Record<string, number>
}

const dir = path.join('__tests__', 'corpus')
const cases = readdirSync(dir)
  .sort()
  .map((name) => [name, JSON.parse(readFileSync(path.join(dir, name, 'expect.json'), 'utf8')) as CorpusCase] as const)
const noCommand: Exec = async (command) => {
  throw new Error(`dockerfile-only ran ${command}`)
}
const noSpawn: Spawn = (command) => {
  throw new Error(`dockerfile-only spawned ${command}`)
}

test('the corpus has at least 70 patterns, each buildable or saying why not', () => {
  expect(cases.length).toBeGreaterThanOrEqual(70)
  for (const [, c] of cases) expect(c.buildable || typeof c.why === 'string').toBe(true)
})

test.each(cases)('%s', async (name, c) => {
  // No `file`: the Dockerfile is found as docker finds it (`dockerfile` too).
  const raw: Partial<Record<InputName, string>> = { context: path.join(dir, name), 'dockerfile-only': 'true' }
  const report = await runPipeline(
    parseInputs((n) => raw[n] ?? ''),
    { workspace: process.cwd(), commit: null },
    {
      exec: noCommand,
      spawn: noSpawn,
      tempDir: '/nonexistent',
      cacheDir: '/nonexistent',
      log: silentLogger,
      now: () => new Date(0)
    }
  )
  expect(report.image.dockerfile).toBe(path.join(dir, name, c.file ?? 'Dockerfile'))
  expect(report.findings.map((f) => [f.rule, f.severity, f.line])).toEqual(c.findings)
  expect(report.suggestion?.base ?? null).toBe(c.suggestion)
  for (const [rule, fix] of Object.entries(c.fixes ?? {})) expect({ rule, fix: report.findings.find((f) => f.rule === rule)?.fix }).toEqual({ rule, fix })
  for (const [rule, text] of c.mentions ?? []) {
    const f = report.findings.find((x) => x.rule === rule)
    expect({ rule, text, said: f !== undefined && `${f.message}\n${f.fix}`.includes(text) }).toEqual({ rule, text, said: true })
  }
  const everything = [...report.findings.flatMap((f) => [f.message, f.fix]), report.suggestion?.dockerfile ?? '']
  for (const text of c.avoids ?? []) expect(everything.filter((t) => t.includes(text))).toEqual([])
  // One voice: no message reads (like (this (and that))).
  expect(report.findings.map((f) => f.message).filter((m) => /\([^()]*\(/.test(m))).toEqual([])
  // A fix the advisor could not check on the Dockerfile it makes is withdrawn; none in the corpus may be.
  expect(report.findings.filter((f) => f.message.includes('No fix is offered'))).toEqual([])
  // Never a silent drop: the suggestion, and every fix that rewrites the final stage, keeps each final-stage instruction or says what replaced it.
  const original = readFileSync(path.join(dir, name, c.file ?? 'Dockerfile'), 'utf8')
  const finalFrom = original.split('\n').reduce((at, l, i) => (/^FROM /i.test(l) ? i : at), 0)
  const rewritesFinal = report.findings.filter((f) => f.edits?.some((e) => e.line === finalFrom + 1 && e.endLine > e.line))
  for (const kept of [...(report.suggestion ? [report.suggestion.dockerfile] : []), ...rewritesFinal.map((f) => applyEdits(original, f.edits!))]) expect(dropped(original, kept)).toEqual([])
})

/** The original's final-stage instructions (after its last go build) that `kept` neither has nor says it replaced. */
function dropped(text: string, kept: string): string[] {
  const original = text.split('\n')
  const finalFrom = original
    .map((l, i) => [l, i] as const)
    .filter(([l]) => /^FROM /i.test(l))
    .pop()![1]
  // A final stage that builds in place: its steps up to the last go build are the build stage's (rewritten there).
  const lastBuild = Math.max(finalFrom, ...original.map((l, i) => (i > finalFrom && /\bgo (build|install)\b/.test(l) ? i : -1)))
  return original
    .slice(lastBuild + 1)
    .filter((l) => /^(RUN|HEALTHCHECK|EXPOSE|ENV|LABEL|VOLUME|USER|ENTRYPOINT|CMD|ARG|WORKDIR) /.test(l))
    .filter((line) => {
      const words = line.replace(/^(\w+)\s+/, '')
      return !(
        kept.includes(line) ||
        kept.includes(`# replaced: ${line}`) ||
        (/^(CMD|ENTRYPOINT) /.test(line) && kept.includes(line.split(' ')[0])) ||
        (/^ENV /.test(line) && kept.includes(`ENV ${words}`))
      )
    })
}
