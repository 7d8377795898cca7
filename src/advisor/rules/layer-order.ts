// layer-order: sources copied before the modules are fetched, so every
// source change fetches every module again. Fetching is `go mod download`
// (or tidy, vendor, go get) after the broad COPY, or a step that resolves
// modules itself (go build/run/test/generate, a make target) in a module with
// requirements and no module cache mount. A vendored build fetches nothing:
// no finding, and never advice that would make an offline build need the network.
import { buildStagesOf, stageChain } from '../model.js'
import { finding, type Rule } from '../rule.js'
import { hasGoModDownload, resolvesModules, usesVendor } from '../shell.js'

const isBroad = (source: string) => ['.', './', '*', './*'].includes(source)
const MODULE_CACHE = /(target|dst|destination)=(\/go|\/go\/pkg|\/go\/pkg\/mod|\/root\/go\/pkg\/mod)\/?(,|$)/

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
      const runs = steps.filter((s) => s.run).map((s) => s.run!)
      // Modules come from vendor/ (`-mod=vendor`, GOFLAGS, or vendor/modules.txt with go ≥ 1.14): nothing is downloaded.
      const vendorFlag = runs.some((r) => usesVendor(r.commands)) || /-mod=vendor/.test(stage.env.GOFLAGS ?? '')
      const modVendorRun = runs.find((r) => r.commands.some((w) => w.includes('vendor') && w.includes('mod')))
      // …unless the Dockerfile runs `go mod vendor` itself, which downloads them all.
      if ((vendorFlag || files?.vendored) && !modVendorRun) continue
      const before = runs.filter((r) => r.line < firstBroad.line)
      const after = runs.filter((r) => r.line > firstBroad.line)
      if (before.some((r) => hasGoModDownload(r.commands))) continue
      const downloadAfter = after.find((r) => hasGoModDownload(r.commands))
      const resolving = after.find((r) => resolvesModules(r.commands))
      // A cache mount on the module cache (/go/pkg/mod, or all of GOPATH) keeps modules across source changes; the build cache does not.
      const cached = resolving?.mounts.some((m) => /type=cache/.test(m) && MODULE_CACHE.test(m)) ?? false
      const needsModules = (files?.goMod?.requires ?? 0) > 0
      if (!downloadAfter && !(resolving && needsModules && !cached)) continue
      const copy = firstBroad.copy!
      const step = downloadAfter ? 'the modules are downloaded' : `\`${(resolving!.commands.find((w) => w.length > 0) ?? []).slice(0, 3).join(' ')}\` fetches the modules`
      findings.push(
        finding(
          ctx,
          'layer-order',
          'info',
          firstBroad.line,
          `\`${copy.keyword} ${copy.sources.join(' ')} ${copy.dest}\` comes before ${step}: every source change downloads them all again. Copy go.mod and go.sum and run \`go mod download\` first.`,
          `COPY go.mod go.sum ./\nRUN go mod download\n${copy.keyword} ${copy.sources.join(' ')} ${copy.dest}`
        )
      )
    }
    return findings
  }
}
