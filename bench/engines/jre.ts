// json-rules-engine: conditions decide which branch of each leaf applies (one rule per band,
// per ratio branch, per deduction, per yes/no), the fired events carry the branch, and the host
// turns events into points (the engine has no arithmetic), then sums, rounds and grades.
import { Engine, type RuleProperties } from 'json-rules-engine';
import { aggregate, gradeIndex } from '../baselines/aggregate.js';
import { BANDS, DEDUCT_CAP_SHARE, DEDUCT_PER, RATIO_TARGET, decimal, type Leaf, type Spec } from '../workload/spec.js';
import type { Unit } from '../workload/units.js';
import type { Contender } from './contender.js';

interface Params {
  readonly leaf: number;
  /** Fixed points, or `ratio` / `deduct` for the host to compute from the unit. */
  readonly points: number | 'ratio' | 'deduct';
}

function leafRules(l: Leaf): RuleProperties[] {
  const x = l.input;
  const w = l.weight;
  const rule = (all: RuleProperties['conditions'], points: Params['points']): RuleProperties => ({
    conditions: all,
    event: { type: 'points', params: { leaf: l.leaf, points } satisfies Params },
  });
  switch (l.kind) {
    case 'bands':
      return [
        ...BANDS.map((b, k) =>
          rule(
            { all: [{ fact: x, operator: 'greaterThanInclusive', value: b.bound }, ...(k > 0 ? [{ fact: x, operator: 'lessThan', value: BANDS[k - 1]!.bound }] : [])] },
            decimal(w * b.share),
          ),
        ),
        rule({ all: [{ fact: x, operator: 'lessThan', value: BANDS[BANDS.length - 1]!.bound }] }, 0),
      ];
    case 'ratio':
      return [
        rule({ all: [{ fact: x, operator: 'greaterThanInclusive', value: RATIO_TARGET }] }, w),
        rule({ all: [{ fact: x, operator: 'lessThan', value: RATIO_TARGET }, { fact: x, operator: 'greaterThan', value: 0 }] }, 'ratio'),
      ];
    case 'deduct':
      return [rule({ all: [{ fact: x, operator: 'greaterThanInclusive', value: 0 }] }, 'deduct')];
    case 'yesno':
      return [rule({ all: [{ fact: x, operator: 'equal', value: true }] }, w)];
  }
}

function points(l: Leaf, p: Params['points'], u: Unit): number {
  if (typeof p === 'number') return p;
  const x = u[l.input] as number;
  if (p === 'ratio') return l.weight * (x / RATIO_TARGET);
  return l.weight - Math.min(DEDUCT_PER * x, decimal(l.weight * DEDUCT_CAP_SHARE));
}

export function jreContender(spec: Spec): Contender {
  const engine = new Engine(spec.leaves.flatMap(leafRules), { allowUndefinedFacts: false });
  const pts = new Float64Array(spec.nodes.length);
  const score = async (u: Unit): Promise<number> => {
    const { events } = await engine.run(u);
    for (const l of spec.leaves) pts[l.node] = 0; // a leaf with no fired rule scores 0
    for (const e of events) {
      const p = e.params as Params;
      const l = spec.leaves[p.leaf]!;
      pts[l.node] = points(l, p.points, u);
    }
    return aggregate(spec, pts);
  };
  return {
    name: 'json-rules-engine',
    how: 'one rule per branch of each leaf; fired events → points in host JS; tree sum, rounding, grade in host JS',
    async run(units, n) {
      let s = 0;
      for (let k = 0; k < n; k++) {
        const t = await score(units[k]!);
        s += t + gradeIndex(spec, t);
      }
      return s;
    },
    async verdict(u) {
      const total = await score(u);
      return { total, grade: gradeIndex(spec, total) };
    },
  };
}
