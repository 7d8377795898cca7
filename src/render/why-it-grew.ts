// "Why it grew": each Go binary that changed against the base, module by
// module (new ones first-class, version bumps with old → new, std and the
// main module as rows, the unattributed bytes as one row), packages in
// collapsed details; and, without a baseline, the binary's largest modules.
// Markdown and terminal. Pure renderings of report.binaryDiff and
// goBinaries[].attribution; what is noise was decided by the comparison.
import { formatDelta, formatSize } from '../units.js'
import { htmlCode, inlineCode } from './escape.js'
import { more } from './numbers.js'
import type { BinaryAttribution, BinaryDiff, ModuleChange, Report } from '../report/types.js'

/** Modules shown per binary, packages per module, binaries per image. */
export interface WhyLimits {
  modules: number
  packages: number
  binaries: number
}

const version = (v: string | null) => v ?? ''

/** "github.com/x/y v1.4.0 (new)", "github.com/x/y v1.2.0 → v1.3.0", "std", "example.com/app (main module)". */
export function moduleLabel(m: ModuleChange): string {
  if (m.kind === 'std') return 'std (the standard library)'
  const replaced = m.replace ? ` => ${m.replace.path} ${m.replace.version}`.trimEnd() : ''
  const main = m.kind === 'main' ? ' (main module)' : ''
  switch (m.change) {
    case 'new':
      return `${m.path} ${version(m.versionAfter)}${replaced} (new)`.replace('  ', ' ')
    case 'removed':
      return `${m.path} ${version(m.versionBefore)} (removed)`.replace('  ', ' ')
    case 'version':
      return `${m.path} ${version(m.versionBefore)} → ${version(m.versionAfter)}${replaced}`
    default:
      return `${m.path}${m.kind === 'dep' && m.versionAfter ? ` ${m.versionAfter}` : ''}${replaced}${main}`
  }
}

const shown = (d: BinaryDiff) => d.modules.filter((m) => !m.noise)

/** The markdown section; [] when no binary changed past the noise floor. */
export function renderWhyItGrew(report: Pick<Report, 'binaryDiff'>, limits: WhyLimits): string[] {
  const diffs = (report.binaryDiff ?? []).filter((d) => shown(d).length > 0)
  if (diffs.length === 0 || limits.modules === 0) return []
  const lines = ['#### Why it grew', '']
  for (const d of diffs.slice(0, limits.binaries)) {
    const modules = shown(d)
    const paired = d.pairedBy === 'module' ? ` (against ${inlineCode(d.basePath, 80)}, the same main module)` : ''
    lines.push(`Go binary ${inlineCode(d.path, 80)}${paired}: ${formatSize(d.bytesBefore)} → ${formatSize(d.bytesAfter)} (${formatDelta(d.bytesAfter - d.bytesBefore)})`, '')
    lines.push('| module | before | after | change |', '|:--|--:|--:|--:|')
    for (const m of modules.slice(0, limits.modules)) {
      lines.push(`| ${inlineCode(moduleLabel(m), 120)} | ${m.before > 0 ? formatSize(m.before) : '–'} | ${m.after > 0 ? formatSize(m.after) : '–'} | ${formatDelta(m.delta)} |`)
    }
    if (modules.length > limits.modules) lines.push(`| ${more(modules.length - limits.modules, 'module')} | | | |`)
    const u = d.unattributed
    lines.push(`| not attributed to a module (runtime tables, padding, headers) | ${formatSize(u.before)} | ${formatSize(u.after)} | ${formatDelta(u.delta)} |`, '')
    const withPackages = modules.slice(0, limits.modules).filter((m) => m.packages.length > 0)
    if (withPackages.length > 0 && limits.packages > 0) {
      lines.push('<details><summary>Packages that changed</summary>', '', '| package | before | after | change |', '|:--|--:|--:|--:|')
      for (const m of withPackages) {
        for (const p of m.packages.slice(0, limits.packages)) lines.push(`| ${htmlCode(p.path, 120)} | ${formatSize(p.before)} | ${formatSize(p.after)} | ${formatDelta(p.delta)} |`)
      }
      lines.push('', '</details>', '')
    }
  }
  if (diffs.length > limits.binaries) lines.push(`${more(diffs.length - limits.binaries, 'Go binary', 'Go binaries')} changed too.`, '')
  return lines
}

/** The binary's largest modules, one line, for the binary's details: "cobra v1.6.1 142 kB · std 2.0 MB …". */
export function topModulesLine(a: BinaryAttribution, n: number): string {
  const unattributed = a.unattributed.reduce((s, r) => s + r.bytes, 0)
  const modules = a.modules.slice(0, n).map((m) => `${m.path}${m.kind === 'dep' && m.version ? ` ${m.version}` : ''} ${formatSize(m.bytes)}`)
  const rest = a.modules.length > n ? [`${more(a.modules.length - n, 'module')}`] : []
  return [...modules, ...rest, `not attributed ${formatSize(unattributed)}`].join(' · ')
}

/** Terminal lines: per changed binary, its modules that changed. */
export function whyItGrewLines(report: Pick<Report, 'binaryDiff'>, limit = 8): string[] {
  const lines: string[] = []
  for (const d of report.binaryDiff ?? []) {
    const modules = shown(d)
    if (modules.length === 0) continue
    lines.push(`  why it grew: ${d.path} ${formatSize(d.bytesBefore)} → ${formatSize(d.bytesAfter)}`)
    for (const m of modules.slice(0, limit)) lines.push(`    ${formatDelta(m.delta).padStart(10)}  ${moduleLabel(m)}`)
    if (modules.length > limit) lines.push(`    ${more(modules.length - limit, 'module')}`)
    lines.push(`    ${formatDelta(d.unattributed.delta).padStart(10)}  not attributed to a module`)
  }
  return lines
}
