// GoRules ZEN (@gorules/zen-engine): the whole scoring as one decision graph, input → one
// expression node → output. The node computes every indicator's points (`n<i>`, leaves first,
// then groups bottom-up through `$`), the rounded total and the grade index; one call per unit.
// ZEN computes in decimals, so half-up rounding is floor(x·10^d + 0.5) / 10^d exactly.
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import { BANDS, DEDUCT_CAP_SHARE, DEDUCT_PER, RATIO_TARGET, decimal, type Leaf, type Spec } from '../workload/spec.js';
import type { Contender, Verdict } from './contender.js';

function leafExpr(l: Leaf): string {
  const w = l.weight;
  const x = l.input;
  switch (l.kind) {
    case 'bands':
      return `${BANDS.map((b) => `${x} >= ${b.bound} ? ${decimal(w * b.share)} : `).join('')}0`;
    case 'ratio':
      return `${x} >= ${RATIO_TARGET} ? ${w} : ${x} <= 0 ? 0 : ${w} * (${x} / ${RATIO_TARGET})`;
    case 'deduct':
      return `${w} - min([${DEDUCT_PER} * ${x}, ${decimal(w * DEDUCT_CAP_SHARE)}])`;
    case 'yesno':
      return `${x} ? ${w} : 0`;
  }
}

/** The JDM graph: every indicator's points, `raw`, `total` and `grade`. */
export function zenGraph(spec: Spec): object {
  const expressions: { id: string; key: string; value: string }[] = [];
  const add = (key: string, value: string): void => {
    expressions.push({ id: `x${expressions.length}`, key, value });
  };
  for (const l of spec.leaves) add(`n${l.node}`, leafExpr(l));
  for (let i = spec.nodes.length - 1; i >= 0; i--) {
    const n = spec.nodes[i]!;
    if (n.leaf === null) add(`n${i}`, n.children.map((c) => `$.n${c}`).join(' + '));
  }
  const tops = spec.nodes.flatMap((n, i) => (n.parent === -1 ? [`$.n${i}`] : []));
  const f = 10 ** spec.round;
  add('total', `floor((${tops.join(' + ')}) * ${f} + 0.5) / ${f}`);
  add('grade', `${spec.grades.map((g, k) => (g.min === null ? `${k}` : `$.total >= ${g.min} ? ${k} : `)).join('')}`);
  const position = { x: 0, y: 0 };
  return {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'unit', position },
      { id: 'score', type: 'expressionNode', name: 'score', position, content: { expressions, passThrough: false, inputField: null, outputPath: null, executionMode: 'single' } },
      { id: 'out', type: 'outputNode', name: 'result', position },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'score', type: 'edge' },
      { id: 'e2', sourceId: 'score', targetId: 'out', type: 'edge' },
    ],
  };
}

export function zenContender(spec: Spec): Contender & { dispose(): void } {
  const engine = new ZenEngine();
  const decision: ZenDecision = engine.createDecision(zenGraph(spec));
  const verdict = async (u: object): Promise<Verdict> => {
    const r = (await decision.evaluate(u)).result as { total: number; grade: number };
    return { total: r.total, grade: r.grade };
  };
  return {
    name: 'GoRules ZEN (@gorules/zen-engine)',
    how: 'one decision graph (expression node: every indicator, total, grade), one awaited call per unit',
    async run(units, n) {
      let s = 0;
      for (let k = 0; k < n; k++) {
        const v = await verdict(units[k]!);
        s += v.total + v.grade;
      }
      return s;
    },
    verdict,
    dispose: () => engine.dispose(),
  };
}
