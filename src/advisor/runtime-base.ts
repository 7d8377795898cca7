// The one answer to "what should the final stage run on", shared by the
// rules' fix snippets and the suggested Dockerfile, so they tell one story.
// A minimal base only when every run-time need is met or named: packages the
// final stage installs, a shell its command needs, libc for a binary that
// must stay dynamic, CA roots, zone data, a user. Pure.
import { classifyBase, DISTROLESS_STATIC_NONROOT, repository, SCRATCH } from './images.js'
import { finalStageFacts, type FinalRun, type FinalStageFacts } from './final-stage.js'
import { rootImage, stageChain } from './model.js'
import { programLinking, programNeeds, readFrom, type Linking, type ProgramNeeds } from './needs.js'
import type { RuleContext } from './rule.js'

export const DISTROLESS_STATIC = 'gcr.io/distroless/static-debian12'
export const DISTROLESS_BASE = 'gcr.io/distroless/base-debian12'
export const DISTROLESS_BASE_NONROOT = 'gcr.io/distroless/base-debian12:nonroot'
/** Small bases with a shell, for a final stage that needs one (static binary, or glibc). */
const SHELL_BASE = { static: 'alpine', glibc: 'debian:bookworm-slim' }

export interface RuntimeChoice {
  /** The final stage's base in the suggestion. */
  base: string
  /** The original final stage's base is kept (the suggestion only shaves the build). */
  keepsBase: boolean
  /** What the program needs from it, for the comment line. */
  needs: string[]
  /** Why no minimal base: the need that rules it out, or null. */
  blocker: string | null
  /** cgo stays on in the rewritten build (the program has C code). */
  keepCgo: boolean
  facts: FinalStageFacts
  linking: Linking
  programNeeds: ProgramNeeds
}

const isRoot = (user: string) => /^(root|0)(:.*)?$/.test(user.trim()) || user.trim() === ''

export function chooseRuntimeBase(ctx: RuleContext): RuntimeChoice {
  const { model, measured } = ctx
  const facts = finalStageFacts(model)
  const linking = programLinking(ctx)
  const needs = programNeeds(ctx)
  const original = rootImage(model, model.final)
  const info = classifyBase(original)
  const toolchain = info.kind === 'go-toolchain' || stageChain(model, model.final).some((s) => s.goBuilds.length > 0)
  const keepCgo = linking.needsC
  const glibc = keepCgo && linking.libc !== 'musl'
  const common = { facts, linking, programNeeds: needs, keepCgo }

  // A need no minimal base meets: keep the base (or, for a toolchain image, the smallest with a shell).
  const otherRun = facts.runs.find((r) => r.kind === 'other')
  const blocker =
    facts.unmetPackages.length > 0
      ? `the image installs ${facts.unmetPackages.join(', ')}`
      : facts.needsShell
        ? facts.needsShell.why
        : otherRun
          ? `the final stage runs \`${otherRun.text
              .split('\n')[0]
              .replace(/^RUN\s+/, '')
              .slice(0, 60)}\``
          : keepCgo && linking.libc === 'musl'
            ? 'the program has C code linked against musl'
            : null
  if (blocker) {
    // Packages installed before an in-place build are installed again in the new final stage: with the same package manager.
    const family = facts.carried.length > 0 ? (info.flavour === 'alpine' ? SHELL_BASE.static : SHELL_BASE.glibc) : null
    const base = !toolchain ? original : (family ?? (keepCgo || (linking.libc === 'glibc' && linking.linking === 'dynamic') ? SHELL_BASE.glibc : SHELL_BASE.static))
    return { ...common, base, keepsBase: base === original, needs: [], blocker }
  }

  const user = model.final.user?.value ?? (measured?.user || null)
  const nonRoot = user !== null ? !isRoot(user) : info.nonRoot
  // Already minimal: scratch or distroless static stay, unless a need is unmet (the findings name it).
  if ((info.kind === 'scratch' || info.kind === 'distroless-static') && !glibc) {
    const chain = stageChain(model, model.final)
    const copied = (re: RegExp) => chain.some((s) => s.copies.some((c) => [...c.sources, c.dest].some((p) => re.test(p))))
    const unmet: string[] = []
    if (info.kind === 'scratch') {
      if (needs.caCertificates && !copied(/ssl\/certs|ca-certificates|ca-bundle|cert\.pem/)) unmet.push('CA certificates')
      if (needs.timeZones && !copied(/zoneinfo|tzdata/)) unmet.push('time zones')
      if (user !== null && !isRoot(user) && !/^\d+(:\d+)?$/.test(user.trim()) && !copied(/etc\/passwd/)) unmet.push('a non-root user')
    }
    if (unmet.length === 0) return { ...common, base: original, keepsBase: true, needs: [], blocker: null }
    const base = unmet.includes('a non-root user') ? DISTROLESS_STATIC_NONROOT : DISTROLESS_STATIC
    return { ...common, base, keepsBase: false, needs: unmet, blocker: null }
  }
  const named = user !== null && !isRoot(user) && !/^\d+(:\d+)?$/.test(user.trim())
  const wants: string[] = []
  if (glibc) wants.push('glibc for its C code')
  if (needs.caCertificates) wants.push('CA certificates')
  if (needs.timeZones) wants.push('time zones')
  // A named user needs a passwd entry (distroless :nonroot has one); a numeric one runs anywhere, scratch too.
  if (named || (nonRoot && user === null)) wants.push('a non-root user')
  const nonRootBase = named || (nonRoot && user === null)
  const chosen = glibc ? (nonRootBase ? DISTROLESS_BASE_NONROOT : DISTROLESS_BASE) : nonRootBase ? DISTROLESS_STATIC_NONROOT : wants.length > 0 ? DISTROLESS_STATIC : SCRATCH
  // The image is on that base already (another tag of it, `:nonroot` or a digest): it stays.
  const base = repository(chosen) === repository(original) ? original : chosen
  return { ...common, base, keepsBase: base === original, needs: wants, blocker: null }
}

/** What stands in for a RUN of the original final stage on the new base, in words (the suggestion's `# replaced:` line and minimal-base's message). */
export function runReplacement(run: FinalRun | undefined, base: string, needs: ProgramNeeds): string {
  if (run?.kind === 'packages' && base === SCRATCH) return `the program needs neither CA certificates nor zone data, ${readFrom(needs)}`
  return run?.replacement || `${base} has no shell to run it`
}
