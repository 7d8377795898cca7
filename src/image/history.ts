// Which instruction made each layer. The image config's history has one row
// per instruction; rows with `empty_layer` made no layer, the others pair in
// order with `rootfs.diff_ids`. The instruction text is then matched against
// the Dockerfile (final stage, and the stages it builds FROM) to find the line
// and stage; rows before the matched ones came from the base image.
import { DockerfileParser } from 'dockerfile-ast'

export interface HistoryRow {
  created_by?: string
  empty_layer?: boolean
}

export interface PairedLayer {
  diffId: string
  /** Index into the config history, or -1 when the history is shorter than the layers. */
  historyIndex: number
  instruction: string
}

/** Cleans a history `created_by` into the instruction as written: `RUN go build`, `COPY /a /b`. */
export function cleanInstruction(createdBy: string): string {
  let text = createdBy.trim().replace(/\s*# buildkit$/, '')
  const nop = /^\/bin\/sh -c #\(nop\)\s+/.exec(text)
  if (nop) return text.slice(nop[0].length).trim()
  // Build args recorded before the command: `|2 A=1 B=2 /bin/sh -c …`.
  const args = /^(RUN )?\|(\d+) /.exec(text)
  if (args) {
    let rest = text.slice(args[0].length)
    for (let i = 0; i < Number(args[2]); i++) rest = rest.replace(/^\S+\s+/, '')
    text = `${args[1] ?? ''}${rest}`
  }
  if (text.startsWith('/bin/sh -c ')) return `RUN ${text.slice('/bin/sh -c '.length)}`
  if (text.startsWith('RUN /bin/sh -c ')) return `RUN ${text.slice('RUN /bin/sh -c '.length)}`
  return text
}

/** Pairs layers with history rows through `empty_layer`. */
export function pairHistory(diffIds: string[], history: HistoryRow[]): PairedLayer[] {
  const rows = history.map((row, index) => ({ row, index })).filter(({ row }) => !row.empty_layer)
  return diffIds.map((diffId, i) => {
    const entry = rows[i]
    return { diffId, historyIndex: entry ? entry.index : -1, instruction: entry ? cleanInstruction(entry.row.created_by ?? '') : '' }
  })
}

export interface DockerfileInstruction {
  keyword: string
  /** 1-based line. */
  line: number
  stage: string
  text: string
}

export interface DockerfileChain {
  /** Instructions that make history rows in the measured stage, the stages it builds FROM first. */
  instructions: DockerfileInstruction[]
  /** The image the chain starts FROM (ARG defaults substituted), null for `scratch`. */
  baseImage: string | null
}

/** Instructions that leave no history row (BuildKit writes one for ARG, LABEL, ENV … too, with empty_layer). */
const NO_HISTORY = new Set(['FROM'])

export function dockerfileChain(content: string, target: string | null, buildArgs: Record<string, string> = {}): DockerfileChain {
  const dockerfile = DockerfileParser.parse(content)
  const stages: { name: string; from: string; instructions: DockerfileInstruction[] }[] = []
  const globalArgs: Record<string, string> = {}
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase()
    const line = instruction.getRange().start.line + 1
    if (keyword === 'FROM') {
      const args = (instruction.getArgumentsContent() ?? '').split(/\s+/).filter((a) => !a.startsWith('--'))
      const name = args.length >= 3 && args[1].toUpperCase() === 'AS' ? args[2] : String(stages.length)
      stages.push({ name, from: args[0] ?? '', instructions: [] })
      continue
    }
    if (stages.length === 0) {
      if (keyword === 'ARG') {
        const [k, v] = (instruction.getArgumentsContent() ?? '').split('=')
        if (k) globalArgs[k.trim()] = (v ?? '').trim().replace(/^"(.*)"$/, '$1')
      }
      continue
    }
    if (NO_HISTORY.has(keyword)) continue
    const stage = stages[stages.length - 1]
    stage.instructions.push({ keyword, line, stage: stage.name, text: instruction.getRawArgumentsContent() ?? '' })
  }
  if (stages.length === 0) return { instructions: [], baseImage: null }
  const byName = (name: string) => stages.find((s) => s.name.toLowerCase() === name.toLowerCase())
  let stage = target ? (byName(target) ?? stages[stages.length - 1]) : stages[stages.length - 1]
  const chain: DockerfileInstruction[][] = []
  const seen = new Set<string>()
  for (;;) {
    chain.unshift(stage.instructions)
    seen.add(stage.name)
    const parent = byName(stage.from)
    if (!parent || seen.has(parent.name)) break
    stage = parent
  }
  const vars = { ...globalArgs, ...buildArgs }
  const from = stage.from.replace(/\$\{?(\w+)\}?/g, (_, v: string) => vars[v] ?? '')
  return { instructions: chain.flat(), baseImage: from === '' || from.toLowerCase() === 'scratch' ? null : from }
}

/**
 * Matches history rows (oldest first) to the chain's instructions, from the
 * end backwards by keyword. Returns, per history row, the instruction or null.
 */
export function matchHistory(history: HistoryRow[], chain: DockerfileInstruction[]): (DockerfileInstruction | null)[] {
  const result: (DockerfileInstruction | null)[] = history.map(() => null)
  let c = chain.length - 1
  for (let h = history.length - 1; h >= 0 && c >= 0; h--) {
    const keyword = cleanInstruction(history[h].created_by ?? '')
      .split(/\s/)[0]
      .toUpperCase()
    // Skip Dockerfile instructions that left no row (e.g. ONBUILD-less metadata BuildKit folds away).
    let k = c
    while (k >= 0 && chain[k].keyword !== keyword) k--
    // A row no remaining instruction explains (one a builder adds) is left unmatched; the rows before it still pair.
    if (k < 0) continue
    result[h] = chain[k]
    c = k - 1
  }
  return result
}
