// Which compress/flate writes the layers `docker push` uploads. Moby's push
// compresses with the standard library's compress/gzip at the default level,
// so what it writes depends on the Go release the engine was BUILT with
// (`docker version --format '{{.Server.GoVersion}}'`): up to Go 1.26 the
// classic encoder (goflate.ts), from Go 1.27 on the one taken from
// github.com/klauspost/compress (goflate-fast.ts), 1–3% larger on layers.
import type { SamplePlan } from './deflate-sample.js'
import { gzipBytesFromBits } from './goflate.js'
import { GO_FAST_CHUNK, goFastGzipBytesFromBits } from './goflate-fast.js'

export const PUSH_FLAVORS = ['go-classic', 'go1.27'] as const
/** `go-classic`: Go ≤ 1.26's compress/flate; `go1.27`: Go 1.27 and later. */
export type PushFlavor = (typeof PUSH_FLAVORS)[number]

/** The flavor of an engine from its Go version: 'go1.27.1' → 'go1.27', 'go1.23.7' → 'go-classic'. */
export function pushFlavorForGoVersion(goVersion: string): PushFlavor {
  const match = /(?:^|[^\w.])go(\d+)\.(\d+)/.exec(goVersion.trim())
  if (!match) throw new Error(`engine Go version "${goVersion}" is not like go1.27.1: cannot tell which compress/flate the engine pushes with`)
  const [major, minor] = [Number(match[1]), Number(match[2])]
  return major > 1 || minor >= 27 ? 'go1.27' : 'go-classic'
}

/** How a flavor's stream is cut and closed, for adding up blocks modelled apart. */
export interface FlavorLayout {
  /** Blocks start on multiples of this (Go 1.27 works in 65535-byte chunks), so a block's model starts where Go's chunk does. */
  chunkBytes: number
  /** Data before a block its model needs: the 32 KiB window, or Go 1.27's previous chunk (hash tables and open Huffman table). */
  dictionaryBytes: number
  /** gzip member size from the deflate stream's bits. */
  gzipBytesFromBits(bits: number): number
  /**
   * When sampling, a layer's first bytes are modelled exactly anyway: a small layer's
   * error would be one block's sampling error (up to 1.5% on a 6 MB layer of Go
   * binaries, 2-5% at the 95th percentile of Go 1.27's 4 MiB blocks).
   */
  exactLeadBytes: number
}

/**
 * How much of each 4 MiB block the sampled estimate models (samplePlan). On the
 * corpus of scripts/flate-models.ts (stand-in layers, a Go binary, sources, 570
 * MB) 64 KiB gives -0.06% in total for go-classic and -0.11% for go1.27 (every
 * input of 6 MB or more within 0.31%), where 256 KiB gave +0.01% and +0.10% at
 * about a quarter more CPU: the fallback's 0.5% needs no more.
 */
export const SAMPLE_BYTES = 64 * 1024

export const FLAVOR_LAYOUT: Record<PushFlavor, FlavorLayout> = {
  'go-classic': { chunkBytes: 1, dictionaryBytes: 32 * 1024, gzipBytesFromBits, exactLeadBytes: 4 * 1024 * 1024 },
  'go1.27': { chunkBytes: GO_FAST_CHUNK, dictionaryBytes: GO_FAST_CHUNK, gzipBytesFromBits: goFastGzipBytesFromBits, exactLeadBytes: 64 * GO_FAST_CHUNK }
}

/**
 * How the sampled estimator (deflate-sample.ts) samples a block, for `sampleBytes`
 * of it: the classic model on four slices of a quarter each; Go 1.27's on whole
 * chunks, twice as many, because its size relative to zlib varies more between
 * chunks (2-4% where the classic model varies 1-2%), and each with the 32 KiB
 * before it, which sets its hash tables and open Huffman table as well as the
 * whole previous chunk would (within 0.03%).
 */
export function samplePlan(flavor: PushFlavor, sampleBytes: number): SamplePlan {
  if (flavor === 'go-classic') return { slices: 4, sliceBytes: Math.floor(sampleBytes / 4), chunkBytes: 1, primingBytes: 32 * 1024, exactAboveRatio: 0, exactOnNoise: true }
  const chunks = Math.max(1, Math.round(sampleBytes / GO_FAST_CHUNK))
  return { slices: 2 * chunks, sliceBytes: GO_FAST_CHUNK, chunkBytes: GO_FAST_CHUNK, primingBytes: 32 * 1024, exactAboveRatio: 16, exactOnNoise: false }
}
