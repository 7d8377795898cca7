// Glue between the action entry (main.ts) and publishing: builds the event
// context and the API client from the environment, finds the sticky comment
// before the build (its trend feeds the pipeline), and reads a stored report
// for the fork-safe `workflow_run` mode.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { UsageError, errorMessage } from '../errors.js'
import type { Inputs } from '../inputs.js'
import type { Logger } from '../log.js'
import { SCHEMA_VERSION, type Report } from '../report/types.js'
import { readEventContext, type Env } from './context.js'
import { createGitHubClient } from './octokit.js'
import { locateComment, type CommentTarget, type PublishDeps, type PublishSettings } from './publish.js'

/** Name of the file, next to a stored report, that holds the pull-request number (workflow_run mode). */
export const PULL_NUMBER_FILE = 'pr-number'

export interface Publishing {
  settings: PublishSettings
  deps: PublishDeps
  target: CommentTarget
}

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

export async function preparePublishing(
  inputs: Pick<Inputs, 'comment' | 'commentKey' | 'historyLength' | 'minDelta' | 'githubToken'>,
  env: Env,
  log: Logger,
  writeSummary: (markdown: string) => Promise<void>,
  storedReport: string | null
): Promise<Publishing> {
  const pullNumberFile = storedReport ? path.join(path.dirname(storedReport), PULL_NUMBER_FILE) : null
  const context = readEventContext(env, readText, pullNumberFile)
  const client = inputs.githubToken ? createGitHubClient(inputs.githubToken, { baseUrl: context.apiUrl, log }) : null
  const settings: PublishSettings = {
    mode: inputs.comment,
    commentKey: inputs.commentKey,
    historyLength: inputs.historyLength,
    minDelta: inputs.minDelta
  }
  const deps: PublishDeps = { context, client, log, writeSummary }
  const target = await locateComment(settings, deps)
  return { settings, deps, target }
}

/** Reads a report JSON another run wrote (untrusted: shape checked, text escaped when rendered). */
export function loadStoredReport(file: string): Report {
  if (!existsSync(file)) throw new UsageError(`report: no file at ${file}; download the measuring run's artifact first`)
  let report: Report
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as Report
  } catch (error) {
    throw new UsageError(`report: ${file} is not JSON (${errorMessage(error)})`)
  }
  const ok = report && typeof report === 'object' && report.schemaVersion === SCHEMA_VERSION &&
    typeof report.size?.uncompressed === 'number' && typeof report.image === 'object' && report.image !== null &&
    typeof report.budget === 'object' && report.budget !== null && typeof report.baseline === 'object' && report.baseline !== null &&
    ['pass', 'warn', 'fail'].includes(report.status)
  if (!ok) throw new UsageError(`report: ${file} is not a go-image-budget report (schemaVersion ${SCHEMA_VERSION})`)
  return {
    ...report,
    layers: Array.isArray(report.layers) ? report.layers : [],
    goBinaries: Array.isArray(report.goBinaries) ? report.goBinaries : [],
    findings: Array.isArray(report.findings) ? report.findings : [],
    history: Array.isArray(report.history) ? report.history : [],
    baseline: { ...report.baseline, layers: Array.isArray(report.baseline.layers) ? report.baseline.layers : [] }
  }
}
