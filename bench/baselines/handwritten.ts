// The limit: the workload scored in straight-line plain JS, one statement per indicator, the
// way a programmer would write it by hand for this one ruleset. A short template writes that
// text from the workload spec (not from Jixiao's IR or emitter), so the same lines serve any
// generated size; the text is then an ordinary function, compiled by V8 like any module code.
import { BANDS, DEDUCT_CAP_SHARE, DEDUCT_PER, RATIO_TARGET, decimal, type Leaf, type Spec } from '../workload/spec.js';
import type { Unit } from '../workload/units.js';

/** Writes `pts` (every indicator, spec order) and `out` = [total, grade index]; returns the total. */
export type HandScorer = (u: Unit, pts: Float64Array, out: Float64Array) => number;

function leafLine(l: Leaf): string {
  const w = l.weight;
  const x = `u.${l.input}`;
  switch (l.kind) {
    case 'bands': {
      const arms = BANDS.map((b) => `x >= ${b.bound} ? ${decimal(w * b.share)} : `).join('');
      return `x = ${x}; pts[${l.node}] = ${arms}0;`;
    }
    case 'ratio':
      return `x = ${x}; pts[${l.node}] = x >= ${RATIO_TARGET} ? ${w} : x <= 0 ? 0 : ${w} * (x / ${RATIO_TARGET});`;
    case 'deduct':
      return `x = ${DEDUCT_PER} * ${x}; if (x > ${decimal(w * DEDUCT_CAP_SHARE)}) x = ${decimal(w * DEDUCT_CAP_SHARE)}; pts[${l.node}] = x >= ${w} ? 0 : ${w} - x;`;
    case 'yesno':
      return `pts[${l.node}] = ${x} ? ${w} : 0;`;
  }
}

export function handwrittenSource(spec: Spec): string {
  const lines = ['let x = 0;'];
  for (const l of spec.leaves) lines.push(leafLine(l));
  // groups bottom-up, so each sum reads finished children
  for (let i = spec.nodes.length - 1; i >= 0; i--) {
    const n = spec.nodes[i]!;
    if (n.leaf === null) lines.push(`pts[${i}] = ${n.children.map((c) => `pts[${c}]`).join(' + ')};`);
  }
  const tops = spec.nodes.flatMap((n, i) => (n.parent === -1 ? [`pts[${i}]`] : []));
  const f = 10 ** spec.round;
  lines.push(
    `const s = (${tops.join(' + ')}) * ${f};`,
    'let r = Math.floor(s);',
    'const eps = 1e-9 * (s > 1 ? s : 1);',
    'if (s - r >= 0.5 - eps || s - r > 1 - eps) r += 1;',
    `const total = r / ${f};`,
    `out[0] = total;`,
    `out[1] = ${spec.grades.map((g, k) => (g.min === null ? `${k}` : `total >= ${g.min} ? ${k} : `)).join('')};`,
    'return total;',
  );
  return lines.join('\n');
}

export function handwritten(spec: Spec): HandScorer {
  return new Function('u', 'pts', 'out', handwrittenSource(spec)) as HandScorer;
}
