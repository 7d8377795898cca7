// layer-order: sources copied before the modules are fetched, so every
// source change fetches every module again. Fetching is `go mod download`
// (or tidy, vendor, go get) after the broad COPY, or a step that resolves
// modules itself (go build/run/test/generate, a make target) in a module with
// requirements. A module cache mount (BuildKit `type=cache` on GOMODCACHE)
// keeps the modules in no layer: no finding. A vendored build fetches
// nothing: no finding, and never advice that would make an offline build
// need the network. The fix copies only the files module resolution reads
// (go.mod, go.sum if there is one, local replacements', go.work's modules')
// and keeps the fetching step's cache and secret mounts.
import type { FixEdit } from '../../report/types.js'
import { goAtLeast } from '../images.js'
import { buildStagesOf, resolvePath, stageChain, type CopyModel, type RunModel, type StageModel } from '../model.js'
import { finding, type ContextFiles, type Rule } from '../rule.js'
import { hasGoModDownload, resolvesModules, usesVendor } from '../shell.js'

const isBroad = (source: string) => ['.', './', '*', './*'].includes(source)

/** Where the stage keeps downloaded modules: GOMODCACHE, else $GOPATH/pkg/mod. */
const moduleCache = (stage: StageModel) => stage.env.GOMODCACHE ?? `${(stage.env.GOPATH ?? '/root/go').split(':')[0]}/pkg/mod`

/** A cache mount on the module cache, or on a directory above it. */
const cachesModules = (run: RunModel, stage: StageModel) =>
  run.mounts.some((m) => {
    const target = /(?:target|dst|destination)=([^,]+)/.exec(m)?.[1]
    const cache = moduleCache(stage)
    return /type=cache/.test(m) && target !== undefined && (cache === resolvePath(run.workdir, target) || cache.startsWith(`${resolvePath(run.workdir, target)}/`))
  })

/** The command of a RUN that fetches modules, from `go`/`make` on: never a shell keyword, a `cd` or an environment prefix. */
function fetchingCommand(run: RunModel): string {
  for (const words of run.commands) {
    const at = words.findIndex((w) => /(^|\/)(go|g?make)$/.test(w))
    if (at < 0) continue
    const rest = words.slice(at)
    const go = rest[0].endsWith('make') ? rest : rest[1] === 'mod' || ['build', 'install', 'run', 'test', 'generate', 'vet', 'list', 'get'].includes(rest[1]) ? rest : null
    if (go) return go.slice(0, 6).join(' ') + (go.length > 6 ? ' …' : '')
  }
  return run.script.split('\n')[0].slice(0, 60)
}

/** COPY lines for the files module resolution reads, relative to where the broad COPY lands. */
function moduleFiles(files: ContextFiles | null, into: string): string[] {
  const to = (dir: string) => (into === './' ? `${dir}/` : `${into}${dir}/`)
  if (files?.goWork) {
    return [
      `COPY go.work ${into}`,
      ...files.goWork.uses.map((u) => (u.dir === '.' ? `COPY go.mod${u.hasGoSum ? ' go.sum' : ''} ${into}` : `COPY ${u.dir}/go.mod${u.hasGoSum ? ` ${u.dir}/go.sum` : ''} ${to(u.dir)}`))
    ]
  }
  return [`COPY go.mod${files?.hasGoSum !== false ? ' go.sum' : ''} ${into}`, ...(files?.goMod?.localReplaces ?? []).map((d) => `COPY ${d}/go.mod ${to(d)}`)]
}

function fixFor(copy: CopyModel, fetching: RunModel, files: ContextFiles | null, text: string): FixEdit {
  const dest = resolvePath(copy.workdir, copy.dest)
  const into = dest === copy.workdir ? './' : `${dest}/`
  const mounts = fetching.mounts.filter((m) => /type=(cache|secret|ssh)/.test(m)).map((m) => `--mount=${m} `)
  const download = `RUN ${mounts.join('')}${into === './' ? '' : `cd ${dest} && `}go mod download`
  return { line: copy.line, endLine: copy.line, text: [...moduleFiles(files, into), download, text].join('\n') }
}

export const layerOrder: Rule = {
  id: 'layer-order',
  needsMeasurement: false,
  check(ctx) {
    const { model, files } = ctx
    const stages = [...stageChain(model, model.final), ...buildStagesOf(model, model.final)]
    const findings = []
    for (const stage of stages) {
      const steps = [
        ...stage.copies.filter((c) => c.from === null).map((c) => ({ line: c.line, broad: c.sources.some(isBroad), copy: c, run: null })),
        ...stage.runs.map((r) => ({ line: r.line, broad: false, copy: null, run: r }))
      ].sort((a, b) => a.line - b.line)
      const firstBroad = steps.find((s) => s.broad)
      if (!firstBroad) continue
      const runs = steps.filter((s) => s.run).map((s) => s.run!)
      // Modules come from vendor/ (`-mod=vendor`, GOFLAGS, or vendor/modules.txt with go ≥ 1.14): nothing is downloaded.
      const vendorFlag = runs.some((r) => usesVendor(r.commands)) || /-mod=vendor/.test(stage.env.GOFLAGS ?? '')
      const modVendorRun = runs.find((r) => r.commands.some((w) => w.includes('vendor') && w.includes('mod')))
      // …unless the Dockerfile runs `go mod vendor` itself, which downloads them all.
      if ((vendorFlag || files?.vendored) && !modVendorRun) continue
      const before = runs.filter((r) => r.line < firstBroad.line)
      const after = runs.filter((r) => r.line > firstBroad.line)
      if (before.some((r) => hasGoModDownload(r.commands))) continue
      const downloadAfter = after.find((r) => hasGoModDownload(r.commands))
      const resolving = after.find((r) => resolvesModules(r.commands))
      const requires = (files?.goMod?.requires ?? 0) + (files?.goWork?.uses.reduce((sum, u) => sum + u.requires, 0) ?? 0)
      const fetching = downloadAfter ?? (resolving && requires > 0 ? resolving : undefined)
      // On a module cache mount the download is in no layer and survives source changes.
      if (!fetching || cachesModules(fetching, stage)) continue
      const copy = firstBroad.copy!
      const copyText = `${copy.keyword} ${copy.sources.join(' ')} ${copy.dest}`
      const step = `\`${fetchingCommand(fetching)}\``
      // Without modules (GOPATH, Go before 1.11) there is no go.mod to copy first: say it, offer no edit.
      if ((!files?.goMod && !files?.goWork) || !goAtLeast(stage.goVersion, '1.11')) {
        findings.push(
          finding(
            ctx,
            'layer-order',
            'info',
            firstBroad.line,
            `\`${copyText}\` comes before ${step}, which fetches the dependencies: every source change fetches them again. Without Go modules there is no go.mod to copy first; vendoring them, or moving to modules with Go 1.11 or later, lets them be fetched once.`,
            ''
          )
        )
        continue
      }
      const line = model.text.split(/\r?\n/)[copy.line - 1]
      const edit = fixFor(copy, fetching, files, line)
      const f = finding(
        ctx,
        'layer-order',
        'info',
        firstBroad.line,
        `\`${copyText}\` comes before ${step}, which fetches the modules: every source change downloads them all again. Copy the module files and run \`go mod download\` first.`,
        edit.text
      )
      findings.push({ ...f, edits: [edit] })
    }
    return findings
  }
}
