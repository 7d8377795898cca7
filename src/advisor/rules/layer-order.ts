// layer-order: sources copied before `go mod download`, so every source change
// downloads every module again.
import { buildStagesOf, stageChain } from '../model.js'
import { finding, type Rule } from '../rule.js'
import { hasGoModDownload } from '../shell.js'

const isBroad = (source: string) => ['.', './', '*', './*'].includes(source)

export const layerOrder: Rule = {
  id: 'layer-order',
  needsMeasurement: false,
  check(ctx) {
    const { model, files } = ctx
    const stages = [...stageChain(model, model.final), ...buildStagesOf(model, model.final)]
    const findings = []
    for (const stage of stages) {
      const steps = [
        ...stage.copies.filter((c) => c.from === null).map((c) => ({ line: c.line, broad: c.sources.some(isBroad), copy: c, run: null })),
        ...stage.runs.map((r) => ({ line: r.line, broad: false, copy: null, run: r }))
      ].sort((a, b) => a.line - b.line)
      const firstBroad = steps.find((s) => s.broad)
      if (!firstBroad) continue
      const before = steps.filter((s) => s.line < firstBroad.line)
      const after = steps.filter((s) => s.line > firstBroad.line)
      if (before.some((s) => s.run && hasGoModDownload(s.run.commands))) continue
      const downloadAfter = after.find((s) => s.run && hasGoModDownload(s.run.commands))
      const buildAfter = after.find((s) => s.run && stage.goBuilds.some((b) => b.line === s.line))
      // A cache mount on the module cache (/go/pkg/mod, or all of GOPATH) keeps modules across source changes; the build cache does not.
      const cached = buildAfter?.run?.mounts.some((m) => /type=cache/.test(m) && /(target|dst|destination)=(\/go|\/go\/pkg|\/go\/pkg\/mod|\/root\/go\/pkg\/mod)\/?(,|$)/.test(m)) ?? false
      const needsModules = (files?.goMod?.requires ?? 0) > 0
      if (!downloadAfter && !(buildAfter && needsModules && !cached)) continue
      findings.push(finding(ctx, 'layer-order', 'info', firstBroad.line,
        `\`${firstBroad.copy!.keyword} ${firstBroad.copy!.sources.join(' ')} ${firstBroad.copy!.dest}\` comes before the modules are downloaded: every source change downloads them all again. Copy go.mod and go.sum and run \`go mod download\` first.`,
        `COPY go.mod go.sum ./\nRUN go mod download\n${firstBroad.copy!.keyword} ${firstBroad.copy!.sources.join(' ')} ${firstBroad.copy!.dest}`))
    }
    return findings
  }
}
