// One table of inputs: action.yml declares exactly these (a unit test checks
// it), the CLI accepts each as `--name value`, and `parseInputs` turns their
// raw strings into one typed `Inputs`, with errors that name the input.
import { parse as parseCsv } from 'csv-parse/sync'
import { UsageError } from './errors.js'
import { parseSize, parseSizeOrPercent, type SizeOrPercent } from './units.js'
import type { Metric } from './report/types.js'

export interface InputSpec {
  description: string
  default?: string
  /** Shown in the README and `--help`; booleans accept `--flag` alone on the CLI. */
  kind: 'string' | 'boolean' | 'list' | 'size' | 'enum'
  values?: readonly string[]
  /** Read exactly as given (the runner trims inputs otherwise): secret values keep every character. */
  untrimmed?: boolean
}

export const FAIL_ON = ['any', 'budget', 'increase', 'never'] as const
export const BASELINES = ['auto', 'build', 'image', 'report', 'none'] as const
export const METRICS = ['uncompressed', 'compressed'] as const
/** The `comment` input's values: the one list (inputs, publishing and action.yml read it). */
export const COMMENT_MODES = ['always', 'on-change', 'on-exceed', 'never'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]

export const INPUT_SPECS = {
  context: { kind: 'string', default: '.', description: 'Build context directory.' },
  file: { kind: 'string', default: '', description: 'Path to the Dockerfile (default: `Dockerfile` in the context).' },
  target: { kind: 'string', default: '', description: 'Build stage to measure (default: the last stage).' },
  image: { kind: 'string', default: '', description: 'Measure this already-built local or registry image instead of building.' },
  'build-args': {
    kind: 'list',
    default: '',
    description:
      'Build arguments, one `NAME=value` per line. A name that looks like a credential (`*_TOKEN`, `*_PASSWORD`, `*_KEY`…) is warned about and its value masked; pass credentials with `secrets`.'
  },
  'build-contexts': { kind: 'list', default: '', description: 'Additional build contexts, one `name=path` per line.' },
  platforms: { kind: 'list', default: '', description: "Platforms to build and measure one by one, e.g. `linux/amd64,linux/arm64` (default: the builder's)." },
  builder: { kind: 'string', default: '', description: 'buildx builder instance to use.' },
  'cache-from': { kind: 'list', default: '', description: 'External cache sources (`--cache-from`), one per line.' },
  'cache-to': { kind: 'list', default: '', description: 'Cache export destinations (`--cache-to`), one per line.' },
  secrets: {
    kind: 'list',
    untrimmed: true,
    default: '',
    description: 'Build secrets, one `id=value` per line; quote a value that holds newlines or commas (`"key=-----BEGIN…"`, a quote inside as `""`). Never trimmed, masked, never printed.'
  },
  'secret-files': { kind: 'list', default: '', description: 'Build secrets read from files, one `id=path` per line (`--secret id=…,src=…`); the contents are masked.' },
  'secret-envs': { kind: 'list', default: '', description: 'Build secrets taken from environment variables, one `id=VARIABLE` per line (`--secret id=…,env=…`); the values are masked.' },
  labels: { kind: 'list', default: '', description: 'Image labels, one `key=value` per line.' },
  budget: { kind: 'size', default: '', description: 'Size budget, e.g. `25MB`, `25 MiB`, `1.5GB` or plain bytes (MB as `docker images`: 1,000,000 bytes).' },
  'budget-metric': {
    kind: 'enum',
    values: METRICS,
    default: 'uncompressed',
    description: 'Which size the budget and limits apply to: `uncompressed` (as `docker images`) or `compressed` (as a registry stores it).'
  },
  'warn-at': { kind: 'size', default: '', description: 'Warn from this size on, as a size or a percentage of the budget (e.g. `90%`).' },
  'max-increase': { kind: 'size', default: '', description: 'Largest allowed growth against the baseline, as a size (`2MB`) or a percentage (`10%`).' },
  'max-module-increase': {
    kind: 'size',
    default: '',
    description:
      "Largest allowed growth of one Go module in a binary of the image against the baseline's (a new module counts whole), as a size (`500kB`) or a percentage of the module's base size (`20%`; of the binary's for a new module). Under `fail-on` as `max-increase`."
  },
  'min-delta': { kind: 'size', default: '', description: 'Noise floor: a change smaller than this (size or percentage) is reported as unchanged.' },
  'fail-on': {
    kind: 'enum',
    values: FAIL_ON,
    default: 'any',
    description: 'What fails the job: `any` (budget, max-increase or max-module-increase), `budget`, `increase` (max-increase, max-module-increase) or `never`.'
  },
  baseline: { kind: 'enum', values: BASELINES, default: 'auto', description: 'Where the comparison size comes from: `auto`, `build` (build the base ref), `image`, `report` or `none`.' },
  'base-ref': { kind: 'string', default: '', description: "Git ref to compare with (default: the pull request's base, or the push's previous commit)." },
  'baseline-image': { kind: 'string', default: '', description: 'Registry image to compare with, measured from its manifest without pulling layers.' },
  'baseline-report': { kind: 'string', default: '', description: 'Report JSON written by an earlier run to compare with.' },
  'previous-report': { kind: 'string', default: '', description: "Report JSON of this pull request's previous run, whose size trend is carried forward (the sticky comment carries it otherwise)." },
  'verify-suggestion': {
    kind: 'enum',
    values: ['auto', 'true', 'false'],
    default: 'auto',
    description:
      'Build the suggested Dockerfile to prove its size and that it starts (offline): `auto` (when the budget is exceeded or warns, or no budget is set and findings claim savings), `true` or `false`. A proof from an earlier push is carried while nothing it depends on changed.'
  },
  'verify-command': {
    kind: 'string',
    default: '',
    description: 'Command run in the suggested image to prove it works beyond starting, as its entrypoint without a shell (e.g. `/app/main --version`); must exit 0.'
  },
  'dockerfile-only': {
    kind: 'boolean',
    default: 'false',
    description: 'Only check the Dockerfile (and .dockerignore, go.mod, the Go sources and vendor/) with the rules that need no build; no Docker needed, findings carry no savings.'
  },
  comment: {
    kind: 'enum',
    values: COMMENT_MODES,
    default: 'always',
    description:
      'Sticky pull-request comment: `always`, `on-change` (only when the size moved beyond `min-delta` or the verdict changed), `on-exceed` (only over budget or warned; an existing comment is kept current) or `never`. `true`/`false` mean `always`/`never`.'
  },
  'comment-key': {
    kind: 'string',
    default: '',
    description: 'Distinguishes comments of several images in one pull request (e.g. a matrix). The report records it: it names the image in a comment that shows several.'
  },
  report: {
    kind: 'list',
    default: '',
    description:
      'Publish stored report JSON instead of building (the job after a matrix, or a fork-safe `workflow_run` job): one path or glob per line, e.g. `image-size/*.json`. Several reports make one comment with a row per image.'
  },
  bake: {
    kind: 'string',
    default: '',
    description:
      'Build the targets of this bake file (`docker-bake.hcl`, `compose.yaml`) in one `docker buildx bake` run, measure each, and comment once with a row per image. Paths in it are relative to the workspace.'
  },
  'bake-targets': { kind: 'list', default: '', description: "Bake targets (or groups) to build, one per line or comma-separated (default: the bake file's `default` group)." },
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
  /** `id=value` entries, each value exactly as given. */
  secrets: string[]
  /** `secret-files`: the path as given (resolved against the workspace by the pipeline). */
  secretFiles: { id: string; path: string }[]
  /** `secret-envs`: the environment variable buildx reads the value from. */
  secretEnvs: { id: string; env: string }[]
  labels: string[]
  budget: number | null
  budgetMetric: Metric
  warnAt: SizeOrPercent | null
  maxIncrease: SizeOrPercent | null
  /** max-module-increase: the largest growth of one Go module against the baseline's binary. */
  maxModuleIncrease: SizeOrPercent | null
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
  comment: CommentMode
  commentKey: string
  /** Stored report files or globs to publish (`report`), as given. */
  report: string[]
  /** `bake`: the bake file, as given. */
  bake: string | null
  bakeTargets: string[]
  historyLength: number
  allowUntrustedBuild: boolean
  cleanup: boolean
  githubToken: string | null
  json: string | null
  markdown: string | null
}

/** An input's raw text ('' when unset); the CLI gives a repeated list flag as one string per occurrence. */
export type RawInputs = (name: InputName) => string | string[]

/** `NAME=value` build args as a map, for resolving `FROM ${NAME}` in the Dockerfile. */
export function buildArgMap(buildArgs: string[]): Record<string, string> {
  const map: Record<string, string> = {}
  for (const arg of buildArgs) {
    const eq = arg.indexOf('=')
    if (eq > 0) map[arg.slice(0, eq)] = arg.slice(eq + 1)
  }
  return map
}

export interface ListOptions {
  /** `platforms`: a comma separates entries too. Elsewhere a comma is part of the entry (build-push-action's `ignoreComma`). */
  commaSeparates?: boolean
  /** `secrets`: no entry is trimmed, so a value keeps its spaces and a final newline. */
  trim?: boolean
}

/**
 * A list input read as docker/build-push-action reads it (actions-toolkit's
 * Util.getInputList): each line is a CSV record, so a value quoted with `"`
 * may hold commas and newlines, and `""` is a quote inside it; an unquoted
 * quote is kept as it is. Blank lines are skipped, and so is a line that
 * starts with `#` outside quotes (a `#` inside a value is kept). Errors name
 * the input and the entry, never the text, which may be a secret.
 */
export function parseList(text: string | string[], name = 'list', { commaSeparates = false, trim = true }: ListOptions = {}): string[] {
  // Repeated CLI flags: each occurrence is read on its own, so a quote cannot run into the next one.
  if (Array.isArray(text)) return text.flatMap((part) => parseList(part, name, { commaSeparates, trim }))
  if (text === '') return []
  let records: string[][]
  try {
    records = parseCsv(text, { columns: false, relaxQuotes: true, relaxColumnCount: true, skipEmptyLines: true, comment: '#', comment_no_infix: true })
  } catch (error) {
    const { code, records: before } = error as { code?: string; records?: number }
    const entry = typeof before === 'number' ? ` entry ${before + 1}` : ''
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new UsageError(`${name}:${entry} opens a quote that is never closed; end the quoted value with ", and write a quote inside it as ""`)
    }
    throw new UsageError(`${name}:${entry} cannot be read as a CSV line (${code ?? 'unreadable'}); quote a value that holds commas, quotes or newlines`)
  }
  const entries = records.flatMap((fields) => (commaSeparates ? fields.flatMap((f) => f.split(',')) : [fields.join(',')]))
  return entries.map((e) => (trim ? e.trim() : e)).filter((e) => e.trim() !== '')
}

/** Splits `id=value` entries, naming the input and the entry (never the value) when one is not of that form. */
export function parsePairs(entries: string[], name: string, form: string): { id: string; value: string }[] {
  return entries.map((entry, i) => {
    const eq = entry.indexOf('=')
    const id = eq > 0 ? entry.slice(0, eq).trim() : ''
    const value = eq > 0 ? entry.slice(eq + 1) : ''
    if (id === '' || value.trim() === '') {
      const hint = name === 'secrets' ? ' (quote a value that spans lines: "id=…")' : ''
      throw new UsageError(`${name}: entry ${i + 1} is not '${form}'${hint}`)
    }
    return { id, value }
  })
}

// Name segments that mark a credential (NPM_TOKEN, dbPassword, AWS_SECRET_ACCESS_KEY), and last
// segments that name something about one rather than the credential itself (TOKEN_FILE, KEY_ID,
// SECRET_NAME). Whole segments only: KEYBOARD, MONKEY, TOKENIZER are not credentials.
const CREDENTIAL_WORDS = new Set([
  'TOKEN',
  'TOKENS',
  'PASSWORD',
  'PASSWORDS',
  'PASSWD',
  'PASS',
  'PASSPHRASE',
  'SECRET',
  'SECRETS',
  'KEY',
  'KEYS',
  'APIKEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
  'PAT'
])
const DESCRIPTOR_WORDS = new Set(['FILE', 'PATH', 'DIR', 'URL', 'URI', 'ENDPOINT', 'HOST', 'NAME', 'ID', 'TYPE', 'LENGTH', 'LEN', 'SIZE', 'VAR', 'ENV', 'MODE'])

/** Whether a build-arg name looks like it carries a credential (a build argument stays in the image's history). */
export function looksLikeCredential(name: string): boolean {
  const segments = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
  // A public key is no secret.
  const credential = segments.some((s, i) => CREDENTIAL_WORDS.has(s) && !(s.startsWith('KEY') && segments[i - 1] === 'PUBLIC'))
  return credential && !DESCRIPTOR_WORDS.has(segments[segments.length - 1])
}

export const credentialWarning = (name: string): string => `build-args: ${name} looks like a credential; pass it with 'secrets' (a build argument is kept in the image's history). Its value is masked.`

/** The build-arg names that look like credentials, in input order. */
export function credentialBuildArgs(buildArgs: string[]): string[] {
  return buildArgs.map((arg) => arg.split('=')[0].trim()).filter(looksLikeCredential)
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
function parseCommentMode(text: string): CommentMode {
  const value = text.trim().toLowerCase()
  if (['true', 'yes', 'on'].includes(value)) return 'always'
  if (['false', 'no', 'off'].includes(value)) return 'never'
  return parseEnum(text, 'comment', COMMENT_MODES)
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim())

/** Reads every input through `raw` (which returns '' for unset) and validates it. */
export function parseInputs(raw: RawInputs): Inputs {
  const text = (name: InputName): string | string[] => {
    const value = raw(name)
    const unset = Array.isArray(value) ? value.length === 0 : value === ''
    return unset ? ((INPUT_SPECS[name] as InputSpec).default ?? '') : value
  }
  // A scalar input given several times (a repeated CLI flag): the last one counts.
  const get = (name: InputName): string => {
    const value = text(name)
    return Array.isArray(value) ? (value[value.length - 1] ?? '') : value
  }
  const list = (name: InputName, options: ListOptions = {}) => parseList(text(name), name, options)
  const sizeOrPercent = (name: InputName) => (get(name).trim() === '' ? null : parseSizeOrPercent(get(name), name))
  const token = get('github-token')
  const secrets = list('secrets', { trim: false })
  parsePairs(secrets, 'secrets', 'id=value')
  return {
    context: get('context').trim() || '.',
    file: orNull(get('file')),
    target: orNull(get('target')),
    image: orNull(get('image')),
    buildArgs: list('build-args'),
    buildContexts: list('build-contexts'),
    platforms: list('platforms', { commaSeparates: true }),
    builder: orNull(get('builder')),
    cacheFrom: list('cache-from'),
    cacheTo: list('cache-to'),
    secrets,
    secretFiles: parsePairs(list('secret-files'), 'secret-files', 'id=path').map(({ id, value }) => ({ id, path: value.trim() })),
    // Like build-push-action, a comma separates secret-envs entries (a variable name holds none).
    secretEnvs: parsePairs(list('secret-envs', { commaSeparates: true }), 'secret-envs', 'id=VARIABLE').map(({ id, value }) => ({ id, env: value.trim() })),
    labels: list('labels'),
    budget: get('budget').trim() === '' ? null : parseSize(get('budget'), 'budget'),
    budgetMetric: parseEnum(get('budget-metric'), 'budget-metric', METRICS),
    warnAt: sizeOrPercent('warn-at'),
    maxIncrease: sizeOrPercent('max-increase'),
    maxModuleIncrease: sizeOrPercent('max-module-increase'),
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
    report: list('report'),
    bake: orNull(get('bake')),
    bakeTargets: list('bake-targets', { commaSeparates: true }),
    historyLength: parseCount(get('history-length'), 'history-length'),
    allowUntrustedBuild: parseBoolean(get('allow-untrusted-build'), 'allow-untrusted-build'),
    cleanup: parseBoolean(get('cleanup'), 'cleanup'),
    githubToken: token.startsWith('${{') ? null : orNull(token),
    json: orNull(get('json')),
    markdown: orNull(get('markdown'))
  }
}
