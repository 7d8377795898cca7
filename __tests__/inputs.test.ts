import { readFileSync } from 'node:fs'
import { parseArgs } from '../src/cli.js'
import { INPUT_SPECS, parseInputs, parseList, type InputName } from '../src/inputs.js'
import { actionYml, readmeWithTables } from '../scripts/action-yml.js'
import { TOOL } from '../src/version.js'

const from = (values: Partial<Record<InputName, string>>) => parseInputs((name) => values[name] ?? '')

describe('parseInputs', () => {
  test('defaults', () => {
    const inputs = from({})
    expect(inputs).toMatchObject({
      context: '.', file: null, budget: null, budgetMetric: 'uncompressed', failOn: 'any', baseline: 'auto',
      comment: 'always', dockerfileOnly: false, historyLength: 20, githubToken: null, platforms: []
    })
  })

  test('sizes, percentages and lists', () => {
    const inputs = from({
      budget: '20MB', 'warn-at': '90%', 'max-increase': '2 MiB', 'min-delta': '1kB',
      platforms: 'linux/amd64, linux/arm64', 'build-args': 'A=1\nB=x,y\n# comment\n'
    })
    expect(inputs.budget).toBe(20_000_000)
    expect(inputs.warnAt).toEqual({ percent: 90 })
    expect(inputs.maxIncrease).toEqual({ bytes: 2 * 1024 * 1024 })
    expect(inputs.minDelta).toEqual({ bytes: 1000 })
    expect(inputs.platforms).toEqual(['linux/amd64', 'linux/arm64'])
    // build args keep commas: a value may contain them
    expect(inputs.buildArgs).toEqual(['A=1', 'B=x,y'])
  })

  test.each([
    [{ budget: 'twenty' }, /^budget: cannot read 'twenty' as a size/],
    [{ 'budget-metric': 'gzip' }, /^budget-metric: 'gzip' is not one of uncompressed, compressed/],
    [{ 'fail-on': 'sometimes' }, /^fail-on: 'sometimes' is not one of any, budget, increase, never/],
    [{ baseline: 'main' }, /^baseline: 'main' is not one of/],
    [{ comment: 'maybe' }, /^comment: 'maybe' is not one of always, on-change, on-exceed, never/],
    [{ 'history-length': '0' }, /^history-length: expected a whole number/],
    [{ 'warn-at': '90 percent' }, /^warn-at: cannot read '90 percent' as a size or a percentage/]
  ] as [Partial<Record<InputName, string>>, RegExp][])('%j is refused, naming the input', (values, message) => {
    expect(() => from(values)).toThrow(message)
  })

  test('the github.token expression default is not a token', () => {
    expect(from({ 'github-token': '${{ github.token }}' }).githubToken).toBeNull()
    expect(from({ 'github-token': 'ghs_abc' }).githubToken).toBe('ghs_abc')
  })

  test('parseList skips blanks and comments', () => {
    expect(parseList(' a ,\n\n#x\n b ')).toEqual(['a', 'b'])
  })
})

describe('CLI flags mirror the action inputs', () => {
  test('values, booleans and repeated list flags', () => {
    const { values } = parseArgs(['--context', 'x', '--budget=20MB', '--dockerfile-only', '--comment', 'false', '--build-args', 'A=1', '--build-args', 'B=2'])
    expect(values.get('context')).toBe('x')
    expect(values.get('budget')).toBe('20MB')
    expect(values.get('dockerfile-only')).toBe('true')
    expect(values.get('comment')).toBe('false')
    expect(values.get('build-args')).toBe('A=1\nB=2')
  })

  test.each([
    [['--nope'], /unknown flag --nope/],
    [['--budget'], /--budget needs a value/],
    [['stray'], /unexpected argument 'stray'/]
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message)
  })
})

describe('action.yml', () => {
  test('is generated from the input and output tables (run: npx tsx scripts/action-yml.ts)', () => {
    expect(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')).toBe(actionYml())
  })

  test('runs on node24 from the bundle', () => {
    expect(actionYml()).toMatch(/runs:\n {2}using: node24\n {2}main: dist\/index\.js/)
  })

  test('the README documents every input and output, as generated', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    expect(readme).toBe(readmeWithTables(readme))
    for (const name of Object.keys(INPUT_SPECS)) expect(readme).toContain(`| \`${name}\` |`)
  })

  test('tool version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(TOOL.version).toBe(pkg.version)
  })
})
