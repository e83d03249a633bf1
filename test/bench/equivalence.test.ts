// Keeps the benchmark honest: the hand-written baselines and every engine adapter score the
// generated 100-leaf workload exactly as Jixiao does (same totals and grades; the straight-line
// baseline also the same points for every indicator). No timing here.
import { afterAll, describe, expect, it } from 'vitest';
import { handwritten } from '../../bench/baselines/handwritten.js';
import { handwrittenContender, tableContender } from '../../bench/baselines/contenders.js';
import { celContender } from '../../bench/engines/cel.js';
import type { Contender, Verdict } from '../../bench/engines/contender.js';
import { feelinContender } from '../../bench/engines/feelin.js';
import { compiledContender, jixiaoEvaluator } from '../../bench/engines/jixiao.js';
import { jreContender } from '../../bench/engines/jre.js';
import { zenContender } from '../../bench/engines/zen.js';
import { SPEC_100 } from '../../bench/workload/spec.js';
import { makeUnits } from '../../bench/workload/units.js';

const spec = SPEC_100;
const units = makeUnits(spec, 200);
const ev = jixiaoEvaluator(spec);
const expected: Verdict[] = units.map((u) => {
  const r = ev.evaluate(u, { explain: false });
  return { total: r.total!, grade: ev.program.grades.findIndex((g) => g.name === r.grade) };
});

async function verdicts(c: Contender, n: number): Promise<Verdict[]> {
  const out: Verdict[] = [];
  for (const u of units.slice(0, n)) out.push(await c.verdict(u));
  return out;
}

describe('the benchmark workload', () => {
  it('is the 4 × 5 × 5 tree of 100 leaves, and its units reach at least three grades', () => {
    expect(ev.program.indicators).toHaveLength(124);
    expect(ev.program.inputs).toHaveLength(100);
    expect(new Set(expected.map((v) => v.grade)).size).toBeGreaterThanOrEqual(3);
  });

  it('scores unit 0 to the figures worked out by hand from its inputs', () => {
    // the unit's first leaf is a band over rate_0; its weight is 1.2
    const rate = units[0]!['rate_0'] as number;
    const want = rate >= 0.95 ? 1.2 : rate >= 0.9 ? 0.96 : rate >= 0.8 ? 0.72 : 0;
    expect(ev.evaluate(units[0]!, { explain: false }).indicators['一级1/二级1_1/三级1_1_1']!.points).toBeCloseTo(want, 9);
  });

  it('scoreFast gives what evaluate() gives', async () => {
    expect(await verdicts(compiledContender(ev), units.length)).toEqual(expected);
  });
});

describe('baselines and engines agree with Jixiao', () => {
  it('hand-written straight-line JS: totals, grades and every indicator’s points', async () => {
    expect(await verdicts(handwrittenContender(spec), units.length)).toEqual(expected);
    const f = handwritten(spec);
    const pts = new Float64Array(spec.nodes.length);
    const out = new Float64Array(2);
    for (const u of units) {
      f(u, pts, out);
      const r = ev.evaluate(u, { explain: false });
      ev.program.indicators.forEach((ind, i) => expect(pts[i]).toBeCloseTo(r.indicators[ind.path]!.points, 6));
    }
  });

  it('hand-written table-driven JS', async () => {
    expect(await verdicts(tableContender(spec), units.length)).toEqual(expected);
  });

  it('CEL (@marcbachmann/cel-js)', async () => {
    expect(await verdicts(celContender(spec), units.length)).toEqual(expected);
  });

  const zen = zenContender(spec);
  afterAll(() => zen.dispose());
  it('GoRules ZEN', async () => {
    expect(await verdicts(zen, units.length)).toEqual(expected);
  });

  it('json-rules-engine', async () => {
    expect(await verdicts(jreContender(spec), units.length)).toEqual(expected);
  });

  it('FEEL (feelin), on the first 10 units (it parses every expression on every call)', async () => {
    expect(await verdicts(feelinContender(spec), 10)).toEqual(expected.slice(0, 10));
  });
});
