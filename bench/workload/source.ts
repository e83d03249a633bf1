// The workload spec written as Jixiao source text: what a user would type for this ruleset.
import { BANDS, DEDUCT_CAP_SHARE, DEDUCT_PER, RATIO_TARGET, decimal, type Leaf, type Spec } from './spec.js';

const pct = (x: number): string => `${decimal(x * 100)}%`;

function inputType(leaf: Leaf): string {
  switch (leaf.kind) {
    case 'bands':
    case 'ratio':
      return 'percent';
    case 'deduct':
      return 'count';
    case 'yesno':
      return 'bool';
  }
}

function scoreRule(leaf: Leaf): string {
  switch (leaf.kind) {
    case 'bands':
      return `score bands ${leaf.input} { ${BANDS.map((b) => `>= ${pct(b.bound)}: ${b.share === 1 ? 'full' : pct(b.share)}`).join('; ')}; else: 0 }`;
    case 'ratio':
      return `score ratio ${leaf.input} target ${pct(RATIO_TARGET)}`;
    case 'deduct':
      return `score deduct ${DEDUCT_PER} per ${leaf.input} max ${decimal(leaf.weight * DEDUCT_CAP_SHARE)}`;
    case 'yesno':
      return `score ${leaf.input} ? full : 0`;
  }
}

export function jixiaoSource(spec: Spec): string {
  const out: string[] = [`ruleset ${spec.name} {`, `  title "生成的规则集（${spec.leaves.length} 个末级指标）"`, `  total ${spec.total}`, `  round ${spec.round}`];
  for (const leaf of spec.leaves) out.push(`  input ${leaf.input}: ${inputType(leaf)}`);
  const indicator = (i: number, depth: number): void => {
    const n = spec.nodes[i]!;
    const pad = '  '.repeat(depth);
    if (n.leaf) {
      out.push(`${pad}indicator ${n.name} weight ${n.weight} { ${scoreRule(n.leaf)} }`);
      return;
    }
    out.push(`${pad}indicator ${n.name} weight ${n.weight} {`);
    for (const c of n.children) indicator(c, depth + 1);
    out.push(`${pad}}`);
  };
  spec.nodes.forEach((n, i) => {
    if (n.parent === -1) indicator(i, 1);
  });
  const grades = spec.grades.map((g) => (g.min === null ? `${g.name} otherwise` : `${g.name} >= ${g.min}`));
  out.push(`  grades { ${grades.join('; ')} }`, '}', '');
  return out.join('\n');
}
