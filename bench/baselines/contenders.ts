// The plain-JS baselines as contenders: straight-line (the limit) and table-driven.
import type { Contender } from '../engines/contender.js';
import type { Spec } from '../workload/spec.js';
import { handwritten } from './handwritten.js';
import { tableDriven } from './table.js';

function fromScorer(name: string, how: string, spec: Spec, f: (u: never, pts: Float64Array, out: Float64Array) => number): Contender {
  const pts = new Float64Array(spec.nodes.length);
  const out = new Float64Array(2);
  return {
    name,
    how,
    run(units, n) {
      let s = 0;
      for (let k = 0; k < n; k++) s += f(units[k]! as never, pts, out) + out[1]!;
      return s;
    },
    verdict(u) {
      const total = f(u as never, pts, out);
      return { total, grade: out[1]! };
    },
  };
}

export function handwrittenContender(spec: Spec): Contender {
  return fromScorer('hand-written JS, straight-line', 'one statement per indicator; every indicator’s points, total, grade', spec, handwritten(spec));
}

export function tableContender(spec: Spec): Contender {
  return fromScorer('hand-written JS, table-driven loop', 'a loop over a table of leaves with a switch on the kind', spec, tableDriven(spec));
}
