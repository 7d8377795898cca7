// Wiring the redactor (src/redact.ts) around everything that leaves the
// process: log lines (build progress arrives in arbitrary chunks, so a secret
// split across two chunks is caught by redacting whole lines), the report and
// every string inside it, and error messages.
import type { Logger } from './log.js'
import type { Redact } from './redact.js'

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
    info: (m) => { flush(); inner.info(redact(m)) },
    warning: (m) => { flush(); inner.warning(redact(m)) },
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
