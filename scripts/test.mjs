// `npm test`: every jest project, the two Docker engines side by side. One
// jest run per engine: the containerd-store engine's integration files with the
// scale tests in one, the default engine's with the unit tests in the other
// (the two then end within about a minute of each other). Within a
// run the files go one after the other, so two files never share an engine at
// once (tests of one file may remove untagged images another file built from
// the same Dockerfile, which has the same id). Arguments go to both runs
// (e.g. a test path). Exit 0 only when both pass.
import { spawn } from 'node:child_process'

const runs = [
  { name: 'containerd engine, scale', projects: ['integration-containerd', 'scale'] },
  { name: 'default engine, unit', projects: ['integration', 'unit'] }
]
const args = process.argv.slice(2)
const started = Date.now()
const seconds = () => Math.round((Date.now() - started) / 1000)

const outcomes = await Promise.all(
  runs.map(
    (run) =>
      new Promise((resolve) => {
        const child = spawn('npx', ['jest', '--runInBand', '--passWithNoTests', '--selectProjects', ...run.projects, ...args], {
          stdio: 'inherit',
          env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ') }
        })
        child.on('error', (error) => resolve({ run, code: 1, error, at: seconds() }))
        child.on('exit', (code, signal) => resolve({ run, code: code ?? 1, signal, at: seconds() }))
      })
  )
)
for (const { run, code, signal, error, at } of outcomes) {
  const how = error ? `could not start: ${error.message}` : signal ? `killed by ${signal}` : code === 0 ? 'passed' : `failed (exit ${code})`
  process.stderr.write(`npm test: jest for the ${run.name} ${how} after ${at} s\n`)
}
process.exit(outcomes.every((o) => o.code === 0) ? 0 : 1)
