// The event is read and parsed once; a missing, unreadable or invalid file is no event.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadGitHubEvent } from '../../src/github/event.js'

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
