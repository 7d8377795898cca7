// Wasted bytes: what squashing the layers would remove. Replays the layers'
// tar headers in order and counts every earlier copy of a file that a later
// layer rewrites, deletes (whiteout `.wh.name`) or hides (opaque directory
// `.wh..wh..opq`). The surviving copy is not counted (dive counts it too; we
// report the strict number). Pure: works on the file records of each layer.

export type FileRecord = { kind: 'file'; path: string; size: number } | { kind: 'dir'; path: string } | { kind: 'whiteout'; path: string } | { kind: 'opaque'; path: string }

export interface WastedResult {
  bytes: number
  files: { path: string; bytes: number; layers: number[] }[]
  /** Bytes each layer holds that a later layer made invisible. */
  byLayer: { index: number; bytes: number }[]
  /** Final owner layer of every surviving non-directory path. */
  survivors: Map<string, number>
}

interface Node {
  layer: number
  size: number
  dir: boolean
}

const parentOf = (p: string): string => {
  const slash = p.lastIndexOf('/')
  return slash < 0 ? '' : p.slice(0, slash)
}

/** Turns a layer tar header path into a record (whiteouts recognised), or null for the root. */
export function fileRecord(path: string, type: 'file' | 'link' | 'symlink' | 'directory' | 'other', size: number): FileRecord | null {
  const clean = path.replace(/^\.?\/+/, '').replace(/\/+$/, '')
  if (clean === '' || clean === '.') return null
  const base = clean.slice(clean.lastIndexOf('/') + 1)
  if (base === '.wh..wh..opq') return { kind: 'opaque', path: parentOf(clean) }
  if (base.startsWith('.wh.')) {
    const dir = parentOf(clean)
    return { kind: 'whiteout', path: dir ? `${dir}/${base.slice(4)}` : base.slice(4) }
  }
  if (type === 'directory') return { kind: 'dir', path: clean }
  return { kind: 'file', path: clean, size }
}

export function computeWasted(layers: FileRecord[][], top = 20): WastedResult {
  const nodes = new Map<string, Node>()
  const children = new Map<string, Set<string>>()
  const wastedByPath = new Map<string, { bytes: number; layers: Set<number> }>()
  const byLayer = new Map<number, number>()
  let total = 0

  /** Records `p` under its parent, and the parent under its own, up to the root (tars may omit directories). */
  const link = (p: string): void => {
    for (let child = p; child !== ''; child = parentOf(child)) {
      const parent = parentOf(child)
      let set = children.get(parent)
      if (!set) children.set(parent, (set = new Set()))
      if (set.has(child)) return
      set.add(child)
    }
  }
  const waste = (p: string, node: Node, byLayerIndex: number): void => {
    if (node.dir || node.size === 0) return
    total += node.size
    byLayer.set(node.layer, (byLayer.get(node.layer) ?? 0) + node.size)
    const entry = wastedByPath.get(p) ?? { bytes: 0, layers: new Set<number>() }
    entry.bytes += node.size
    entry.layers.add(node.layer).add(byLayerIndex)
    wastedByPath.set(p, entry)
  }
  /** Removes `p` and everything under it that an earlier layer than `layer` wrote. */
  const remove = (p: string, layer: number, self = true): void => {
    const kids = children.get(p)
    if (kids) {
      for (const kid of [...kids]) remove(kid, layer)
      if (kids.size === 0) children.delete(p)
    }
    if (!self) return
    const node = nodes.get(p)
    if (node && node.layer < layer) {
      waste(p, node, layer)
      nodes.delete(p)
      children.get(parentOf(p))?.delete(p)
    }
  }

  layers.forEach((records, layer) => {
    for (const r of records) {
      if (r.kind === 'opaque') remove(r.path, layer, false)
      else if (r.kind === 'whiteout') remove(r.path, layer)
      else {
        const old = nodes.get(r.path)
        const isDir = r.kind === 'dir'
        if (old && old.layer < layer) {
          if (!old.dir) waste(r.path, old, layer)
          else if (!isDir) remove(r.path, layer, false)
        }
        // A directory entry keeps its contents; only files take ownership of the path.
        if (old?.dir && isDir) old.layer = layer
        else nodes.set(r.path, { layer, size: isDir ? 0 : r.size, dir: isDir })
        link(r.path)
      }
    }
  })

  const survivors = new Map<string, number>()
  for (const [p, node] of nodes) if (!node.dir) survivors.set(p, node.layer)
  const files = [...wastedByPath]
    .map(([path, e]) => ({ path: `/${path}`, bytes: e.bytes, layers: [...e.layers].sort((a, b) => a - b) }))
    .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
    .slice(0, top)
  return {
    bytes: total,
    files,
    byLayer: [...byLayer].map(([index, bytes]) => ({ index, bytes })).sort((a, b) => a.index - b.index),
    survivors
  }
}
