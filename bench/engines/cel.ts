// CEL (@marcbachmann/cel-js): each leaf's scoring rule is one CEL expression, parsed once and
// evaluated per unit, the way a team keeps rules as CEL strings beside an indicator table.
// The host sums the tree, rounds and grades (bench/baselines/aggregate.ts).
import { parse } from '@marcbachmann/cel-js';
import { aggregate, gradeIndex } from '../baselines/aggregate.js';
import { BANDS, DEDUCT_CAP_SHARE, DEDUCT_PER, RATIO_TARGET, decimal, type Leaf, type Spec } from '../workload/spec.js';
import type { Unit } from '../workload/units.js';
import { lit, type Contender } from './contender.js';

export function celRule(l: Leaf): string {
  const w = lit(l.weight);
  const x = l.input;
  switch (l.kind) {
    case 'bands':
      return `${BANDS.map((b) => `${x} >= ${lit(b.bound)} ? ${lit(decimal(l.weight * b.share))} : `).join('')}0.0`;
    case 'ratio':
      return `${x} >= ${lit(RATIO_TARGET)} ? ${w} : ${x} <= 0.0 ? 0.0 : ${w} * (${x} / ${lit(RATIO_TARGET)})`;
    case 'deduct': {
      const cap = lit(decimal(l.weight * DEDUCT_CAP_SHARE));
      return `${lit(DEDUCT_PER)} * ${x} > ${cap} ? ${w} - ${cap} : ${w} - ${lit(DEDUCT_PER)} * ${x}`;
    }
    case 'yesno':
      return `${x} ? ${w} : 0.0`;
  }
}

export function celContender(spec: Spec): Contender {
  const rules = spec.leaves.map((l) => ({ node: l.node, fn: parse(celRule(l)) }));
  const pts = new Float64Array(spec.nodes.length);
  const score = (u: Unit): number => {
    for (const r of rules) pts[r.node] = r.fn(u) as number;
    return aggregate(spec, pts);
  };
  return {
    name: 'CEL (@marcbachmann/cel-js)',
    how: 'one parsed CEL expression per leaf; tree sum, rounding and grade in host JS',
    run(units, n) {
      let s = 0;
      for (let k = 0; k < n; k++) {
        const t = score(units[k]!);
        s += t + gradeIndex(spec, t);
      }
      return s;
    },
    verdict(u) {
      const total = score(u);
      return { total, grade: gradeIndex(spec, total) };
    },
  };
}
