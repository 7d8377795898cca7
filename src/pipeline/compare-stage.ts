// The pipeline's baseline → compare/budget stage: fetch the baseline for each
// measured platform, compare, judge, and carry the size trend forward.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { assess, reportStatus, type BudgetSettings } from '../compare/budget.js'
import { goModListing } from '../compare/modules.js'
import { gitRoot, type BaseRef } from '../git.js'
import type { Inputs } from '../inputs.js'
import type { Baseline, HistoryPoint, PlatformReport, Report } from '../report/types.js'
import { basePoint, currentPoint, updateHistory } from '../compare/trend.js'
import type { BuiltImage } from '../baseline/build.js'
import { fetchBaseline, type BaselineDeps, type BaselineSource } from '../baseline/index.js'

export interface CompareStageRequest {
  inputs: Pick<Inputs, 'baseline' | 'baselineImage' | 'baselineReport' | 'historyLength'> & Partial<Pick<Inputs, 'buildContexts'>>
  source: BaselineSource
  settings: BudgetSettings
  base: BaseRef | null
  /** The head's context and Dockerfile (absolute), null when `image` was measured instead of built. */
  build: { context: string; dockerfile: string } | null
  /** This pull request's trend so far (from the sticky comment or a previous report). */
  previousHistory: HistoryPoint[]
  now: () => Date
}

export interface CompareStageResult {
  report: Report
  /** Base build logs by platform (for logs and tests: which steps were CACHED). */
  baseBuildLogs: string[]
}

export interface CompareStageDeps extends BaselineDeps {
  /** Where the baseline comes from (default fetchBaseline); a bake run hands in the one base build of all its targets. */
  fetchBaseline?: typeof fetchBaseline
}

/** Adds baseline, delta, layerDiff, budget, status and history to a measured report. */
export async function compareStage(report: Report, req: CompareStageRequest, deps: CompareStageDeps): Promise<CompareStageResult> {
  const fetch = deps.fetchBaseline ?? fetchBaseline
  const repoRoot = req.build ? await gitRoot(req.build.context, deps.exec) : null
  const logs: string[] = []
  const cache = new Map<string, { baseline: Baseline; history: HistoryPoint[] }>()
  // Additional build contexts are outside what the base commit's tree says, so with them the base is always built.
  const reuseHead = (req.inputs.buildContexts ?? []).length === 0
  const headOf = (entry: Pick<Report, 'image' | 'size' | 'layers' | 'goBinaries'>): BuiltImage | null =>
    reuseHead ? { imageId: entry.image.id, platform: entry.image.platform, size: entry.size, layers: entry.layers, goBinaries: entry.goBinaries, log: '' } : null
  const baselineFor = async (platform: string | null, head: BuiltImage | null) => {
    const key = platform ?? ''
    const cached = cache.get(key)
    if (cached) return cached
    const result = await fetch(
      {
        source: req.source,
        auto: req.inputs.baseline === 'auto',
        baselineImage: req.inputs.baselineImage,
        baselineReport: req.inputs.baselineReport,
        platform,
        base: req.base,
        build: req.build ? { repoRoot, ...req.build } : null,
        head
      },
      deps
    )
    if (result.buildLog) logs.push(result.buildLog)
    if (result.baseline.error) deps.log.warning(result.baseline.error)
    cache.set(key, result)
    return result
  }

  // How the build context's go.mod lists modules, for the max-module-increase finding.
  const goMod = goModListing(req.build ? await readFile(path.join(req.build.context, 'go.mod'), 'utf8').catch(() => null) : null)

  // Each platform judged into a new entry; the measured report is left as it was.
  const platforms: PlatformReport[] = []
  for (const entry of report.platforms ?? []) {
    const { baseline } = await baselineFor(entry.platform, headOf(entry))
    const judged = assess(req.settings, entry, baseline, goMod)
    platforms.push({ ...entry, baseline, delta: judged.delta, layerDiff: judged.layerDiff, binaryDiff: judged.binaryDiff, budget: judged.budget, status: reportStatus([judged.budget]) })
  }
  const top = await baselineFor(platforms[0]?.platform ?? report.image.platform, headOf(report))
  const judged = assess(req.settings, report, top.baseline, goMod)
  const at = req.now().toISOString()
  // A push series (no pull request history handed in) carries the stored report's trend forward.
  const previous = req.previousHistory.length > 0 ? req.previousHistory : top.history
  const history = updateHistory({
    previous,
    base: basePoint(top.baseline, at),
    current: currentPoint(report, at),
    limit: req.inputs.historyLength
  })
  const statuses = [judged.budget, ...platforms.map((p) => p.budget)]
  return {
    report: {
      ...report,
      ...(report.platforms ? { platforms } : {}),
      baseline: top.baseline,
      delta: judged.delta,
      layerDiff: judged.layerDiff,
      binaryDiff: judged.binaryDiff,
      budget: judged.budget,
      history,
      status: reportStatus(statuses)
    },
    baseBuildLogs: logs
  }
}
