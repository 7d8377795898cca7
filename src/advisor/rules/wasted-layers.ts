// wasted-layers: bytes a later layer deletes or overwrites still ship in the
// earlier one. Names the biggest files and the instruction that wrote them.
import { formatSize } from '../../units.js'
import { finding, WASTED_FLOOR, type Rule } from '../rule.js'

export const wastedLayers: Rule = {
  id: 'wasted-layers',
  needsMeasurement: true,
  check(ctx) {
    const { measured } = ctx
    if (!measured?.wasted) return []
    const layerAt = new Map(measured.layers.map((l) => [l.index, l]))
    // Waste entirely inside the base image is not the Dockerfile's doing.
    const ours = measured.wasted.files.filter((f) => f.layers.some((i) => layerAt.get(i) && !layerAt.get(i)!.fromBaseImage))
    const bytes = ours.reduce((sum, f) => sum + f.bytes, 0)
    if (bytes < WASTED_FLOOR) return []
    const top = [...ours].sort((a, b) => b.bytes - a.bytes)
    const writer = layerAt.get(top[0].layers[0])
    const line = top[0].layers.map((i) => layerAt.get(i)).find((l) => l && !l.fromBaseImage && l.dockerfileLine !== null)?.dockerfileLine ?? null
    const names = top.slice(0, 3).map((f) => {
      const by = f.layers.map((i) => layerAt.get(i)?.instruction).filter(Boolean)
      return `${f.path} (${formatSize(f.bytes)}, written by \`${by[0] ?? '?'}\`, replaced by \`${by[by.length - 1] ?? '?'}\`)`
    })
    const more = top.length > 3 ? ` and ${top.length - 3} more` : ''
    return [
      finding(
        ctx,
        'wasted-layers',
        'warning',
        line ?? writer?.dockerfileLine ?? null,
        `${formatSize(bytes)} ship in layers but are deleted or overwritten later: ${names.join('; ')}${more}. Create and remove them in the same RUN, or in a build stage.`,
        'RUN download && build && rm -rf /tmp/work   # one RUN: the deleted files never reach a layer',
        bytes
      )
    ]
  }
}
