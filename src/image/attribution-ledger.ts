// Bookkeeping of the attribution (attribution.ts): bytes per package by kind,
// and how much of each section has been attributed, so that no byte is
// counted twice and each section's remainder is what nothing claimed.
import { SHT_NOBITS, type Elf } from './elf.js'
import type { AttributedBytes, UnattributedRow } from '../report/types.js'

/** Bytes one package holds, by kind. */
export type Tally = AttributedBytes

export const emptyTally = (): Tally => ({ text: 0, pcln: 0, funcdata: 0, data: 0, bss: 0, debug: 0 })

/** The sections' file ranges, to credit attributed bytes to the section they lie in. */
export class SectionLedger {
  /** Bytes attributed so far, per section index. */
  readonly credited: Float64Array
  private readonly sizes: Float64Array
  private readonly starts: Float64Array
  private readonly ends: Float64Array
  private readonly order: Int32Array
  constructor(elf: Elf) {
    this.credited = new Float64Array(elf.sections.length)
    this.sizes = Float64Array.from(elf.sections, (s) => (s.type === SHT_NOBITS ? 0 : s.size))
    const order = elf.sections
      .map((s, i) => [s, i] as const)
      .filter(([s]) => s.type !== SHT_NOBITS && s.size > 0)
      .sort((a, b) => a[0].offset - b[0].offset)
    this.order = Int32Array.from(order, ([, i]) => i)
    this.starts = Float64Array.from(order, ([s]) => s.offset)
    this.ends = Float64Array.from(order, ([s]) => s.offset + s.size)
  }
  /** The section (index) holding file offset `off`, or -1. */
  at(off: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (this.starts[mid] <= off) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return found >= 0 && off < this.ends[found] ? this.order[found] : -1
  }
  /** Takes up to `bytes` from a section's remainder; returns what it could take (never more than the section holds). */
  take(section: number, bytes: number): number {
    if (section < 0 || bytes <= 0) return 0
    const taken = Math.min(this.sizes[section] - this.credited[section], bytes)
    this.credited[section] += taken
    return taken
  }
}

export type TallyOf = (pkg: string) => Tally
export type AddNamed = (name: string, kind: UnattributedRow['kind'], bytes: number) => void
