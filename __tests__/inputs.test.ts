import { readFileSync } from 'node:fs'
import { parseArgs } from '../src/cli.js'
import { INPUT_SPECS, credentialBuildArgs, looksLikeCredential, parseInputs, parseList, type InputName, type ListOptions } from '../src/inputs.js'
import { inputSecretValues, redactionFor } from '../src/redact.js'
import { actionYml, readmeWithTables } from '../scripts/action-yml.js'
import { TOOL } from '../src/version.js'

const from = (values: Partial<Record<InputName, string | string[]>>) => parseInputs((name) => values[name] ?? '')

describe('parseInputs', () => {
  test('defaults', () => {
    const inputs = from({})
    expect(inputs).toMatchObject({
      context: '.',
      file: null,
      budget: null,
      budgetMetric: 'uncompressed',
      failOn: 'any',
      baseline: 'auto',
      comment: 'always',
      dockerfileOnly: false,
      historyLength: 20,
      githubToken: null,
      platforms: []
    })
  })

  test('sizes, percentages and lists', () => {
    const inputs = from({
      budget: '20MB',
      'warn-at': '90%',
      'max-increase': '2 MiB',
      'min-delta': '1kB',
      platforms: 'linux/amd64, linux/arm64',
      'build-args': 'A=1\nB=x,y\n# comment\n'
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

  test('secrets, secret-files and secret-envs', () => {
    const inputs = from({
      secrets: 'npm=abc\n"key=-----BEGIN KEY-----\nAAAA\n-----END KEY-----\n"\n',
      'secret-files': 'cert=certs/ca.pem\n',
      'secret-envs': 'token=NPM_TOKEN,gh=GH_TOKEN'
    })
    expect(inputs.secrets).toEqual(['npm=abc', 'key=-----BEGIN KEY-----\nAAAA\n-----END KEY-----\n'])
    expect(inputs.secretFiles).toEqual([{ id: 'cert', path: 'certs/ca.pem' }])
    expect(inputs.secretEnvs).toEqual([
      { id: 'token', env: 'NPM_TOKEN' },
      { id: 'gh', env: 'GH_TOKEN' }
    ])
  })

  test.each([
    ['secrets', 'a=1\nline two of an unquoted key', 'secrets: entry 2 is not \'id=value\' (quote a value that spans lines: "id=…")'],
    ['secrets', 'a=1\n=hunter2', 'secrets: entry 2 is not \'id=value\' (quote a value that spans lines: "id=…")'],
    ['secrets', 'a=1\nb=2\n"c=hunter2\nstill hunter2', 'secrets: entry 3 opens a quote that is never closed; end the quoted value with ", and write a quote inside it as ""'],
    ['secret-files', 'cert', "secret-files: entry 1 is not 'id=path'"],
    ['secret-envs', 'a=A,b', "secret-envs: entry 2 is not 'id=VARIABLE'"],
    ['build-args', 'A=1\n"B=hunter2', 'build-args: entry 2 opens a quote that is never closed; end the quoted value with ", and write a quote inside it as ""']
  ] as [InputName, string, string][])('%s %j: the error names the entry, never the value', (name, text, message) => {
    const error = (() => {
      try {
        from({ [name]: text })
        return null
      } catch (e) {
        return e as Error
      }
    })()
    expect(error?.message).toBe(message)
    expect(error?.message).not.toContain('hunter2')
  })
})

// docker/build-push-action's list inputs (actions-toolkit Util.getInputList): CSV lines.
describe('parseList', () => {
  test.each([
    ['a comma is part of the entry', 'A=1\nB=x,y', {}, ['A=1', 'B=x,y']],
    ['platforms: a comma separates', ' linux/amd64 , linux/arm64\nlinux/arm/v7', { commaSeparates: true }, ['linux/amd64', 'linux/arm64', 'linux/arm/v7']],
    ['a quoted value spans lines', '"key=-----BEGIN-----\nAAAA\nBBBB\n-----END-----"\nB=2', {}, ['key=-----BEGIN-----\nAAAA\nBBBB\n-----END-----', 'B=2']],
    ['a doubled quote inside a quoted value is one quote', '"MSG=a,b ""quoted"" c"', {}, ['MSG=a,b "quoted" c']],
    ['a quote in an unquoted value is kept', 'MSG=say "hi"', {}, ['MSG=say "hi"']],
    ['a # line is a comment; a # inside a value is not', '# build args\nA=1\nB=q#x', {}, ['A=1', 'B=q#x']],
    ['a # line inside a quoted value is part of it', '"key=one\n# two\nthree"', {}, ['key=one\n# two\nthree']],
    ['CRLF lines', 'A=1\r\nB=2\r\n', {}, ['A=1', 'B=2']],
    ['blank and whitespace-only lines are skipped', '\nA=1\n   \n\nB=2\n', {}, ['A=1', 'B=2']],
    ['trimmed by default', '  A=1  ', {}, ['A=1']],
    ['secrets: never trimmed, a final newline kept', ' k=v \n"pem=AAAA\nBBBB\n"', { trim: false }, [' k=v ', 'pem=AAAA\nBBBB\n']],
    ['repeated CLI flags: each occurrence on its own', ['A=1', '"B=x\ny"', 'C=3,4'], {}, ['A=1', 'B=x\ny', 'C=3,4']]
  ] as [string, string | string[], ListOptions, string[]][])('%s', (_name, text, options, expected) => {
    expect(parseList(text, 'build-args', options)).toEqual(expected)
  })

  test('a quote left open in one CLI occurrence does not swallow the next', () => {
    expect(() => parseList(['"A=1', 'B=2"'], 'build-args')).toThrow('build-args: entry 1 opens a quote that is never closed')
  })
})

describe('build-args that look like credentials', () => {
  test.each([
    'NPM_TOKEN',
    'GITHUB_TOKEN',
    'DB_PASSWORD',
    'dbPassword',
    'AWS_SECRET_ACCESS_KEY',
    'API_KEY',
    'apiKey',
    'SSH_PRIVATE_KEY',
    'REGISTRY_PASS',
    'GH_PAT',
    'SECRET',
    'signing-key',
    'NUGET_APIKEY',
    'GIT_CREDENTIALS',
    'TOKEN_SECRET_FILE_CONTENT'
  ])('%s is a credential', (name) => expect(looksLikeCredential(name)).toBe(true))

  test.each([
    'KEYBOARD_LAYOUT',
    'MONKEY',
    'TOKENIZER_VERSION',
    'GO_VERSION',
    'CGO_ENABLED',
    'PUBLIC_KEY',
    'TOKEN_FILE',
    'AWS_ACCESS_KEY_ID',
    'KEY_PATH',
    'SECRET_NAME',
    'BYPASS_CACHE',
    'PASSENGER',
    'COMPASS_URL',
    'TARGETARCH',
    'BUILDKIT_INLINE_CACHE',
    'keyPath',
    'SECRETARY'
  ])('%s is not', (name) => expect(looksLikeCredential(name)).toBe(false))

  test('their names are warned about and their values masked, whether given or taken from the environment', () => {
    const inputs = from({ 'build-args': 'GO_VERSION=1.22\nNPM_TOKEN=npm_abc123\nGH_PAT\nKEYBOARD=us' })
    expect(credentialBuildArgs(inputs.buildArgs)).toEqual(['NPM_TOKEN', 'GH_PAT'])
    const values = inputSecretValues(inputs, { env: { GH_PAT: 'ghp_from_env', KEYBOARD: 'us' }, readFile: () => null, workspace: '/w' })
    expect(values).toEqual(['npm_abc123', 'ghp_from_env'])
  })

  test('secret-files contents and secret-envs values are masked, each line of a multi-line one too', () => {
    const inputs = from({ secrets: '"key=AAAA\nBBBB\n"', 'secret-files': 'cert=certs/ca.pem', 'secret-envs': 'tok=MY_TOKEN' })
    const files: Record<string, string> = { '/w/certs/ca.pem': 'CERTLINE1\nCERTLINE2\n' }
    const values = inputSecretValues(inputs, { env: { MY_TOKEN: ' tok-value ' }, readFile: (f) => files[f] ?? null, workspace: '/w' })
    expect(values).toEqual(['AAAA\nBBBB\n', 'AAAA\nBBBB', 'AAAA', 'BBBB', 'CERTLINE1\nCERTLINE2\n', 'CERTLINE1\nCERTLINE2', 'CERTLINE1', 'CERTLINE2', ' tok-value ', 'tok-value'])
  })

  test('redactionFor: the same values, and a redactor that hides them', () => {
    const inputs = from({ secrets: 'token=s3cr3t-value', 'build-args': 'NPM_TOKEN=npm_abc123\nGO_VERSION=1.22' })
    const redaction = redactionFor(inputs, { env: {}, readFile: () => null, workspace: '/w' })
    expect(redaction.values).toEqual(['s3cr3t-value', 'npm_abc123'])
    expect(redaction.redact('pushed s3cr3t-value with npm_abc123 on 1.22')).toBe('pushed *** with *** on 1.22')
  })
})

describe('CLI flags mirror the action inputs', () => {
  test('values, booleans and repeated list flags', () => {
    const { values } = parseArgs(['--context', 'x', '--budget=20MB', '--dockerfile-only', '--comment', 'false', '--build-args', 'A=1', '--build-args', 'B=2'])
    expect(values.get('context')).toBe('x')
    expect(values.get('budget')).toBe('20MB')
    expect(values.get('dockerfile-only')).toBe('true')
    expect(values.get('comment')).toBe('false')
    expect(values.get('build-args')).toEqual(['A=1', 'B=2'])
  })

  test('a flag value with newlines is read as the input is: a quoted secret stays whole; repeated flags add entries', () => {
    const pem = '-----BEGIN KEY-----\nAAAA\nBBBB\n-----END KEY-----'
    const { values } = parseArgs(['--secrets', `"key=${pem}"`, '--secrets', 'npm=abc', '--build-args', 'A=1\nB=2', '--build-args', 'C=3', '--budget', '1MB', '--budget', '2MB'])
    const inputs = parseInputs((name) => values.get(name) ?? '')
    expect(inputs.secrets).toEqual([`key=${pem}`, 'npm=abc'])
    expect(inputs.buildArgs).toEqual(['A=1', 'B=2', 'C=3'])
    expect(inputs.budget).toBe(2_000_000)
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
