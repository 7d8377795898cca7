// Reports another run wrote, read back for publishing (`report:`): the job
// after a matrix, or the fork-safe `workflow_run` job. One path or glob per
// entry; a file holds one report or a list of them (what `json:` writes for
// several images). The files were written by untrusted code: each report's
// shape is checked here and all its text is escaped when rendered. A report
// an older version wrote is upgraded (upgrade.ts) to this version's shape.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { globSync } from 'tinyglobby'
import { UsageError, errorMessage } from '../errors.js'
import { SCHEMA_VERSION, type Report } from '../report/types.js'
import { upgradeReport, type AnyVersionReport } from './upgrade.js'

export interface StoredReport {
  /** The file it came from, absolute. */
  file: string
  report: Report
  /** The file holds a list of reports (a bake run's, or a set published before). */
  fromList: boolean
}

const GLOB = /[*?[\]{}]/

/**
 * The files `report:` names, absolute, each once, in the order given (a
 * glob's matches sorted). A path that does not exist, or a glob that matches
 * nothing, is an error that names the entry: publishing half a set would read
 * as if the other images had gone.
 */
export function expandReportPaths(entries: string[], workspace: string): string[] {
  const files: string[] = []
  for (const entry of entries) {
    if (!GLOB.test(entry)) {
      const file = path.resolve(workspace, entry)
      if (!existsSync(file)) throw new UsageError(`report: no file at ${entry}; download the measuring run's artifact first`)
      files.push(file)
      continue
    }
    const matches = globSync(entry, { cwd: workspace, absolute: true, onlyFiles: true })
      .map((f) => path.resolve(f))
      .sort()
    if (matches.length === 0) {
      throw new UsageError(`report: '${entry}' matches no file; download the measuring jobs' artifacts first (actions/download-artifact with pattern: and merge-multiple: true)`)
    }
    files.push(...matches)
  }
  return [...new Set(files)]
}

/** Checks one stored report's shape; `where` names it in the error ("report: x.json", "report: x.json entry 2"). */
export function checkStoredReport(value: unknown, where: string): Report {
  const report = value as AnyVersionReport
  const version = report && typeof report === 'object' ? report.schemaVersion : undefined
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > SCHEMA_VERSION) {
    throw new UsageError(`${where} was written by a newer version (schema ${version}; this one reads ${SCHEMA_VERSION}); update the action`)
  }
  const ok =
    report &&
    typeof report === 'object' &&
    Number.isSafeInteger(version) &&
    (version as number) >= 1 &&
    typeof report.size?.uncompressed === 'number' &&
    typeof report.image === 'object' &&
    report.image !== null &&
    typeof report.budget === 'object' &&
    report.budget !== null &&
    typeof report.baseline === 'object' &&
    report.baseline !== null &&
    ['pass', 'warn', 'fail'].includes(report.status)
  if (!ok) throw new UsageError(`${where} is not a go-image-budget report (schemaVersion ${SCHEMA_VERSION})`)
  return upgradeReport({
    ...report,
    layers: Array.isArray(report.layers) ? report.layers : [],
    goBinaries: Array.isArray(report.goBinaries) ? report.goBinaries : [],
    findings: Array.isArray(report.findings) ? report.findings : [],
    history: Array.isArray(report.history) ? report.history : [],
    baseline: { ...report.baseline, layers: Array.isArray(report.baseline.layers) ? report.baseline.layers : [] }
  })
}

/** Reads one report file (a report, or a list of reports). */
export function loadStoredReport(file: string): StoredReport[] {
  if (!existsSync(file)) throw new UsageError(`report: no file at ${file}; download the measuring run's artifact first`)
  let doc: unknown
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new UsageError(`report: ${file} is not JSON (${errorMessage(error)})`)
  }
  if (!Array.isArray(doc)) return [{ file, report: checkStoredReport(doc, `report: ${file}`), fromList: false }]
  if (doc.length === 0) throw new UsageError(`report: ${file} holds an empty list; it should hold the reports of a run`)
  return doc.map((entry, i) => ({ file, report: checkStoredReport(entry, `report: ${file} entry ${i + 1}`), fromList: true }))
}

/** Every report the entries name, in order. */
export function loadStoredReports(entries: string[], workspace: string): StoredReport[] {
  return expandReportPaths(entries, workspace).flatMap(loadStoredReport)
}
