// Baseline by building the base commit: a checkout of it outside both build
// contexts (a self-contained clone, src/baseline/checkout.ts), the same build
// inputs (so BuildKit's content-addressed cache serves every step the two
// commits share), measured the same way, then the checkout is removed. A base
// without the Dockerfile, or whose build fails, is "no baseline: …" with the
// reason and what to do, never a failed job.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { CommandError, errorMessage } from '../errors.js'
import type { Exec } from '../exec.js'
import { buildFailureSummary } from '../docker/build-failure.js'
import { checkedOutCommit, resolveBaseCommit, sameContentAsWorkingTree, type BaseRef, type GitAuth } from '../git.js'
import type { Logger } from '../log.js'
import type { Baseline, GoBinary, ImageSize, Layer } from '../report/types.js'
import { withBaseCheckout } from './checkout.js'

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
  /** Where the base checkout goes; outside the repository. */
  tempDir: string
  log: Logger
  /** The action's token, for fetching the base (and its submodules and LFS files) from GitHub. */
  auth?: GitAuth | null
}

/** Said after a base build that failed where the head's succeeded. */
export const BASE_BUILD_FAILED_HINT = 'this commit builds, so the difference is in the base: fix the base branch, or compare with baseline-image or baseline-report'

/** The one line a failed base build gets: the failing step and its last output lines, then what to do. */
export function baseBuildFailure(what: string, error: unknown): string {
  const detail = error instanceof CommandError ? (error.summary ?? (error.detail ? buildFailureSummary(error.detail) : error.message)) : errorMessage(error).split('\n')[0]
  return `${what} failed: ${detail}; ${BASE_BUILD_FAILED_HINT}`
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
    commit = (await resolveBaseCommit(req.repoRoot, req.base, deps.exec, deps.auth ?? null)).commit
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
    return await withBaseCheckout(req.repoRoot, commit, deps.tempDir, { exec: deps.exec, auth: deps.auth }, async (dir) => {
      const context = path.join(dir, contextRel)
      const dockerfile = path.join(dir, dockerfileRel)
      if (!existsSync(context) || !statSync(context).isDirectory()) return none(`${name} (${short}) has no directory ${contextRel || '.'}`, commit)
      if (!existsSync(dockerfile)) return none(`${name} (${short}) has no Dockerfile at ${dockerfileRel}`, commit)
      deps.log.info(`Building the base ${name} (${short}) from a checkout of it`)
      let built: BuiltImage
      try {
        built = await build({ context, dockerfile, platform: req.platform })
      } catch (error) {
        return none(baseBuildFailure(`the build of ${name} (${short})`, error), commit)
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
