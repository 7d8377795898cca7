// A fix is offered only when every part of it is known to hold. Without a
// build (dockerfile-only) that is checked on the Dockerfile the edits make:
// each COPY --from the fix wrote takes a path the stage it names produces
// (a go build's output, a path copied or created there, or a file its base
// image has), each go flag or subcommand it wrote exists in that stage's Go
// version, and a fix that rewrites the final stage still runs the command
// the original ran. Pure.
import type { Finding } from '../report/types.js'
import { buildOutput } from './binaries.js'
import { applyEdits } from './edits.js'
import { effectiveCommand } from './final-stage.js'
import { classifyBase, goAtLeast } from './images.js'
import { parseDockerfile, resolvePath, rootImage, stageChain, type DockerfileModel, type StageModel } from './model.js'

// What a stage's base image has, by kind: a fix may copy these out of it.
const BASE_FILES: Record<string, RegExp> = {
  'go-toolchain': /^\/(etc\/ssl\/certs|usr\/share\/zoneinfo|etc\/passwd|etc\/group|usr\/local\/go|go)(\/|$)/,
  distribution: /^\/(etc\/ssl\/certs|usr\/share\/zoneinfo|etc\/passwd|etc\/group)(\/|$)/
}

// Go versions that brought what a fix may write.
const SINCE: [RegExp, string, string][] = [
  [/(^|\s)-trimpath\b/, '1.13', '-trimpath'],
  [/(^|\s)-buildvcs\b/, '1.18', '-buildvcs'],
  [/(^|\s)-pgo\b/, '1.21', '-pgo'],
  [/\bgo\s+mod\s/, '1.11', 'go mod'],
  [/\bgo\s+env\s+-w\b/, '1.13', 'go env -w'],
  [/\bgo\s+install\s+\S+@/, '1.16', 'go install pkg@version']
]

/** Whether `stage` makes `path`: a go build writes it, a COPY or ADD puts it there, a RUN creates its directory, or its base has it. */
function produces(model: DockerfileModel, stage: StageModel, path: string): boolean {
  const under = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`) || dir === '/'
  return stageChain(model, stage).some(
    (s) =>
      s.goBuilds.some((b) => under(path, buildOutput(b, model.context.module)) || under(buildOutput(b, model.context.module), path)) ||
      s.copies.some((c) => under(path, resolvePath(c.workdir, c.dest))) ||
      s.runs.some((r) => under(path, r.workdir) && path !== '/') ||
      (BASE_FILES[classifyBase(rootImage(model, s)).kind]?.test(path) ?? false)
  )
}

/** Why the finding's edits do not hold, or null when they do (or it has none). */
export function checkFix(original: DockerfileModel, finding: Finding, makefile: string | null = null): string | null {
  if (!finding.edits || finding.edits.length === 0) return null
  const text = applyEdits(original.text, finding.edits)
  const fixed = parseDockerfile(text, { file: original.file, context: { ...original.context, makefile } })
  const written = new Set(finding.edits.flatMap((e) => e.text.split('\n')))
  const lines = text.split('\n')
  for (const stage of fixed.stages) {
    for (const copy of stage.copies) {
      if (copy.fromStage === null || !written.has(lines[copy.line - 1])) continue
      const from = fixed.stages[copy.fromStage]
      for (const source of copy.sources) {
        if (/[*?[]/.test(source)) continue
        if (!produces(fixed, from, resolvePath('/', source))) return `\`${lines[copy.line - 1]}\` copies ${source}, which stage ${from.name ?? from.index} does not make`
      }
    }
    for (const run of stage.runs) {
      const line = lines[run.line - 1]
      if (!written.has(line)) continue
      for (const [pattern, since, what] of SINCE) {
        if (pattern.test(run.script) && !goAtLeast(stage.goVersion, since)) return `${what} needs Go ${since}, and the stage has Go ${stage.goVersion}`
      }
    }
  }
  // A rewritten final stage still runs what the original ran (wrappers, scripts and their arguments).
  const was = effectiveCommand(original, original.final)
  const now = effectiveCommand(fixed, fixed.final)
  if (was.source === 'dockerfile' && JSON.stringify(was.argv) !== JSON.stringify(now.argv))
    return `the fixed image runs ${JSON.stringify(now.argv)} where the original runs ${JSON.stringify(was.argv)}`
  return null
}
