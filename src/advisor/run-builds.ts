// The go builds of one RUN, read as a shell runs its commands: `cd` moves,
// `export` and `go env -w` set the environment, `make` runs the context's
// Makefile's recipe, a script is a build not read. Pure.
import { makeCommands } from './make.js'
import type { GoBuildModel, StageModel } from './model.js'
import { findGoBuilds, type GoBuild } from './shell.js'
import { resolvePath, substitute } from './words.js'

const isMake = (word: string | undefined) => word !== undefined && /(^|\/)g?make$/.test(word)
const isScript = (words: string[]) => /\.(sh|bash)$/.test(words[0] ?? '') || (/(^|\/)(sh|bash)$/.test(words[0] ?? '') && /\.(sh|bash)$/.test(words[1] ?? ''))

/**
 * The go builds of one RUN, as a shell runs its commands in order: `cd`
 * changes the directory, `export` and `go env -w` set the environment; a
 * `make` target is read from the context's Makefile; a script or an unknown
 * target is recorded as an indirect build.
 */
export function readRun(stage: StageModel, commands: string[][], line: number, stageVars: Record<string, string | null>, makefile: string | null) {
  let dir = stage.workdir
  const exported: Record<string, string> = {}
  const known = (vars: Record<string, string | null>) => Object.fromEntries(Object.entries(vars).filter((e): e is [string, string] => e[1] !== null))
  const add = (build: GoBuild, at: string, env: Record<string, string>, via?: GoBuildModel['via']) => {
    const all = { ...stage.goEnv, ...known(stageVars), ...exported, ...env, ...build.env }
    const gopath = (all.GOPATH ?? '/root/go').split(':')[0] || '/root/go'
    const goflags = all.GOFLAGS ?? ''
    stage.goBuilds.push({
      ...build,
      output: build.output === null ? null : substitute(build.output, { ...known(stageVars), ...exported }, true),
      trimpath: build.trimpath || /(^|\s)-trimpath(=true)?(\s|$)/.test(goflags),
      mod: build.mod ?? /-mod=(\w+)/.exec(goflags)?.[1] ?? null,
      line,
      workdir: stage.workdir,
      dir: at,
      env: all,
      cgoEnabled: all.CGO_ENABLED ?? null,
      installDir: all.GOBIN ?? `${gopath.replace(/\/$/, '')}/bin`,
      ...(via ? { via } : {})
    })
  }
  for (const words of commands) {
    let i = 0
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])) i++
    const head = words[i]
    if (head === 'cd') {
      dir = words[i + 1] ? resolvePath(dir, substitute(words[i + 1], known(stageVars))) : '/root'
    } else if (head === 'export') {
      for (const w of words.slice(i + 1)) if (w.includes('=')) exported[w.slice(0, w.indexOf('='))] = w.slice(w.indexOf('=') + 1)
    } else if (head !== undefined && /(^|\/)go$/.test(head) && words[i + 1] === 'env' && words[i + 2] === '-w') {
      for (const w of words.slice(i + 3)) if (w.includes('=')) stage.goEnv![w.slice(0, w.indexOf('='))] = w.slice(w.indexOf('=') + 1)
    } else if (isMake(head)) {
      const args = words.slice(i + 1)
      const overrides = Object.fromEntries(args.filter((a) => /^[A-Za-z_]\w*=/.test(a)).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]))
      const targets = args.filter((a) => !a.startsWith('-') && !a.includes('='))
      const run = makefile !== null && !args.some((a) => /^-(f|C)|^--(file|directory)/.test(a)) ? makeCommands(makefile, targets, overrides) : null
      if (!run) {
        stage.indirectBuilds!.push({ line, what: words.slice(i).join(' ') })
        continue
      }
      const env = Object.fromEntries(words.slice(0, i).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]))
      for (const c of run.commands) {
        for (const build of findGoBuilds([c.words])) add(build, c.cd ? resolvePath(dir, c.cd) : dir, { ...run.env, ...env }, { target: c.target, recipe: c.text, makefileLine: c.line })
      }
    } else if (isScript(words.slice(i))) {
      stage.indirectBuilds!.push({ line, what: words.slice(i).join(' ') })
    } else {
      for (const build of findGoBuilds([words])) add(build, dir, {})
    }
  }
}
