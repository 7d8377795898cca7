// The report: the pipeline's product and the project's contract (design.md,
// "The report"). Markdown, terminal output, job summary and step outputs are
// all renderings of it; a report written by one run is read by another, so
// names are stable and additions are optional. The Go binary part is in
// go-binary.ts, re-exported here.
import type { BinaryDiff, GoBinary } from './go-binary.js'

export type * from './go-binary.js'

/**
 * The contract's version: additions are compatible and keep it. `delta.noise`,
 * `delta.unchanged` and `layerDiff[].noise` (the comparison decides noise once;
 * the renderers only read it) were added later; reports written before them are
 * upgraded on load (stored/upgrade.ts).
 */
export const SCHEMA_VERSION = 1

export type Status = 'pass' | 'warn' | 'fail'
export type BudgetStatus = Status | 'none'
export type Metric = 'uncompressed' | 'compressed'
/**
 * Where compressed sizes come from: `registry` (a registry manifest), `oci` (an
 * OCI or docker export's manifest: what BuildKit pushes), `image-store` (the
 * containerd image store's blobs: what that engine pushes), `push` (the
 * engine's own `docker push`, counted by an endpoint on loopback that stores
 * nothing: what that engine writes to a registry), `gzip-estimate` (modelled
 * on the compressor of the engine that will push), null (unknown). `push` was
 * added later (a compatible addition).
 */
export type CompressedSource = 'registry' | 'oci' | 'image-store' | 'push' | 'gzip-estimate' | null
export type Severity = 'error' | 'warning' | 'info'

export type RuleId = 'multi-stage' | 'minimal-base' | 'cgo-disabled' | 'strip-symbols' | 'trimpath' | 'dockerignore' | 'ca-certificates' | 'tzdata' | 'non-root' | 'wasted-layers' | 'layer-order'

export interface ImageInfo {
  ref: string | null
  /** The `docker buildx bake` target that built it (bake mode). */
  bakeTarget?: string
  id: string
  platform: string
  context: string | null
  dockerfile: string | null
  target: string | null
  commit: string | null
}

export interface Sizes {
  uncompressed: number
  compressed: number | null
}

export interface ImageSize extends Sizes {
  compressedSource: CompressedSource
  /** What estimated the `gzip-estimate` layers, e.g. "Go 1.26+ compress/flate level 6, as Docker 28.5.2 (Go 1.27.1) pushes"; absent when none was estimated. */
  compressedEstimate?: string
  /** Why the engine's own push did not size the estimated layers (the daemon cannot reach this machine's loopback, the push failed); absent when it was not needed or not tried. */
  compressedFallback?: string
  /** The engine's own figures, to reconcile with `uncompressed` (which is the classic unpacked size on every engine). */
  engine?: EngineSizes
}

export interface EngineSizes {
  /** `Docker 28.5.2 (containerd image store, Go 1.27.1)`. */
  name: string
  store: 'overlay2' | 'containerd' | 'other-graph-driver'
  /** `docker image inspect` Size: the classic size on overlay2; content (or content plus snapshots) on the containerd store. */
  inspectSize: number
  /** `docker images` DISK USAGE (containerd store: content plus unpacked snapshots); on overlay2 what `docker images` SIZE shows. */
  diskUsage: number | null
  /** `docker images` CONTENT SIZE (containerd store: the stored blobs); null on overlay2. */
  contentSize: number | null
}

export interface Layer {
  index: number
  diffId: string
  instruction: string
  dockerfileLine: number | null
  stage: string | null
  fromBaseImage: boolean
  /** Regular-file bytes plus symlink target lengths (hard links once): the classic unpacked size. */
  uncompressed: number
  compressed: number | null
  /** Where `compressed` comes from (absent in reports of schema 1 written before it was recorded). */
  compressedSource?: CompressedSource
}

export interface WastedFile {
  path: string
  bytes: number
  layers: number[]
}

export interface Wasted {
  bytes: number
  files: WastedFile[]
  /** Bytes each layer holds that a later layer rewrote or deleted. */
  layers?: { index: number; bytes: number }[]
}

export type FailOn = 'any' | 'budget' | 'increase' | 'never'

/** One limit the verdict checked (src/compare/budget.ts). */
export interface BudgetCheck {
  check: 'budget' | 'warn-at' | 'max-increase' | 'max-module-increase'
  /** The limit in bytes, in `metric` (a percentage input is resolved against the budget or the baseline). */
  limit: number
  /** The measured value: the size for budget/warn-at, the growth for max-increase. */
  actual: number
  metric: Metric
  exceeded: boolean
  /** What an exceeded check does under `fail-on`: fail the job or only warn. */
  effect: 'fail' | 'warn'
  /** max-module-increase: the module that grew the most (or was added), in which binary, and how go.mod lists it. */
  module?: { binary: string; path: string; versionBefore: string | null; versionAfter: string | null; before: number; after: number; goMod: 'direct' | 'indirect' | null }
}

export interface Budget {
  metric: Metric
  limit: number | null
  warnAt: number | null
  /** Largest allowed growth in bytes (resolved when given as a percentage and a baseline exists). */
  maxIncrease: number | null
  status: BudgetStatus
  /** One line naming the limit and the measured size, e.g. "image is 816 MB, over the 20 MB budget (uncompressed)". */
  reason?: string | null
  failOn?: FailOn
  /** Noise floor in bytes: smaller changes count as unchanged. */
  minDelta?: number | null
  checks?: BudgetCheck[]
}

/** A baseline's sizes: a registry image has no uncompressed size (its layers are never pulled). */
export interface BaselineSizes {
  uncompressed: number | null
  compressed: number | null
}

/** A baseline layer; `uncompressed` is null when it came from a registry manifest. */
export type BaselineLayer = Omit<Layer, 'uncompressed'> & { uncompressed: number | null }

export interface Baseline {
  source: 'build' | 'image' | 'report' | 'none'
  ref: string | null
  commit: string | null
  size: BaselineSizes | null
  layers: BaselineLayer[]
  /** "no baseline: …" when a baseline was wanted and could not be had; the job goes on. */
  error: string | null
  /** Local image id (build), manifest digest (image) or the report's image id (report). */
  digest?: string | null
  platform?: string | null
  /** Why a metric is missing or was substituted, e.g. "registry manifest: compressed sizes only". */
  note?: string | null
  /** The base image's Go binaries with their attribution (a build or a stored report; a registry image has none). */
  goBinaries?: GoBinary[]
}

/** No baseline, and none wanted: what a report holds before (or without) the baseline stage. */
export const NO_BASELINE: Baseline = { source: 'none', ref: null, commit: null, size: null, layers: [], error: null }

export interface Delta {
  /** Bytes; null when the baseline lacks this metric (a registry image has no uncompressed size). */
  uncompressed: number | null
  compressed: number | null
  /** Percent change in `metric` (0 when the baseline size is 0). */
  percent: number
  /** The metric `percent` refers to: the budget metric, or the one both sides have. */
  metric?: Metric
  uncompressedPercent?: number | null
  compressedPercent?: number | null
  /** True when the change in `metric` is below `min-delta`: render as unchanged. */
  unchanged: boolean
  /** Per metric: the change is zero or below `min-delta` (src/compare/compare.ts belowFloor); false where the metric is missing. */
  noise: { uncompressed: boolean; compressed: boolean }
}

export type LayerChange = 'added' | 'removed' | 'grown' | 'shrunk' | 'unchanged'

/** A layer as the diff shows it (head or base side). */
export interface LayerSide {
  index: number
  diffId: string
  instruction: string
  stage: string | null
  fromBaseImage: boolean
  uncompressed: number | null
  compressed: number | null
}

export interface LayerDiffEntry {
  change: LayerChange
  /** How head and base were paired: same content (diff id), or same stage + instruction; null for added/removed. */
  pairedBy: 'diffId' | 'instruction' | null
  head: LayerSide | null
  base: LayerSide | null
  /** head − base in bytes per metric (null where a side lacks the metric). */
  delta: { uncompressed: number | null; compressed: number | null }
  /** The change is zero or below `min-delta` in bytes: the comment leaves it out of "Layers that changed". */
  noise: boolean
}

/** The bytes a layer's change is shown and judged with: in `metric`, else whichever side has. */
export function layerChangeBytes(delta: LayerDiffEntry['delta'], metric: Metric): number {
  return delta[metric] ?? delta.uncompressed ?? delta.compressed ?? 0
}

/**
 * Per-layer comparison with the baseline (src/compare/compare.ts). Entries follow the
 * head image's layer order; removed layers come last in base order.
 * `metric` is the metric grown/shrunk were decided on.
 */
export interface LayerDiff {
  metric: Metric
  entries: LayerDiffEntry[]
  totals: Record<LayerChange, { count: number; bytes: number }>
}

export interface Finding {
  rule: RuleId
  severity: Severity
  file: string
  line: number | null
  message: string
  estimatedSavings: number | null
  fix: string
  /** The fix as edits of the Dockerfile, when it is one: applied to the original (all of them, in order) it builds the fixed image. */
  edits?: FixEdit[]
}

/** Lines `line`..`endLine` (1-based, inclusive) of the Dockerfile replaced by `text`; `endLine` = `line` - 1 inserts before `line`. */
export interface FixEdit {
  line: number
  endLine: number
  text: string
}

export interface Suggestion {
  dockerfile: string
  verified: boolean
  size: Sizes | null
  error: string | null
  /** Measured image size minus the verified suggestion's (uncompressed); null when not verified. */
  savings?: number | null
  /** Final base image of the suggestion (`scratch`, distroless static …). */
  base?: string
  /** Why the suggestion was (not) built: "budget exceeded", "verify-suggestion: false" … */
  verifyReason?: string | null
  /** `verify-command` as run in the suggested image, with its exit code and output tail. */
  verifyCommand?: { command: string; exitCode: number; output: string } | null
  /** What "verified" rests on: the checks on the built image's files and config, and how it started. */
  proof?: SuggestionProof | null
  /** The commit whose run built and proved this suggestion (an earlier push's when nothing it depends on changed). */
  verifiedAt?: string | null
  /** Digest of what the proof depends on (Dockerfile, base image digests, go.mod/go.sum, the program's needs). */
  inputsKey?: string | null
}

/** One check of the start proof (src/advisor/proof/startup.ts). */
export interface ProofCheckResult {
  check: string
  ok: boolean
  detail: string
  /** A failed required check means the suggestion is not claimed. */
  required: boolean
}

/** A suggestion's proof as carried to the next run (sticky comment state, previous report). */
export interface CarriedProof {
  /** Suggestion.inputsKey it was proven for. */
  key: string
  /** The commit whose run proved it. */
  commit: string | null
  verified: boolean
  size: Sizes | null
  savings: number | null
  error: string | null
  proof: SuggestionProof | null
}

export interface SuggestionProof {
  checks: ProofCheckResult[]
  /** The offline start (`docker run --network none`), null when a static check already failed. */
  start: { ok: boolean; detail: string; exitCode: number | null; running: boolean; readOnly: boolean } | null
}

/** A rule that did not run, and why (dockerfile-only mode skips the rules that need a built image). */
export interface SkippedRule {
  rule: RuleId
  reason: string
}

/**
 * One point of the size trend (src/compare/trend.ts). The first point is the base
 * branch's size (`label: 'base'`, uncompressed null for a registry baseline);
 * the rest are this pull request's pushes, oldest first.
 */
export interface HistoryPoint {
  commit: string
  at: string
  uncompressed: number | null
  compressed: number | null
  label?: string
}

/** What is measured and judged for one image (one platform). */
export interface ImageVerdict {
  image: ImageInfo
  size: ImageSize
  layers: Layer[]
  wasted: Wasted | null
  goBinaries: GoBinary[]
  budget: Budget
  baseline: Baseline
  delta: Delta | null
  /** Per-layer comparison with the baseline; absent or null without one. */
  layerDiff?: LayerDiff | null
  /** Per Go binary, per module comparison with the baseline's binaries; absent or null without one. */
  binaryDiff?: BinaryDiff[] | null
  status: Status
}

/** One measured platform; the top-level fields describe the first (or only) one. */
export interface PlatformReport extends ImageVerdict {
  platform: string
}

export interface Report extends ImageVerdict {
  schemaVersion: number
  tool: { name: string; version: string }
  /**
   * What the image is called where one comment shows several: the `comment-key`
   * it was measured with, or its bake target (with the platform when the target
   * builds several). Absent: it is named by its Dockerfile, target and platform.
   */
  name?: string
  findings: Finding[]
  suggestion: Suggestion | null
  history: HistoryPoint[]
  platforms?: PlatformReport[]
  /** `dockerfile-only`: no image was built; sizes are 0 and findings carry no savings. Absent means `build`. */
  mode?: 'build' | 'dockerfile-only'
  /** Rules that could not run in this mode. */
  skippedRules?: SkippedRule[]
}
