// The base commit checked out as a real checkout of it would be, outside both
// build contexts, so that the base builds wherever the head builds:
// - its own self-contained .git. Go 1.18 and later stamp VCS information
//   whenever git is in the builder, and a `git worktree`'s .git is a file
//   pointing outside the build context ("error obtaining VCS status"). A full
//   clone is cloned locally (objects hard-linked: the same history as the
//   head's .git, so a `COPY . .` layer compares like with like); a shallow one
//   gets the base commit alone, as a shallow checkout of it would;
// - the head's `origin` URL;
// - the submodules, when the head has them checked out: from the head's own
//   copies where they hold the base's commits, else from their URLs;
// - Git LFS files as content where the head has their content, as pointers
//   where the head has pointers.
import { existsSync } from 'node:fs'
import { link, copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { CommandError } from '../errors.js'
import { lastLines, type Exec } from '../exec.js'
import { git, gitAuthEnv, isShallow, type GitAuth, type GitResult } from '../git.js'

export interface CheckoutDeps {
  exec: Exec
  /** The action's token for what must be fetched from GitHub (submodules, LFS objects). */
  auth?: GitAuth | null
}

/** Pointers, not content, while checking out: LFS content is fetched only where the head has it. */
const NO_SMUDGE = { GIT_LFS_SKIP_SMUDGE: '1' }

const failed = (what: string, r: GitResult): CommandError => new CommandError(`${what}: ${lastLines(r.err, 1) || 'git failed'}`, lastLines(r.err, 3))

/**
 * Checks `commit` of `repo` out into a new directory under `parentDir`, runs
 * `fn` in it and removes it afterwards, also when `fn` throws. Throws a
 * CommandError naming what could not be checked out.
 */
export async function withBaseCheckout<T>(repo: string, commit: string, parentDir: string, deps: CheckoutDeps, fn: (dir: string) => Promise<T>): Promise<T> {
  const holder = await mkdtemp(path.join(parentDir, 'base-'))
  const dir = path.join(holder, 'checkout')
  try {
    await cloneCommit(repo, commit, dir, deps.exec)
    const gitDir = (await git(deps.exec, repo, ['rev-parse', '--absolute-git-dir'])).out
    if (existsSync(path.join(dir, '.gitmodules')) && (await hasCheckedOutSubmodules(repo, deps.exec))) await checkOutSubmodules(dir, gitDir, deps)
    if (await hasLfsContent(repo, deps.exec)) await checkOutLfsContent(dir, gitDir, deps)
    return await fn(dir)
  } finally {
    await rm(holder, { recursive: true, force: true })
  }
}

async function cloneCommit(repo: string, commit: string, dir: string, exec: Exec): Promise<void> {
  const short = commit.slice(0, 12)
  if (await isShallow(repo, exec)) {
    // A local clone of a shallow repository goes through the transport and takes only what refs reach; fetch the one commit.
    const init = await git(exec, repo, ['init', '--quiet', dir])
    if (!init.ok) throw failed(`cannot create the base checkout of ${short}`, init)
    const fetched = await git(exec, dir, ['fetch', '--quiet', '--no-tags', '--depth=1', '--', repo, commit])
    if (!fetched.ok) throw failed(`cannot copy the base commit ${short} from the shallow clone`, fetched)
  } else {
    const cloned = await git(exec, repo, ['clone', '--quiet', '--local', '--no-checkout', '--', repo, dir])
    if (!cloned.ok) throw failed(`cannot clone the repository for the base commit ${short}`, cloned)
  }
  const checkedOut = await git(exec, dir, ['checkout', '--quiet', '--detach', commit], NO_SMUDGE)
  if (!checkedOut.ok) throw failed(`cannot check out the base commit ${short}`, checkedOut)
  // The head's origin, not the temporary path a local clone records (a build may read it).
  const origin = await git(exec, repo, ['remote', 'get-url', 'origin'])
  const has = (await git(exec, dir, ['remote'])).out.split('\n').includes('origin')
  if (origin.ok) await git(exec, dir, ['remote', has ? 'set-url' : 'add', 'origin', origin.out])
  else if (has) await git(exec, dir, ['remote', 'remove', 'origin'])
}

/** Whether the head has any submodule checked out (`git submodule status` marks the others with '-'). */
async function hasCheckedOutSubmodules(repo: string, exec: Exec): Promise<boolean> {
  const r = await git(exec, repo, ['submodule', 'status'])
  return r.ok && r.out.split('\n').some((line) => line !== '' && !line.startsWith('-'))
}

/**
 * The base's submodules at the base's commits: from the head's own copy
 * (`.git/modules/<name>`: no network) when it holds that commit, else from
 * the URL the base's .gitmodules names, with the token for the GitHub server.
 */
async function checkOutSubmodules(dir: string, headGitDir: string, deps: CheckoutDeps): Promise<void> {
  const { exec } = deps
  const init = await git(exec, dir, ['submodule', 'init'])
  if (!init.ok) throw failed("cannot read the base commit's .gitmodules", init)
  const paths = await git(exec, dir, ['config', '--file', '.gitmodules', '--get-regexp', '^submodule\\..*\\.path$'])
  let local = 0
  for (const line of paths.out.split('\n').filter(Boolean)) {
    const space = line.indexOf(' ')
    const name = line.slice('submodule.'.length, space - '.path'.length)
    const copy = path.join(headGitDir, 'modules', name)
    // The commit the base records for it: `160000 commit <sha>\t<path>`.
    const entry = (await git(exec, dir, ['ls-tree', 'HEAD', '--', line.slice(space + 1)])).out.split(/\s+/)
    if (entry[1] !== 'commit' || !existsSync(copy) || !(await git(exec, copy, ['cat-file', '-e', `${entry[2]}^{commit}`])).ok) continue
    await git(exec, dir, ['config', `submodule.${name}.url`, copy])
    local++
  }
  const auth = await gitAuthEnv(dir, deps.auth ?? null, exec)
  // A local path is refused as a submodule URL by default (git 2.38.1); these are the head's own copies.
  const allowCopies = local > 0 ? ['-c', 'protocol.file.allow=always'] : []
  const updated = await git(exec, dir, [...allowCopies, 'submodule', 'update', '--init', '--recursive', '--depth=1'], { ...NO_SMUDGE, ...auth })
  if (!updated.ok) throw failed("cannot check out the base commit's submodules", updated)
}

/** Whether the head's checkout has Git LFS content (`git lfs ls-files` marks it '*'; pointers are '-'). */
async function hasLfsContent(repo: string, exec: Exec): Promise<boolean> {
  const r = await git(exec, repo, ['lfs', 'ls-files']).catch(() => null)
  return r !== null && r.ok && r.out.split('\n').some((line) => / \* /.test(line))
}

/**
 * The base's LFS files as content: the head's LFS objects are linked into the
 * base's .git (the base usually shares most of them), then `git lfs pull`
 * fetches what is missing from origin (with the token) and checks them out.
 */
async function checkOutLfsContent(dir: string, headGitDir: string, deps: CheckoutDeps): Promise<void> {
  await linkTree(path.join(headGitDir, 'lfs', 'objects'), path.join(dir, '.git', 'lfs', 'objects'))
  const auth = await gitAuthEnv(dir, deps.auth ?? null, deps.exec)
  const pulled = await git(deps.exec, dir, ['lfs', 'pull'], auth)
  if (!pulled.ok) throw failed('cannot fetch the base commit’s Git LFS files', pulled)
}

/** Hard-links every file of `from` into `to` (copies across file systems); nothing when `from` is absent. */
async function linkTree(from: string, to: string): Promise<void> {
  if (!existsSync(from)) return
  await mkdir(to, { recursive: true })
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) await linkTree(source, target)
    else if (entry.isFile() && !existsSync(target)) await link(source, target).catch(() => copyFile(source, target))
  }
}
