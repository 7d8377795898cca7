// Several stored reports (stored/read.ts): one path or glob per entry, a
// file holding one report or a list, every failure one line naming the entry;
// and when a set's comment is worth writing (github/publish-set.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { UsageError } from '../../src/errors.js'
import { setCommentDecision } from '../../src/github/publish-set.js'
import { parseInputs } from '../../src/inputs.js'
import type { EmbeddedState } from '../../src/report/embed.js'
import { nameReports, worstStatus } from '../../src/report/set.js'
import { expandReportPaths, loadStoredReports } from '../../src/stored/read.js'
import type { Report } from '../../src/report/types.js'
import { overBudgetSingleStage, passingScratch } from '../fixtures/reports.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gib-set-'))
  mkdirSync(path.join(dir, 'image-size', 'nested'), { recursive: true })
  const write = (rel: string, value: unknown) => writeFileSync(path.join(dir, rel), typeof value === 'string' ? value : JSON.stringify(value))
  write('image-size/worker.json', { ...passingScratch(), name: 'worker' })
  write('image-size/api.json', { ...overBudgetSingleStage(), name: 'api' })
  write('image-size/pr-number', '2\n')
  write('image-size/nested/cron.json', { ...passingScratch(), name: 'cron' })
  write('bake.json', [
    { ...passingScratch(), name: 'a' },
    { ...passingScratch(), name: 'b' }
  ])
  write('empty.json', [])
  write('mixed.json', [passingScratch(), { name: 'x' }])
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('report: paths and globs', () => {
  test('one entry per line, as the action reads a list input', () => {
    const inputs = parseInputs((name) => (name === 'report' ? 'image-size/*.json\nbake.json\n' : ''))
    expect(inputs.report).toEqual(['image-size/*.json', 'bake.json'])
  })

  test("a glob's matches sorted, then the plain paths, each file once", () => {
    const files = expandReportPaths(['image-size/*.json', 'bake.json', 'image-size/api.json'], dir)
    expect(files).toEqual([path.join(dir, 'image-size/api.json'), path.join(dir, 'image-size/worker.json'), path.join(dir, 'bake.json')])
    expect(expandReportPaths(['image-size/**/*.json'], dir)).toEqual([path.join(dir, 'image-size/api.json'), path.join(dir, 'image-size/nested/cron.json'), path.join(dir, 'image-size/worker.json')])
    expect(expandReportPaths([path.join(dir, 'image-size', '*.json')], '/')).toHaveLength(2)
  })

  test('a file may hold a list of reports', () => {
    const stored = loadStoredReports(['bake.json', 'image-size/worker.json'], dir)
    expect(stored.map((s) => [s.report.name, s.fromList, path.basename(s.file)])).toEqual([
      ['a', true, 'bake.json'],
      ['b', true, 'bake.json'],
      ['worker', false, 'worker.json']
    ])
  })

  test.each([
    ['a path that is not there', ['image-size/gone.json'], "report: no file at image-size/gone.json; download the measuring run's artifact first"],
    [
      'a glob that matches nothing',
      ['artifacts/*.json'],
      "report: 'artifacts/*.json' matches no file; download the measuring jobs' artifacts first (actions/download-artifact with pattern: and merge-multiple: true)"
    ],
    ['an empty list', ['empty.json'], (d: string) => `report: ${path.join(d, 'empty.json')} holds an empty list; it should hold the reports of a run`],
    ['a list with something else in it', ['mixed.json'], (d: string) => `report: ${path.join(d, 'mixed.json')} entry 2 is not a go-image-budget report (schemaVersion 1)`]
  ])('%s is one line naming the entry', (_name, entries, message) => {
    const expected = typeof message === 'string' ? message : message(dir)
    expect(() => loadStoredReports(entries, dir)).toThrow(UsageError)
    expect(() => loadStoredReports(entries, dir)).toThrow(expected)
  })
})

describe('the worst verdict of a set', () => {
  test.each([
    [['pass', 'pass'], 'pass'],
    [['pass', 'warn'], 'warn'],
    [['warn', 'fail', 'pass'], 'fail'],
    [[], 'pass']
  ] as const)('%j → %s', (statuses, worst) => {
    expect(worstStatus([...statuses])).toBe(worst)
  })
})

describe("when a set's comment is written", () => {
  const set = (...reports: Report[]) => nameReports(reports)
  const api = () => ({ ...overBudgetSingleStage(), name: 'api' })
  const worker = (grow = 0) => {
    const r = { ...passingScratch(), name: 'worker' }
    r.size = { ...r.size, uncompressed: r.size.uncompressed + grow }
    return r
  }
  const stateOf = (...reports: Report[]): EmbeddedState => ({
    v: 1,
    key: '',
    commit: null,
    order: null,
    status: worstStatus(reports.map((r) => r.status)),
    metric: 'uncompressed',
    size: 0,
    history: [],
    images: nameReports(reports).map(({ name, report }) => ({ name, status: report.status, metric: 'uncompressed', size: report.size.uncompressed, history: [] }))
  })

  test.each([
    ['always writes', 'always', [worker()], null, false, null],
    ['never writes none', 'never', [worker()], null, false, 'comment: never'],
    ['on-exceed: every image within budget, no comment yet', 'on-exceed', [worker()], null, false, 'comment: on-exceed, and every image is within budget'],
    ['on-exceed: one image over budget', 'on-exceed', [worker(), api()], null, false, null],
    ['on-exceed: an existing comment is kept current', 'on-exceed', [worker()], null, true, null],
    ['on-change: nothing moved', 'on-change', [worker()], 'same', true, 'comment: on-change, and no image changed its size or verdict since the last comment'],
    ['on-change: one image grew', 'on-change', [worker(5000)], 'same', true, null],
    ['on-change: an image was added', 'on-change', [worker(), { ...worker(), name: 'cron' }], 'same', true, null]
  ] as const)('%s', (_name, mode, reports, state, hasComment, expected) => {
    const previous = state === 'same' ? stateOf(worker()) : null
    expect(setCommentDecision(mode, set(...reports), previous, hasComment, null)).toBe(expected)
  })
})
