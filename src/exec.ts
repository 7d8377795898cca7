// Running commands without a shell. The pipeline takes an `Exec` as a
// collaborator so tests can run real Docker and the entry points decide where
// output goes.
import { spawn } from 'node:child_process'
import type { Readable } from 'node:stream'
import { CommandError, EnvironmentError } from './errors.js'

export interface ExecResult {
  code: number
  stdout: string
  stderr: string
}

export interface ExecOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  input?: string
  /** Called with each chunk of stderr as it arrives (build progress). */
  onStderr?: (chunk: string) => void
}

export type Exec = (command: string, args: string[], options?: ExecOptions) => Promise<ExecResult>

/** Runs a command and collects its output; never throws for a non-zero exit. */
export const exec: Exec = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout?.on('data', (b: Buffer) => out.push(b))
    child.stderr?.on('data', (b: Buffer) => {
      err.push(b)
      options.onStderr?.(b.toString('utf8'))
    })
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'ENOENT' ? new EnvironmentError(`'${command}' is not installed or not on PATH`) : e)
    })
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }))
    if (child.stdin) {
      // A command that exits before reading its input must not crash us with EPIPE.
      child.stdin.on('error', () => {})
      child.stdin.end(options.input)
    }
  })

/** Starts a command whose stdout is consumed as a stream (e.g. `docker save`). */
export interface StreamedCommand {
  stdout: Readable
  /** Resolves when the command exits; rejects with its stderr tail when it fails. */
  done: Promise<void>
  kill(): void
}

export type Spawn = (command: string, args: string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv }) => StreamedCommand

export const spawnStream: Spawn = (command, args, options = {}) => {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
  const err: Buffer[] = []
  child.stderr.on('data', (b: Buffer) => err.push(b))
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new EnvironmentError(`'${command}' is not installed or not on PATH`) : e))
    child.on('close', (code, signal) => {
      if (code === 0) resolve()
      else reject(new CommandError(`${command} ${args[0] ?? ''} failed (${signal ?? `exit ${code}`})`, lastLines(Buffer.concat(err).toString('utf8'))))
    })
  })
  return { stdout: child.stdout, done, kill: () => child.kill() }
}

/** The last meaningful lines of a command's stderr, for error messages. */
export function lastLines(text: string, count = 8): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(-count)
    .join('\n')
}
