// Packages to modules (attribution.ts), from the build info: the main
// package (`main` in symbol names) and the main module's packages to the main
// module, the standard library to one `std` row, every other package to the
// longest module path it lies under (`dep` lines, with their `=>`
// replacement). A binary without module information (GOPATH mode) gets its
// packages grouped by import path root, and says so.
import type { BuildInfo } from './gobinary.js'
import { importPathRoot, isStdPackage } from './symbol-package.js'
import type { Tally } from './attribution-ledger.js'
import type { AttributedModule, BinaryAttribution } from '../report/types.js'

export type GroupedModule = AttributedModule & { packagePaths: Set<string> }

export function groupModules(tallies: Map<string, Tally>, info: BuildInfo | null): { modules: GroupedModule[]; moduleSource: BinaryAttribution['moduleSource'] } {
  const known = new Map<string, GroupedModule>()
  const make = (path: string, version: string | null, kind: AttributedModule['kind'], replace: AttributedModule['replace'] = null): GroupedModule => ({
    path,
    version,
    replace,
    kind,
    bytes: 0,
    text: 0,
    pcln: 0,
    funcdata: 0,
    data: 0,
    bss: 0,
    debug: 0,
    packages: 0,
    packagePaths: new Set()
  })
  const main = info?.main ?? null
  if (main) known.set(main.path, make(main.path, main.version || null, 'main', main.replace))
  for (const dep of info?.deps ?? []) if (!known.has(dep.path)) known.set(dep.path, make(dep.path, dep.version || null, 'dep', dep.replace))
  const byPath = new Map<string, GroupedModule>()
  const moduleOf = (pkg: string): GroupedModule => {
    let key: string
    if (pkg === 'main' && main) return known.get(main.path)!
    if (isStdPackage(pkg)) key = 'std'
    else {
      // The longest module path the package lies under.
      for (let p = pkg; p !== ''; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
        const m = known.get(p)
        if (m) return m
      }
      key = pkg === 'main' ? 'main' : importPathRoot(pkg)
    }
    let m = byPath.get(key)
    if (!m) byPath.set(key, (m = make(key, null, key === 'std' ? 'std' : 'import-path')))
    return m
  }
  const used = new Set<GroupedModule>()
  for (const [pkg, t] of tallies) {
    const m = moduleOf(pkg)
    m.text += t.text
    m.pcln += t.pcln
    m.funcdata += t.funcdata
    m.data += t.data
    m.bss += t.bss
    m.debug += t.debug
    m.bytes += t.text + t.pcln + t.funcdata + t.data + t.debug
    m.packages++
    m.packagePaths.add(pkg)
    used.add(m)
  }
  return { modules: [...used].sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path)), moduleSource: main ? 'build-info' : 'import-path' }
}
