// The REST calls behind the sticky comment: find it by its marker across every
// page of the pull request's comments, update it in place, or create it.
import { hasMarker } from '../report/embed.js'
import { isAuthoredBy, type Identity } from './identity.js'
import type { GitHubClient } from './octokit.js'

export interface Repo {
  owner: string
  repo: string
}

export interface StickyComment {
  id: number
  body: string
  url: string
  /** The login GitHub records as the comment's author. */
  author: string
}

export interface FoundComments {
  /** The action's own comment for the key: the most recent one by `identity`, or null. */
  ours: StickyComment | null
  /** Comments by anyone else that carry the marker: never read, never edited. */
  ignored: StickyComment[]
}

interface ListedComment {
  id: number
  body?: string | null
  html_url: string
  user?: { login?: string | null; id?: number | null } | null
}

const toSticky = (c: ListedComment, fallbackBody = ''): StickyComment => ({ id: c.id, body: c.body ?? fallbackBody, url: c.html_url, author: c.user?.login ?? '' })

/** Sorts the comments carrying `key`'s marker into ours (written by `identity`) and everyone else's. Pure. */
export function sortMarkedComments(comments: ListedComment[], key: string, identity: Identity): FoundComments {
  const marked = comments.filter((c) => hasMarker(c.body, key))
  const ours = marked.filter((c) => isAuthoredBy(c.user, identity))
  return { ours: ours.length > 0 ? toSticky(ours[ours.length - 1]) : null, ignored: marked.filter((c) => !isAuthoredBy(c.user, identity)).map((c) => toSticky(c)) }
}

/** The comments carrying `key`'s marker, searched over all pages (100 a page). */
export async function findStickyComment(client: GitHubClient, where: Repo, pullNumber: number, key: string, identity: Identity): Promise<FoundComments> {
  const comments = await client.paginate(client.rest.issues.listComments, { ...where, issue_number: pullNumber, per_page: 100 })
  return sortMarkedComments(comments, key, identity)
}

export async function createComment(client: GitHubClient, where: Repo, pullNumber: number, body: string): Promise<StickyComment> {
  const { data } = await client.rest.issues.createComment({ ...where, issue_number: pullNumber, body })
  return toSticky(data, body)
}

export async function updateComment(client: GitHubClient, where: Repo, commentId: number, body: string): Promise<StickyComment> {
  const { data } = await client.rest.issues.updateComment({ ...where, comment_id: commentId, body })
  return toSticky(data, body)
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
