// Section 1: evaluation throughput on the 100-leaf workload. Every contender is first checked
// to give Jixiao's totals and grades on every unit it will be timed on, then timed (tinybench,
// warm-up runs, median of the measured runs). Slow engines are timed on a prefix of the units
// sized so one run takes about `runTargetMs`.
import { handwrittenContender, tableContender } from '../baselines/contenders.js';
import { celContender } from '../engines/cel.js';
import type { Contender } from '../engines/contender.js';
import { feelinContender } from '../engines/feelin.js';
import { compiledContender, evaluateContender, jixiaoEvaluator } from '../engines/jixiao.js';
import { jreContender } from '../engines/jre.js';
import { otherTargets } from '../engines/targets.js';
import { zenContender } from '../engines/zen.js';
import { dataInputs, readData } from '../../src/index.js';
import { timeRuns } from '../lib/measure.js';
import { SPEC_100 } from '../workload/spec.js';
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

export interface ThroughputResult {
  readonly rows: readonly Timed[];
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

async function time(c: Contender, group: Timed['group'], units: readonly Unit[], n: number, s: Settings): Promise<Timed> {
  const probe = c.run(units, 1);
  const isAsync = probe instanceof Promise;
  await probe;
  const fn = isAsync ? async (): Promise<unknown> => c.run(units, n) : (): unknown => c.run(units, n);
  const t = await timeRuns(c.name, fn, s.runs, s.warmups, s.warmupMs);
  return { name: c.name, how: c.how, group, units: n, medianMs: t.medianMs, minMs: t.minMs, runs: t.runs, unitsPerSec: n / (t.medianMs / 1000) };
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

  // the fast group: every unit, alternated over several rounds
  const read = viaReadData(units, dataInputs(ev.program));
  const fast: [Contender, Timed['group']][] = [
    [compiledContender(ev), 'jixiao'],
    [handwrittenContender(spec), 'baseline'],
    [tableContender(spec), 'baseline'],
    // its own evaluator: one scorer fed two kinds of object would be timed polymorphic on both
    [onUnits(compiledContender(jixiaoEvaluator(spec)), units, read, 'units from readData (CSV)'), 'readData'],
    [onUnits(handwrittenContender(spec), units, read, 'units from readData (CSV)'), 'readData'],
  ];
  for (const [c] of fast) {
    // the reference itself is checked too: scoreFast must agree with evaluate()
    await checkSame(c, units, units.length, ref);
  }
  const perRound = new Map<string, Timed[]>();
  for (let r = 0; r < s.rounds; r++) {
    for (const [c, group] of fast) {
      log(`  throughput round ${r + 1}/${s.rounds}: ${c.name}`);
      const t = await time(c, group, units, units.length, s);
      log(`    ${((t.medianMs * 1e6) / t.units).toFixed(0)} ns/unit`);
      perRound.set(c.name, [...(perRound.get(c.name) ?? []), t]);
    }
  }
  for (const ts of perRound.values()) {
    const m = median(ts.map((t) => t.medianMs));
    const best = Math.min(...ts.map((t) => t.minMs));
    rows.push({ ...ts[0]!, medianMs: m, minMs: best, runs: ts.reduce((a, t) => a + t.runs, 0), unitsPerSec: ts[0]!.units / (m / 1000) });
  }

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
  for (const [c, group] of slow) {
    const n = await sampleSize(c, units, s);
    log(`  throughput: ${c.name} on ${n} units`);
    await checkSame(c, units, n, ref);
    rows.push(await time(c, group, units, n, s));
    if ('dispose' in c && typeof c.dispose === 'function') c.dispose();
  }
  return { rows, notes, totalUnits: units.length, indicators: ev.program.indicators.length, grades };
}
