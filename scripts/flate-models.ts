// `npx tsx scripts/flate-models.ts [image...]`: the Go gzip size models of
// src/image (goflate.ts, goflate-fast.ts) against real Go on the corpus of
// scripts/lib/flate-corpus.ts plus the layers of the given images (default
// alpine:latest and debian:bookworm-slim): per input and flavor, the bytes the
// real compress/gzip writes (Go 1.24 for go-classic, Go 1.27 for go1.27), the
// error of the whole-input model and of the pool's exact mode (4 MiB blocks) in
// bytes, of its sampled mode (SAMPLE_BYTES per block, the fallback's) in %, then each mode's throughput per
// thread (MB per CPU second: one worker, so the figure holds on a busy
// machine). Needs the toolchains of scripts/go-toolchains.sh and Docker.
import { DeflatePool } from '../src/compress/deflate-pool.js'
import { LayerCompressor } from '../src/compress/compress.js'
import { addSegments, goDeflateSegments, gzipBytesFromBits } from '../src/compress/goflate.js'
import { goFastDeflateSegments, goFastGzipBytesFromBits } from '../src/compress/goflate-fast.js'
import { goHuffmanWriter } from '../src/compress/goflate-writer.js'
import { PUSH_FLAVORS, SAMPLE_BYTES, type PushFlavor } from '../src/compress/push-flavor.js'
import { flateCorpus } from './lib/flate-corpus.js'
import { goToolchains, TRUTH_TOOLCHAIN } from './lib/go-gzip.js'

const images = process.argv.length > 2 ? process.argv.slice(2) : ['alpine:latest', 'debian:bookworm-slim']
const toolchains = goToolchains(Object.values(TRUTH_TOOLCHAIN))
const newest = toolchains.get(TRUTH_TOOLCHAIN['go1.27'])!
const corpus = flateCorpus(newest.goroot, newest.probe, images)

function wholeInput(flavor: PushFlavor, data: Buffer): number {
  if (flavor === 'go1.27') return goFastGzipBytesFromBits(addSegments(0, goFastDeflateSegments(data, 0, true, goHuffmanWriter())))
  return gzipBytesFromBits(addSegments(0, goDeflateSegments(data, 0)))
}

async function pooled(flavor: PushFlavor, data: Buffer, sampleBytes: number): Promise<number> {
  const pool = new DeflatePool(1, sampleBytes, flavor)
  try {
    const compressor = new LayerCompressor({ concurrency: 2, goPool: pool })
    for (let at = 0; at < data.length; at += 1 << 20) await compressor.write(data.subarray(at, at + (1 << 20)))
    return await compressor.finish()
  } finally {
    await pool.close()
  }
}

const cpuSeconds = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1e6
}
const percent = (estimate: number, truth: number) => `${(((estimate - truth) / truth) * 100).toFixed(3)}%`
const pad = (s: string | number, n: number) => String(s).padStart(n)

for (const flavor of PUSH_FLAVORS) {
  const go = toolchains.get(TRUTH_TOOLCHAIN[flavor])!
  console.log(`\n${flavor} (truth: ${go.version} compress/gzip, default level)`)
  console.log(`${'input'.padEnd(32)}${pad('bytes', 11)}${pad('Go gzip', 11)}${pad('whole Δ', 9)}${pad('pool Δ', 9)}${pad('sampled', 10)}`)
  const time = { whole: 0, exact: 0, sampled: 0 }
  const total = { bytes: 0, truth: 0, exact: 0, sampled: 0 }
  for (const { name, data } of corpus) {
    const truth = go.gzipSize(data)
    let start = process.cpuUsage()
    const whole = wholeInput(flavor, data)
    time.whole += cpuSeconds(start)
    start = process.cpuUsage()
    const exact = await pooled(flavor, data, 0)
    time.exact += cpuSeconds(start)
    start = process.cpuUsage()
    const sampled = await pooled(flavor, data, SAMPLE_BYTES)
    time.sampled += cpuSeconds(start)
    Object.assign(total, { bytes: total.bytes + data.length, truth: total.truth + truth, exact: total.exact + exact, sampled: total.sampled + sampled })
    console.log(`${name.padEnd(32)}${pad(data.length, 11)}${pad(truth, 11)}${pad(whole - truth, 9)}${pad(exact - truth, 9)}${pad(percent(sampled, truth), 10)}`)
  }
  console.log(`${'total'.padEnd(32)}${pad(total.bytes, 11)}${pad(total.truth, 11)}${pad('', 9)}${pad(total.exact - total.truth, 9)}${pad(percent(total.sampled, total.truth), 10)}`)
  const rate = (s: number) => `${(total.bytes / 1e6 / s).toFixed(1)} MB/s`
  console.log(`throughput per thread: whole-input model ${rate(time.whole)}, pool exact ${rate(time.exact)}, pool sampled ${rate(time.sampled)}`)
}
