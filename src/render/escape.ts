// Untrusted text (Dockerfile instructions, file paths, branch names, finding
// messages that quote them) goes into a pull-request comment that anyone can
// influence by opening a pull request. These helpers make sure such text stays
// text: it cannot end a table cell, open an HTML tag or comment, mention a
// person or team, reference an issue, or hide behind bidirectional overrides.

const ZERO_WIDTH_JOINER = '\u200d'

// C0/C1 controls (except tab/newline, which callers flatten) and the Unicode
// bidi overrides/isolates that let text display differently than it reads.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Removes control and bidi-override characters and flattens line breaks to spaces. */
export function sanitize(text: string): string {
  // Reports can come from another run (untrusted JSON): never assume a string.
  return String(text ?? '')
    .replace(INVISIBLE, '')
    .replace(/\r\n?|\n|\t/g, ' ')
}

/** Shortens to at most `max` characters (counting code points), ending in "…". */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : chars.slice(0, Math.max(0, max - 1)).join('') + '…'
}

// Stops GitHub from turning `@name` and `@org/team` into mentions (they notify
// people) and `#123` / `GH-123` into cross-references (they ping issues).
function defuseReferences(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, `@${ZERO_WIDTH_JOINER}`).replace(/#(?=\d)/g, `#${ZERO_WIDTH_JOINER}`)
}

/**
 * Plain inline text, safe anywhere in a paragraph or table cell: markdown
 * punctuation is backslash-escaped, HTML metacharacters become entities, and
 * mentions are defused.
 */
export function escapeText(text: string, max = 200): string {
  const clean = truncate(sanitize(text), max)
  const escaped = clean
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~"$:]/g, (c) => `\\${c}`)
  return defuseReferences(escaped)
}

/**
 * Inline code, safe in a table cell: the fence is longer than any backtick run
 * inside, pipes are escaped (GFM splits cells before parsing code spans), and
 * nothing inside is markdown, HTML or a mention.
 */
export function inlineCode(text: string, max = 120): string {
  // A backslash right before a pipe would escape our escape (`\\|` ends the cell, in GitHub's
  // table scanner and in marked): a zero-width space keeps them apart.
  const clean = truncate(sanitize(text), max)
    .replace(/\\(?=\|)/g, '\\\u200b')
    .replace(/\|/g, '\\|')
  if (clean.trim() === '') return '` `'
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean.startsWith(' ') ? ' ' : ''
  return `${fence}${pad}${clean}${pad}${fence}`
}

/** A fenced code block whose fence no line of `text` can close. */
export function codeBlock(text: string, language = ''): string {
  const body = String(text ?? '')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(Math.max(3, longestRun + 1))
  return `${fence}${language}\n${body}\n${fence}`
}

/** A URL path segment list, percent-encoded segment by segment (keeps `/`). */
export function encodePath(filePath: string): string {
  return (
    filePath
      .split('/')
      .filter((segment) => segment !== '' && segment !== '.')
      // encodeURIComponent leaves ( ) ! ' * alone; an unbalanced ")" would end a markdown link early.
      .map((segment) => encodeURIComponent(segment).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
      .join('/')
  )
}

/**
 * Text inside an HTML block (a `<summary>` line), where markdown is not
 * parsed: entities for the HTML metacharacters, mentions defused.
 */
export function htmlText(text: string, max = 200): string {
  // Defused before the entities are written: `#` + digits inside `&#39;` is not a reference.
  return defuseReferences(truncate(sanitize(text), max))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** `<code>` inside an HTML block. */
export function htmlCode(text: string, max = 120): string {
  return `<code>${htmlText(text, max)}</code>`
}

/**
 * Text that may mark code with single backticks (advisor messages: "add
 * `-trimpath`"): each `code` part becomes a safe code span, the rest is
 * escaped text. An unpaired backtick is just text.
 */
export function escapeTextWithCode(text: string, max = 240): string {
  const clean = truncate(sanitize(text), max)
  const parts = clean.split(/`([^`]+)`/)
  return parts.map((part, i) => (i % 2 === 1 ? inlineCode(part, max) : part === '' ? '' : escapeText(part, max))).join('')
}
