// Would this image start? Checked from its files and config alone, before it
// is run: the command resolves (PATH, WORKDIR) to an executable; an ELF's
// loader and every library it needs (transitively) are there; a script's
// interpreter is there; the user exists or is numeric; a Go program that
// loads the system's CA roots finds a bundle, one that loads zones by name
// finds zone data; every path the original Dockerfile put in its final image
// is still there. Pure: a file list and a config in, checks out.
import type { ImageEntry, ImageFiles } from './image-files.js'
import { DEFAULT_PATH, envValue, findCommand, hasFilesUnder, isExecutableFile, resolvePath } from './paths.js'

export interface ImageConfigFacts {
  entrypoint: string[] | null
  cmd: string[] | null
  workingDir: string
  env: string[]
  user: string
}

/** A path the original image's final stage received (a COPY destination, the program). */
export interface ExpectedPath {
  path: string
  /** The original wrote a directory here (a trailing slash, several sources, a directory source). */
  directory: boolean
  /** Dockerfile line that put it there. */
  line: number | null
}

export type CheckName = 'command' | 'loader' | 'libraries' | 'interpreter' | 'user' | 'ca-certificates' | 'zoneinfo' | 'paths' | 'users'

export interface ProofCheck {
  check: CheckName
  ok: boolean
  /** What was found, or why it fails. */
  detail: string
  /** A failed required check means the image cannot be claimed to start. */
  required: boolean
}

export interface StartupInput {
  files: ImageFiles
  config: ImageConfigFacts
  expectedPaths: ExpectedPath[]
}

// Go's crypto/x509 (root_linux.go) and time (zoneinfo_unix.go) search these.
const CERT_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem'
]
const CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs']
const ZONE_DIRS = ['/usr/share/zoneinfo', '/usr/share/lib/zoneinfo', '/usr/lib/locale/TZ', '/etc/zoneinfo']
const TRIPLETS: Record<number, string> = {
  62: 'x86_64-linux-gnu',
  183: 'aarch64-linux-gnu',
  40: 'arm-linux-gnueabihf',
  3: 'i386-linux-gnu',
  243: 'riscv64-linux-gnu',
  21: 'powerpc64le-linux-gnu',
  22: 's390x-linux-gnu'
}

/** The command docker runs: ENTRYPOINT followed by CMD, or CMD alone. */
export const commandOf = (config: Pick<ImageConfigFacts, 'entrypoint' | 'cmd'>): string[] => [...(config.entrypoint ?? []), ...(config.cmd ?? [])]

/** Where the dynamic loader looks: run path ($ORIGIN), LD_LIBRARY_PATH, the loader's configuration, the defaults. */
function librarySearchPath(files: ImageFiles, owner: string, elf: NonNullable<ImageEntry['elf']>, interp: string | null, env: string[]): string[] {
  const origin = owner.slice(0, owner.lastIndexOf('/')) || '/'
  const dirs = elf.runpath.map((d) => d.replace(/\$\{?ORIGIN\}?/g, origin))
  dirs.push(...(envValue(env, 'LD_LIBRARY_PATH') ?? '').split(':').filter(Boolean))
  if (interp && /ld-musl/.test(interp)) {
    const configured = [...files.texts].find(([p]) => /^\/etc\/ld-musl-.*\.path$/.test(p))?.[1]
    dirs.push(
      ...(configured
        ? configured
            .split(/[:\n]/)
            .map((d) => d.trim())
            .filter(Boolean)
        : ['/lib', '/usr/local/lib', '/usr/lib'])
    )
    return dirs
  }
  for (const [p, text] of files.texts) {
    if (p === '/etc/ld.so.conf' || p.startsWith('/etc/ld.so.conf.d/')) {
      dirs.push(
        ...text
          .split('\n')
          .map((l) => l.replace(/#.*/, '').trim())
          .filter((l) => l.startsWith('/'))
      )
    }
  }
  const triplet = TRIPLETS[elf.machine]
  const lib = elf.is64 ? ['/lib64', '/usr/lib64'] : ['/lib32', '/usr/lib32']
  dirs.push(...(triplet ? [`/lib/${triplet}`, `/usr/lib/${triplet}`] : []), ...lib, '/lib', '/usr/lib')
  return dirs
}

/** Checks the loader and the libraries of the ELF at `path`, following DT_NEEDED through every library found. */
function checkElf(files: ImageFiles, path: string, entry: ImageEntry, env: string[]): ProofCheck[] {
  const elf = entry.elf
  if (!elf) return []
  const checks: ProofCheck[] = []
  const interp = elf.interp
  if (interp) {
    const loader = resolvePath(files, interp)
    checks.push(
      loader.ok && loader.entry.type === 'file'
        ? { check: 'loader', ok: true, detail: `${path} is dynamically linked; its loader ${interp} is present`, required: true }
        : { check: 'loader', ok: false, detail: `${path} is dynamically linked and needs ${interp}, which the image lacks (exec fails with "no such file or directory")`, required: true }
    )
  }
  const missing: string[] = []
  const found: string[] = []
  const seen = new Set<string>()
  const queue: { owner: string; elf: NonNullable<ImageEntry['elf']> }[] = [{ owner: path, elf }]
  while (queue.length > 0) {
    const { owner, elf: current } = queue.shift()!
    for (const lib of current.needed) {
      if (seen.has(lib)) continue
      seen.add(lib)
      const hit = librarySearchPath(files, owner, current, interp, env)
        .map((dir) => resolvePath(files, `${dir}/${lib}`))
        .find((r) => r.ok && r.entry.type === 'file')
      if (!hit || !hit.ok) {
        missing.push(lib)
        continue
      }
      found.push(lib)
      if (hit.entry.elf) queue.push({ owner: hit.path, elf: hit.entry.elf })
    }
  }
  if (missing.length > 0) checks.push({ check: 'libraries', ok: false, detail: `${path} needs ${missing.join(', ')}, not found in the image's library paths`, required: true })
  else if (found.length > 0)
    checks.push({
      check: 'libraries',
      ok: true,
      detail: `${found.length} shared ${found.length === 1 ? 'library' : 'libraries'} found (${found.slice(0, 4).join(', ')}${found.length > 4 ? ', …' : ''})`,
      required: true
    })
  return checks
}

/** The executable behind the command, and what it needs to start (a script's interpreter, recursively). */
function checkExecutable(files: ImageFiles, command: string, config: ImageConfigFacts, depth = 0): { checks: ProofCheck[]; program: { path: string; entry: ImageEntry } | null } {
  const pathEnv = envValue(config.env, 'PATH') ?? DEFAULT_PATH
  const found = findCommand(files, command, config.workingDir, pathEnv)
  const label = depth === 0 ? 'command' : 'interpreter'
  if (!found.ok) return { checks: [{ check: label, ok: false, detail: depth === 0 ? `the command ${found.reason}` : `the script's interpreter ${found.reason}`, required: true }], program: null }
  if (!isExecutableFile(found.entry)) {
    const what = found.entry.type === 'dir' ? 'a directory' : 'not executable'
    return { checks: [{ check: label, ok: false, detail: `${found.path} is ${what}`, required: true }], program: null }
  }
  const checks: ProofCheck[] = [{ check: label, ok: true, detail: `${command} resolves to ${found.path}`, required: true }]
  if (found.entry.elf) return { checks: [...checks, ...checkElf(files, found.path, found.entry, config.env)], program: found }
  const head = found.entry.head ?? ''
  if (!head.startsWith('#!')) {
    return { checks: [...checks, { check: 'interpreter', ok: false, detail: `${found.path} is neither an ELF executable nor a script with #! (exec format error)`, required: true }], program: found }
  }
  if (depth >= 3) return { checks, program: found }
  const words = head.slice(2).split('\n')[0].trim().split(/\s+/)
  // `#!/usr/bin/env sh` looks the interpreter up on PATH.
  const interpreter = /(^|\/)env$/.test(words[0] ?? '') && words[1] ? words[1] : (words[0] ?? '')
  const inner = checkExecutable(files, interpreter || '(none)', config, depth + 1)
  return { checks: [...checks, ...inner.checks], program: inner.program ?? found }
}

function checkUser(files: ImageFiles, user: string): ProofCheck | null {
  if (user.trim() === '') return null
  const [name, group] = user.split(':')
  const numeric = (s: string) => /^\d+$/.test(s)
  const names = (file: string) =>
    new Set(
      (files.texts.get(file) ?? '')
        .split('\n')
        .map((l) => l.split(':')[0])
        .filter(Boolean)
    )
  const problems: string[] = []
  if (!numeric(name) && !names('/etc/passwd').has(name)) problems.push(`user ${name} is not in ${files.texts.has('/etc/passwd') ? '/etc/passwd' : 'the image (no /etc/passwd)'}`)
  if (group !== undefined && group !== '' && !numeric(group) && !names('/etc/group').has(group))
    problems.push(`group ${group} is not in ${files.texts.has('/etc/group') ? '/etc/group' : 'the image (no /etc/group)'}`)
  return problems.length > 0
    ? { check: 'user', ok: false, detail: `USER ${user}: ${problems.join('; ')}`, required: true }
    : { check: 'user', ok: true, detail: `USER ${user} ${numeric(name) ? 'is numeric' : 'exists'}`, required: true }
}

/** Run-time needs of the Go programs the image starts or ships. */
function checkGoNeeds(files: ImageFiles, programs: { path: string; entry: ImageEntry }[], config: ImageConfigFacts): ProofCheck[] {
  const checks: ProofCheck[] = []
  const go = programs.filter((p) => p.entry.go?.needs)
  const needing = (pick: (n: NonNullable<NonNullable<ImageEntry['go']>['needs']>) => boolean) => go.filter((p) => pick(p.entry.go!.needs!)).map((p) => p.path)
  const roots = needing((n) => n.systemRoots && !n.embedsRoots)
  if (roots.length > 0) {
    const custom = [envValue(config.env, 'SSL_CERT_FILE')].filter((f): f is string => !!f)
    const file = [...custom, ...CERT_FILES].find((f) => {
      const r = resolvePath(files, f)
      return r.ok && r.entry.type === 'file' && r.entry.size > 0
    })
    const dirs = [...(envValue(config.env, 'SSL_CERT_DIR') ?? '').split(':').filter(Boolean), ...CERT_DIRS]
    const dir = file ? undefined : dirs.find((d) => hasFilesUnder(files, d))
    checks.push(
      file || dir
        ? { check: 'ca-certificates', ok: true, detail: `${roots.join(', ')} loads the system's CA roots: ${file ?? `${dir}/`} is there`, required: true }
        : {
            check: 'ca-certificates',
            ok: false,
            detail: `${roots.join(', ')} loads the system's CA roots but the image has no CA bundle (TLS fails with "certificate signed by unknown authority")`,
            required: true
          }
    )
  }
  const zones = needing((n) => n.loadsZones && !n.embedsTzdata)
  if (zones.length > 0) {
    const custom = envValue(config.env, 'ZONEINFO')
    const source = custom && resolvePath(files, custom).ok ? custom : ZONE_DIRS.find((d) => hasFilesUnder(files, d))
    checks.push(
      source
        ? { check: 'zoneinfo', ok: true, detail: `${zones.join(', ')} loads time zones by name: ${source} is there`, required: true }
        : {
            check: 'zoneinfo',
            ok: false,
            detail: `${zones.join(', ')} loads time zones by name but the image has no zone data (every zone but UTC fails) and it does not embed time/tzdata`,
            required: true
          }
    )
  }
  const users = needing((n) => n.usersLookup && !n.cgo)
  if (users.length > 0) {
    const passwd = files.texts.get('/etc/passwd')
    checks.push({
      check: 'users',
      ok: passwd !== undefined,
      required: false,
      detail:
        passwd !== undefined
          ? `${users.join(', ')} looks up users: /etc/passwd is there`
          : `${users.join(', ')} looks up users (os/user) and the image has no /etc/passwd: lookups fail unless $USER is set`
    })
  }
  return checks
}

function checkExpectedPaths(files: ImageFiles, expected: ExpectedPath[]): ProofCheck | null {
  if (expected.length === 0) return null
  const problems: string[] = []
  for (const e of expected) {
    const r = resolvePath(files, e.path)
    const at = e.line !== null ? ` (line ${e.line})` : ''
    if (!r.ok) problems.push(`${r.reason}${at}`)
    else if (e.directory && r.entry.type !== 'dir') problems.push(`${e.path} is a file where the original has a directory${at}`)
  }
  return problems.length > 0
    ? { check: 'paths', ok: false, detail: `what the original copied is missing: ${problems.join('; ')}`, required: true }
    : { check: 'paths', ok: true, detail: `all ${expected.length} ${expected.length === 1 ? 'path' : 'paths'} the original's final stage received are there`, required: true }
}

export function checkStartup({ files, config, expectedPaths }: StartupInput): ProofCheck[] {
  const command = commandOf(config)
  const checks: ProofCheck[] = []
  let programs: { path: string; entry: ImageEntry }[] = []
  if (command.length === 0) {
    checks.push({ check: 'command', ok: false, detail: 'the image has neither ENTRYPOINT nor CMD ("no command specified")', required: true })
  } else {
    const exe = checkExecutable(files, command[0], config)
    checks.push(...exe.checks)
    if (exe.program) programs = [exe.program]
  }
  const user = checkUser(files, config.user)
  if (user) checks.push(user)
  // The Go programs the image ships where the original put them count too (a script may start them).
  for (const e of expectedPaths) {
    const r = resolvePath(files, e.path)
    if (r.ok && r.entry.go && !programs.some((p) => p.path === r.path)) programs.push({ path: r.path, entry: r.entry })
  }
  checks.push(...checkGoNeeds(files, programs, config))
  const paths = checkExpectedPaths(files, expectedPaths)
  if (paths) checks.push(paths)
  return checks
}
