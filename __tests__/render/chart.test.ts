// The trend chart must parse with mermaid's own parser (what GitHub renders
// with). Mermaid's DOMPurify needs a DOM; helpers/mermaid-parse.mjs gives it
// jsdom in a separate Node process.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createInterface } from 'node:readline'
import { chartLabel, trendChart } from '../../src/render/chart.js'
import type { HistoryPoint } from '../../src/report/types.js'
import { renderMarkdown } from '../../src/render/markdown.js'
import { HOSTILE, hostile, huge, overBudgetSingleStage } from '../fixtures/reports.js'

type ParseResult = { ok: true; type: string } | { ok: false; error: string }

// One parser process for the file (mermaid takes a second to load): a line of diagrams in, a line of results out.
let parser: ChildProcessWithoutNullStreams
let answers: AsyncIterator<string>
beforeAll(() => {
  parser = spawn(process.execPath, ['__tests__/helpers/mermaid-parse.mjs'])
  answers = createInterface({ input: parser.stdout })[Symbol.asyncIterator]()
})
afterAll(() => parser.stdin.end())

async function parseWithMermaid(diagrams: string[]): Promise<ParseResult[]> {
  parser.stdin.write(JSON.stringify(diagrams) + '\n')
  const answer = await answers.next()
  if (answer.done) throw new Error('the mermaid parser ended without an answer')
  return JSON.parse(answer.value) as ParseResult[]
}

const point = (commit: string, uncompressed: number | null, compressed: number | null, label?: string): HistoryPoint => ({
  commit,
  at: '2026-11-27T10:00:00Z',
  uncompressed,
  compressed,
  ...(label ? { label } : {})
})

describe('trendChart', () => {
  test('mermaid rejects a broken chart (the parser really runs)', async () => {
    const [result] = await parseWithMermaid(['xychart-beta\n  x-axis ["a" "b"]\n  line [1,'])
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/Parse error on line 2/) })
  })

  test('two pushes with a budget line', async () => {
    const chart = trendChart([point('f0e1d2c3', 2_119_260, null, 'main'), point('a1b2c3d4e5', 1_819_260, null)], 'uncompressed', 1_900_000)
    expect(chart).toBe(
      [
        '---',
        'config:',
        '  xyChart:',
        '    height: 320',
        '  themeVariables:',
        '    xyChart:',
        '      plotColorPalette: "#0969da, #cf222e"',
        '---',
        'xychart-beta',
        '    title "Image size (uncompressed, MB)"',
        '    x-axis ["main", "a1b2c3d"]',
        '    y-axis "MB" 0 --> 2.5',
        '    line [2.12, 1.82]',
        '    line [1.9, 1.9]'
      ].join('\n')
    )
    expect(await parseWithMermaid([chart!])).toEqual([{ ok: true, type: 'xychart' }])
  })

  test.each([
    ['over-budget fixture, uncompressed', overBudgetSingleStage().history, 'uncompressed' as const, 20_000_000],
    ['compressed metric, no budget', overBudgetSingleStage().history, 'compressed' as const, null],
    ['hundreds of points', huge(300).history, 'uncompressed' as const, null],
    ['hostile labels', HOSTILE.map((h, i) => point(h, 1000 * (i + 1), null, h)), 'uncompressed' as const, 5000],
    ['kilobytes to gigabytes', [point('a'.repeat(40), 900, null), point('b'.repeat(40), 3_500_000_000, null)], 'uncompressed' as const, null]
  ])('%s parses with mermaid', async (_name, history, metric, budget) => {
    const chart = trendChart(history, metric, budget)
    expect(chart).not.toBeNull()
    expect(await parseWithMermaid([chart!])).toEqual([{ ok: true, type: 'xychart' }])
  })

  test('a budget far above the sizes is named in the title, not drawn', async () => {
    const chart = trendChart([point('a'.repeat(40), 4_020_000, null, 'main'), point('b'.repeat(40), 1_820_000, null)], 'uncompressed', 20_000_000)!
    expect(chart).toContain('title "Image size (uncompressed, MB, budget 20 MB)"')
    expect(chart.match(/^ {4}line /gm)).toHaveLength(1)
    expect(chart).toContain('y-axis "MB" 0 --> 5')
    expect(await parseWithMermaid([chart])).toEqual([{ ok: true, type: 'xychart' }])
  })

  test('points without the metric are left out; fewer than two means no chart', () => {
    expect(trendChart([point('a', null, 5, 'base'), point('b', 10, 6)], 'uncompressed', null)).toBeNull()
    expect(trendChart([point('a', null, 5, 'base'), point('b', 10, 6)], 'compressed', null)).toContain('line [5, 6]')
  })

  test('the chart inside every rendered comment parses', async () => {
    const bodies = [overBudgetSingleStage(), hostile(), huge(200)].map((r) => renderMarkdown(r))
    const charts = bodies.map((b) => /```mermaid\n([\s\S]*?)\n```/.exec(b)?.[1])
    expect(charts.every((c) => typeof c === 'string' && c.includes('xychart-beta'))).toBe(true)
    expect(await parseWithMermaid(charts as string[])).toEqual(charts.map(() => ({ ok: true, type: 'xychart' })))
  })

  test('labels cannot end the quoted string', () => {
    expect(chartLabel('feat/"x"] --> y')).toBe('feat/_x___--__y')
    expect(chartLabel('')).toBe('_')
  })
})
