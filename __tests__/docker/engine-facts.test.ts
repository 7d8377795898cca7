// What the engine says about itself is asked once per process and daemon, not
// once per adapter: a run makes several (the base branch, the suggestion's
// proof, a bake file's images), and each `docker info` starts the CLI and its
// plugins. The answers are kept per exec collaborator and per the variables
// that choose the daemon, and a failed answer is asked again.
import { Docker } from '../../src/docker/docker.js'
import type { Exec, ExecResult, Spawn } from '../../src/exec.js'

const INFO = JSON.stringify({ ServerVersion: '28.5.2', Driver: 'overlay2', DriverStatus: [], SecurityOptions: [], DockerRootDir: '/var/lib/docker' })
const VERSION = JSON.stringify({ Version: '28.5.2', GoVersion: 'go1.27.1', ApiVersion: '1.51' })
const spawn: Spawn = () => {
  throw new Error('no streams here')
}

/** A fake engine that counts the commands it answers; `failFirst` makes its first `docker info` fail. */
function fakeEngine(options: { failFirst?: boolean } = {}) {
  const asked: string[] = []
  let failures = options.failFirst ? 1 : 0
  const exec: Exec = async (_command, args) => {
    const line = args.slice(0, 2).join(' ')
    asked.push(line)
    const ok = (stdout: string): ExecResult => ({ code: 0, stdout, stderr: '' })
    if (line === 'info --format') {
      if (failures-- > 0) return { code: 1, stdout: '', stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock' }
      return ok(INFO)
    }
    if (line === 'version --format') return ok(VERSION)
    if (line === 'context inspect') return ok('unix:///var/run/docker.sock\n')
    if (line === 'buildx inspect') return ok(`Name: ${args[2] ?? 'default'}\nDriver: ${args[2] === 'ci' ? 'docker-container' : 'docker'}\n`)
    return { code: 1, stdout: '', stderr: `unexpected: docker ${args.join(' ')}` }
  }
  return { exec, asked }
}

const count = (asked: string[], line: string) => asked.filter((a) => a === line).length
let savedHost: string | undefined

beforeEach(() => {
  savedHost = process.env.DOCKER_HOST
  delete process.env.DOCKER_HOST
})
afterEach(() => {
  if (savedHost === undefined) delete process.env.DOCKER_HOST
  else process.env.DOCKER_HOST = savedHost
})

test('the engine, the daemon host and a builder driver are asked once for every adapter of the process', async () => {
  const engine = fakeEngine()
  for (let i = 0; i < 3; i++) {
    const docker = new Docker({ exec: engine.exec, spawn })
    await expect(docker.store.engine()).resolves.toMatchObject({ version: '28.5.2', goVersion: 'go1.27.1', store: 'overlay2' })
    await expect(docker.push.daemonHost()).resolves.toBe('unix:///var/run/docker.sock')
    await expect(docker.buildx.builderDriver(null)).resolves.toBe('docker')
    await expect(docker.buildx.builderDriver('ci')).resolves.toBe('docker-container')
  }
  expect(count(engine.asked, 'info --format')).toBe(1)
  expect(count(engine.asked, 'version --format')).toBe(1)
  expect(count(engine.asked, 'context inspect')).toBe(1)
  // One question per builder.
  expect(count(engine.asked, 'buildx inspect')).toBe(2)
})

test('another daemon (DOCKER_HOST) or another exec collaborator is asked again', async () => {
  const engine = fakeEngine()
  await new Docker({ exec: engine.exec, spawn }).store.engine()
  process.env.DOCKER_HOST = 'unix:///run/other.sock'
  await new Docker({ exec: engine.exec, spawn }).store.engine()
  expect(count(engine.asked, 'info --format')).toBe(2)
  const other = fakeEngine()
  await new Docker({ exec: other.exec, spawn }).store.engine()
  expect(count(other.asked, 'info --format')).toBe(1)
})

test('a failed answer is not kept: the next adapter asks again and gets the engine', async () => {
  const engine = fakeEngine({ failFirst: true })
  await expect(new Docker({ exec: engine.exec, spawn }).store.engine()).rejects.toThrow('no Docker daemon answers')
  await expect(new Docker({ exec: engine.exec, spawn }).store.engine()).resolves.toMatchObject({ store: 'overlay2' })
  expect(count(engine.asked, 'info --format')).toBe(2)
})
