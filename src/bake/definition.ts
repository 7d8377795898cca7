// A bake definition as this project reads it (pure): the targets of
// `docker buildx bake --print`, the images to measure (one per target and
// platform: an image is measured for one platform, and a multi-platform image
// cannot be loaded into the classic store, so a target with several platforms
// becomes one image per platform, built in the same bake run), and the
// overlay file that makes bake deliver each image where it can be measured.
import path from 'node:path'
import { UsageError } from '../errors.js'

export interface BakeTarget {
  name: string
  /** As printed: relative to bake's working directory, or absolute. */
  context: string
  /** Relative to the context, or absolute. */
  dockerfile: string
  /** The Dockerfile stage (`target` in the bake file). */
  stage: string | null
  args: Record<string, string>
  platforms: string[]
}

export interface BakeImage {
  /** The overlay target that builds it (unique, bake's alphabet). */
  key: string
  /** The name in reports and the comment: the target, with its platform when it has several. */
  name: string
  target: BakeTarget
  platform: string | null
  /** Context and Dockerfile, absolute. */
  context: string
  dockerfile: string
}

interface PrintedTarget {
  context?: unknown
  dockerfile?: unknown
  'dockerfile-inline'?: unknown
  target?: unknown
  args?: unknown
  platforms?: unknown
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])

/** The targets `--print` resolved, in the order its default group lists them. */
export function parseBakePrint(json: string, file: string): BakeTarget[] {
  let doc: { group?: Record<string, { targets?: unknown }>; target?: Record<string, PrintedTarget> }
  try {
    doc = JSON.parse(json) as typeof doc
  } catch {
    throw new UsageError(`bake: docker buildx bake --print gave no definition for ${file}; check the file with 'docker buildx bake --print'`)
  }
  const printed = doc.target ?? {}
  const order = strings(doc.group?.default?.targets)
  const names = [...order.filter((n) => n in printed), ...Object.keys(printed).filter((n) => !order.includes(n))]
  if (names.length === 0) throw new UsageError(`bake: ${file} defines no target to build; add a target, or name one in bake-targets`)
  return names.map((name) => {
    const t = printed[name]
    if (typeof t['dockerfile-inline'] === 'string') {
      throw new UsageError(`bake-targets: target '${name}' has a dockerfile-inline; its Dockerfile is read from a file to name layers and advise, so move it into a Dockerfile`)
    }
    const args: Record<string, string> = {}
    if (t.args && typeof t.args === 'object') for (const [k, v] of Object.entries(t.args)) if (typeof v === 'string') args[k] = v
    return {
      name,
      context: typeof t.context === 'string' && t.context !== '' ? t.context : '.',
      dockerfile: typeof t.dockerfile === 'string' && t.dockerfile !== '' ? t.dockerfile : 'Dockerfile',
      stage: typeof t.target === 'string' && t.target !== '' ? t.target : null,
      args,
      platforms: strings(t.platforms)
    }
  })
}

/** A context bake takes from elsewhere than a local directory (a Git or HTTP URL). */
const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/

/**
 * One image per target and platform. `platforms` (the input) overrides every
 * target's platforms; a target without any is built for the builder's default.
 */
export function planImages(targets: BakeTarget[], platforms: string[], cwd: string): BakeImage[] {
  return targets.flatMap((target, t) => {
    if (REMOTE.test(target.context)) {
      throw new UsageError(`bake-targets: target '${target.name}' builds from a remote context (${target.context}); only local contexts can be compared with the base commit, so use a directory`)
    }
    const context = path.resolve(cwd, target.context)
    const dockerfile = path.resolve(context, target.dockerfile)
    const wanted = platforms.length > 0 ? platforms : target.platforms
    const each: (string | null)[] = wanted.length > 0 ? wanted : [null]
    return each.map((platform, p) => ({
      key: `gib-${t + 1}-${p + 1}-${target.name.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 100),
      name: each.length > 1 && platform ? `${target.name} (${platform})` : target.name,
      target,
      platform,
      context,
      dockerfile
    }))
  })
}

/**
 * The overlay bake reads after the user's file: one target per image that
 * inherits the user's target and changes only what the measurement needs: one
 * platform, no tags (a build must not move the user's tags), and an output the
 * engine can measure (`type=docker`: loaded; or an archive of the exact blobs).
 * `cacheTo: false` leaves the user's cache export out (the base build must not
 * overwrite the head's cache).
 */
export function bakeOverlay(images: BakeImage[], output: (image: BakeImage) => string, options: { cacheTo: boolean }): object {
  const target: Record<string, object> = {}
  for (const image of images) {
    target[image.key] = {
      inherits: [image.target.name],
      tags: [],
      output: [output(image)],
      ...(image.platform ? { platforms: [image.platform] } : {}),
      ...(options.cacheTo ? {} : { 'cache-to': [] })
    }
  }
  return { target }
}

/** The image id bake's metadata file records for an overlay target loaded into the engine. */
export function loadedImageId(metadata: string, key: string): string | null {
  try {
    const entry = (JSON.parse(metadata) as Record<string, Record<string, unknown>>)[key]
    const id = entry?.['containerimage.config.digest'] ?? entry?.['containerimage.digest']
    return typeof id === 'string' && /^sha256:[0-9a-f]{64}$/.test(id) ? id : null
  } catch {
    return null
  }
}

/** The inputs that mean one build and have no place in a bake run, each with where it goes instead. */
const NOT_WITH_BAKE: [keyof BakeConflicts, string, string][] = [
  ['file', 'file', 'each target names its Dockerfile in the bake file'],
  ['target', 'target', "set each target's stage with `target` in the bake file"],
  ['image', 'image', 'bake builds its targets; unset image'],
  ['dockerfileOnly', 'dockerfile-only', 'it reads one Dockerfile; unset bake to use it'],
  ['buildArgs', 'build-args', 'set `args` in the bake file'],
  ['buildContexts', 'build-contexts', 'set `contexts` in the bake file'],
  ['cacheFrom', 'cache-from', 'set `cache-from` in the bake file'],
  ['cacheTo', 'cache-to', 'set `cache-to` in the bake file'],
  ['labels', 'labels', 'set `labels` in the bake file'],
  ['secrets', 'secrets', 'set `secret` in the bake file'],
  ['secretFiles', 'secret-files', 'set `secret` in the bake file'],
  ['secretEnvs', 'secret-envs', 'set `secret` in the bake file'],
  ['baselineImage', 'baseline-image', 'it names one image; with bake each target is compared with its own base build'],
  ['baselineReport', 'baseline-report', 'it holds one image; with bake each target is compared with its own base build']
]

export interface BakeConflicts {
  file: string | null
  target: string | null
  image: string | null
  dockerfileOnly: boolean
  buildArgs: string[]
  buildContexts: string[]
  cacheFrom: string[]
  cacheTo: string[]
  labels: string[]
  secrets: string[]
  secretFiles: unknown[]
  secretEnvs: unknown[]
  baselineImage: string | null
  baselineReport: string | null
  context: string
}

/** Refuses inputs a bake run cannot honour, naming the input and where its setting goes. */
export function checkBakeInputs(inputs: BakeConflicts): void {
  for (const [key, name, fix] of NOT_WITH_BAKE) {
    const value = inputs[key]
    if (Array.isArray(value) ? value.length > 0 : Boolean(value)) throw new UsageError(`${name}: not used with bake; ${fix}`)
  }
  if (inputs.context !== '.') throw new UsageError('context: not used with bake; each target names its context in the bake file (relative to the workspace)')
}
