// .dockerignore as BuildKit reads it (moby/patternmatcher): one pattern a
// line, `#` comments, `!` re-includes, `*` and `?` within a path element, `**`
// across elements, and a pattern that matches a directory excludes
// everything under it. The last pattern that matches decides. Pure.

interface Pattern {
  regex: RegExp
  exclusion: boolean
}

function clean(p: string): string {
  const parts: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}

function toRegex(pattern: string): RegExp {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++
        // `**/` matches zero or more directories; a trailing `**` everything below.
        if (pattern[i + 1] === '/') {
          i++
          re += '(?:.*/)?'
        } else re += '.*'
      } else re += '[^/]*'
    } else if (c === '?') re += '[^/]'
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1)
      if (end < 0) re += '\\['
      else {
        re += `[${pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`
        i = end
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

export function parseDockerignore(text: string): Pattern[] {
  const patterns: Pattern[] = []
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const exclusion = line.startsWith('!')
    if (exclusion) line = line.slice(1).trim()
    const cleaned = clean(line)
    if (cleaned === '') continue
    patterns.push({ regex: toRegex(cleaned), exclusion })
  }
  return patterns
}

/** Whether `relPath` (relative to the context, `/`-separated) is left out of the build context. */
export function isIgnored(patterns: Pattern[], relPath: string): boolean {
  const path = clean(relPath)
  const parents: string[] = []
  const parts = path.split('/')
  for (let i = 1; i < parts.length; i++) parents.push(parts.slice(0, i).join('/'))
  let ignored = false
  for (const p of patterns) {
    if (p.regex.test(path) || parents.some((d) => p.regex.test(d))) ignored = !p.exclusion
  }
  return ignored
}
