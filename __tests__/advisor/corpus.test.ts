// The corpus: patterns found in public Go Dockerfiles, each reproduced in
// __tests__/corpus/<pattern>/ (our own Dockerfile, a tiny program, go.mod,
// sometimes a vendored fake module) with the findings an expert gives, by
// rule and line, and the base the suggestion ends on. Dockerfile-only here
// (no Docker); integration/corpus.test.ts builds the buildable ones and
// proves their suggestions start and do what the originals do.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Exec, Spawn } from '../../src/exec.js'
import { parseInputs, type InputName } from '../../src/inputs.js'
import { silentLogger } from '../../src/log.js'
import { runPipeline } from '../../src/pipeline/pipeline.js'

export interface CorpusCase {
  pattern: string
  query: string
  findings: [string, number][]
  suggestion: string | null
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

test('the corpus has at least 30 patterns, each buildable or saying why not', () => {
  expect(cases.length).toBeGreaterThanOrEqual(30)
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
  expect(report.findings.map((f) => [f.rule, f.line])).toEqual(c.findings)
  expect(report.suggestion?.base ?? null).toBe(c.suggestion)
  // Never a silent drop: every final-stage instruction of the original is in the suggestion, or a line says what replaced it.
  if (report.suggestion) {
    const original = readFileSync(path.join(dir, name, c.file ?? 'Dockerfile'), 'utf8').split('\n')
    const finalFrom = original
      .map((l, i) => [l, i] as const)
      .filter(([l]) => /^FROM /i.test(l))
      .pop()![1]
    // A final stage that builds in place: its steps up to the last go build are the build stage's (rewritten there).
    const lastBuild = Math.max(finalFrom, ...original.map((l, i) => (i > finalFrom && /\bgo (build|install)\b/.test(l) ? i : -1)))
    const kept = report.suggestion.dockerfile
    for (const line of original.slice(lastBuild + 1).filter((l) => /^(RUN|HEALTHCHECK|EXPOSE|ENV|LABEL|VOLUME|USER|ENTRYPOINT|CMD|ARG|WORKDIR) /.test(l))) {
      const words = line.replace(/^(\w+)\s+/, '')
      const carried =
        kept.includes(line) || kept.includes(`# replaced: ${line}`) || (/^(CMD|ENTRYPOINT) /.test(line) && kept.includes(line.split(' ')[0])) || (/^ENV /.test(line) && kept.includes(`ENV ${words}`))
      expect({ line, carried }).toEqual({ line, carried: true })
    }
  }
})
