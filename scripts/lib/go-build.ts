// Real Go programs with real dependencies, built offline, for the attribution
// oracle tests and the benchmark: the toolchains of scripts/go-toolchains.sh,
// the modules of Debian's golang-*-dev packages through the file:// GOPROXY of
// scripts/go-modules.sh (so the build info carries real module paths and
// versions), or GOPATH mode over the same sources. Each binary is built once
// per source, toolchain, architecture and flags, and kept under
// $GO_IMAGE_BUDGET_GOBUILD (default /var/tmp/go-image-budget-gobuild).
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const root = process.env.GO_IMAGE_BUDGET_GOBUILD ?? '/var/tmp/go-image-budget-gobuild'

export interface GoProgram {
  /** Directory of the program's sources (main.go …), without go.mod. */
  dir: string
  /** The module path and direct requirements of its go.mod; null builds in GOPATH mode. */
  module: { path: string; require: Record<string, string>; replace?: Record<string, string> } | null
  /** golang-*-dev packages that hold its dependencies (PACKAGE or PACKAGE@SUITE, for scripts/go-modules.sh). */
  debianPackages: string[]
}

export interface GoBuild {
  binary: string
  /** The toolchain's `go` command, to run `go tool nm` with. */
  go: string
  env: NodeJS.ProcessEnv
}

/** Asked once per process and arguments: the scripts are idempotent, and each call costs a process or two. */
const asked = new Map<string, string>()
const askScript = (script: string, args: string[]) => {
  const key = [script, ...args].join(' ')
  let out = asked.get(key)
  if (out === undefined) {
    out = execFileSync('bash', [path.join(repo, 'scripts', script), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    asked.set(key, out)
  }
  return out
}

/** The toolchains (scripts/go-toolchains.sh, idempotent): minor → GOROOT. */
export function goToolchainRoots(minors: string[]): Map<string, string> {
  return new Map(
    askScript('go-toolchains.sh', minors)
      .trim()
      .split('\n')
      .map((line) => line.split(' ') as [string, string])
  )
}

/** The file:// GOPROXY holding the packages' modules (scripts/go-modules.sh, idempotent). */
export function goModuleProxy(packages: string[]): string {
  return askScript('go-modules.sh', packages).trim()
}

function hashTree(dir: string, hash = createHash('sha256')): ReturnType<typeof createHash> {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) hashTree(full, hash.update(`${name}/`))
    else hash.update(name).update(readFileSync(full))
  }
  return hash
}

/** Builds `program` with Go `minor` for linux/`arch`, `-ldflags=-s -w` when `strip`; cached. */
export function buildGoProgram(program: GoProgram, minor: string, arch: 'amd64' | 'arm64', strip: boolean): GoBuild {
  const goroot = goToolchainRoots([minor]).get(minor)
  if (!goroot) throw new Error(`no Go ${minor} toolchain`)
  const go = path.join(goroot, 'bin/go')
  const proxy = goModuleProxy(program.debianPackages)
  const proxyDir = proxy.replace(/^file:\/\//, '')
  const gopath = path.join(root, 'gopath')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GOROOT: goroot,
    GOTOOLCHAIN: 'local',
    GOPROXY: proxy,
    GOSUMDB: 'off',
    GOFLAGS: '-mod=mod',
    GOPATH: gopath,
    GOMODCACHE: path.join(root, 'modcache'),
    GOCACHE: path.join(root, `cache-${minor}`),
    CGO_ENABLED: '0',
    GOOS: 'linux',
    GOARCH: arch
  }
  const goVersion = execFileSync(go, ['env', 'GOVERSION'], { env, encoding: 'utf8' }).trim()
  const key = hashTree(program.dir)
    .update(JSON.stringify([program.module, goVersion, arch, strip, readFileSync(path.join(proxyDir, '..', 'proxy.stamp'), 'utf8')]))
    .digest('hex')
    .slice(0, 16)
  const out = path.join(root, 'bin', `${path.basename(program.dir)}-${minor}-${arch}${strip ? '-stripped' : ''}-${key}`)
  if (existsSync(out)) return { binary: out, go, env }
  const work = path.join(root, 'work', `${path.basename(out)}.${process.pid}`)
  rmSync(work, { recursive: true, force: true })
  const args = ['build', '-o', `${out}.${process.pid}.tmp`, ...(strip ? ['-ldflags=-s -w'] : [])]
  if (program.module) {
    cpSync(program.dir, work, { recursive: true })
    const requires = Object.entries(program.module.require).map(([p, v]) => `\t${p} ${v}\n`)
    const replaces = Object.entries(program.module.replace ?? {}).map(([p, to]) => `replace ${p} => ${to}\n`)
    writeFileSync(path.join(work, 'go.mod'), `module ${program.module.path}\n\ngo 1.19\n\nrequire (\n${requires.join('')})\n${replaces.join('')}`)
    // -e: Debian's sources lack some other-OS files (x/sys/windows), which tidy looks at and the build does not need.
    // Go before 1.16 has no `tidy -e`; its build adds what it needs to go.mod itself.
    if (Number(minor.split('.')[1]) >= 16) execFileSync(go, ['mod', 'tidy', '-e'], { cwd: work, env: { ...env, GOOS: '', GOARCH: '' }, stdio: ['ignore', 'ignore', 'pipe'] })
    execFileSync(go, [...args, '.'], { cwd: work, env, stdio: ['ignore', 'inherit', 'inherit'] })
  } else {
    // GOPATH mode: the program in a GOPATH of its own, then every unpacked Debian tree as a further GOPATH entry.
    const trees = path.join(proxyDir, '..', 'trees')
    const entries = readdirSync(trees)
      .sort()
      .map((tree) => path.join(trees, tree, 'usr/share/gocode'))
      .filter((dir) => existsSync(dir))
    const appDir = path.join(work, 'src', 'example.com', path.basename(program.dir))
    cpSync(program.dir, appDir, { recursive: true })
    execFileSync(go, [...args, '.'], { cwd: appDir, env: { ...env, GO111MODULE: 'off', GOPATH: [work, ...entries].join(':'), GOFLAGS: '' }, stdio: ['ignore', 'inherit', 'inherit'] })
  }
  mkdirSync(path.dirname(out), { recursive: true })
  renameSync(`${out}.${process.pid}.tmp`, out)
  rmSync(work, { recursive: true, force: true })
  return { binary: out, go, env }
}

/** `go tool nm -size` of a binary: address, size, kind letter and name per symbol. */
export function goToolNm(build: GoBuild, binary = build.binary): { addr: number; size: number; kind: string; name: string }[] {
  const text = execFileSync(build.go, ['tool', 'nm', '-size', binary], { env: build.env, encoding: 'utf8', maxBuffer: 1 << 30 })
  const symbols: { addr: number; size: number; kind: string; name: string }[] = []
  for (const line of text.split('\n')) {
    const m = /^\s*([0-9a-f]+)\s+(\d+)\s+(\S)\s+(.*)$/.exec(line)
    if (m) symbols.push({ addr: parseInt(m[1], 16), size: Number(m[2]), kind: m[3], name: m[4] })
  }
  return symbols
}

/** Writes `program` into `dest` with go.mod, go.sum and vendor/ (Go `minor`), so that a build without network (`-mod=vendor`) finds every module. */
export function vendorGoProgram(program: GoProgram, minor: string, dest: string): void {
  if (!program.module) throw new Error('vendoring needs a module')
  const goroot = goToolchainRoots([minor]).get(minor)
  if (!goroot) throw new Error(`no Go ${minor} toolchain`)
  const go = path.join(goroot, 'bin/go')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GOROOT: goroot,
    GOTOOLCHAIN: 'local',
    GOPROXY: goModuleProxy(program.debianPackages),
    GOSUMDB: 'off',
    GOFLAGS: '-mod=mod',
    GOPATH: path.join(root, 'gopath'),
    GOMODCACHE: path.join(root, 'modcache'),
    GOCACHE: path.join(root, `cache-${minor}`)
  }
  cpSync(program.dir, dest, { recursive: true })
  const requires = Object.entries(program.module.require).map(([p, v]) => `\t${p} ${v}\n`)
  writeFileSync(path.join(dest, 'go.mod'), `module ${program.module.path}\n\ngo 1.19\n\nrequire (\n${requires.join('')})\n`)
  execFileSync(go, ['mod', 'tidy', '-e'], { cwd: dest, env, stdio: ['ignore', 'ignore', 'pipe'] })
  // -e: Debian's x/sys has no windows/ (logrus imports it on Windows only).
  execFileSync(go, ['mod', 'vendor', '-e'], { cwd: dest, env: { ...env, GOFLAGS: '' }, stdio: ['ignore', 'ignore', 'pipe'] })
}
