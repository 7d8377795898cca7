// What the program needs from its image, and how it links: from the built
// binary when there is one (its function table and ELF headers are the
// truth), else from the sources (the module's packages and vendor/) and the
// build stage (a C compiler, CGO_ENABLED, the Go version on alpine). Pure.
import type { GoBinary } from '../report/types.js'
import type { FinalBinary } from './binaries.js'
import { finalBinaries } from './binaries.js'
import { classifyBase, goAtLeast } from './images.js'
import { rootImage, stageChain, type DockerfileModel, type StageModel } from './model.js'
import { programBinaries, type RuleContext } from './rule.js'
import { installedPackages } from './shell.js'

const TLS_PACKAGES = ['crypto/tls', 'crypto/x509', 'net/http', 'net/smtp', 'google.golang.org/grpc/credentials']
// Standard packages that link libc through cgo when cgo is on.
export const CGO_PACKAGES = ['net', 'net/http', 'os/user', 'plugin', 'runtime/cgo']

export interface ProgramNeeds {
  caCertificates: boolean
  timeZones: boolean
  users: boolean
  /** Where the answer comes from, for messages: the binary's function table, or the sources. */
  source: string
}

/** The program's run-time needs: the measured binaries' (pclntab), else the context's sources. */
export function programNeeds(ctx: RuleContext): ProgramNeeds {
  const measured = programBinaries(ctx).filter((b) => b.needs)
  if (measured.length > 0) {
    const any = (pick: (n: NonNullable<GoBinary['needs']>) => boolean) => measured.some((b) => pick(b.needs!))
    return {
      caCertificates: any((n) => n.systemRoots && !n.embedsRoots),
      timeZones: any((n) => n.loadsZones && !n.embedsTzdata),
      users: any((n) => n.usersLookup),
      source: "the binary's function table"
    }
  }
  const files = ctx.files
  if (!files) {
    // Only build info (module paths) at hand: the standard library use is unknown; assume the roots are needed.
    return { caCertificates: true, timeZones: false, users: false, source: 'nothing (no sources, no function table): CA certificates assumed' }
  }
  const imports = files.imports
  const unscanned = (files.goMod?.requires ?? 0) > 0 && !files.vendored
  const tls = imports.some((p) => TLS_PACKAGES.includes(p))
  return {
    // Dependencies outside the context (not vendored) may make HTTPS calls we cannot see.
    caCertificates: tls || unscanned,
    timeZones: files.loadsTimeZones && !imports.includes('time/tzdata'),
    users: imports.includes('os/user'),
    source: files.vendored
      ? 'the sources (module and vendor/)'
      : unscanned
        ? `the module's own sources (its ${files.goMod!.requires} required modules are not vendored: CA certificates assumed)`
        : 'the sources'
  }
}

export interface Linking {
  /** `dynamic`: needs a libc and its loader at run time. */
  linking: 'static' | 'dynamic' | 'unknown'
  /** The C library it links (dynamic builds), when known. */
  libc: 'glibc' | 'musl' | null
  /** The program itself has C code (`import "C"`, CGO_ENABLED=1): CGO_ENABLED=0 would not build it. */
  needsC: boolean
  reason: string
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

/** How one `go build` links, from the Dockerfile and the sources. */
function predictedLinking(model: DockerfileModel, b: FinalBinary, imports: string[]): Linking {
  const cgo = b.build.cgoEnabled
  const needsC = imports.includes('C') || cgo === '1'
  const libc = libcOf(model, b.stage)
  const staticFlags = /-extldflags[= ]["']?[^"']*-static/.test(b.build.ldflags ?? '') || (/\bnetgo\b/.test(b.build.tags ?? '') && !imports.includes('C') && !imports.includes('os/user'))
  if (cgo === '0') return { linking: 'static', libc: null, needsC: false, reason: 'CGO_ENABLED=0' }
  const reaching = imports.filter((p) => CGO_PACKAGES.includes(p) || p === 'C')
  const alpine = classifyBase(rootImage(model, b.stage)).flavour === 'alpine'
  // Before Go 1.20 the toolchain shipped a standard library compiled with cgo: on alpine, net and os/user linked musl dynamically without a C compiler.
  const oldAlpine = alpine && !goAtLeast(b.stage.goVersion, '1.20')
  const cgoOn = cgo === '1' || hasCCompiler(model, b.stage) || oldAlpine
  if (!cgoOn) return { linking: 'static', libc: null, needsC, reason: 'no C compiler in the build stage, so cgo is off' }
  if (staticFlags) return { linking: 'static', libc, needsC, reason: 'linked with -extldflags -static' }
  // CGO_ENABLED=1 is asked for C code (the program's or a dependency's): it links libc.
  if (cgo === '1' && reaching.length === 0) return { linking: 'dynamic', libc, needsC, reason: 'CGO_ENABLED=1' }
  if (reaching.length > 0) {
    const why =
      cgo === '1'
        ? 'CGO_ENABLED=1'
        : oldAlpine && !hasCCompiler(model, b.stage)
          ? `Go ${b.stage.goVersion} on alpine links net and os/user against musl`
          : 'the build stage has a C compiler and CGO_ENABLED is not 0'
    return { linking: 'dynamic', libc, needsC, reason: `${why}, and it uses ${reaching.join(', ')}` }
  }
  return { linking: 'unknown', libc, needsC, reason: 'cgo is on; whether it links libc depends on its dependencies' }
}

/** How the program links: the measured ELF decides; else the Dockerfile and sources predict. */
export function programLinking(ctx: RuleContext): Linking {
  const imports = ctx.files?.imports ?? []
  const measured = programBinaries(ctx)
  const needsC = imports.includes('C') || finalBinaries(ctx.model, ctx.files?.goMod?.module ?? null).some((b) => b.build.cgoEnabled === '1')
  if (measured.length > 0) {
    const dynamic = measured.filter((b) => !b.static)
    const built = finalBinaries(ctx.model, ctx.files?.goMod?.module ?? null)
    const libc = built[0] ? libcOf(ctx.model, built[0].stage) : null
    return dynamic.length > 0
      ? {
          linking: 'dynamic',
          libc,
          needsC: needsC || dynamic.some((b) => b.needs?.cgo === true && !b.needs.cgoResolver && !b.needs.usersLookup),
          reason: `${dynamic.map((b) => b.path).join(', ')} is dynamically linked (it has an ELF interpreter)`
        }
      : { linking: 'static', libc: null, needsC, reason: 'the binary is statically linked' }
  }
  const predictions = finalBinaries(ctx.model, ctx.files?.goMod?.module ?? null).map((b) => predictedLinking(ctx.model, b, imports))
  return (
    predictions.find((p) => p.linking === 'dynamic') ??
    predictions.find((p) => p.linking === 'unknown') ??
    predictions[0] ?? { linking: 'unknown', libc: null, needsC, reason: 'no go build in the Dockerfile' }
  )
}
