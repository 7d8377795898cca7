import { belowFloor, compareSizes, diffLayers, normalizeInstruction, percentChange } from '../../src/compare/compare.js'
import type { BaselineLayer, Layer } from '../../src/report/types.js'

const layer = (index: number, diffId: string, instruction: string, uncompressed: number, compressed: number | null = null, stage: string | null = 'final'): Layer => ({
  index,
  diffId,
  instruction,
  dockerfileLine: null,
  stage,
  fromBaseImage: false,
  uncompressed,
  compressed
})

describe('compareSizes', () => {
  test.each([
    // head, base, metric, minDelta, expected subset
    [
      { uncompressed: 816_000_000, compressed: 300_000_000 },
      { uncompressed: 2_000_000, compressed: 1_000_000 },
      'uncompressed',
      null,
      { uncompressed: 814_000_000, compressed: 299_000_000, percent: 40700, metric: 'uncompressed', compressedPercent: 29900, unchanged: false }
    ],
    [
      { uncompressed: 2_000_000, compressed: 1_000_000 },
      { uncompressed: 816_000_000, compressed: 300_000_000 },
      'compressed',
      null,
      { uncompressed: -814_000_000, compressed: -299_000_000, metric: 'compressed', unchanged: false }
    ],
    // a registry baseline: no uncompressed size, so the compressed one is used
    [
      { uncompressed: 3_000_000, compressed: 1_500_000 },
      { uncompressed: null, compressed: 1_000_000 },
      'uncompressed',
      null,
      { uncompressed: null, compressed: 500_000, percent: 50, metric: 'compressed', uncompressedPercent: null }
    ],
    // below the noise floor
    [
      { uncompressed: 2_000_500, compressed: null },
      { uncompressed: 2_000_000, compressed: null },
      'uncompressed',
      { bytes: 1000 },
      { uncompressed: 500, compressed: null, metric: 'uncompressed', unchanged: true }
    ],
    [{ uncompressed: 2_000_500, compressed: null }, { uncompressed: 2_000_000, compressed: null }, 'uncompressed', { bytes: 500 }, { uncompressed: 500, unchanged: false }],
    [{ uncompressed: 2_010_000, compressed: null }, { uncompressed: 2_000_000, compressed: null }, 'uncompressed', { percent: 1 }, { uncompressed: 10_000, percent: 0.5, unchanged: true }],
    [{ uncompressed: 5, compressed: null }, { uncompressed: 5, compressed: null }, 'uncompressed', null, { uncompressed: 0, percent: 0, unchanged: true }]
  ] as const)('%j vs %j in %s', (head, base, metric, minDelta, expected) => {
    expect(compareSizes(head, base, metric, minDelta)).toMatchObject(expected)
  })

  test('no metric on both sides: no delta', () => {
    expect(compareSizes({ uncompressed: 1, compressed: null }, { uncompressed: null, compressed: 5 }, 'uncompressed')).toBeNull()
  })

  test('percentChange and the noise rule (belowFloor)', () => {
    expect(percentChange(150, 100)).toBe(50)
    expect(percentChange(100, 0)).toBe(0)
    expect(belowFloor(19_999, 1_000_000, { percent: 2 })).toBe(true)
    expect(belowFloor(-20_000, 1_000_000, { percent: 2 })).toBe(false)
    expect(belowFloor(6, 1_000_000, { bytes: 7 })).toBe(true)
    expect(belowFloor(7, 1_000_000, { bytes: 7 })).toBe(false)
    expect(belowFloor(1, 1_000_000, null)).toBe(false)
    expect(belowFloor(0, 1_000_000, null)).toBe(true)
    // A percentage of nothing: only no change is noise.
    expect(belowFloor(5, 0, { percent: 2 })).toBe(false)
  })
})

describe('normalizeInstruction', () => {
  test.each([
    ['COPY /build/main /app/ # buildkit', 'COPY /build/main /app/'],
    ['RUN /bin/sh -c go build   -o main . # buildkit', 'RUN /bin/sh -c go build -o main .'],
    ['/bin/sh -c #(nop)  CMD ["/app/main"]', 'CMD ["/app/main"]']
  ])('%s', (raw, normalized) => expect(normalizeInstruction(raw)).toBe(normalized))
})

describe('diffLayers', () => {
  const base: BaselineLayer[] = [
    layer(0, 'sha256:os', 'ADD file:abc in /', 70_000_000, null, null),
    layer(1, 'sha256:src-old', 'COPY . . # buildkit', 10_000),
    layer(2, 'sha256:bin-old', 'RUN /bin/sh -c go build -o /app/main . # buildkit', 2_000_000),
    layer(3, 'sha256:gone', 'RUN /bin/sh -c apt-get install -y git # buildkit', 30_000_000)
  ]
  const head: Layer[] = [
    layer(0, 'sha256:os', 'ADD file:abc in /', 70_000_000, null, null),
    layer(1, 'sha256:src-new', 'COPY . .', 10_000),
    layer(2, 'sha256:bin-new', 'RUN /bin/sh -c go build -o /app/main .', 2_500_000),
    layer(3, 'sha256:ca', 'COPY /etc/ssl/certs /etc/ssl/certs # buildkit', 200_000)
  ]

  test('pairs by diff id, then by stage and instruction, and classifies', () => {
    const diff = diffLayers(head, base, 'uncompressed')
    expect(diff.metric).toBe('uncompressed')
    expect(diff.entries.map((e) => [e.change, e.pairedBy, e.head?.diffId ?? null, e.base?.diffId ?? null, e.delta.uncompressed])).toEqual([
      ['unchanged', 'diffId', 'sha256:os', 'sha256:os', 0],
      ['unchanged', 'instruction', 'sha256:src-new', 'sha256:src-old', 0],
      ['grown', 'instruction', 'sha256:bin-new', 'sha256:bin-old', 500_000],
      ['added', null, 'sha256:ca', null, 200_000],
      ['removed', null, null, 'sha256:gone', -30_000_000]
    ])
    expect(diff.totals).toEqual({
      added: { count: 1, bytes: 200_000 },
      removed: { count: 1, bytes: -30_000_000 },
      grown: { count: 1, bytes: 500_000 },
      shrunk: { count: 0, bytes: 0 },
      unchanged: { count: 2, bytes: 0 }
    })
  })

  test('the same instruction in another stage does not pair', () => {
    const diff = diffLayers([layer(0, 'sha256:a', 'COPY . .', 5, null, 'build')], [layer(0, 'sha256:b', 'COPY . .', 9, null, 'final')], 'uncompressed')
    expect(diff.entries.map((e) => e.change)).toEqual(['added', 'removed'])
  })

  test('repeated instructions pair in order; a noise floor hides small changes', () => {
    const h = [layer(0, 'sha256:h1', 'RUN x', 1000), layer(1, 'sha256:h2', 'RUN x', 500)]
    const b = [layer(0, 'sha256:b1', 'RUN x', 990), layer(1, 'sha256:b2', 'RUN x', 900)]
    expect(diffLayers(h, b, 'uncompressed').entries.map((e) => e.change)).toEqual(['grown', 'shrunk'])
    expect(diffLayers(h, b, 'uncompressed', 100).entries.map((e) => e.change)).toEqual(['unchanged', 'shrunk'])
  })

  test('a registry baseline (compressed only) is diffed on compressed sizes', () => {
    const b: BaselineLayer[] = [{ ...layer(0, 'sha256:bin-old', 'COPY /build/main /app/', 0, 900_000), uncompressed: null }]
    const h = [layer(0, 'sha256:bin-new', 'COPY /build/main /app/ # buildkit', 2_000_000, 800_000)]
    const diff = diffLayers(h, b, 'uncompressed')
    expect(diff.metric).toBe('compressed')
    expect(diff.entries[0]).toMatchObject({ change: 'shrunk', delta: { uncompressed: null, compressed: -100_000 } })
  })

  test('single-stage golang against multi-stage scratch: everything added or removed', () => {
    const scratch = [layer(0, 'sha256:bin', 'COPY /build/main /app/ # buildkit', 1_800_000)]
    const golang = [layer(0, 'sha256:deb', 'ADD file:x in /', 120_000_000, null, null), layer(1, 'sha256:go', 'RUN go build', 2_000_000)]
    const diff = diffLayers(golang, scratch, 'uncompressed')
    expect(diff.entries.map((e) => e.change)).toEqual(['added', 'added', 'removed'])
    expect(diff.totals.added.bytes + diff.totals.removed.bytes).toBe(122_000_000 - 1_800_000)
  })
})
