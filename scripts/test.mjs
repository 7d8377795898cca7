// `npm test`: every jest project, the two Docker engines side by side. One
// jest run per engine: the containerd-store engine's integration files alone
// in one (its files take longest), the default engine's with the unit and
// scale tests in the other (on a fresh clone they ended after 1,071 s and
// 977 s; with the scale tests in the containerd engine's run, 1,083 s and
// 917 s). Within a
// run the files go one after the other, so two files never share an engine at
// once (tests of one file may remove untagged images another file built from
// the same Dockerfile, which has the same id). Arguments go to both runs
// (e.g. a test path). Exit 0 only when both pass.
//
// The action's and the CLI's bundles, which the tests run as programs, are
// built once here with the ncc commands of `npm run build` (read from
// package.json, their output in a scratch directory, never dist/), beside the
// two runs, instead of once per test file and engine (the action: six builds
// of half a minute of CPU each) or tsx compiling the sources on every start of
// the CLI; the tests wait for them (__tests__/helpers/programs.ts). With
// GO_IMAGE_BUDGET_BUNDLE_DIR set, they are built there and kept: .ci/run
// compares them with dist/ instead of building them a second time.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const runs = [
  { name: 'containerd engine', projects: ['integration-containerd'] },
  { name: 'default engine, unit and scale', projects: ['integration', 'unit', 'scale'] }
]
const args = process.argv.slice(2)
const started = Date.now()
const seconds = () => Math.round((Date.now() - started) / 1000)
// The packages are installed once this runs: .ci/run starts its checks beside
// the tests, at the lowest CPU priority, when this file appears.
if (process.env.GO_IMAGE_BUDGET_TESTS_STARTED) writeFileSync(process.env.GO_IMAGE_BUDGET_TESTS_STARTED, '')

const kept = process.env.GO_IMAGE_BUDGET_BUNDLE_DIR
const scratch = kept ? (mkdirSync(kept, { recursive: true }), kept) : mkdtempSync(path.join(os.tmpdir(), 'gib-bundle-'))
const bundled = process.env.GO_IMAGE_BUDGET_BUNDLE ? null : buildBundles(scratch)
const bundleEnv = bundled
  ? {
      GO_IMAGE_BUDGET_BUNDLE: path.join(scratch, 'dist', 'index.js'),
      GO_IMAGE_BUDGET_CLI_BUNDLE: path.join(scratch, 'dist', 'cli', 'index.js'),
      GO_IMAGE_BUDGET_BUNDLE_STATUS: path.join(scratch, 'status')
    }
  : {}

const outcomes = await Promise.all(
  runs.map(
    (run) =>
      new Promise((resolve) => {
        // The arguments go before --selectProjects, which would take a test path for a project's name.
        const child = spawn('npx', ['jest', '--runInBand', '--passWithNoTests', ...args, '--selectProjects', ...run.projects], {
          stdio: 'inherit',
          env: { ...process.env, ...bundleEnv, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ') }
        })
        child.on('error', (error) => resolve({ run, code: 1, error, at: seconds() }))
        child.on('exit', (code, signal) => resolve({ run, code: code ?? 1, signal, at: seconds() }))
      })
  )
)
await bundled
if (!kept) rmSync(scratch, { recursive: true, force: true })
for (const { run, code, signal, error, at } of outcomes) {
  const how = error ? `could not start: ${error.message}` : signal ? `killed by ${signal}` : code === 0 ? 'passed' : `failed (exit ${code})`
  process.stderr.write(`npm test: jest for the ${run.name} ${how} after ${at} s\n`)
}
process.exit(outcomes.every((o) => o.code === 0) ? 0 : 1)

/** Builds the bundles `npm run build` builds (its ncc commands, their output under `dir`), one after the other, then writes `dir`/status: `ok`, or why a build failed (the tests that need it say so). */
async function buildBundles(dir) {
  const ncc = (args) =>
    new Promise((resolve) => {
      const child = spawn('npx', ['ncc', ...args, '--quiet'], { stdio: ['ignore', 'inherit', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (chunk) => (stderr += chunk))
      child.on('error', (error) => resolve(`ncc could not start: ${error.message}`))
      child.on('exit', (code, signal) => resolve(code === 0 ? 'ok' : `ncc ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${stderr.slice(-4000)}`))
    })
  let status = 'ok'
  for (const args of nccCommands(dir)) if (status === 'ok') status = await ncc(args)
  writeFileSync(path.join(dir, 'status'), status)
}

/** The arguments of each `ncc` command in package.json's build script, each output directory (`-o`) moved under `dir`. */
function nccCommands(dir) {
  const build = JSON.parse(readFileSync('package.json', 'utf8')).scripts.build
  const commands = build
    .split('&&')
    .map((command) => command.trim().split(/\s+/))
    .filter((words) => words[0] === 'ncc')
    .map((words) => words.slice(1).map((word, i, args) => (args[i - 1] === '-o' ? path.join(dir, word) : word)))
  if (commands.length === 0) throw new Error("package.json's build script has no ncc command")
  return commands
}
