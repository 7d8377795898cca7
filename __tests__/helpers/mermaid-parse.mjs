// Parses mermaid diagrams with mermaid's own parser, in a plain Node process
// (jest's global sandbox and jsdom's window do not mix). Reads one JSON array
// of diagram texts per line on stdin, and answers each with one line: a JSON
// array of { ok, type } or { ok, error }. Mermaid loads once for all of them.
import { createInterface } from 'node:readline'
import { JSDOM } from 'jsdom'

const dom = new JSDOM('<!doctype html><html><body></body></html>')
globalThis.window = dom.window
globalThis.document = dom.window.document
const { default: mermaid } = await import('mermaid')

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue
  const results = []
  for (const text of JSON.parse(line)) {
    try {
      const parsed = await mermaid.parse(text)
      results.push({ ok: true, type: parsed.diagramType })
    } catch (error) {
      results.push({ ok: false, error: String(error?.message ?? error).split('\n')[0] })
    }
  }
  process.stdout.write(JSON.stringify(results) + '\n')
}
