// multi-stage: the final image still carries the Go toolchain (or builds in
// place), so everything but the binary ships. Savings: image size minus the
// measured binaries (and the base the suggestion ends on, when it is at hand).
// An image whose job is the toolchain (its command runs `go` or a tool that
// needs it, or golang is the product and nothing is built) is not a
// candidate: said at info level, with why, and no fix.
import { formatSize } from '../../units.js'
import { renderEdits } from '../edits.js'
import { effectiveCommand } from '../final-stage.js'
import { classifyBase } from '../images.js'
import { buildStagesOf, rootImage, stageChain } from '../model.js'
import { finding, programBinaries, type Rule, type RuleContext } from '../rule.js'
import { chooseRuntimeBase } from '../runtime-base.js'
import { suggestDockerfile } from '../suggest.js'

// Tools that run the go command (or load packages with it) at run time: an image that runs one keeps the toolchain.
const TOOLCHAIN_TOOLS = new Set(['golangci-lint', 'goreleaser', 'gopls', 'dlv', 'air', 'gotestsum', 'ko', 'mage', 'staticcheck', 'govulncheck', 'gofumpt', 'goimports', 'buf'])

/** Why the final image needs its Go toolchain at run time, or null. */
function toolchainJob(ctx: RuleContext): string | null {
  const { model } = ctx
  const argv = effectiveCommand(model, model.final).argv
  const words = argv[0] && /(^|\/)(sh|bash)$/.test(argv[0]) && argv[1] === '-c' ? (argv[2] ?? '').split(/\s+/) : argv
  const program = words.map((w) => w.split('/').pop() ?? '')
  const go = program.findIndex((w) => w === 'go')
  // `go run` of the module's own program only compiles it at every start: that is a candidate.
  if (go >= 0 && program[go + 1] !== 'run') return `its command runs \`go${program[go + 1] ? ` ${program[go + 1]}` : ''}\``
  const tool = program.find((w) => TOOLCHAIN_TOOLS.has(w))
  if (tool) return `its command runs ${tool}, which needs the Go toolchain`
  const builds = [...stageChain(model, model.final), ...buildStagesOf(model, model.final)].some((s) => s.goBuilds.length > 0 || (s.indirectBuilds ?? []).length > 0)
  if (!builds && argv.length > 0 && !program.includes('go')) return `the Dockerfile has no go build: the toolchain in ${rootImage(model, model.final)} is what the image provides`
  return null
}

export const multiStage: Rule = {
  id: 'multi-stage',
  needsMeasurement: false,
  check(ctx) {
    const { model, measured } = ctx
    const base = rootImage(model, model.final)
    const toolchain = classifyBase(base).kind === 'go-toolchain'
    const buildsInPlace = stageChain(model, model.final).some((s) => s.goBuilds.length > 0)
    if (!toolchain && !buildsInPlace) return []
    const job = toolchain ? toolchainJob(ctx) : null
    if (job) {
      return [finding(ctx, 'multi-stage', 'info', model.final.line, `The final image carries the Go toolchain (\`${base}\`), and it is its job: ${job}. A multi-stage build would take it away.`, '')]
    }
    // The same base the suggested Dockerfile ends on, so the finding and the suggestion tell one story.
    const choice = chooseRuntimeBase(ctx)
    const runtime = choice.base
    // Everything but the program's own binary goes (the toolchain's binaries included); the new base comes in.
    const program = programBinaries(ctx)
    const binaryBytes = program.reduce((sum, b) => sum + b.bytes, 0)
    const baseBytes = runtime === 'scratch' ? 0 : (measured?.baseSizes?.[runtime] ?? 0)
    const savings = measured && program.length > 0 ? Math.max(0, measured.size - binaryBytes - baseBytes) : null
    const what = toolchain ? `the Go toolchain, \`${base}\`` : 'its build tools and sources'
    const sizes = measured && savings !== null ? ` ${formatSize(measured.size)} ship for a ${formatSize(binaryBytes)} binary;` : ''
    const why = choice.blocker ? `: it keeps a shell, as ${choice.blocker}` : choice.needs.length ? `, for ${choice.needs.join(', ')}` : ''
    // The fix is the final stage rewritten: built in a stage of its own, the binary and what the image runs copied into the new base.
    const fixed = suggestDockerfile(ctx, { shave: false })
    const edits = fixed?.edits ?? []
    const f = finding(
      ctx,
      'multi-stage',
      measured?.budgetStatus === 'fail' ? 'error' : 'warning',
      model.final.line,
      `The final image carries ${what}:${sizes} build in one stage and copy only the binary into a \`FROM ${runtime}\` stage${why}.`,
      edits.length > 0 ? renderEdits(edits) : '',
      savings
    )
    return [edits.length > 0 ? { ...f, edits } : f]
  }
}
