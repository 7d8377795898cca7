// One table of inputs: action.yml declares exactly these (a unit test checks
// it), the CLI accepts each as `--name value`, and `parseInputs` turns their
// raw strings into one typed `Inputs`, with errors that name the input.
import { UsageError } from './errors.js'
import { parseSize, parseSizeOrPercent, type SizeOrPercent } from './size.js'
import type { Metric } from './report/types.js'

export interface InputSpec {
  description: string
  default?: string
  /** Shown in the README and `--help`; booleans accept `--flag` alone on the CLI. */
  kind: 'string' | 'boolean' | 'list' | 'size' | 'enum'
  values?: readonly string[]
}

export const FAIL_ON = ['any', 'budget', 'increase', 'never'] as const
export const BASELINES = ['auto', 'build', 'image', 'report', 'none'] as const
export const METRICS = ['uncompressed', 'compressed'] as const
export const COMMENT_MODES = ['always', 'on-change', 'on-exceed', 'never'] as const

export const INPUT_SPECS = {
  context: { kind: 'string', default: '.', description: 'Build context directory.' },
  file: { kind: 'string', default: '', description: 'Path to the Dockerfile (default: `Dockerfile` in the context).' },
  target: { kind: 'string', default: '', description: 'Build stage to measure (default: the last stage).' },
  image: { kind: 'string', default: '', description: 'Measure this already-built local or registry image instead of building.' },
  'build-args': { kind: 'list', default: '', description: 'Build arguments, one `NAME=value` per line.' },
  'build-contexts': { kind: 'list', default: '', description: 'Additional build contexts, one `name=path` per line.' },
  platforms: { kind: 'list', default: '', description: 'Platforms to build and measure one by one, e.g. `linux/amd64,linux/arm64` (default: the builder\'s).' },
  builder: { kind: 'string', default: '', description: 'buildx builder instance to use.' },
  'cache-from': { kind: 'list', default: '', description: 'External cache sources (`--cache-from`), one per line.' },
  'cache-to': { kind: 'list', default: '', description: 'Cache export destinations (`--cache-to`), one per line.' },
  secrets: { kind: 'list', default: '', description: 'Build secrets, one `id=value` per line; masked and never printed.' },
  labels: { kind: 'list', default: '', description: 'Image labels, one `key=value` per line.' },
  budget: { kind: 'size', default: '', description: 'Size budget, e.g. `25MB`, `25 MiB`, `1.5GB` or plain bytes (MB as `docker images`: 1,000,000 bytes).' },
  'budget-metric': { kind: 'enum', values: METRICS, default: 'uncompressed', description: 'Which size the budget and limits apply to: `uncompressed` (as `docker images`) or `compressed` (as a registry stores it).' },
  'warn-at': { kind: 'size', default: '', description: 'Warn from this size on, as a size or a percentage of the budget (e.g. `90%`).' },
  'max-increase': { kind: 'size', default: '', description: 'Largest allowed growth against the baseline, as a size (`2MB`) or a percentage (`10%`).' },
  'min-delta': { kind: 'size', default: '', description: 'Noise floor: a change smaller than this (size or percentage) is reported as unchanged.' },
  'fail-on': { kind: 'enum', values: FAIL_ON, default: 'any', description: 'What fails the job: `any` (budget or max-increase), `budget`, `increase` or `never`.' },
  baseline: { kind: 'enum', values: BASELINES, default: 'auto', description: 'Where the comparison size comes from: `auto`, `build` (build the base ref), `image`, `report` or `none`.' },
  'base-ref': { kind: 'string', default: '', description: 'Git ref to compare with (default: the pull request\'s base, or the push\'s previous commit).' },
  'baseline-image': { kind: 'string', default: '', description: 'Registry image to compare with, measured from its manifest without pulling layers.' },
  'baseline-report': { kind: 'string', default: '', description: 'Report JSON written by an earlier run to compare with.' },
  'previous-report': { kind: 'string', default: '', description: 'Report JSON of this pull request\'s previous run, whose size trend is carried forward (the sticky comment carries it otherwise).' },
  'verify-suggestion': { kind: 'enum', values: ['auto', 'true', 'false'], default: 'auto', description: 'Build the suggested Dockerfile to prove its size and that it starts (offline): `auto` (when the budget is exceeded or warns, or no budget is set and findings claim savings), `true` or `false`. A proof from an earlier push is carried while nothing it depends on changed.' },
  'verify-command': { kind: 'string', default: '', description: 'Command run in the suggested image to prove it works beyond starting, as its entrypoint without a shell (e.g. `/app/main --version`); must exit 0.' },
  'dockerfile-only': { kind: 'boolean', default: 'false', description: 'Only check the Dockerfile (and .dockerignore, go.mod, the Go sources and vendor/) with the rules that need no build; no Docker needed, findings carry no savings.' },
  comment: { kind: 'enum', values: COMMENT_MODES, default: 'always', description: 'Sticky pull-request comment: `always`, `on-change` (only when the size moved beyond `min-delta` or the verdict changed), `on-exceed` (only over budget or warned; an existing comment is kept current) or `never`. `true`/`false` mean `always`/`never`.' },
  'comment-key': { kind: 'string', default: '', description: 'Distinguishes comments of several images in one pull request (e.g. a matrix).' },
  report: { kind: 'string', default: '', description: 'Publish this stored report JSON instead of building (for a fork-safe `workflow_run` job).' },
  'history-length': { kind: 'string', default: '20', description: 'How many pushes the size trend keeps.' },
  'allow-untrusted-build': { kind: 'boolean', default: 'false', description: 'Build pull-request code on `pull_request_target`/`workflow_run` (unsafe with a write token).' },
  cleanup: { kind: 'boolean', default: 'false', description: 'Remove the images this run built when it ends.' },
  'github-token': { kind: 'string', default: '${{ github.token }}', description: 'Token used to post the comment.' },
  json: { kind: 'string', default: '', description: 'Also write the report JSON to this path.' },
  markdown: { kind: 'string', default: '', description: 'Also write the comment markdown to this path.' }
} as const satisfies Record<string, InputSpec>

export type InputName = keyof typeof INPUT_SPECS

export interface Inputs {
  context: string
  file: string | null
  target: string | null
  image: string | null
  buildArgs: string[]
  buildContexts: string[]
  platforms: string[]
  builder: string | null
  cacheFrom: string[]
  cacheTo: string[]
  secrets: string[]
  labels: string[]
  budget: number | null
  budgetMetric: Metric
  warnAt: SizeOrPercent | null
  maxIncrease: SizeOrPercent | null
  minDelta: SizeOrPercent | null
  failOn: (typeof FAIL_ON)[number]
  baseline: (typeof BASELINES)[number]
  baseRef: string | null
  baselineImage: string | null
  baselineReport: string | null
  previousReport: string | null
  verifySuggestion: 'auto' | 'true' | 'false'
  verifyCommand: string | null
  dockerfileOnly: boolean
  comment: (typeof COMMENT_MODES)[number]
  commentKey: string
  report: string | null
  historyLength: number
  allowUntrustedBuild: boolean
  cleanup: boolean
  githubToken: string | null
  json: string | null
  markdown: string | null
}

export type RawInputs = (name: InputName) => string

/** `NAME=value` build args as a map, for resolving `FROM ${NAME}` in the Dockerfile. */
export function buildArgMap(buildArgs: string[]): Record<string, string> {
  const map: Record<string, string> = {}
  for (const arg of buildArgs) {
    const eq = arg.indexOf('=')
    if (eq > 0) map[arg.slice(0, eq)] = arg.slice(eq + 1)
  }
  return map
}

/** Lists accept newlines or commas (like build-push-action), skip blanks and `#` comments. */
export function parseList(text: string, { commas = true } = {}): string[] {
  return text
    .split(commas ? /[\n,]/ : /\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'))
}

export function parseBoolean(text: string, name: string): boolean {
  const value = text.trim().toLowerCase()
  if (['true', 'yes', '1', 'on'].includes(value)) return true
  if (['false', 'no', '0', 'off', ''].includes(value)) return false
  throw new UsageError(`${name}: expected true or false, got '${text}'`)
}

export function parseEnum<T extends string>(text: string, name: string, values: readonly T[]): T {
  const value = text.trim().toLowerCase()
  if ((values as readonly string[]).includes(value)) return value as T
  throw new UsageError(`${name}: '${text}' is not one of ${values.join(', ')}`)
}

function parseCount(text: string, name: string): number {
  const value = Number(text.trim())
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${name}: expected a whole number of at least 1, got '${text}'`)
  return value
}

/** `comment` was a boolean once; `true`/`false` still mean `always`/`never`. */
function parseCommentMode(text: string): (typeof COMMENT_MODES)[number] {
  const value = text.trim().toLowerCase()
  if (['true', 'yes', 'on'].includes(value)) return 'always'
  if (['false', 'no', 'off'].includes(value)) return 'never'
  return parseEnum(text, 'comment', COMMENT_MODES)
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim())

/** Reads every input through `raw` (which returns '' for unset) and validates it. */
export function parseInputs(raw: RawInputs): Inputs {
  const get = (name: InputName): string => {
    const value = raw(name)
    return value === '' ? ((INPUT_SPECS[name] as InputSpec).default ?? '') : value
  }
  const sizeOrPercent = (name: InputName) => (get(name).trim() === '' ? null : parseSizeOrPercent(get(name), name))
  const token = get('github-token')
  return {
    context: get('context').trim() || '.',
    file: orNull(get('file')),
    target: orNull(get('target')),
    image: orNull(get('image')),
    buildArgs: parseList(get('build-args'), { commas: false }),
    buildContexts: parseList(get('build-contexts'), { commas: false }),
    platforms: parseList(get('platforms')),
    builder: orNull(get('builder')),
    cacheFrom: parseList(get('cache-from'), { commas: false }),
    cacheTo: parseList(get('cache-to'), { commas: false }),
    secrets: parseList(get('secrets'), { commas: false }),
    labels: parseList(get('labels'), { commas: false }),
    budget: get('budget').trim() === '' ? null : parseSize(get('budget'), 'budget'),
    budgetMetric: parseEnum(get('budget-metric'), 'budget-metric', METRICS),
    warnAt: sizeOrPercent('warn-at'),
    maxIncrease: sizeOrPercent('max-increase'),
    minDelta: sizeOrPercent('min-delta'),
    failOn: parseEnum(get('fail-on'), 'fail-on', FAIL_ON),
    baseline: parseEnum(get('baseline'), 'baseline', BASELINES),
    baseRef: orNull(get('base-ref')),
    baselineImage: orNull(get('baseline-image')),
    baselineReport: orNull(get('baseline-report')),
    previousReport: orNull(get('previous-report')),
    verifySuggestion: parseEnum(get('verify-suggestion'), 'verify-suggestion', ['auto', 'true', 'false'] as const),
    verifyCommand: orNull(get('verify-command')),
    dockerfileOnly: parseBoolean(get('dockerfile-only'), 'dockerfile-only'),
    comment: parseCommentMode(get('comment')),
    commentKey: get('comment-key').trim(),
    report: orNull(get('report')),
    historyLength: parseCount(get('history-length'), 'history-length'),
    allowUntrustedBuild: parseBoolean(get('allow-untrusted-build'), 'allow-untrusted-build'),
    cleanup: parseBoolean(get('cleanup'), 'cleanup'),
    githubToken: token.startsWith('${{') ? null : orNull(token),
    json: orNull(get('json')),
    markdown: orNull(get('markdown'))
  }
}
