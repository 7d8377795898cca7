// The redactor's wiring (src/redact.ts) and what `cleanup` removes: the ids the
// builds record on the Docker adapter (src/docker/cleanup.ts), with recording
// collaborators instead of Docker.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { bakeBuild } from '../src/bake/build.js'
import type { BakeImage } from '../src/bake/definition.js'
import { buildImage, buildOptionsFor } from '../src/docker/build.js'
import { removeBuiltImages } from '../src/docker/cleanup.js'
import { Docker } from '../src/docker/docker.js'
import type { Exec, ExecResult, Spawn } from '../src/exec.js'
import type { Logger } from '../src/log.js'
import { createRedactor, redactDeep, redactingLogger, secretValues } from '../src/redact.js'

function recorder(): { log: Logger; lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    log: {
      info: (m) => void lines.push(`info ${m}`),
      warning: (m) => void lines.push(`warning ${m}`),
      debug: (m) => void lines.push(m),
      group: async (name, fn) => {
        lines.push(`group ${name}`)
        return fn()
      }
    }
  }
}

describe('redactingLogger', () => {
  const SECRET = 'hunter2-token-value'
  const redact = createRedactor(secretValues([`token=${SECRET}`]))

  test('a secret split across progress chunks is still hidden; nothing is lost', async () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 80 }), { maxLength: 6 }), (cuts) => {
        const text = `#7 0.31 token is ${SECRET}\n#7 DONE 0.4s\nlast line ${SECRET}`
        const { log, lines } = recorder()
        const logger = redactingLogger(log, redact)
        let at = 0
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          logger.debug(text.slice(at, Math.max(at, cut)))
          at = Math.max(at, cut)
        }
        logger.debug(text.slice(at))
        logger.flush()
        const out = lines.join('')
        expect(out).not.toContain(SECRET)
        expect(out).toBe(text.split(SECRET).join('***'))
      }),
      { numRuns: 2000 }
    )
  })

  test('info, warning and group names are redacted; held debug text is written before them', async () => {
    const { log, lines } = recorder()
    const logger = redactingLogger(log, redact)
    logger.debug(`partial ${SECRET.slice(0, 5)}`)
    logger.warning(`failed with ${SECRET}`)
    await logger.group(`Build ${SECRET}`, async () => logger.info(SECRET))
    expect(lines).toEqual(['partial hunte', 'warning failed with ***', 'group Build ***', 'info ***'])
  })
})

test('redactDeep hides a secret in every string of a report, keys included, and keeps the rest', () => {
  const redact = createRedactor(['s3cr3t'])
  const report = { a: 's3cr3t!', n: 5, nested: [{ b: 'x s3cr3t y', c: null, d: true }], s3cr3t: 'key' }
  expect(redactDeep(report, redact)).toEqual({ a: '***!', n: 5, nested: [{ b: 'x *** y', c: null, d: true }], '***': 'key' })
  expect(report.a).toBe('s3cr3t!')
})

describe('cleanup', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'gib-cleanup-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const id = (c: string) => `sha256:${c.repeat(64)}`
  const noSpawn: Spawn = () => {
    throw new Error('nothing is streamed')
  }
  const buildOptions = (context: string, output: 'load' | 'archive' = 'load') => buildOptionsFor(context, null, { output })

  test('the adapter records the image id of each successful build and load, once, and nothing else', async () => {
    const calls: string[][] = []
    let n = 0
    const inner: Exec = async (command, args) => {
      calls.push([command, ...args])
      const iid = args.indexOf('--iidfile')
      if (iid > 0 && !args.some((a) => a.startsWith('type=docker,dest='))) writeFileSync(args[iid + 1], id(String(++n % 2)))
      if (args[0] === 'load') return { code: 0, stdout: args.includes(path.join(dir, 'named.tar')) ? 'Loaded image: someone/else:1\n' : `Loaded image ID: ${id('2')}\n`, stderr: '' }
      if (args[0] === 'image') return { code: 0, stdout: JSON.stringify([{ Id: id('9'), Size: 1, Os: 'linux', Architecture: 'amd64' }]), stderr: '' }
      return { code: args.includes('fail') ? 1 : 0, stdout: '', stderr: '' }
    }
    const docker = new Docker({ exec: inner, spawn: noSpawn })
    await buildImage(buildOptions('.'), { docker, tempDir: dir })
    await buildImage(buildOptions('.'), { docker, tempDir: dir })
    await buildImage(buildOptions('.'), { docker, tempDir: dir }) // same id as the first: recorded once
    await expect(buildImage(buildOptions('fail'), { docker, tempDir: dir })).rejects.toThrow(/docker buildx build failed/)
    // An exported archive: the build makes no image, its load does.
    const archived = await buildImage(buildOptions('.', 'archive'), { docker, tempDir: dir })
    expect(archived.imageId).toBe(id('2'))
    // A load that names a tag loaded someone's image: not recorded.
    expect(await docker.images.load(path.join(dir, 'named.tar'))).toBe('someone/else:1')
    await docker.images.inspect('x')
    expect(docker.builtImages).toEqual([id('1'), id('0'), id('2')])
    expect(calls.map((c) => c.slice(1, 3).join(' '))).toEqual(['buildx build', 'buildx build', 'buildx build', 'buildx build', 'buildx build', `load --input`, 'load --input', 'image inspect'])
  })

  test('a bake run that loads its images records them from its metadata file; a failed run records nothing', async () => {
    const image = (key: string, name: string): BakeImage => ({
      key,
      name,
      target: { name, context: '.', dockerfile: 'Dockerfile', stage: null, args: {}, platforms: [] },
      platform: null,
      context: dir,
      dockerfile: path.join(dir, 'Dockerfile')
    })
    const images = [image('gib-1-1-api', 'api'), image('gib-2-1-worker', 'worker')]
    let fail = true
    const inner: Exec = async (_command, args) => {
      const metadata = args.indexOf('--metadata-file')
      if (metadata > 0)
        writeFileSync(
          args[metadata + 1],
          JSON.stringify({
            'gib-1-1-api': { 'containerimage.config.digest': id('a') },
            'gib-2-1-worker': { 'containerimage.config.digest': id('b') },
            junk: { 'containerimage.config.digest': id('c') }
          })
        )
      return { code: fail ? 1 : 0, stdout: '', stderr: fail ? 'ERROR: failed to solve' : '' }
    }
    const docker = new Docker({ exec: inner, spawn: noSpawn })
    const request = { files: [path.join(dir, 'docker-bake.hcl')], cwd: dir, builder: null, images, output: 'load' as const, cacheTo: false }
    await expect(bakeBuild(request, { docker, tempDir: dir })).rejects.toThrow(/docker buildx bake failed/)
    expect(docker.builtImages).toEqual([])
    fail = false
    const baked = await bakeBuild(request, { docker, tempDir: dir })
    expect([...baked.images.values()].map((b) => b.imageId)).toEqual([id('a'), id('b')])
    expect(docker.builtImages).toEqual([id('a'), id('b')])
  })

  test('removes untagged images newest first, keeps tagged ones, and never throws', async () => {
    const calls: string[] = []
    const answers: Record<string, ExecResult> = {
      'image inspect --format {{len .RepoTags}} a': { code: 0, stdout: '0\n', stderr: '' },
      'image inspect --format {{len .RepoTags}} b': { code: 0, stdout: '1\n', stderr: '' },
      'image inspect --format {{len .RepoTags}} c': { code: 1, stdout: '', stderr: 'No such image' },
      'image inspect --format {{len .RepoTags}} d': { code: 0, stdout: '0\n', stderr: '' },
      'image rm a': { code: 0, stdout: '', stderr: '' },
      'image rm d': { code: 1, stdout: '', stderr: 'Error: conflict: unable to delete d (must be forced) - image is being used by stopped container 1' }
    }
    const exec: Exec = async (_command, args) => {
      const key = args.join(' ')
      calls.push(key)
      if (key === 'image inspect --format {{len .RepoTags}} e') throw new Error('daemon went away')
      return answers[key] ?? { code: 1, stdout: '', stderr: 'unexpected' }
    }
    const { log, lines } = recorder()
    const removed = await removeBuiltImages(['a', 'b', 'c', 'd', 'e'], new Docker({ exec, spawn: noSpawn }).images, log)
    expect(removed).toEqual(['a'])
    expect(calls.filter((c) => c.startsWith('image rm'))).toEqual(['image rm d', 'image rm a'])
    expect(lines).toEqual([
      'warning cleanup: could not remove e: daemon went away',
      'warning cleanup: could not remove d: Error: conflict: unable to delete d (must be forced) - image is being used by stopped container 1',
      "info cleanup: keeping b, it is tagged (not only this run's)",
      'info cleanup: removed 1 image(s) this run built'
    ])
  })
})
