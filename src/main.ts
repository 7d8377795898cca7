// Action entry logic: inputs from action.yml, the pipeline, outputs. The only
// place (with cli.ts) that touches @actions/core and the environment.
import * as core from '@actions/core'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { historyFromReportFile } from './baseline/report.js'
import { findingAnnotations } from './github/annotations.js'
import { preparePublishing, type Publishing } from './github/action.js'
import { publishReport } from './github/publish.js'
import { publishReportSet } from './github/publish-set.js'
import { measureReports } from './pipeline/pipeline.js'
import { UsageError, errorMessage } from './errors.js'
import { exec, spawnStream } from './exec.js'
import { headCommit, resolveBaseRef } from './github/event.js'
import { loadGitHubEvent } from './github/event.js'
import { INPUT_SPECS, credentialBuildArgs, credentialWarning, parseInputs, type InputName, type InputSpec, type Inputs } from './inputs.js'
import type { Logger } from './log.js'
import { reportOutputs, setOutputs } from './outputs.js'
import { redactDeep, redactingLogger, redactionFor, type Redact } from './redact.js'
import { expandReportPaths, loadStoredReport } from './stored/read.js'
import type { Report } from './report/types.js'
import { untrustedBuildRefusal } from './trust.js'
import { TOOL } from './version.js'

const coreLogger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (name, fn) => core.group(name, fn)
}

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

export async function run(): Promise<void> {
  const runnerTemp = process.env.RUNNER_TEMP || os.tmpdir()
  const tempDir = mkdtempSync(path.join(runnerTemp, `${TOOL.name}-`))
  // Secret values never reach a log line, the report, the comment, the summary,
  // an output, an annotation or the failure message (the runner masks its own log too).
  let redact: Redact = (text) => text
  try {
    // Secrets are read untrimmed: a key's final newline is part of it.
    const inputs = parseInputs((name: InputName) => core.getInput(name, { trimWhitespace: !(INPUT_SPECS[name] as InputSpec).untrimmed }))
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const redaction = redactionFor(inputs, { env: process.env, readFile: readText, workspace })
    for (const value of redaction.values) core.setSecret(value)
    redact = redaction.redact
    const log = redactingLogger(coreLogger, redact)
    for (const name of credentialBuildArgs(inputs.buildArgs)) log.warning(credentialWarning(name))
    const event = loadGitHubEvent(process.env.GITHUB_EVENT_NAME, process.env.GITHUB_EVENT_PATH)
    // `report`: publish what other runs measured (the job after a matrix, the fork-safe workflow_run job); build nothing.
    const storedFiles = expandReportPaths(inputs.report, workspace)
    if (storedFiles.length > 0 && inputs.bake) throw new UsageError(`report: publishes stored reports and builds nothing; unset 'bake' (or 'report')`)
    // pull_request_target / a fork's workflow_run: never build a stranger's code with a write token.
    // Publishing stored reports and dockerfile-only (reads files, runs nothing) stay allowed.
    const refusal =
      storedFiles.length > 0 || inputs.dockerfileOnly
        ? null
        : untrustedBuildRefusal({ eventName: event?.name ?? process.env.GITHUB_EVENT_NAME ?? '', payload: event?.payload ?? {}, allowUntrustedBuild: inputs.allowUntrustedBuild })
    if (refusal) {
      await core.summary
        .addHeading('go-image-budget: nothing built', 3)
        .addRaw(`${refusal}\n`)
        .write()
        .catch(() => undefined)
      core.setFailed(refusal)
      return
    }
    const previous = inputs.previousReport ? await historyFromReportFile(path.resolve(workspace, inputs.previousReport)) : { history: [], warning: null, proof: null }
    if (previous.warning) log.warning(previous.warning)
    // Find the pull request's sticky comment first: the trend it carries feeds this run.
    // The pr-number file of a fork's run sits next to the (first) stored report.
    const publishing = await preparePublishing(
      inputs,
      process.env,
      event,
      log,
      async (markdown) => {
        await core.summary.addRaw(redact(markdown)).write()
      },
      storedFiles[0] ?? null
    )
    const commentHistory = publishing.target.state?.history ?? []
    const context = {
      workspace,
      commit: headCommit(event, process.env.GITHUB_SHA || null),
      confineToWorkspace: true,
      base: resolveBaseRef(event, inputs.baseRef),
      // The token fetches the base of a shallow checkout that kept no credentials; sent to this server only.
      gitAuth: inputs.githubToken ? { token: inputs.githubToken, serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com' } : null,
      previousHistory: previous.history.length > 0 ? previous.history : commentHistory,
      env: process.env,
      // The suggestion's proof from the last push: carried when nothing it depends on changed.
      previousProof: publishing.target.state?.proof ?? previous.proof
    }
    const deps = {
      exec,
      spawn: spawnStream,
      tempDir,
      cacheDir: path.join(process.env.RUNNER_TOOL_CACHE || os.tmpdir(), TOOL.name),
      log,
      now: () => new Date()
    }
    const stored = storedFiles.flatMap(loadStoredReport)
    const measured = stored.length > 0 ? stored.map((s) => s.report) : await measureReports(inputs, context, deps).finally(() => log.flush())
    const reports = measured.map((r) => redactDeep(r, redact))
    const finish = { inputs, workspace, runnerTemp, redact, publishing, measuredHere: stored.length === 0 }
    // One image (not from a list) gets the single-image comment, as it always has; several get one comment together.
    if (reports.length === 1 && !stored[0]?.fromList) await finishOne(reports[0], storedFiles[0] ?? null, finish)
    else await finishSet(reports, finish)
  } catch (error) {
    core.setFailed(redact(errorMessage(error)))
  } finally {
    rmSync(tempDir, { recursive: true, force: true })
  }
}

/** Writes an output file, making its folder (`json: image-size/api.json` before anything made image-size/). */
function writeOut(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
}

interface Finishing {
  inputs: Inputs
  workspace: string
  runnerTemp: string
  redact: Redact
  publishing: Publishing
  /** Built and measured by this run (not stored reports): findings become annotations and the verdict fails the job. */
  measuredHere: boolean
}

/** Each finding on its Dockerfile line, so it shows in the pull request's diff. */
function annotate(report: Report): void {
  for (const a of findingAnnotations(report.findings)) {
    if (a.level === 'error') core.error(a.message, a.properties)
    else if (a.level === 'warning') core.warning(a.message, a.properties)
    else core.notice(a.message, a.properties)
  }
}

async function finishOne(report: Report, storedReport: string | null, f: Finishing): Promise<void> {
  const { inputs, workspace, redact } = f
  const published = await publishReport(report, f.publishing.target, f.publishing.settings, f.publishing.deps)
  const reportPath = inputs.json ? path.resolve(workspace, inputs.json) : (storedReport ?? path.join(f.runnerTemp, `${TOOL.name}-report.json`))
  if (reportPath !== storedReport) writeOut(reportPath, JSON.stringify(published.report, null, 2) + '\n')
  for (const [name, value] of Object.entries(reportOutputs(published.report, reportPath))) core.setOutput(name, redact(String(value)))
  core.setOutput('comment-body', redact(published.body))
  if (inputs.markdown) writeOut(path.resolve(workspace, inputs.markdown), redact(published.body))
  core.info(redact(`${report.image.dockerfile ?? report.image.ref}: ${report.size.uncompressed} bytes, ${report.status}`))
  // The measuring run already reported the verdict and the annotations; publishing only publishes.
  if (!f.measuredHere) return
  annotate(report)
  if (report.status === 'fail') core.setFailed(redact(report.budget.reason ?? 'image size check failed'))
}

async function finishSet(reports: Report[], f: Finishing): Promise<void> {
  const { inputs, workspace, redact } = f
  const published = await publishReportSet(reports, f.publishing.target, f.publishing.settings, f.publishing.deps)
  // One file per image (the `report` output lists them), and with `json:` the whole set as one list.
  const dir = path.join(f.runnerTemp, `${TOOL.name}-reports`)
  mkdirSync(dir, { recursive: true })
  const files = published.images.map(({ name, report }, i) => {
    const file = path.join(dir, `${String(i + 1).padStart(3, '0')}-${name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}.json`)
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
    return file
  })
  if (inputs.json)
    writeOut(
      path.resolve(workspace, inputs.json),
      JSON.stringify(
        published.images.map((i) => i.report),
        null,
        2
      ) + '\n'
    )
  for (const [name, value] of Object.entries(setOutputs(published.status, files))) core.setOutput(name, redact(value))
  core.setOutput('comment-body', redact(published.body))
  if (inputs.markdown) writeOut(path.resolve(workspace, inputs.markdown), redact(published.body))
  for (const { name, report } of published.images) core.info(redact(`${name}: ${report.size.uncompressed} bytes, ${report.status}`))
  if (!f.measuredHere) return
  for (const { report } of published.images) annotate(report)
  const failing = published.images.filter((i) => i.report.status === 'fail')
  if (failing.length > 0) core.setFailed(redact(failing.map((i) => `${i.name}: ${i.report.budget.reason ?? 'image size check failed'}`).join('; ')))
}
