import { basePoint, currentPoint, updateHistory } from '../../src/compare/trend.js'
import { parseHistory } from '../../src/report/parse.js'
import type { HistoryPoint } from '../../src/report/types.js'

const point = (commit: string, uncompressed: number, label?: string): HistoryPoint => ({
  commit,
  at: `2026-11-27T00:00:0${commit.length}Z`,
  uncompressed,
  compressed: null,
  ...(label ? { label } : {})
})

describe('updateHistory', () => {
  test('three pushes come out in order after the base point', () => {
    let history: HistoryPoint[] = []
    const base = point('base1', 2_000_000, 'base')
    for (const [commit, size] of [
      ['a', 816],
      ['b', 352],
      ['c', 7]
    ] as const) {
      history = updateHistory({ previous: history, base, current: point(commit, size * 1_000_000), limit: 20 })
    }
    expect(history.map((p) => [p.commit, p.uncompressed, p.label ?? null])).toEqual([
      ['base1', 2_000_000, 'base'],
      ['a', 816_000_000, null],
      ['b', 352_000_000, null],
      ['c', 7_000_000, null]
    ])
  })

  test('a re-run of a commit updates it in place', () => {
    const previous = [point('base1', 1, 'base'), point('a', 10), point('b', 20)]
    const history = updateHistory({ previous, base: null, current: point('a', 11), limit: 20 })
    expect(history.map((p) => [p.commit, p.uncompressed])).toEqual([
      ['base1', 1],
      ['a', 11],
      ['b', 20]
    ])
  })

  test('a new base replaces the old base point; without one the old is kept', () => {
    const previous = [point('base1', 1, 'base'), point('a', 10)]
    expect(updateHistory({ previous, base: point('base2', 2, 'base'), current: point('b', 20), limit: 20 }).map((p) => p.commit)).toEqual(['base2', 'a', 'b'])
    expect(updateHistory({ previous, base: null, current: point('b', 20), limit: 20 }).map((p) => p.commit)).toEqual(['base1', 'a', 'b'])
  })

  test.each([
    [1, ['base', 'e']],
    [3, ['base', 'c', 'd', 'e']],
    [10, ['base', 'a', 'b', 'c', 'd', 'e']]
  ])('capped at %d pushes, oldest dropped first, base kept', (limit, commits) => {
    const previous = [point('base', 1, 'base'), ...['a', 'b', 'c', 'd'].map((c, i) => point(c, i))]
    expect(updateHistory({ previous, base: null, current: point('e', 9), limit }).map((p) => p.commit)).toEqual(commits)
  })

  test('duplicate commits in a previous history are dropped', () => {
    const history = updateHistory({ previous: [point('a', 1), point('a', 2), point('b', 3)], base: null, current: null, limit: 20 })
    expect(history.map((p) => [p.commit, p.uncompressed])).toEqual([
      ['a', 1],
      ['b', 3]
    ])
  })
})

describe('parseHistory', () => {
  test('keeps well-formed points and drops the rest', () => {
    const raw = [
      { commit: 'a', at: 't', uncompressed: 5, compressed: 2 },
      { commit: 'b', at: 't', uncompressed: null, compressed: 2, label: 'base' },
      { commit: '', at: 't', uncompressed: 5 },
      { commit: 'c', at: 't', uncompressed: -1 },
      { commit: 'd', at: 't', uncompressed: '5' },
      { commit: 'e', at: 't', uncompressed: null, compressed: null },
      { commit: 'f', uncompressed: 5 },
      null,
      7,
      'x'
    ]
    expect(parseHistory(raw)).toEqual([
      { commit: 'a', at: 't', uncompressed: 5, compressed: 2 },
      { commit: 'b', at: 't', uncompressed: null, compressed: 2, label: 'base' }
    ])
  })
  test.each([null, {}, 'history', 3])('%j is no history', (value) => expect(parseHistory(value)).toEqual([]))
})

test('basePoint and currentPoint', () => {
  const baseline = { source: 'build' as const, ref: 'main', commit: 'abc', size: { uncompressed: 9, compressed: 3 }, layers: [], error: null }
  expect(basePoint(baseline, 'T')).toEqual({ commit: 'abc', at: 'T', uncompressed: 9, compressed: 3, label: 'base' })
  expect(basePoint({ ...baseline, error: 'no baseline: x', size: null }, 'T')).toBeNull()
  expect(basePoint({ ...baseline, commit: null, digest: 'sha256:d' }, 'T')?.commit).toBe('sha256:d')
  expect(currentPoint({ image: { commit: 'h' } as never, size: { uncompressed: 4, compressed: null, compressedSource: null } }, 'T')).toEqual({
    commit: 'h',
    at: 'T',
    uncompressed: 4,
    compressed: null
  })
  expect(currentPoint({ image: { commit: null } as never, size: { uncompressed: 4, compressed: null, compressedSource: null } }, 'T')).toBeNull()
})
