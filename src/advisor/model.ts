// The Dockerfile model the rules read: stages with their resolved base image,
// copies, RUN scripts (heredocs included) with the `go build` invocations in
// them, environment, user and working directory. Pure: text in, model out.
// Lines are 1-based, as GitHub annotations and editors count them.
import { DockerfileParser, type Instruction } from 'dockerfile-ast'
import { documentedDefaults, goVersionOfImage, type ImageDefaults } from './images.js'
import { readRun } from './run-builds.js'
import { splitCommands } from './shell.js'
import { resolvePath, substitute } from './words.js'
import type { GoBuild } from './shell.js'
import { buildArgMap } from '../inputs.js'

export { resolvePath, substitute }

export interface ModelInstruction {
  keyword: string
  line: number
  endLine: number
  /** Arguments as written, flags excluded, line continuations kept. */
  raw: string
  flags: Record<string, string | null>
}

export interface CopyModel {
  line: number
  keyword: 'COPY' | 'ADD'
  /** `--from` value: a stage name or index, or an image. */
  from: string | null
  /** Index of the stage `--from` names, when it names one. */
  fromStage: number | null
  sources: string[]
  dest: string
  /** Working directory the destination is relative to. */
  workdir: string
}

export interface RunModel {
  line: number
  endLine: number
  /** Working directory the RUN runs in. */
  workdir: string
  script: string
  commands: string[][]
  mounts: string[]
}

export interface GoBuildModel extends GoBuild {
  line: number
  /** Working directory of the RUN. */
  workdir: string
  /** Directory the go command runs in (where a relative `-o` lands): the RUN's, after any `cd` before it. */
  dir: string
  /** The environment the go command sees: `go env -w`, then the stage's ENV/ARG, `export`, its own prefix. */
  env: Record<string, string>
  /** CGO_ENABLED in effect, or null (Go's default). */
  cgoEnabled: string | null
  /** Run by make: the target and its recipe line (the Dockerfile line cannot carry a fix). */
  via?: { target: string; recipe: string; makefileLine: number }
  /** Where `go install` puts binaries: $GOBIN, else the first $GOPATH entry's bin (default $HOME/go/bin). */
  installDir: string
}

export interface StageModel {
  index: number
  name: string | null
  /** Line of the FROM. */
  line: number
  /** Base image with ARGs substituted (`golang:1.22-alpine`), or the stage name it builds on. */
  image: string
  imageRaw: string
  platform: string | null
  /** Index of the stage this one builds on (`FROM builder`), or null for an image. */
  parentStage: number | null
  /** What the base image brings (ENV, WORKDIR, USER, ENTRYPOINT/CMD): from its config when measured, else documented defaults; inherited by child stages. */
  base: ImageDefaults | null
  /** Go version of the toolchain this stage builds with (`1.19`), from the image tag or GOLANG_VERSION; null when unknown. */
  goVersion: string | null
  instructions: ModelInstruction[]
  copies: CopyModel[]
  runs: RunModel[]
  goBuilds: GoBuildModel[]
  /** ENV set in this stage or inherited from its parent stage. */
  env: Record<string, string>
  /** Last USER in this stage or its parent stages. */
  user: { value: string; line: number } | null
  workdir: string
  cmd: ModelInstruction | null
  entrypoint: ModelInstruction | null
  /** An ENTRYPOINT here dropped the CMD inherited from the base image or parent stage. */
  inheritedCmdCleared?: boolean
  /** `go env -w` settings of this stage and its parents (they persist in the go env file). */
  goEnv?: Record<string, string>
  /** RUNs that build through something not read (a script, a make target not in the context's Makefile). */
  indirectBuilds?: { line: number; what: string }[]
}

export interface DockerfileModel {
  /** Path shown in findings (relative to the workspace). */
  file: string
  text: string
  /** ARGs before the first FROM, with build-arg overrides applied. */
  globalArgs: Record<string, string | null>
  stages: StageModel[]
  /** The stage that is built: `target`, else the last. */
  final: StageModel
  /** What the build context tells about the program (module path, main packages). */
  context: ModelContext
}

export interface ModelContext {
  module: string | null
  /** Directories of the main packages (`.`, `cmd/api`), when the sources were read. */
  mainPackages: string[] | null
}

export interface ModelOptions {
  file?: string
  buildArgs?: string[]
  target?: string | null
  /** A base image's config (measured); null falls back to the image's documented defaults. */
  imageConfig?: (image: string) => ImageDefaults | null
  /** Facts from the build context: the module, its main packages, its Makefile. */
  context?: Partial<ModelContext> & { makefile?: string | null }
}

function flagsOf(instruction: Instruction): Record<string, string | null> {
  const flags: Record<string, string | null> = {}
  const withFlags = instruction as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] }
  for (const f of withFlags.getFlags?.() ?? []) flags[f.getName()] = f.getValue()
  return flags
}

/** The raw arguments without leading `--flag[=value]` words. */
function stripFlags(raw: string): string {
  let rest = raw.replace(/^\s+/, '')
  for (;;) {
    const m = /^--[A-Za-z-]+(=("[^"]*"|'[^']*'|\S)*)?\s+/.exec(rest)
    if (!m) return rest
    rest = rest.slice(m[0].length)
  }
}

/** The script a RUN executes: its heredoc body (`RUN <<EOF`), its exec-form words, or its shell text. */
function runScript(args: string): string {
  const heredoc = /^<<-?\s*(["']?)([A-Za-z0-9_]+)\1[^\n]*\n/.exec(args)
  if (heredoc) {
    const body = args.slice(heredoc[0].length).split('\n')
    const end = body.findIndex((l) => l.replace(/^\t+/, '') === heredoc[2])
    return (end >= 0 ? body.slice(0, end) : body).join('\n')
  }
  // `cat <<EOF > file`: the heredoc is data for the command, not commands; the command is the first line.
  if (/<<-?\s*(["']?)[A-Za-z0-9_]+\1/.test(args.split('\n')[0]) && !args.trimStart().startsWith('[')) return args.split('\n')[0]
  if (args.trimStart().startsWith('[')) {
    try {
      const words = JSON.parse(args) as unknown
      if (Array.isArray(words) && words.every((w) => typeof w === 'string')) return words.map((w) => JSON.stringify(w)).join(' ')
    } catch {
      // not JSON: a shell command that starts with '['
    }
  }
  return args
}

export function parseDockerfile(text: string, options: ModelOptions = {}): DockerfileModel {
  const doc = DockerfileParser.parse(text)
  const lines = text.split(/\r?\n/)
  const overrides = buildArgMap(options.buildArgs ?? [])
  const globalArgs: Record<string, string | null> = {}
  const stages: StageModel[] = []
  let stage: StageModel | null = null
  let stageVars: Record<string, string | null> = {}
  let cmdSetHere = false

  for (const instruction of doc.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase()
    const start = instruction.getRange().start.line
    const end = instruction.getRange().end.line
    const rawText = lines.slice(start, end + 1).join('\n')
    const afterKeyword = rawText.replace(/^\s*\S+\s?/, '')
    const model: ModelInstruction = { keyword, line: start + 1, endLine: end + 1, raw: stripFlags(afterKeyword), flags: flagsOf(instruction) }

    if (keyword === 'ARG') {
      for (const word of splitCommands(model.raw)[0] ?? []) {
        const eq = word.indexOf('=')
        const name = eq >= 0 ? word.slice(0, eq) : word
        const declared = eq >= 0 ? word.slice(eq + 1) : null
        if (!stage) {
          globalArgs[name] = overrides[name] ?? (declared === null ? null : substitute(declared, globalArgs))
        } else {
          // Inside a stage an ARG re-imports the global value or declares its own default.
          const value = overrides[name] ?? (declared === null ? (globalArgs[name] ?? null) : substitute(declared, stageVars))
          stageVars[name] = value
        }
      }
      if (stage) stage.instructions.push(model)
      continue
    }

    if (keyword === 'FROM') {
      const words = splitCommands(model.raw)[0] ?? []
      const imageRaw = words[0] ?? ''
      const asIndex = words.findIndex((w) => w.toLowerCase() === 'as')
      const name = asIndex >= 0 ? (words[asIndex + 1] ?? null) : null
      const image = substitute(imageRaw, globalArgs, true)
      const parentIndex = stages.findIndex((s) => s.name !== null && s.name.toLowerCase() === image.toLowerCase())
      const parent = parentIndex >= 0 ? stages[parentIndex] : null
      const platform = model.flags.platform ?? null
      // A stage FROM an image starts with the image's ENV, WORKDIR and defaults (`${GOPATH}`, WORKDIR /go).
      const base = parent ? parent.base : (options.imageConfig?.(image) ?? documentedDefaults(image))
      stage = {
        index: stages.length,
        name,
        line: model.line,
        image,
        imageRaw,
        platform: platform === null ? null : substitute(platform, globalArgs) || platform,
        parentStage: parent ? parent.index : null,
        base,
        goVersion: parent ? parent.goVersion : goVersionOfImage(image, base),
        instructions: [model],
        copies: [],
        runs: [],
        goBuilds: [],
        env: { ...(parent?.env ?? base?.env ?? {}) },
        user: parent?.user ?? null,
        workdir: parent?.workdir ?? (base?.workdir || '/'),
        cmd: parent?.cmd ?? null,
        inheritedCmdCleared: parent?.inheritedCmdCleared ?? false,
        entrypoint: parent?.entrypoint ?? null,
        goEnv: { ...(parent?.goEnv ?? {}) },
        indirectBuilds: []
      }
      stageVars = { ...stage.env }
      cmdSetHere = false
      stages.push(stage)
      continue
    }
    if (!stage) continue // parser directives and stray instructions before FROM
    stage.instructions.push(model)

    switch (keyword) {
      case 'ENV': {
        const words = splitCommands(substitute(model.raw, stageVars))[0] ?? []
        if (words.length >= 2 && !words[0].includes('=')) {
          stage.env[words[0]] = words.slice(1).join(' ') // legacy `ENV NAME value`
        } else {
          for (const w of words) {
            const eq = w.indexOf('=')
            if (eq > 0) stage.env[w.slice(0, eq)] = w.slice(eq + 1)
          }
        }
        Object.assign(stageVars, stage.env)
        break
      }
      case 'WORKDIR':
        stage.workdir = resolvePath(stage.workdir, substitute(model.raw.trim(), stageVars))
        break
      case 'USER':
        stage.user = { value: substitute(model.raw.trim(), stageVars), line: model.line }
        break
      case 'CMD':
        stage.cmd = model
        cmdSetHere = true
        break
      case 'ENTRYPOINT':
        stage.entrypoint = model
        // BuildKit: an ENTRYPOINT drops the CMD this stage inherited (not one it set itself).
        if (!cmdSetHere) {
          stage.cmd = null
          stage.inheritedCmdCleared = true
        }
        break
      case 'COPY':
      case 'ADD': {
        let words: string[]
        if (model.raw.trimStart().startsWith('[')) {
          try {
            words = JSON.parse(model.raw) as string[]
          } catch {
            words = splitCommands(model.raw)[0] ?? []
          }
        } else {
          words = (splitCommands(model.raw.split('\n')[0])[0] ?? []).map((w) => substitute(w, stageVars))
        }
        const from = model.flags.from ?? null
        const fromStage = from === null ? -1 : stages.findIndex((s, i) => i < stage!.index && (s.name?.toLowerCase() === from.toLowerCase() || String(i) === from))
        stage.copies.push({
          line: model.line,
          keyword: keyword,
          from,
          fromStage: fromStage >= 0 ? fromStage : null,
          sources: words.slice(0, -1),
          dest: words[words.length - 1] ?? '',
          workdir: stage.workdir
        })
        break
      }
      case 'RUN': {
        const script = runScript(model.raw)
        const commands = splitCommands(script)
        const mounts = Object.entries(model.flags)
          .filter(([k]) => k === 'mount')
          .map(([, v]) => v ?? '')
        // dockerfile-ast keeps one value per flag name; read repeated --mount flags from the text.
        const allMounts = [...afterKeyword.matchAll(/--mount=(\S+)/g)].map((m) => m[1])
        stage.runs.push({ line: model.line, endLine: model.endLine, workdir: stage.workdir, script, commands, mounts: allMounts.length ? allMounts : mounts })
        readRun(stage, commands, model.line, stageVars, options.context?.makefile ?? null)
        break
      }
    }
  }

  if (stages.length === 0) {
    stages.push({
      index: 0,
      name: null,
      line: 1,
      image: '',
      imageRaw: '',
      platform: null,
      parentStage: null,
      base: null,
      goVersion: null,
      instructions: [],
      copies: [],
      runs: [],
      goBuilds: [],
      env: {},
      user: null,
      workdir: '/',
      cmd: null,
      entrypoint: null,
      goEnv: {},
      indirectBuilds: []
    })
  }
  const target = options.target ? stages.find((s) => s.name?.toLowerCase() === options.target!.toLowerCase()) : undefined
  const context = { module: options.context?.module ?? null, mainPackages: options.context?.mainPackages ?? null }
  return { file: options.file ?? 'Dockerfile', text, globalArgs, stages, final: target ?? stages[stages.length - 1], context }
}

/** The stages `stage` is made of: itself, its parent stage, and so on up to an image. */
export function stageChain(model: DockerfileModel, stage: StageModel): StageModel[] {
  const chain = [stage]
  let current = stage
  while (current.parentStage !== null) {
    current = model.stages[current.parentStage]
    chain.push(current)
  }
  return chain
}

/** The image a stage ultimately starts from (following `FROM <stage>`). */
export function rootImage(model: DockerfileModel, stage: StageModel): string {
  const chain = stageChain(model, stage)
  return chain[chain.length - 1].image
}

/** Stages the final image depends on through `COPY --from` (transitively) or `FROM`. */
export function buildStagesOf(model: DockerfileModel, stage: StageModel): StageModel[] {
  const seen = new Set<number>()
  const visit = (s: StageModel) => {
    if (seen.has(s.index)) return
    seen.add(s.index)
    if (s.parentStage !== null) visit(model.stages[s.parentStage])
    for (const c of s.copies) if (c.fromStage !== null) visit(model.stages[c.fromStage])
  }
  visit(stage)
  return model.stages.filter((s) => seen.has(s.index) && s.index !== stage.index)
}
