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

export function createGitHubClient(token: string, { baseUrl, log, retries = 3 }: ClientOptions): GitHubClient {
  return getOctokit(
    token,
    {
      baseUrl,
      request: { retries },
      throttle: {
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          log.warning(`GitHub API rate limit hit on ${options.method} ${options.url}; retrying in ${retryAfter} s`)
          return retryCount < 2
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          log.warning(`GitHub API secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s`)
          return retryCount < 2
        }
      }
    },
    retry,
    throttling
  )
}
