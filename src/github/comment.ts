// The REST calls behind the sticky comment: find it by its marker across every
// page of the pull request's comments, update it in place, or create it.
import { hasMarker } from '../report/embed.js'
import type { GitHubClient } from './octokit.js'

export interface Repo {
  owner: string
  repo: string
}

export interface StickyComment {
  id: number
  body: string
  url: string
  /** Written by a bot (GITHUB_TOKEN or an app), not a person quoting the marker. */
  byBot: boolean
}

/**
 * The comment carrying `key`'s marker, searched over all pages (100 a page).
 * A bot's comment wins over a person's (someone may paste the marker); among
 * equals, the most recent.
 */
export async function findStickyComment(client: GitHubClient, where: Repo, pullNumber: number, key: string): Promise<StickyComment | null> {
  const comments = await client.paginate(client.rest.issues.listComments, { ...where, issue_number: pullNumber, per_page: 100 })
  const matches: StickyComment[] = comments
    .filter((c) => hasMarker(c.body, key))
    .map((c) => ({ id: c.id, body: c.body ?? '', url: c.html_url, byBot: c.user?.type === 'Bot' }))
  return matches.filter((c) => c.byBot).pop() ?? matches.pop() ?? null
}

export async function createComment(client: GitHubClient, where: Repo, pullNumber: number, body: string): Promise<StickyComment> {
  const { data } = await client.rest.issues.createComment({ ...where, issue_number: pullNumber, body })
  return { id: data.id, body: data.body ?? body, url: data.html_url, byBot: data.user?.type === 'Bot' }
}

export async function updateComment(client: GitHubClient, where: Repo, commentId: number, body: string): Promise<StickyComment> {
  const { data } = await client.rest.issues.updateComment({ ...where, comment_id: commentId, body })
  return { id: data.id, body: data.body ?? body, url: data.html_url, byBot: data.user?.type === 'Bot' }
}

/** The open pull request whose head is `branch` and contains `sha` (for push events). */
export async function findPullForPush(client: GitHubClient, where: Repo, sha: string, branch: string | null): Promise<number | null> {
  const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({ ...where, commit_sha: sha, per_page: 100 })
  const open = data.filter((pr) => pr.state === 'open')
  const match = open.find((pr) => branch !== null && pr.head.ref === branch) ?? (open.length === 1 ? open[0] : undefined)
  return match?.number ?? null
}

/** The pull request's current head commit. */
export async function pullHeadSha(client: GitHubClient, where: Repo, pullNumber: number): Promise<string> {
  const { data } = await client.rest.pulls.get({ ...where, pull_number: pullNumber })
  return data.head.sha
}

/** HTTP status of an Octokit RequestError, else null. */
export function httpStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : null
}
