// Parses mermaid diagrams with mermaid's own parser, in a plain Node process
// (jest's global sandbox and jsdom's window do not mix). Reads a JSON array of
// diagram texts on stdin; writes a JSON array of { ok, type } or { ok, error }.
import { JSDOM } from 'jsdom'

const dom = new JSDOM('<!doctype html><html><body></body></html>')
globalThis.window = dom.window
globalThis.document = dom.window.document
const { default: mermaid } = await import('mermaid')

let input = ''
for await (const chunk of process.stdin) input += chunk
const results = []
for (const text of JSON.parse(input)) {
  try {
    const parsed = await mermaid.parse(text)
    results.push({ ok: true, type: parsed.diagramType })
  } catch (error) {
    results.push({ ok: false, error: String(error?.message ?? error).split('\n')[0] })
  }
}
process.stdout.write(JSON.stringify(results))
