// Choosing and fetching the baseline: `auto` takes an image if given, else a
// report if given, else builds the base ref; `none` compares with nothing.
import { UsageError } from '../errors.js'
import type { Exec } from '../exec.js'
import type { BaseRef, GitAuth } from '../git.js'
import type { RegistryDeps } from '../registry/registry.js'
import type { Inputs } from '../inputs.js'
import type { Logger } from '../log.js'
import { NO_BASELINE, type Baseline, type HistoryPoint } from '../report/types.js'
import { baselineFromBuild, type BuildAndMeasure, type BuiltImage } from './build.js'
import { baselineFromRegistry } from './image.js'
import { baselineFromReportFile } from './report.js'

export type BaselineSource = Baseline['source']

/**
 * The source to use. A misconfiguration (`image` without `baseline-image`) is
 * a usage error found before any build.
 */
export function chooseSource(inputs: Pick<Inputs, 'baseline' | 'baselineImage' | 'baselineReport'>): BaselineSource {
  switch (inputs.baseline) {
    case 'none':
      return 'none'
    case 'image':
      if (!inputs.baselineImage) throw new UsageError("baseline: 'image' needs baseline-image, the registry reference to compare with (e.g. ghcr.io/owner/app:main)")
      return 'image'
    case 'report':
      if (!inputs.baselineReport) throw new UsageError("baseline: 'report' needs baseline-report, the path of a report JSON from an earlier run")
      return 'report'
    case 'build':
      return 'build'
    case 'auto':
      return inputs.baselineImage ? 'image' : inputs.baselineReport ? 'report' : 'build'
  }
}

/** The report's baseline when there is none to compare with: the one literal of it. */

export interface BaselineRequest {
  source: BaselineSource
  /** `auto` quietly compares with nothing when no base ref is known (a local run without --base-ref). */
  auto: boolean
  baselineImage: string | null
  baselineReport: string | null
  platform: string | null
  base: BaseRef | null
  /** Repository top level and the head's context/Dockerfile (absolute); null when nothing was built. */
  build: { repoRoot: string | null; context: string; dockerfile: string } | null
  /** The head's measurement for this platform, reused when the base has the same build inputs; null to always build. */
  head: BuiltImage | null
}

export interface BaselineDeps {
  exec: Exec
  tempDir: string
  log: Logger
  /** Builds and measures with the head's build inputs (src/pipeline/). */
  buildAndMeasure: BuildAndMeasure
  registry?: RegistryDeps
  /** The action's token, for fetching the base from GitHub. */
  auth?: GitAuth | null
}

export interface BaselineResult {
  baseline: Baseline
  /** A stored report's trend, to carry forward. */
  history: HistoryPoint[]
  /** The base build's progress log. */
  buildLog: string | null
}

export async function fetchBaseline(req: BaselineRequest, deps: BaselineDeps): Promise<BaselineResult> {
  const result = (baseline: Baseline, history: HistoryPoint[] = [], buildLog: string | null = null): BaselineResult => ({ baseline, history, buildLog })
  switch (req.source) {
    case 'none':
      return result(NO_BASELINE)
    case 'image':
      return result(await baselineFromRegistry(req.baselineImage as string, req.platform, deps.registry))
    case 'report': {
      const stored = await baselineFromReportFile(req.baselineReport as string, req.platform)
      return result(stored.baseline, stored.history)
    }
    case 'build': {
      const none = (error: string): BaselineResult => result({ ...NO_BASELINE, source: 'build', error: `no baseline: ${error}` })
      if (!req.base) {
        return req.auto ? result(NO_BASELINE) : none('no base ref: not a pull_request or push event; set base-ref (e.g. main)')
      }
      if (!req.build) return none('an image given with `image` was not built here, so the base cannot be built the same way; set baseline-image or baseline-report')
      if (!req.build.repoRoot) return none('the build context is not in a git repository')
      const built = await baselineFromBuild(
        { repoRoot: req.build.repoRoot, context: req.build.context, dockerfile: req.build.dockerfile, base: req.base, platform: req.platform, head: req.head },
        deps.buildAndMeasure,
        deps
      )
      return result(built.baseline, [], built.log)
    }
  }
}
