import { untrustedBuildRefusal } from '../src/trust.js'
import { createRedactor, secretValues } from '../src/redact.js'
import fc from 'fast-check'

const repo = { full_name: 'octo/app' }

describe('untrustedBuildRefusal', () => {
  test.each([
    ['pull_request', {}, false, null],
    ['push', {}, false, null],
    ['pull_request_target', {}, false, /refusing to build on pull_request_target.*workflow_run.*allow-untrusted-build: true/],
    ['pull_request_target', {}, true, null],
    ['workflow_run', { repository: repo, workflow_run: { event: 'pull_request', head_repository: { full_name: 'stranger/app' } } }, false, /from stranger\/app/],
    ['workflow_run', { repository: repo, workflow_run: { event: 'pull_request', head_repository: { full_name: 'stranger/app' } } }, true, null],
    ['workflow_run', { repository: repo, workflow_run: { event: 'pull_request', head_repository: repo } }, false, null],
    ['workflow_run', { repository: repo, workflow_run: { event: 'push', head_repository: repo } }, false, null]
  ] as [string, Record<string, unknown>, boolean, RegExp | null][])('%s %j allow=%s', (eventName, payload, allow, expected) => {
    const refusal = untrustedBuildRefusal({ eventName, payload, allowUntrustedBuild: allow })
    if (expected === null) expect(refusal).toBeNull()
    else expect(refusal).toMatch(expected)
  })
})

describe('redaction', () => {
  test('hides every secret value, longest first', () => {
    const redact = createRedactor(secretValues(['NPM_TOKEN=abc123', 'KEY=abc123xyz', 'MULTI=line-one\nline-two']))
    expect(redact('token abc123xyz and abc123, line-two')).toBe('token *** and ***, ***')
  })

  test('no secret survives in any text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 3 }).filter((s) => !/^\**$/.test(s)),
        fc.string(),
        fc.string(),
        (secret, before, after) => {
          const redact = createRedactor([secret])
          expect(redact(before + secret + after)).not.toContain(secret)
        }
      ),
      { numRuns: 2000 }
    )
  })
})

test('a mask cannot complete a new occurrence', () => {
  expect(createRedactor(['*a*'])('*a*a*')).not.toContain('*a*')
})
