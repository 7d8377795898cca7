// Secret values must never reach a log, a report, a comment or an annotation.
// On GitHub, core.setSecret masks the runner's log; this covers everything else
// (CLI output, report JSON, comment bodies, error messages).

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
  const values: string[] = []
  for (const entry of secrets) {
    const value = entry.slice(entry.indexOf('=') + 1)
    if (!value) continue
    values.push(value)
    for (const line of value.split(/\r?\n/)) if (line.trim()) values.push(line.trim())
  }
  return values
}
