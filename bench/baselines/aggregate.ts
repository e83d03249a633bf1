// The host-side arithmetic every scorer of the workload shares: tree sums, half-up rounding of
// the total (decimal-correct, as Jixiao rounds), and the grade. Plain JS, written once.
import type { Spec } from '../workload/spec.js';

/** Half-up to `digits`, treating values within a billionth of a half as that half (89.995 → 90). */
export function roundHalfUp(x: number, digits: number): number {
  const f = 10 ** digits;
  const s = Math.abs(x) * f;
  let r = Math.floor(s);
  const eps = 1e-9 * Math.max(1, s);
  if (s - r >= 0.5 - eps || s - r > 1 - eps) r += 1;
  return (x < 0 ? -r : r) / f;
}

/** Index into `spec.grades` of a rounded total. */
export function gradeIndex(spec: Spec, total: number): number {
  const g = spec.grades;
  for (let k = 0; k < g.length; k++) {
    const min = g[k]!.min;
    if (min === null || total >= min) return k;
  }
  return -1;
}

/**
 * With the leaves' points already in `pts` (indexed like `spec.nodes`), fill in every group's
 * points and return the rounded total.
 */
export function aggregate(spec: Spec, pts: Float64Array): number {
  const nodes = spec.nodes;
  let raw = 0;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (n.leaf === null) {
      let s = 0;
      for (const c of n.children) s += pts[c]!;
      pts[i] = s;
    }
    if (n.parent === -1) raw += pts[i]!;
  }
  return roundHalfUp(raw, spec.round);
}
