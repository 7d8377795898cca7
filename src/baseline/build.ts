// Baseline by building the base commit: a worktree of it outside both build
// contexts, the same build inputs (so BuildKit's content-addressed cache
// serves every step the two commits share), measured the same way, then the
// worktree is removed. A base without the Dockerfile, or whose build fails,
// is "no baseline: …", never a failed job.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { CommandError, errorMessage } from '../errors.js'
import type { Exec } from '../exec.js'
import { checkedOutCommit, resolveBaseCommit, sameContentAsWorkingTree, withWorktree, type BaseRef } from '../git.js'
import type { Logger } from '../log.js'
import type { Baseline, GoBinary, ImageSize, Layer } from '../report/types.js'

export interface BuiltImage {
  imageId: string
  platform: string
  size: ImageSize
  layers: Layer[]
  /** Its Go binaries with their attribution, for the module diff. */
  goBinaries?: GoBinary[]
  /** Plain build progress (shows which steps were CACHED). */
  log: string
}

/** Builds and measures a context + Dockerfile with the run's own build inputs. */
export type BuildAndMeasure = (paths: { context: string; dockerfile: string; platform: string | null }) => Promise<BuiltImage>

export interface BaseBuildRequest {
  /** The repository's top level (the head checkout). */
  repoRoot: string
  /** The head's context and Dockerfile, absolute; mapped onto the base worktree. */
  context: string
  dockerfile: string
  base: BaseRef
  /** Build for this platform (the head's); null for the builder's default. */
  platform: string | null
  /**
   * The head's own measurement, reused when the base commit has the same
   * context and Dockerfile (a pull request that does not touch the image):
   * the base build would produce the same image. Null to always build.
   */
  head: BuiltImage | null
}

export interface BaseBuildDeps {
  exec: Exec
  /** Where the worktree goes; outside the repository. */
  tempDir: string
  log: Logger
}

export interface BaseBuildResult {
  baseline: Baseline
  /** The base build's progress log, null when it did not build. */
  log: string | null
}

const within = (root: string, p: string): string | null => {
  const rel = path.relative(root, p)
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? null : rel
}

export async function baselineFromBuild(req: BaseBuildRequest, build: BuildAndMeasure, deps: BaseBuildDeps): Promise<BaseBuildResult> {
  const name = req.base.ref ?? req.base.sha?.slice(0, 12) ?? 'base'
  const none = (error: string, commit: string | null = null): BaseBuildResult => ({
    baseline: { source: 'build', ref: req.base.ref, commit, size: null, layers: [], error: `no baseline: ${error}` },
    log: null
  })
  const contextRel = within(req.repoRoot, req.context)
  const dockerfileRel = within(req.repoRoot, req.dockerfile)
  if (contextRel === null || dockerfileRel === null) {
    return none(`the build context or Dockerfile lies outside the git repository ${req.repoRoot}, so the base commit cannot provide it`)
  }
  let commit: string
  try {
    commit = (await resolveBaseCommit(req.repoRoot, req.base, deps.exec)).commit
  } catch (error) {
    return none(errorMessage(error).split('\n')[0])
  }
  const short = commit.slice(0, 7)
  // The Dockerfile's own ignore file (BuildKit reads `<Dockerfile>.dockerignore`) may live outside the context.
  const same = await sameContentAsWorkingTree(req.repoRoot, commit, [contextRel, dockerfileRel, `${dockerfileRel}.dockerignore`], deps.exec)
  // pull_request_target checks out the base by default: comparing it with itself would say nothing.
  // (The base commit checked out with local changes is a comparison: `--base-ref HEAD`.)
  if (same && (await checkedOutCommit(req.repoRoot, deps.exec)) === commit) {
    return none(
      `the checkout is the base commit ${name} (${short}) itself, not the change to measure; on pull_request_target check out the pull request's head (ref: \${{ github.event.pull_request.head.sha }})`,
      commit
    )
  }
  if (req.head && same) {
    deps.log.info(`The base ${name} (${short}) has the same build context and Dockerfile: not built again`)
    return {
      baseline: {
        source: 'build',
        ref: req.base.ref,
        commit,
        size: { uncompressed: req.head.size.uncompressed, compressed: req.head.size.compressed },
        layers: req.head.layers,
        goBinaries: req.head.goBinaries ?? [],
        error: null,
        digest: req.head.imageId,
        platform: req.head.platform,
        note: `${name} (${short}) has the same build context and Dockerfile as this commit, so its image is this one; it was not built again`
      },
      log: null
    }
  }
  try {
    return await withWorktree(req.repoRoot, commit, deps.tempDir, deps.exec, async (dir) => {
      const context = path.join(dir, contextRel)
      const dockerfile = path.join(dir, dockerfileRel)
      if (!existsSync(context) || !statSync(context).isDirectory()) return none(`${name} (${short}) has no directory ${contextRel || '.'}`, commit)
      if (!existsSync(dockerfile)) return none(`${name} (${short}) has no Dockerfile at ${dockerfileRel}`, commit)
      deps.log.info(`Building the base ${name} (${short}) from a worktree`)
      let built: BuiltImage
      try {
        built = await build({ context, dockerfile, platform: req.platform })
      } catch (error) {
        const detail = error instanceof CommandError && error.detail ? error.detail.split('\n').slice(-1)[0] : errorMessage(error).split('\n')[0]
        return none(`the build of ${name} (${short}) failed: ${detail}`, commit)
      }
      return {
        baseline: {
          source: 'build',
          ref: req.base.ref,
          commit,
          size: { uncompressed: built.size.uncompressed, compressed: built.size.compressed },
          layers: built.layers,
          goBinaries: built.goBinaries ?? [],
          error: null,
          digest: built.imageId,
          platform: built.platform
        },
        log: built.log
      }
    })
  } catch (error) {
    return none(errorMessage(error).split('\n')[0], commit)
  }
}
