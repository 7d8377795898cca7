// The baseline of every image of a bake run, from ONE bake run of the base
// commit: a checkout of it (src/baseline/checkout.ts), the same bake file (the base's version of it) and
// the same overlay, so BuildKit's cache serves what the two commits share.
// An image whose bake file, context and Dockerfile are the same at the base
// is its own baseline (nothing is built again for it). A base without the
// bake file, without a target, or whose bake run fails, gives "no baseline:
// …" for the images concerned, never a failed job.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Docker } from '../docker/docker.js'
import { CommandError, errorMessage } from '../errors.js'
import type { Exec } from '../exec.js'
import { baseBuildFailure } from '../baseline/build.js'
import { withBaseCheckout } from '../baseline/checkout.js'
import { checkedOutCommit, gitRoot, resolveBaseCommit, sameContentAsWorkingTree, type BaseRef, type GitAuth } from '../git.js'
import type { Logger } from '../log.js'
import { NO_BASELINE, type Baseline, type GoBinary, type ImageSize, type Layer } from '../report/types.js'
import { bakeBuild, type BakedImage } from './build.js'
import { parseBakePrint, planImages, type BakeImage, type BakeTarget } from './definition.js'

/** What the head build measured of an image (reused when the base is the same). */
export interface HeadImage {
  imageId: string
  platform: string
  size: ImageSize
  layers: Layer[]
  goBinaries?: GoBinary[]
}

export interface BakeBaselineRequest {
  base: BaseRef | null
  /** `baseline: auto` compares quietly with nothing when no base ref is known. */
  auto: boolean
  workspace: string
  /** The head's bake file, absolute. */
  bakeFile: string
  builder: string | null
  output: 'load' | 'archive'
  images: BakeImage[]
  heads: Map<string, HeadImage>
}

export interface BakeBaselineDeps {
  exec: Exec
  /** The action's token, for fetching the base from GitHub. */
  auth?: GitAuth | null
  docker: Docker
  tempDir: string
  log: Logger
  /** Measures a built base image, its layers named by the base's Dockerfile. */
  measure: (image: BakeImage, built: BakedImage) => Promise<HeadImage>
}

const none = (error: string, ref: string | null, commit: string | null = null): Baseline => ({ source: 'build', ref, commit, size: null, layers: [], error: `no baseline: ${error}` })

const within = (root: string, p: string): string | null => {
  const rel = path.relative(root, p)
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? null : rel
}

/** The baseline of each image, by its key. */
export async function bakeBaselines(req: BakeBaselineRequest, deps: BakeBaselineDeps): Promise<Map<string, Baseline>> {
  const result = new Map<string, Baseline>()
  const all = (baseline: Baseline) => {
    for (const image of req.images) result.set(image.key, baseline)
    return result
  }
  if (!req.base) return all(req.auto ? NO_BASELINE : none('no base ref: not a pull_request or push event; set base-ref (e.g. main)', null))
  const ref = req.base.ref
  const name = ref ?? req.base.sha?.slice(0, 12) ?? 'base'
  const repoRoot = await gitRoot(req.workspace, deps.exec)
  if (!repoRoot) return all(none('the workspace is not in a git repository', ref))
  const bakeRel = within(repoRoot, req.bakeFile)
  const workdirRel = within(repoRoot, req.workspace)
  if (bakeRel === null || workdirRel === null) return all(none(`the bake file lies outside the git repository ${repoRoot}, so the base commit cannot provide it`, ref))
  let commit: string
  try {
    commit = (await resolveBaseCommit(repoRoot, req.base, deps.exec, deps.auth ?? null)).commit
  } catch (error) {
    return all(none(errorMessage(error).split('\n')[0], ref))
  }
  const short = commit.slice(0, 7)

  // Which images the base commit could change: those whose bake file, context or Dockerfile differ.
  const toBuild: { image: BakeImage; contextRel: string; dockerfileRel: string }[] = []
  let unchanged = 0
  for (const image of req.images) {
    const contextRel = within(repoRoot, image.context)
    const dockerfileRel = within(repoRoot, image.dockerfile)
    if (contextRel === null || dockerfileRel === null) {
      result.set(image.key, none(`the context or Dockerfile of ${image.name} lies outside the git repository ${repoRoot}`, ref, commit))
      continue
    }
    const head = req.heads.get(image.key)
    const same = await sameContentAsWorkingTree(repoRoot, commit, [bakeRel, contextRel, dockerfileRel, `${dockerfileRel}.dockerignore`], deps.exec)
    if (same && head) {
      unchanged++
      result.set(image.key, {
        source: 'build',
        ref,
        commit,
        error: null,
        size: { uncompressed: head.size.uncompressed, compressed: head.size.compressed },
        layers: head.layers,
        goBinaries: head.goBinaries ?? [],
        digest: head.imageId,
        platform: head.platform,
        note: `${name} (${short}) has the same bake file, build context and Dockerfile for ${image.name}, so its image is this one; it was not built again`
      })
    } else toBuild.push({ image, contextRel, dockerfileRel })
  }
  // pull_request_target checks out the base by default: comparing it with itself would say nothing.
  if (toBuild.length === 0 && unchanged > 0 && (await checkedOutCommit(repoRoot, deps.exec)) === commit) {
    return all(
      none(
        `the checkout is the base commit ${name} (${short}) itself, not the change to measure; on pull_request_target check out the pull request's head (ref: \${{ github.event.pull_request.head.sha }})`,
        ref,
        commit
      )
    )
  }
  if (toBuild.length === 0) return result
  if (unchanged > 0) deps.log.info(`The base ${name} (${short}) has the same inputs for ${unchanged} image(s): not built again`)

  try {
    await withBaseCheckout(repoRoot, commit, deps.tempDir, { exec: deps.exec, auth: deps.auth }, async (dir) => {
      const bakeFile = path.join(dir, bakeRel)
      const cwd = path.join(dir, workdirRel)
      if (!existsSync(bakeFile)) {
        for (const { image } of toBuild) result.set(image.key, none(`${name} (${short}) has no bake file at ${bakeRel}`, ref, commit))
        return
      }
      const buildable = await baseImages(toBuild, { bakeFile, cwd, dir, name, short, ref, commit, builder: req.builder }, result, deps)
      if (buildable.length === 0) return
      deps.log.info(`Building the base ${name} (${short}) from a checkout of it: ${buildable.length} image(s) in one bake run`)
      let baked: Awaited<ReturnType<typeof bakeBuild>>
      try {
        baked = await bakeBuild(
          { files: [bakeFile], cwd, builder: req.builder, images: buildable, output: req.output, cacheTo: false },
          { docker: deps.docker, tempDir: deps.tempDir, onProgress: (chunk) => deps.log.debug(chunk) }
        )
      } catch (error) {
        const reason = baseBuildFailure(`the bake run of ${name} (${short})`, error)
        for (const image of buildable) result.set(image.key, none(reason, ref, commit))
        return
      }
      for (const image of buildable) {
        const built = baked.images.get(image.key) as BakedImage
        const measured = await deps.measure(image, built)
        result.set(image.key, {
          source: 'build',
          ref,
          commit,
          error: null,
          size: { uncompressed: measured.size.uncompressed, compressed: measured.size.compressed },
          layers: measured.layers,
          goBinaries: measured.goBinaries ?? [],
          digest: measured.imageId,
          platform: measured.platform
        })
      }
    })
  } catch (error) {
    for (const { image } of toBuild) if (!result.has(image.key)) result.set(image.key, none(errorMessage(error).split('\n')[0], ref, commit))
  }
  return result
}

interface BaseCheckout {
  bakeFile: string
  cwd: string
  dir: string
  name: string
  short: string
  ref: string | null
  commit: string
  builder: string | null
}

/**
 * The base's version of each image to build: its target as the base's bake
 * file defines it, for the head's platform, under the head's key. A target
 * the base does not have, or whose context or Dockerfile it lacks, gets its
 * "no baseline" here and is left out of the base run.
 */
async function baseImages(toBuild: { image: BakeImage; contextRel: string; dockerfileRel: string }[], at: BaseCheckout, result: Map<string, Baseline>, deps: BakeBaselineDeps): Promise<BakeImage[]> {
  const missing = (image: BakeImage, why: string) => result.set(image.key, none(`${at.name} (${at.short}) ${why}`, at.ref, at.commit))
  let wanted = toBuild
  const known = await deps.docker.buildx.bakeTargetNames({ files: [at.bakeFile], cwd: at.cwd, builder: at.builder })
  if (known) {
    for (const t of wanted.filter((t) => !known.includes(t.image.target.name))) missing(t.image, `has no target '${t.image.target.name}' in ${path.relative(at.dir, at.bakeFile)}`)
    wanted = wanted.filter((t) => known.includes(t.image.target.name))
  }
  if (wanted.length === 0) return []
  const names = [...new Set(wanted.map((t) => t.image.target.name))]
  let printed: string
  try {
    printed = await deps.docker.buildx.bakePrint({ files: [at.bakeFile], cwd: at.cwd, builder: at.builder, targets: names })
  } catch (error) {
    const detail = error instanceof CommandError && error.detail ? error.detail.split('\n').slice(-1)[0] : errorMessage(error)
    for (const t of wanted) missing(t.image, `has a bake file that cannot be read: ${detail}`)
    return []
  }
  let targets: Map<string, BakeTarget>
  try {
    targets = new Map(parseBakePrint(printed, at.bakeFile).map((t) => [t.name, t]))
  } catch (error) {
    for (const t of wanted) missing(t.image, `has a bake file this run cannot use: ${errorMessage(error)}`)
    return []
  }
  const images: BakeImage[] = []
  for (const { image } of wanted) {
    const target = targets.get(image.target.name)
    if (!target) {
      missing(image, `has no target '${image.target.name}'`)
      continue
    }
    let planned: BakeImage
    try {
      ;[planned] = planImages([target], image.platform ? [image.platform] : [], at.cwd)
    } catch (error) {
      missing(image, `cannot build ${image.name}: ${errorMessage(error)}`)
      continue
    }
    if (!existsSync(planned.context) || !statSync(planned.context).isDirectory()) {
      missing(image, `has no directory ${path.relative(at.dir, planned.context) || '.'} for ${image.name}`)
      continue
    }
    if (!existsSync(planned.dockerfile)) {
      missing(image, `has no Dockerfile at ${path.relative(at.dir, planned.dockerfile)} for ${image.name}`)
      continue
    }
    images.push({ ...planned, key: image.key, name: image.name })
  }
  return images
}
