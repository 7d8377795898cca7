// The comment for several images (src/render/combined.ts): worst verdict
// first, a row per image with the numbers its report holds, each image's
// details collapsed, the trend per image in the hidden state, and the
// 65,536-character limit kept by dropping detail sections largest first.
import { marked } from 'marked'
import { deflateRawSync } from 'node:zlib'
import { renderCombined } from '../../src/render/combined.js'
import { commentMarker, readEmbeddedState } from '../../src/report/embed.js'
import { GITHUB_COMMENT_LIMIT } from '../../src/render/markdown.js'
import { nameReports } from '../../src/report/set.js'
import type { Report } from '../../src/report/types.js'
import { HOSTILE, huge, overBudgetSingleStage, passingScratch } from '../fixtures/reports.js'

const REPO = 'https://github.com/acme/hello'
const html = (md: string) => marked.parse(md, { gfm: true, async: false })
/** The overview table's rows (between its header and the first details section). */
const tableRows = (body: string) => {
  const lines = body.split('\n')
  const start = lines.findIndex((l) => l.startsWith('| | image |'))
  const rows: string[] = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    rows.push(line)
  }
  return rows
}
/** Names of the images whose details section is present. */
const detailNames = (body: string) => [...body.matchAll(/^<details><summary>(?:✅|⚠️|❌) <b>([^<]+)<\/b>/gm)].map((m) => m[1])

function named(name: string, build: () => Report, change: (r: Report) => void = () => {}): Report {
  const report = build()
  report.name = name
  change(report)
  return report
}

/** Three services: api over budget, cron warned, worker passing. */
function threeServices(): Report[] {
  return [
    named('worker', passingScratch),
    named('api', overBudgetSingleStage, (r) => {
      r.budget.reason = 'image is 816 MB, over the 20 MB budget (uncompressed)'
    }),
    named('cron', passingScratch, (r) => {
      r.status = 'warn'
      r.budget = { ...r.budget, status: 'warn', warnAt: 1_500_000, reason: 'image is 1.82 MB, past the 1.5 MB warning threshold (uncompressed)' }
      r.delta = { uncompressed: 0, compressed: 0, percent: 0, metric: 'uncompressed', unchanged: true, noise: { uncompressed: true, compressed: true } }
    })
  ]
}

describe('overview', () => {
  test('opens with the worst verdict, the reasons, and a row per image, worst first', () => {
    const body = renderCombined(nameReports(threeServices()), { repoUrl: REPO })
    const lines = body.split('\n')
    expect(lines[0]).toBe('### ❌ 3 images: 1 failed, 1 warned, 1 passed')
    expect(lines.slice(2, 4)).toEqual([
      '- ❌ `api`: image is 816 MB, over the 20 MB budget \\(uncompressed\\)',
      '- ⚠️ `cron`: image is 1\\.82 MB, past the 1\\.5 MB warning threshold \\(uncompressed\\)'
    ])
    expect(tableRows(body)).toEqual([
      '| ❌ | `api` | 816 MB | 343 MB | +1.1 MB (+0.1%) | 20 MB |',
      '| ⚠️ | `cron` | 1.82 MB | 1.01 MB | unchanged | 20 MB |',
      '| ✅ | `worker` | 1.82 MB | 1.01 MB | 👏 -300 kB (-14%) | 20 MB |'
    ])
    expect(body).toContain('| | image | uncompressed | compressed | vs `main` | budget |')
  })

  test('all passing', () => {
    const body = renderCombined(nameReports([named('a', passingScratch), named('b', passingScratch)]))
    expect(body.split('\n')[0]).toBe('### ✅ 2 images: all passed')
  })

  test('the change is read from the report as the budget stage wrote it, never recomputed', () => {
    const report = named('api', passingScratch, (r) => {
      r.delta = { uncompressed: 123, compressed: 7, percent: 42, metric: 'uncompressed', unchanged: false, noise: { uncompressed: false, compressed: false } }
    })
    const [row] = tableRows(renderCombined(nameReports([report, named('b', passingScratch)])))
    // 123 bytes of a 2 MB base is not 42%: only the report's number can print this.
    expect(row).toBe('| ✅ | `api` | 1.82 MB | 1.01 MB | 🚨 +123 B (+42%) | 20 MB |')
  })

  test('a registry baseline: the change is in compressed bytes and says so; no baseline, an error, no budget', () => {
    const registry = named('reg', passingScratch, (r) => {
      r.baseline = { ...r.baseline, source: 'image', size: { uncompressed: null, compressed: 1_000_000 } }
      r.delta = { uncompressed: null, compressed: 10_000, percent: 1, metric: 'compressed', unchanged: false, noise: { uncompressed: false, compressed: false } }
    })
    const none = named('none', passingScratch, (r) => {
      r.baseline = { source: 'none', ref: null, commit: null, size: null, layers: [], error: null }
      r.delta = null
    })
    const broken = named('broken', passingScratch, (r) => {
      r.baseline = { source: 'build', ref: 'main', commit: null, size: null, layers: [], error: 'no baseline: the build of main (abc1234) failed: exit 3' }
      r.delta = null
    })
    const unbudgeted = named('free', passingScratch, (r) => {
      r.budget = { ...r.budget, limit: null, status: 'none' }
    })
    const rows = tableRows(renderCombined(nameReports([registry, none, broken, unbudgeted])))
    expect(rows).toEqual([
      '| ✅ | `broken` | 1.82 MB | 1.01 MB | no baseline | 20 MB |',
      '| ✅ | `free` | 1.82 MB | 1.01 MB | 👏 -300 kB (-14%) | – |',
      '| ✅ | `none` | 1.82 MB | 1.01 MB | – | 20 MB |',
      '| ✅ | `reg` | 1.82 MB | 1.01 MB | +10 kB (+1.0%) compressed | 20 MB |'
    ])
  })

  test('images are named by comment-key, else by Dockerfile, target and platform; a repeated name is numbered', () => {
    const plain = passingScratch()
    plain.image = { ...plain.image, dockerfile: 'services/cron/Dockerfile', target: 'final', platform: 'linux/arm64' }
    const images = nameReports([named('api', passingScratch), plain, structuredClone(plain), named('api', passingScratch)])
    expect(images.map((i) => i.name)).toEqual(['api', 'services/cron/Dockerfile · final · linux/arm64', 'services/cron/Dockerfile · final · linux/arm64 (2)', 'api (2)'])
    expect(tableRows(renderCombined(images)).map((r) => r.split(' | ')[1])).toEqual([
      '`api`',
      '`api (2)`',
      '`services/cron/Dockerfile · final · linux/arm64`',
      '`services/cron/Dockerfile · final · linux/arm64 (2)`'
    ])
  })

  test('a verdict that changed since the last comment says what it was', () => {
    const before = renderCombined(nameReports(threeServices()))
    const fixed = threeServices().map((r) => (r.name === 'api' ? named('api', passingScratch) : r))
    const rows = tableRows(renderCombined(nameReports(fixed), { previous: readEmbeddedState(before) }))
    expect(rows[0]).toBe('| ⚠️ | `cron` | 1.82 MB | 1.01 MB | unchanged | 20 MB |')
    expect(rows).toContain('| ✅ (was ❌) | `api` | 1.82 MB | 1.01 MB | 👏 -300 kB (-14%) | 20 MB |')
  })
})

describe('details', () => {
  test('each image has its own collapsed section with its sections, in the order of the table', () => {
    const body = renderCombined(nameReports(threeServices()), { repoUrl: REPO })
    expect(detailNames(body)).toEqual(['api', 'cron', 'worker'])
    expect(body).toContain('<details><summary>❌ <b>api</b>: 816 MB of 20 MB budget, +1.1 MB (+0.1%)</summary>')
    const api = body.slice(body.indexOf('<b>api</b>'), body.indexOf('<b>cron</b>'))
    expect(api).toContain('#### What to change')
    expect(api).toContain('💡 <b>Suggested Dockerfile</b>')
    expect(api).toContain('#### Layers that changed')
    expect(api).toContain('#### Trend')
    expect(api).toContain(`(${REPO}/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/examples/helloworld/Dockerfile.golang#L1)`)
    // Every details element is closed: the sections nest inside the image's.
    expect(body.match(/<details>/g)?.length).toBe(body.match(/<\/details>/g)?.length)
    const rendered = html(body)
    expect(rendered.match(/<details>/g)?.length).toBe(rendered.match(/<\/details>/g)?.length)
  })
})

describe('hidden state: a trend per image', () => {
  test("marker by the comment's key; each image's verdict, size and trend by its name", () => {
    const reports = threeServices()
    const body = renderCombined(nameReports(reports), { commentKey: 'services', order: 77 })
    expect(body).toContain(commentMarker('services'))
    expect(body).toMatch(/<!-- go-image-budget-data:z:[A-Za-z0-9+/=]+ -->/)
    const state = readEmbeddedState(body)
    expect(state).toMatchObject({ key: 'services', order: 77, status: 'fail', commit: reports[0].image.commit })
    expect(state?.images).toEqual([
      { name: 'api', status: 'fail', metric: 'uncompressed', size: reports[1].size.uncompressed, history: reports[1].history },
      { name: 'cron', status: 'warn', metric: 'uncompressed', size: reports[2].size.uncompressed, history: reports[2].history },
      { name: 'worker', status: 'pass', metric: 'uncompressed', size: reports[0].size.uncompressed, history: reports[0].history }
    ])
  })

  test('the job summary variant carries neither', () => {
    const body = renderCombined(nameReports(threeServices()), { embed: false })
    expect(body).not.toContain('<!--')
    expect(readEmbeddedState(body)).toBeNull()
  })

  test('a deflated block that inflates past its limit, or is garbage, reads as no state', () => {
    const block = (json: string) => `<!-- go-image-budget-data:z:${deflateRawSync(Buffer.from(json)).toString('base64')} -->`
    const state = '{"v":1,"key":"","commit":null,"order":null,"status":"pass","metric":"uncompressed","size":0,"history":[],"images":[],"pad":"PAD"}'
    expect(readEmbeddedState(block(state.replace('PAD', 'x')))?.images).toEqual([])
    // 5 MiB of padding deflates to a few kilobytes: a pasted block must not make the run inflate it.
    const bomb = block(state.replace('PAD', ' '.repeat(5 * 1024 * 1024)))
    expect(bomb.length).toBeLessThan(20_000)
    expect(readEmbeddedState(bomb)).toBeNull()
    expect(readEmbeddedState('<!-- go-image-budget-data:z:AAAA -->')).toBeNull()
  })
})

describe('size limit', () => {
  /** Fifty realistic images with twenty pushes of trend each. */
  const fifty = () =>
    Array.from({ length: 50 }, (_, i) =>
      named(`service-${String(i).padStart(2, '0')}`, i % 2 ? overBudgetSingleStage : passingScratch, (r) => {
        r.size.uncompressed += i
        for (let push = 1; push <= 20; push++)
          r.history.push({ commit: push.toString(16).padStart(40, 'e'), at: '2026-11-28T00:00:00.000Z', uncompressed: r.size.uncompressed + push, compressed: r.size.compressed })
      })
    )

  test('50 images fit, every row is there with its size, and the trends ride along', () => {
    const reports = fifty()
    const body = renderCombined(nameReports(reports), { repoUrl: REPO })
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
    expect(body.split('\n')[0]).toBe('### ❌ 50 images: 25 failed, 25 passed')
    const rows = tableRows(body)
    expect(rows).toHaveLength(50)
    for (const r of reports) expect(rows.some((row) => row.includes(`| \`${r.name}\` |`))).toBe(true)
    const state = readEmbeddedState(body)
    expect(state?.images).toHaveLength(50)
    expect(state?.images?.every((i) => i.history.length >= 2)).toBe(true)
  })

  test('too much detail: sections are dropped largest first, the comment says which, the table stays', () => {
    // Every third image is enormous: those must go first.
    const reports = fifty().map((r, i) => (i % 3 === 0 ? named(r.name as string, () => huge(60)) : r))
    const body = renderCombined(nameReports(reports))
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
    expect(tableRows(body)).toHaveLength(50)
    const shown = new Set(detailNames(body))
    const dropped = reports.filter((r) => !shown.has(r.name as string)).map((r) => r.name as string)
    expect(dropped.length).toBeGreaterThan(0)
    // Nothing small was dropped while something enormous stayed.
    const enormous = reports.filter((_, i) => i % 3 === 0).map((r) => r.name as string)
    expect(dropped.every((n) => enormous.includes(n)) || enormous.every((n) => dropped.includes(n))).toBe(true)
    const note = body.split('\n').find((l) => l.includes('were left out'))
    expect(note).toContain(`Details of ${dropped.length} images (`)
    expect(note).toContain(`\`${[...dropped].sort()[0]}\``)
  })

  test('a tight limit keeps the table and the state; the larger sections go, the smallest stays', () => {
    const body = renderCombined(nameReports(threeServices()), { maxLength: 3000 })
    expect(body.length).toBeLessThanOrEqual(3000)
    expect(tableRows(body)).toHaveLength(3)
    expect(detailNames(body)).toEqual(['worker'])
    expect(body).toContain('Details of 2 images (`api`, `cron`) were left out')
    expect(readEmbeddedState(body)?.images).toHaveLength(3)
    const tighter = renderCombined(nameReports(threeServices()), { maxLength: 1500 })
    expect(tighter.length).toBeLessThanOrEqual(1500)
    expect(tableRows(tighter)).toHaveLength(3)
    expect(detailNames(tighter)).toEqual([])
  })
})

describe('untrusted text', () => {
  test('names and reasons from a stored report cannot break the table, inject HTML or mention anyone', () => {
    const bad = named(HOSTILE[0], overBudgetSingleStage, (r) => {
      r.budget.reason = HOSTILE[1]
    })
    const body = renderCombined(nameReports([bad, named(HOSTILE[2], passingScratch)]))
    for (const row of tableRows(body)) expect(row.split(/(?<!\\)\|/).length).toBe(8)
    const rendered = html(body)
    expect(rendered).not.toMatch(/<img/i)
    expect(rendered.match(/<!--/g)).toHaveLength(2)
    expect(body).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/)
    const text = rendered.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<pre>[\s\S]*?<\/pre>/g, '')
    expect(text).not.toMatch(/@[A-Za-z0-9]/)
    expect(text).not.toMatch(/#\d/)
    expect(rendered.match(/<details>/g)?.length).toBe(rendered.match(/<\/details>/g)?.length)
  })
})
