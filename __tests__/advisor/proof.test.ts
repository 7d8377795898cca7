// The start proof's pure parts: an exported file system read from a tar
// stream, path resolution, the checks on files and config (the three
// "verified but cannot start" cases of issue 12 among them), and the verdict
// on what `docker run` said.
import { collectImageFiles, type ImageEntry, type ImageFiles } from '../../src/advisor/proof/image-files.js'
import { findCommand, resolvePath } from '../../src/advisor/proof/paths.js'
import { judgeStart, type RunObservation } from '../../src/advisor/proof/start.js'
import { checkStartup, type ImageConfigFacts, type StartupInput } from '../../src/advisor/proof/startup.js'
import type { GoRuntimeNeeds } from '../../src/report/types.js'
import { makeElf, makePclntab } from '../helpers/elf.js'
import { chunks, makeTar } from '../helpers/tar-writer.js'

const NO_NEEDS: GoRuntimeNeeds = { systemRoots: false, embedsRoots: false, loadsZones: false, embedsTzdata: false, usersLookup: false, cgoResolver: false, cgo: false, source: 'pclntab' }

/** A file list as readImageFiles returns it, from compact rows. */
function image(rows: Record<string, Partial<ImageEntry> | string>, texts: Record<string, string> = {}): ImageFiles {
  const entries = new Map<string, ImageEntry>([['/', { type: 'dir', mode: 0o755, size: 0 }]])
  for (const [p, row] of Object.entries(rows)) {
    const parts = p.split('/').filter(Boolean)
    for (let i = 1; i < parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`
      if (!entries.has(dir)) entries.set(dir, { type: 'dir', mode: 0o755, size: 0 })
    }
    if (row === 'dir') entries.set(p, { type: 'dir', mode: 0o755, size: 0 })
    else if (typeof row === 'string') entries.set(p, { type: 'symlink', mode: 0o777, size: 0, target: row })
    else entries.set(p, { type: 'file', mode: 0o755, size: 100, ...row })
  }
  for (const p of Object.keys(texts)) if (!entries.has(p)) entries.set(p, { type: 'file', mode: 0o644, size: texts[p].length })
  return { entries, texts: new Map(Object.entries(texts)) }
}
const goProgram = (needs: Partial<GoRuntimeNeeds> = {}, elf: ImageEntry['elf'] = { interp: null, needed: [], runpath: [], soname: null, machine: 62, is64: true }): Partial<ImageEntry> => ({
  elf,
  go: {
    goVersion: 'go1.19.8',
    module: 'example.com/app',
    mainPackage: 'example.com/app',
    static: elf?.interp === null,
    stripped: true,
    symbolBytes: 0,
    cgo: false,
    trimpath: true,
    ldflags: null,
    packages: [],
    settings: {},
    needs: { ...NO_NEEDS, ...needs }
  }
})
const config = (over: Partial<ImageConfigFacts> = {}): ImageConfigFacts => ({
  entrypoint: null,
  cmd: null,
  workingDir: '/',
  env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  user: '',
  ...over
})
const check = (input: Partial<StartupInput> & Pick<StartupInput, 'files'>) => checkStartup({ config: config(), expectedPaths: [], ...input })
const failed = (checks: ReturnType<typeof checkStartup>) => checks.filter((c) => c.required && !c.ok).map((c) => [c.check, c.detail])

// Distroless static as the stand-in has it: certificates, zone data, users, no shell.
const DISTROLESS = {
  '/etc/ssl/certs/ca-certificates.crt': { mode: 0o644, size: 200_000 },
  '/usr/share/zoneinfo/Europe/Paris': { mode: 0o644, size: 2_000 },
  '/tmp': 'dir' as const
}
const DISTROLESS_TEXTS = {
  '/etc/passwd': 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n',
  '/etc/group': 'root:x:0:\nnonroot:x:65532:\n'
}

describe('checkStartup: the three "verified but cannot start" cases', () => {
  test('(a) ENTRYPOINT ["/bin/sh", "/entrypoint.sh"] kept on distroless static: no /bin/sh', () => {
    const files = image({ ...DISTROLESS, '/entrypoint.sh': { head: '#!/bin/sh\nexec /app "$@"\n' }, '/app': goProgram() }, DISTROLESS_TEXTS)
    expect(failed(check({ files, config: config({ entrypoint: ['/bin/sh', '/entrypoint.sh'] }) }))).toEqual([['command', 'the command /bin/sh: no such file or directory']])
  })
  test('(b) a one-file COPY onto a /usr/local/bin the base lacks made a file of that name: the program is gone', () => {
    const files = image({ ...DISTROLESS, '/usr/local/bin': { mode: 0o755 } }, DISTROLESS_TEXTS)
    const checks = check({ files, config: config({ entrypoint: ['/usr/local/bin/app'] }), expectedPaths: [{ path: '/usr/local/bin', directory: true, line: 9 }] })
    expect(failed(checks)).toEqual([
      ['command', 'the command /usr/local/bin/app: not a directory (/usr/local/bin is a file)'],
      ['paths', 'what the original copied is missing: /usr/local/bin is a file where the original has a directory (line 9)']
    ])
  })
  test("(c) a final stage that inherited its base's CMD lost it: no command", () => {
    expect(failed(check({ files: image({ ...DISTROLESS, '/app': goProgram() }, DISTROLESS_TEXTS) }))).toEqual([['command', 'the image has neither ENTRYPOINT nor CMD ("no command specified")']])
  })
})

describe('checkStartup', () => {
  test('a static Go program found on PATH from WORKDIR-free config, as nonroot, with what it needs: every check passes', () => {
    const files = image({ ...DISTROLESS, '/usr/local/bin/app': goProgram({ systemRoots: true, loadsZones: true }) }, DISTROLESS_TEXTS)
    const checks = check({ files, config: config({ entrypoint: ['app'], user: 'nonroot:nonroot' }), expectedPaths: [{ path: '/usr/local/bin/app', directory: false, line: 7 }] })
    expect(checks.map((c) => [c.check, c.ok])).toEqual([
      ['command', true],
      ['user', true],
      ['ca-certificates', true],
      ['zoneinfo', true],
      ['paths', true]
    ])
    expect(checks[0].detail).toBe('app resolves to /usr/local/bin/app')
  })
  test('a relative command resolves against WORKDIR, through symlinks', () => {
    const files = image({ '/srv/bin': '../opt/app', '/opt/app/server': goProgram() })
    expect(failed(check({ files, config: config({ cmd: ['./bin/server'], workingDir: '/srv' }) }))).toEqual([])
    expect(findCommand(files, './bin/server', '/srv', '')).toMatchObject({ ok: true, path: '/opt/app/server' })
  })
  test('on scratch, a program that loads the system roots or zones by name fails without them; embedded data is enough', () => {
    const files = image({ '/app': goProgram({ systemRoots: true, loadsZones: true }) })
    expect(failed(check({ files, config: config({ entrypoint: ['/app'] }) })).map(([c]) => c)).toEqual(['ca-certificates', 'zoneinfo'])
    const embedded = image({ '/app': goProgram({ systemRoots: true, embedsRoots: true, loadsZones: true, embedsTzdata: true }) })
    expect(failed(check({ files: embedded, config: config({ entrypoint: ['/app'] }) }))).toEqual([])
    // SSL_CERT_FILE points elsewhere: that file counts.
    const custom = image({ '/app': goProgram({ systemRoots: true }), '/certs/bundle.pem': { mode: 0o644, size: 10 } })
    expect(failed(check({ files: custom, config: config({ entrypoint: ['/app'], env: ['SSL_CERT_FILE=/certs/bundle.pem'] }) }))).toEqual([])
  })
  test("a dynamically linked program: its loader and every library, transitively, from the loader's paths", () => {
    const dynamic = { interp: '/lib64/ld-linux-x86-64.so.2', needed: ['libsqlite3.so.0', 'libc.so.6'], runpath: [], soname: null, machine: 62, is64: true }
    const lib = (needed: string[]) => ({ mode: 0o644, elf: { interp: null, needed, runpath: [], soname: null, machine: 62, is64: true } })
    const glibc = {
      '/lib64/ld-linux-x86-64.so.2': '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
      '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2': lib([]),
      '/lib/x86_64-linux-gnu/libc.so.6': lib([])
    }
    const withoutSqlite = image({ ...glibc, '/app': goProgram({}, dynamic) })
    expect(failed(check({ files: withoutSqlite, config: config({ entrypoint: ['/app'] }) }))).toEqual([['libraries', "/app needs libsqlite3.so.0, not found in the image's library paths"]])
    // Found through /etc/ld.so.conf.d; its own dependency (libm) must be there too.
    const withSqlite = image({ ...glibc, '/app': goProgram({}, dynamic), '/opt/sqlite/lib/libsqlite3.so.0': lib(['libm.so.6']) }, { '/etc/ld.so.conf.d/sqlite.conf': '# sqlite\n/opt/sqlite/lib\n' })
    expect(failed(check({ files: withSqlite, config: config({ entrypoint: ['/app'] }) }))).toEqual([['libraries', "/app needs libm.so.6, not found in the image's library paths"]])
    // No loader at all (a cgo binary on scratch).
    expect(failed(check({ files: image({ '/app': goProgram({}, dynamic) }), config: config({ entrypoint: ['/app'] }) }))[0]).toEqual([
      'loader',
      '/app is dynamically linked and needs /lib64/ld-linux-x86-64.so.2, which the image lacks (exec fails with "no such file or directory")'
    ])
  })
  test('a musl program finds its libraries where musl looks', () => {
    const musl = { interp: '/lib/ld-musl-x86_64.so.1', needed: ['libc.musl-x86_64.so.1'], runpath: [], soname: null, machine: 62, is64: true }
    const files = image({ '/lib/ld-musl-x86_64.so.1': { mode: 0o755, elf: { ...musl, interp: null, needed: [] } }, '/lib/libc.musl-x86_64.so.1': 'ld-musl-x86_64.so.1', '/app': goProgram({}, musl) })
    expect(failed(check({ files, config: config({ entrypoint: ['/app'] }) }))).toEqual([])
  })
  test('a script: its interpreter must be there (through `env` on PATH); a file that is neither ELF nor a script cannot be run', () => {
    const files = image({
      '/start.sh': { head: '#!/usr/bin/env bash\nexec /app\n' },
      '/usr/bin/env': { elf: { interp: null, needed: [], runpath: [], soname: null, machine: 62, is64: true } },
      '/notes.txt': { head: 'hello' }
    })
    expect(failed(check({ files, config: config({ entrypoint: ['/start.sh'] }) }))).toEqual([
      ['interpreter', 'the script\'s interpreter "bash": executable file not found in $PATH (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)']
    ])
    expect(failed(check({ files, config: config({ entrypoint: ['/notes.txt'] }) }))).toEqual([['interpreter', '/notes.txt is neither an ELF executable nor a script with #! (exec format error)']])
    const notExecutable = image({ '/app': { ...goProgram(), mode: 0o644 } })
    expect(failed(check({ files: notExecutable, config: config({ entrypoint: ['/app'] }) }))).toEqual([['command', '/app is not executable']])
  })
  test('USER: numeric always works; a name must be in /etc/passwd (and a group in /etc/group)', () => {
    const files = image({ '/app': goProgram() })
    expect(failed(check({ files, config: config({ entrypoint: ['/app'], user: '65532:65532' }) }))).toEqual([])
    expect(failed(check({ files, config: config({ entrypoint: ['/app'], user: 'appuser' }) }))).toEqual([['user', 'USER appuser: user appuser is not in the image (no /etc/passwd)']])
    const withPasswd = image({ '/app': goProgram() }, DISTROLESS_TEXTS)
    expect(failed(check({ files: withPasswd, config: config({ entrypoint: ['/app'], user: 'nonroot:staff' }) }))).toEqual([['user', 'USER nonroot:staff: group staff is not in /etc/group']])
  })
  test('os/user lookups without /etc/passwd are named, not held against the image', () => {
    const checks = check({ files: image({ '/app': goProgram({ usersLookup: true }) }), config: config({ entrypoint: ['/app'] }) })
    expect(checks.find((c) => c.check === 'users')).toMatchObject({ ok: false, required: false })
    expect(failed(checks)).toEqual([])
  })
})

describe('collectImageFiles', () => {
  test('an exported file system: types, modes, link targets, hard links, the texts the checks read, ELF and Go facts', async () => {
    const program = makeElf({ pclntab: makePclntab(['main.main', 'crypto/x509.systemRootsPool'], 'go1.18') })
    const tar = makeTar([
      { path: 'etc/', type: 'dir' },
      { path: 'etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n' },
      { path: 'bin/', type: 'dir' },
      { path: 'bin/sh', type: 'symlink', linkname: 'busybox' },
      { path: 'bin/busybox', data: makeElf({ interp: '/lib/ld-musl-x86_64.so.1', needed: ['libc.musl-x86_64.so.1'] }), mode: 0o755 },
      { path: 'bin/ash', type: 'link', linkname: 'bin/busybox' },
      { path: 'entrypoint.sh', data: '#!/bin/sh\nexec /app\n', mode: 0o755 },
      { path: 'app', data: program, mode: 0o755 },
      { path: 'README', data: 'x'.repeat(5000) }
    ])
    const files = await collectImageFiles(chunks(tar, 700))
    expect(files.texts.get('/etc/passwd')).toBe('root:x:0:0::/root:/bin/sh\n')
    expect(files.entries.get('/bin/sh')).toEqual({ type: 'symlink', mode: 0o644, size: 0, target: 'busybox' })
    expect(files.entries.get('/bin/busybox')?.elf).toMatchObject({ interp: '/lib/ld-musl-x86_64.so.1', needed: ['libc.musl-x86_64.so.1'] })
    expect(files.entries.get('/bin/ash')?.elf).toEqual(files.entries.get('/bin/busybox')?.elf)
    expect(files.entries.get('/entrypoint.sh')?.head).toBe('#!/bin/sh\nexec /app\n')
    expect(files.entries.get('/README')).toEqual({ type: 'file', mode: 0o644, size: 5000 })
    expect(resolvePath(files, '/bin/sh')).toMatchObject({ ok: true, path: '/bin/busybox' })
    // The program's Go facts need build info; this synthetic one has a pclntab but none: ELF facts only.
    expect(files.entries.get('/app')?.elf).toMatchObject({ interp: null, needed: [] })
  })
})

describe('judgeStart', () => {
  const obs = (over: Partial<RunObservation>): RunObservation => ({ startError: null, exitCode: 0, output: '', health: null, ...over })
  test.each([
    ['exits 0', obs({}), null, { ok: true, detail: 'exited 0' }],
    ['still running', obs({ exitCode: null }), null, { ok: true, detail: 'still running after the wait' }],
    ['running, its HEALTHCHECK passes', obs({ exitCode: null, health: { exitCode: 0, output: 'ok' } }), null, { ok: true, detail: 'still running, and its HEALTHCHECK passes' }],
    [
      'running, its HEALTHCHECK fails',
      obs({ exitCode: null, health: { exitCode: 1, output: 'connection refused' } }),
      null,
      { ok: false, detail: 'it runs but its HEALTHCHECK fails (exit 1): connection refused' }
    ],
    [
      'exec failure',
      obs({ startError: 'docker: Error response from daemon: failed to create task: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown.' }),
      null,
      { ok: false, detail: 'it does not start: docker: Error response from daemon: failed to create task: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown.' }
    ],
    [
      'a crash',
      obs({ exitCode: 2, output: 'panic: runtime error: invalid memory address\ngoroutine 1 [running]:' }),
      obs({ exitCode: 2, output: 'panic: runtime error: invalid memory address' }),
      { ok: false, detail: 'it exited 2 (crashed): panic: runtime error: invalid memory address | goroutine 1 [running]:' }
    ],
    [
      'exits 1 as the original does',
      obs({ exitCode: 1, output: 'missing -config (at 12:01:02)' }),
      obs({ exitCode: 1, output: 'missing -config (at 12:01:05)' }),
      { ok: true, detail: 'exited 1, as the original image does (missing -config (at 12:01:02))' }
    ],
    [
      'exits 1 where the original says something else',
      obs({ exitCode: 1, output: 'open templates/index.html: no such file or directory' }),
      obs({ exitCode: 1, output: 'missing -config' }),
      { ok: false, detail: 'it exited 1: open templates/index.html: no such file or directory' }
    ]
  ])('%s', (_name, suggested, original, verdict) => {
    expect(judgeStart(suggested, original)).toEqual(verdict)
  })
})
