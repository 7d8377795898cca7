// What every rule sees and returns. A rule is a pure function of the
// Dockerfile model, the measurement (null in dockerfile-only mode) and a few
// facts about the build context; it returns findings with savings taken from
// the measurement, never guessed.
import type { BudgetStatus, Finding, GoBinary, Layer, RuleId, Severity, Wasted } from '../report/types.js'
import { appBinaries, finalBinaries, type FinalBinary } from './binaries.js'
import type { DockerfileModel, GoBuildModel } from './model.js'

/** Facts about the build context a rule may need (read by context-files.ts). */
export interface ContextFiles {
  hasDockerignore: boolean
  /** go.mod's module path, how many modules it requires and its `go` directive; null without go.mod. */
  goMod: { module: string | null; requires: number; goVersion?: string | null; paths?: string[]; localReplaces?: string[] } | null
  /** What a broad COPY sends that no image needs (.git, node_modules, build output, testdata/, large files), after .dockerignore. */
  unwanted: { path: string; bytes: number; atLeast?: boolean }[]
  /** Packages imported by the context's non-test .go files (vendor/ included). */
  imports: string[]
  /** The sources load time zones by name (time.LoadLocation) at run time. */
  loadsTimeZones: boolean
  /** vendor/modules.txt is there: the build reads modules from vendor/, downloads none. */
  vendored?: boolean
  /** Top-level context entries the program opens at run time (named in its sources, not embedded). */
  runtimeFiles?: string[]
  /** How much of the module the source scan read. */
  scan?: { goFiles: number; vendorFiles: number; complete: boolean }
  /** go.sum is at the context root (a fix may COPY it). */
  hasGoSum?: boolean
  /** go.work's modules, when the context is a workspace. */
  goWork?: { uses: { dir: string; hasGoSum: boolean; requires: number }[] } | null
  /** Files with C code (`import "C"`) or a cgo-only module's import that a Linux build may compile, with their build constraint. */
  cgoFiles?: { file: string; constraint: string | null; why: string }[]
  /** Directories of the module's main packages (`.` for the root). */
  mainPackages?: string[]
  /** The context's Makefile, for `RUN make …`. */
  makefile?: string | null
}

/** What the measurement stage found about the built image. */
export interface Measured {
  size: number
  layers: Layer[]
  wasted: Wasted | null
  goBinaries: GoBinary[]
  /** The image config's user ('' when unset, i.e. root). */
  user: string | null
  budgetStatus: BudgetStatus
  /** Sizes of the minimal bases the advice names, where they are present locally (never pulled for this). */
  baseSizes?: Record<string, number>
}

export interface RuleContext {
  model: DockerfileModel
  measured: Measured | null
  files: ContextFiles | null
}

export interface Rule {
  id: RuleId
  /** Rules that cannot say anything useful without a built image; skipped in dockerfile-only mode. */
  needsMeasurement: boolean
  check(ctx: RuleContext): Finding[]
}

export function finding(ctx: RuleContext, rule: RuleId, severity: Severity, line: number | null, message: string, fix: string, estimatedSavings: number | null = null): Finding {
  // Savings are only claimed from a measurement.
  return { rule, severity, file: ctx.model.file, line, message, estimatedSavings: ctx.measured ? estimatedSavings : null, fix }
}

/** Wasted bytes below this are noise. */
export const WASTED_FLOOR = 1_000_000

export const budgetTight = (m: Measured | null): boolean => m !== null && (m.budgetStatus === 'fail' || m.budgetStatus === 'warn')

/** The measured binaries that are the user's program (not the Go toolchain's own tools). */
export const programBinaries = (ctx: RuleContext): GoBinary[] => (ctx.measured ? appBinaries(ctx.model, ctx.measured.goBinaries, ctx.files?.goMod?.module ?? null) : [])

export interface ShavingTarget {
  /** The binary's path in the final image. */
  path: string
  line: number | null
  /** Measured sizes; null from the Dockerfile alone. */
  bytes: number | null
  symbolBytes: number | null
  stripped: boolean
  trimpath: boolean
  goVersion: string | null
  /** The `go build` that made it, when the Dockerfile shows it. */
  from: FinalBinary | undefined
}

/**
 * What the shaving rules (strip-symbols, trimpath) speak about: the measured
 * program binaries, each with the `go build` that made it; without a
 * measurement, the `go build` lines whose binary reaches the final image.
 */
export function shavingTargets(ctx: RuleContext): ShavingTarget[] {
  const built = finalBinaries(ctx.model, ctx.files?.goMod?.module ?? null)
  if (ctx.measured) {
    return programBinaries(ctx).map((binary) => {
      const from = built.find((x) => x.finalPath === `/${binary.path.replace(/^\/+/, '')}`) ?? built[0]
      return {
        path: binary.path,
        line: from?.build.line ?? ctx.model.final.line,
        bytes: binary.bytes,
        symbolBytes: binary.symbolBytes ?? null,
        stripped: binary.stripped,
        trimpath: binary.trimpath ?? from?.build.trimpath ?? false,
        goVersion: binary.goVersion ?? from?.stage.goVersion ?? null,
        from
      }
    })
  }
  // From the Dockerfile alone, one target per go build: the programs it writes, named together.
  const seen = new Set<string>()
  const byBuild = new Map<GoBuildModel, ShavingTarget>()
  for (const b of built.filter((x) => !seen.has(x.finalPath) && seen.add(x.finalPath))) {
    const known = byBuild.get(b.build)
    if (known) known.path = `${known.path}, ${b.finalPath}`
    else byBuild.set(b.build, { path: b.finalPath, line: b.build.line, bytes: null, symbolBytes: null, stripped: b.build.stripped, trimpath: b.build.trimpath, goVersion: b.stage.goVersion, from: b })
  }
  return [...byBuild.values()]
}

/** Shaving is always worth saying (info); a tight budget makes it a warning. */
export const shavingSeverity = (ctx: RuleContext): Severity => (budgetTight(ctx.measured) ? 'warning' : 'info')
