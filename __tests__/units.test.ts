import { formatDelta, formatSize, parseSize, parseSizeOrPercent } from '../src/units.js'

describe('parseSize', () => {
  test.each([
    ['25MB', 25_000_000],
    ['25 MiB', 25 * 1024 * 1024],
    ['1.5GB', 1_500_000_000],
    ['2000000', 2_000_000],
    ['800kB', 800_000],
    ['800KB', 800_000],
    ['7.58MB', 7_580_000],
    ['1 GiB', 1024 ** 3],
    ['0', 0]
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes)
  })

  test.each(['', 'MB', '25 XB', '-5MB', '1e9', 'twenty'])('%j is refused with examples', (text) => {
    expect(() => parseSize(text, 'budget')).toThrow(/^budget: cannot read .* e\.g\. 25MB, 25 MiB, 1\.5GB/)
  })

  test('percentages', () => {
    expect(parseSizeOrPercent('10%', 'max-increase')).toEqual({ percent: 10 })
    expect(parseSizeOrPercent('2MB', 'max-increase')).toEqual({ bytes: 2_000_000 })
    expect(() => parseSizeOrPercent('ten%', 'max-increase')).toThrow(/max-increase: cannot read 'ten%'/)
  })
})

describe('formatSize', () => {
  test.each([
    [776_000_000, '776 MB'],
    [7_580_000, '7.58 MB'],
    [1_993_406, '1.99 MB'],
    [999, '999 B'],
    [1_000, '1 kB'],
    [-300_000, '-300 kB']
  ])('%d → %s', (bytes, text) => expect(formatSize(bytes)).toBe(text))

  test('deltas carry a sign', () => {
    expect(formatDelta(1_100_000)).toBe('+1.1 MB')
    expect(formatDelta(-1_100_000)).toBe('-1.1 MB')
    expect(formatDelta(0)).toBe('±0 B')
  })
})

describe('size parser under fuzzing', () => {
  // Issue 7: no input crashes the parser; it either returns a safe byte count or a UsageError.
  test('any string: a whole number of bytes or a UsageError that quotes the input', async () => {
    const fc = (await import('fast-check')).default
    const { UsageError } = await import('../src/errors.js')
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\s*\d{0,12}(\.\d{0,4})?\s*[kKmMgGtTiIbB%]{0,3}\s*$/)), (text) => {
        try {
          const bytes = parseSize(text, 'budget')
          expect(Number.isSafeInteger(bytes) && bytes >= 0).toBe(true)
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError)
          expect((error as Error).message.startsWith('budget: ')).toBe(true)
        }
        try {
          parseSizeOrPercent(text, 'warn-at')
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError)
        }
      }),
      { numRuns: 10_000 }
    )
  })

  test('formatSize output parses back to within its rounding', async () => {
    const fc = (await import('fast-check')).default
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (bytes) => {
        const back = parseSize(formatSize(bytes).replace(' ', ''))
        expect(Math.abs(back - bytes)).toBeLessThanOrEqual(Math.max(0.005 * bytes, 0))
      }),
      { numRuns: 10_000 }
    )
  })
})
