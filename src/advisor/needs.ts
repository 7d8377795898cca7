// What the program needs from its image, and how it links: from the built
// binary when there is one (its function table and ELF headers are the
// truth), else from the sources (the module's packages and vendor/, build
// tags included) and the build (CGO_ENABLED as written, the builder's C
// compiler, the Go version, cross-compiling). Each answer says what it rests
// on, so a rule can tell a fact from a guess. Pure.
import type { GoBinary } from '../report/types.js'
import type { FinalBinary } from './binaries.js'
import { finalBinaries } from './binaries.js'
import { evalConstraint } from './build-tags.js'
import { cgoOnlyModule } from './cgo-modules.js'
import { classifyBase, goAtLeast } from './images.js'
import { buildStagesOf, rootImage, stageChain, type DockerfileModel, type GoBuildModel, type StageModel } from './model.js'
import { programBinaries, type ContextFiles, type RuleContext } from './rule.js'
import { installedPackages } from './shell.js'

const TLS_PACKAGES = ['crypto/tls', 'crypto/x509', 'net/http', 'net/smtp', 'google.golang.org/grpc/credentials']
// Standard packages that link libc through cgo when cgo is on.
const CGO_PACKAGES = ['net', 'net/http', 'os/user', 'plugin', 'runtime/cgo']

export interface ProgramNeeds {
  caCertificates: boolean
  /** The CA need is assumed, not read: required modules were not in the context. */
  caAssumed: boolean
  timeZones: boolean
  users: boolean
  /** Where the answer comes from, for messages: the binary's function table, or the sources. */
  source: string
  /** Required modules whose sources were not read (0 when all were, or a binary was measured). */
  unread: number
}

/** The program's run-time needs: the measured binaries' (pclntab), else the context's sources. */
export function programNeeds(ctx: RuleContext): ProgramNeeds {
  const measured = programBinaries(ctx).filter((b) => b.needs)
  if (measured.length > 0) {
    const any = (pick: (n: NonNullable<GoBinary['needs']>) => boolean) => measured.some((b) => pick(b.needs!))
    return {
      caCertificates: any((n) => n.systemRoots && !n.embedsRoots),
      caAssumed: false,
      timeZones: any((n) => n.loadsZones && !n.embedsTzdata),
      users: any((n) => n.usersLookup),
      source: "the binary's function table",
      unread: 0
    }
  }
  const files = ctx.files
  // Only build info (module paths) at hand: the standard library use is unknown; assume the roots are needed.
  if (!files) return { caCertificates: true, caAssumed: true, timeZones: false, users: false, source: 'neither sources nor a function table', unread: 0 }
  const imports = files.imports
  // Modules replaced by a directory of the context were read with it.
  const unread = files.vendored ? 0 : Math.max(0, (files.goMod?.requires ?? 0) - (files.goMod?.localReplaces?.length ?? 0))
  const tls = imports.some((p) => TLS_PACKAGES.includes(p))
  return {
    // Dependencies outside the context (not vendored) may make HTTPS calls we cannot see.
    caCertificates: tls || unread > 0,
    caAssumed: !tls && unread > 0,
    timeZones: files.loadsTimeZones && !imports.includes('time/tzdata'),
    users: imports.includes('os/user'),
    source: files.vendored ? 'the sources and vendor/' : unread > 0 ? "the module's own sources" : 'the sources',
    unread
  }
}

/** Where the needs were read, in words: "read from the sources", with the assumption when there is one. */
export function readFrom(needs: ProgramNeeds): string {
  const modules = `${needs.unread} required module${needs.unread === 1 ? '' : 's'}`
  return needs.caAssumed ? `read from ${needs.source}; CA certificates are assumed, as its ${modules} ${needs.unread === 1 ? 'was' : 'were'} not read` : `read from ${needs.source}`
}

export interface Linking {
  /** `dynamic`: needs a libc and its loader at run time. */
  linking: 'static' | 'dynamic' | 'unknown'
  /** The C library it links (dynamic builds), when known. */
  libc: 'glibc' | 'musl' | null
  /** The program keeps cgo: C code of its own or a dependency's, cgo-only modules, CGO_ENABLED=1 written. */
  needsC: boolean
  reason: string
  /** What the answer rests on: the measured ELF, what the Dockerfile writes, a documented default, or nothing known. */
  basis: 'measured' | 'written' | 'default' | 'unknown'
  /** cgo is on only by Go's default: CGO_ENABLED=0 makes the binary static. */
  cgoByDefault?: boolean
}

/** Whether a stage has a C compiler: the Debian-based golang images do, alpine ones only after `apk add gcc`/build-base. */
function hasCCompiler(model: DockerfileModel, stage: StageModel): boolean {
  const base = classifyBase(rootImage(model, stage))
  if (base.kind === 'go-toolchain' && base.flavour !== 'alpine') return true
  return stageChain(model, stage).some((s) =>
    s.runs.some((r) => installedPackages(r.commands).some((p) => p.packages.some((x) => /^(gcc|build-base|build-essential|clang|musl-dev|libc6-dev|g\+\+)$/.test(x))))
  )
}

const libcOf = (model: DockerfileModel, stage: StageModel): 'glibc' | 'musl' | null => {
  const base = classifyBase(rootImage(model, stage))
  return base.flavour === 'alpine' ? 'musl' : base.flavour === 'debian' || base.flavour === 'ubuntu' || base.kind === 'go-toolchain' ? 'glibc' : null
}

/** Why a build keeps cgo (C code, a cgo-only module, tags that select them, CGO_ENABLED=1), or null. */
export function keepsCgo(build: GoBuildModel, files: ContextFiles | null): string | null {
  if (build.cgoEnabled === '1') return 'CGO_ENABLED=1 is written'
  const imports = files?.imports ?? []
  if (imports.includes('C')) return 'it has C code (import "C")'
  const tags = new Set((build.tags ?? '').split(/[,\s]+/).filter(Boolean))
  const selected = (files?.cgoFiles ?? []).find((f) => f.constraint !== null && tags.size > 0 && evalConstraint(f.constraint, tags) && !evalConstraint(f.constraint, new Set()))
  if (selected) return `-tags ${build.tags} selects ${selected.file}, which ${selected.why === 'import "C"' ? 'has C code' : `imports ${selected.why}`}`
  const imported = imports.map(cgoOnlyModule).find((m) => m !== null)
  if (imported) return `it imports ${imported}, which needs cgo`
  // No sources at hand: go.mod's requirements decide, by the short list of cgo-only modules.
  const listed = (files?.scan?.goFiles ?? 0) === 0 ? (files?.goMod?.paths ?? []).map(cgoOnlyModule).find((m) => m !== null) : null
  return listed ? `go.mod requires ${listed}, which needs cgo` : null
}

interface CgoState {
  on: boolean | null
  why: string
  written: boolean
}

/** Whether cgo is on for a build: as written, else Go's default for that builder and Go version. */
function cgoState(model: DockerfileModel, b: { stage: StageModel; build: GoBuildModel }): CgoState {
  const { build, stage } = b
  const image = rootImage(model, stage)
  if (build.cgoEnabled === '0') return { on: false, why: 'CGO_ENABLED=0', written: true }
  if (build.cgoEnabled === '1') return { on: true, why: 'CGO_ENABLED=1', written: true }
  const target = [build.env.GOOS, build.env.GOARCH].filter((v) => v !== undefined)
  if (target.some((v) => v.includes('$')))
    return {
      on: null,
      why: `GOOS and GOARCH come from the target platform, and cgo is off when that cross-compiles but on for a native build${hasCCompiler(model, stage) ? ` on ${image}, which has a C compiler` : ''}`,
      written: false
    }
  if (target.length > 0 && !((build.env.GOOS ?? 'linux') === 'linux' && (build.env.GOARCH ?? 'amd64') === 'amd64')) return { on: false, why: 'cross-compiling turns cgo off', written: false }
  if (hasCCompiler(model, stage)) return { on: true, why: `${image} has a C compiler and CGO_ENABLED is not set`, written: false }
  if (goAtLeast(stage.goVersion, '1.20')) return { on: false, why: `${image} has no C compiler, so Go ${stage.goVersion ?? '1.20'} and later turn cgo off`, written: false }
  // Before Go 1.20 the toolchain shipped a standard library compiled with cgo: on alpine, net and os/user linked musl without a C compiler.
  return { on: true, why: `Go ${stage.goVersion} on ${image} links net and os/user against musl`, written: false }
}

/** How one `go build` links, from the Dockerfile and the sources. */
function predictedLinking(model: DockerfileModel, b: FinalBinary, files: ContextFiles | null): Linking {
  const imports = files?.imports ?? []
  const keep = keepsCgo(b.build, files)
  const cgo = cgoState(model, b)
  const libc = libcOf(model, b.stage)
  const basis = cgo.written ? 'written' : 'default'
  if (cgo.on === false) return { linking: 'static', libc: null, needsC: keep !== null, reason: cgo.why, basis }
  if (cgo.on === null) return { linking: 'unknown', libc, needsC: keep !== null, reason: cgo.why, basis: 'unknown' }
  if (/-extldflags[= ]["']?[^"']*-static/.test(b.build.ldflags ?? '')) return { linking: 'static', libc, needsC: keep !== null, reason: 'linked with -extldflags -static', basis: 'written' }
  const byDefault = !cgo.written
  if (keep !== null) return { linking: 'dynamic', libc, needsC: true, reason: `${cgo.why}, and ${keep}`, basis, cgoByDefault: false }
  const tags = b.build.tags ?? ''
  const reaching = imports.filter((p) => CGO_PACKAGES.includes(p) && !(/\bnetgo\b/.test(tags) && p.startsWith('net')) && !(/\bosusergo\b/.test(tags) && p === 'os/user'))
  if (reaching.length > 0) return { linking: 'dynamic', libc, needsC: false, reason: `${cgo.why}, and it uses ${reaching.join(', ')}`, basis, cgoByDefault: byDefault }
  const allRead = files !== null && ((files.goMod?.requires ?? 0) === 0 || files.vendored === true) && (files.scan?.goFiles ?? 0) > 0
  if (allRead) return { linking: 'static', libc: null, needsC: false, reason: 'cgo is on, but none of its packages links libc', basis }
  return { linking: 'unknown', libc, needsC: false, reason: `${cgo.why}; whether a dependency links libc is not known, as its sources were not read`, basis: 'unknown', cgoByDefault: byDefault }
}

/** Why nothing tells how the binary links: it is prebuilt, or built by a script or make target that was not read. */
function unknownSource(model: DockerfileModel): string {
  const stages = [...stageChain(model, model.final), ...buildStagesOf(model, model.final)]
  const indirect = stages.flatMap((s) => s.indirectBuilds ?? [])[0]
  if (indirect) return `it is built by \`${indirect.what}\`, which was not read`
  if (stages.every((s) => s.goBuilds.length === 0)) return 'it is copied prebuilt into the image, so how it was linked is not in these files'
  return 'the COPY that brings it matches no go build in the Dockerfile'
}

/** How the program links: the measured ELF decides; else the Dockerfile and sources predict. */
export function programLinking(ctx: RuleContext): Linking {
  const files = ctx.files
  const built = finalBinaries(ctx.model, files?.goMod?.module ?? null)
  // The builds that make the program; when no COPY names one, every build of the stages the final image copies from.
  const builds =
    built.length > 0 ? built : [...stageChain(ctx.model, ctx.model.final), ...buildStagesOf(ctx.model, ctx.model.final)].flatMap((stage) => stage.goBuilds.map((build) => ({ stage, build })))
  const needsC = builds.some((b) => keepsCgo(b.build, files) !== null)
  const measured = programBinaries(ctx)
  if (measured.length > 0) {
    const dynamic = measured.filter((b) => !b.static)
    const libc = builds[0] ? libcOf(ctx.model, builds[0].stage) : null
    return dynamic.length > 0
      ? {
          linking: 'dynamic',
          libc,
          needsC: needsC || dynamic.some((b) => b.needs?.cgo === true && !b.needs.cgoResolver && !b.needs.usersLookup),
          reason: `${dynamic.map((b) => b.path).join(', ')} is dynamically linked: it has an ELF interpreter`,
          basis: 'measured',
          cgoByDefault: !needsC && builds.every((b) => b.build.cgoEnabled !== '1')
        }
      : { linking: 'static', libc: null, needsC, reason: 'the binary is statically linked', basis: 'measured' }
  }
  const predictions = builds.map((b) => predictedLinking(ctx.model, b as FinalBinary, files))
  if (predictions.length === 0) return { linking: 'unknown', libc: null, needsC, reason: unknownSource(ctx.model), basis: 'unknown' }
  return predictions.find((p) => p.linking === 'dynamic') ?? predictions.find((p) => p.linking === 'unknown') ?? predictions[0]
}
