// Redaction, in one place. Secret values must never reach a log, a report, a
// comment or an annotation. On GitHub, core.setSecret masks the runner's log;
// this covers everything else (CLI output, report JSON, comment bodies, error
// messages): which values are secret (from the inputs), the redactor, a logger
// that redacts whole lines (build progress arrives in arbitrary chunks, so a
// secret split across two chunks is still caught), and deep copies of reports.
// The entry points (main.ts, cli.ts) only call redactionFor and these helpers.
import path from 'node:path'
import { basicCredential } from './git.js'
import { credentialBuildArgs, type Inputs } from './inputs.js'
import type { Logger } from './log.js'

export type Redact = (text: string) => string

export function createRedactor(values: Iterable<string>): Redact {
  // Longest first, so a secret containing another is replaced whole; very short
  // values would mangle ordinary text, and the runner masks those anyway.
  const secrets = [...new Set([...values].filter((v) => v.length >= 3 && !/^\**$/.test(v)))].sort((a, b) => b.length - a.length)
  if (secrets.length === 0) return (text) => text
  const hide = (text: string, secret: string): string => {
    // The mask itself can complete a new occurrence ("*a*" in "*a*a*"): repeat until none is left.
    let out = text
    while (out.includes(secret)) out = out.split(secret).join('***')
    return out
  }
  return (text) => secrets.reduce(hide, text)
}

/** The values of `id=value` secret entries (what must be hidden), plus each value's lines. */
export function secretValues(secrets: string[]): string[] {
  return withLines(secrets.map((entry) => entry.slice(entry.indexOf('=') + 1)))
}

/** Each value, and each of its lines (a line of a multi-line value may be printed alone). */
function withLines(raw: string[]): string[] {
  const values: string[] = []
  for (const value of raw) {
    if (!value.trim()) continue
    values.push(value)
    // A printed copy may lose the surrounding whitespace, or show one line of the value alone.
    for (const part of [value.trim(), ...value.split(/\r?\n/).map((line) => line.trim())]) if (part && part !== value) values.push(part)
  }
  return [...new Set(values)]
}

export interface SecretValueSources {
  /** The environment buildx will read `secret-envs` from. */
  env: Record<string, string | undefined>
  /** Reads a `secret-files` file; null when it cannot be read (the build reports that). */
  readFile: (file: string) => string | null
  workspace: string
}

/**
 * Everything that must be hidden: `github-token` (and its basic-auth form),
 * `secrets` values, the contents of `secret-files`, the values of the
 * `secret-envs` variables, and the values of build args whose names look like
 * credentials.
 */
export function inputSecretValues(inputs: Pick<Inputs, 'secrets' | 'secretFiles' | 'secretEnvs' | 'buildArgs'> & Partial<Pick<Inputs, 'githubToken'>>, sources: SecretValueSources): string[] {
  const credentialArgs = new Set(credentialBuildArgs(inputs.buildArgs))
  const token = inputs.githubToken ?? null
  const raw = [
    // The token, and the header git sends it in when the base is fetched with it.
    ...(token ? [token, basicCredential(token)] : []),
    ...inputs.secrets.map((entry) => entry.slice(entry.indexOf('=') + 1)),
    ...inputs.secretFiles.map((f) => sources.readFile(path.resolve(sources.workspace, f.path)) ?? ''),
    ...inputs.secretEnvs.map((e) => sources.env[e.env] ?? ''),
    // `NAME` alone: buildx takes the value from the environment.
    ...inputs.buildArgs.filter((arg) => credentialArgs.has(arg.split('=')[0].trim())).map((arg) => (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (sources.env[arg.trim()] ?? '')))
  ]
  return withLines(raw)
}

export interface Redaction {
  /** The values to hide (main.ts also hands them to core.setSecret). */
  values: string[]
  redact: Redact
}

/** The secret values named by the inputs and the redactor that hides them. */
export function redactionFor(inputs: Pick<Inputs, 'secrets' | 'secretFiles' | 'secretEnvs' | 'buildArgs'> & Partial<Pick<Inputs, 'githubToken'>>, sources: SecretValueSources): Redaction {
  const values = inputSecretValues(inputs, sources)
  return { values, redact: createRedactor(values) }
}

/**
 * A logger that hides secret values. Debug text (build progress) is held until
 * its line is complete, so a value split across chunks is still hidden; the
 * held part is written when anything else is logged or a group ends.
 */
export function redactingLogger(inner: Logger, redact: Redact): Logger & { flush(): void } {
  let pending = ''
  const flush = (): void => {
    if (pending === '') return
    const text = pending
    pending = ''
    inner.debug(redact(text))
  }
  return {
    info: (m) => {
      flush()
      inner.info(redact(m))
    },
    warning: (m) => {
      flush()
      inner.warning(redact(m))
    },
    debug: (m) => {
      pending += m
      const nl = pending.lastIndexOf('\n')
      if (nl < 0) {
        // A line without an end for a long time: never hold more than 64 KiB.
        if (pending.length > 65536) flush()
        return
      }
      const complete = pending.slice(0, nl + 1)
      pending = pending.slice(nl + 1)
      inner.debug(redact(complete))
    },
    group: async (name, fn) => {
      flush()
      try {
        return await inner.group(redact(name), fn)
      } finally {
        flush()
      }
    },
    flush
  }
}

/** A deep copy of `value` with every string (keys included) redacted. */
export function redactDeep<T>(value: T, redact: Redact): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v)
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {}
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[redact(k)] = walk(x)
      return out
    }
    return v
  }
  return walk(value) as T
}
