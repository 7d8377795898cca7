// The event is read and parsed once; a missing, unreadable or invalid file is no
// event. Base ref and head commit from real event payloads.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { headCommit, loadGitHubEvent, resolveBaseRef } from '../../src/github/event.js'

const require = createRequire(import.meta.url)
const examplesDir = path.dirname(require.resolve('@octokit/webhooks-examples/package.json'))
// The package ships every example payload in one JSON array.
const examples = JSON.parse(readFileSync(path.join(examplesDir, 'api.github.com/index.json'), 'utf8')) as { name: string; examples: Record<string, unknown>[] }[]
const payload = (name: string, action?: string, where: (p: Record<string, unknown>) => boolean = () => true): Record<string, unknown> => {
  const group = examples.find((e) => e.name === name)
  const found = group?.examples.find((p) => (action === undefined || p.action === action) && where(p))
  if (!found) throw new Error(`no ${name} example`)
  return found
}

describe('loadGitHubEvent', () => {
  test('reads the event file; a missing one is no event', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'event-'))
    const file = path.join(dir, 'event.json')
    writeFileSync(file, JSON.stringify({ before: 'x' }))
    expect(loadGitHubEvent('push', file)).toEqual({ name: 'push', payload: { before: 'x' } })
    expect(loadGitHubEvent('push', path.join(dir, 'nope.json'))).toBeNull()
    expect(loadGitHubEvent(undefined, file)).toBeNull()
    rmSync(dir, { recursive: true })
  })

  test.each([['not json {'], ['"a string"'], ['null'], ['']])('a payload of %j is no event', (text) => {
    expect(loadGitHubEvent('push', '/event.json', () => text)).toBeNull()
  })
})

describe('resolveBaseRef', () => {
  test('pull_request: the base sha and branch', () => {
    const p = payload('pull_request', 'opened')
    const base = (p.pull_request as { base: { sha: string; ref: string } }).base
    expect(resolveBaseRef({ name: 'pull_request', payload: p }, null)).toEqual({ ref: base.ref, sha: base.sha })
    expect(headCommit({ name: 'pull_request', payload: p }, 'merge-commit')).toBe((p.pull_request as { head: { sha: string } }).head.sha)
  })

  test('push: the previous commit; a new branch (zeros) has none', () => {
    const p = payload('push', undefined, (e) => !/^0+$/.test(String(e.before)))
    expect(resolveBaseRef({ name: 'push', payload: p }, null)).toEqual({ ref: p.ref, sha: p.before })
    expect(resolveBaseRef({ name: 'push', payload: { ...p, ref: 'refs/heads/main' } }, null)).toEqual({ ref: 'main', sha: p.before })
    const newBranch = payload('push', undefined, (e) => String(e.ref).startsWith('refs/heads/') && /^0+$/.test(String(e.before)))
    expect(resolveBaseRef({ name: 'push', payload: newBranch }, null)).toBeNull()
    expect(headCommit({ name: 'push', payload: p }, 'abc')).toBe('abc')
  })

  test("merge_group: the queue's base", () => {
    const p = payload('merge_group')
    const group = p.merge_group as { base_sha: string; base_ref: string }
    expect(resolveBaseRef({ name: 'merge_group', payload: p }, null)).toEqual({ ref: group.base_ref.replace('refs/heads/', ''), sha: group.base_sha })
  })

  test.each([
    [null, 'main', { ref: 'main', sha: null }],
    [{ name: 'pull_request', payload: { pull_request: { base: { sha: 's', ref: 'r' } } } }, 'release', { ref: 'release', sha: null }],
    [{ name: 'workflow_dispatch', payload: {} }, null, null],
    [null, null, null]
  ])('event %j with base-ref %j', (event, input, expected) => {
    expect(resolveBaseRef(event, input)).toEqual(expected)
  })
})
