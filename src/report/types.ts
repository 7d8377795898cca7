// The report: the pipeline's product and the project's contract (design.md,
// "The report"). Markdown, terminal output, job summary and step outputs are
// all renderings of it; a report written by one run is read by another, so
// names are stable and additions are optional.

export const SCHEMA_VERSION = 1

export type Status = 'pass' | 'warn' | 'fail'
export type BudgetStatus = Status | 'none'
export type Metric = 'uncompressed' | 'compressed'
export type CompressedSource = 'registry' | 'oci' | 'gzip-estimate' | null
export type Severity = 'error' | 'warning' | 'info'

export type RuleId =
  | 'multi-stage'
  | 'minimal-base'
  | 'cgo-disabled'
  | 'strip-symbols'
  | 'trimpath'
  | 'dockerignore'
  | 'ca-certificates'
  | 'tzdata'
  | 'non-root'
  | 'wasted-layers'
  | 'layer-order'

export interface ImageInfo {
  ref: string | null
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
}

export interface Layer {
  index: number
  diffId: string
  instruction: string
  dockerfileLine: number | null
  stage: string | null
  fromBaseImage: boolean
  uncompressed: number
  compressed: number | null
}

export interface WastedFile {
  path: string
  bytes: number
  layers: number[]
}

export interface Wasted {
  bytes: number
  files: WastedFile[]
}

export interface GoBinary {
  path: string
  bytes: number
  goVersion: string | null
  static: boolean
  stripped: boolean
  cgo: boolean | null
  module: string | null
  /** Packages linked in (from build info deps and the main module), used by advisor rules. */
  trimpath?: boolean | null
  ldflags?: string | null
  packages?: string[]
}

export interface Budget {
  metric: Metric
  limit: number | null
  warnAt: number | null
  maxIncrease: number | null
  status: BudgetStatus
  reason?: string | null
}

export interface Baseline {
  source: 'build' | 'image' | 'report' | 'none'
  ref: string | null
  commit: string | null
  size: Sizes | null
  layers: Layer[]
  error: string | null
}

export interface Delta {
  uncompressed: number
  compressed: number | null
  percent: number
}

export interface Finding {
  rule: RuleId
  severity: Severity
  file: string
  line: number | null
  message: string
  estimatedSavings: number | null
  fix: string
}

export interface Suggestion {
  dockerfile: string
  verified: boolean
  size: Sizes | null
  error: string | null
}

export interface HistoryPoint {
  commit: string
  at: string
  uncompressed: number
  compressed: number | null
  label?: string
}

/** One measured platform; the top-level fields describe the first (or only) one. */
export interface PlatformReport {
  platform: string
  image: ImageInfo
  size: ImageSize
  layers: Layer[]
  wasted: Wasted | null
  goBinaries: GoBinary[]
  budget: Budget
  baseline: Baseline
  delta: Delta | null
  status: Status
}

export interface Report {
  schemaVersion: number
  tool: { name: string; version: string }
  image: ImageInfo
  size: ImageSize
  layers: Layer[]
  wasted: Wasted | null
  goBinaries: GoBinary[]
  budget: Budget
  baseline: Baseline
  delta: Delta | null
  findings: Finding[]
  suggestion: Suggestion | null
  history: HistoryPoint[]
  platforms?: PlatformReport[]
  status: Status
}
