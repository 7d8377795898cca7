// Deterministic test inputs (no randomness between runs), so sizes measured
// once with Go's compress/gzip can be asserted exactly.
export function lcgBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length)
  let x = seed >>> 0
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    out[i] = x >>> 24
  }
  return out
}

export function wordsText(words: number, seed: number): Buffer {
  const vocabulary = ['func', 'return', 'err', 'nil', 'if', 'package', 'main', 'import', 'fmt', 'string', 'int', 'for', 'range', 'go', 'struct', '{', '}', '(', ')', ':=']
  const r = lcgBytes(words * 2, seed)
  const parts: string[] = []
  for (let i = 0; i < words; i++) parts.push(vocabulary[r[2 * i] % vocabulary.length] + (r[2 * i + 1] % 11 === 0 ? '\n' : ' '))
  return Buffer.from(parts.join(''))
}

export const samples: Record<string, () => Buffer> = {
  noise: () => lcgBytes(3_000_000, 7),
  text: () => wordsText(400_000, 11),
  zeros: () => Buffer.alloc(1_500_000),
  mixed: () => Buffer.concat([wordsText(50_000, 3), lcgBytes(200_000, 5), Buffer.alloc(70_000), wordsText(120_000, 9)]),
  repeats: () => {
    const unit = lcgBytes(5000, 13)
    return Buffer.concat(Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? lcgBytes(700, i) : unit)))
  }
}
