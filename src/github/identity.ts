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
  /** 'viewer': GitHub said so; 'assumed': GitHub could not be asked, so the GITHUB_TOKEN's account is taken. */
  source: 'viewer' | 'assumed'
}

export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]'

/**
 * Asks GitHub which account the token acts as. REST has no one answer for
 * every kind of token (`GET /user` refuses installation tokens, `GET /app`
 * needs the app's JWT); GraphQL's `viewer` answers for all of them. If it
 * fails, the run takes the GITHUB_TOKEN's account and says so.
 */
export async function tokenIdentity(client: GitHubClient): Promise<{ identity: Identity; warning: string | null }> {
  try {
    const answer = await client.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }')
    const login = answer.viewer?.login
    if (typeof login === 'string' && login !== '') return { identity: { login, source: 'viewer' }, warning: null }
    throw new Error('GitHub named no account')
  } catch (error) {
    return {
      identity: { login: GITHUB_ACTIONS_LOGIN, source: 'assumed' },
      warning: `Could not learn which account github-token writes as (${errorMessage(error)}); taking it to be ${GITHUB_ACTIONS_LOGIN}, the workflow's GITHUB_TOKEN.`
    }
  }
}

/** Whether a comment's author is the identity: logins are unique on GitHub, and `[bot]` ones cannot be registered by people. */
export function isAuthoredBy(author: { login?: string | null } | null | undefined, identity: Identity): boolean {
  return typeof author?.login === 'string' && author.login.toLowerCase() === identity.login.toLowerCase()
}
