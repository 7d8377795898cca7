// dockerignore: a broad COPY (`COPY . .`) sends what no image needs (.git,
// dependencies, build output, testdata/, large files) into a layer, and every
// commit busts its cache: there is no .dockerignore, or it lets them through.
// Savings: the bytes of those entries, when the COPY lands in the final image.
import { formatSize } from '../../units.js'
import { buildStagesOf, stageChain } from '../model.js'
import { finding, type Rule } from '../rule.js'

const isBroad = (source: string) => ['.', './', '*', './*', '/'].includes(source)

/** The .dockerignore line for an entry: a nested directory (testdata/) wherever it is, anything else as it is. */
const ignoreLine = (path: string) => (path.endsWith('/') && path.slice(0, -1).includes('/') ? `**/${path.slice(0, -1).split('/').pop()}/` : path)

export const dockerignore: Rule = {
  id: 'dockerignore',
  needsMeasurement: false,
  check(ctx) {
    const { model, files } = ctx
    if (!files || files.unwanted.length === 0) return []
    const finalChain = new Set(stageChain(model, model.final).map((s) => s.index))
    const stages = [...stageChain(model, model.final), ...buildStagesOf(model, model.final)]
    const broad = stages
      .flatMap((s) => s.copies.filter((c) => c.from === null && c.sources.some(isBroad)).map((c) => ({ copy: c, final: finalChain.has(s.index) })))
      .sort((a, b) => a.copy.line - b.copy.line)[0]
    if (!broad) return []
    const bytes = files.unwanted.reduce((sum, u) => sum + u.bytes, 0)
    const list =
      files.unwanted
        .slice(0, 8)
        .map((u) => `${u.path} (${u.atLeast ? '≥ ' : ''}${formatSize(u.bytes)})`)
        .join(', ') + (files.unwanted.length > 8 ? ` and ${files.unwanted.length - 8} more` : '')
    const why = files.hasDockerignore ? 'the .dockerignore does not exclude them' : 'there is no .dockerignore'
    return [
      finding(
        ctx,
        'dockerignore',
        'warning',
        broad.copy.line,
        `\`${broad.copy.keyword} ${broad.copy.sources.join(' ')} ${broad.copy.dest}\` sends ${list} into ${broad.final ? 'the final image' : 'a build layer'} and rebuilds it on every commit: ${why}.`,
        [...new Set(files.unwanted.map((u) => ignoreLine(u.path)))].concat(files.hasDockerignore ? [] : ['*.test', 'Dockerfile*']).join('\n'),
        broad.final ? bytes : null
      )
    ]
  }
}
