// The pull-request comment (and job summary): a pure rendering of a Report.
// Verdict first, then the numbers, then the detail a reader opens on demand.
// Everything from the image or the repository is untrusted and goes through
// escape.ts; the result always fits GitHub's 65,536-character comment limit.
import { formatSize } from '../units.js'
import { carriedFrom } from '../report/parse.js'
import { commentMarker, embedState, type EmbeddedState } from '../report/embed.js'
import { escapeText, inlineCode } from './escape.js'
import { STATUS_ICON, baselineName, deltaText, inMetric, short, size } from './numbers.js'
import { LIMIT_LADDER, renderFindings, renderLayers, renderModules, renderSizeTable, renderSuggestion, renderTrend, renderWastedAndBinaries, type Limits, type LinkTarget } from './sections.js'
import type { Metric, PlatformReport, Report, Status } from '../report/types.js'

export { deltaIcon, deltaText } from './numbers.js'

export const GITHUB_COMMENT_LIMIT = 65536

export interface MarkdownOptions {
  /** Distinguishes the comments of several images on one pull request. */
  commentKey?: string
  /** e.g. https://github.com/owner/repo; with a commit, Dockerfile lines become links. */
  repoUrl?: string | null
  /** Commit the links point at (default: report.image.commit). */
  commit?: string | null
  /** What the previous comment said, to note a verdict that changed. */
  previous?: Pick<EmbeddedState, 'status' | 'size' | 'commit'> | null
  /** Run order stored in the hidden block (see EmbeddedState.order). */
  order?: number | null
  /** Hidden marker and data block (false for the job summary). */
  embed?: boolean
  maxLength?: number
}

interface Headline {
  platform: PlatformReport | null
  status: Status
  metric: Metric
  value: number | null
  base: number | null
  delta: number | null
  /** The comparison marked the change as noise: it reads as unchanged. */
  noise: boolean
  /** The metric the change is told in: the budget's, else the one both sides have (a registry baseline has only compressed). */
  deltaMetric: Metric
}

function headlineFacts(report: Report): Headline {
  const metric = report.budget.metric
  const candidates = report.platforms && report.platforms.length > 1 ? report.platforms : null
  const rank: Record<Status, number> = { fail: 2, warn: 1, pass: 0 }
  const worst = candidates ? [...candidates].sort((a, b) => rank[b.status] - rank[a.status] || b.size.uncompressed - a.size.uncompressed)[0] : null
  const source = worst ?? report
  const measured = inMetric(source.size, metric)
  const useMetric: Metric = measured === null ? 'uncompressed' : metric
  const value = inMetric(source.size, useMetric)
  const deltaIn = (m: Metric) => ({
    base: inMetric(source.baseline.size, m),
    delta: source.delta ? inMetric(source.delta, m) : null,
    noise: source.delta ? source.delta.noise[m] : false
  })
  const other: Metric = useMetric === 'uncompressed' ? 'compressed' : 'uncompressed'
  const preferred = deltaIn(useMetric)
  const deltaMetric = preferred.delta === null && deltaIn(other).delta !== null ? other : useMetric
  const { base, delta, noise } = deltaMetric === useMetric ? preferred : deltaIn(other)
  return { platform: worst, status: report.status, metric: useMetric, value, base, delta, noise, deltaMetric }
}

function renderHeadline(report: Report, opts: MarkdownOptions): string[] {
  const facts = headlineFacts(report)
  const key = opts.commentKey?.trim() ? `${escapeText(opts.commentKey, 60)}: ` : ''
  const parts = [`**${size(facts.value)}**`]
  const limit = report.budget.limit
  if (limit !== null) parts[0] += ` of ${formatSize(limit)} budget`
  if (facts.delta !== null && report.baseline.source !== 'none') {
    const name = baselineName(report.baseline.ref)
    const against = name ? inlineCode(name, 60) : 'the baseline'
    const which = facts.deltaMetric !== facts.metric ? ` ${facts.deltaMetric}` : ''
    parts.push(`${deltaText(facts.delta, facts.base, facts.noise, false)}${which} vs ${against}`)
  }
  const where = facts.platform ? ` (${inlineCode(facts.platform.platform, 40)})` : ''
  const lines = [`### ${STATUS_ICON[facts.status]} ${key}${parts.join(', ')}${where}`, '']

  const verdict: string[] = []
  const metricWord = facts.metric === 'compressed' ? 'compressed' : 'uncompressed'
  if (report.budget.reason) verdict.push(escapeText(report.budget.reason, 300))
  else if (limit !== null && facts.value !== null) {
    const over = facts.value - limit
    if (over > 0) verdict.push(`Over budget by **${formatSize(over)}** (${metricWord}).`)
    else if (report.status === 'warn') verdict.push(`Within budget (${formatSize(-over)} left) but past the warning threshold.`)
    else verdict.push(`Within budget, ${formatSize(-over)} left (${metricWord}).`)
  }
  const previous = opts.previous
  if (previous && previous.status === 'fail' && report.status !== 'fail') {
    verdict.push(`🎉 **Back under budget**: was ${formatSize(previous.size)}${previous.commit ? ` at ${inlineCode(short(previous.commit) ?? '')}` : ''}.`)
  } else if (previous && previous.status !== 'fail' && report.status === 'fail') {
    verdict.push(`Was within budget at ${previous.commit ? inlineCode(short(previous.commit) ?? '') : 'the previous push'} (${formatSize(previous.size)}).`)
  }
  if (report.baseline.error) verdict.push(`No baseline: ${escapeText(report.baseline.error, 300)}`)
  if (verdict.length) lines.push(verdict.join(' '), '')

  const image = report.image
  const identity = [
    image.dockerfile ? inlineCode(image.dockerfile, 100) : image.ref ? inlineCode(image.ref, 100) : null,
    image.target ? `target ${inlineCode(image.target, 40)}` : null,
    report.platforms && report.platforms.length > 1 ? `${report.platforms.length} platforms` : inlineCode(image.platform, 40),
    image.commit ? `at ${inlineCode(short(image.commit) ?? '')}` : null
  ].filter(Boolean)
  lines.push(`<sub>${identity.join(' · ')}</sub>`, '')
  return lines
}

/** `dockerfile-only`: nothing was built, so no sizes; the findings are the whole story. */
function renderDockerfileOnly(report: Report, opts: MarkdownOptions, limits: Limits, target: LinkTarget): string[] {
  const key = opts.commentKey?.trim() ? `${escapeText(opts.commentKey, 60)}: ` : ''
  const count = report.findings.length
  const lines = [
    `### ${STATUS_ICON[report.status]} ${key}Dockerfile check: ${count === 0 ? 'no findings' : `${count} finding${count === 1 ? '' : 's'}`} (no image built)`,
    '',
    `<sub>${report.image.dockerfile ? inlineCode(report.image.dockerfile, 100) : 'Dockerfile'}${report.image.commit ? ` · at ${inlineCode(short(report.image.commit) ?? '')}` : ''}</sub>`,
    '',
    ...renderFindings(report.findings, limits, target),
    ...renderSuggestion(report, limits)
  ]
  const skipped = report.skippedRules ?? []
  if (skipped.length > 0) {
    lines.push(`<sub>Not checked without a build: ${skipped.map((r) => inlineCode(r.rule, 20)).join(', ')}.</sub>`, '')
  }
  return lines
}

function renderOnce(report: Report, opts: MarkdownOptions, limits: Limits): string {
  const target: LinkTarget = {
    repoUrl: opts.repoUrl ?? null,
    commit: opts.commit ?? report.image.commit,
    dockerfile: report.image.dockerfile
  }
  const parts =
    report.mode === 'dockerfile-only'
      ? renderDockerfileOnly(report, opts, limits, target)
      : [
          ...renderHeadline(report, opts),
          ...renderSizeTable(report, limits),
          ...renderFindings(report.findings, limits, target),
          ...renderSuggestion(report, limits),
          ...renderLayers(report, limits, target),
          ...renderModules(report, limits),
          ...renderWastedAndBinaries(report, limits),
          ...renderTrend(report.history, report, limits)
        ]
  if (!limits.details) parts.push("<sub>Details were left out to fit GitHub's comment size limit; the job summary and the report output have them.</sub>", '')
  parts.push(`<sub>${escapeText(report.tool.name)} ${escapeText(report.tool.version)}</sub>`)
  if (opts.embed !== false) {
    const facts = headlineFacts(report)
    const carried = carriedFrom(report.suggestion, report.image.commit)
    const state: EmbeddedState = {
      v: 1,
      key: opts.commentKey ?? '',
      commit: report.image.commit,
      order: opts.order ?? null,
      status: report.status,
      metric: facts.metric,
      size: facts.value ?? report.size.uncompressed,
      history: report.history.slice(-limits.embedHistory),
      ...(carried ? { proof: carried } : {})
    }
    parts.push('', commentMarker(opts.commentKey ?? ''), embedState(state))
  }
  return parts.join('\n') + '\n'
}

/** The comment body: the most detail that fits in `maxLength` (GitHub's limit by default). */
export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const maxLength = opts.maxLength ?? GITHUB_COMMENT_LIMIT
  let body = ''
  for (const limits of LIMIT_LADDER) {
    body = renderOnce(report, opts, limits)
    if (body.length <= maxLength) return body
  }
  return body
}
