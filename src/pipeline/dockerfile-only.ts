// Dockerfile-only mode: the rules that need no built image, on the
// Dockerfile and the context's files alone. The pipeline runs no command (no
// Docker, no build), so it fits pre-commit hooks and editors.
import path from 'node:path'
import { Docker } from '../docker/docker.js'
import type { Inputs } from '../inputs.js'
import { NO_BASELINE, SCHEMA_VERSION, type Report } from '../report/types.js'
import { TOOL } from '../version.js'
import { adviseStage } from '../advisor/stage.js'
import { silentLogger } from '../log.js'

export async function dockerfileOnlyReport(inputs: Inputs, build: { context: string; dockerfile: string }, run: { workspace: string; commit: string | null }): Promise<Report> {
  const noDocker = () => Promise.reject(new Error('dockerfile-only mode runs no commands'))
  const advice = await adviseStage(
    { inputs, build, workspace: run.workspace, report: null, imageUser: null, buildOptions: null },
    {
      docker: new Docker({
        exec: noDocker,
        spawn: () => {
          throw new Error('dockerfile-only mode runs no commands')
        }
      }),
      tempDir: '',
      log: silentLogger,
      buildAndMeasure: noDocker
    }
  )
  const errorFindings = advice.findings.filter((f) => f.severity === 'error')
  const errors = errorFindings.length > 0
  const warnings = advice.findings.some((f) => f.severity === 'warning')
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL.name, version: TOOL.version },
    image: {
      ref: null,
      id: '',
      platform: inputs.platforms[0] ?? '',
      context: path.relative(run.workspace, build.context) || '.',
      dockerfile: path.relative(run.workspace, build.dockerfile),
      target: inputs.target,
      commit: run.commit
    },
    size: { uncompressed: 0, compressed: null, compressedSource: null },
    layers: [],
    wasted: null,
    goBinaries: [],
    budget: {
      metric: inputs.budgetMetric,
      limit: inputs.budget,
      warnAt: null,
      maxIncrease: null,
      status: 'none',
      // The entry points fail the job with this line when an error-level finding fails the check.
      reason: errors ? `dockerfile-only: ${errorFindings.map((f) => `${f.rule} at ${f.file}:${f.line ?? '-'}`).join(', ')}` : 'dockerfile-only mode: no image built'
    },
    baseline: NO_BASELINE,
    delta: null,
    findings: advice.findings,
    suggestion: advice.suggestion,
    history: [],
    mode: 'dockerfile-only',
    skippedRules: advice.skipped,
    // Without a size there is no budget verdict; an error-level finding (a binary
    // that cannot start) fails unless fail-on is never.
    status: errors && inputs.failOn !== 'never' ? 'fail' : errors || warnings ? 'warn' : 'pass'
  }
}
