// How hard the property suites try. CI runs each with a fixed seed and a bounded number of runs;
// `npm run fuzz` sets FUZZ_RUNS (and optionally FUZZ_SEED) for a longer run with a new seed.
import type { Parameters } from 'fast-check';

/** Runs of the longer run, or undefined in CI. */
const fuzzRuns = Number(process.env.FUZZ_RUNS) || undefined;

/** The seed: fixed in CI, FUZZ_SEED or the clock in a fuzz run (printed so a failure can be replayed). */
export const SEED = Number(process.env.FUZZ_SEED) || (fuzzRuns ? Date.now() % 2 ** 31 : 20_260_521);
if (fuzzRuns) console.log(`fuzz: ${fuzzRuns} runs per property, seed ${SEED} (replay with FUZZ_SEED=${SEED})`);

/** fast-check parameters for a property that CI runs `ciRuns` times. */
export function runs(ciRuns: number): Parameters<unknown> {
  return { seed: SEED, numRuns: fuzzRuns ?? ciRuns, endOnFailure: true };
}

/** A vitest timeout that grows with the runs of a fuzz run (CI keeps the default). */
export function timeout(ciRuns: number, msPerRun = 50): number {
  return Math.max(60_000, (fuzzRuns ?? ciRuns) * msPerRun);
}
