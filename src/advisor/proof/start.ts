// Starting the suggested image, offline: `docker run --network none` on a
// read-only root file system (a tmpfs on /tmp). A process that exits 0, or is
// still running after a couple of seconds (and then passes the image's own
// HEALTHCHECK, run inside it), starts; an exec failure, a missing file or a
// crash does not. A non-zero exit counts as starting only when the original
// image exits the same way under the same conditions (a program that needs
// arguments or configuration). The judgement is a pure function of what
// `docker` said, so it is tested without Docker.
import { randomBytes } from 'node:crypto'
import type { Docker } from '../../docker/docker.js'

export interface HealthcheckConfig {
  /** `["CMD", …]`, `["CMD-SHELL", "…"]` or `["NONE"]`, as the image config stores it. */
  test: string[]
}

export interface RunObservation {
  /** `docker run -d` failed: the container never started (exec failure, missing command …). */
  startError: string | null
  /** Exit code when the process ended within the wait, null when still running. */
  exitCode: number | null
  output: string
  /** The HEALTHCHECK's result when it was run. */
  health: { exitCode: number; output: string } | null
}

export interface StartVerdict {
  ok: boolean
  detail: string
}

export interface StartResult extends StartVerdict {
  exitCode: number | null
  running: boolean
  readOnly: boolean
  output: string
}

const tail = (text: string, n = 3) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-n)
    .join(' | ')
    .slice(0, 400)

/** What the observation of the suggestion (and, for a non-zero exit, of the original) says. */
export function judgeStart(suggested: RunObservation, original: RunObservation | null): StartVerdict {
  if (suggested.startError !== null) return { ok: false, detail: `it does not start: ${tail(suggested.startError, 2)}` }
  if (suggested.exitCode === null) {
    if (!suggested.health) return { ok: true, detail: 'still running after the wait' }
    return suggested.health.exitCode === 0
      ? { ok: true, detail: 'still running, and its HEALTHCHECK passes' }
      : { ok: false, detail: `it runs but its HEALTHCHECK fails (exit ${suggested.health.exitCode}): ${tail(suggested.health.output) || 'no output'}` }
  }
  if (suggested.exitCode === 0) return { ok: true, detail: 'exited 0' }
  const crash = suggested.exitCode >= 128 || /^(panic:|fatal error:|SIGSEGV|runtime: )/m.test(suggested.output)
  if (!crash && original && original.startError === null && original.exitCode === suggested.exitCode && lastLine(original.output) === lastLine(suggested.output)) {
    return { ok: true, detail: `exited ${suggested.exitCode}, as the original image does (${tail(suggested.output, 1) || 'no output'})` }
  }
  return { ok: false, detail: `it exited ${suggested.exitCode}${crash ? ' (crashed)' : ''}: ${tail(suggested.output) || 'no output'}` }
}

/** Digits (times, ids) aside, the last line a program printed. */
const lastLine = (text: string) => tail(text, 1).replace(/\d+/g, '#')

export interface StartOptions {
  /** How long a process must stay up to count as started (ms). */
  waitMs?: number
  readOnly?: boolean
  healthcheck?: HealthcheckConfig | null
  /** How long the HEALTHCHECK may take to pass (ms), retried twice a second. */
  healthMs?: number
}

/** Runs the image detached, waits, runs its HEALTHCHECK if still up, and removes the container. */
export async function observeStart(image: string, docker: Docker, options: StartOptions = {}): Promise<RunObservation> {
  const name = `go-image-budget-start-${randomBytes(4).toString('hex')}`
  const startError = await docker.containers.startDetached(image, name, { readOnly: options.readOnly !== false })
  try {
    if (startError !== null) return { startError, exitCode: null, output: '', health: null }
    const exitCode = await docker.containers.waitExit(name, options.waitMs ?? 2000)
    const logs = async () => {
      const l = await docker.containers.logs(name)
      return `${l.stdout}${l.stderr ? `\n${l.stderr}` : ''}`.trim().slice(-4000)
    }
    if (exitCode !== null) return { startError: null, exitCode, output: await logs(), health: null }
    const test = options.healthcheck?.test ?? []
    let health: RunObservation['health'] = null
    if (test[0] === 'CMD' || test[0] === 'CMD-SHELL') {
      const argv = test[0] === 'CMD' ? test.slice(1) : ['/bin/sh', '-c', test.slice(1).join(' ')]
      const deadline = Date.now() + (options.healthMs ?? 5000)
      for (;;) {
        const r = await docker.containers.execIn(name, argv)
        health = { exitCode: r.exitCode, output: `${r.stdout}\n${r.stderr}`.trim().slice(-2000) }
        if (r.exitCode === 0 || Date.now() > deadline) break
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    }
    return { startError: null, exitCode: null, output: await logs(), health }
  } finally {
    await docker.containers.remove(name)
  }
}

/**
 * The start check: the suggestion read-only; when it exits non-zero, again
 * with a writable root file system, and then the original the same way: the
 * same exit and last line as the original is the original's behaviour, not a
 * broken image.
 */
export async function startCheck(suggested: string, original: string | null, docker: Docker, options: StartOptions = {}): Promise<StartResult> {
  const result = (verdict: StartVerdict, o: RunObservation, readOnly: boolean): StartResult => ({
    ...verdict,
    exitCode: o.exitCode,
    running: o.startError === null && o.exitCode === null,
    readOnly,
    output: o.output
  })
  const readOnly = await observeStart(suggested, docker, options)
  const first = judgeStart(readOnly, null)
  if (first.ok || readOnly.startError !== null || readOnly.exitCode === null) return result(first, readOnly, true)
  const writable = await observeStart(suggested, docker, { ...options, readOnly: false })
  const second = judgeStart(writable, null)
  if (second.ok) return result({ ok: true, detail: `${second.detail} with a writable root file system (read-only it exited ${readOnly.exitCode})` }, writable, false)
  if (!original) return result(first, readOnly, true)
  return result(judgeStart(writable, await observeStart(original, docker, { ...options, readOnly: false, healthcheck: null })), writable, false)
}
