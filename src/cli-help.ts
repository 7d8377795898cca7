// `--help`: the flags in groups, examples first, plain text (the input table's
// descriptions are markdown for the README; backticks are dropped here). The
// inputs that only mean something on GitHub are named once at the end.
import { INPUT_SPECS, type InputName, type InputSpec } from './inputs.js'
import { TOOL } from './version.js'

/** The groups of `--help`, in order. An input missing from every group is listed under "Other". */
export const HELP_GROUPS: { title: string; note?: string; inputs: InputName[] }[] = [
  {
    title: 'What to build',
    note: 'By default: ./Dockerfile with the current directory as the build context.',
    inputs: ['context', 'file', 'target', 'image', 'build-args', 'build-contexts', 'platforms', 'builder', 'cache-from', 'cache-to', 'secrets', 'secret-files', 'secret-envs', 'labels', 'cleanup']
  },
  { title: 'Budget and verdict', inputs: ['budget', 'budget-metric', 'warn-at', 'max-increase', 'max-module-increase', 'min-delta', 'fail-on'] },
  {
    title: 'Compare with the base branch',
    note: 'There is no pull request in a terminal: name the base with --base-ref (e.g. --base-ref main), or nothing is compared.',
    inputs: ['base-ref', 'baseline', 'baseline-image', 'baseline-report', 'previous-report', 'history-length']
  },
  { title: 'Advice and its proof', inputs: ['dockerfile-only', 'verify-suggestion', 'verify-command'] },
  { title: 'Several images', inputs: ['bake', 'bake-targets', 'report'] },
  { title: 'Output', note: 'The summary goes to stdout, progress and warnings to stderr.', inputs: ['json', 'markdown', 'comment-key'] }
]

/** Inputs that only the GitHub Action uses: accepted as flags, no effect in a terminal. */
export const ACTION_ONLY: InputName[] = ['comment', 'github-token', 'allow-untrusted-build']

const EXAMPLES: [string, string][] = [
  ['go-image-budget --dockerfile-only', 'Check ./Dockerfile, .dockerignore and the Go sources: no Docker, under a second.'],
  ['go-image-budget --budget 20MB', 'Build ./Dockerfile, measure it, judge it against a 20 MB budget, advise.'],
  ['go-image-budget --base-ref main --max-increase 10%', 'Also build main (a checkout of it) and compare: what a pull request gets.'],
  ['go-image-budget --context services/api --markdown comment.md', 'Another directory; write the pull-request comment as it would be posted.'],
  ["go-image-budget --report 'image-size/*.json' --markdown comment.md", 'Render reports written by other runs as one comment.']
]

const WIDTH = 100
const FLAG_COLUMN = 32

/** Markdown code spans as plain text. */
export const plain = (text: string): string => text.replace(/`([^`]*)`/g, '$1')

function wrap(text: string, indent: number, width = WIDTH): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.join(`\n${' '.repeat(indent)}`)
}

/** What a flag's value is, where VALUE would say too little. */
const ARGS: Partial<Record<InputName, string>> = {
  context: 'DIR',
  file: 'PATH',
  target: 'STAGE',
  image: 'REF',
  builder: 'NAME',
  platforms: 'PLATFORM...',
  'base-ref': 'REF',
  'baseline-image': 'REF',
  'baseline-report': 'PATH',
  'previous-report': 'PATH',
  'history-length': 'N',
  'verify-command': 'COMMAND',
  bake: 'PATH',
  'bake-targets': 'TARGET...',
  report: 'PATH...',
  json: 'PATH',
  markdown: 'PATH',
  'comment-key': 'KEY'
}

function flagUsage(name: InputName, spec: InputSpec): string {
  if (spec.kind === 'boolean') return `--${name} [true|false]`
  if (spec.kind === 'enum' && spec.values) return `--${name} ${spec.values.join('|')}`
  return `--${name} ${ARGS[name] ?? (spec.kind === 'size' ? 'SIZE' : spec.kind === 'list' ? 'VALUE...' : 'VALUE')}`
}

function row(left: string, right: string): string {
  const pad = left.length < FLAG_COLUMN ? left.padEnd(FLAG_COLUMN) : `${left}\n${' '.repeat(FLAG_COLUMN + 2)}`
  return `  ${pad}${wrap(right, FLAG_COLUMN + 2)}`
}

export function helpText(): string {
  const specs = INPUT_SPECS as Record<InputName, InputSpec>
  const grouped = new Set<InputName>([...HELP_GROUPS.flatMap((g) => g.inputs), ...ACTION_ONLY])
  const other = (Object.keys(specs) as InputName[]).filter((name) => !grouped.has(name))
  const groups = [...HELP_GROUPS, ...(other.length > 0 ? [{ title: 'Other', inputs: other }] : [])]
  const describe = (name: InputName): string => {
    const spec = specs[name]
    const def = spec.default && !spec.default.startsWith('${{') && spec.kind !== 'boolean' ? ` (default: ${spec.default})` : ''
    return row(flagUsage(name, spec), `${plain(spec.description)}${def}`)
  }
  const sections = groups.map((g) => [`${g.title}:`, ...(g.note ? [`  ${wrap(g.note, 2)}`] : []), ...g.inputs.filter((n) => n in specs).map(describe)].join('\n'))
  return [
    wrap(`${TOOL.name} ${TOOL.version}: build a Go container image, measure it, judge it against a budget and the base branch, and say how to make it smaller.`, 0),
    `Usage: ${TOOL.name} [flags]\n  Run it in your repository. Every input of the GitHub Action is a flag of the same name.`,
    ['Examples:', ...EXAMPLES.map(([command, what]) => `  ${command}\n      ${wrap(what, 6)}`)].join('\n'),
    ...sections,
    ['General:', row('--help, -h', 'Print this help.'), row('--version', 'Print the version.')].join('\n'),
    wrap(`GitHub Action only (accepted here, no effect in a terminal): ${ACTION_ONLY.map((n) => `--${n}`).join(', ')}.`, 0),
    wrap('A list flag (VALUE...) may be repeated; each value is read as the action reads the input: CSV lines, so quote a value that holds a newline or a comma.', 0),
    'Exit codes: 0 pass or warn, 1 fail (as --fail-on says), 2 usage or environment error.'
  ].join('\n\n')
}
