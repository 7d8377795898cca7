// dockerignore: no .dockerignore while a broad COPY (`COPY . .`) sends .git,
// dependencies or build output into a layer, and every commit busts its cache.
// Savings: the bytes of those entries, when the COPY lands in the final image.
import { formatSize } from '../../size.js'
import { buildStagesOf, stageChain } from '../model.js'
import { finding, type Rule } from '../rule.js'

const isBroad = (source: string) => ['.', './', '*', './*', '/'].includes(source)

export const dockerignore: Rule = {
  id: 'dockerignore',
  needsMeasurement: false,
  check(ctx) {
    const { model, files } = ctx
    if (!files || files.hasDockerignore || files.unwanted.length === 0) return []
    const finalChain = new Set(stageChain(model, model.final).map((s) => s.index))
    const stages = [...stageChain(model, model.final), ...buildStagesOf(model, model.final)]
    const broad = stages
      .flatMap((s) => s.copies.filter((c) => c.from === null && c.sources.some(isBroad)).map((c) => ({ copy: c, final: finalChain.has(s.index) })))
      .sort((a, b) => a.copy.line - b.copy.line)[0]
    if (!broad) return []
    const bytes = files.unwanted.reduce((sum, u) => sum + u.bytes, 0)
    const list = files.unwanted.map((u) => `${u.path} (${u.atLeast ? '≥ ' : ''}${formatSize(u.bytes)})`).join(', ')
    return [finding(ctx, 'dockerignore', 'warning', broad.copy.line,
      `\`${broad.copy.keyword} ${broad.copy.sources.join(' ')} ${broad.copy.dest}\` sends ${list} into ${broad.final ? 'the final image' : 'a build layer'} and rebuilds it on every commit: there is no .dockerignore.`,
      files.unwanted.map((u) => u.path).concat(['*.test', 'Dockerfile*']).join('\n'),
      broad.final ? bytes : null)]
  }
}
