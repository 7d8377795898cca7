// The GitHub REST client: @actions/github's Octokit with retries on transient
// errors (5xx, network) and GitHub's recommended throttling (primary and
// secondary rate limits). The base URL comes from the caller (GITHUB_API_URL),
// which is how GitHub Enterprise and the tests' local server are reached.
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Logger } from '../log.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface ClientOptions {
  baseUrl: string
  log: Pick<Logger, 'warning' | 'debug'>
  /** Retries of a transient failure (default 3); tests lower it. */
  retries?: number
}

/** Longest wait (seconds) for a rate limit to reset before giving up on the comment. */
export const MAX_RATE_LIMIT_WAIT = 60

export function createGitHubClient(token: string, { baseUrl, log, retries = 3 }: ClientOptions): GitHubClient {
  return getOctokit(
    token,
    {
      baseUrl,
      // Not `request.retries`: set there, it retries every failure (403, 404, 422 too), bypassing doNotRetry.
      retry: { retries },
      throttle: {
        // Wait for a short reset only: a limit that resets in half an hour must not hold the job that long.
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          const retry = retryCount < 2 && retryAfter <= MAX_RATE_LIMIT_WAIT
          log.warning(`GitHub API rate limit hit on ${options.method} ${options.url}; ${retry ? `retrying in ${retryAfter} s` : `it resets in ${retryAfter} s, not waiting`}`)
          return retry
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          const retry = retryCount < 2 && retryAfter <= MAX_RATE_LIMIT_WAIT
          log.warning(`GitHub API secondary rate limit on ${options.method} ${options.url}; ${retry ? `retrying in ${retryAfter} s` : `retry after ${retryAfter} s, not waiting`}`)
          return retry
        }
      }
    },
    retry,
    throttling
  )
}
