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
export function buildOutput(build: GoBuildModel, moduleName: string | null): string {
  if (manyPrograms(build)) return resolvePath(build.output ? build.workdir : build.installDir, build.output ?? '.')
  if (build.output) {
    const out = resolvePath(build.workdir, build.output)
    return build.output.endsWith('/') ? `${out}/${defaultName(build, moduleName)}` : out
  }
  if (build.subcommand === 'install') return resolvePath(build.installDir, defaultName(build, moduleName))
  return resolvePath(build.workdir, defaultName(build, moduleName))
}

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

function defaultName(build: GoBuildModel, moduleName: string | null): string {
  const first = build.packages[0]
  if (first && first.endsWith('.go')) return first.split('/').pop()!.replace(/\.go$/, '')
  const pkg = first && first !== '.' && first !== './...' ? first.replace(/\/$/, '') : null
  if (pkg) return pkg.split('/').pop()!
  // `go build` / `go build .` names the binary after the package's import path.
  if (moduleName) return moduleName.split('/').pop()!
  return build.workdir.split('/').filter(Boolean).pop() ?? 'app'
}

/** The Go binaries the final stage ends up with, as far as the Dockerfile tells. */
export function finalBinaries(model: DockerfileModel, moduleName: string | null = null): FinalBinary[] {
  const result: FinalBinary[] = []
  for (const stage of stageChain(model, model.final)) {
    for (const build of stage.goBuilds) {
      const at = buildOutput(build, moduleName)
      result.push({ stage, build, builtAt: at, finalPath: at, copyLine: null, ...(manyPrograms(build) ? { directory: true } : {}) })
    }
  }
  for (const copy of model.final.copies) {
    if (copy.fromStage === null) continue
    const source = model.stages[copy.fromStage]
    for (const from of [source, ...buildStagesOf(model, source)]) {
      for (const build of from.goBuilds) {
        const at = buildOutput(build, moduleName)
        // `COPY --from` sources are paths from the source stage's root, whatever its WORKDIR.
        const many = manyPrograms(build)
        const match = copy.sources.find((s) => {
          const src = resolvePath('/', s)
          return src === at || at.startsWith(`${src}/`) || src === '/' || (many && src.startsWith(`${at}/`))
        })
        if (!match) continue
        const dest = resolvePath(copy.workdir, copy.dest)
        const srcPath = resolvePath('/', match)
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
