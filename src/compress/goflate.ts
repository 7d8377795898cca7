// The size Go's compress/flate (level 6, as `docker push` and BuildKit use
// through compress/gzip) gives a chunk of data, without producing the bytes.
// zlib differs from it (zlib emits 3-byte matches, Go only 4+), by about 1%
// on executables, so registry sizes are only matched by doing what Go does:
// the same hash (hash4, 17 bits), the same lazy matching (good 8, lazy 16,
// nice 128, chain 128), blocks of 16384 tokens, each written stored, fixed or
// dynamic (whichever is smallest, with Go's length-limited Huffman codes).
//
// `goDeflateSegments` is self-contained (no imports, no outer variables) so
// its source can run in a worker thread. It returns the blocks it would write,
// as numbers: n ≥ 0 is a Huffman block of n bits, n < 0 a stored block of -n
// bytes (stored blocks align to a byte, so the caller adds them up in order).
/**
 * True for data at 7.99+ bits per byte with no more byte runs than chance (tar
 * headers and padding are runs of zeros): 4-byte repeats within 32 KiB are then
 * too rare to matter. Self-contained, like goDeflateSegments, which calls it.
 */
export function looksLikeNoise(data: Uint8Array, start: number): boolean {
  if (data.length - start < 65536) return false
  // Text and code show in their first bytes: four distinct values in 16 make it not noise.
  let distinct = 0
  const seen = new Uint8Array(256)
  for (let i = start; i < start + 16; i++) if (!seen[data[i]]++) distinct++
  if (distinct < 12) return false
  // Every other 16 KiB piece is enough to tell: a zero run long enough to matter spans pieces.
  const histogram = new Float64Array(256)
  let runs = 0
  let total = 0
  for (let piece = start; piece < data.length; piece += 32768) {
    const to = Math.min(data.length, piece + 16384)
    for (let i = piece; i < to; i++) {
      histogram[data[i]]++
      if (data[i] === data[i - 1]) runs++
    }
    total += to - piece
  }
  let entropy = 0
  for (let c = 0; c < 256; c++) if (histogram[c] > 0) entropy -= histogram[c] * Math.log2(histogram[c] / total)
  return entropy / total > 7.99 && runs / total < 0.005
}

export function goDeflateSegments(data: Uint8Array, start: number): number[] {
  const windowSize = 1 << 15
  const windowMask = windowSize - 1
  const minMatchLength = 4
  const maxMatchLength = 258
  const hashBits = 17
  const hashMask = (1 << hashBits) - 1
  const maxFlateBlockTokens = 1 << 14
  const maxStoreBlockSize = 65535
  const good = 8
  const lazy = 16
  const niceLength = 128
  const chain = 128
  const hashOffset = 1
  const end = data.length
  const maxInsertIndex = end - (minMatchLength - 1)
  const hashHead = new Int32Array(1 << hashBits)
  const hashPrev = new Int32Array(windowSize)
  const hash4 = (i: number): number => (Math.imul((data[i + 3] | (data[i + 2] << 8) | (data[i + 1] << 16) | (data[i] << 24)) >>> 0, 0x1e35a7bd) >>> (32 - hashBits)) & hashMask

  // The dictionary (data before `start`) primes the hash chains, as if it had just been compressed.
  for (let i = 0; i < start && i < maxInsertIndex; i++) {
    const h = hash4(i)
    hashPrev[i & windowMask] = hashHead[h]
    hashHead[h] = i + hashOffset
  }

  // Tokens: literal byte (0..255) or 0x10000 | (length-3) << 15 ... packed as two arrays.
  const litFreq = new Int32Array(286)
  const offFreq = new Int32Array(30)
  let tokenCount = 0
  const segments: number[] = []
  let blockStart = start
  // Go keeps 64 KiB of window and shifts it by 32 KiB; a block whose start was shifted out cannot be stored.
  let windowBase = 0
  const LOST = Number.MAX_SAFE_INTEGER

  const lengthCodeOf = new Uint8Array(256)
  const lengthBase = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 255]
  const lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
  for (let c = 0; c < 29; c++) for (let l = lengthBase[c]; l < (c < 28 ? lengthBase[c + 1] : 256); l++) lengthCodeOf[l] = c
  const offsetBase = [
    0x000000, 0x000001, 0x000002, 0x000003, 0x000004, 0x000006, 0x000008, 0x00000c, 0x000010, 0x000018, 0x000020, 0x000030, 0x000040, 0x000060, 0x000080, 0x0000c0, 0x000100, 0x000180, 0x000200,
    0x000300, 0x000400, 0x000600, 0x000800, 0x000c00, 0x001000, 0x001800, 0x002000, 0x003000, 0x004000, 0x006000
  ]
  const offsetExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
  const offsetCodeOf = (o: number): number => {
    let c = 29
    while (offsetBase[c] > o) c--
    return c
  }
  const codegenOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  /** Go's huffmanEncoder.generate, code lengths only. */
  const codeLengths = (freq: Int32Array | number[], maxBits: number): Uint8Array => {
    const lengths = new Uint8Array(freq.length)
    const list: { literal: number; freq: number }[] = []
    for (let i = 0; i < freq.length; i++) if (freq[i] !== 0) list.push({ literal: i, freq: freq[i] })
    const count = list.length
    if (count <= 2) {
      for (const node of list) lengths[node.literal] = 1
      return lengths
    }
    list.sort((a, b) => (a.freq === b.freq ? a.literal - b.literal : a.freq - b.freq))
    const n = count
    list.push({ literal: 0xffff, freq: 0x7fffffff })
    if (maxBits > n - 1) maxBits = n - 1
    const MAX = 0x7fffffff
    const lv = Array.from({ length: 17 }, () => ({ level: 0, lastFreq: 0, nextCharFreq: 0, nextPairFreq: 0, needed: 0 }))
    const leafCounts = Array.from({ length: 17 }, () => new Int32Array(17))
    for (let level = 1; level <= maxBits; level++) {
      lv[level] = { level, lastFreq: list[1].freq, nextCharFreq: list[2].freq, nextPairFreq: list[0].freq + list[1].freq, needed: 0 }
      leafCounts[level][level] = 2
      if (level === 1) lv[level].nextPairFreq = MAX
    }
    lv[maxBits].needed = 2 * n - 4
    let level = maxBits
    for (;;) {
      const l = lv[level]
      if (l.nextPairFreq === MAX && l.nextCharFreq === MAX) {
        l.needed = 0
        lv[level + 1].nextPairFreq = MAX
        level++
        continue
      }
      const prevFreq = l.lastFreq
      if (l.nextCharFreq < l.nextPairFreq) {
        const next = leafCounts[level][level] + 1
        l.lastFreq = l.nextCharFreq
        leafCounts[level][level] = next
        l.nextCharFreq = list[next].freq
      } else {
        l.lastFreq = l.nextPairFreq
        for (let k = 0; k < level; k++) leafCounts[level][k] = leafCounts[level - 1][k]
        lv[l.level - 1].needed = 2
      }
      l.needed--
      if (l.needed === 0) {
        if (l.level === maxBits) break
        lv[l.level + 1].nextPairFreq = prevFreq + l.lastFreq
        level++
      } else {
        while (lv[level - 1].needed > 0) level--
      }
    }
    // bitCount[bits] leaves get `bits` bits, the most frequent ones the fewest.
    let remaining = n
    let bits = 1
    for (let lvl = maxBits; lvl > 0; lvl--) {
      const c = leafCounts[maxBits][lvl] - leafCounts[maxBits][lvl - 1]
      for (let k = 0; k < c; k++) lengths[list[remaining - 1 - k].literal] = bits
      remaining -= c
      bits++
    }
    return lengths
  }

  const fixedLitLength = (c: number) => (c < 144 ? 8 : c < 256 ? 9 : c < 280 ? 7 : 8)

  /** Go's huffmanBitWriter.writeBlock, sizes only. */
  const writeBlock = (index: number): void => {
    litFreq[256]++
    let numLiterals = 286
    while (litFreq[numLiterals - 1] === 0) numLiterals--
    let numOffsets = 30
    while (numOffsets > 0 && offFreq[numOffsets - 1] === 0) numOffsets--
    if (numOffsets === 0) {
      offFreq[0] = 1
      numOffsets = 1
    }
    const litLen = codeLengths(litFreq, 15)
    const offLen = codeLengths(offFreq, 15)
    let extraBits = 0
    for (let c = 257 + 8; c < numLiterals; c++) extraBits += litFreq[c] * lengthExtraBits[c - 257]
    for (let c = 4; c < numOffsets; c++) extraBits += offFreq[c] * offsetExtraBits[c]
    let fixedSize = 3 + extraBits
    let litBits = 0
    for (let c = 0; c < 286; c++) {
      if (litFreq[c] === 0) continue
      fixedSize += litFreq[c] * fixedLitLength(c)
      litBits += litFreq[c] * litLen[c]
    }
    let offBits = 0
    for (let c = 0; c < 30; c++) {
      if (offFreq[c] === 0) continue
      fixedSize += offFreq[c] * 5
      offBits += offFreq[c] * offLen[c]
    }
    // generateCodegen: run-length code of the two code length tables. goflate-writer.ts counts it too:
    // each model's source ships to the worker threads alone (deflate-pool.ts), so neither imports it.
    const codegenFreq = new Int32Array(19)
    const cg: number[] = []
    for (let i = 0; i < numLiterals; i++) cg.push(litLen[i])
    for (let i = 0; i < numOffsets; i++) cg.push(offLen[i])
    cg.push(255)
    let size = cg[0]
    let count = 1
    for (let inIndex = 1; size !== 255; inIndex++) {
      const nextSize = cg[inIndex]
      if (nextSize === size) {
        count++
        continue
      }
      if (size !== 0) {
        codegenFreq[size]++
        count--
        while (count >= 3) {
          const n = Math.min(6, count)
          codegenFreq[16]++
          count -= n
        }
      } else {
        while (count >= 11) {
          const n = Math.min(138, count)
          codegenFreq[18]++
          count -= n
        }
        if (count >= 3) {
          codegenFreq[17]++
          count = 0
        }
      }
      count--
      for (; count >= 0; count--) codegenFreq[size]++
      size = nextSize
      count = 1
    }
    const cgLen = codeLengths(codegenFreq, 7)
    let numCodegens = 19
    while (numCodegens > 4 && codegenFreq[codegenOrder[numCodegens - 1]] === 0) numCodegens--
    let header = 3 + 5 + 5 + 4 + 3 * numCodegens + codegenFreq[16] * 2 + codegenFreq[17] * 3 + codegenFreq[18] * 7
    for (let c = 0; c < 19; c++) header += codegenFreq[c] * cgLen[c]
    const dynamicSize = header + litBits + offBits + extraBits
    const best = Math.min(fixedSize, dynamicSize)
    const inputLength = index - blockStart
    const storable = blockStart !== LOST && inputLength <= maxStoreBlockSize
    if (storable && (inputLength + 5) * 8 < best) segments.push(-inputLength)
    else segments.push(best)
    blockStart = index
    litFreq.fill(0)
    offFreq.fill(0)
    tokenCount = 0
  }

  // Noise (compressed or encrypted files): Go emits 16384 literals per block, and at ~8 bits a
  // byte no Huffman code beats storing them, so every block is stored.
  if (looksLikeNoise(data, start)) {
    for (let at = start; at < end; at += maxFlateBlockTokens) segments.push(-(Math.min(end, at + maxFlateBlockTokens) - at))
    return segments
  }

  let index = start
  let length = minMatchLength - 1
  let offset = 0
  let byteAvailable = false
  let chainHead = -1
  for (;;) {
    // Go pauses when less than 262 bytes are ahead and refills by shifting its 64 KiB window.
    if (index - windowBase >= 2 * windowSize - (minMatchLength + maxMatchLength) && windowBase + 2 * windowSize < end) {
      windowBase += windowSize
      if (blockStart < windowBase) blockStart = LOST
    }
    const lookahead = end - index
    if (lookahead === 0) {
      if (byteAvailable) {
        litFreq[data[index - 1]]++
        tokenCount++
      }
      if (tokenCount > 0) writeBlock(index)
      break
    }
    if (index < maxInsertIndex) {
      const h = hash4(index)
      chainHead = hashHead[h]
      hashPrev[index & windowMask] = chainHead
      hashHead[h] = index + hashOffset
    }
    const prevLength = length
    const prevOffset = offset
    length = minMatchLength - 1
    offset = 0
    const minIndex = Math.max(index - windowSize, 0)
    if (chainHead - hashOffset >= minIndex && lookahead > prevLength && prevLength < lazy) {
      // findMatch(index, chainHead - hashOffset, 3, lookahead)
      const pos = index
      const minMatchLook = Math.min(maxMatchLength, lookahead)
      const nice = Math.min(minMatchLook, niceLength)
      let tries = chain
      let bestLength = minMatchLength - 1
      if (bestLength >= good) tries >>= 2
      let wEnd = data[pos + bestLength]
      const chainMin = pos - windowSize
      for (let i = chainHead - hashOffset; tries > 0; tries--) {
        if (wEnd === data[i + bestLength]) {
          let n = 0
          while (n < minMatchLook && data[i + n] === data[pos + n]) n++
          if (n > bestLength && (n > minMatchLength || pos - i <= 4096)) {
            bestLength = n
            length = n
            offset = pos - i
            if (n >= nice) break
            wEnd = data[pos + n]
          }
        }
        if (i === chainMin) break
        i = hashPrev[i & windowMask] - hashOffset
        if (i < chainMin || i < 0) break
      }
    }
    if (prevLength >= minMatchLength && length <= prevLength) {
      litFreq[257 + lengthCodeOf[prevLength - 3]]++
      offFreq[offsetCodeOf(prevOffset - 1)]++
      tokenCount++
      const newIndex = index + prevLength - 1
      for (index++; index < newIndex; index++) {
        if (index < maxInsertIndex) {
          const h = hash4(index)
          hashPrev[index & windowMask] = hashHead[h]
          hashHead[h] = index + hashOffset
        }
      }
      byteAvailable = false
      length = minMatchLength - 1
      if (tokenCount === maxFlateBlockTokens) writeBlock(index)
    } else {
      if (byteAvailable) {
        litFreq[data[index - 1]]++
        tokenCount++
        if (tokenCount === maxFlateBlockTokens) writeBlock(index)
      }
      index++
      byteAvailable = true
    }
  }
  return segments
}

/** Adds up blocks in stream order: Huffman blocks are bit-exact, stored blocks start on a byte. */
export function addSegments(bitPosition: number, segments: number[]): number {
  let pos = bitPosition
  for (const s of segments) {
    if (s >= 0) pos += s
    else pos = Math.ceil((pos + 3) / 8) * 8 + 32 + 8 * -s
  }
  return pos
}

/** gzip member size from the bit length of its deflate blocks: Go's Close adds an empty final stored block; gzip adds 10 + 8 bytes. */
export function gzipBytesFromBits(bits: number): number {
  return Math.ceil((bits + 3) / 8) + 4 + 18
}
