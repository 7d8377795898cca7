// The workflow's event: its name (GITHUB_EVENT_NAME) and the payload GitHub
// writes to GITHUB_EVENT_PATH, read and parsed here once. The base ref
// (git.ts), the trust check (trust.ts) and the publishing context
// (context.ts) all take this parsed event.
import { readFileSync } from 'node:fs'

export interface GitHubEvent {
  name: string
  payload: Record<string, unknown>
}

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/**
 * The event named by GITHUB_EVENT_NAME with the JSON object at GITHUB_EVENT_PATH;
 * null when either is unset or the file is missing, unreadable or not a JSON object.
 */
export function loadGitHubEvent(name: string | undefined, eventPath: string | undefined, readFile: (file: string) => string | null = readText): GitHubEvent | null {
  if (!name || !eventPath) return null
  const text = readFile(eventPath)
  if (text === null) return null
  try {
    const payload = JSON.parse(text) as unknown
    return payload && typeof payload === 'object' ? { name, payload: payload as Record<string, unknown> } : null
  } catch {
    return null
  }
}
