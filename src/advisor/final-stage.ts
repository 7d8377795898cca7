// What the original final stage needs at run time, read from the Dockerfile:
// the command it runs (its own, or inherited from the base image), the
// packages it installs, what each of its RUNs does, whether it needs a shell,
// and the paths it puts in the image (which a suggestion must keep). Pure.
import { copiesIntoDirectory, finalBinaries } from './binaries.js'
import type { ExpectedPath } from './proof/startup.js'
import { resolvePath, stageChain, type DockerfileModel, type ModelInstruction, type StageModel } from './model.js'
import { installedPackages, splitCommands } from './shell.js'

/** Packages distroless static already has the files of. */
export const DISTROLESS_PROVIDES = new Set(['ca-certificates', 'tzdata', 'ca-certificates-bundle', 'alpine-baselayout-data'])

export type RunKind = 'packages' | 'user' | 'directories' | 'permissions' | 'cleanup' | 'other'

export interface FinalRun {
  line: number
  text: string
  kind: RunKind
  /** What stands in for it on a base without a shell. */
  replacement: string
}

export interface FinalStageFacts {
  /** The command the image runs: ENTRYPOINT then CMD, and whether it came from the Dockerfile or the base image. */
  command: { argv: string[]; source: 'dockerfile' | 'base' | 'none' }
  /** Packages the final stage installs that a minimal base does not have the files of. */
  unmetPackages: string[]
  /** A final stage that builds in place: its RUNs before the build that install what the program may run (not build tools); a rewrite carries them. */
  carried: FinalRun[]
  runs: FinalRun[]
  /** Why the image needs a shell at run time, or null. */
  needsShell: { line: number | null; why: string } | null
  healthcheck: { line: number; exec: boolean; text: string } | null
}

const SHELLS = /(^|\/)(sh|bash|ash|dash|zsh)$/

/** An instruction's argv as docker runs it: exec form as written, shell form through /bin/sh -c. */
export function argvOf(ins: ModelInstruction): string[] {
  const raw = ins.raw.trim()
  if (raw.startsWith('[')) {
    try {
      const words = JSON.parse(raw) as unknown
      if (Array.isArray(words) && words.every((w) => typeof w === 'string')) return words
    } catch {
      // not JSON: shell form
    }
  }
  return ['/bin/sh', '-c', raw]
}

/** The effective command of a stage: its ENTRYPOINT/CMD, falling back to the base image's. */
export function effectiveCommand(model: DockerfileModel, stage: StageModel): FinalStageFacts['command'] {
  const root = stageChain(model, stage).pop()!
  const base = root.base
  const entrypoint = stage.entrypoint ? argvOf(stage.entrypoint) : (base?.entrypoint ?? null)
  const cmd = stage.cmd ? argvOf(stage.cmd) : stage.inheritedCmdCleared ? null : (base?.cmd ?? null)
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])]
  const source = stage.entrypoint || stage.cmd ? 'dockerfile' : argv.length > 0 ? 'base' : 'none'
  return { argv, source }
}

function classifyRun(commands: string[][]): { kind: RunKind; replacement: string; packages: string[] } {
  const packages = installedPackages(commands).flatMap((p) => p.packages)
  const kinds = new Set<RunKind>()
  for (const w of commands) {
    const word = w[0]?.split('/').pop() ?? ''
    if (/^(apk|apt-get|apt|yum|dnf|microdnf|zypper)$/.test(word)) kinds.add('packages')
    else if (/^(rm|update-ca-certificates)$/.test(word)) kinds.add('cleanup')
    else if (/^(adduser|useradd|addgroup|groupadd|usermod)$/.test(word)) kinds.add('user')
    else if (word === 'mkdir') kinds.add('directories')
    else if (/^(chmod|chown|chgrp)$/.test(word)) kinds.add('permissions')
    else if (word !== 'set' && word !== 'true') kinds.add('other')
  }
  if (kinds.has('other') || kinds.size === 0) return { kind: 'other', replacement: '', packages }
  if (kinds.has('packages') && packages.some((p) => !DISTROLESS_PROVIDES.has(p))) return { kind: 'packages', replacement: '', packages }
  const replacement = [
    kinds.has('packages') ? 'distroless has the CA certificates and zone data these packages install' : '',
    kinds.has('user') ? 'the base has a non-root user, nonroot, 65532' : '',
    kinds.has('directories') ? 'COPY and WORKDIR create the directories they write to' : '',
    kinds.has('permissions') ? 'COPY --chown/--chmod set ownership and modes without a shell' : '',
    kinds.has('cleanup') ? 'there is nothing of it to clean up in the new base' : ''
  ]
    .filter(Boolean)
    .join('; ')
  return { kind: [...kinds][0], replacement, packages }
}

/** The stages whose instructions end up in the final image: the final stage's chain, from the last `go build` on. */
export function runtimeInstructions(model: DockerfileModel): { stage: StageModel; after: number }[] {
  const chain = stageChain(model, model.final)
  const lastBuild = Math.max(0, ...chain.flatMap((s) => s.goBuilds.map((b) => b.line)))
  return chain.map((stage) => ({ stage, after: lastBuild }))
}

// Packages a build needs and a program does not run: installed before an in-place build, they stay behind in the build stage.
const BUILD_TOOLS = new Set([
  'git',
  'gcc',
  'g++',
  'make',
  'musl-dev',
  'build-base',
  'build-essential',
  'libc6-dev',
  'binutils',
  'upx',
  'upx-ucl',
  'curl',
  'wget',
  'openssh-client',
  'openssh',
  'bash',
  'protobuf',
  'protobuf-dev',
  'protobuf-compiler',
  'protoc',
  'nodejs',
  'npm',
  'yarn',
  'pkgconfig',
  'pkg-config',
  'pkgconf',
  'mercurial',
  'gnupg',
  'unzip',
  'xz',
  'xz-utils',
  'tar',
  'file',
  'go',
  'golang'
])

export function finalStageFacts(model: DockerfileModel): FinalStageFacts {
  const runs: FinalRun[] = []
  const carried: FinalRun[] = []
  const unmet = new Set<string>()
  const text = (line: number, end: number) =>
    model.text
      .split(/\r?\n/)
      .slice(line - 1, end)
      .join('\n')
  for (const { stage, after } of runtimeInstructions(model)) {
    for (const run of stage.runs.filter((r) => r.line > after)) {
      const c = classifyRun(run.commands)
      for (const p of c.packages) if (!DISTROLESS_PROVIDES.has(p)) unmet.add(p)
      runs.push({ line: run.line, text: text(run.line, run.endLine), kind: c.kind, replacement: c.replacement })
    }
    for (const run of stage.runs.filter((r) => r.line < after)) {
      const c = classifyRun(run.commands)
      const needed = c.packages.filter((p) => !BUILD_TOOLS.has(p) && !DISTROLESS_PROVIDES.has(p))
      if (needed.length === 0) continue
      for (const p of needed) unmet.add(p)
      carried.push({ line: run.line, text: text(run.line, run.endLine), kind: 'packages', replacement: '' })
    }
  }
  runs.sort((a, b) => a.line - b.line)
  const command = effectiveCommand(model, model.final)
  const healthIns = stageChain(model, model.final)
    .flatMap((s) => s.instructions.filter((i) => i.keyword === 'HEALTHCHECK'))
    .sort((a, b) => b.line - a.line)[0]
  const healthcheck = healthIns && !/^\s*NONE\b/i.test(healthIns.raw) ? { line: healthIns.line, exec: /\bCMD\s+\[/.test(healthIns.raw), text: text(healthIns.line, healthIns.endLine) } : null
  return { command, unmetPackages: [...unmet], carried, runs, needsShell: shellNeed(model, command), healthcheck }
}

/** A command that runs a shell, a script, or shell syntax needs /bin/sh in the image. */
function shellNeed(model: DockerfileModel, command: FinalStageFacts['command']): FinalStageFacts['needsShell'] {
  if (command.source !== 'dockerfile') return null
  const ins = model.final.entrypoint ?? model.final.cmd
  const line = ins?.line ?? null
  const [first, second, third] = command.argv
  if (first === '/bin/sh' && second === '-c' && ins && !ins.raw.trim().startsWith('[')) {
    // Shell form: plain words can become exec form; shell syntax cannot.
    if (/[$|&;<>`*?(){}]/.test(third ?? '')) return { line, why: `its ${ins.keyword} uses shell syntax (\`${(third ?? '').slice(0, 60)}\`)` }
    const words = splitCommands(third ?? '')[0] ?? []
    if (words[0] && /\.sh$/.test(words[0])) return { line, why: `its ${ins.keyword} runs the script ${words[0]}` }
    return null
  }
  if (first && SHELLS.test(first)) return { line, why: `its ${ins?.keyword ?? 'command'} runs ${first}${second ? ` ${second}` : ''}` }
  const script = command.argv.find((w) => /\.sh$/.test(w))
  if (script) return { line, why: `its ${ins?.keyword ?? 'command'} runs the script ${script}` }
  return null
}

/**
 * What the original's final image received and a suggestion must keep: each
 * COPY/ADD destination of the final stage (after its last `go build`, when it
 * builds in place) and each program binary.
 */
export function expectedPaths(model: DockerfileModel, moduleName: string | null): ExpectedPath[] {
  const out: ExpectedPath[] = []
  const seen = new Set<string>()
  const add = (path: string, directory: boolean, line: number | null) => {
    if (seen.has(path)) return
    seen.add(path)
    out.push({ path, directory, line })
  }
  for (const { stage, after } of runtimeInstructions(model)) {
    for (const copy of stage.copies.filter((c) => c.line > after)) {
      if (copy.sources.length === 0 || copy.dest === '') continue
      add(resolvePath(copy.workdir, copy.dest), copiesIntoDirectory(model, stage, copy), copy.line)
    }
  }
  for (const b of finalBinaries(model, moduleName)) add(b.finalPath, b.directory === true, b.copyLine ?? b.build.line)
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}

/**
 * A final stage that builds in place shipped its sources: the files its
 * program opens at run time (named in the Go sources) and the scripts its
 * command runs came in with the broad COPY. The suggestion copies them from
 * the build stage, and the proof checks they are there.
 */
export function sourceFilesToKeep(model: DockerfileModel, runtimeFiles: string[], moduleName: string | null): { path: string; line: number }[] {
  const chain = stageChain(model, model.final)
  const lastBuild = Math.max(0, ...chain.flatMap((s) => s.goBuilds.map((b) => b.line)))
  const broad = chain.flatMap((s) => s.copies).find((c) => c.from === null && c.line < lastBuild && c.sources.some((x) => ['.', './', '*'].includes(x)))
  if (!broad) return []
  const root = resolvePath(broad.workdir, broad.dest)
  const programs = new Set(finalBinaries(model, moduleName).map((b) => b.finalPath))
  const keep = runtimeFiles.map((name) => resolvePath(root, name))
  for (const word of effectiveCommand(model, model.final).argv) {
    if (!/\.(sh|bash)$/.test(word) && !/^\.\//.test(word)) continue
    const at = resolvePath(model.final.workdir, word)
    if ((at === root || at.startsWith(`${root}/`)) && !programs.has(at)) keep.push(at)
  }
  return [...new Set(keep)].map((path) => ({ path, line: broad.line }))
}
