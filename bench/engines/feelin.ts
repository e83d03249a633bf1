// FEEL (feelin): each leaf's scoring rule is one FEEL expression evaluated per unit. feelin has
// no parse-once API, so every evaluation parses its expression: that is the engine's cost.
// The host sums the tree, rounds and grades.
import { evaluate } from 'feelin';
import { aggregate, gradeIndex } from '../baselines/aggregate.js';
import { BANDS, DEDUCT_CAP_SHARE, DEDUCT_PER, RATIO_TARGET, decimal, type Leaf, type Spec } from '../workload/spec.js';
import type { Unit } from '../workload/units.js';
import type { Contender } from './contender.js';

export function feelRule(l: Leaf): string {
  const w = l.weight;
  const x = l.input;
  switch (l.kind) {
    case 'bands':
      return `${BANDS.map((b) => `if ${x} >= ${b.bound} then ${decimal(w * b.share)} else `).join('')}0`;
    case 'ratio':
      return `if ${x} >= ${RATIO_TARGET} then ${w} else if ${x} <= 0 then 0 else ${w} * (${x} / ${RATIO_TARGET})`;
    case 'deduct':
      return `${w} - min(${DEDUCT_PER} * ${x}, ${decimal(w * DEDUCT_CAP_SHARE)})`;
    case 'yesno':
      return `if ${x} then ${w} else 0`;
  }
}

export function feelinContender(spec: Spec): Contender {
  const rules = spec.leaves.map((l) => ({ node: l.node, input: l.input, text: feelRule(l) }));
  const pts = new Float64Array(spec.nodes.length);
  const score = (u: Unit): number => {
    // only the variable the rule reads: feelin tracks every context name while parsing
    for (const r of rules) pts[r.node] = evaluate(r.text, { [r.input]: u[r.input] }).value as number;
    return aggregate(spec, pts);
  };
  return {
    name: 'FEEL (feelin)',
    how: 'one FEEL expression per leaf, evaluated per unit with that leaf’s input as context; tree sum, rounding and grade in host JS',
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
