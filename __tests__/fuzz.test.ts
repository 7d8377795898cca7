// Property and fuzz tests (fast-check), 10,000 cases per parser: the history
// parsers, the `docker save` stream reader, the Dockerfile model (and the
// rules and suggestion built on it), and the markdown escaper, whose output,
// rendered by the same GFM renderer the comment tests use (marked), gives back
// the original text and never a mention, a link, an HTML tag or the end of an
// HTML comment. The size parser's properties are in size.test.ts.
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { marked } from 'marked'
import { advise } from '../src/advisor/advise.js'
import { parseDockerfile, substitute } from '../src/advisor/model.js'
import { suggestDockerfile } from '../src/advisor/suggest.js'
import { cleanInstruction, dockerfileChain, matchHistory, pairHistory } from '../src/image/history.js'
import { scanSaveStream } from '../src/image/save.js'
import { TarError } from '../src/image/tar.js'
import { computeWasted, fileRecord } from '../src/image/wasted.js'
import { codeBlock, escapeText, htmlText, inlineCode, sanitize } from '../src/render/escape.js'
import { chunks, makeTar } from './helpers/tar-writer.js'

const RUNS = 10_000
const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

// Text that is dense in what breaks parsers and renderers.
const TOKENS = [
  'RUN ',
  'COPY ',
  'FROM ',
  'AS ',
  'ARG ',
  'ENV ',
  '/bin/sh -c ',
  '#(nop) ',
  ' # buildkit',
  '|2 ',
  'A=1 ',
  '--from=build ',
  '--mount=type=secret,id=x ',
  '$',
  '${',
  '}',
  ':-',
  '\\',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '"',
  "'",
  '`',
  '```',
  '|',
  '*',
  '_',
  '~',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '&',
  '#',
  '@',
  '!',
  ':',
  '.',
  '-',
  '+',
  '=',
  '<!--',
  '-->',
  '<script>',
  '</p>',
  '<a href="x">',
  '&amp;',
  '&#64;',
  '@octocat',
  '@org/team',
  '#123',
  'GH-1',
  'http://evil.example/',
  'www.example.com',
  'a@b.co',
  '\u200d',
  '\u202e',
  '\u2066',
  '\u0000',
  '\u007f',
  '\u0085',
  'é',
  '🐳',
  'CGO_ENABLED=0 ',
  'go build -o /app/main . ',
  '-ldflags "-s -w" ',
  'scratch',
  'golang:1.22',
  'alpine',
  'WORKDIR /app\n',
  'USER nobody\n',
  'ENTRYPOINT ["/app/main"]\n',
  'CMD /app/main\n',
  '<<EOF\n',
  'EOF\n',
  '# syntax=docker/dockerfile:1\n'
]
const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })), { maxLength: 24 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) }
)

describe('history parsers', () => {
  test('cleanInstruction never throws, returns one trimmed string, and is stable on its own output', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const clean = cleanInstruction(text)
        expect(typeof clean).toBe('string')
        // Cleaning never adds text from nowhere: what it returns is (a rewrite of) part of the input.
        expect(clean.length).toBeLessThanOrEqual(text.length + 4)
      }),
      { numRuns: RUNS }
    )
  })

  test('BuildKit rows clean to the instruction as written', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9 ./=-]{0,40}[a-z0-9]$/), (command) => {
        expect(cleanInstruction(`RUN /bin/sh -c ${command} # buildkit`)).toBe(`RUN ${command}`)
        expect(cleanInstruction(`/bin/sh -c #(nop)  ENV X=${command}`)).toBe(`ENV X=${command}`)
        expect(cleanInstruction(`RUN |2 A=1 B=2 /bin/sh -c ${command} # buildkit`)).toBe(`RUN ${command}`)
      }),
      { numRuns: RUNS }
    )
  })

  test('pairHistory pairs every layer, in order, with a non-empty row (or none)', () => {
    const row = fc.record({ created_by: fc.option(hostileText, { nil: undefined }), empty_layer: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: [] })
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[0-9a-f]{1,8}$/), { maxLength: 30 }), fc.array(row, { maxLength: 40 }), (ids, rows) => {
        const paired = pairHistory(ids, rows)
        expect(paired.map((p) => p.diffId)).toEqual(ids)
        const used = paired.filter((p) => p.historyIndex >= 0).map((p) => p.historyIndex)
        for (let i = 1; i < used.length; i++) expect(used[i]).toBeGreaterThan(used[i - 1])
        for (const i of used) expect(rows[i].empty_layer).toBeFalsy()
        // Layers without a row are only ever at the end.
        const firstMissing = paired.findIndex((p) => p.historyIndex < 0)
        if (firstMissing >= 0) expect(paired.slice(firstMissing).every((p) => p.historyIndex < 0)).toBe(true)
      }),
      { numRuns: RUNS }
    )
  })

  test('dockerfileChain and matchHistory never throw on any Dockerfile and any history; matches keep Dockerfile order', () => {
    fc.assert(
      fc.property(hostileText, fc.array(hostileText, { maxLength: 12 }), fc.option(fc.string({ maxLength: 6 }), { nil: null }), (dockerfile, createdBy, target) => {
        const chain = dockerfileChain(dockerfile, target, { A: 'x' })
        const matches = matchHistory(
          createdBy.map((c) => ({ created_by: c })),
          chain.instructions
        )
        expect(matches).toHaveLength(createdBy.length)
        const lines = matches.filter((m) => m !== null).map((m) => chain.instructions.indexOf(m))
        for (const i of lines) expect(i).toBeGreaterThanOrEqual(0)
        for (let i = 1; i < lines.length; i++) expect(lines[i]).toBeGreaterThan(lines[i - 1])
      }),
      { numRuns: RUNS }
    )
  })
})

describe('save-stream reader', () => {
  const layerA = makeTar([
    { path: 'app/', type: 'dir' },
    { path: 'app/main', data: Buffer.alloc(1500, 1), mode: 0o755 },
    { path: 'etc/.wh.old', data: '' }
  ])
  const layerB = makeTar([
    { path: 'app/main', data: 'x' },
    { path: 'app/.wh..wh..opq', data: '' },
    { path: 'l', type: 'symlink', linkname: '/app/main' }
  ])
  const config = Buffer.from(
    JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: [sha(layerA), sha(layerB)] }, history: [{ created_by: 'COPY a /' }, { created_by: 'RUN b' }] })
  )
  const archive = makeTar([
    { path: 'a/layer.tar', data: layerA },
    { path: 'b/layer.tar', data: layerB },
    { path: 'c.json', data: config },
    { path: 'manifest.json', data: JSON.stringify([{ Config: 'c.json', Layers: ['a/layer.tar', 'b/layer.tar'] }]) }
  ])

  /** Reads; returns 'ok' or the error class. Anything but TarError is a crash. */
  const read = async (bytes: Buffer, chunk: number): Promise<string> => {
    try {
      const saved = await scanSaveStream(chunks(bytes, chunk), { shouldCompress: () => false })
      // What it returns is always well-formed.
      for (const p of saved.layerPaths) {
        const scan = saved.layers.get(p)
        if (scan) computeWasted([scan.files])
      }
      return 'ok'
    } catch (error) {
      return error instanceof TarError ? 'TarError' : `${(error as Error).name}: ${(error as Error).message}`
    }
  }

  test('the intact archive reads, in any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5000 }), async (chunk) => expect(await read(archive, chunk)).toBe('ok')),
      { numRuns: 200 }
    )
  })

  test('a manifest.json that parses but has the wrong shape is a TarError (found by fuzzing: a flipped key)', async () => {
    const at = archive.indexOf('"Layers"')
    expect(at).toBeGreaterThan(0)
    const bytes = Buffer.from(archive)
    bytes[at + 4] = 32 // "Layers" → "Lay rs": still JSON, no Layers
    expect(await read(bytes, 1)).toBe('TarError')
  })

  test('damaged archives (flipped bytes, cuts, splices) throw TarError or read; never another error', async () => {
    const damage = fc.record({
      flips: fc.array(fc.tuple(fc.nat({ max: archive.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
      cut: fc.option(fc.nat({ max: archive.length }), { nil: null }),
      splice: fc.option(fc.tuple(fc.nat({ max: archive.length }), fc.uint8Array({ maxLength: 1100 })), { nil: null }),
      chunk: fc.integer({ min: 1, max: 4096 })
    })
    await fc.assert(
      fc.asyncProperty(damage, async ({ flips, cut, splice, chunk }) => {
        let bytes = Buffer.from(archive)
        for (const [at, value] of flips) bytes[at] = value
        if (splice) bytes = Buffer.concat([bytes.subarray(0, splice[0]), Buffer.from(splice[1]), bytes.subarray(splice[0])])
        if (cut !== null) bytes = bytes.subarray(0, cut)
        expect(['ok', 'TarError']).toContain(await read(bytes, chunk))
      }),
      { numRuns: RUNS }
    )
  })

  test('random bytes throw TarError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 3000 }), async (bytes) => expect(await read(Buffer.from(bytes), 512)).toBe('TarError')),
      { numRuns: 2000 }
    )
  })

  test('fileRecord and computeWasted take any path list', () => {
    const entry = fc.tuple(hostileText, fc.constantFrom('file', 'link', 'symlink', 'directory', 'other') as fc.Arbitrary<'file'>, fc.nat({ max: 1e6 }))
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 8 }), { maxLength: 5 }), (layers) => {
        const records = layers.map((l) => l.map(([p, type, size]) => fileRecord(p, type, size)).filter((r) => r !== null))
        const wasted = computeWasted(records)
        const written = records.flat().reduce((sum, r) => sum + (r.kind === 'file' ? r.size : 0), 0)
        expect(wasted.bytes).toBeGreaterThanOrEqual(0)
        expect(wasted.bytes).toBeLessThanOrEqual(written)
      }),
      { numRuns: RUNS }
    )
  })
})

describe('Dockerfile model', () => {
  const line = fc.oneof(
    fc.constantFrom(
      'FROM golang:1.22 AS build',
      'FROM scratch',
      'FROM alpine:3.20',
      'FROM ${BASE}',
      'FROM --platform=$BUILDPLATFORM golang AS b',
      'FROM build',
      'ARG BASE=golang',
      'ARG CGO_ENABLED=1',
      'ENV CGO_ENABLED=0',
      'WORKDIR /src',
      'COPY . .',
      'COPY --from=build /app/main /app/main',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'RUN CGO_ENABLED=0 go build -ldflags="-s -w" -trimpath -o /app/main ./cmd/app',
      'RUN go build -o main .',
      'RUN apk add --no-cache ca-certificates tzdata',
      'RUN apt-get update && apt-get install -y git',
      'RUN <<EOF\ngo build -o /x .\nEOF',
      'USER 65532:65532',
      'USER root',
      'ENTRYPOINT ["/app/main"]',
      'CMD ["./main"]',
      'EXPOSE 8080',
      'LABEL a=b',
      'HEALTHCHECK NONE',
      '# comment',
      'RUN \\\n  go build \\\n  -o /a .'
    ),
    hostileText
  )
  test('parseDockerfile, the rules and the suggestion never throw, whatever the Dockerfile', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 14 }),
        fc.array(fc.constantFrom('BASE=golang', 'CGO_ENABLED=0', 'X', '=y', 'A=${B}'), { maxLength: 2 }),
        fc.option(fc.constantFrom('build', 'b', '0', 'nope'), { nil: null }),
        (lines, buildArgs, target) => {
          const model = parseDockerfile(lines.join('\n'), { file: 'Dockerfile', buildArgs, target })
          expect(model.stages.length === 0 || model.stages.includes(model.final)).toBe(true)
          const { findings } = advise({ model, measured: null, files: null })
          for (const f of findings) {
            expect(typeof f.message).toBe('string')
            expect(f.line === null || (Number.isInteger(f.line) && f.line >= 1)).toBe(true)
          }
          const suggestion = suggestDockerfile({ model, measured: null, files: null })
          if (suggestion) expect(typeof suggestion.dockerfile).toBe('string')
        }
      ),
      { numRuns: RUNS }
    )
  })

  test('substitute never loops or throws, and leaves text without `$` alone', () => {
    fc.assert(
      fc.property(hostileText, fc.dictionary(fc.constantFrom('A', 'B', 'BASE', 'X'), fc.option(hostileText, { nil: null })), (text, vars) => {
        const out = substitute(text, vars)
        expect(typeof out).toBe('string')
        if (!text.includes('$')) expect(out).toBe(text)
      }),
      { numRuns: RUNS }
    )
  })
})

describe('markdown escaper, through the GFM renderer', () => {
  const render = (md: string) => marked.parse(md, { gfm: true, async: false })
  const decode = (html: string) =>
    html
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  const ZWJ = /\u200d/g
  /** What a reader sees of the text: sanitized (controls and bidi overrides out, line breaks as spaces). */
  const visible = (text: string) => sanitize(text).replace(ZWJ, '')
  const noMentionOrReference = (text: string) => {
    expect(text).not.toMatch(/(^|[^\w\u200d])@[A-Za-z0-9]/)
    expect(text).not.toMatch(/#\d/)
  }

  test('escapeText: the paragraph renders back to the text, with no tag, link, mention or comment end', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const html = render(`before ${escapeText(text, 10_000)} after`)
        const inner = /^<p>([\s\S]*)<\/p>\n$/.exec(html)
        expect(inner).not.toBeNull()
        // No tag at all inside the paragraph: no link, no HTML the text smuggled in.
        expect(inner![1]).not.toMatch(/<|>/)
        const shown = decode(inner![1])
        expect(shown.replace(ZWJ, '')).toBe(`before ${visible(text)} after`.replace(/ +$/, ''))
        noMentionOrReference(shown)
        expect(escapeText(text, 10_000)).not.toContain('-->')
      }),
      { numRuns: RUNS }
    )
  })

  test('inlineCode in a table cell renders back to the text in one <code>, and the table keeps its columns', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const html = render(`| a | b |\n|:--|:--|\n| ${inlineCode(text, 10_000)} | end |\n`)
        const cells = [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1])
        expect(cells).toHaveLength(2)
        expect(cells[1]).toBe('end')
        const code = /^<code>([\s\S]*)<\/code>$/.exec(cells[0])
        expect(code).not.toBeNull()
        // Zero-width characters the escaper adds (between a backslash and a pipe) are not seen.
        const shown = decode(code![1]).replace(/[\u200b\u200d]/g, '')
        const raw = sanitize(text)
        expect(shown).toBe((raw.trim() === '' ? ' ' : raw).replace(/[\u200b\u200d]/g, ''))
        expect(code![1]).not.toMatch(/<|>/)
      }),
      { numRuns: RUNS }
    )
  })

  test('codeBlock renders back to the text in one <pre><code>, whatever fences the text holds', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const html = render(`${codeBlock(text)}\n\nafter\n`)
        const block = /^<pre><code>([\s\S]*?)<\/code><\/pre>\n<p>after<\/p>\n$/.exec(html)
        expect(block).not.toBeNull()
        const body = text
          // eslint-disable-next-line no-control-regex -- the characters codeBlock drops
          .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
          .replace(/\r\n?/g, '\n')
          .replace(/\n+$/, '')
        expect(decode(block![1])).toBe(`${body}\n`)
      }),
      { numRuns: RUNS }
    )
  })

  test('htmlText in a <summary> stays text: no tag, no mention, no comment end', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const escaped = htmlText(text, 10_000)
        const html = render(`<details><summary>${escaped}</summary>\n\nx\n\n</details>\n`)
        const summary = /<summary>([\s\S]*?)<\/summary>/.exec(html)
        expect(summary).not.toBeNull()
        expect(summary![1]).not.toMatch(/<|>/)
        expect(decode(summary![1]).replace(ZWJ, '')).toBe(visible(text))
        noMentionOrReference(decode(summary![1]))
        expect(escaped).not.toContain('-->')
      }),
      { numRuns: RUNS }
    )
  })
})
