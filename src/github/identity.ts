// Who the token writes as. Anyone can paste the action's marker and hidden
// state into a comment of their own, so the sticky comment is only ever a
// comment whose author (as GitHub records it, which no one can forge) is the
// account the token acts as: github-actions[bot] for the workflow's
// GITHUB_TOKEN, `<app>[bot]` for a GitHub App's installation token, the user
// for a personal token.
import { errorMessage } from '../errors.js'
import type { GitHubClient } from './octokit.js'

export interface Identity {
  login: string
  /** The account's user id (REST `user.id`, GraphQL `databaseId`), when known. */
  id: number | null
  /** 'viewer': GitHub said so; 'assumed': GitHub could not be asked, so the GITHUB_TOKEN's account is taken. */
  source: 'viewer' | 'assumed'
}

export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]'
/** github-actions[bot]'s user id on github.com. */
export const GITHUB_ACTIONS_ID = 41898282

/**
 * Asks GitHub which account the token acts as. REST has no one answer for
 * every kind of token (`GET /user` refuses installation tokens, `GET /app`
 * needs the app's JWT); GraphQL's `viewer` answers for all of them. If it
 * fails, the run takes the GITHUB_TOKEN's account and says so.
 */
export async function tokenIdentity(client: GitHubClient): Promise<{ identity: Identity; warning: string | null }> {
  try {
    const answer = await client.graphql<{ viewer?: { login?: unknown; databaseId?: unknown } }>('query { viewer { login databaseId } }')
    const login = answer.viewer?.login
    const id = answer.viewer?.databaseId
    if (typeof login === 'string' && login !== '') return { identity: { login, id: typeof id === 'number' ? id : null, source: 'viewer' }, warning: null }
    throw new Error('GitHub named no account')
  } catch (error) {
    return {
      identity: { login: GITHUB_ACTIONS_LOGIN, id: GITHUB_ACTIONS_ID, source: 'assumed' },
      warning: `Could not learn which account github-token writes as (${errorMessage(error)}); taking it to be ${GITHUB_ACTIONS_LOGIN}, the workflow's GITHUB_TOKEN.`
    }
  }
}

/**
 * Whether a comment's author is the identity. Both the user id and the login
 * name one account and cannot be taken by anyone else (people cannot register
 * `[bot]` logins); either is enough, so a login spelled differently by GraphQL
 * and REST still matches by id.
 */
export function isAuthoredBy(author: { login?: string | null; id?: number | null } | null | undefined, identity: Identity): boolean {
  if (identity.id !== null && typeof author?.id === 'number' && author.id === identity.id) return true
  return typeof author?.login === 'string' && author.login.toLowerCase() === identity.login.toLowerCase()
}
