// The suggested Dockerfile: the user's own build steps as build stage(s) with
// `go build` shaved (CGO_ENABLED=0 unless the program has C code, -trimpath
// where the Go version has it, -ldflags="-s -w"), and a final stage on the
// base chooseRuntimeBase() names. Everything the original final stage has is
// kept, or replaced by a line that says what replaces it and why; nothing is
// dropped silently. Pure: model in, text out.
import { copiesIntoDirectory, finalBinaries, type FinalBinary } from './binaries.js'
import { classifyBase, DISTROLESS_STATIC_NONROOT, goAtLeast, SCRATCH } from './images.js'
import { stageChain, type CopyModel, type DockerfileModel, type ModelInstruction, type StageModel } from './model.js'
import type { ContextFiles, Measured } from './rule.js'
import { chooseRuntimeBase, DISTROLESS_BASE_NONROOT, runReplacement } from './runtime-base.js'
import { sourceFilesToKeep } from './final-stage.js'
import { shellQuote, splitCommands } from './shell.js'
import type { FixEdit } from '../report/types.js'

export interface SuggestedDockerfile {
  dockerfile: string
  /** The same change as edits of the original (build lines rewritten, the final stage replaced), for a finding's fix. */
  edits: FixEdit[]
  base: string
  /** Why this base: what the program needs from it. */
  needs: string[]
  /** What the suggestion could not carry over or replaced, in words (also written in the Dockerfile). */
  notes: string[]
}

export interface SuggestInput {
  model: DockerfileModel
  measured: Measured | null
  files: ContextFiles | null
}

export interface RewriteOptions {
  /** Keep cgo as it is (the program has C code): no CGO_ENABLED=0. */
  keepCgo?: boolean
  /** -trimpath exists from Go 1.13 on. */
  trimpath?: boolean
  /** Add -s -w to -ldflags (default). */
  strip?: boolean
}

/** Rewrites the `go build` commands in a RUN's text: cgo off, paths trimmed, symbols stripped. */
export function rewriteGoBuild(runText: string, options: RewriteOptions = {}): string {
  if (/^RUN\s+(--\S+\s+)*\[/.test(runText)) {
    // Exec form: rewrite as shell form, which can carry the environment assignment.
    const prefix = /^RUN\s+((?:--\S+\s+)*)/.exec(runText)![1]
    const json = runText.replace(/^RUN\s+(--\S+\s+)*/, '')
    try {
      const words = JSON.parse(json) as string[]
      return rewriteGoBuild(`RUN ${prefix}${words.map(shellQuote).join(' ')}`, options)
    } catch {
      return runText
    }
  }
  return runText.replace(
    /((?:\b[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*)((?:\$\(GO\)|\$\{GO\}|(?:\S*\/)?(?:xx-)?go)\s+(?:build|install))((?:[^\n&;|\\]|\\\n)*)/g,
    (_m, envs: string, go: string, rest: string) => {
      const env = options.keepCgo ? envs : envs.replace(/\bCGO_ENABLED=\S*\s+/g, '')
      let args = rest
      const ld = /(\s--?ldflags)(=|\s+)(?:(["'])(.*?)\3|([^\s"']+))/.exec(args)
      if (options.strip === false) {
        // only the other flags
      } else if (!ld) args = ` -ldflags="-s -w"${args}`
      else {
        const value = ld[4] ?? ld[5] ?? ''
        const words = splitCommands(value)[0] ?? []
        const add = ['-s', '-w'].filter((f) => !words.includes(f))
        if (add.length > 0) {
          const merged = `${add.join(' ')} ${value}`.trim()
          args = args.replace(ld[0], `${ld[1]}=${ld[3] === "'" ? `'${merged}'` : `"${merged.replace(/"/g, '\\"')}"`}`)
        }
      }
      if (options.trimpath !== false && !/(^|\s)--?trimpath\b/.test(args)) args = ` -trimpath${args}`
      return `${env}${options.keepCgo ? '' : 'CGO_ENABLED=0 '}${go}${args}`
    }
  )
}

function textOf(model: DockerfileModel, ins: { line: number; endLine: number }): string {
  return model.text
    .split(/\r?\n/)
    .slice(ins.line - 1, ins.endLine)
    .join('\n')
}

/** CMD/ENTRYPOINT in exec form (scratch and distroless have no /bin/sh); shell syntax was ruled out before. */
function execForm(model: DockerfileModel, ins: ModelInstruction): string {
  if (ins.raw.trimStart().startsWith('[')) return textOf(model, ins)
  const words = splitCommands(ins.raw)[0] ?? []
  return `${ins.keyword} ${JSON.stringify(words).replace(/","/g, '", "')}`
}

const isNumericUser = (user: string) => /^\d+(:\d+)?$/.test(user.trim())
const CARRIED = new Set(['ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'VOLUME', 'ARG', 'ONBUILD'])
const hasShell = (base: string) => !['scratch', 'distroless-static', 'distroless'].includes(classifyBase(base).kind)
// Users the distroless images have in /etc/passwd.
const DISTROLESS_USERS = new Set(['root', 'nonroot', 'nobody'])

/** A COPY whose destination is a directory keeps a trailing slash, so a base without that directory gets one (not a file of that name). */
function copyText(model: DockerfileModel, stage: StageModel, copy: CopyModel): string {
  const ins = stage.instructions.find((i) => i.line === copy.line)!
  const text = textOf(model, ins)
  if (copy.dest.endsWith('/') || copy.dest === '.' || text.includes('\n') || copy.sources.length !== 1 || !copiesIntoDirectory(model, stage, copy)) return text
  return text.replace(new RegExp(`\\s${copy.dest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`), ` ${copy.dest}/`)
}

/**
 * `shave: false` changes only what the base needs (cgo off for a static
 * base, the final stage), for a finding's fix; the suggestion shaves too.
 */
export function suggestDockerfile({ model, measured, files }: SuggestInput, { shave = true }: { shave?: boolean } = {}): SuggestedDockerfile | null {
  const moduleName = files?.goMod?.module ?? null
  const binaries = finalBinaries(model, moduleName)
  const measuredProgram = (measured?.goBinaries.length ?? 0) > 0
  if (binaries.length === 0 && !measuredProgram) return null
  const choice = chooseRuntimeBase({ model, measured, files })
  const base = choice.base
  const finalChain = stageChain(model, model.final)
  const buildsInPlace = finalChain.some((s) => s.goBuilds.length > 0)
  // Nothing to change: the final base stays and every go build it can rewrite is already shaved (a make recipe is the Makefile's).
  const shaved = model.stages
    .filter((s) => s.index <= model.final.index)
    .every((s) => s.goBuilds.every((b) => b.via !== undefined || (b.stripped && (b.trimpath || !goAtLeast(s.goVersion, '1.13')) && (choice.keepCgo || b.cgoEnabled === '0'))))
  if (choice.keepsBase && !buildsInPlace && shaved) return null
  const notes: string[] = []
  const edits: FixEdit[] = []

  const lines = model.text.split(/\r?\n/)
  const out: string[] = []
  const preamble = lines
    .slice(0, model.stages[0].line - 1)
    .join('\n')
    .trimEnd()
  if (preamble) out.push(preamble)
  const flagged = (s: StageModel) => `CGO_ENABLED${choice.keepCgo ? ' as it was' : '=0'}${goAtLeast(s.goVersion, '1.13') ? ' -trimpath' : ''} -ldflags="-s -w"`
  const buildStage = binaries[0]?.stage ?? model.final
  out.push(`# Suggested by go-image-budget: build stage(s) as before, with ${flagged(buildStage)};`)
  out.push(
    `# final stage on ${base}${choice.needs.length ? ` (for ${choice.needs.join(', ')})` : ''}${choice.blocker ? ` (${choice.keepsBase ? 'kept' : 'a shell and its tools'}: ${choice.blocker})` : ''}.`
  )

  const buildName = (s: StageModel) => s.name ?? (s.index === model.final.index ? 'build' : String(s.index))
  const goBuildLines = new Map(model.stages.flatMap((s) => s.goBuilds.map((b) => [b.line, s] as const)))
  // Only a static base asks for cgo off; a kept base keeps the build's cgo as it is.
  const keepCgo = choice.keepCgo || (!shave && (!['scratch', 'distroless-static'].includes(classifyBase(base).kind) || choice.linking.linking === 'static'))
  const rewrite = (text: string, stage: StageModel) =>
    shave ? rewriteGoBuild(text, { keepCgo, trimpath: goAtLeast(stage.goVersion, '1.13') }) : keepCgo ? text : rewriteGoBuild(text, { keepCgo, trimpath: false, strip: false })
  const emitStage = (stage: StageModel, fromText: string, upTo: number) => {
    out.push('', fromText)
    for (const ins of stage.instructions.slice(1)) {
      if (ins.line > upTo) break
      const text = textOf(model, ins)
      const rewritten = goBuildLines.has(ins.line) ? rewrite(text, stage) : text
      if (rewritten !== text && stage.index < model.final.index) edits.push({ line: ins.line, endLine: ins.endLine, text: rewritten })
      out.push(rewritten)
    }
  }

  // Build stages as written (go build rewritten); a final stage that builds in place becomes the build stage up to its last `go build`.
  for (const stage of model.stages) {
    if (stage.index >= model.final.index) continue
    emitStage(stage, textOf(model, stage.instructions[0]), Infinity)
  }
  let lastBuildLine = 0
  const finalStart = out.length
  if (buildsInPlace) {
    const final = model.final
    lastBuildLine = Math.max(...finalChain.flatMap((s) => s.goBuilds.map((b) => b.line)))
    const platform = final.platform ? `--platform=${final.platform} ` : ''
    emitStage(final, `FROM ${platform}${final.imageRaw} AS ${buildName(final)}`, lastBuildLine)
  }

  out.push('', `FROM ${base}`)
  const finalStage = model.final
  const rest: string[] = []
  const shell = hasShell(base)
  const replaced = (text: string, why: string) => {
    notes.push(`${text.split('\n')[0]}: ${why}`)
    return `# replaced: ${text.split('\n')[0]}  (${why})`
  }
  const runLine = (ins: ModelInstruction, text: string) => {
    if (choice.keepsBase || shell) return text
    // On scratch nothing stands in for certificate or zone packages: the program does not need them.
    return replaced(
      text,
      runReplacement(
        choice.facts.runs.find((r) => r.line === ins.line),
        base,
        choice.programNeeds
      )
    )
  }
  const userLine = (value: string, text: string) => {
    if (isNumericUser(value) || choice.keepsBase || shell) return text
    const name = value.split(':')[0]
    if (DISTROLESS_USERS.has(name) && base !== SCRATCH) return text
    return replaced(text, base === DISTROLESS_STATIC_NONROOT || base === DISTROLESS_BASE_NONROOT ? 'the image runs as its nonroot user, 65532' : `${base} has no /etc/passwd: use a numeric USER`)
  }
  const healthLine = (ins: ModelInstruction, text: string) => {
    if (shell || /\bCMD\s+\[/.test(ins.raw) || /^\s*NONE\b/i.test(ins.raw)) return text
    return replaced(text, `${base} has no shell (and none of its tools) for a shell-form HEALTHCHECK; give the program a health flag and use HEALTHCHECK CMD ["/path/app", "-health"]`)
  }

  if (buildsInPlace) {
    // What the image installed for the program to run, installed again (a RUN before the build that installs no build tool alone).
    for (const run of choice.facts.carried) rest.push(run.text)
    for (const b of dedupe(binaries)) rest.push(`COPY --from=${buildName(finalStage)} ${b.builtAt} ${b.finalPath}`)
    // Files the program opens at run time and scripts its command runs came in with the sources: copy them from the build stage.
    for (const { path: at } of sourceFilesToKeep(model, files?.runtimeFiles ?? [], moduleName)) rest.push(`COPY --from=${buildName(finalStage)} ${at} ${at}`)
    for (const stage of finalChain.slice().reverse()) {
      for (const ins of stage.instructions.slice(1)) {
        const text = textOf(model, ins)
        if (ins.keyword === 'ENV') {
          const runtimeEnv = runtimeEnvOf(ins.raw)
          if (runtimeEnv) rest.push(runtimeEnv)
        } else if (CARRIED.has(ins.keyword)) rest.push(text)
        else if (ins.line > lastBuildLine && (ins.keyword === 'COPY' || ins.keyword === 'ADD')) rest.push(text)
        else if (ins.line > lastBuildLine && ins.keyword === 'RUN') rest.push(runLine(ins, text))
        else if (ins.keyword === 'HEALTHCHECK') rest.push(healthLine(ins, text))
        else if (ins.keyword === 'USER') rest.push(userLine(ins.raw.trim(), text))
      }
    }
    // The program ran in the build stage's working directory (the image's own, e.g. golang's /go, if the Dockerfile set none).
    if (finalStage.workdir !== '/') rest.push(`WORKDIR ${finalStage.workdir}`)
  } else {
    for (const stage of finalChain.slice().reverse()) {
      for (const ins of stage.instructions.slice(1)) {
        const text = textOf(model, ins)
        const copy = stage.copies.find((c) => c.line === ins.line)
        if (copy) rest.push(copyText(model, stage, copy))
        else if (ins.keyword === 'RUN') rest.push(runLine(ins, text))
        else if (ins.keyword === 'USER') rest.push(userLine(ins.raw.trim(), text))
        else if (ins.keyword === 'HEALTHCHECK') rest.push(healthLine(ins, text))
        else if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') continue
        else rest.push(text)
      }
    }
  }
  // On a base with a shell the command stays as written (a shell form may expand variables); without one, exec form.
  const command = (ins: ModelInstruction) => (shell ? textOf(model, ins) : execForm(model, ins))
  if (finalStage.entrypoint) rest.push(command(finalStage.entrypoint))
  if (finalStage.cmd) rest.push(command(finalStage.cmd))
  const inherited = choice.facts.command
  if (inherited.source === 'base' && !choice.keepsBase) {
    // The original ran its base image's default command, which the new base has not.
    const program = dedupe(binaries)
    const was = `the original ran ${finalChain[finalChain.length - 1].image}'s default command ${JSON.stringify(inherited.argv)}`
    if (program.length === 1 && !shell) {
      notes.push(`${was}; ${base} has none, so CMD runs the program`)
      rest.push(`# ${was}; ${base} has none: run the program (docker run IMAGE <command> still overrides it)`, `CMD ["${program[0].finalPath}"]`)
    } else if (!shell) {
      notes.push(`${was}; ${base} has none: set ENTRYPOINT or CMD`)
      rest.push(`# ${was}; ${base} has none: set ENTRYPOINT or CMD`)
    }
  }
  out.push(...rest)
  const dockerfile = out.join('\n') + '\n'
  // The final stage's lines (from its FROM to its last instruction) are replaced by the new final part.
  const lastLine = Math.max(...model.final.instructions.map((i) => i.endLine))
  edits.push({ line: model.final.line, endLine: lastLine, text: out.slice(finalStart).join('\n').replace(/^\n+/, '') })
  return { dockerfile, edits, base, needs: choice.needs, notes }
}

/** An ENV without the toolchain's variables (GO*, CGO_*, PATH), which mean nothing in the final image. */
function runtimeEnvOf(raw: string): string | null {
  const words = splitCommands(raw)[0] ?? []
  const pairs = words.length >= 2 && !words[0].includes('=') ? [`${words[0]}=${words.slice(1).join(' ')}`] : words
  const kept = pairs.filter((w) => !/^(CGO_[A-Z_]*|GO[A-Z0-9_]*|PATH)=/.test(w))
  return kept.length > 0
    ? `ENV ${kept
        .map((w) => {
          const eq = w.indexOf('=')
          return `${w.slice(0, eq)}=${shellQuote(w.slice(eq + 1))}`
        })
        .join(' ')}`
    : null
}

function dedupe(binaries: FinalBinary[]): FinalBinary[] {
  const seen = new Set<string>()
  return binaries.filter((b) => !seen.has(b.finalPath) && seen.add(b.finalPath))
}
