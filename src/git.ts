// Where the base is and how to get it: the base ref from the GitHub event (or
// the `base-ref` input), and the commit behind it (fetched when the clone is
// shallow or lacks it, with the action's token when it has one). The base's
// own checkout is src/baseline/checkout.ts.
import path from 'node:path'
import { CommandError } from './errors.js'
import { lastLines, type Exec } from './exec.js'

export interface BaseRef {
  /** Branch or ref name, for people ("main"); null when only a commit is known. */
  ref: string | null
  /** Commit id when the event states it. */
  sha: string | null
}

/**
 * The action's token, for fetching the base from GitHub when the checkout is
 * shallow and kept no credentials (`persist-credentials: false`). It is sent
 * only to `serverUrl` (GITHUB_SERVER_URL), as an HTTP header set through git's
 * environment: never in a URL, on a command line or in a config file.
 */
export interface GitAuth {
  token: string
  serverUrl: string
}

/** What git sends as the Authorization header for a GitHub token (as actions/checkout does); a secret too. */
export function basicCredential(token: string): string {
  return Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')
}

export interface GitResult {
  ok: boolean
  out: string
  err: string
}

/** Runs git without a prompt and in English; `env` adds to the process environment. */
export async function git(exec: Exec, cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<GitResult> {
  const r = await exec('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...env } })
  return { ok: r.code === 0, out: r.stdout.trim(), err: r.stderr }
}

/**
 * The environment that makes git send the token to the GitHub server, added
 * after any GIT_CONFIG_* entries already set. Empty without a token, for an
 * http(s) server URL that does not parse, or when the repository already has
 * a header for that server (a checkout that persisted its credentials): git
 * would send both.
 */
export async function gitAuthEnv(repo: string, auth: GitAuth | null, exec: Exec): Promise<NodeJS.ProcessEnv> {
  if (!auth?.token) return {}
  let server: URL
  try {
    server = new URL(auth.serverUrl)
  } catch {
    return {}
  }
  if (server.protocol !== 'https:' && server.protocol !== 'http:') return {}
  const scope = `${server.origin}/`
  const existing = await git(exec, repo, ['config', '--get-urlmatch', 'http.extraheader', scope])
  if (existing.ok && existing.out !== '') return {}
  const count = Number(process.env.GIT_CONFIG_COUNT ?? '0')
  const first = Number.isInteger(count) && count > 0 ? count : 0
  return {
    GIT_CONFIG_COUNT: String(first + 1),
    [`GIT_CONFIG_KEY_${first}`]: `http.${scope}.extraheader`,
    [`GIT_CONFIG_VALUE_${first}`]: `AUTHORIZATION: basic ${basicCredential(auth.token)}`
  }
}

/** The repository's top-level directory, or null outside a git repository. */
export async function gitRoot(dir: string, exec: Exec): Promise<string | null> {
  const r = await git(exec, dir, ['rev-parse', '--show-toplevel']).catch(() => null)
  return r && r.ok ? r.out : null
}

async function commitOf(exec: Exec, repo: string, rev: string): Promise<string | null> {
  const r = await git(exec, repo, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])
  return r.ok ? r.out : null
}

/** The commit checked out in `repo`, or null. */
export async function checkedOutCommit(repo: string, exec: Exec): Promise<string | null> {
  return commitOf(exec, repo, 'HEAD')
}

export interface ResolvedBase {
  commit: string
  /** True when the commit had to be fetched (a shallow or partial clone). */
  fetched: boolean
}

/** What to do when the base commit cannot be had, said once for every message that needs it. */
export const FETCH_DEPTH_HINT =
  "check out with fetch-depth: 0 (or fetch-depth: 2 on pull_request, whose merge commit's first parent is the base), or leave github-token at its default so the action can fetch the base itself (the job needs contents: read)"

/**
 * The commit of `base`: known locally (sha, ref, origin/ref), or fetched from
 * `origin` at depth 1 (a shallow clone has neither the base branch nor its
 * commit), with `auth`'s token when given. Throws a CommandError whose
 * message says what to do and whose detail is git's last lines.
 */
export async function resolveBaseCommit(repo: string, base: BaseRef, exec: Exec, auth: GitAuth | null = null): Promise<ResolvedBase> {
  const errors: string[] = []
  const local = async (revs: string[]) => {
    for (const rev of revs) {
      const commit = await commitOf(exec, repo, rev)
      if (commit) return { commit, fetched: false }
    }
    return null
  }
  let authEnv: NodeJS.ProcessEnv | null = null
  const fetch = async (want: string) => {
    authEnv ??= await gitAuthEnv(repo, auth, exec)
    const r = await git(exec, repo, ['fetch', '--no-tags', '--depth=1', 'origin', want], authEnv)
    const commit = r.ok ? await commitOf(exec, repo, 'FETCH_HEAD') : null
    if (!commit) errors.push(lastLines(r.err, 4))
    return commit ? { commit, fetched: true } : null
  }
  // The event's sha first, local or fetched: it is what the event means even if the branch moved on since.
  const found = (base.sha ? ((await local([base.sha])) ?? (await fetch(base.sha))) : null) ?? (base.ref ? ((await local([base.ref, `origin/${base.ref}`])) ?? (await fetch(base.ref))) : null)
  if (found) return found
  const name = base.ref && base.sha ? `${base.ref} (${base.sha.slice(0, 12)})` : (base.ref ?? base.sha ?? '?')
  const detail = errors.filter(Boolean).join('\n')
  // git's first verdict (`fatal: …`) is the specific one; the lines after it are generic advice.
  const lines = detail
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const verdict = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.slice(-1)[0]
  const why = verdict ? ` (git: ${verdict})` : ''
  throw new CommandError(`cannot find the base commit ${name} locally or fetch it from origin${why}; ${FETCH_DEPTH_HINT}`, detail)
}

/** Whether the repository is a shallow clone (for the report's note). */
export async function isShallow(repo: string, exec: Exec): Promise<boolean> {
  const r = await git(exec, repo, ['rev-parse', '--is-shallow-repository'])
  return r.ok && r.out === 'true'
}

/**
 * True when `paths` (relative to the repository root) hold exactly the same
 * content at `commit` as in the working tree: the same tree or blob as HEAD
 * and nothing modified, untracked or ignored beneath them. Then a build of
 * `commit` would see the same files as the head build.
 */
export async function sameContentAsWorkingTree(repo: string, commit: string, paths: string[], exec: Exec): Promise<boolean> {
  for (const rel of paths) {
    const spec = rel.split(path.sep).join('/')
    const [base, head] = await Promise.all([git(exec, repo, ['rev-parse', '--verify', '--quiet', `${commit}:${spec}`]), git(exec, repo, ['rev-parse', '--verify', '--quiet', `HEAD:${spec}`])])
    // Absent in both (an optional file such as Dockerfile.dockerignore) is the same.
    if (base.ok !== head.ok || base.out !== head.out) return false
  }
  const status = await git(exec, repo, ['status', '--porcelain', '--ignored', '--untracked-files=all', '--', ...paths.map((p) => p || '.')])
  return status.ok && status.out === ''
}
