// The comment's sections for one image: sizes against the base, the layers
// that changed and the largest ones, wasted bytes and Go binaries, findings,
// the suggested Dockerfile, the trend. Pure renderings of a Report, each
// bounded by a Limits row, so a caller can trade detail for length. What is
// noise and which layers changed were decided by the comparison
// (compare/compare.ts) and are read from the report, never recomputed here.
import { formatDelta, formatSize } from '../units.js'
import { renderWhyItGrew, topModulesLine } from './why-it-grew.js'
import { pointName, trendChart } from './chart.js'
import { codeBlock, encodePath, escapeText, escapeTextWithCode, htmlCode, htmlText, inlineCode } from './escape.js'
import { STATUS_ICON, baselineName, deltaText, isCount, more, percentText, short, size } from './numbers.js'
import { layerChangeBytes, type BaselineLayer, type Finding, type HistoryPoint, type Layer, type LayerDiffEntry, type Metric, type Report } from '../report/types.js'

// ---------------------------------------------------------------- links

export interface LinkTarget {
  repoUrl: string | null
  commit: string | null
  dockerfile: string | null
}

export function dockerfileLink(target: LinkTarget, line: number | null, file?: string | null): string {
  const path = file ?? target.dockerfile
  if (!isCount(line) || !path) return ''
  const name = `${escapeText(path.split('/').pop() ?? path, 60)}:${line}`
  if (!target.repoUrl || !target.commit || !/^[0-9a-f]{7,64}$/i.test(target.commit)) return name
  return `[${name}](${target.repoUrl}/blob/${target.commit}/${encodePath(path)}#L${line})`
}

// ---------------------------------------------------------------- sections

export interface Limits {
  layers: number
  files: number
  findings: number
  history: number
  platforms: number
  suggestion: boolean
  trendChart: boolean
  details: boolean
  embedHistory: number
}

export const LIMIT_LADDER: Limits[] = [
  { layers: 10, files: 10, findings: 30, history: 12, platforms: 20, suggestion: true, trendChart: true, details: true, embedHistory: 100 },
  { layers: 5, files: 5, findings: 10, history: 6, platforms: 10, suggestion: true, trendChart: true, details: true, embedHistory: 50 },
  { layers: 3, files: 3, findings: 5, history: 4, platforms: 8, suggestion: false, trendChart: false, details: true, embedHistory: 20 },
  { layers: 0, files: 0, findings: 0, history: 0, platforms: 5, suggestion: false, trendChart: false, details: false, embedHistory: 5 }
]

export function renderSizeTable(report: Report, limits: Limits): string[] {
  const base = report.baseline
  const name = baselineName(base.ref)
  const baseName = name ? inlineCode(name, 60) : 'baseline'
  if (report.platforms && report.platforms.length > 1) {
    const rows = report.platforms.slice(0, limits.platforms).map((p) => {
      const change = p.delta && p.baseline.size ? deltaText(p.delta.uncompressed, p.baseline.size.uncompressed, p.delta.noise.uncompressed) : '–'
      const changeCompressed = p.delta && p.baseline.size && p.delta.compressed !== null ? deltaText(p.delta.compressed, p.baseline.size.compressed, p.delta.noise.compressed) : '–'
      return `| ${STATUS_ICON[p.status]} ${inlineCode(p.platform, 40)} | ${size(p.size.uncompressed)} | ${change} | ${size(p.size.compressed)} | ${changeCompressed} |`
    })
    const hidden = report.platforms.length - rows.length
    if (hidden > 0) rows.push(`| ${more(hidden, 'platform')} | | | | |`)
    return [`| platform | uncompressed | vs ${baseName} | compressed | vs ${baseName} |`, '|:--|--:|--:|--:|--:|', ...rows, '']
  }
  const headName = report.image.commit ? `this pull request (${inlineCode(short(report.image.commit) ?? '')})` : 'this image'
  const rows = [`| ${headName} | ${size(report.size.uncompressed)} | ${size(report.size.compressed)} |`]
  if (base.source !== 'none' && base.size) {
    const baseCommit = base.commit ? ` (${inlineCode(short(base.commit) ?? '')})` : ''
    rows.push(`| ${baseName}${baseCommit} | ${size(base.size.uncompressed)} | ${size(base.size.compressed)} |`)
    const delta = report.delta
    const du = delta ? deltaText(delta.uncompressed, base.size.uncompressed, delta.noise.uncompressed) : '–'
    const dc = delta ? deltaText(delta.compressed, base.size.compressed, delta.noise.compressed) : '–'
    rows.push(`| **change** | ${du} | ${dc} |`)
  }
  if (report.budget.limit !== null) {
    const cells = report.budget.metric === 'compressed' ? `| | ${formatSize(report.budget.limit)} |` : `| ${formatSize(report.budget.limit)} | |`
    rows.push(`| budget ${cells}`)
  }
  const compressedNote = report.size.compressedSource === 'gzip-estimate' ? ' (gzip estimate)' : ''
  return [`| | uncompressed | compressed${compressedNote} |`, '|:--|--:|--:|', ...rows, '']
}

type LayerKind = 'added' | 'removed' | 'grown' | 'shrunk'
interface ShownChange {
  kind: LayerKind
  layer: Layer | BaselineLayer
  delta: number
}

/** The changed layers from the comparison stage's diff, in the shape the table shows. */
function fromLayerDiff(entries: LayerDiffEntry[], head: Layer[], metric: Metric): ShownChange[] {
  const shown: ShownChange[] = []
  for (const entry of entries) {
    if (entry.change === 'unchanged' || entry.noise) continue
    const side = entry.head ?? entry.base
    if (!side) continue
    const full = entry.head ? head.find((l) => l.index === entry.head?.index) : undefined
    const layer: Layer | BaselineLayer = full ?? { ...side, dockerfileLine: null, uncompressed: side.uncompressed }
    shown.push({ kind: entry.change, layer, delta: layerChangeBytes(entry.delta, metric) })
  }
  return shown.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
}

/** `linked`: false for a removed layer, whose line is in the base commit's Dockerfile, not the head's. */
function instructionCell(layer: Layer | BaselineLayer, target: LinkTarget, linked = true): string {
  const where = layer.fromBaseImage ? 'base image' : linked ? dockerfileLink(target, layer.dockerfileLine) : ''
  const instruction = layer.instruction?.trim() ? inlineCode(layer.instruction, 90) : layer.fromBaseImage ? 'base image layer' : '(no instruction recorded)'
  return `${instruction}${where && !(layer.fromBaseImage && !layer.instruction?.trim()) ? ` · ${where}` : ''}`
}

export function renderLayers(report: Report, limits: Limits, target: LinkTarget): string[] {
  if (limits.layers === 0 || report.layers.length === 0) return []
  const lines: string[] = []
  const platformNote = report.platforms && report.platforms.length > 1 ? ` (${inlineCode(report.image.platform, 40)})` : ''
  if (report.baseline.source !== 'none' && report.layerDiff) {
    const changes = fromLayerDiff(report.layerDiff.entries, report.layers, report.layerDiff.metric)
    if (changes.length > 0) {
      const mark = { added: '🆕 added', removed: '➖ removed', grown: '📈 grown', shrunk: '📉 shrunk' }
      const rows = changes
        .slice(0, limits.layers)
        .map((c) => `| ${mark[c.kind]} | ${instructionCell(c.layer, target, c.kind !== 'removed')} | ${c.kind === 'removed' ? '–' : size(c.layer.uncompressed)} | ${formatDelta(c.delta)} |`)
      if (changes.length > rows.length) rows.push(`| ${more(changes.length - rows.length, 'changed layer')} | | | |`)
      lines.push(`#### Layers that changed${platformNote}`, '', '| | instruction | size | change |', '|:--|:--|--:|--:|', ...rows, '')
    }
  }
  const largest = [...report.layers].sort((a, b) => b.uncompressed - a.uncompressed).filter((l) => l.uncompressed > 0)
  if (largest.length > 0) {
    const rows = largest.slice(0, limits.layers).map((l) => `| ${isCount(l.index) ? l.index : '?'} | ${instructionCell(l, target)} | ${size(l.uncompressed)} | ${size(l.compressed)} |`)
    const rest = largest.slice(limits.layers)
    if (rest.length > 0) {
      const restBytes = rest.reduce((sum, l) => sum + l.uncompressed, 0)
      rows.push(`| | ${more(rest.length, 'layer')} | ${formatSize(restBytes)} | |`)
    }
    const emptyLayers = report.layers.length - largest.length
    const caption = emptyLayers > 0 ? ` (${emptyLayers} empty layer${emptyLayers === 1 ? '' : 's'} not shown)` : ''
    lines.push(
      `<details><summary><b>Largest layers</b>${platformNote ? ` (${htmlCode(report.image.platform, 40)})` : ''}: ${report.layers.length} layer${report.layers.length === 1 ? '' : 's'}${caption}</summary>`,
      '',
      '| # | instruction | size | compressed |',
      '|--:|:--|--:|--:|',
      ...rows,
      '',
      '</details>',
      ''
    )
  }
  return lines
}

export function renderWastedAndBinaries(report: Report, limits: Limits): string[] {
  const lines: string[] = []
  const wasted = report.wasted
  if (wasted && wasted.bytes > 0 && limits.details) {
    const rows = [...wasted.files]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, limits.files)
      .map((f) => `| ${inlineCode(f.path, 90)} | ${formatSize(f.bytes)} | ${(Array.isArray(f.layers) ? f.layers : []).filter(isCount).join(', ')} |`)
    if (wasted.files.length > rows.length) rows.push(`| ${more(wasted.files.length - rows.length, 'file')} | | |`)
    lines.push(
      `<details><summary><b>${formatSize(wasted.bytes)} wasted</b>: files that a later layer overwrites or deletes still ship in the earlier one</summary>`,
      '',
      ...(rows.length > 0 ? ['| file | wasted | layers |', '|:--|--:|:--|', ...rows] : []),
      '',
      '</details>',
      ''
    )
  }
  if (report.goBinaries.length > 0 && limits.details) {
    // A golang base image ships the toolchain's own Go binaries; the program is what the reader cares about.
    const toolchain = report.goBinaries.filter((b) => TOOLCHAIN_PATH.test(b.path))
    const programs = report.goBinaries.filter((b) => !TOOLCHAIN_PATH.test(b.path)).sort((a, b) => b.bytes - a.bytes)
    const facts = programs.slice(0, Math.max(1, Math.min(limits.files, 3))).map((b) => {
      const traits = [
        b.goVersion ? inlineCode(b.goVersion, 30) : null,
        b.static ? 'static' : '**dynamically linked**',
        b.stripped ? 'stripped' : '**not stripped**',
        b.cgo === true ? 'cgo on' : b.cgo === false ? 'cgo off' : null,
        b.trimpath === false ? 'no `-trimpath`' : null
      ].filter(Boolean)
      // Where the bytes are, even without a baseline.
      const modules = b.attribution ? `\n  - largest modules: ${escapeText(topModulesLine(b.attribution, 5), 600)}` : ''
      return `- Go binary ${inlineCode(b.path, 80)}: ${formatSize(b.bytes)} · ${traits.join(' · ')}${modules}`
    })
    if (programs.length > facts.length) facts.push(`- ${more(programs.length - facts.length, 'Go binary', 'Go binaries')}`)
    if (toolchain.length > 0) {
      const bytes = toolchain.reduce((sum, b) => sum + b.bytes, 0)
      facts.push(`- plus the Go toolchain's own ${toolchain.length} binar${toolchain.length === 1 ? 'y' : 'ies'} (${formatSize(bytes)}), which a final stage does not need`)
    }
    lines.push(...facts, '')
  }
  return lines
}

const TOOLCHAIN_PATH = /^\/?(usr\/local\/go|usr\/lib\/go(-[\d.]+)?|go\/pkg\/tool)\//

const SEVERITY_ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const

export function renderFindings(findings: Finding[], limits: Limits, target: LinkTarget): string[] {
  if (findings.length === 0 || limits.findings === 0) return []
  const rank = { error: 0, warning: 1, info: 2 }
  const sorted = [...findings].sort((a, b) => (b.estimatedSavings ?? -1) - (a.estimatedSavings ?? -1) || rank[a.severity] - rank[b.severity])
  const rows = sorted.slice(0, limits.findings).map((f) => {
    const savings = f.estimatedSavings ? `−${formatSize(f.estimatedSavings)}` : ''
    const where = dockerfileLink(target, f.line, f.file)
    // The line that says the most: a fix that rewrites stages shows the FROM it ends on, any other its first instruction.
    const nonEmpty = f.fix.split('\n').filter((l) => l.trim())
    const lines = nonEmpty.some((l) => !l.startsWith('#')) ? nonEmpty.filter((l) => !l.startsWith('#')) : nonEmpty
    const fix = lines.length > 0 ? `<br>${inlineCode(lines.filter((l) => /^FROM\s/i.test(l)).pop() ?? lines[0], 100)}` : ''
    return `| ${SEVERITY_ICON[f.severity]} ${inlineCode(f.rule, 20)} | ${escapeTextWithCode(f.message, 240)}${where ? ` (${where})` : ''}${fix} | ${savings} |`
  })
  if (sorted.length > rows.length) rows.push(`| | ${more(sorted.length - rows.length, 'finding')} | |`)
  return ['#### What to change', '', '| rule | finding | saves |', '|:--|:--|--:|', ...rows, '']
}

export function renderSuggestion(report: Report, limits: Limits): string[] {
  const suggestion = report.suggestion
  if (!suggestion || !limits.suggestion) return []
  const current = report.size.uncompressed
  let claim: string
  if (suggestion.verified && suggestion.size) {
    const saved = current - suggestion.size.uncompressed
    claim =
      `built and measured${suggestion.proof?.start ? ', and it starts' : ''}: <b>${formatSize(suggestion.size.uncompressed)}</b>` +
      (saved > 0 ? `, ${formatSize(saved)} smaller (${percentText(-(saved / current) * 100)})` : '') +
      (suggestion.verifiedAt && suggestion.verifiedAt !== report.image.commit ? `; verified at ${htmlCode(short(suggestion.verifiedAt) ?? '', 12)}` : '')
  } else if (suggestion.error) {
    claim = `not verified (${htmlText(suggestion.error, 160)})`
  } else claim = suggestion.verifyReason ? `not built (${htmlText(suggestion.verifyReason, 120)})` : 'not built'
  if (suggestion.base) claim = `on ${htmlCode(suggestion.base, 60)}, ${claim}`
  const dockerfile = suggestion.dockerfile.length > 20000 ? suggestion.dockerfile.slice(0, 20000) + '\n# …truncated' : suggestion.dockerfile
  // What "verified" rests on, one line a check.
  const proof = suggestion.proof
    ? [
        ...suggestion.proof.checks.filter((c) => c.required || !c.ok).map((c) => `${c.ok ? '✅' : c.required ? '❌' : '⚠️'} ${escapeTextWithCode(c.detail, 200)}`),
        ...(suggestion.proof.start
          ? [
              `${suggestion.proof.start.ok ? '✅' : '❌'} started offline (\`docker run --network none\`${suggestion.proof.start.readOnly ? ', read-only' : ''}): ${escapeTextWithCode(suggestion.proof.start.detail, 200)}`
            ]
          : [])
      ].map((l) => `- ${l}`)
    : []
  return [`<details><summary>💡 <b>Suggested Dockerfile</b>: ${claim}</summary>`, '', codeBlock(dockerfile, 'dockerfile'), '', ...(proof.length > 0 ? [...proof, ''] : []), '</details>', '']
}

/** The trend's base point is labelled 'base'; readers know it by its branch name. */
function nameBasePoint(history: HistoryPoint[], baseRef: string | null): HistoryPoint[] {
  return history.map((p) => (p.label === 'base' && baseRef ? { ...p, label: baseRef } : p))
}

export function renderTrend(trend: HistoryPoint[], report: Report, limits: Limits): string[] {
  const history = nameBasePoint(trend, baselineName(report.baseline.ref))
  if (history.length < 2 || limits.history === 0) return []
  const metric = report.budget.metric
  const lines: string[] = ['#### Trend', '']
  const chart = limits.trendChart ? trendChart(history, metric, report.budget.limit) : null
  if (chart) lines.push('```mermaid', chart, '```', '')
  const shown = history.slice(-limits.history)
  const rows = shown.map((p, i) => {
    const previous = i > 0 ? shown[i - 1] : history[history.length - shown.length - 1]
    const now = p[metric] ?? null
    const before = previous ? (previous[metric] ?? null) : null
    const change = now !== null && before !== null ? deltaText(now - before, before, false) : ''
    const name = p.label ? `${inlineCode(p.label, 40)} (${inlineCode(short(p.commit) ?? '')})` : inlineCode(short(p.commit) ?? '')
    return `| ${name} | ${size(p.uncompressed)} | ${size(p.compressed)} | ${change} |`
  })
  const hidden = history.length - shown.length
  lines.push(
    `<details><summary>${history.length} measurements${hidden > 0 ? ` (last ${shown.length} shown)` : ''}, from ${htmlCode(pointName(history[0]), 40)} to ${htmlCode(pointName(history[history.length - 1]), 40)}</summary>`,
    '',
    '| push | uncompressed | compressed | change |',
    '|:--|--:|--:|--:|',
    ...rows,
    '',
    '</details>',
    ''
  )
  return lines
}

/** "Why it grew", as long as the layers the limits allow. */
export const renderModules = (report: Report, limits: Limits): string[] =>
  renderWhyItGrew(report, { modules: limits.layers, packages: limits.details ? limits.files : 0, binaries: Math.max(1, Math.min(3, limits.platforms)) })
