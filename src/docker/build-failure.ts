// What a failed build's output says, in a line: buildx ends a failure with
// the failing step's last output between `------` rules (` > [stage 3/3] RUN
// …:` and its lines), then the Dockerfile excerpt, then `ERROR: …`. The step
// and its last lines say why; the ERROR line alone often does not ("did not
// complete successfully: exit code: 1").

const TIMESTAMP = /^\d+(\.\d+)?\s+/

/** The failing step and its last output lines, or buildx's last line when the output has no step block. */
export function buildFailureSummary(output: string, maxLines = 2): string {
  const lines = output.split('\n').map((l) => l.trimEnd())
  const header = lines.findIndex((l) => /^ > \[[^\]]*\] .*:$/.test(l))
  if (header >= 0) {
    const body: string[] = []
    for (const line of lines.slice(header + 1)) {
      if (/^-{6,}$/.test(line)) break
      const text = line.replace(TIMESTAMP, '').trim()
      if (text) body.push(text)
    }
    const step = lines[header].slice(3, -1).trim()
    return body.length > 0 ? `${step}: ${body.slice(-maxLines).join(' / ')}` : step
  }
  const last = lines.filter((l) => l.trim() !== '').slice(-1)[0] ?? ''
  return last.replace(/^#\d+\s+/, '').trim()
}
