// Words of a Dockerfile as BuildKit reads them: variables substituted, paths
// resolved against a working directory. Pure.

/**
 * Substitutes `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alt}`; unknown
 * variables become '', or, with `keepUnset`, stay as written (an ARG without
 * a default, or one BuildKit sets such as TARGETARCH, is named, not blanked).
 */
export function substitute(text: string, vars: Record<string, string | null | undefined>, keepUnset = false): string {
  return text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string) => {
      const name = braced ?? bare
      const value = vars[name]
      const set = value !== undefined && value !== null && value !== ''
      if (op === ':-' || op === '-') return set ? value : substitute(word ?? '', vars, keepUnset)
      if (op === ':+' || op === '+') return set ? substitute(word ?? '', vars, keepUnset) : ''
      return value ?? (keepUnset ? m : '')
    }
  )
}

/** A path as a working directory resolves it: `..` and `.` folded, always absolute. */
export function resolvePath(workdir: string, p: string): string {
  const joined = p.startsWith('/') ? p : `${workdir.replace(/\/$/, '')}/${p}`
  const parts: string[] = []
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return `/${parts.join('/')}`
}
