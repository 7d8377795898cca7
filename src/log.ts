// Where the pipeline's progress goes: @actions/core on GitHub, stderr in the CLI.
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

export const silentLogger: Logger = {
  info: () => {},
  warning: () => {},
  debug: () => {},
  group: (_name, fn) => fn()
}
