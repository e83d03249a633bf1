// The benchmark workload as data: a generated indicator tree (一级 × 二级 × 三级) whose leaves
// rotate through four rule kinds. Jixiao source, the hand-written baselines and every engine
// adapter are all produced from this one spec, so they score the same thing.

export type LeafKind = 'bands' | 'ratio' | 'deduct' | 'yesno';

export const KINDS: readonly LeafKind[] = ['bands', 'ratio', 'deduct', 'yesno'];

/** `>= bound: share of the weight`, first match wins; below the last bound scores 0. */
export const BANDS: readonly { readonly bound: number; readonly share: number }[] = [
  { bound: 0.95, share: 1 },
  { bound: 0.9, share: 0.8 },
  { bound: 0.8, share: 0.6 },
];
export const RATIO_TARGET = 0.9;
export const DEDUCT_PER = 0.2;
/** The deduction cap as a share of the weight. */
export const DEDUCT_CAP_SHARE = 0.75;

export interface Leaf {
  /** Index in `Spec.nodes` (preorder, as the IR numbers indicators). */
  readonly node: number;
  /** Index among leaves, in tree order. */
  readonly leaf: number;
  readonly kind: LeafKind;
  /** The input this leaf reads (ASCII so every engine's identifier rules accept it). */
  readonly input: string;
  readonly weight: number;
}

export interface SpecNode {
  readonly name: string;
  readonly weight: number;
  readonly parent: number;
  readonly children: number[];
  readonly leaf: Leaf | null;
}

export interface Grade {
  readonly name: string;
  /** `null` for the last grade (otherwise). */
  readonly min: number | null;
}

export interface Spec {
  readonly name: string;
  readonly total: number;
  readonly round: number;
  /** Preorder, parents before children. */
  readonly nodes: readonly SpecNode[];
  readonly leaves: readonly Leaf[];
  readonly grades: readonly Grade[];
}

export const GRADES: readonly Grade[] = [
  { name: '优', min: 90 },
  { name: '良', min: 80 },
  { name: '中', min: 60 },
  { name: '差', min: null },
];

/** Weights as short decimals: the parts of 30 / 5 / 5 are written 1.2, not 1.2000000000000002. */
export function decimal(x: number): number {
  return Number(x.toFixed(9));
}

function inputName(kind: LeafKind, leaf: number): string {
  const stem = { bands: 'rate', ratio: 'done', deduct: 'issues', yesno: 'ok' }[kind];
  return `${stem}_${leaf}`;
}

/** The top-level weights: 30/25/25/20 for four, equal shares otherwise. */
function topWeights(n: number): number[] {
  return n === 4 ? [30, 25, 25, 20] : Array.from({ length: n }, () => decimal(100 / n));
}

/** A ruleset of `a` 一级 × `b` 二级 × `c` 三级 indicators: a·b·c leaves, total 100, round 2. */
export function makeSpec(a: number, b: number, c: number): Spec {
  const nodes: SpecNode[] = [];
  const leaves: Leaf[] = [];
  const add = (name: string, weight: number, parent: number, leaf: Leaf | null): number => {
    nodes.push({ name, weight, parent, children: [], leaf });
    const i = nodes.length - 1;
    if (parent >= 0) nodes[parent]!.children.push(i);
    return i;
  };
  topWeights(a).forEach((w1, i) => {
    const n1 = add(`一级${i + 1}`, w1, -1, null);
    const w2 = decimal(w1 / b);
    for (let j = 0; j < b; j++) {
      const n2 = add(`二级${i + 1}_${j + 1}`, w2, n1, null);
      const w3 = decimal(w2 / c);
      for (let k = 0; k < c; k++) {
        const index = leaves.length;
        const kind = KINDS[index % KINDS.length]!;
        const leaf: Leaf = { node: nodes.length, leaf: index, kind, input: inputName(kind, index), weight: w3 };
        leaves.push(leaf);
        add(`三级${i + 1}_${j + 1}_${k + 1}`, w3, n2, leaf);
      }
    }
  });
  return { name: `生成${leaves.length}`, total: 100, round: 2, nodes, leaves, grades: GRADES };
}

/** The 100-leaf ruleset of the throughput benchmark. */
export const SPEC_100 = makeSpec(4, 5, 5);

/** Generated rulesets for compile time, by leaf count. */
export const COMPILE_SHAPES: readonly (readonly [number, number, number])[] = [
  [4, 5, 5],
  [4, 10, 25],
  [4, 50, 50],
];

/** The ruleset of the batch benchmark: 24 leaves and 24 inputs, the size of a real 部门整体 system. */
export const SPEC_BATCH = makeSpec(4, 2, 3);
