// Running commands without a shell. The pipeline takes an `Exec` as a
// collaborator so tests can run real Docker and the entry points decide where
// output goes. Commands whose output is collected run through @actions/exec;
// a stream that must apply back-pressure (spawnStream) is our own.
import { spawn } from 'node:child_process'
import type { Readable } from 'node:stream'
import { getExecOutput } from '@actions/exec'
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

const notInstalled = (command: string) => new EnvironmentError(`'${command}' is not installed or not on PATH`)

/** Runs a command and collects its output; never throws for a non-zero exit. Nothing is echoed (a build arg may be a secret's neighbour). */
export const exec: Exec = async (command, args, options = {}) => {
  const env = Object.fromEntries(Object.entries(options.env ?? process.env).filter((e): e is [string, string] => e[1] !== undefined))
  const onStderr = options.onStderr
  try {
    const result = await getExecOutput(command, args, {
      cwd: options.cwd,
      env,
      input: options.input === undefined ? undefined : Buffer.from(options.input),
      silent: true,
      ignoreReturnCode: true,
      listeners: onStderr ? { stderr: (chunk: Buffer) => onStderr(chunk.toString('utf8')) } : undefined
    })
    return { code: result.exitCode ?? 1, stdout: result.stdout, stderr: result.stderr }
  } catch (error) {
    // @actions/io looks the command up on PATH before it starts anything.
    if (/Unable to locate executable file/.test((error as Error).message)) throw notInstalled(command)
    throw error
  }
}

/**
 * Starts a command whose stdout is consumed as a stream (e.g. `docker save`
 * of gigabytes into the tar reader). @actions/exec hands out stdout through
 * listeners and cannot pause the process, so this one is our own: the reader
 * pulls, and the command waits while the reader is busy.
 */
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
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? notInstalled(command) : e))
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
