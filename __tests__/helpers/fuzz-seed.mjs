// Property tests run on a fixed seed so CI is reproducible; a failure prints
// the seed and the counterexample. FUZZ_SEED=<n> replays a seed, FUZZ_SEED=random explores.
import fc from 'fast-check'

const chosen = process.env.FUZZ_SEED ?? '20261128'
if (chosen !== 'random') fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(chosen) })
