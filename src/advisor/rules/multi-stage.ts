// multi-stage: the final image still carries the Go toolchain (or builds in
// place), so everything but the binary ships. Savings: image size minus the
// measured binaries.
import { formatSize } from '../../size.js'
import { classifyBase } from '../images.js'
import { rootImage, stageChain } from '../model.js'
import { finding, programBinaries, type Rule } from '../rule.js'

export const multiStage: Rule = {
  id: 'multi-stage',
  needsMeasurement: false,
  check(ctx) {
    const { model, measured } = ctx
    const base = rootImage(model, model.final)
    const toolchain = classifyBase(base).kind === 'go-toolchain'
    const buildsInPlace = stageChain(model, model.final).some((s) => s.goBuilds.length > 0)
    if (!toolchain && !buildsInPlace) return []
    // Everything but the program's own binary goes (the toolchain's binaries included).
    const program = programBinaries(ctx)
    const binaryBytes = program.reduce((sum, b) => sum + b.bytes, 0)
    const savings = measured && program.length > 0 ? Math.max(0, measured.size - binaryBytes) : null
    const what = toolchain ? `the Go toolchain (${base})` : 'its build tools and sources'
    const sizes = measured && savings !== null
      ? ` ${formatSize(measured.size)} ship for a ${formatSize(binaryBytes)} binary;`
      : ''
    return [
      finding(
        ctx,
        'multi-stage',
        measured?.budgetStatus === 'fail' ? 'error' : 'warning',
        model.final.line,
        `The final image carries ${what}:${sizes} build in one stage and copy only the binary into a \`FROM scratch\` stage.`,
        [
          `FROM ${base} AS build`,
          '# … your COPY and RUN steps …',
          'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .',
          '',
          'FROM scratch',
          'COPY --from=build /out/app /app',
          'ENTRYPOINT ["/app"]'
        ].join('\n'),
        savings
      )
    ]
  }
}
