// Where this run is, read from the environment and the parsed event
// (event.ts: pull_request, pull_request_target, push, workflow_run). Pure: the
// caller passes the environment, the event and a file reader (pr-number file).
import type { GitHubEvent } from './event.js'

export interface EventContext {
  eventName: string
  owner: string
  repo: string
  /** e.g. https://github.com/owner/repo, for links into the repository. */
  repoUrl: string
  apiUrl: string
  /** The pull request to comment on, when the event names one. */
  pullNumber: number | null
  /** Where the pull-request number came from: the trusted payload, or a file an untrusted run wrote. */
  pullNumberSource: 'event' | 'file' | null
  /** The commit measured: the PR head, the pushed commit, or the triggering run's head. */
  headSha: string | null
  /** Branch of the push (refs/heads/… stripped), used to find its open pull request. */
  branch: string | null
  /** Orders runs (see EmbeddedState.order): the triggering run in workflow_run mode, else this run. */
  runOrder: number | null
  /** The head repository differs from the base repository (a fork). */
  fromFork: boolean
}

export type Env = Record<string, string | undefined>

interface Payload {
  number?: number
  pull_request?: { number?: number; head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null } }
  repository?: { full_name?: string; html_url?: string }
  ref?: string
  after?: string
  workflow_run?: {
    id?: number
    head_sha?: string
    head_branch?: string | null
    pull_requests?: { number?: number }[]
    head_repository?: { full_name?: string } | null
  }
}

const positive = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null)

/**
 * Reads a pull-request number that an untrusted run wrote next to its report
 * (the workflow_run pattern for forks). Only digits are accepted; the caller
 * must still check that the pull request's head is the measured commit.
 */
export function parsePullNumberFile(text: string | null): number | null {
  if (text === null) return null
  const match = /^\s*(\d{1,10})\s*$/.exec(text)
  return match ? positive(Number(match[1])) : null
}

export function readEventContext(env: Env, event: GitHubEvent | null, readFile: (path: string) => string | null, pullNumberFile: string | null = null): EventContext {
  const eventName = event?.name ?? env.GITHUB_EVENT_NAME ?? ''
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '/').split('/')
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
  const apiUrl = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '')
  const payload = (event?.payload ?? {}) as Payload
  const baseRepo = payload.repository?.full_name ?? `${owner}/${repo}`
  const context: EventContext = {
    eventName,
    owner,
    repo,
    repoUrl: `${serverUrl}/${owner}/${repo}`,
    apiUrl,
    pullNumber: null,
    pullNumberSource: null,
    headSha: env.GITHUB_SHA ?? null,
    branch: null,
    runOrder: positive(Number(env.GITHUB_RUN_ID)),
    fromFork: false
  }

  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const pr = payload.pull_request
    context.pullNumber = positive(pr?.number ?? payload.number)
    context.pullNumberSource = context.pullNumber ? 'event' : null
    // On pull_request GITHUB_SHA is a merge commit; the comment is about the head.
    context.headSha = pr?.head?.sha ?? context.headSha
    context.branch = pr?.head?.ref ?? null
    context.fromFork = Boolean(pr?.head?.repo?.full_name && pr.head.repo.full_name !== baseRepo)
  } else if (eventName === 'push') {
    context.headSha = payload.after ?? context.headSha
    context.branch = payload.ref?.startsWith('refs/heads/') ? payload.ref.slice('refs/heads/'.length) : null
  } else if (eventName === 'workflow_run') {
    const run = payload.workflow_run
    context.headSha = run?.head_sha ?? null
    context.branch = run?.head_branch ?? null
    context.runOrder = positive(run?.id) ?? context.runOrder
    context.fromFork = Boolean(run?.head_repository?.full_name && run.head_repository.full_name !== baseRepo)
    // GitHub lists only same-repository pull requests here; forks need the file.
    const fromEvent = positive(run?.pull_requests?.[0]?.number)
    const fromFile = fromEvent ? null : parsePullNumberFile(pullNumberFile ? readFile(pullNumberFile) : null)
    context.pullNumber = fromEvent ?? fromFile
    context.pullNumberSource = fromEvent ? 'event' : fromFile ? 'file' : null
  }
  return context
}
