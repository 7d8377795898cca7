// Glue between the action entry (main.ts) and publishing: builds the event
// context and the API client from the environment, finds the sticky comment
// before the build (its trend feeds the pipeline). Stored reports are read by
// stored/read.ts.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Inputs } from '../inputs.js'
import type { Logger } from '../log.js'
import { readEventContext, type Env } from './context.js'
import type { GitHubEvent } from './event.js'
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
  event: GitHubEvent | null,
  log: Logger,
  writeSummary: (markdown: string) => Promise<void>,
  storedReport: string | null
): Promise<Publishing> {
  const pullNumberFile = storedReport ? path.join(path.dirname(storedReport), PULL_NUMBER_FILE) : null
  const context = readEventContext(env, event, readText, pullNumberFile)
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
