// Whether this run may build the checked-out code. On `pull_request_target`
// and on `workflow_run` for a fork's pull request the job holds a write token
// while the code may come from a stranger: building it would run their
// Dockerfile's RUN steps with that token within reach. Refuse unless the user
// opted in, and say what the safe pattern is.

export interface TrustContext {
  eventName: string
  /** The parsed event payload (GITHUB_EVENT_PATH), or {} when there is none. */
  payload: Record<string, unknown>
  allowUntrustedBuild: boolean
}

export const SAFE_PATTERN =
  'build on `pull_request` (read-only token) with `comment: false`, upload the report JSON as an artifact, ' +
  'and publish it from a `workflow_run` job with `report: <path>` (see README, "Pull requests from forks"); ' +
  'or set `allow-untrusted-build: true` if you trust every contributor'

type Repo = { full_name?: string } | undefined

/** Returns why building is refused, or null when it is allowed. */
export function untrustedBuildRefusal(ctx: TrustContext): string | null {
  if (ctx.allowUntrustedBuild) return null
  if (ctx.eventName === 'pull_request_target') {
    return `refusing to build on pull_request_target: this event runs with a write token and the pull request's code is untrusted; ${SAFE_PATTERN}`
  }
  if (ctx.eventName === 'workflow_run') {
    const run = ctx.payload.workflow_run as { head_repository?: Repo; event?: string } | undefined
    const repo = ctx.payload.repository as Repo
    const head = run?.head_repository?.full_name
    if (run?.event === 'pull_request' || run?.event === 'pull_request_target' || (head && repo?.full_name && head !== repo.full_name)) {
      if (head && repo?.full_name && head === repo.full_name) return null
      return `refusing to build in workflow_run for a pull request from ${head ?? 'another repository'}: its code is untrusted and this job has a write token; ${SAFE_PATTERN}`
    }
  }
  return null
}
