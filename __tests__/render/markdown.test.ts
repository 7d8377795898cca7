import { marked } from 'marked'
import { belowFloor, diffLayers } from '../../src/compare/compare.js'
import { GITHUB_COMMENT_LIMIT, deltaIcon, deltaText, renderMarkdown } from '../../src/render/markdown.js'
import { upgradeReport } from '../../src/stored/upgrade.js'
import { commentMarker, readEmbeddedHistory, readEmbeddedState } from '../../src/report/embed.js'
import { codeBlock, encodePath, escapeText, escapeTextWithCode, inlineCode } from '../../src/render/escape.js'
import { trendChart } from '../../src/render/chart.js'
import { HOSTILE, bare, hostile, huge, multiPlatform, overBudgetSingleStage, passingScratch } from '../fixtures/reports.js'

const REPO = 'https://github.com/acme/hello'
const html = (md: string) => marked.parse(md, { gfm: true, async: false })
const withoutCode = (text: string) => text.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<pre>[\s\S]*?<\/pre>/g, '')

describe('renderMarkdown snapshots', () => {
  test.each([
    ['over budget, single stage, with baseline and trend', overBudgetSingleStage],
    ['passing scratch image', passingScratch],
    ['no budget, no baseline', bare],
    ['multi-platform with one platform failing', multiPlatform]
  ])('%s', (_name, build) => {
    expect(renderMarkdown(build(), { repoUrl: REPO })).toMatchSnapshot()
  })
})

describe('headline', () => {
  test('states the one number that matters', () => {
    const body = renderMarkdown(overBudgetSingleStage(), { repoUrl: REPO })
    const first = body.split('\n')[0]
    expect(first).toBe('### ❌ **816 MB** of 20 MB budget, +1.1 MB (+0.1%) vs `main`')
    expect(body).toContain('Over budget by **796 MB** (uncompressed).')
  })

  test('passing scratch: check mark, budget headroom and a shrink icon', () => {
    const body = renderMarkdown(passingScratch())
    expect(body.split('\n')[0]).toBe('### ✅ **1.82 MB** of 20 MB budget, -300 kB (-14%) vs `main`')
    expect(body).toContain('| **change** | 👏 -300 kB (-14%) | 👏 -140 kB (-12%) |')
  })

  test('multi-platform: the worst platform leads, every platform gets a row', () => {
    const body = renderMarkdown(multiPlatform())
    expect(body.split('\n')[0]).toBe('### ❌ **1.95 MB** of 1.9 MB budget, +150 kB (+8.3%) vs `main` (`linux/arm64`)')
    expect(body).toContain('| ✅ `linux/amd64` | 1.82 MB |')
    expect(body).toContain('| ❌ `linux/arm64` | 1.95 MB | 🔍 +150 kB (+8.3%) |')
  })

  test('a registry baseline has no uncompressed size: the change is told in compressed bytes', () => {
    const report = passingScratch()
    report.baseline = { ...report.baseline, source: 'image', ref: 'registry.example/app:main', size: { uncompressed: null, compressed: 1_150_000 }, layers: [] }
    report.delta = { uncompressed: null, compressed: -140_000, percent: -12.17, metric: 'compressed', unchanged: false, noise: { uncompressed: false, compressed: false } }
    const body = renderMarkdown(report)
    expect(body.split('\n')[0]).toBe('### ✅ **1.82 MB** of 20 MB budget, -140 kB (-12%) compressed vs `registry.example/app:main`')
    expect(body).toContain('| `registry.example/app:main` (`f0e1d2c`) | – | 1.15 MB |')
    expect(body).toContain('| **change** | – | 👏 -140 kB (-12%) |')
  })

  test('comment-key names the image', () => {
    expect(renderMarkdown(passingScratch(), { commentKey: 'api' }).split('\n')[0]).toMatch(/^### ✅ api: /)
  })

  test('a verdict that recovered says so', () => {
    const body = renderMarkdown(passingScratch(), { previous: { status: 'fail', size: 25_000_000, commit: '1234567890abcdef' } })
    expect(body).toContain('🎉 **Back under budget**: was 25 MB at `1234567`.')
  })

  test('the budget stage reason is shown when present', () => {
    const report = overBudgetSingleStage()
    report.budget.reason = 'image is 816 MB, over the 20 MB budget (uncompressed)'
    expect(renderMarkdown(report)).toContain('image is 816 MB, over the 20 MB budget \\(uncompressed\\)')
  })
})

describe('deltas and noise', () => {
  test.each([
    [60, 1, '🆘'],
    [25, 1, '🚨'],
    [12, 1, '⚠️'],
    [6, 1, '🔍'],
    [2, 1, ''],
    [-60, -1, '🏆'],
    [-25, -1, '🎉'],
    [-12, -1, '👏'],
    [-6, -1, '✅'],
    [-2, -1, '']
  ])('%d%% gets "%s"', (percent, delta, icon) => {
    expect(deltaIcon(percent, delta)).toBe(icon)
  })

  test('changes below min-delta are noise (decided by the comparison) and read as unchanged', () => {
    expect(belowFloor(500, 5_000_000, { bytes: 1000 })).toBe(true)
    expect(belowFloor(1500, 7_500_000, { bytes: 1000 })).toBe(false)
    expect(belowFloor(5000, 1_250_000, { percent: 0.5 })).toBe(true)
    expect(deltaText(500, 1_000_000, true)).toBe('unchanged (+500 B)')
    expect(deltaText(0, 1_000_000, false)).toBe('unchanged')
    expect(deltaText(110_000, 1_000_000, false)).toBe('⚠️ +110 kB (+11%)')
  })

  test('a version 1 report: the noise floor its budget stage recorded decides on upgrade', () => {
    const v1 = { ...passingScratch(), schemaVersion: 1, delta: { uncompressed: -300_000, compressed: -140_000, percent: -14.16 } }
    v1.budget = { ...v1.budget, minDelta: 1_000_000 }
    expect(renderMarkdown(upgradeReport(v1)).split('\n')[0]).toContain('unchanged (-300 kB) vs `main`')
  })
})

describe('layers, findings, suggestion, trend', () => {
  test('changed layers come first, then the largest, linked to the Dockerfile line at the head commit', () => {
    const body = renderMarkdown(overBudgetSingleStage(), { repoUrl: REPO })
    const changed = body.indexOf('#### Layers that changed')
    const largest = body.indexOf('<b>Largest layers</b>')
    expect(changed).toBeGreaterThan(0)
    expect(largest).toBeGreaterThan(changed)
    expect(body).toContain(
      '| 📈 grown | `RUN /bin/sh -c go build -o main . # buildkit` · [Dockerfile\\.golang:4](https://github.com/acme/hello/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/examples/helloworld/Dockerfile.golang#L4) | 21.6 MB | +1.1 MB |'
    )
    expect(body).toContain('`COPY /usr/local/go/ /usr/local/go/ # buildkit` · base image | 487 MB')
  })

  test('a removed layer is not linked to the head commit (its line is in the base Dockerfile)', () => {
    const report = overBudgetSingleStage()
    report.baseline.layers.push({ ...report.layers[6], index: 8, diffId: 'sha256:gone', instruction: 'RUN rm -rf /tmp/cache', dockerfileLine: 6 })
    report.layerDiff = diffLayers(report.layers, report.baseline.layers, 'uncompressed')
    const body = renderMarkdown(report, { repoUrl: REPO })
    expect(body).toContain('| ➖ removed | `RUN rm -rf /tmp/cache` | – | -21.4 kB |')
  })

  test("the layers that changed come from the comparison's diff: paired by diff id, then by instruction", () => {
    const report = overBudgetSingleStage()
    const changed = (diff: ReturnType<typeof diffLayers>) => diff.entries.filter((e) => e.change !== 'unchanged')
    expect(changed(diffLayers(report.layers, report.baseline.layers, 'uncompressed'))).toEqual([
      expect.objectContaining({ change: 'grown', delta: expect.objectContaining({ uncompressed: 1_100_000 }) })
    ])
    expect(changed(diffLayers(report.layers.slice(0, 7), report.layers, 'uncompressed')).map((c) => c.change)).toEqual(['removed'])
    expect(report.layerDiff && changed(report.layerDiff).map((c) => c.change)).toEqual(['grown'])
  })

  test('uses the comparison stage layerDiff when present', () => {
    const report = passingScratch()
    report.layerDiff = {
      metric: 'uncompressed',
      entries: [
        {
          change: 'added',
          pairedBy: null,
          head: { index: 0, diffId: 'x', instruction: 'COPY /build/main /app/ # buildkit', stage: 'final', fromBaseImage: false, uncompressed: 1_819_260, compressed: 1_000_000 },
          base: null,
          delta: { uncompressed: 1_819_260, compressed: 1_000_000 },
          noise: false
        }
      ],
      totals: { added: { count: 1, bytes: 1_819_260 }, removed: { count: 0, bytes: 0 }, grown: { count: 0, bytes: 0 }, shrunk: { count: 0, bytes: 0 }, unchanged: { count: 0, bytes: 0 } }
    }
    expect(renderMarkdown(report)).toContain('| 🆕 added | `COPY /build/main /app/ # buildkit` · Dockerfile:9 | 1.82 MB | +1.82 MB |')
  })

  test('findings are sorted by savings and the suggestion is collapsed with its verified size', () => {
    const body = renderMarkdown(overBudgetSingleStage(), { repoUrl: REPO })
    expect(body.indexOf('`multi-stage`')).toBeLessThan(body.indexOf('`strip-symbols`'))
    expect(body.indexOf('`strip-symbols`')).toBeLessThan(body.indexOf('`cgo-disabled`'))
    expect(body).toContain('| −794 MB |')
    expect(body).toContain('<details><summary>💡 <b>Suggested Dockerfile</b>: built and measured: <b>1.5 MB</b>, 814 MB smaller (-99.8%)</summary>')
    expect(body).toMatch(/```dockerfile\nFROM golang:1\.22 AS build\n[\s\S]*ENTRYPOINT \["\/main"\]\n```/)
  })

  test('wasted bytes and Go binary facts appear when relevant', () => {
    const over = renderMarkdown(overBudgetSingleStage())
    expect(over).toContain('<b>1.25 MB wasted</b>')
    expect(over).toContain('- Go binary `/app/main`: 2.1 MB · `go1.22.5` · **dynamically linked** · **not stripped** · cgo on')
    const scratch = renderMarkdown(passingScratch())
    expect(scratch).not.toContain('wasted')
  })

  test('a golang base image: the program first, the toolchain binaries in one line', () => {
    const report = overBudgetSingleStage()
    const tool = (p: string, bytes: number) => ({ path: p, bytes, goVersion: 'go1.19.8', static: true, stripped: true, cgo: true, module: 'cmd/x' })
    report.goBinaries = [tool('/usr/lib/go-1.19/bin/go', 10_700_000), tool('/usr/local/go/pkg/tool/linux_amd64/vet', 5_000_000), { ...tool('/helloworld', 1_820_000), stripped: false }]
    const body = renderMarkdown(report)
    expect(body).toContain(
      '- Go binary `/helloworld`: 1.82 MB · `go1.19.8` · static · **not stripped** · cgo on\n' + "- plus the Go toolchain's own 2 binaries (15.7 MB), which a final stage does not need\n"
    )
  })

  test('dockerfile-only: findings without sizes', () => {
    const report = overBudgetSingleStage()
    report.mode = 'dockerfile-only'
    report.status = 'warn'
    report.skippedRules = [
      { rule: 'strip-symbols', reason: 'needs the built binary' },
      { rule: 'wasted-layers', reason: 'needs the layers' }
    ]
    report.suggestion = { ...report.suggestion!, verified: false, size: null, base: 'scratch', verifyReason: 'dockerfile-only' }
    const body = renderMarkdown(report)
    expect(body.split('\n')[0]).toBe('### ⚠️ Dockerfile check: 3 findings (no image built)')
    expect(body).not.toMatch(/uncompressed|Largest layers|Trend/)
    expect(body).toContain('<b>Suggested Dockerfile</b>: on <code>scratch</code>, not built (dockerfile-only)</summary>')
    expect(body).toContain('<sub>Not checked without a build: `strip-symbols`, `wasted-layers`.</sub>')
  })

  test('a stored-report baseline given as a path is named by its file', () => {
    const report = passingScratch()
    report.baseline.ref = '/home/runner/work/_temp/main-report.json'
    expect(renderMarkdown(report).split('\n')[0]).toContain('vs `main-report.json`')
  })

  test('trend: a table naming each push by short commit, the base by its branch', () => {
    const body = renderMarkdown(overBudgetSingleStage())
    expect(body).toContain('| `main` (`f0e1d2c`) | 815 MB |')
    expect(body).toContain('| `1111111` | 815 MB |')
    expect(body).toContain('| `a1b2c3d` | 816 MB |')
    expect(body).toMatch(/```mermaid\n---\nconfig:[\s\S]*?\nxychart-beta\n/)
  })

  test('no trend section with a single point', () => {
    const report = passingScratch()
    report.history = report.history.slice(1)
    expect(renderMarkdown(report)).not.toContain('#### Trend')
    expect(trendChart(report.history, 'uncompressed', null)).toBeNull()
  })
})

describe('hidden marker and embedded state', () => {
  test('marker per comment-key, state round-trips', () => {
    const report = overBudgetSingleStage()
    const body = renderMarkdown(report, { commentKey: 'api', order: 42 })
    expect(body).toContain('<!-- go-image-budget:api -->')
    expect(body).not.toContain(commentMarker(''))
    const state = readEmbeddedState(body)
    expect(state).toEqual({
      v: 1,
      key: 'api',
      commit: report.image.commit,
      order: 42,
      status: 'fail',
      metric: 'uncompressed',
      size: report.size.uncompressed,
      history: report.history
    })
    expect(readEmbeddedHistory(body)).toEqual(report.history)
  })

  test('a key cannot close the marker comment', () => {
    expect(commentMarker('x --> <b>')).toBe('<!-- go-image-budget:x_-___b_ -->')
  })

  test('the job summary variant carries neither', () => {
    const body = renderMarkdown(passingScratch(), { embed: false })
    expect(body).not.toContain('<!--')
    expect(readEmbeddedState(body)).toBeNull()
  })

  test('unreadable or foreign data gives no history, never an exception', () => {
    expect(readEmbeddedHistory('no marker')).toEqual([])
    expect(readEmbeddedHistory('<!-- go-image-budget-data:!!!! -->')).toEqual([])
    expect(readEmbeddedHistory(`<!-- go-image-budget-data:${Buffer.from('{"v":1,"history":[{"commit":1}]}').toString('base64')} -->`)).toEqual([])
    expect(readEmbeddedHistory(null)).toEqual([])
  })
})

describe('size limit', () => {
  test.each([50, 400, 3000])('%d layers, files, findings and pushes still fit, verdict and marker kept', (count) => {
    const body = renderMarkdown(huge(count), { repoUrl: REPO, commentKey: 'big' })
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
    expect(body.split('\n')[0]).toMatch(/^### ❌ big: \*\*/)
    expect(body).toContain('<!-- go-image-budget:big -->')
    expect(readEmbeddedState(body)?.status).toBe('fail')
  })

  test('tables are truncated with "…and N more"', () => {
    const body = renderMarkdown(huge(400), { repoUrl: REPO })
    expect(body).toMatch(/…and \d+ more layers/)
    expect(body).toMatch(/…and \d+ more findings/)
  })

  test('a tight limit drops detail, not the verdict', () => {
    const body = renderMarkdown(huge(400), { maxLength: 8000 })
    expect(body.length).toBeLessThanOrEqual(8000)
    expect(body).toContain('Details were left out')
    expect(body.split('\n')[0]).toMatch(/^### ❌ /)
  })
})

describe('untrusted text', () => {
  const body = renderMarkdown(hostile(), { repoUrl: REPO })
  const rendered = html(body)

  test('snapshot', () => {
    expect(body).toMatchSnapshot()
  })

  test('a Dockerfile path with an unbalanced parenthesis cannot end its link early', () => {
    const report = overBudgetSingleStage()
    report.image.dockerfile = 'x)[click](https://evil.example/'
    for (const finding of report.findings) finding.file = report.image.dockerfile
    const links = [...html(renderMarkdown(report, { repoUrl: REPO })).matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])
    expect(links.length).toBeGreaterThan(0)
    for (const link of links) expect(link).toMatch(/^https:\/\/github\.com\/acme\/hello\/blob\/[0-9a-f]{40}\/x%29%5Bclick%5D%28https%3A\/evil\.example#L\d+$/)
  })

  test('no HTML gets through: no img tag, no extra comments, details balanced', () => {
    expect(rendered).not.toMatch(/<img/i)
    expect(rendered.match(/<!--/g)).toHaveLength(2)
    expect((rendered.match(/<details>/g) ?? []).length).toBe((rendered.match(/<\/details>/g) ?? []).length)
    expect(rendered).not.toMatch(/<h1/)
  })

  test('no mentions or issue references outside code', () => {
    const text = withoutCode(rendered)
    expect(text).not.toMatch(/@[A-Za-z0-9]/)
    expect(text).not.toMatch(/#\d/)
  })

  test('no bidi overrides, no links but ours', () => {
    expect(body).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/)
    const links = [...rendered.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])
    for (const link of links) expect(link.startsWith(`${REPO}/blob/`)).toBe(true)
  })

  test('every table row keeps its column count', () => {
    const tables = [...rendered.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1])
    expect(tables.length).toBeGreaterThanOrEqual(4)
    for (const table of tables) {
      const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1].match(/<t[hd][ >]/g) ?? []).length)
      expect(new Set(rows).size).toBe(1)
    }
  })

  test('escape helpers', () => {
    expect(escapeText('@octocat #1 <b>|')).toBe('@\u200doctocat \\#\u200d1 &lt;b&gt;\\|')
    expect(inlineCode('a ` b | c')).toBe('``a ` b \\| c``')
    expect(inlineCode('`x`')).toBe('`` `x` ``')
    expect(codeBlock('```\ninside\n````')).toBe('`````\n```\ninside\n````\n`````')
    expect(HOSTILE.length).toBe(3)
    expect(encodePath('./a b/x)[y](https:/evil)/Dockerfile')).toBe('a%20b/x%29%5By%5D%28https%3A/evil%29/Dockerfile')
    expect(escapeTextWithCode('add `-trimpath` to `go build` @you')).toBe('add `-trimpath` to `go build` @\u200dyou')
    expect(escapeTextWithCode('one ` backtick | pipe')).toBe('one \\` backtick \\| pipe')
    expect(escapeTextWithCode('`a|b` <i>')).toBe('`a\\|b` &lt;i&gt;')
  })
})
