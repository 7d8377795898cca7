// tzdata: a scratch final stage whose program loads time zones by name and
// neither embeds them (time/tzdata) nor gets /usr/share/zoneinfo.
import { classifyBase } from '../images.js'
import { rootImage, stageChain } from '../model.js'
import { programNeeds, readFrom } from '../needs.js'
import { finding, type Rule } from '../rule.js'

export const tzdata: Rule = {
  id: 'tzdata',
  needsMeasurement: false,
  check(ctx) {
    const { model } = ctx
    const base = rootImage(model, model.final)
    if (classifyBase(base).kind !== 'scratch') return []
    const needs = programNeeds(ctx)
    if (!needs.timeZones) return []
    const chain = stageChain(model, model.final)
    const provided = chain.some((s) => s.copies.some((c) => [...c.sources, c.dest].some((p) => /zoneinfo|tzdata/.test(p))) || 'ZONEINFO' in s.env)
    if (provided) return []
    return [
      finding(
        ctx,
        'tzdata',
        'warning',
        model.final.line,
        `The program loads time zones by name (time.LoadLocation, ${readFrom(needs)}) but \`scratch\` has no zone data: every zone but UTC fails with "unknown time zone". Embed it or copy it.`,
        'import _ "time/tzdata"  // in main.go, +450 kB\n# or: COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo'
      )
    ]
  }
}
