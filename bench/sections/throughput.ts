// Section 1: evaluation throughput on the 100-leaf workload. Every contender is first checked
// to give Jixiao's totals and grades on every unit it will be timed on, then timed (tinybench,
// warm-up runs, median of the measured runs). Slow engines are timed on a prefix of the units
// sized so one run takes about `runTargetMs`. The ratios the goals name come from single runs
// of the two scorers timed in adjacent pairs, the order alternating (the compiled evaluator and
// the hand-written code; the fastest engine and the evaluator on the engine's units), because
// load from elsewhere on a shared machine shifts every timing by tens of percent within seconds.
import { handwrittenContender, tableContender } from '../baselines/contenders.js';
import { celContender } from '../engines/cel.js';
import type { Contender } from '../engines/contender.js';
import { feelinContender } from '../engines/feelin.js';
import { compiledContender, evaluateContender, jixiaoEvaluator } from '../engines/jixiao.js';
import { jreContender } from '../engines/jre.js';
import { otherTargets } from '../engines/targets.js';
import { zenContender } from '../engines/zen.js';
import { compile, dataInputs, Evaluator, readData } from '../../src/index.js';
import { timeRuns } from '../lib/measure.js';
import { jixiaoSource } from '../workload/source.js';
import { makeSpec, SPEC_100 } from '../workload/spec.js';
import { csvHeader, csvRows, makeUnits, type Unit } from '../workload/units.js';

export interface Settings {
  readonly units: number;
  readonly runs: number;
  readonly warmups: number;
  /** The least warm-up time per contender, ms. */
  readonly warmupMs: number;
  /** Rounds of the fast group, alternated so load from elsewhere hits each alike. */
  readonly rounds: number;
  /** About how long one measured run of a slow contender should take. */
  readonly runTargetMs: number;
  /** The fewest units a slow contender is timed on. */
  readonly minUnits: number;
  /** Units for the 10,000-leaf ruleset (0: skip it); by default 1 per 300 of `units`, at most 300. */
  readonly largeUnits?: number;
}

export interface Timed {
  readonly name: string;
  readonly how: string;
  readonly group: 'jixiao' | 'baseline' | 'readData' | 'explain' | 'engine';
  readonly units: number;
  readonly medianMs: number;
  /** The fastest single run, ms. */
  readonly minMs: number;
  readonly runs: number;
  readonly unitsPerSec: number;
}

/** A ratio of time per unit between two scorers, from timings made back to back. */
export interface PairedRatio {
  /**
   * The median of the ratios of single runs timed in adjacent pairs (a, b, then b, a, …) on
   * the same units: what the goals are judged on, since load changes within seconds.
   */
  readonly median: number;
  readonly perPair: readonly number[];
  /** The median of the per-round ratios of the tinybench rounds, where there were rounds. */
  readonly roundsMedian?: number;
  readonly perRound?: readonly number[];
}

/** The 10,000-leaf ruleset: the evaluator built and timed against hand-written code for it. */
export interface LargeRuleset {
  readonly leaves: number;
  readonly indicators: number;
  /** `new Evaluator(program)`: emitting the scorer and creating its functions, ms; the first time in the process. */
  readonly constructColdMs: number;
  /** The first scoreFast call, where V8 compiles the scorer, ms; the first time in the process. */
  readonly firstCallColdMs: number;
  /** The same, median of 4 more (V8 then finds the scorer's source in its compilation cache). */
  readonly constructMs: number;
  readonly firstCallMs: number;
  readonly units: number;
  readonly compiledNsPerUnit: number;
  readonly handNsPerUnit: number;
  readonly vsHand: PairedRatio;
}

export interface ThroughputResult {
  readonly rows: readonly Timed[];
  /** Compiled evaluator ÷ hand-written straight-line JS, time per unit. */
  readonly vsHand: PairedRatio;
  /** The fastest engine's time per unit ÷ the compiled evaluator's, on the units the engine was timed on. */
  readonly vsFastestEngine: PairedRatio & { readonly engine: string };
  readonly large?: LargeRuleset;
  readonly notes: readonly string[];
  readonly totalUnits: number;
  readonly indicators: number;
  readonly grades: Readonly<Record<string, number>>;
}

interface Reference {
  readonly totals: Float64Array;
  readonly grades: Int8Array;
}

/** Throws unless `c` gives the reference total and grade for each of units[0..n). */
export async function checkSame(c: Contender, units: readonly Unit[], n: number, ref: Reference): Promise<void> {
  const bad: string[] = [];
  for (let k = 0; k < n; k++) {
    const v = await c.verdict(units[k]!);
    if (v.total !== ref.totals[k] || v.grade !== ref.grades[k]) {
      if (bad.length < 5) bad.push(`unit ${k}: ${v.total}/${v.grade}, Jixiao ${ref.totals[k]}/${ref.grades[k]}`);
      else break;
    }
  }
  if (bad.length) throw new Error(`${c.name} disagrees with Jixiao:\n  ${bad.join('\n  ')}`);
}

/** The units a slow contender can score in about `targetMs`, from probes that also warm it up. */
async function sampleSize(c: Contender, units: readonly Unit[], s: Settings): Promise<number> {
  let probe = Math.min(units.length, s.minUnits);
  await c.run(units, probe); // untimed: the first calls are cold (parsing, JIT) and would mislead
  for (;;) {
    const t0 = performance.now();
    await c.run(units, probe);
    const took = performance.now() - t0;
    if (took >= Math.max(20, s.runTargetMs / 10) || probe === units.length) {
      return Math.max(probe, Math.min(units.length, Math.round((s.runTargetMs * probe) / took)));
    }
    probe = Math.min(units.length, probe * 4);
  }
}

/** A tinybench timing; a contender already warmed up in an earlier round needs one warm-up run, not `warmupMs`. */
async function time(c: Contender, group: Timed['group'], units: readonly Unit[], n: number, s: Settings, warm = true): Promise<Timed> {
  const probe = c.run(units, 1);
  const isAsync = probe instanceof Promise;
  await probe;
  const fn = isAsync ? async (): Promise<unknown> => c.run(units, n) : (): unknown => c.run(units, n);
  const t = await timeRuns(c.name, fn, warm ? s.runs : Math.max(5, s.runs - 2), warm ? s.warmups : 1, warm ? s.warmupMs : 0);
  return { name: c.name, how: c.how, group, units: n, medianMs: t.medianMs, minMs: t.minMs, runs: t.runs, unitsPerSec: n / (t.medianMs / 1000) };
}

const nsPerUnit = (t: Timed): number => (t.medianMs * 1e6) / t.units;

/** One row from a contender's rounds: the median of the round medians, the best run of all. */
function merged(ts: readonly Timed[]): Timed {
  const m = median(ts.map((t) => t.medianMs));
  return { ...ts[0]!, medianMs: m, minMs: Math.min(...ts.map((t) => t.minMs)), runs: ts.reduce((a, t) => a + t.runs, 0), unitsPerSec: ts[0]!.units / (m / 1000) };
}

/**
 * `a` and `b` timed in `rounds` rounds, first one then the other, the order swapped each round
 * (so neither always runs right after the other's warm code), each on the same units through
 * the same loop shape. The first timing of each warms up for `warmupMs`; later ones need one
 * warm-up run. Returns both rows and the median of the per-round ratios a ÷ b.
 */
async function paired(a: Contender, b: Contender, groups: [Timed['group'], Timed['group']], units: readonly Unit[], s: Settings, rounds: number, log: (line: string) => void): Promise<{ a: Timed; b: Timed; ratio: PairedRatio }> {
  const ta: Timed[] = [];
  const tb: Timed[] = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? ([a, b] as const) : ([b, a] as const);
    for (const c of order) {
      const t = await time(c, c === a ? groups[0] : groups[1], units, units.length, s, r === 0);
      (c === a ? ta : tb).push(t);
    }
    log(`  throughput round ${r + 1}/${rounds}: ${nsPerUnit(ta[r]!).toFixed(0)} vs ${nsPerUnit(tb[r]!).toFixed(0)} ns/unit (${a.name} vs ${b.name})`);
  }
  const perRound = ta.map((t, r) => t.medianMs / tb[r]!.medianMs);
  const pairs = await interleaved(a, b, units, units.length, units.length, rounds * 3);
  return { a: merged(ta), b: merged(tb), ratio: { ...pairs, roundsMedian: median(perRound), perRound } };
}

/**
 * `pairs` pairs of single runs of warm `a` (on units[0..na)) and `b` (on units[0..nb)), the
 * order alternating; the ratio of a pair is a's time per unit ÷ b's.
 */
async function interleaved(a: Contender, b: Contender, units: readonly Unit[], na: number, nb: number, pairs: number): Promise<PairedRatio> {
  const once = async (c: Contender, n: number): Promise<number> => {
    const t0 = performance.now();
    await c.run(units, n);
    return (performance.now() - t0) / n;
  };
  const perPair: number[] = [];
  for (let k = 0; k < pairs; k++) {
    if (k % 2 === 0) {
      const x = await once(a, na);
      perPair.push(x / (await once(b, nb)));
    } else {
      const y = await once(b, nb);
      perPair.push((await once(a, na)) / y);
    }
  }
  return { median: median(perPair), perPair };
}

/** The same units as `readData` gives them from CSV: the objects the CLI scores. */
function viaReadData(units: readonly Unit[], inputs: Parameters<typeof readData>[2]): Unit[] {
  const table = readData(csvHeader(SPEC_100) + csvRows(SPEC_100, units, 1), 'csv', inputs);
  if (table.rows.length !== units.length || table.rows.some((r) => r.errors.length > 0)) throw new Error('readData lost or rejected generated rows');
  return table.rows.map((r) => r.values as Unit);
}

/** `c` run and checked on `own`, the same units in another form, under a name saying so. */
function onUnits(c: Contender, units: readonly Unit[], own: readonly Unit[], label: string): Contender {
  const same = new Map(units.map((u, k) => [u, own[k]!]));
  return {
    name: `${c.name} — ${label}`,
    how: `${c.how}; the units as readData returns them`,
    run: (_u, n) => c.run(own, n),
    verdict: (u) => c.verdict(same.get(u)!),
  };
}

/** The largest generated ruleset of the compile section (bench/workload COMPILE_SHAPES). */
const SPEC_LARGE = makeSpec(4, 50, 50);

/** The lower quartile, median and upper quartile of `xs`, as text. */
function quartiles(xs: readonly number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): string => s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(2);
  return `${at(0.25)}, ${at(0.5)}, ${at(0.75)}`;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function throughput(s: Settings, log: (line: string) => void): Promise<ThroughputResult> {
  const spec = SPEC_100;
  const units = makeUnits(spec, s.units);
  const ev = jixiaoEvaluator(spec);
  const ref: Reference = { totals: new Float64Array(units.length), grades: new Int8Array(units.length) };
  const grades: Record<string, number> = {};
  units.forEach((u, k) => {
    ref.totals[k] = ev.scoreFast(u);
    ref.grades[k] = ev.lastGradeIndex();
    const g = ev.program.grades[ev.lastGradeIndex()]!.name;
    grades[g] = (grades[g] ?? 0) + 1;
  });
  const notes: string[] = [];
  const rows: Timed[] = [];

  // the pair the first goal compares, in many short alternating rounds; then the other fast
  // contenders, alternated over fewer rounds
  const compiled = compiledContender(ev);
  const hand = handwrittenContender(spec);
  const read = viaReadData(units, dataInputs(ev.program));
  const fast: [Contender, Timed['group']][] = [
    [tableContender(spec), 'baseline'],
    // its own evaluator: one scorer fed two kinds of object would be timed polymorphic on both
    [onUnits(compiledContender(jixiaoEvaluator(spec)), units, read, 'units from readData (CSV)'), 'readData'],
    [onUnits(handwrittenContender(spec), units, read, 'units from readData (CSV)'), 'readData'],
  ];
  for (const c of [compiled, hand, ...fast.map(([c]) => c)]) {
    // the reference itself is checked too: scoreFast must agree with evaluate()
    await checkSame(c, units, units.length, ref);
  }
  // short rounds, many of them: load on a shared machine changes within seconds
  const pair = await paired(compiled, hand, ['jixiao', 'baseline'], units, s, s.rounds * 3, log);
  rows.push(pair.a, pair.b);
  notes.push(
    `Compiled evaluator ÷ hand-written, time per unit: ${pair.ratio.median.toFixed(2)}× as the median of ${pair.ratio.perPair.length} ratios of single runs timed in adjacent pairs ` +
      `(quartiles ${quartiles(pair.ratio.perPair)}); ${pair.ratio.roundsMedian!.toFixed(2)}× as the median of the ${pair.ratio.perRound!.length} tinybench rounds' ratios ` +
      `(per round ${pair.ratio.perRound!.map((x) => x.toFixed(2)).join(', ')}); ${(nsPerUnit(pair.a) / nsPerUnit(pair.b)).toFixed(2)}× as the ratio of the two medians in the table.`,
  );
  const perRound = new Map<string, Timed[]>();
  for (let r = 0; r < s.rounds; r++) {
    for (const [c, group] of fast) {
      log(`  throughput round ${r + 1}/${s.rounds}: ${c.name}`);
      const t = await time(c, group, units, units.length, s, r === 0);
      log(`    ${nsPerUnit(t).toFixed(0)} ns/unit`);
      perRound.set(c.name, [...(perRound.get(c.name) ?? []), t]);
    }
  }
  for (const ts of perRound.values()) rows.push(merged(ts));

  const others = await otherTargets(ev.program);
  notes.push(...others.notes);
  const slow: [Contender, Timed['group']][] = [
    [evaluateContender(ev, false), 'explain'],
    ...others.contenders.map((c): [Contender, Timed['group']] => [c, 'jixiao']),
    [evaluateContender(ev, true), 'explain'],
    [celContender(spec), 'engine'],
    [zenContender(spec), 'engine'],
    [feelinContender(spec), 'engine'],
    [jreContender(spec), 'engine'],
  ];
  let fastest: { c: Contender; t: Timed } | undefined;
  for (const [c, group] of slow) {
    const n = await sampleSize(c, units, s);
    log(`  throughput: ${c.name} on ${n} units`);
    await checkSame(c, units, n, ref);
    const t = await time(c, group, units, n, s);
    rows.push(t);
    if (group === 'engine' && (!fastest || t.unitsPerSec > fastest.t.unitsPerSec)) fastest = { c, t };
    else if ('dispose' in c && typeof c.dispose === 'function') c.dispose();
  }
  // the second goal's ratio: the fastest engine and the evaluator in adjacent single runs, on
  // the engine's units, so it does not span minutes of changing load
  const engine = fastest!;
  log(`  throughput: ${engine.c.name} and the compiled evaluator, interleaved`);
  const vsFastest = await interleaved(engine.c, compiled, units, engine.t.units, engine.t.units, s.runs);
  if ('dispose' in engine.c && typeof engine.c.dispose === 'function') engine.c.dispose();
  notes.push(
    `${engine.c.name} ÷ compiled evaluator, time per unit: ${vsFastest.median.toFixed(1)}× as the median of ${vsFastest.perPair.length} ratios of single runs timed in adjacent pairs on the same ${engine.t.units.toLocaleString('en')} units ` +
      `(per pair ${vsFastest.perPair.map((x) => x.toFixed(1)).join(', ')}).`,
  );
  const largeUnits = s.largeUnits ?? Math.min(300, Math.round(s.units / 300));
  const large = largeUnits > 0 ? await largeRuleset(s, largeUnits, log) : undefined;
  if (large) {
    notes.push(
      `${large.leaves.toLocaleString('en')}-leaf ruleset (${large.indicators.toLocaleString('en')} indicators): new Evaluator ${large.constructColdMs.toFixed(0)} ms and first call ${large.firstCallColdMs.toFixed(0)} ms the first time ` +
        `(then ${large.constructMs.toFixed(0)} ms and ${large.firstCallMs.toFixed(0)} ms, the scorer's source in V8's compilation cache); ` +
        `${(large.compiledNsPerUnit / 1000).toFixed(0)} µs a unit vs ${(large.handNsPerUnit / 1000).toFixed(0)} µs for hand-written straight-line JS of that ruleset ` +
        `(${large.vsHand.median.toFixed(2)}×, median of ${large.vsHand.perPair.length} ratios of adjacent single runs, ${large.units.toLocaleString('en')} units; ` +
        'V8 optimizes each part of the split scorer but never the one giant hand-written function; units of 10,000 properties are hash tables in V8, so input loads cost both much more than on the 100-leaf units).',
    );
  }
  return { rows, notes, vsHand: pair.ratio, vsFastestEngine: { ...vsFastest, engine: engine.c.name }, ...(large ? { large } : {}), totalUnits: units.length, indicators: ev.program.indicators.length, grades };
}

/** The 10,000-leaf generated ruleset: construction, first call, and throughput against hand-written code. */
async function largeRuleset(s: Settings, n: number, log: (line: string) => void): Promise<LargeRuleset> {
  const spec = SPEC_LARGE;
  log(`  throughput: ${spec.leaves.length}-leaf ruleset`);
  const r = compile(jixiaoSource(spec));
  if (!r.ok || !r.program) throw new Error(`the ${spec.leaves.length}-leaf ruleset does not compile: ${r.diagnostics.map((d) => d.code).join(', ')}`);
  const program = r.program;
  const units = makeUnits(spec, n);
  const construct: number[] = [];
  const first: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    const ev = new Evaluator(program);
    const t1 = performance.now();
    ev.scoreFast(units[0]!);
    construct.push(t1 - t0);
    first.push(performance.now() - t1);
  }
  const ev = new Evaluator(program);
  const ref: Reference = { totals: new Float64Array(units.length), grades: new Int8Array(units.length) };
  units.forEach((u, k) => {
    ref.totals[k] = ev.scoreFast(u);
    ref.grades[k] = ev.lastGradeIndex();
  });
  const compiled = compiledContender(ev);
  const hand = handwrittenContender(spec);
  await checkSame(hand, units, units.length, ref);
  const pair = await paired(compiled, hand, ['jixiao', 'baseline'], units, s, Math.max(3, s.rounds), log);
  return {
    leaves: spec.leaves.length,
    indicators: program.indicators.length,
    constructColdMs: construct[0]!,
    firstCallColdMs: first[0]!,
    constructMs: median(construct.slice(1)),
    firstCallMs: median(first.slice(1)),
    units: units.length,
    compiledNsPerUnit: nsPerUnit(pair.a),
    handNsPerUnit: nsPerUnit(pair.b),
    vsHand: pair.ratio,
  };
}
