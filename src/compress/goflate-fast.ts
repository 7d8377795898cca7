// The size Go 1.27+'s compress/flate gives a chunk of data at the default
// level (what `docker push` writes through compress/gzip when the engine was
// built with Go 1.27 or later), without producing the bytes. Go 1.27 replaced
// the classic encoder (goflate.ts) with a cleaned version of
// github.com/klauspost/compress/flate: level 6 is `fastEncL6` (level6.go), a
// greedy matcher with a 4-byte and a 7-byte hash table (the long one keeps two
// candidates), a repeat-offset check and a look for a longer match at the end
// of each one. Input is cut into chunks of maxStoreBlockSize (65535) bytes;
// each chunk's tokens go to the Huffman writer model (goflate-writer.ts), which
// chooses stored, Huffman-only, fixed or dynamic and may keep a table open
// across chunks, as deflateFast (deflate.go) does.
//
// `goFastDeflateSegments` is self-contained (no imports, no outer variables;
// it keeps its encoder on itself, by the name a named function has wherever its
// source runs) so its source can run in a worker thread; the writer is passed
// in. It returns the blocks it would write, as goDeflateSegments does: n ≥ 0
// Huffman bits, n < 0 a stored block of -n bytes. Data before `start` (the
// previous chunk, or the 32 KiB before a sample) is modelled first, as chunks
// that end where the block begins, to set the hash tables and the writer's
// state, and is not counted.
import type { GoHuffmanWriter, GoTokens } from './goflate-writer.js'

/** Go 1.27's deflateFast works on chunks of this many bytes (maxStoreBlockSize). */
export const GO_FAST_CHUNK = 65535

type Encoder = (input: Uint8Array, start: number, last: boolean, writer: GoHuffmanWriter) => number[]

export function goFastDeflateSegments(input: Uint8Array, start: number, last: boolean, writer: GoHuffmanWriter): number[] {
  // V8 inlines the helpers below only while they stay the same closures: made anew on every
  // call they run 3x slower. So the encoder is made once per thread, kept on this function.
  const self = goFastDeflateSegments as typeof goFastDeflateSegments & { encoder?: Encoder }
  self.encoder ??= fastEncoder()
  return self.encoder(input, start, last, writer)

  function fastEncoder(): Encoder {
    const chunkSize = 65535
    const tableBits = 15
    const tableSize = 1 << tableBits
    const maxMatchOffset = 1 << 15
    const maxMatchLength = 258
    const baseMatchLength = 3
    const inputMargin = 12 - 1
    const minNonLiteralBlockSize = 1 + 1 + inputMargin
    // Table entries hold position + entryBase, so an empty entry (0) is always out of reach.
    const entryBase = 1 << 16

    // The call's input and writer.
    let data: Uint8Array = new Uint8Array(0)
    let writer: GoHuffmanWriter

    const table = new Int32Array(tableSize)
    // bTable: the current and previous entry of a long hash side by side (one cache line, as Go's struct).
    const bTable = new Int32Array(2 * tableSize)
    const tokens: GoTokens = { litHist: new Int32Array(256), extraHist: new Int32Array(32), offHist: new Int32Array(32), n: 0 }
    const { litHist, extraHist, offHist } = tokens

    // lengthCodes1 and offsetCodes of token.go, built from the RFC 1951 bases.
    const lengthCodes1 = new Uint8Array(256)
    const lengthBase = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 255, 256]
    for (let c = 0; c < 29; c++) for (let l = lengthBase[c]; l < lengthBase[c + 1]; l++) lengthCodes1[l] = c + 1
    const offsetCodes = new Uint8Array(256)
    const offsetBase = [0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256]
    for (let c = 0; c < 16; c++) for (let o = offsetBase[c]; o < offsetBase[c + 1]; o++) offsetCodes[o] = c
    const offsetCode = (off: number) => (off < 256 ? offsetCodes[off] : offsetCodes[off >> 7] + 14)

    const load32 = (i: number) => data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)
    // hashLen(u, 15, 4): the low 32 bits times prime4bytes, top 15 bits.
    const hash4 = (i: number) => Math.imul(load32(i), 0x9e3779b1) >>> (32 - tableBits)
    // hashLen(u, 15, 7): ((u << 8) * prime7bytes) >> 49 on 64 bits, i.e. the top 15 bits of
    // the high word. JS has no 64-bit multiply, so the high word is built from 32-bit halves
    // (prime7bytes = 0xcf1bbc_dcbfa563) and the exact high half of low × low, through 16-bit pieces.
    const hash7 = (i: number) => {
      const lo24 = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16)
      const hi = data[i + 3] | (data[i + 4] << 8) | (data[i + 5] << 16) | (data[i + 6] << 24)
      // (x / 2^k) | 0 and >>> 0 floor these non-negative products, exact below 2^53.
      const low = ((lo24 * 0xa563) / 65536) | 0
      const carry = ((lo24 * 0xdcbf + low) / 256) >>> 0
      return ((carry + Math.imul(lo24 << 8, 0xcf1bbc) + Math.imul(hi, 0xdcbfa563 | 0)) >>> 0) >>> (32 - tableBits)
    }
    const insertLong = (h: number, entry: number) => {
      bTable[2 * h + 1] = bTable[2 * h]
      bTable[2 * h] = entry
    }
    // matchLen within the chunk (Go's hist ends where the chunk does).
    const matchLen = (s: number, t: number, limit: number) => {
      let n = 0
      while (s + n < limit && data[s + n] === data[t + n]) n++
      return n
    }

    const emitLiterals = (from: number, to: number) => {
      for (let i = from; i < to; i++) litHist[data[i]]++
      tokens.n += to - from
    }
    /** AddMatchLong: a match longer than 258 is written as several. */
    const addMatchLong = (length: number, xoffset: number) => {
      const oc = offsetCode(xoffset)
      while (length > 0) {
        let xl = length
        if (xl > maxMatchLength) xl = xl > maxMatchLength + baseMatchLength ? maxMatchLength : maxMatchLength - baseMatchLength
        length -= xl
        extraHist[lengthCodes1[xl - baseMatchLength]]++
        offHist[oc]++
        tokens.n++
      }
    }

    /** fastEncL6.encode of data[chunkStart, chunkEnd), everything before it being history. */
    const encode = (chunkStart: number, chunkEnd: number) => {
      if (chunkEnd - chunkStart < minNonLiteralBlockSize) {
        tokens.n = chunkEnd - chunkStart
        return
      }
      const sLimit = chunkEnd - inputMargin
      const limited = (s: number) => Math.min(s + maxMatchLength - 4, chunkEnd)
      let s = chunkStart
      let nextEmit = s
      let repeat = 1
      for (;;) {
        // Look for a match, skipping faster the longer nothing matched (skipLog 7).
        let nextS = s
        let l = 0
        let t: number
        // The hashes at nextS carry over to the next round (Go computes them again).
        let nextHashS = hash4(nextS)
        let nextHashL = hash7(nextS)
        for (;;) {
          const hashS = nextHashS
          const hashL = nextHashL
          s = nextS
          nextS = s + 1 + ((s - nextEmit) >> 7)
          if (nextS > sLimit) return emitRemainder(nextEmit, chunkEnd)
          const sCandidate = table[hashS] - entryBase
          const lCandidateCur = bTable[2 * hashL] - entryBase
          const lCandidatePrev = bTable[2 * hashL + 1] - entryBase
          table[hashS] = s + entryBase
          insertLong(hashL, s + entryBase)
          nextHashS = hash4(nextS)
          nextHashL = hash7(nextS)
          const cv = load32(s)
          const next = load32(nextS)

          t = lCandidateCur
          if (s - t < maxMatchOffset) {
            if (cv === load32(t)) {
              // The long candidate matches 4 bytes; the previous one may be longer.
              table[nextHashS] = nextS + entryBase
              insertLong(nextHashL, nextS + entryBase)
              const t2 = lCandidatePrev
              if (s - t2 < maxMatchOffset && cv === load32(t2)) {
                l = matchLen(s + 4, t + 4, limited(s + 4)) + 4
                const ml1 = matchLen(s + 4, t2 + 4, limited(s + 4)) + 4
                if (ml1 > l) {
                  t = t2
                  l = ml1
                }
              }
              break
            }
            t = lCandidatePrev
            if (s - t < maxMatchOffset && cv === load32(t)) {
              table[nextHashS] = nextS + entryBase
              insertLong(nextHashL, nextS + entryBase)
              break
            }
          }

          t = sCandidate
          if (s - t < maxMatchOffset && cv === load32(t)) {
            // A 4-byte match; a repeat of the last offset at s+1, or a long match at nextS, may beat it.
            l = matchLen(s + 4, t + 4, limited(s + 4)) + 4
            const nextCur = bTable[2 * nextHashL] - entryBase
            const nextPrev = bTable[2 * nextHashL + 1] - entryBase
            table[nextHashS] = nextS + entryBase
            insertLong(nextHashL, nextS + entryBase)
            let t2 = s - repeat + 1
            if (load32(t2) === load32(s + 1)) {
              const ml = matchLen(s + 5, t2 + 4, limited(s + 5)) + 4
              if (ml > l) {
                t = t2
                l = ml
                s += 1
                break
              }
            }
            t2 = nextCur
            if (nextS - t2 < maxMatchOffset) {
              if (load32(t2) === next) {
                const ml = matchLen(nextS + 4, t2 + 4, limited(nextS + 4)) + 4
                if (ml > l) {
                  t = t2
                  s = nextS
                  l = ml
                }
              }
              t2 = nextPrev
              if (nextS - t2 < maxMatchOffset && load32(t2) === next) {
                const ml = matchLen(nextS + 4, t2 + 4, limited(nextS + 4)) + 4
                if (ml > l) {
                  t = t2
                  s = nextS
                  l = ml
                }
              }
            }
            break
          }
        }

        // Extend the match as far as it goes.
        if (l === 0) l = matchLen(s + 4, t + 4, chunkEnd) + 4
        else if (l === maxMatchLength) l += matchLen(s + l, t + l, chunkEnd)

        // A longer match may end where this one does: test both long candidates there, 2 bytes in.
        const sAt = s + l
        if (sAt < sLimit) {
          const h = hash7(sAt)
          const s2 = s + 2
          let t2 = bTable[2 * h] - entryBase - l + 2
          let off = s2 - t2
          if (off < maxMatchOffset) {
            if (off > 0 && t2 >= 0) {
              const l2 = matchLen(s2, t2, chunkEnd)
              if (l2 > l) {
                t = t2
                l = l2
                s = s2
              }
            }
            t2 = bTable[2 * h + 1] - entryBase - l + 2
            off = s2 - t2
            if (off > 0 && off < maxMatchOffset && t2 >= 0) {
              const l2 = matchLen(s2, t2, chunkEnd)
              if (l2 > l) {
                t = t2
                l = l2
                s = s2
              }
            }
          }
        }

        // Extend backwards.
        while (t > 0 && s > nextEmit && data[t - 1] === data[s - 1]) {
          s--
          t--
          l++
        }
        if (nextEmit < s) emitLiterals(nextEmit, s)
        addMatchLong(l, s - t - 1)
        repeat = s - t
        s += l
        nextEmit = s
        if (nextS >= s) s = nextS + 1

        if (s >= sLimit) {
          // Index after the match end, every other position, to the end of the chunk.
          for (let i = nextS + 1; i < chunkEnd - 8; i += 2) {
            table[hash4(i)] = i + entryBase
            insertLong(hash7(i), i + entryBase)
          }
          return emitRemainder(nextEmit, chunkEnd)
        }
        // Store every long hash in between and every second short one.
        for (let i = nextS + 1; i < s - 1; i += 2) {
          const h7 = hash7(i)
          const h7next = hash7(i + 1)
          table[hash4(i)] = i + entryBase
          insertLong(h7, i + entryBase)
          insertLong(h7next, i + 1 + entryBase)
        }
      }
    }
    // Trailing literals, unless nothing matched at all (then the chunk is stored).
    const emitRemainder = (nextEmit: number, chunkEnd: number) => {
      if (nextEmit < chunkEnd && tokens.n !== 0) emitLiterals(nextEmit, chunkEnd)
    }

    /** deflateFast: one chunk, from its tokens to the writer. */
    const deflateChunk = (chunkStart: number, chunkEnd: number, sync: boolean) => {
      const length = chunkEnd - chunkStart
      if (sync && length < 128) {
        // The tail of the stream: tiny, so stored or Huffman-only without looking for matches.
        if (length === 0) return
        if (length <= 32) writer.writeStored(length)
        else writer.writeBlockHuff(data, chunkStart, chunkEnd, true)
        return
      }
      litHist.fill(0)
      extraHist.fill(0)
      offHist.fill(0)
      tokens.n = 0
      encode(chunkStart, chunkEnd)
      if (tokens.n === 0) writer.writeStored(length)
      else if (tokens.n > length - (length >> 4)) writer.writeBlockHuff(data, chunkStart, chunkEnd, sync)
      else writer.writeBlockDynamic(tokens, length, sync)
    }

    return (input, start, last, callWriter) => {
      data = input
      writer = callWriter
      table.fill(0)
      bTable.fill(0)
      // The data before `start`, as chunks that end where the block's first begins.
      writer.setCounting(false)
      for (let chunkEnd = start % chunkSize || chunkSize; chunkEnd <= start; chunkEnd += chunkSize) deflateChunk(Math.max(0, chunkEnd - chunkSize), chunkEnd, false)
      writer.setCounting(true)
      for (let chunkStart = start; chunkStart < data.length; chunkStart += chunkSize) {
        const chunkEnd = Math.min(data.length, chunkStart + chunkSize)
        deflateChunk(chunkStart, chunkEnd, last && chunkEnd === data.length)
      }
      return writer.close()
    }
  }
}

/** gzip member size from the bit length of Go 1.27's deflate blocks: Close writes a final fixed block (10 bits); gzip adds 10 + 8 bytes. */
export function goFastGzipBytesFromBits(bits: number): number {
  return Math.ceil((bits + 10) / 8) + 18
}
