// The throughput section's large-ruleset figures compare the split scorer with hand-written
// code for the same ruleset: both must give the same points for every indicator, total and
// grade. A 1,000-leaf ruleset (1,044 indicators) is split into parts as the 10,000-leaf one is.
import { describe, expect, it } from 'vitest';
import { handwritten } from '../../bench/baselines/handwritten.js';
import { jixiaoEvaluator } from '../../bench/engines/jixiao.js';
import { makeSpec } from '../../bench/workload/spec.js';
import { makeUnits } from '../../bench/workload/units.js';
import { emitScorer } from '../../src/index.js';

describe('a 1,000-leaf generated ruleset', () => {
  const spec = makeSpec(4, 10, 25);
  const ev = jixiaoEvaluator(spec);
  const units = makeUnits(spec, 40);

  it('is scored by a split scorer', () => {
    expect(ev.program.indicators.length).toBe(1044);
    // each 一级 has 261 indicators, over a part's 256: its 二级 go into parts, nine to a part
    expect(emitScorer(ev.program, { explain: false }).match(/function part\d+\(/g)?.length).toBe(8);
  });

  it('gives what the hand-written straight-line code gives: every indicator’s points, total, grade', () => {
    const f = handwritten(spec);
    const pts = new Float64Array(spec.nodes.length);
    const out = new Float64Array(2);
    const grades = new Set<number>();
    for (const u of units) {
      const total = ev.scoreFast(u);
      expect(f(u, pts, out)).toBe(total);
      expect(out[1]).toBe(ev.lastGradeIndex());
      grades.add(ev.lastGradeIndex());
      spec.nodes.forEach((_, i) => expect(ev.points(i)).toBeCloseTo(pts[i]!, 9));
    }
    expect(grades.size).toBeGreaterThan(1);
  });
});
