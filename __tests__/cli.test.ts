// The CLI as a new user meets it: --help (groups, examples, plain text), a
// context without a Dockerfile, and the terminal's baseline line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ACTION_ONLY, HELP_GROUPS, helpText } from '../src/cli-help.js'
import { findDockerfiles, main } from '../src/cli.js'
import { INPUT_SPECS, type InputName } from '../src/inputs.js'
import { renderTerminal } from '../src/render/terminal.js'
import { passingScratch } from './fixtures/reports.js'

// Node prints its one-time ExperimentalWarning for jest's VM modules on a later
// tick after this file loads: let it out before anything is captured.
beforeAll(() => new Promise((resolve) => setImmediate(resolve)))

/** Runs main() and collects what it prints. */
async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const [out, err] = [process.stdout.write, process.stderr.write]
  process.stdout.write = (chunk: string) => ((stdout += chunk), true)
  process.stderr.write = (chunk: string) => ((stderr += chunk), true)
  try {
    return { code: await main(argv), stdout, stderr }
  } finally {
    process.stdout.write = out
    process.stderr.write = err
  }
}

describe('--help', () => {
  const help = helpText()

  test('opens with the purpose, usage and examples, then the groups in order, then --help/--version and exit codes', () => {
    const headings = help.split('\n').filter((l) => /^[A-Z][^:]*:$/.test(l))
    expect(headings).toEqual(['Examples:', ...HELP_GROUPS.map((g) => `${g.title}:`), 'General:'])
    expect(help).toMatch(/^go-image-budget \S+: build a Go container image, measure it/)
    expect(help).toMatch(/\n {2}go-image-budget --dockerfile-only\n {6}Check \.\/Dockerfile/)
    expect(help).toMatch(/\n {2}go-image-budget --base-ref main /)
    expect(help).toMatch(/\n {2}--version {2,}Print the version\./)
    expect(help).toMatch(/Exit codes: 0 pass or warn, 1 fail \(as --fail-on says\), 2 usage or environment error\.$/)
  })

  test('every input is described once, except the action-only ones, which are named once at the end', () => {
    for (const name of Object.keys(INPUT_SPECS) as InputName[]) {
      const described = help.split('\n').filter((l) => l.startsWith(`  --${name} `) || l === `  --${name}`)
      expect([name, described.length]).toEqual([name, ACTION_ONLY.includes(name) ? 0 : 1])
    }
    expect(help).toContain('GitHub Action only (accepted here, no effect in a terminal): --comment, --github-token,')
  })

  test('plain text: no markdown code spans; says that a local comparison needs --base-ref', () => {
    expect(help).not.toContain('`')
    expect(help).toContain('There is no pull request in a terminal: name the base with --base-ref (e.g. --base-ref main)')
    expect(help.split('\n').every((l) => l.length <= 100)).toBe(true)
  })

  test('--help and --version through main()', async () => {
    expect((await cli(['--help'])).stdout).toBe(help)
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) })
  })
})

describe('a context without a Dockerfile', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gib-cli-'))
    for (const file of ['services/api/Dockerfile', 'services/worker/Dockerfile', 'tools/Dockerfile.dev', 'node_modules/x/Dockerfile', 'README.md']) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      writeFileSync(path.join(dir, file), 'FROM scratch\n')
    }
    mkdirSync(path.join(dir, 'empty'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('findDockerfiles: the Dockerfiles below, skipping node_modules, vendor and hidden folders', () => {
    expect(findDockerfiles(dir)).toEqual(['services/api/Dockerfile', 'services/worker/Dockerfile', 'tools/Dockerfile.dev'])
  })

  test('names what it found and the flag that builds it (exit 2, before any Docker command)', async () => {
    const shown = path.relative(process.cwd(), dir)
    const r = await cli(['--context', dir])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      `go-image-budget: no Dockerfile in ${shown}; found services/api/Dockerfile, services/worker/Dockerfile, tools/Dockerfile.dev: run e.g. go-image-budget --context ${path.join(shown, 'services/api')} (add --dockerfile-only to check it without Docker)\n`
    )
    const none = await cli(['--context', path.join(dir, 'empty')])
    expect(none.stderr).toMatch(
      /^go-image-budget: no Dockerfile in \S+empty or below it: run this in a directory with one, or name it with --file PATH \(--image REF measures an image already built\)\n$/
    )
  })
})

describe('the terminal summary', () => {
  test('nothing compared: says so, and how to compare locally', () => {
    const report = { ...passingScratch(), baseline: { source: 'none' as const, ref: null, commit: null, size: null, layers: [], error: null }, delta: null, layerDiff: null }
    expect(renderTerminal(report, { baseHint: '--base-ref main' })).toContain('\n  baseline: none, nothing compared (compare with a branch: --base-ref main)\n')
    expect(renderTerminal(report)).toContain('\n  baseline: none, nothing compared\n')
  })

  test('dockerfile-only: one line says what was not done; no "none:" verdict line', async () => {
    const r = await cli(['--dockerfile-only', '--context', 'examples/helloworld', '--file', 'examples/helloworld/Dockerfile.5-multistage-scratch'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('\n  dockerfile-only: nothing built, no sizes, nothing compared\n')
    expect(r.stdout).not.toMatch(/^\s*none:/m)
    expect(r.stdout).not.toContain('baseline: none')
    // Findings are markdown in the comment, plain text here (the suggested Dockerfile is printed as it is).
    const findings = r.stdout.split('\n').filter((l) => /^ {2}\S+:\d+ {2}(error|warning|info) {2}/.test(l))
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.join('\n')).not.toContain('`')
    expect(findings.join('\n')).toContain('-ldflags="-s -w"')
  })
})
