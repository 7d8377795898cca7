// Errors a user can act on. Each says what went wrong and how to fix it in
// one line; the entry points print the message, never a stack trace.

/** Bad input: a value that cannot be parsed, a missing file. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The environment cannot do the job: no Docker daemon, no buildx. Exit code 2. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError'
}

/**
 * A command that ran and failed (a build); `detail` holds its last stderr
 * lines, `summary` (when the command's output says more than its last lines,
 * e.g. a build's failing step) the reason in one line.
 */
export class CommandError extends Error {
  override name = 'CommandError'
  constructor(
    message: string,
    readonly detail: string = '',
    readonly summary: string | null = null
  ) {
    super(detail ? `${message}\n${detail}` : message)
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
