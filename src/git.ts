// Where the base is and how to get it: the commit behind a base ref (fetched when the clone is
// shallow or lacks it), and a throw-away worktree of that commit outside both
// build contexts, so the base build writes nothing into the head's checkout.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { CommandError } from './errors.js'
import { lastLines, type Exec } from './exec.js'

export interface BaseRef {
  /** Branch or ref name, for people ("main"); null when only a commit is known. */
  ref: string | null
  /** Commit id when the event states it. */
  sha: string | null
}

async function git(exec: Exec, cwd: string, args: string[]): Promise<{ ok: boolean; out: string; err: string }> {
  const r = await exec('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } })
  return { ok: r.code === 0, out: r.stdout.trim(), err: r.stderr }
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

/**
 * The commit of `base`: known locally (sha, ref, origin/ref), or fetched from
 * `origin` at depth 1 (a shallow clone has neither the base branch nor its
 * commit). Throws a CommandError with git's last lines when it cannot be had.
 */
export async function resolveBaseCommit(repo: string, base: BaseRef, exec: Exec): Promise<ResolvedBase> {
  const errors: string[] = []
  const local = async (revs: string[]) => {
    for (const rev of revs) {
      const commit = await commitOf(exec, repo, rev)
      if (commit) return { commit, fetched: false }
    }
    return null
  }
  const fetch = async (want: string) => {
    const r = await git(exec, repo, ['fetch', '--no-tags', '--depth=1', 'origin', want])
    const commit = r.ok ? await commitOf(exec, repo, 'FETCH_HEAD') : null
    if (!commit) errors.push(lastLines(r.err, 2))
    return commit ? { commit, fetched: true } : null
  }
  // The event's sha first, local or fetched: it is what the event means even if the branch moved on since.
  const found = (base.sha ? ((await local([base.sha])) ?? (await fetch(base.sha))) : null) ?? (base.ref ? ((await local([base.ref, `origin/${base.ref}`])) ?? (await fetch(base.ref))) : null)
  if (found) return found
  const name = base.ref && base.sha ? `${base.ref} (${base.sha.slice(0, 12)})` : (base.ref ?? base.sha ?? '?')
  throw new CommandError(`cannot find the base commit ${name} locally or fetch it from origin`, errors.filter(Boolean).join('\n'))
}

/**
 * Checks `commit` out into a new worktree under `parentDir`, runs `fn` in it
 * and removes the worktree afterwards, also when `fn` throws.
 */
export async function withWorktree<T>(repo: string, commit: string, parentDir: string, exec: Exec, fn: (dir: string) => Promise<T>): Promise<T> {
  const holder = await mkdtemp(path.join(parentDir, 'base-'))
  const dir = path.join(holder, 'worktree')
  // A worktree left by a killed run (its directory gone with the temp dir) is forgotten first.
  await git(exec, repo, ['worktree', 'prune']).catch(() => null)
  const added = await git(exec, repo, ['worktree', 'add', '--detach', '--force', dir, commit])
  if (!added.ok) {
    await rm(holder, { recursive: true, force: true })
    throw new CommandError(`git worktree add for the base commit ${commit.slice(0, 12)} failed`, lastLines(added.err, 3))
  }
  try {
    // A new worktree has empty submodule directories; a build that needs them would fail.
    if (existsSync(path.join(dir, '.gitmodules'))) {
      await git(exec, dir, ['submodule', 'update', '--init', '--recursive', '--depth=1']).catch(() => null)
    }
    return await fn(dir)
  } finally {
    await git(exec, repo, ['worktree', 'remove', '--force', dir]).catch(() => null)
    await rm(holder, { recursive: true, force: true })
    await git(exec, repo, ['worktree', 'prune']).catch(() => null)
  }
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
