// The workflow's event: its name (GITHUB_EVENT_NAME) and the payload GitHub
// writes to GITHUB_EVENT_PATH, read and parsed here once; and what it says
// about the commits: the head measured and the base to compare with. The
// trust check (trust.ts) and the publishing context (context.ts) take this
// parsed event too.
import { readFileSync } from 'node:fs'
import type { BaseRef } from '../git.js'

export interface GitHubEvent {
  name: string
  payload: Record<string, unknown>
}

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/**
 * The event named by GITHUB_EVENT_NAME with the JSON object at GITHUB_EVENT_PATH;
 * null when either is unset or the file is missing, unreadable or not a JSON object.
 */
export function loadGitHubEvent(name: string | undefined, eventPath: string | undefined, readFile: (file: string) => string | null = readText): GitHubEvent | null {
  if (!name || !eventPath) return null
  const text = readFile(eventPath)
  if (text === null) return null
  try {
    const payload = JSON.parse(text) as unknown
    return payload && typeof payload === 'object' ? { name, payload: payload as Record<string, unknown> } : null
  } catch {
    return null
  }
}

const ZERO_SHA = /^0+$/
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {})

/**
 * The base to compare with: the `base-ref` input wins; else a pull request's
 * (or merge queue group's) base sha and branch, else a push's `before` (none
 * for a new branch, whose `before` is all zeros).
 */
export function resolveBaseRef(event: GitHubEvent | null, baseRefInput: string | null): BaseRef | null {
  if (baseRefInput) return { ref: baseRefInput, sha: null }
  if (!event) return null
  const pr = obj(event.payload.pull_request)
  if (event.payload.pull_request) {
    const base = obj(pr.base)
    const sha = str(base.sha)
    const ref = str(base.ref)
    return sha || ref ? { ref, sha } : null
  }
  if (event.payload.merge_group) {
    const group = obj(event.payload.merge_group)
    const sha = str(group.base_sha)
    const ref = str(group.base_ref)
    return sha || ref ? { ref: ref ? ref.replace(/^refs\/heads\//, '') : null, sha } : null
  }
  if (event.name === 'push') {
    const before = str(event.payload.before)
    if (!before || ZERO_SHA.test(before)) return null
    const ref = str(event.payload.ref)
    return { ref: ref ? ref.replace(/^refs\/heads\//, '') : null, sha: before }
  }
  return null
}

/** The commit being measured: a pull request's head (GITHUB_SHA is a merge commit there), else GITHUB_SHA. */
export function headCommit(event: GitHubEvent | null, githubSha: string | null): string | null {
  const head = obj(obj(event?.payload.pull_request).head)
  return str(head.sha) ?? githubSha
}
