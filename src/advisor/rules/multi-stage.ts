// multi-stage: the final image still carries the Go toolchain (or builds in
// place), so everything but the binary ships. Savings: image size minus the
// measured binaries (and the base the suggestion ends on, when it is at hand).
import { formatSize } from '../../units.js'
import { classifyBase } from '../images.js'
import { rootImage, stageChain } from '../model.js'
import { finding, programBinaries, type Rule } from '../rule.js'
import { chooseRuntimeBase } from '../runtime-base.js'

export const multiStage: Rule = {
  id: 'multi-stage',
  needsMeasurement: false,
  check(ctx) {
    const { model, measured } = ctx
    const base = rootImage(model, model.final)
    const toolchain = classifyBase(base).kind === 'go-toolchain'
    const buildsInPlace = stageChain(model, model.final).some((s) => s.goBuilds.length > 0)
    if (!toolchain && !buildsInPlace) return []
    // The same base the suggested Dockerfile ends on, so the finding and the suggestion tell one story.
    const choice = chooseRuntimeBase(ctx)
    const runtime = choice.base
    // Everything but the program's own binary goes (the toolchain's binaries included); the new base comes in.
    const program = programBinaries(ctx)
    const binaryBytes = program.reduce((sum, b) => sum + b.bytes, 0)
    const baseBytes = runtime === 'scratch' ? 0 : (measured?.baseSizes?.[runtime] ?? 0)
    const savings = measured && program.length > 0 ? Math.max(0, measured.size - binaryBytes - baseBytes) : null
    const what = toolchain ? `the Go toolchain (${base})` : 'its build tools and sources'
    const sizes = measured && savings !== null ? ` ${formatSize(measured.size)} ship for a ${formatSize(binaryBytes)} binary;` : ''
    const why = choice.blocker ? ` (it keeps a shell: ${choice.blocker})` : choice.needs.length ? ` (for ${choice.needs.join(', ')})` : ''
    return [
      finding(
        ctx,
        'multi-stage',
        measured?.budgetStatus === 'fail' ? 'error' : 'warning',
        model.final.line,
        `The final image carries ${what}:${sizes} build in one stage and copy only the binary into a \`FROM ${runtime}\` stage${why}.`,
        [
          `FROM ${base} AS build`,
          '# … your COPY and RUN steps …',
          `RUN ${choice.keepCgo ? '' : 'CGO_ENABLED=0 '}go build -trimpath -ldflags="-s -w" -o /out/app .`,
          '',
          `FROM ${runtime}`,
          'COPY --from=build /out/app /app',
          'ENTRYPOINT ["/app"]'
        ].join('\n'),
        savings
      )
    ]
  }
}
