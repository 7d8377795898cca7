// What every rule sees and returns. A rule is a pure function of the
// Dockerfile model, the measurement (null in dockerfile-only mode) and a few
// facts about the build context; it returns findings with savings taken from
// the measurement, never guessed.
import type { BudgetStatus, Finding, GoBinary, Layer, RuleId, Severity, Wasted } from '../report/types.js'
import { appBinaries, finalBinaries, type FinalBinary } from './binaries.js'
import type { DockerfileModel } from './model.js'

/** Facts about the build context a rule may need (read by context-files.ts). */
export interface ContextFiles {
  hasDockerignore: boolean
  /** go.mod's module path and how many modules it requires; null without go.mod. */
  goMod: { module: string | null; requires: number } | null
  /** Top-level context entries a broad COPY sends that no image needs (.git, node_modules, build output …), after .dockerignore. */
  unwanted: { path: string; bytes: number; atLeast?: boolean }[]
  /** Packages imported by the context's non-test .go files. */
  imports: string[]
  /** The sources load time zones by name (time.LoadLocation) at run time. */
  loadsTimeZones: boolean
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

/** Below this, shaving a binary (symbols, paths) is not worth a finding unless the budget is already tight. */
export const SHAVING_FLOOR = 1_000_000
/**
 * When the measurement cannot say how big the symbol tables are, a binary this
 * large is worth the finding anyway (symbols and DWARF are typically a quarter
 * to a third of a Go binary); its savings stay null, never guessed.
 */
export const UNMEASURED_SHAVING_BINARY = 5_000_000

/** Whether a shaving pass (strip-symbols, trimpath) is due for this binary. */
export function shavingDue(binary: GoBinary, measured: Measured): boolean {
  if (budgetTight(measured)) return true
  if (binary.stripped) return false
  return binary.symbolBytes != null ? binary.symbolBytes >= SHAVING_FLOOR : binary.bytes >= UNMEASURED_SHAVING_BINARY
}
/** Wasted bytes below this are noise. */
export const WASTED_FLOOR = 1_000_000

export const budgetTight = (m: Measured | null): boolean => m !== null && (m.budgetStatus === 'fail' || m.budgetStatus === 'warn')

/** The measured binaries that are the user's program (not the Go toolchain's own tools). */
export const programBinaries = (ctx: RuleContext): GoBinary[] =>
  ctx.measured ? appBinaries(ctx.model, ctx.measured.goBinaries, ctx.files?.goMod?.module ?? null) : []

/** The `go build` a shaving rule's fix rewrites to. */
export const SHAVED_BUILD = 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .'

/**
 * Program binaries a shaving rule (strip-symbols, trimpath) should speak about, each
 * with the Dockerfile `go build` that made it (or the final stage's first, if unmatched).
 */
export function shavingCandidates(ctx: RuleContext): { binary: GoBinary; from: FinalBinary | undefined; line: number | null }[] {
  const measured = ctx.measured
  if (!measured) return []
  const built = finalBinaries(ctx.model, ctx.files?.goMod?.module ?? null)
  return programBinaries(ctx)
    .filter((binary) => shavingDue(binary, measured))
    .map((binary) => {
      const from = built.find((x) => x.finalPath === binary.path) ?? built[0]
      return { binary, from, line: from?.build.line ?? ctx.model.final.line }
    })
}
