// The comment for several images (a matrix's reports, or a bake file's
// targets): a pure rendering of the reports. It opens with the worst verdict
// and an overview table, a row per image, then each image's details in its own
// collapsed section. Numbers are read from the reports as the budget stage
// wrote them (delta, percent, "unchanged"): nothing is recomputed here. It
// fits GitHub's comment limit: detail is trimmed first, then whole detail
// sections are dropped, largest first, and the comment says which; the table
// always stays.
import { formatDelta, formatSize } from '../units.js'
import { commentMarker, embedState, type EmbeddedState, type ImageState } from '../report/embed.js'
import { escapeText, htmlText, inlineCode } from './escape.js'
import { GITHUB_COMMENT_LIMIT } from './markdown.js'
import { STATUS_ICON, baselineName, deltaIcon, inMetric, more, percentText, short, size } from './numbers.js'
import { LIMIT_LADDER, renderFindings, renderLayers, renderModules, renderSizeTable, renderSuggestion, renderTrend, renderWastedAndBinaries, type Limits, type LinkTarget } from './sections.js'
import { commonCommit, overviewOrder, worstStatus, type NamedReport } from '../report/set.js'
import type { HistoryPoint, Report, Status } from '../report/types.js'

/** The hidden trend block may take this much of the comment; older pushes go first beyond it. */
const STATE_BUDGET = 20_000

export interface CombinedOptions {
  /** The comment's own key (its marker); the images are named by their reports. */
  commentKey?: string
  repoUrl?: string | null
  /** Commit Dockerfile links point at (default: each report's). */
  commit?: string | null
  /** The previous comment's state: an image whose verdict changed says so. */
  previous?: EmbeddedState | null
  order?: number | null
  /** Hidden marker and data block (false for the job summary). */
  embed?: boolean
  maxLength?: number
}

const VERB: Record<Status, string> = { fail: 'failed', warn: 'warned', pass: 'passed' }
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** The size the verdict is about (the budget metric; uncompressed when that is missing). */
function verdictSize(report: Report): number {
  return inMetric(report.size, report.budget.metric) ?? report.size.uncompressed
}

/** The change against the base, as the budget stage recorded it. */
function changeText(report: Report): string {
  if (report.baseline.error) return 'no baseline'
  const delta = report.delta
  if (report.baseline.source === 'none' || !delta) return '–'
  const metric = delta.metric ?? report.budget.metric
  const bytes = delta[metric]
  if (!isNumber(bytes)) return '–'
  if (bytes === 0) return 'unchanged'
  if (delta.unchanged) return `unchanged (${formatDelta(bytes)})`
  const percent = isNumber(delta.percent) ? delta.percent : null
  const icon = deltaIcon(percent, bytes)
  const which = metric !== report.budget.metric ? ` ${metric}` : ''
  return `${icon ? `${icon} ` : ''}${formatDelta(bytes)}${percent === null ? '' : ` (${percentText(percent)})`}${which}`
}

function budgetText(report: Report): string {
  const limit = report.budget.limit
  if (!isNumber(limit)) return '–'
  return `${formatSize(limit)}${report.budget.metric === 'compressed' ? ' compressed' : ''}`
}

/** "✅ (was ❌)" when the verdict changed since the previous comment. */
function verdictCell(report: Report, before: ImageState | undefined): string {
  const icon = STATUS_ICON[report.status]
  return before && before.status !== report.status ? `${icon} (was ${STATUS_ICON[before.status]})` : icon
}

function renderHead(images: NamedReport[], opts: CombinedOptions): string[] {
  const worst = worstStatus(images.map((i) => i.report.status))
  const key = opts.commentKey?.trim() ? `${escapeText(opts.commentKey, 60)}: ` : ''
  const counts = (['fail', 'warn', 'pass'] as const).map((s) => [s, images.filter((i) => i.report.status === s).length] as const).filter(([, n]) => n > 0)
  const tally = counts.length === 1 ? `all ${VERB[counts[0][0]]}` : counts.map(([s, n]) => `${n} ${VERB[s]}`).join(', ')
  const lines = [`### ${STATUS_ICON[worst]} ${key}${images.length} image${images.length === 1 ? '' : 's'}: ${tally}`, '']
  // Why the worst ones are flagged, in the budget stage's words.
  const flagged = images.filter((i) => i.report.status !== 'pass' && i.report.budget.reason)
  const reasons = flagged.slice(0, 5).map((i) => `- ${STATUS_ICON[i.report.status]} ${inlineCode(i.name, 60)}: ${escapeText(i.report.budget.reason ?? '', 240)}`)
  if (flagged.length > reasons.length) reasons.push(`- ${more(flagged.length - reasons.length, 'image')}`)
  if (reasons.length > 0) lines.push(...reasons, '')
  const commit = short(commonCommit(images.map((i) => i.report)))
  if (commit) lines.push(`<sub>at ${inlineCode(commit)}</sub>`, '')
  return lines
}

/** The overview: every image, always; only an absurd number of rows is cut, to keep the comment postable. */
function renderTable(images: NamedReport[], previous: Map<string, ImageState>, rowLimit: number): string[] {
  const bases = new Set(images.filter((i) => i.report.baseline.source !== 'none' && !i.report.baseline.error).map((i) => baselineName(i.report.baseline.ref) ?? ''))
  const [onlyBase] = [...bases]
  const against = bases.size === 1 && onlyBase ? `vs ${inlineCode(onlyBase, 40)}` : 'change'
  const rows = images
    .slice(0, rowLimit)
    .map(
      ({ name, report }) =>
        `| ${verdictCell(report, previous.get(name))} | ${inlineCode(name, 80)} | ${size(report.size.uncompressed)} | ${size(report.size.compressed)} | ${changeText(report)} | ${budgetText(report)} |`
    )
  if (images.length > rows.length) rows.push(`| | ${more(images.length - rows.length, 'image')} | | | | |`)
  return [`| | image | uncompressed | compressed | ${against} | budget |`, '|:--|:--|--:|--:|--:|--:|', ...rows, '']
}

/** One image's details, collapsed: the sections of the single-image comment. */
function renderDetail({ name, report }: NamedReport, opts: CombinedOptions, limits: Limits): string {
  const target: LinkTarget = { repoUrl: opts.repoUrl ?? null, commit: opts.commit ?? report.image.commit, dockerfile: report.image.dockerfile }
  const limit = report.budget.limit
  const change = changeText(report)
  const headline = `${htmlText(formatSize(verdictSize(report)), 20)}${isNumber(limit) ? ` of ${formatSize(limit)} budget` : ''}${change !== '–' ? `, ${htmlText(change, 60)}` : ''}`
  const notes = [report.budget.reason ? escapeText(report.budget.reason, 300) : null, report.baseline.error ? `No baseline: ${escapeText(report.baseline.error, 300)}` : null].filter(Boolean)
  const image = report.image
  const identity = [
    image.dockerfile ? inlineCode(image.dockerfile, 100) : image.ref ? inlineCode(image.ref, 100) : null,
    image.bakeTarget ? `bake target ${inlineCode(image.bakeTarget, 40)}` : null,
    image.target ? `target ${inlineCode(image.target, 40)}` : null,
    image.platform ? inlineCode(image.platform, 40) : null,
    image.commit ? `at ${inlineCode(short(image.commit) ?? '')}` : null
  ].filter(Boolean)
  const body = [
    `<details><summary>${STATUS_ICON[report.status]} <b>${htmlText(name, 80)}</b>: ${headline}</summary>`,
    '',
    ...(notes.length > 0 ? [notes.join(' '), ''] : []),
    `<sub>${identity.join(' · ')}</sub>`,
    '',
    ...(report.mode === 'dockerfile-only' ? [] : renderSizeTable(report, limits)),
    ...renderFindings(report.findings, limits, target),
    ...renderSuggestion(report, limits),
    ...renderLayers(report, limits, target),
    ...renderModules(report, limits),
    ...renderWastedAndBinaries(report, limits),
    ...renderTrend(report.history, report, limits),
    '</details>',
    ''
  ]
  return body.join('\n')
}

/** The base point and the last `pushes` pushes of a trend. */
function lastPushes(history: HistoryPoint[], pushes: number): HistoryPoint[] {
  const base = history.filter((p) => p.label === 'base')
  return [...base.slice(0, 1), ...history.filter((p) => p.label !== 'base').slice(-pushes)]
}

/** The hidden block: each image's verdict, size and trend, as long a trend as fits its share. */
function stateBlock(images: NamedReport[], opts: CombinedOptions, pushes: number): string {
  const reports = images.map((i) => i.report)
  const state = (keep: number): EmbeddedState => ({
    v: 1,
    key: opts.commentKey ?? '',
    commit: commonCommit(reports),
    order: opts.order ?? null,
    status: worstStatus(reports.map((r) => r.status)),
    metric: 'uncompressed',
    size: 0,
    history: [],
    images: images.map(({ name, report }) => ({ name, status: report.status, metric: report.budget.metric, size: verdictSize(report), history: lastPushes(report.history, keep) }))
  })
  let keep = pushes
  let block = embedState(state(keep))
  while (block.length > STATE_BUDGET && keep > 1) {
    keep = Math.floor(keep / 2)
    block = embedState(state(keep))
  }
  return block
}

/** The comment body for several images: as much detail as fits in `maxLength`. */
export function renderCombined(input: NamedReport[], opts: CombinedOptions = {}): string {
  const maxLength = opts.maxLength ?? GITHUB_COMMENT_LIMIT
  const images = overviewOrder(input)
  const previous = new Map((opts.previous?.images ?? []).map((i) => [i.name, i]))
  const head = renderHead(images, opts).join('\n')
  const tool = `<sub>${escapeText(images[0]?.report.tool.name ?? '')} ${escapeText(images[0]?.report.tool.version ?? '')}</sub>`
  const hidden = (limits: Limits) => (opts.embed === false ? '' : `\n\n${commentMarker(opts.commentKey ?? '')}\n${stateBlock(images, opts, limits.embedHistory)}`)
  const assemble = (table: string[], details: (string | null)[], limits: Limits): string => {
    const dropped = images.filter((_, i) => details[i] === null).map((i) => i.name)
    const note =
      dropped.length > 0
        ? [
            `<sub>Details of ${dropped.length} image${dropped.length === 1 ? '' : 's'} (${dropped
              .slice(0, 10)
              .map((n) => inlineCode(n, 40))
              .join(', ')}${dropped.length > 10 ? ', …' : ''}) were left out to fit GitHub's comment size limit, the largest first; the job summary and the reports have them.</sub>`,
            ''
          ]
        : []
    return [head, ...table, ...details.filter((d): d is string => d !== null), ...note, tool].join('\n') + hidden(limits) + '\n'
  }
  const ladder = LIMIT_LADDER.filter((l) => l.details)
  const compact = ladder[ladder.length - 1]
  let table = renderTable(images, previous, images.length)
  for (const limits of ladder) {
    const body = assemble(
      table,
      images.map((i) => renderDetail(i, opts, limits)),
      limits
    )
    if (body.length <= maxLength) return body
  }
  // Still too long at the most compact detail: drop whole sections, the largest first.
  const details: (string | null)[] = images.map((i) => renderDetail(i, opts, compact))
  const bySize = details.map((d, i) => ({ i, length: d?.length ?? 0 })).sort((a, b) => b.length - a.length || a.i - b.i)
  let body = assemble(table, details, compact)
  for (const { i } of bySize) {
    if (body.length <= maxLength) return body
    details[i] = null
    body = assemble(table, details, compact)
  }
  // Only the table is left: a row count no pull request has; cut rows rather than fail to post.
  for (let rows = images.length - 1; body.length > maxLength && rows > 0; rows = Math.floor(rows * 0.9)) {
    table = renderTable(images, previous, rows)
    body = assemble(table, details, compact)
  }
  return body
}
