import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { composeBuildArgs, type BuildRequest } from '../../src/docker/build-args.js'
import { buildImage, buildOptionsFor, resolveSecretSources } from '../../src/docker/build.js'
import { Docker } from '../../src/docker/docker.js'
import { CommandError, UsageError } from '../../src/errors.js'
import type { Exec, Spawn } from '../../src/exec.js'

const base: BuildRequest = {
  context: '.',
  file: null,
  target: null,
  platform: null,
  builder: null,
  buildArgs: [],
  buildContexts: [],
  cacheFrom: [],
  cacheTo: [],
  labels: [],
  tags: [],
  secretFiles: [],
  iidFile: '/tmp/iid',
  metadataFile: null
}
const head = ['buildx', 'build', '--load', '--progress', 'plain', '--iidfile', '/tmp/iid']

test.each<[string, Partial<BuildRequest>, string[]]>([
  ['defaults: load into the daemon, plain progress, image id file', {}, [...head, '.']],
  ['file and target', { file: 'build/Dockerfile', target: 'final' }, [...head, '--file', 'build/Dockerfile', '--target', 'final', '.']],
  ['one platform', { platform: 'linux/arm64' }, [...head, '--platform', 'linux/arm64', '.']],
  ['builder goes before the subcommand options', { builder: 'ci' }, ['buildx', 'build', '--builder', 'ci', ...head.slice(2), '.']],
  ['build args keep their order and spaces', { buildArgs: ['A=1', 'B=two words'] }, [...head, '--build-arg', 'A=1', '--build-arg', 'B=two words', '.']],
  ['build contexts', { buildContexts: ['deps=../deps', 'img=docker-image://alpine'] }, [...head, '--build-context', 'deps=../deps', '--build-context', 'img=docker-image://alpine', '.']],
  ['cache from and to', { cacheFrom: ['type=gha'], cacheTo: ['type=gha,mode=max'] }, [...head, '--cache-from', 'type=gha', '--cache-to', 'type=gha,mode=max', '.']],
  ['labels and tags', { labels: ['org.opencontainers.image.source=x'], tags: ['app:pr'] }, [...head, '--label', 'org.opencontainers.image.source=x', '--tag', 'app:pr', '.']],
  ['secrets as files, never values', { secretFiles: [{ id: 'npm', path: '/tmp/s0' }] }, [...head, '--secret', 'id=npm,src=/tmp/s0', '.']],
  ['secret-envs: buildx reads the variable', { secretEnvs: [{ id: 'gh', env: 'GH_TOKEN' }] }, [...head, '--secret', 'id=gh,env=GH_TOKEN', '.']],
  ['metadata file', { metadataFile: '/tmp/meta.json' }, [...head, '--metadata-file', '/tmp/meta.json', '.']],
  ['context last, whatever it is', { context: '/work/app dir' }, [...head, '/work/app dir']]
])('%s', (_name, request, expected) => {
  expect(composeBuildArgs({ ...base, ...request })).toEqual(expected)
})

describe('buildImage', () => {
  const noSpawn: Spawn = () => {
    throw new Error('buildImage streams nothing')
  }
  const adapter = (exec: Exec) => new Docker({ exec, spawn: noSpawn })
  const options = buildOptionsFor('.', null)

  test('a secret value never reaches the command line, and its file is gone afterwards', async () => {
    const tempDir = mkdtempSync(path.join(os.tmpdir(), 'gib-build-'))
    const seen: string[][] = []
    const exec: Exec = async (_cmd, args) => {
      seen.push(args)
      return { code: 1, stdout: '', stderr: '#8 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3\nERROR: failed to solve: exit code: 3\n' }
    }
    const error = await buildImage({ ...options, secrets: ['token=hunter2-secret'] }, { docker: adapter(exec), tempDir }).catch((e: Error) => e)
    expect(seen.flat().join(' ')).not.toContain('hunter2-secret')
    expect(seen[0]).toContain('--secret')
    expect(error).toBeInstanceOf(CommandError)
    expect((error as Error).message).not.toContain('hunter2-secret')
    expect((error as Error).message).toMatch(/ERROR: failed to solve: exit code: 3$/)
    expect(readdirSync(tempDir)).toEqual([])
  })

  test('a secret without a value separator is a usage error naming the input', async () => {
    const exec: Exec = async () => ({ code: 0, stdout: '', stderr: '' })
    await expect(buildImage({ ...options, secrets: ['novalue'] }, { docker: adapter(exec), tempDir: os.tmpdir() })).rejects.toThrow(UsageError)
    await expect(buildImage({ ...options, secrets: ['novalue'] }, { docker: adapter(exec), tempDir: os.tmpdir() })).rejects.toThrow(/^secrets: entry 1/)
  })
})

describe('resolveSecretSources', () => {
  test('secret-files are resolved against the workspace; secret-envs must be set', () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'gib-secret-sources-'))
    try {
      writeFileSync(path.join(workspace, 'ca.pem'), 'CERT')
      const inputs = { secretFiles: [{ id: 'ca', path: 'ca.pem' }], secretEnvs: [{ id: 'gh', env: 'GH_TOKEN' }] }
      expect(resolveSecretSources(inputs, workspace, { GH_TOKEN: '' })).toEqual({ secretFiles: [{ id: 'ca', path: path.join(workspace, 'ca.pem') }], secretEnvs: [{ id: 'gh', env: 'GH_TOKEN' }] })
      expect(() => resolveSecretSources(inputs, workspace, {})).toThrow("secret-envs: entry 1 (id gh): the variable GH_TOKEN is not set; set it in the step's env:")
      expect(() => resolveSecretSources({ secretFiles: [inputs.secretFiles[0], { id: 'key', path: 'keys/missing.pem' }], secretEnvs: [] }, workspace, {})).toThrow(
        'secret-files: entry 2 (id key): no file at keys/missing.pem; create it in an earlier step or fix the path'
      )
      expect(() => resolveSecretSources({ secretFiles: [{ id: 'dir', path: '.' }], secretEnvs: [] }, workspace, {})).toThrow(UsageError)
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })
})
