// Action entry logic: inputs from action.yml, the pipeline, outputs. The only
// place (with cli.ts) that touches @actions/core and the environment.
import * as core from '@actions/core'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { historyFromReportFile } from './baseline/report.js'
import { findingAnnotations } from './github/annotations.js'
import { loadStoredReport, preparePublishing } from './github/action.js'
import { publishReport } from './github/publish.js'
import { errorMessage } from './errors.js'
import { exec, spawnStream } from './exec.js'
import { headCommit, loadGitHubEvent, resolveBaseRef } from './git.js'
import { parseInputs, type InputName } from './inputs.js'
import type { Logger } from './log.js'
import { reportOutputs } from './outputs.js'
import { runPipeline } from './pipeline.js'
import { createRedactor, secretValues, type Redact } from './redact.js'
import { redactDeep, redactingLogger } from './safety.js'
import { untrustedBuildRefusal } from './trust.js'
import { TOOL } from './version.js'

const coreLogger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (name, fn) => core.group(name, fn)
}

export async function run(): Promise<void> {
  const runnerTemp = process.env.RUNNER_TEMP || os.tmpdir()
  const tempDir = mkdtempSync(path.join(runnerTemp, `${TOOL.name}-`))
  // Secret values never reach a log line, the report, the comment, the summary,
  // an output, an annotation or the failure message (the runner masks its own log too).
  let redact: Redact = (text) => text
  try {
    const inputs = parseInputs((name: InputName) => core.getInput(name))
    const secrets = secretValues(inputs.secrets)
    for (const value of new Set(secrets)) core.setSecret(value)
    redact = createRedactor(secrets)
    const log = redactingLogger(coreLogger, redact)
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const event = loadGitHubEvent(process.env.GITHUB_EVENT_NAME, process.env.GITHUB_EVENT_PATH)
    // pull_request_target / a fork's workflow_run: never build a stranger's code with a write token.
    // Publishing a stored report and dockerfile-only (reads files, runs nothing) stay allowed.
    const refusal = inputs.report || inputs.dockerfileOnly
      ? null
      : untrustedBuildRefusal({ eventName: process.env.GITHUB_EVENT_NAME ?? '', payload: event?.payload ?? {}, allowUntrustedBuild: inputs.allowUntrustedBuild })
    if (refusal) {
      await core.summary.addHeading('go-image-budget: nothing built', 3).addRaw(`${refusal}\n`).write().catch(() => undefined)
      core.setFailed(refusal)
      return
    }
    const previous = inputs.previousReport ? await historyFromReportFile(path.resolve(workspace, inputs.previousReport)) : { history: [], warning: null, proof: null }
    if (previous.warning) log.warning(previous.warning)
    // Find the pull request's sticky comment first: the trend it carries feeds this run.
    const storedReport = inputs.report ? path.resolve(workspace, inputs.report) : null
    const publishing = await preparePublishing(inputs, process.env, log, async (markdown) => {
      await core.summary.addRaw(redact(markdown)).write()
    }, storedReport)
    const commentHistory = publishing.target.state?.history ?? []
    const context = {
      workspace,
      commit: headCommit(event, process.env.GITHUB_SHA || null),
      confineToWorkspace: true,
      base: resolveBaseRef(event, inputs.baseRef),
      previousHistory: previous.history.length > 0 ? previous.history : commentHistory,
      // The suggestion's proof from the last push: carried when nothing it depends on changed.
      previousProof: publishing.target.state?.proof ?? previous.proof
    }
    // `report`: publish what another run measured (the fork-safe workflow_run job); build nothing.
    const measured = storedReport ? loadStoredReport(storedReport) : await runPipeline(inputs, context, {
      exec, spawn: spawnStream, tempDir,
      cacheDir: path.join(process.env.RUNNER_TOOL_CACHE || os.tmpdir(), TOOL.name),
      log,
      now: () => new Date()
    }).finally(() => log.flush())
    const report = redactDeep(measured, redact)
    const published = await publishReport(report, publishing.target, publishing.settings, publishing.deps)
    const reportPath = inputs.json ? path.resolve(workspace, inputs.json) : storedReport ?? path.join(runnerTemp, `${TOOL.name}-report.json`)
    if (reportPath !== storedReport) writeFileSync(reportPath, JSON.stringify(published.report, null, 2) + '\n')
    for (const [name, value] of Object.entries(reportOutputs(published.report, reportPath))) core.setOutput(name, redact(String(value)))
    core.setOutput('comment-body', redact(published.body))
    if (inputs.markdown) writeFileSync(path.resolve(workspace, inputs.markdown), redact(published.body))
    log.info(`${report.image.dockerfile ?? report.image.ref}: ${report.size.uncompressed} bytes, ${report.status}`)
    // The measuring run already reported the verdict and the annotations; publishing only publishes.
    if (storedReport) return
    // Each finding on its Dockerfile line, so it shows in the pull request's diff.
    for (const a of findingAnnotations(report.findings)) {
      if (a.level === 'error') core.error(a.message, a.properties)
      else if (a.level === 'warning') core.warning(a.message, a.properties)
      else core.notice(a.message, a.properties)
    }
    if (report.status === 'fail') core.setFailed(redact(report.budget.reason ?? 'image size check failed'))
  } catch (error) {
    core.setFailed(redact(errorMessage(error)))
  } finally {
    rmSync(tempDir, { recursive: true, force: true })
  }
}
