// Several reports shown as one: how each image is named, which verdict is
// the worst, and the order the overview lists them in. Pure.
import type { Report, Status } from './types.js'

/** A report with the name it goes by in a comment that shows several images. */
export interface NamedReport {
  name: string
  report: Report
}

export const STATUS_RANK: Record<Status, number> = { fail: 2, warn: 1, pass: 0 }

/** The worst verdict of a set: one failing image fails the set. */
export function worstStatus(statuses: Status[]): Status {
  return statuses.reduce<Status>((worst, s) => (STATUS_RANK[s] > STATUS_RANK[worst] ? s : worst), 'pass')
}

/**
 * An image's name: the report's own (its `comment-key`, or its bake target),
 * else its Dockerfile, target and platform ("services/api/Dockerfile · final ·
 * linux/amd64"), else the image reference or id.
 */
export function imageName(report: Report): string {
  if (typeof report.name === 'string' && report.name.trim() !== '') return report.name.trim()
  const image = report.image
  const what = image.dockerfile ?? image.ref ?? (typeof image.id === 'string' ? image.id.slice(0, 19) : 'image')
  return [what, image.target, image.platform].filter((part) => typeof part === 'string' && part !== '').join(' · ')
}

/**
 * Names every report, each name once: a second image of the same name (two
 * matrix jobs without a comment-key that build one Dockerfile with different
 * arguments) becomes "name (2)". The trend of each image is kept under its name.
 */
export function nameReports(reports: Report[]): NamedReport[] {
  const taken = new Set<string>()
  return reports.map((report) => {
    const base = imageName(report)
    let name = base
    for (let n = 2; taken.has(name); n++) name = `${base} (${n})`
    taken.add(name)
    return { name, report }
  })
}

/** The overview's order: the worst verdict first, then by name. */
export function overviewOrder(images: NamedReport[]): NamedReport[] {
  return [...images].sort((a, b) => STATUS_RANK[b.report.status] - STATUS_RANK[a.report.status] || a.name.localeCompare(b.name, 'en'))
}

/** The commit every report was measured at, or null when they differ or none says. */
export function commonCommit(reports: Report[]): string | null {
  const commits = new Set(reports.map((r) => r.image.commit))
  const [only] = [...commits]
  return commits.size === 1 && typeof only === 'string' ? only : null
}
