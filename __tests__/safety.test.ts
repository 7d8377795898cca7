// The redactor's wiring (src/redact.ts) and the build tracker behind `cleanup`
// (src/docker/cleanup.ts), with recording collaborators instead of Docker.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { removeBuiltImages, trackBuilds } from '../src/docker/cleanup.js'
import type { Exec, ExecResult } from '../src/exec.js'
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

  test('tracks the image id of each successful buildx build, once, and nothing else', async () => {
    const calls: string[][] = []
    let n = 0
    const inner: Exec = async (command, args) => {
      calls.push([command, ...args])
      const iid = args.indexOf('--iidfile')
      if (iid > 0) writeFileSync(args[iid + 1], `sha256:${String(++n % 2).repeat(64)}`)
      return { code: args.includes('fail') ? 1 : 0, stdout: '', stderr: '' }
    }
    const tracker = trackBuilds(inner)
    const build = (extra: string[] = []) => tracker.exec('docker', ['buildx', 'build', '--load', '--iidfile', path.join(dir, 'iid'), ...extra, '.'])
    await build()
    await build()
    await build() // same id as the first: tracked once
    await build(['fail'])
    await tracker.exec('docker', ['image', 'inspect', 'x'])
    expect(tracker.imageIds).toEqual([`sha256:${'1'.repeat(64)}`, `sha256:${'0'.repeat(64)}`])
    expect(calls).toHaveLength(5)
  })

  test('a bake run that loads its images is tracked through its metadata file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gib-track-bake-'))
    const metadata = path.join(dir, 'metadata.json')
    const id = (c: string) => `sha256:${c.repeat(64)}`
    const inner: Exec = async (_command, args) => {
      if (args.includes('--metadata-file')) writeFileSync(metadata, JSON.stringify({ 'gib-1-1-api': { 'containerimage.config.digest': id('a') }, 'gib-2-1-worker': { 'containerimage.config.digest': id('b') }, junk: { 'containerimage.config.digest': 'x' } }))
      return { code: args.includes('fail') ? 1 : 0, stdout: '', stderr: '' }
    }
    const tracker = trackBuilds(inner)
    await tracker.exec('docker', ['buildx', 'bake', '--file', 'docker-bake.hcl', '--print'])
    expect(tracker.imageIds).toEqual([])
    await tracker.exec('docker', ['buildx', 'bake', '--file', 'docker-bake.hcl', '--progress', 'plain', '--metadata-file', metadata, 'gib-1-1-api', 'gib-2-1-worker'])
    expect(tracker.imageIds).toEqual([id('a'), id('b')])
    rmSync(dir, { recursive: true, force: true })
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
    const removed = await removeBuiltImages(['a', 'b', 'c', 'd', 'e'], exec, log)
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
