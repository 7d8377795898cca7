// Size strings in and out. `MB` means what `docker images` means: decimal
// (1 MB = 1,000,000 bytes); `MiB` is binary. Both are exact.
import { UsageError } from './errors.js'

const UNITS: Record<string, number> = {
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4
}

const SIZE_EXAMPLES = '25MB, 25 MiB, 1.5GB, 800kB, 2000000'
const SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)\s*$/

/** Parses "25MB", "25 MiB", "1.5GB" or plain bytes into a whole number of bytes. */
export function parseSize(text: string, inputName = 'size'): number {
  const match = SIZE_PATTERN.exec(text)
  const factor = match ? UNITS[match[2].toLowerCase() || 'b'] : undefined
  if (!match || factor === undefined) {
    throw new UsageError(`${inputName}: cannot read '${text}' as a size; use a number with an optional unit, e.g. ${SIZE_EXAMPLES}`)
  }
  const bytes = Math.round(Number(match[1]) * factor)
  if (!Number.isSafeInteger(bytes)) throw new UsageError(`${inputName}: '${text}' is too large`)
  return bytes
}

export type SizeOrPercent = { bytes: number } | { percent: number }

/** Parses a size or a percentage ("10%", "2.5 %"). */
export function parseSizeOrPercent(text: string, inputName: string): SizeOrPercent {
  const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text)
  if (percent) return { percent: Number(percent[1]) }
  try {
    return { bytes: parseSize(text, inputName) }
  } catch {
    throw new UsageError(`${inputName}: cannot read '${text}' as a size or a percentage; use e.g. ${SIZE_EXAMPLES}, or 10%`)
  }
}

const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB']

/** Formats bytes as `docker images` does (decimal, 3 significant digits): "7.58 MB". */
export function formatSize(bytes: number): string {
  const sign = bytes < 0 ? '-' : ''
  let value = Math.abs(bytes)
  let unit = 0
  while (value >= 1000 && unit < DECIMAL.length - 1) {
    value /= 1000
    unit++
  }
  const text = unit === 0 ? String(value) : Number(value.toPrecision(3)).toString()
  return `${sign}${text} ${DECIMAL[unit]}`
}

/** "+1.1 MB", "-300 kB", "±0 B". */
export function formatDelta(bytes: number): string {
  if (bytes === 0) return '±0 B'
  return bytes > 0 ? `+${formatSize(bytes)}` : formatSize(bytes)
}

export function formatPercent(percent: number): string {
  const rounded = Math.abs(percent) >= 10 ? percent.toFixed(0) : percent.toFixed(1)
  return `${percent > 0 ? '+' : ''}${rounded}%`
}
