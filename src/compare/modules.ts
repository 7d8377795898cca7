// Why it grew (pure): each Go binary of the head image against the base
// image's binary at the same path (else the one with the same main module),
// module by module from their attributions: new, removed, version changed,
// grown or shrunk, with the packages that changed inside. A change below the
// noise floor (`min-delta` in bytes) with the same version is noise; a
// binary whose every module is noise gets no entry. The `max-module-increase`
// check: the largest growth of one module (a new module's whole size) against
// the limit, naming the module, its versions and how go.mod lists it.
import type { BinaryAttribution, BinaryDiff, BudgetCheck, GoBinary, ModuleChange, ModuleChangeKind } from '../report/types.js'
import { formatDelta, formatSize, type SizeOrPercent } from '../units.js'

/** Packages kept per module change. */
const MAX_PACKAGES = 20

const unattributedBytes = (a: BinaryAttribution) => a.unattributed.reduce((s, r) => s + r.bytes, 0)

/** Pairs each head binary with a base binary and diffs their modules; only binaries with a change past the floor (`min-delta`: bytes, or a percentage of the module's base size). */
export function diffBinaries(head: GoBinary[], base: GoBinary[], floor: SizeOrPercent | null): BinaryDiff[] {
  const diffs: BinaryDiff[] = []
  const used = new Set<GoBinary>()
  for (const h of head) {
    if (!h.attribution) continue
    let b = base.find((x) => x.path === h.path && x.attribution && !used.has(x))
    const pairedBy: BinaryDiff['pairedBy'] = b ? 'path' : 'module'
    b ??= base.find((x) => x.attribution && !used.has(x) && x.module !== null && x.module === h.module)
    if (!b?.attribution) continue
    used.add(b)
    const diff = diffAttributions(h.attribution, b.attribution, floor)
    if (diff.modules.some((m) => !m.noise)) diffs.push({ path: h.path, basePath: b.path, pairedBy, ...diff })
  }
  return diffs
}

function diffAttributions(head: BinaryAttribution, base: BinaryAttribution, floor: SizeOrPercent | null): Omit<BinaryDiff, 'path' | 'basePath' | 'pairedBy'> {
  const before = new Map(base.modules.map((m) => [m.path, m]))
  const after = new Map(head.modules.map((m) => [m.path, m]))
  const modules: ModuleChange[] = []
  for (const path of new Set([...after.keys(), ...before.keys()])) {
    const a = after.get(path)
    const b = before.get(path)
    const delta = (a?.bytes ?? 0) - (b?.bytes ?? 0)
    const change: ModuleChangeKind = !b ? 'new' : !a ? 'removed' : a.version !== b.version ? 'version' : delta > 0 ? 'grown' : delta < 0 ? 'shrunk' : 'unchanged'
    const floorBytes = !floor ? 0 : 'bytes' in floor ? floor.bytes : ((b?.bytes ?? 0) * floor.percent) / 100
    const noise = change !== 'new' && change !== 'removed' && change !== 'version' && Math.abs(delta) <= floorBytes
    modules.push({
      path,
      kind: (a ?? b)!.kind,
      change: noise ? 'unchanged' : change,
      versionBefore: b?.version ?? null,
      versionAfter: a?.version ?? null,
      replace: a?.replace ?? null,
      before: b?.bytes ?? 0,
      after: a?.bytes ?? 0,
      delta,
      noise,
      packages: noise ? [] : packageChanges(head, base, path)
    })
  }
  modules.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.path.localeCompare(y.path))
  const ua = unattributedBytes(head)
  const ub = unattributedBytes(base)
  return { bytesBefore: base.fileBytes, bytesAfter: head.fileBytes, modules, unattributed: { before: ub, after: ua, delta: ua - ub } }
}

function packageChanges(head: BinaryAttribution, base: BinaryAttribution, module: string): ModuleChange['packages'] {
  const before = new Map(base.packages.filter((p) => p.module === module).map((p) => [p.path, p.bytes]))
  const after = new Map(head.packages.filter((p) => p.module === module).map((p) => [p.path, p.bytes]))
  return [...new Set([...after.keys(), ...before.keys()])]
    .map((path) => ({ path, before: before.get(path) ?? 0, after: after.get(path) ?? 0, delta: (after.get(path) ?? 0) - (before.get(path) ?? 0) }))
    .filter((p) => p.delta !== 0)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.path.localeCompare(y.path))
    .slice(0, MAX_PACKAGES)
}

/** How the build context's go.mod lists a module: `require x v1` (direct) or `x v1 // indirect`. */
export function goModListing(goMod: string | null): Map<string, 'direct' | 'indirect'> {
  const listed = new Map<string, 'direct' | 'indirect'>()
  if (!goMod) return listed
  let block = false
  for (const raw of goMod.split('\n')) {
    const line = raw.trim()
    if (block && line.startsWith(')')) block = false
    else if (/^require\s*\($/.test(line)) block = true
    else {
      const m = block ? /^(\S+)\s+(\S+)(.*)$/.exec(line) : /^require\s+(\S+)\s+(\S+)(.*)$/.exec(line)
      if (m && !m[1].startsWith('//')) listed.set(m[1].replace(/"/g, ''), /\/\/\s*indirect\b/.test(m[3]) ? 'indirect' : 'direct')
    }
  }
  return listed
}

/** The max-module-increase check: the module that grew most, against the limit (a percentage is of the module's base size, or of the binary's for a new module). */
export function moduleIncreaseCheck(diffs: BinaryDiff[], limit: SizeOrPercent, goMod: Map<string, 'direct' | 'indirect'>, effect: 'fail' | 'warn'): { check: BudgetCheck; text: string } | null {
  let worst: { diff: BinaryDiff; module: ModuleChange; limit: number; over: number } | null = null
  for (const diff of diffs) {
    for (const module of diff.modules) {
      if (module.noise || module.delta <= 0 || module.kind === 'std') continue
      const allowed = 'bytes' in limit ? limit.bytes : Math.round(((module.before > 0 ? module.before : diff.bytesBefore) * limit.percent) / 100)
      const over = module.delta - allowed
      if (!worst || over > worst.over) worst = { diff, module, limit: allowed, over }
    }
  }
  if (!worst) return null
  const { diff, module } = worst
  const exceeded = worst.over > 0
  const versions =
    module.change === 'new'
      ? `${module.versionAfter ?? ''} (new)`
      : module.versionBefore !== module.versionAfter
        ? `${module.versionBefore ?? '?'} → ${module.versionAfter ?? '?'}`
        : (module.versionAfter ?? '')
  const listing = goMod.get(module.path)
  const listed = listing === 'direct' ? ', listed in go.mod' : listing === 'indirect' ? ', in go.mod as // indirect' : ''
  const limitText = 'bytes' in limit ? formatSize(worst.limit) : `${limit.percent}% (${formatSize(worst.limit)})`
  const what = `${module.path} ${versions}`.trim()
  const text = exceeded
    ? `module ${what} in ${diff.path} grew by ${formatDelta(module.delta)} to ${formatSize(module.after)}${listed}, over the ${limitText} max-module-increase`
    : `every module within the ${limitText} max-module-increase (largest: ${what}, ${formatDelta(module.delta)})`
  return {
    check: {
      check: 'max-module-increase',
      limit: worst.limit,
      actual: module.delta,
      metric: 'uncompressed',
      exceeded,
      effect,
      module: { binary: diff.path, path: module.path, versionBefore: module.versionBefore, versionAfter: module.versionAfter, before: module.before, after: module.after, goMod: listing ?? null }
    },
    text
  }
}
