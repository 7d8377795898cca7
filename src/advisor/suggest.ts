// The suggested Dockerfile: the user's own build steps as a build stage (with
// CGO_ENABLED=0, -trimpath and -ldflags="-s -w" added to `go build`), and a
// final stage on scratch, or distroless static where the program needs CA
// certificates, time zones or a non-root user. Pure: model in, text out.
import { finalBinaries, type FinalBinary } from './binaries.js'
import { classifyBase, DISTROLESS_STATIC_NONROOT, SCRATCH } from './images.js'
import { rootImage, stageChain, type DockerfileModel, type ModelInstruction, type StageModel } from './model.js'
import type { ContextFiles, Measured } from './rule.js'
import { linkedPackagesOf } from './rules/packages.js'
import { shellQuote, splitCommands } from './shell.js'

export const DISTROLESS_STATIC = 'gcr.io/distroless/static-debian12'
const TLS_PACKAGES = ['crypto/tls', 'crypto/x509', 'net/http', 'net/smtp']

export interface SuggestedDockerfile {
  dockerfile: string
  base: string
  /** Why this base: what the program needs from it. */
  needs: string[]
}

export interface SuggestInput {
  model: DockerfileModel
  measured: Measured | null
  files: ContextFiles | null
}

/** Rewrites the `go build` commands in a RUN's text: cgo off, paths trimmed, symbols stripped. */
export function rewriteGoBuild(runText: string): string {
  if (/^RUN\s+(--\S+\s+)*\[/.test(runText)) {
    // Exec form: rewrite as shell form, which can carry the environment assignment.
    const prefix = /^RUN\s+((?:--\S+\s+)*)/.exec(runText)![1]
    const json = runText.replace(/^RUN\s+(--\S+\s+)*/, '')
    try {
      const words = JSON.parse(json) as string[]
      return rewriteGoBuild(`RUN ${prefix}${words.map(shellQuote).join(' ')}`)
    } catch {
      return runText
    }
  }
  return runText.replace(/((?:\b[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*)((?:\S*\/)?go\s+(?:build|install))((?:[^\n&;|\\]|\\\n)*)/g, (_m, envs: string, go: string, rest: string) => {
    const env = envs.replace(/\bCGO_ENABLED=\S*\s+/g, '')
    let args = rest
    const ld = /(\s--?ldflags)(=|\s+)(?:(["'])(.*?)\3|([^\s"']+))/.exec(args)
    if (!ld) args = ` -ldflags="-s -w"${args}`
    else {
      const value = ld[4] ?? ld[5] ?? ''
      const words = splitCommands(value)[0] ?? []
      const add = ['-s', '-w'].filter((f) => !words.includes(f))
      if (add.length > 0) {
        const merged = `${add.join(' ')} ${value}`.trim()
        args = args.replace(ld[0], `${ld[1]}=${ld[3] === "'" ? `'${merged}'` : `"${merged.replace(/"/g, '\\"')}"`}`)
      }
    }
    if (!/(^|\s)--?trimpath\b/.test(args)) args = ` -trimpath${args}`
    return `${env}CGO_ENABLED=0 ${go}${args}`
  })
}

function textOf(model: DockerfileModel, ins: { line: number; endLine: number }): string {
  return model.text.split(/\r?\n/).slice(ins.line - 1, ins.endLine).join('\n')
}

/** Shell-form CMD/ENTRYPOINT need /bin/sh, which scratch lacks: exec form when the words are plain. */
function execForm(model: DockerfileModel, ins: ModelInstruction): string {
  const text = textOf(model, ins)
  if (ins.raw.trimStart().startsWith('[')) return text
  if (/[$|&;<>`*?(){}]/.test(ins.raw)) return `${text}  # needs a shell: scratch has none`
  const words = splitCommands(ins.raw)[0] ?? []
  return `${ins.keyword} ${JSON.stringify(words).replace(/","/g, '", "')}`
}

const isNumericUser = (user: string) => /^\d+(:\d+)?$/.test(user.trim())
const CARRIED = new Set(['ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'VOLUME', 'ARG'])

export function suggestDockerfile({ model, measured, files }: SuggestInput): SuggestedDockerfile | null {
  const binaries = finalBinaries(model, files?.goMod?.module ?? null)
  if (binaries.length === 0) return null
  const finalChain = stageChain(model, model.final)
  const buildsInPlace = finalChain.some((s) => s.goBuilds.length > 0)

  // What the program needs from its base.
  const packages = linkedPackagesOf(model, measured, files)
  const needs: string[] = []
  if (packages === null || packages.some((p) => TLS_PACKAGES.includes(p))) needs.push('CA certificates')
  if (files?.loadsTimeZones && !(packages ?? []).includes('time/tzdata')) needs.push('time zones')
  const baseInfo = classifyBase(rootImage(model, model.final))
  const user = model.final.user?.value ?? (measured?.user || null)
  const nonRoot = user !== null && !/^(root|0)(:.*)?$/.test(user) ? true : baseInfo.nonRoot
  if (nonRoot) needs.push('a non-root user')
  const base = nonRoot ? DISTROLESS_STATIC_NONROOT : needs.length > 0 ? DISTROLESS_STATIC : SCRATCH

  const lines = model.text.split(/\r?\n/)
  const out: string[] = []
  const firstFrom = model.stages[0].line
  const preamble = lines.slice(0, firstFrom - 1).join('\n').trimEnd()
  if (preamble) out.push(preamble)
  out.push(`# Suggested by go-image-budget: build stage(s) as before, with CGO_ENABLED=0 -trimpath -ldflags="-s -w";`)
  out.push(`# final stage on ${base}${needs.length ? ` (for ${needs.join(', ')})` : ''}.`)

  const buildName = (s: StageModel) => s.name ?? (s.index === model.final.index ? 'build' : String(s.index))
  const goBuildLines = new Set(model.stages.flatMap((s) => s.goBuilds.map((b) => b.line)))
  const emitStage = (stage: StageModel, fromText: string, upTo: number) => {
    out.push('')
    out.push(fromText)
    for (const ins of stage.instructions.slice(1)) {
      if (ins.line > upTo) break
      const text = textOf(model, ins)
      out.push(goBuildLines.has(ins.line) ? rewriteGoBuild(text) : text)
    }
  }

  // Build stages: every stage but the final one, as written; when the final
  // stage built the binary itself, it becomes the build stage up to its last `go build`.
  for (const stage of model.stages) {
    if (stage.index === model.final.index) continue
    if (stage.index > model.final.index) continue // after the target: not built
    emitStage(stage, textOf(model, stage.instructions[0]), Infinity)
  }
  let lastBuildLine = 0
  if (buildsInPlace) {
    const final = model.final
    lastBuildLine = Math.max(...finalChain.flatMap((s) => s.goBuilds.map((b) => b.line)))
    const platform = final.platform ? `--platform=${final.platform} ` : ''
    emitStage(final, `FROM ${platform}${final.imageRaw} AS ${buildName(final)}`, lastBuildLine)
  }

  // Final stage.
  out.push('')
  out.push(`FROM ${base}`)
  const finalStage = model.final
  const rest: string[] = []
  if (buildsInPlace) {
    for (const b of dedupe(binaries)) rest.push(`COPY --from=${buildName(finalStage)} ${b.builtAt} ${b.finalPath}`)
    // Runtime configuration from the whole stage; files copied after the build come along.
    for (const ins of finalStage.instructions.slice(1)) {
      if (ins.keyword === 'ENV') {
        const runtimeEnv = runtimeEnvOf(ins.raw)
        if (runtimeEnv) rest.push(runtimeEnv)
      } else if (CARRIED.has(ins.keyword)) rest.push(textOf(model, ins))
      else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.line > lastBuildLine) rest.push(textOf(model, ins))
      else if (ins.keyword === 'RUN' && ins.line > lastBuildLine) rest.push(`# dropped (no shell in ${base}): ${textOf(model, ins).split('\n')[0]}`)
    }
    if (finalStage.workdir !== '/') rest.push(`WORKDIR ${finalStage.workdir}`)
  } else {
    for (const ins of finalStage.instructions.slice(1)) {
      const text = textOf(model, ins)
      if (ins.keyword === 'RUN') rest.push(`# dropped (no shell in ${base}): ${text.split('\n')[0]}`)
      else if (ins.keyword === 'USER' && !isNumericUser(ins.raw)) rest.push(`# ${text}: ${base === DISTROLESS_STATIC_NONROOT ? 'the image runs as nonroot (65532)' : 'no /etc/passwd here'}`)
      else if (ins.keyword === 'HEALTHCHECK') rest.push(/\bCMD\s+\[/.test(ins.raw) ? text : `# dropped (no shell in ${base}): ${text.split('\n')[0]}`)
      else if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT' || ins.keyword === 'USER') continue
      else rest.push(text)
    }
  }
  if (model.final.user && isNumericUser(model.final.user.value)) rest.push(`USER ${model.final.user.value}`)
  if (finalStage.entrypoint) rest.push(execForm(model, finalStage.entrypoint))
  if (finalStage.cmd) rest.push(execForm(model, finalStage.cmd))
  out.push(...rest)
  return { dockerfile: out.join('\n') + '\n', base, needs }
}

/** An ENV without the toolchain's variables (GO*, CGO_*, PATH), which mean nothing in the final image. */
function runtimeEnvOf(raw: string): string | null {
  const words = splitCommands(raw)[0] ?? []
  const pairs = words.length >= 2 && !words[0].includes('=') ? [`${words[0]}=${words.slice(1).join(' ')}`] : words
  const kept = pairs.filter((w) => !/^(CGO_[A-Z_]*|GO[A-Z0-9_]*|PATH)=/.test(w))
  return kept.length > 0 ? `ENV ${kept.map((w) => { const eq = w.indexOf('='); return `${w.slice(0, eq)}=${shellQuote(w.slice(eq + 1))}` }).join(' ')}` : null
}

function dedupe(binaries: FinalBinary[]): FinalBinary[] {
  const seen = new Set<string>()
  return binaries.filter((b) => !seen.has(b.finalPath) && seen.add(b.finalPath))
}
