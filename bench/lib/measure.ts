// Timing through tinybench: a fixed number of measured runs after warm-up runs, reported as
// the median run time. One task per Bench so each contender is timed alone.
import { Bench } from 'tinybench';

export interface RunTiming {
  /** Median wall time of one run, ms. */
  readonly medianMs: number;
  /** The fastest run, ms: on a busy machine the least disturbed one. */
  readonly minMs: number;
  readonly runs: number;
}

/**
 * `warmups` runs (and at least `warmupMs` of them) are not measured: long enough for V8 to
 * finish optimizing a large generated function on its background thread.
 */
export async function timeRuns(name: string, fn: () => unknown, runs: number, warmups: number, warmupMs = 0): Promise<RunTiming> {
  const bench = new Bench({ name, iterations: runs, time: 0, warmup: warmups > 0, warmupIterations: warmups, warmupTime: warmupMs, throws: true });
  bench.add(name, fn);
  await bench.run();
  const r = bench.tasks[0]!.result;
  if (r.state !== 'completed') throw new Error(`${name}: benchmark ${r.state}${'error' in r ? `: ${String(r.error)}` : ''}`);
  return { medianMs: r.latency.p50, minMs: r.latency.min, runs: r.latency.samplesCount };
}
