// Action entry logic: inputs from action.yml, the pipeline, outputs. The only
// place (with cli.ts) that touches @actions/core and the environment.
import * as core from '@actions/core'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { historyFromReportFile } from './baseline/report.js'
import { findingAnnotations } from './github/annotations.js'
import { errorMessage } from './errors.js'
import { exec, spawnStream } from './exec.js'
import { headCommit, loadGitHubEvent, resolveBaseRef } from './git.js'
import { parseInputs, type InputName } from './inputs.js'
import type { Logger } from './log.js'
import { reportOutputs } from './outputs.js'
import { runPipeline } from './pipeline.js'
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
  try {
    const inputs = parseInputs((name: InputName) => core.getInput(name))
    for (const secret of inputs.secrets) {
      const value = secret.slice(secret.indexOf('=') + 1)
      if (value) core.setSecret(value)
    }
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const event = loadGitHubEvent(process.env.GITHUB_EVENT_NAME, process.env.GITHUB_EVENT_PATH)
    const previous = inputs.previousReport ? await historyFromReportFile(path.resolve(workspace, inputs.previousReport)) : { history: [], warning: null }
    if (previous.warning) core.warning(previous.warning)
    const context = {
      workspace,
      commit: headCommit(event, process.env.GITHUB_SHA || null),
      confineToWorkspace: true,
      base: resolveBaseRef(event, inputs.baseRef),
      previousHistory: previous.history
    }
    const report = await runPipeline(inputs, context, {
      exec, spawn: spawnStream, tempDir,
      cacheDir: path.join(process.env.RUNNER_TOOL_CACHE || os.tmpdir(), TOOL.name),
      log: coreLogger,
      now: () => new Date()
    })
    const reportPath = inputs.json ? path.resolve(workspace, inputs.json) : path.join(runnerTemp, `${TOOL.name}-report.json`)
    writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n')
    for (const [name, value] of Object.entries(reportOutputs(report, reportPath))) core.setOutput(name, value)
    core.info(`${report.image.dockerfile ?? report.image.ref}: ${report.size.uncompressed} bytes, ${report.status}`)
    // Each finding on its Dockerfile line, so it shows in the pull request's diff.
    for (const a of findingAnnotations(report.findings)) {
      if (a.level === 'error') core.error(a.message, a.properties)
      else if (a.level === 'warning') core.warning(a.message, a.properties)
      else core.notice(a.message, a.properties)
    }
    if (report.status === 'fail') core.setFailed(report.budget.reason ?? 'image size check failed')
  } catch (error) {
    core.setFailed(errorMessage(error))
  } finally {
    rmSync(tempDir, { recursive: true, force: true })
  }
}
