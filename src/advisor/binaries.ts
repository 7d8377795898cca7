// Where the final image's Go binary comes from, read from the Dockerfile:
// the `go build` whose output the final stage copies (or builds itself).
import type { GoBinary } from '../report/types.js'
import { classifyBase } from './images.js'
import { buildStagesOf, resolvePath, rootImage, stageChain, type CopyModel, type DockerfileModel, type GoBuildModel, type StageModel } from './model.js'

export interface FinalBinary {
  /** The stage that runs `go build`. */
  stage: StageModel
  build: GoBuildModel
  /** Absolute path of the binary in the build stage. */
  builtAt: string
  /** Absolute path of the binary in the final image. */
  finalPath: string
  /** Line of the COPY that brings it into the final stage, or null when built in place. */
  copyLine: number | null
  /** `go build -o dir/ ./cmd/...` (or `go install ./...`): a directory of binaries whose names the Dockerfile does not tell. */
  directory?: boolean
}

/** A build of several main packages at once (`./...`, `./cmd/...`) into a directory. */
const manyPrograms = (build: GoBuildModel) => build.packages.some((p) => p.endsWith('...')) && (build.output === null ? build.subcommand === 'install' : build.output.endsWith('/'))

/** The binary `go build` writes: `-o`, else the file's or package's last element; `go install` writes to its install directory. */
export function buildOutput(build: GoBuildModel, moduleName: string | null, root: string | null = null): string {
  if (manyPrograms(build)) return resolvePath(build.output ? build.dir : build.installDir, build.output ?? '.')
  if (build.output) {
    const out = resolvePath(build.dir, build.output)
    return build.output.endsWith('/') ? `${out}/${defaultName(build, moduleName, root)}` : out
  }
  if (build.subcommand === 'install') return resolvePath(build.installDir, defaultName(build, moduleName, root))
  return resolvePath(build.dir, defaultName(build, moduleName, root))
}

/**
 * The programs one build writes, each a path: a build of `./cmd/...` names
 * one binary a main package under it (when the sources were read); a build
 * of library packages alone writes none.
 */
function buildOutputs(model: DockerfileModel, stage: StageModel, build: GoBuildModel, module: string | null): { at: string; many: boolean }[] {
  const root = moduleRoot(model, stage)
  const at = buildOutput(build, module, root)
  const mains = model.context.mainPackages
  if (!manyPrograms(build) || mains === null || root === null) return [{ at, many: manyPrograms(build) }]
  const under = (pattern: string) => {
    const base = resolvePath(build.dir, pattern.replace(/\/?\.\.\.$/, '') || '.')
    const rel = base === root ? '' : base.startsWith(`${root}/`) ? base.slice(root.length + 1) : null
    return rel === null ? [] : mains.filter((m) => rel === '' || m === rel || m.startsWith(`${rel}/`))
  }
  const programs = [...new Set(build.packages.filter((p) => p.endsWith('...')).flatMap(under))]
  return programs.map((m) => ({ at: `${at}/${m !== '.' ? m.split('/').pop()! : module ? baseName(module) : root.split('/').pop()!}`, many: false }))
}

/** Where the module's root lands in a build stage: the destination of its broad COPY of the context (or a bind mount of it). */
function moduleRoot(model: DockerfileModel, stage: StageModel): string | null {
  for (const s of stageChain(model, stage)) {
    const broad = s.copies.find((c) => c.from === null && c.sources.some((x) => ['.', './', '*', './*'].includes(x)))
    if (broad) return resolvePath(broad.workdir, broad.dest)
    const bind = s.runs.flatMap((r) => r.mounts.map((m) => ({ m, workdir: r.workdir }))).find(({ m }) => /type=bind/.test(m) && !/(source|src|from)=/.test(m.replace(/type=bind/, '')))
    const target = bind ? /(target|dst|destination)=([^,]+)/.exec(bind.m)?.[2] : undefined
    if (bind && target) return resolvePath(bind.workdir, target)
  }
  return null
}

/** The binary name Go gives a module's root package: its path's last element, without a /vN suffix. */
const baseName = (module: string | null) => {
  const parts = (module ?? 'app').split('/')
  return parts.length > 1 && /^v\d+$/.test(parts[parts.length - 1]) ? parts[parts.length - 2] : parts[parts.length - 1]
}

/** `COPY --from` sources may be globs: `/go/bin/*`. */
const globMatches = (pattern: string, path: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`
  ).test(path)

// Directories a distribution base image has: a one-file COPY onto one of them lands inside it.
const DISTRIBUTION_DIRS = new Set([
  '/bin',
  '/sbin',
  '/lib',
  '/usr',
  '/usr/bin',
  '/usr/sbin',
  '/usr/lib',
  '/usr/local',
  '/usr/local/bin',
  '/usr/local/sbin',
  '/usr/local/lib',
  '/usr/share',
  '/opt',
  '/srv',
  '/tmp',
  '/etc',
  '/root',
  '/home',
  '/var',
  '/var/lib',
  '/mnt'
])
// What distroless images have of them (scratch has none).
const DISTROLESS_DIRS = new Set(['/etc', '/home', '/root', '/tmp', '/var', '/usr', '/usr/share', '/bin', '/sbin', '/usr/bin', '/usr/sbin', '/lib'])

/** The directories the base of `stage` has, as far as its kind tells. */
function baseDirectories(model: DockerfileModel, stage: StageModel): Set<string> {
  const kind = classifyBase(rootImage(model, stage)).kind
  if (kind === 'scratch') return new Set()
  return kind === 'distroless' || kind === 'distroless-static' ? DISTROLESS_DIRS : DISTRIBUTION_DIRS
}

/**
 * Whether a COPY writes into a directory (so a one-file source lands at
 * dest/name): a trailing slash, several sources, a wildcard or a directory
 * source, or a destination that is already a directory (the base's, a
 * WORKDIR, a `mkdir`, an earlier directory COPY).
 */
export function copiesIntoDirectory(model: DockerfileModel, stage: StageModel, copy: CopyModel, dirs = baseDirectories(model, stage)): boolean {
  if (copy.dest.endsWith('/') || copy.dest === '.' || copy.sources.length > 1 || copy.sources.some((s) => /[*?[]/.test(s) || s.endsWith('/') || s.endsWith('/.'))) return true
  const dest = resolvePath(copy.workdir, copy.dest)
  if (dest === '/' || dirs.has(dest)) return true
  return stageChain(model, stage).some(
    (s) =>
      s.copies.some((c) => c.line < copy.line && (c.workdir === dest || (c !== copy && resolvePath(c.workdir, c.dest) === dest && copiesIntoDirectory(model, s, c, dirs)))) ||
      s.runs.some((r) => r.line < copy.line && (r.workdir === dest || r.commands.some((w) => w[0] === 'mkdir' && w.slice(1).some((a) => !a.startsWith('-') && resolvePath(r.workdir, a) === dest))))
  )
}

function defaultName(build: GoBuildModel, moduleName: string | null, root: string | null = null): string {
  const first = build.packages[0]
  if (first && first.endsWith('.go')) return first.split('/').pop()!.replace(/\.go$/, '')
  const pkg = first && first !== '.' && first !== './...' ? resolvePath(build.dir, first.replace(/\/$/, '')) : null
  // `go build ./cmd/x` names the binary after the package's last element.
  if (pkg && first !== undefined && !first.startsWith('.') && !first.startsWith('/')) return baseName(first)
  const dir = pkg ?? build.dir
  // The module's root package is named after the module path; any other after its directory.
  if (moduleName && (root === null ? dir === build.workdir : dir === root)) return baseName(moduleName)
  return dir.split('/').filter(Boolean).pop() ?? 'app'
}

/** The Go binaries the final stage ends up with, as far as the Dockerfile tells. */
export function finalBinaries(model: DockerfileModel, moduleName: string | null = null): FinalBinary[] {
  const module = model.context.module ?? moduleName
  const result: FinalBinary[] = []
  for (const stage of stageChain(model, model.final)) {
    for (const build of stage.goBuilds) {
      for (const { at, many } of buildOutputs(model, stage, build, module)) result.push({ stage, build, builtAt: at, finalPath: at, copyLine: null, ...(many ? { directory: true } : {}) })
    }
  }
  for (const copy of model.final.copies) {
    if (copy.fromStage === null) continue
    const source = model.stages[copy.fromStage]
    for (const from of [source, ...buildStagesOf(model, source)]) {
      for (const build of from.goBuilds) {
        for (const { at, many } of buildOutputs(model, from, build, module)) {
          // `COPY --from` sources are paths from the source stage's root, whatever its WORKDIR.
          const match = copy.sources.find((s) => {
            const src = resolvePath('/', s)
            return src === at || at.startsWith(`${src}/`) || src === '/' || (many && src.startsWith(`${at}/`)) || (/[*?[]/.test(src) && globMatches(src, at))
          })
          if (!match) continue
          const dest = resolvePath(copy.workdir, copy.dest)
          const srcPath = resolvePath('/', match)
          if (/[*?[]/.test(srcPath)) {
            result.push({ stage: from, build, builtAt: at, finalPath: `${dest}/${at.split('/').pop()}`.replace(/\/+/g, '/'), copyLine: copy.line })
            continue
          }
          if (many && srcPath.startsWith(`${at}/`)) {
            // One program out of a directory of them: the COPY names it.
            const name = srcPath.split('/').pop()!
            const finalPath = copiesIntoDirectory(model, model.final, copy) ? `${dest}/${name}`.replace(/\/+/g, '/') : dest
            result.push({ stage: from, build, builtAt: srcPath, finalPath, copyLine: copy.line })
            continue
          }
          const rel = srcPath === '/' ? at.slice(1) : at.slice(srcPath.length).replace(/^\//, '')
          const intoDirectory = rel !== '' || (!many && copiesIntoDirectory(model, model.final, copy))
          const finalPath = intoDirectory ? `${dest}/${rel || at.split('/').pop()}`.replace(/\/+/g, '/') : dest
          result.push({ stage: from, build, builtAt: at, finalPath, copyLine: copy.line, ...(many ? { directory: true } : {}) })
        }
      }
    }
  }
  return result
}

// Go's own tools in a golang image (go, gofmt, vet …) are Go binaries too, but not the user's.
const TOOLCHAIN_PATH = /^\/?(usr\/(local\/)?(lib\/)?go(-[\d.]+)?|go\/pkg|root\/go\/pkg|usr\/local\/go)\//

/**
 * The measured Go binaries that are the user's program: those at the path the
 * Dockerfile puts them, else those of the go.mod module, else all but the toolchain's.
 */
export function appBinaries(model: DockerfileModel, goBinaries: GoBinary[], moduleName: string | null): GoBinary[] {
  const normal = (p: string) => `/${p.replace(/^\/+/, '')}`
  const paths = new Set(finalBinaries(model, moduleName).map((b) => b.finalPath))
  const atPath = goBinaries.filter((b) => paths.has(normal(b.path)))
  if (atPath.length > 0) return atPath
  const ofModule = moduleName ? goBinaries.filter((b) => b.module === moduleName) : []
  if (ofModule.length > 0) return ofModule
  return goBinaries.filter((b) => !TOOLCHAIN_PATH.test(b.path))
}
