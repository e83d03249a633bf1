// One-line Chinese explanations of each indicator's points, from the figures the explaining
// scorer recorded: “预算执行率 92.5% ≥ 90%，得 80% × 8 = 6.40 分”.
import type { IrBand, IrProgram, ValueType } from '../ir/ir.js';
import { showNumber, showPercent, showPoints, showValue } from '../ir/format.js';
import type { UnitValues } from './evaluator.js';

export interface Recorded {
  readonly unit: UnitValues;
  readonly pts: Float64Array;
  readonly app: Uint8Array;
  readonly X: readonly unknown[];
  readonly C: Uint8Array;
  readonly N: Uint8Array;
}

const OP_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };

function bandBound(b: IrBand, type: ValueType): string {
  return showValue(b.bound!, type);
}

function awardText(b: IrBand, w: number): string {
  const pts = showPoints(b.award.kind === 'full' ? w : b.award.kind === 'share' ? b.award.value * w : b.award.value);
  if (b.award.kind === 'full') return `得满分 ${pts} 分`;
  if (b.award.kind === 'share') return `得 ${showPercent(b.award.value)} × ${showNumber(w)} = ${pts} 分`;
  return `得 ${pts} 分`;
}

export function explainIndicator(p: IrProgram, i: number, r: Recorded): string {
  const ind = p.indicators[i]!;
  const w = ind.weight;
  const pts = r.pts[i]!;
  if (r.app[i] !== 1) {
    // the na condition belongs to this indicator or to an ancestor
    let k = i;
    while (k >= 0 && r.N[k] !== 1) k = p.indicators[k]!.parent;
    const owner = k >= 0 ? p.indicators[k]! : ind;
    return owner === ind
      ? `不适用（${ind.naText}），分值 ${showNumber(w)} 不计入总分`
      : `不适用（上级“${owner.name}”不适用），分值不计入总分`;
  }
  if (ind.children.length > 0) {
    const na = ind.children.filter((c) => r.app[c] !== 1).length;
    return `下级指标合计 ${showPoints(pts)} / ${showNumber(w)} 分${na ? `（${na} 项不适用）` : ''}`;
  }
  const x = (r.X[i] ?? []) as number[];
  const clamped = r.C[i] === 1 ? `（计算值超出 [0, ${showNumber(w)}]，按分值范围截取）` : '';
  const s = ind.score!;
  switch (s.kind) {
    case 'bands': {
      const [value, k] = x as [number, number];
      const shown = showValue(value, s.subjectType);
      if (k < 0) return `${s.subjectText} ${shown} 未落入任何分档，得 0 分`;
      const band = s.bands[k]!;
      if (band.op === null) {
        const others = s.bands.filter((b) => b.op !== null);
        const last = others[others.length - 1];
        const cond = last ? `不满足以上分档` : '';
        return `${s.subjectText} ${shown} ${cond}，${awardText(band, w)}`.replace(' ，', '，');
      }
      return `${s.subjectText} ${shown} ${OP_TEXT[band.op]} ${bandBound(band, s.subjectType)}，${awardText(band, w)}`;
    }
    case 'ratio': {
      const [a, t] = x as [number, number];
      const av = showValue(a, s.actualType);
      const tv = showValue(t, s.actualType);
      if (t <= 0) return a >= t ? `${s.actualText} ${av} 达到目标 ${tv}，得满分 ${showPoints(w)} 分` : `${s.actualText} ${av} 未达到目标 ${tv}，得 0 分`;
      if (a >= t) return `${s.actualText} ${av} 达到目标 ${tv}，得满分 ${showPoints(w)} 分`;
      return `${s.actualText} ${av} / 目标 ${tv} = ${showPercent(Math.max(0, a / t))}，得 ${showPercent(Math.max(0, a / t))} × ${showNumber(w)} = ${showPoints(pts)} 分`;
    }
    case 'deduct': {
      const [per, n, d] = x as [number, number, number];
      const capped = d < per * n - 1e-9 ? `（扣分上限 ${showNumber(d)} 分）` : '';
      if (pts <= 0) return `${s.countText} ${showNumber(n)} × ${showNumber(per)} 分，扣 ${showNumber(d)} 分${capped}，扣完为止，得 0 分`;
      return `${s.countText} ${showNumber(n)} × ${showNumber(per)} 分，扣 ${showNumber(d)} 分${capped}，得 ${showNumber(w)} − ${showNumber(d)} = ${showPoints(pts)} 分`;
    }
    case 'manual':
      return `人工评分 ${p.inputs[s.input]!.name} = ${showPoints(pts)} 分（分值 ${showNumber(w)}）`;
    case 'formula':
      return `按公式 ${s.text} 得 ${showPoints(pts)} 分${clamped}`;
  }
}
