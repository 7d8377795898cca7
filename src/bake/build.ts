// One `docker buildx bake` run for every image of a bake definition: the
// user's files plus an overlay (definition.ts) that gives each image one
// platform, no tags and an output the engine can measure. On the classic
// store's docker driver the images are loaded (`type=docker`) and their ids
// read from bake's metadata file; every other builder exports an archive per
// image, with the exact blobs BuildKit pushes, which is loaded and kept for
// the measurement (as src/docker/build.ts does for one build).
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Docker } from '../docker/docker.js'
import { CommandError } from '../errors.js'
import { bakeOverlay, loadedImageId, type BakeImage } from './definition.js'

export interface BakeBuildRequest {
  /** The user's bake file(s), absolute. */
  files: string[]
  /** Bake's working directory (the workspace, or the base worktree's copy of it). */
  cwd: string
  builder: string | null
  images: BakeImage[]
  output: 'load' | 'archive'
  /** Keep the bake file's own `cache-to` (the head build), or leave it out (the base build). */
  cacheTo: boolean
}

export interface BakeBuildDeps {
  docker: Docker
  tempDir: string
  onProgress?: (chunk: string) => void
}

export interface BakedImage {
  imageId: string
  /** The exported archive (`output: archive`); the caller measures and removes it. */
  archive: string | null
}

export interface BakeBuildResult {
  images: Map<string, BakedImage>
  /** Plain progress output (shows which steps were CACHED). */
  log: string
}

export async function bakeBuild(req: BakeBuildRequest, deps: BakeBuildDeps): Promise<BakeBuildResult> {
  const dir = await mkdtemp(path.join(deps.tempDir, 'bake-'))
  const archives = new Map(req.images.map((image) => [image.key, req.output === 'archive' ? path.join(dir, `${image.key}.tar`) : null]))
  try {
    const overlay = path.join(dir, 'go-image-budget.bake.json')
    await writeFile(
      overlay,
      JSON.stringify(
        bakeOverlay(
          req.images,
          (image) => {
            const archive = archives.get(image.key)
            return archive ? `type=docker,dest=${archive}` : 'type=docker'
          },
          { cacheTo: req.cacheTo }
        ),
        null,
        2
      )
    )
    const metadataFile = path.join(dir, 'metadata.json')
    const result = await deps.docker.buildx.bake({
      files: [...req.files, overlay],
      cwd: req.cwd,
      builder: req.builder,
      targets: req.images.map((i) => i.key),
      metadataFile,
      allowWrite: req.output === 'archive' ? dir : null,
      onProgress: deps.onProgress
    })
    const metadata = req.output === 'load' ? await readFile(metadataFile, 'utf8').catch(() => '') : ''
    const images = new Map<string, BakedImage>()
    for (const image of req.images) {
      const archive = archives.get(image.key) ?? null
      const imageId = archive ? await deps.docker.images.load(archive) : loadedImageId(metadata, image.key)
      if (!imageId) throw new CommandError(`docker buildx bake recorded no image for target '${image.target.name}'`, metadata.slice(0, 2000))
      // Loaded by bake itself: recorded here, as load records an archive's image.
      if (!archive) deps.docker.recordBuilt(imageId)
      // Moved out of the scratch directory, which goes when this returns.
      let kept: string | null = null
      if (archive) {
        kept = path.join(deps.tempDir, `image-${path.basename(dir)}-${image.key}.tar`)
        await rename(archive, kept)
      }
      images.set(image.key, { imageId, archive: kept })
    }
    return { images, log: result.stderr }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
