// A table-driven scorer in plain JS: one generic loop over a table of leaves (kind, input,
// weight), the shape a team writes when rules live in configuration rather than code.
import { BANDS, DEDUCT_CAP_SHARE, DEDUCT_PER, KINDS, RATIO_TARGET, type Spec } from '../workload/spec.js';
import type { Unit } from '../workload/units.js';
import { aggregate, gradeIndex } from './aggregate.js';

interface Row {
  readonly node: number;
  readonly kind: number;
  readonly input: string;
  readonly weight: number;
}

export interface TableScorer {
  /** Writes `pts` and `out` = [total, grade index]; returns the total. */
  (u: Unit, pts: Float64Array, out: Float64Array): number;
}

export function tableDriven(spec: Spec): TableScorer {
  const rows: Row[] = spec.leaves.map((l) => ({ node: l.node, kind: KINDS.indexOf(l.kind), input: l.input, weight: l.weight }));
  return (u, pts, out) => {
    for (const row of rows) {
      const w = row.weight;
      const v = u[row.input] as number | boolean;
      let p = 0;
      switch (row.kind) {
        case 0:
          for (const b of BANDS) {
            if ((v as number) >= b.bound) {
              p = w * b.share;
              break;
            }
          }
          break;
        case 1: {
          const a = v as number;
          p = a >= RATIO_TARGET ? w : a <= 0 ? 0 : w * (a / RATIO_TARGET);
          break;
        }
        case 2:
          p = Math.max(0, w - Math.min(DEDUCT_PER * (v as number), w * DEDUCT_CAP_SHARE));
          break;
        case 3:
          p = v ? w : 0;
          break;
      }
      pts[row.node] = p;
    }
    const total = aggregate(spec, pts);
    out[0] = total;
    out[1] = gradeIndex(spec, total);
    return total;
  };
}
