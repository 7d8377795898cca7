// The size model of Go 1.27's huffmanBitWriter (compress/flate, levels 1-6),
// for goFastDeflateSegments (goflate-fast.ts). Go 1.27 took its encoder from
// github.com/klauspost/compress: each 64 KiB chunk of input is written stored,
// Huffman-only, fixed or dynamic, and a dynamic table may stay open across
// chunks ("reuse") when a new one would not pay for its header. So the size of
// a chunk depends on the writer's state; this model keeps that state (the open
// table's code lengths, its header size) and counts bits instead of writing.
//
// `goHuffmanWriter` is self-contained (no imports, no outer variables) so the
// deflate pool can ship its source to worker threads; the encoder gets an
// instance passed in. Names follow huffman_bit_writer.go and huffman_code.go.

/** A chunk's tokens as Go's `tokens` keeps them: only the histograms matter for sizes. */
export interface GoTokens {
  /** Literal bytes. */
  litHist: Int32Array
  /** Length codes 256 (EOB) to 285, as code - 256. */
  extraHist: Int32Array
  /** Offset codes. */
  offHist: Int32Array
  n: number
}

export type GoHuffmanWriter = ReturnType<typeof goHuffmanWriter>

export function goHuffmanWriter() {
  const literalCount = 286
  const offsetCodeCount = 30
  const endBlockMarker = 256
  const maxPredefinedTokens = 250
  // Levels 1-6 set logNewTablePenalty 7: a new table must win by 1/128 of its estimate.
  const logNewTablePenalty = 7
  const lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
  const offsetExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
  const codegenOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
  // fixedLiteralEncoding and fixedOffsetEncoding (RFC 1951 3.2.6), lengths only.
  const fixedLiteralEncoding = Uint8Array.from({ length: literalCount }, (_, c) => (c < 144 ? 8 : c < 256 ? 9 : c < 280 ? 7 : 8))
  const fixedOffsetEncoding = new Uint8Array(offsetCodeCount).fill(5)

  // Output: Huffman bits since the last stored block, and the blocks so far (n ≥ 0 bits, n < 0 a stored block of -n bytes).
  const segments: number[] = []
  let pending = 0
  /** Off while the encoder replays the data before its block (a dictionary): state changes, nothing is counted. */
  let counting = true
  const emit = (bits: number) => {
    if (counting) pending += bits
  }

  // The open table: non-zero prevHeader means its EOB is still owed and it may be reused.
  let prevHeader = 0
  let wroteHuffman = false
  const literalEncoding = new Uint8Array(literalCount)
  const offsetEncoding = new Uint8Array(offsetCodeCount)
  const tmpLitEncoding = new Uint8Array(endBlockMarker + 1)
  const codegenEncoding = new Uint8Array(19)
  const literalFreq = new Int32Array(endBlockMarker + 1 + 32)
  const offsetFreq = new Int32Array(32)
  const codegenFreq = new Int32Array(19)
  const huffOffset = new Uint8Array([1])

  // huffmanEncoder.generate, code lengths only: freq[0:count] into lengths, at most maxBits bits.
  const sortKeys = new Int32Array(literalCount + 1)
  const leafCounts = Array.from({ length: 16 }, () => new Int32Array(16))
  const levelLastFreq = new Float64Array(17)
  const levelNextCharFreq = new Float64Array(17)
  const levelNextPairFreq = new Float64Array(17)
  const levelNeeded = new Int32Array(17)
  const generate = (freq: Int32Array, count: number, maxBits: number, lengths: Uint8Array) => {
    let n = 0
    for (let i = 0; i < count; i++) {
      lengths[i] = 0
      // Literals fit in 9 bits, so freq<<10 + literal sorts by frequency, then literal, as Go does.
      if (freq[i] !== 0) sortKeys[n++] = freq[i] * 1024 + i
    }
    if (n <= 2) {
      for (let k = 0; k < n; k++) lengths[sortKeys[k] & 1023] = 1
      return
    }
    const list = sortKeys.subarray(0, n).sort()
    const freqAt = (k: number) => (k < n ? list[k] >> 10 : Infinity)
    // bitCounts: the package-merge of Go's huffman_code.go, one chain per level.
    if (maxBits > n - 1) maxBits = n - 1
    leafCounts[0].fill(0)
    for (let level = 1; level <= maxBits; level++) {
      levelLastFreq[level] = freqAt(1)
      levelNextCharFreq[level] = freqAt(2)
      levelNextPairFreq[level] = level === 1 ? Infinity : freqAt(0) + freqAt(1)
      levelNeeded[level] = 0
      leafCounts[level].fill(0)
      leafCounts[level][level] = 2
    }
    levelNeeded[maxBits] = 2 * n - 4
    let level = maxBits
    for (;;) {
      if (levelNextPairFreq[level] === Infinity && levelNextCharFreq[level] === Infinity) {
        levelNeeded[level] = 0
        levelNextPairFreq[level + 1] = Infinity
        level++
        continue
      }
      const prevFreq = levelLastFreq[level]
      if (levelNextCharFreq[level] < levelNextPairFreq[level]) {
        const next = leafCounts[level][level] + 1
        levelLastFreq[level] = levelNextCharFreq[level]
        leafCounts[level][level] = next
        levelNextCharFreq[level] = freqAt(next)
      } else {
        levelLastFreq[level] = levelNextPairFreq[level]
        const save = leafCounts[level][level]
        leafCounts[level].set(leafCounts[level - 1])
        leafCounts[level][level] = save
        levelNeeded[level - 1] = 2
      }
      if (--levelNeeded[level] === 0) {
        if (level === maxBits) break
        levelNextPairFreq[level + 1] = prevFreq + levelLastFreq[level]
        level++
      } else {
        while (levelNeeded[level - 1] > 0) level--
      }
    }
    // The most frequent symbols get the fewest bits.
    let remaining = n
    for (let lvl = maxBits, bits = 1; lvl > 0; lvl--, bits++) {
      const c = leafCounts[maxBits][lvl] - leafCounts[maxBits][lvl - 1]
      for (let k = 0; k < c; k++) lengths[list[remaining - 1 - k] & 1023] = bits
      remaining -= c
    }
  }

  const bitLength = (lengths: Uint8Array, freq: Int32Array) => {
    let total = 0
    for (let i = 0; i < lengths.length; i++) total += freq[i] * lengths[i]
    return total
  }

  /** generateCodegen (frequencies only), then the codegen code and headerSize(). goflate.ts counts the same run-length code:
   * each model's source ships to the workers alone (deflate-pool.ts; an import would arrive under its bundled name). */
  const writeableHeaderSize = (numLiterals: number, litLengths: Uint8Array, numOffsets: number, offLengths: Uint8Array): number => {
    codegenFreq.fill(0)
    const sizeAt = (i: number) => (i < numLiterals ? litLengths[i] : i < numLiterals + numOffsets ? offLengths[i - numLiterals] : 255)
    let size = sizeAt(0)
    let count = 1
    for (let inIndex = 1; size !== 255; inIndex++) {
      const nextSize = sizeAt(inIndex)
      if (nextSize === size) {
        count++
        continue
      }
      if (size !== 0) {
        codegenFreq[size]++
        count--
        while (count >= 3) {
          codegenFreq[16]++
          count -= Math.min(6, count)
        }
      } else {
        while (count >= 11) {
          codegenFreq[18]++
          count -= Math.min(138, count)
        }
        if (count >= 3) {
          codegenFreq[17]++
          count = 0
        }
      }
      codegenFreq[size] += Math.max(0, count)
      size = nextSize
      count = 1
    }
    generate(codegenFreq, 19, 7, codegenEncoding)
    let numCodegens = 19
    while (numCodegens > 4 && codegenFreq[codegenOrder[numCodegens - 1]] === 0) numCodegens--
    return 3 + 5 + 5 + 4 + 3 * numCodegens + bitLength(codegenEncoding, codegenFreq) + codegenFreq[16] * 2 + codegenFreq[17] * 3 + codegenFreq[18] * 7
  }

  // tokens.EstimatedBits: Shannon bits per symbol, in float32 as Go computes them (mFastLog2).
  const f32 = new Float32Array(1)
  const i32 = new Int32Array(f32.buffer)
  const fround = Math.fround
  const [c1, c2, c3] = [fround(-0.34484843), fround(2.02466578), fround(0.67487759)]
  const mFastLog2 = (val: number) => {
    f32[0] = val
    let ux = i32[0]
    const log2 = ((ux >> 23) & 255) - 128
    ux = ((ux & -0x7f800001) + (127 << 23)) | 0
    i32[0] = ux
    const uval = f32[0]
    return fround(log2 + fround(fround(fround(fround(c1 * uval) + c2) * uval) - c3))
  }
  const shannonBits = (shannon: number, hist: Int32Array, from: number, to: number, invTotal: number) => {
    for (let i = from; i < to; i++) {
      const v = hist[i]
      if (v > 0) shannon = fround(shannon + fround(Math.min(15, Math.max(1, -mFastLog2(fround(v * invTotal)))) * v))
    }
    return shannon
  }
  const estimatedBits = (t: GoTokens) => {
    let shannon = 0
    let bits = 0
    let nMatches = 0
    if (t.n > 0) {
      const invTotal = fround(1 / t.n)
      shannon = fround(shannonBits(0, t.litHist, 0, 256, invTotal) + 15)
      shannon = shannonBits(shannon, t.extraHist, 1, literalCount - 256, invTotal)
      for (let i = 1; i < literalCount - 256; i++) {
        bits += lengthExtraBits[i - 1] * t.extraHist[i]
        nMatches += t.extraHist[i]
      }
    }
    if (nMatches > 0) {
      shannon = shannonBits(shannon, t.offHist, 0, offsetCodeCount, fround(1 / nMatches))
      for (let i = 0; i < offsetCodeCount; i++) bits += offsetExtraBits[i] * t.offHist[i]
    }
    return Math.trunc(shannon) + bits
  }

  /** The EOB of the open table. */
  const writeEob = () => {
    emit(literalEncoding[endBlockMarker])
    prevHeader = 0
  }
  /** writeStoredHeader + writeBytes: 3 bits, then byte-aligned LEN/NLEN and the bytes. */
  const writeStored = (length: number) => {
    if (prevHeader > 0) writeEob()
    if (!counting) return
    segments.push(pending, -length)
    pending = 0
  }

  /** indexTokens: the histograms as the writer's frequencies; returns numLiterals, numOffsets. */
  const indexTokens = (t: GoTokens): [number, number] => {
    literalFreq.set(t.litHist, 0)
    literalFreq.set(t.extraHist, 256)
    offsetFreq.set(t.offHist)
    let numLiterals = literalFreq.length
    while (literalFreq[numLiterals - 1] === 0) numLiterals--
    let numOffsets = offsetFreq.length
    while (numOffsets > 0 && offsetFreq[numOffsets - 1] === 0) numOffsets--
    if (numOffsets === 0) {
      // No match: one offset code anyway, so the offset tree can be written.
      offsetFreq[0] = 1
      numOffsets = 1
    }
    return [numLiterals, numOffsets]
  }
  const extraBitSize = () => {
    let total = 0
    for (let i = 0; i < literalCount - 257; i++) total += literalFreq[257 + i] * lengthExtraBits[i]
    for (let i = 0; i < offsetCodeCount; i++) total += offsetFreq[i] * offsetExtraBits[i]
    return total
  }
  const fixedSize = (extraBits: number) => 3 + bitLength(fixedLiteralEncoding, literalFreq) + bitLength(fixedOffsetEncoding, offsetFreq) + extraBits
  const canReuse = (t: GoTokens) => {
    for (let i = 0; i < offsetCodeCount; i++) if (t.offHist[i] !== 0 && offsetEncoding[i] === 0) return false
    for (let i = 0; i < literalCount - 256; i++) if (t.extraHist[i] !== 0 && literalEncoding[256 + i] === 0) return false
    for (let i = 0; i < 256; i++) if (t.litHist[i] !== 0 && literalEncoding[i] === 0) return false
    return true
  }
  /** writeTokens: the chunk's tokens (no EOB) with these codes; extra bits as in extraBitSize. */
  const tokenBits = (t: GoTokens, lit: Uint8Array, off: Uint8Array, extraBits: number) => {
    let bits = extraBits
    for (let i = 0; i < 256; i++) bits += t.litHist[i] * lit[i]
    for (let i = 1; i < literalCount - 256; i++) bits += t.extraHist[i] * lit[256 + i]
    for (let i = 0; i < offsetCodeCount; i++) bits += t.offHist[i] * off[i]
    return bits
  }
  /** writeFixedHeader + writeTokens with the fixed codes, EOB included. */
  const writeFixed = (t: GoTokens, extraBits: number) => {
    if (prevHeader > 0) writeEob()
    emit(3 + tokenBits(t, fixedLiteralEncoding, fixedOffsetEncoding, extraBits) + fixedLiteralEncoding[endBlockMarker])
  }

  return {
    segments,
    /** Counting off: the chunks modelled only to set the state (a dictionary). */
    setCounting(on: boolean) {
      counting = on
    },
    writeStored,

    /** writeBlockDynamic(tokens, eof=false, input, sync), as deflateFast calls it. */
    writeBlockDynamic(t: GoTokens, inputLength: number, sync: boolean) {
      if (sync) {
        t.extraHist[0]++
        t.n++
      } else {
        // Ensure we can always write EOB.
        t.extraHist[0] = 1
      }
      if (wroteHuffman && prevHeader > 0) {
        writeEob()
        wroteHuffman = false
      }
      if (prevHeader > 0 && !canReuse(t)) writeEob()
      const [numLiterals, numOffsets] = indexTokens(t)
      const storedSize = (inputLength + 5) * 8
      const extraBits = extraBitSize()
      const eobBits = sync ? 1 : 0
      let size: number
      if (prevHeader > 0) {
        // A new table costs about the old header plus the ideal bits, plus a penalty for not being ideal.
        let newSize = prevHeader + estimatedBits(t)
        newSize += literalEncoding[endBlockMarker] + (newSize >> logNewTablePenalty)
        const reuseSize = bitLength(literalEncoding, literalFreq) + bitLength(offsetEncoding, offsetFreq) + extraBits
        if (newSize < reuseSize) {
          writeEob()
          size = newSize
        } else size = reuseSize
        if (t.n < maxPredefinedTokens && fixedSize(extraBits) + 7 < size) {
          if (storedSize <= size) writeStored(inputLength)
          else writeFixed(t, extraBits)
          return
        }
        if (storedSize <= size) return writeStored(inputLength)
      }
      if (prevHeader === 0) {
        literalFreq[endBlockMarker] = 1
        generate(literalFreq, literalCount, 15, literalEncoding)
        generate(offsetFreq, offsetCodeCount, 15, offsetEncoding)
        const header = writeableHeaderSize(numLiterals, literalEncoding, numOffsets, offsetEncoding)
        size = header + bitLength(literalEncoding, literalFreq) + bitLength(offsetEncoding, offsetFreq) + extraBits
        if (t.n < maxPredefinedTokens) {
          const preSize = fixedSize(extraBits)
          if (preSize <= size) {
            if (storedSize <= preSize) writeStored(inputLength)
            else writeFixed(t, extraBits)
            return
          }
        }
        if (storedSize <= size) return writeStored(inputLength)
        emit(header)
        if (!sync) prevHeader = header
        wroteHuffman = false
      }
      if (sync) prevHeader = 0
      emit(tokenBits(t, literalEncoding, offsetEncoding, extraBits) + eobBits * literalEncoding[endBlockMarker])
    },

    /** writeBlockHuff(eof=false, input, sync): literals only, for chunks with few matches. */
    writeBlockHuff(data: Uint8Array, from: number, to: number, sync: boolean) {
      literalFreq.fill(0)
      for (let i = from; i < to; i++) literalFreq[data[i]]++
      const length = to - from
      const storedSize = (length + 5) * 8
      if (length > 1024) {
        // All byte counts close to the average: random data, stored at once.
        let abs = 0
        const avg = length / 256
        const max = length * 2
        for (let i = 0; i < 256 && abs < max; i++) abs += (literalFreq[i] - avg) * (literalFreq[i] - avg)
        if (abs < max) return writeStored(length)
      }
      literalFreq[endBlockMarker] = 1
      generate(literalFreq, endBlockMarker + 1, 15, tmpLitEncoding)
      let estBits = 0
      for (let i = 0; i <= endBlockMarker; i++) estBits += literalFreq[i] * tmpLitEncoding[i]
      // A guessed 70-byte header for a new table.
      estBits += prevHeader === 0 ? 70 * 8 : prevHeader
      estBits += estBits >> logNewTablePenalty
      if (storedSize <= estBits) return writeStored(length)
      if (prevHeader > 0) {
        // canEncodeLen: the open table can only be reused if it has a code for every byte here.
        let reuseSize = 0
        for (let i = 0; i < 256; i++) {
          if (literalFreq[i] === 0) continue
          if (literalEncoding[i] === 0) {
            reuseSize = Infinity
            break
          }
          reuseSize += literalFreq[i] * literalEncoding[i]
        }
        if (estBits < reuseSize) writeEob()
      }
      if (prevHeader === 0) {
        literalEncoding.fill(0)
        literalEncoding.set(tmpLitEncoding)
        const header = writeableHeaderSize(endBlockMarker + 1, literalEncoding, 1, huffOffset)
        emit(header)
        wroteHuffman = true
        prevHeader = header
      }
      let bits = 0
      for (let i = 0; i < 256; i++) bits += literalFreq[i] * literalEncoding[i]
      emit(bits)
      if (sync) {
        writeEob()
        wroteHuffman = false
      }
    },

    /** The segments so far, the open table closed (its EOB). */
    close(): number[] {
      if (prevHeader > 0) writeEob()
      if (pending > 0) segments.push(pending)
      pending = 0
      return segments
    }
  }
}
