// The sampled estimate of a block's Go-deflate size (the `go` estimator): zlib
// level 4 (C, fast) sizes the whole block, the Go model a few slices spread
// over it, and the block's size is zlib's scaled by Go/zlib on those slices.
// How many slices, where they may start and what they are primed with depends
// on the Go release (samplePlan in push-flavor.ts).
//
// `sampledGoSegments` is self-contained so the deflate pool can ship it to its
// workers; the Go model, zlib and the noise test are passed in.

export interface SamplePlan {
  /** Slices the Go model runs on, and their size. */
  slices: number
  sliceBytes: number
  /** Slices start on multiples of this from the block's start (Go 1.27 deflates in 65535-byte chunks). */
  chunkBytes: number
  /** Data before each slice given to both models, so matches into it are found. */
  primingBytes: number
  /**
   * Model the whole block when zlib shrinks it more than this many times (0: never):
   * per-block overheads then dominate and do not scale, and the model is fast there.
   */
  exactAboveRatio: number
  /** Model the whole block when it is noise (the classic model stores noise at once). */
  exactOnNoise: boolean
}

export interface SampleModels {
  /** The exact Go model: blocks of data[start:], the data before it primes the model. */
  exact(data: Uint8Array, start: number, last: boolean): number[]
  /** Bytes zlib level 4 writes for data, primed with the dictionary, ending on a block boundary. */
  zlibBytes(data: Uint8Array, dictionary: Uint8Array | null): number
  looksLikeNoise(data: Uint8Array, start: number): boolean
}

export function sampledGoSegments(data: Uint8Array, start: number, last: boolean, plan: SamplePlan, models: SampleModels): number[] {
  const length = data.length - start
  const sliced = plan.slices * plan.sliceBytes
  if (length <= 2 * sliced || (plan.exactOnNoise && models.looksLikeNoise(data, start))) return models.exact(data, start, last)
  // zlib keeps a 32 KiB window: its dictionary is at most that.
  const zlibWindow = 32768
  const zlibDictionary = (at: number) => (at > 0 ? data.subarray(Math.max(0, at - zlibWindow), at) : null)
  const zlibBlock = models.zlibBytes(data.subarray(start), zlibDictionary(start)) * 8
  if (plan.exactAboveRatio > 0 && zlibBlock * plan.exactAboveRatio < length * 8) return models.exact(data, start, last)
  let goBits = 0
  let zlibBits = 0
  for (let k = 0; k < plan.slices; k++) {
    const spread = Math.floor(((length - plan.sliceBytes) * (2 * k + 1)) / (2 * plan.slices))
    const from = start + spread - (spread % plan.chunkBytes)
    const primeFrom = Math.max(0, from - plan.primingBytes)
    const slice = data.subarray(from, from + plan.sliceBytes)
    // Blocks in order: a stored one starts on a byte (3 header bits, then LEN and NLEN).
    let bits = 0
    for (const s of models.exact(data.subarray(primeFrom, from + plan.sliceBytes), from - primeFrom, false)) bits = s >= 0 ? bits + s : Math.ceil((bits + 3) / 8) * 8 + 32 + 8 * -s
    goBits += bits
    zlibBits += models.zlibBytes(slice, zlibDictionary(from)) * 8
  }
  return [Math.round(zlibBlock * (goBits / zlibBits))]
}
