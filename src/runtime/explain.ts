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
  /** The manual deduction after a rule (`less`), per indicator. */
  readonly E: Float64Array;
}

const OP_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };

function bandCondition(b: IrBand, type: ValueType): string {
  if (b.interval) {
    const iv = b.interval;
    return `在 ${iv.loClosed ? '[' : '('}${showValue(iv.lo, type)}, ${showValue(iv.hi, type)}${iv.hiClosed ? ']' : ')'} 内`;
  }
  if (b.boundExpr) return b.boundExpr.k === 'str' ? `为“${b.boundExpr.v}”` : `${OP_TEXT[b.op!]} ${b.text.replace(/^\S+\s*/, '')}`;
  return `${OP_TEXT[b.op!]} ${showValue(b.bound!, type)}`;
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
  if (r.app[i] === 2 && r.N[i] === 1) return `不适用（${ind.naText}），按满分计 ${showPoints(w)} 分`;
  if (r.app[i] !== 1 && r.N[i] === 1 && ind.naMode === 'transfer') {
    const to = (ind.naTargets ?? []).map((t) => `“${p.indicators[t]!.name}”`).join('、');
    return `不适用（${ind.naText}），分值 ${showNumber(w)} 转入 ${to}`;
  }
  if (r.app[i] !== 1 && ind.aggregation === 'placeholder' && ind.children.length === 0) return `待定指标尚无下级指标，按不适用处理，分值 ${showNumber(w)} 不计入总分`;
  if (r.app[i] !== 1) {
    // the na condition belongs to this indicator or to an ancestor
    let k = i;
    while (k >= 0 && r.N[k] !== 1) k = p.indicators[k]!.parent;
    const owner = k >= 0 ? p.indicators[k]! : ind;
    return owner === ind
      ? `不适用（${ind.naText}），分值 ${showNumber(w)} 不计入总分`
      : `不适用（上级“${owner.name}”不适用），分值不计入总分`;
  }
  const moved = transfersInto(p, i, r);
  if (ind.children.length > 0) {
    const na = ind.children.filter((c) => r.app[c] !== 1).length;
    const sum = ind.children.reduce((t, c) => t + r.pts[c]!, 0);
    const naNote = na ? `（${na} 项不适用）` : '';
    if (ind.aggregation === 'relative') return `下级指标相对分合计 ${showPoints(sum)} / ${showNumber(ind.scale!)}，折合 ${showPoints(pts)} / ${showNumber(w)} 分${naNote}${moved}`;
    if (ind.aggregation === 'pool' || ind.aggregation === 'placeholder') {
      const used = ind.children.filter((c) => r.app[c] !== 0);
      const uw = used.reduce((t, c) => t + p.indicators[c]!.weight, 0);
      return `${used.length} 项计分，得 ${showPoints(sum)} / ${showNumber(uw)}，折合 ${showPoints(pts)} / ${showNumber(w)} 分${moved}`;
    }
    return `下级指标合计 ${showPoints(pts)} / ${showNumber(w)} 分${naNote}${moved}`;
  }
  const clamped = r.C[i] === 1 ? `（计算值超出 [0, ${showNumber(w)}]，按分值范围截取）` : '';
  const less = ind.less ? `，再减 ${ind.lessText} ${showNumber(r.E[i] ?? 0)} 分` : '';
  const rounded = ind.roundPoints !== undefined ? `，保留 ${ind.roundPoints} 位小数` : '';
  const tail = less || rounded || moved ? `${less}${rounded}，得 ${showPoints(pts)} 分${moved}` : '';
  // with a tail, the rule's text shows its own points (8.60 before `round 0` makes 9.00)
  const own = (r.X[i] as { own?: number } | undefined)?.own;
  return `${ruleText(p, i, r, x(r, i), tail && own !== undefined ? own : pts, clamped)}${tail}`;
}

function x(r: Recorded, i: number): number[] {
  return (r.X[i] ?? []) as number[];
}

/** “（由“满意度”转入 10 分，得分按 40/30 折算）” when weight moved here. */
function transfersInto(p: IrProgram, i: number, r: Recorded): string {
  const from = p.indicators.filter((s, k) => s.naMode === 'transfer' && s.naTargets?.includes(i) && r.N[k] === 1 && r.app[k] !== 1);
  if (from.length === 0) return '';
  return `（含“${from.map((s) => s.name).join('、')}”不适用转入的分值，按比例折算）`;
}

function ruleText(p: IrProgram, i: number, r: Recorded, x: number[], pts: number, clamped: string): string {
  const ind = p.indicators[i]!;
  const w = ind.weight;
  const s = ind.score!;
  switch (s.kind) {
    case 'bands': {
      const [value, k] = x as [number, number];
      const shown = showValue(value, s.subjectType);
      if (k < 0) return `${s.subjectText} ${shown} 未落入任何分档，得 0 分`;
      const band = s.bands[k]!;
      if (band.op === null && !band.interval) {
        const others = s.bands.filter((b) => b.op !== null);
        const last = others[others.length - 1];
        const cond = last ? `不满足以上分档` : '';
        return `${s.subjectText} ${shown} ${cond}，${awardText(band, w)}`.replace(' ，', '，');
      }
      return `${s.subjectText} ${shown} ${bandCondition(band, s.subjectType)}，${awardText(band, w)}`;
    }
    case 'ratio': {
      const [a, t] = x as [number, number];
      const av = showValue(a, s.actualType);
      const tv = showValue(t, s.actualType);
      if (s.direction === 'down') {
        if (a <= t) return `${s.actualText} ${av} 不超过目标 ${tv}（反向指标），得满分 ${showPoints(w)} 分`;
        const how = s.formula === 'linear' ? '线性法：超出目标的比例扣减，2 倍目标值为 0' : '比值法：目标值 / 实际值';
        return `${s.actualText} ${av} 超过目标 ${tv}（反向指标，${how}），得 ${showPoints(pts)} 分`;
      }
      if (s.direction === 'equal' && t === 0) return a <= 0 ? `${s.actualText} ${av} 等于目标 0，得满分 ${showPoints(w)} 分` : `${s.actualText} ${av} 不等于目标 0，得 0 分`;
      if (t <= 0) return a >= t ? `${s.actualText} ${av} 达到目标 ${tv}，得满分 ${showPoints(w)} 分` : `${s.actualText} ${av} 未达到目标 ${tv}，得 0 分`;
      if (a >= t) return `${s.actualText} ${av} 达到目标 ${tv}，得满分 ${showPoints(w)} 分`;
      return `${s.actualText} ${av} / 目标 ${tv} = ${showPercent(Math.max(0, a / t))}，得 ${showPercent(Math.max(0, a / t))} × ${showNumber(w)} = ${showPoints(pts)} 分`;
    }
    case 'deduct': {
      const [per, n, d, m, std, dev] = x as [number, number, number, number, number, number];
      if (s.side) {
        const t = s.measureType;
        const sideText = s.side === 'above' ? '超过' : '低于';
        if (!(dev > 1e-12)) return `${s.measureText} ${showValue(m, t)} 未${sideText}标准 ${showValue(std, t)}，不扣分，得满分 ${showPoints(w)} 分`;
        const steps = s.whole ? `按整 ${showValue(n, t)} 计 ${showNumber(Math.floor(dev / n + 1e-9))} 档` : `按每 ${showValue(n, t)} 计 ${showNumber(dev / n, 4)} 档`;
        return `${s.measureText} ${showValue(m, t)} ${sideText}标准 ${showValue(std, t)} 共 ${showValue(dev, t)}，${steps}，扣 ${showNumber(d)} 分，得 ${showPoints(pts)} 分`;
      }
      const capped = d < per * n - 1e-9 ? `（扣分上限 ${showNumber(d)} 分）` : '';
      if (pts <= 0) return `${s.countText} ${showNumber(n)} × ${showNumber(per)} 分，扣 ${showNumber(d)} 分${capped}，扣完为止，得 0 分`;
      return `${s.countText} ${showNumber(n)} × ${showNumber(per)} 分，扣 ${showNumber(d)} 分${capped}，得 ${showNumber(w)} − ${showNumber(d)} = ${showPoints(pts)} 分`;
    }
    case 'manual':
      return `人工评分 ${p.inputs[s.input]!.name} = ${showPoints(pts)} 分（分值 ${showNumber(w)}）`;
    case 'checklist': {
      const [gate, ...flags] = x;
      if (gate === 0) {
        const failed = s.items.filter((it, k) => it.gate && flags[k] === 0).map((it) => it.text);
        return `前提要素 ${failed.join('、')} 不具备，得 0 分`;
      }
      const has = s.items.filter((_, k) => flags[k] === 1).map((it) => it.text);
      const lacks = s.items.filter((_, k) => flags[k] !== 1).map((it) => it.text);
      return `具备 ${has.join('、') || '无'}${lacks.length ? `；不具备 ${lacks.join('、')}` : ''}，得 ${showPoints(pts)} 分`;
    }
    case 'tiers': {
      const cat = r.unit[p.inputs[s.category]!.name];
      const t = s.tiers.find((t) => t.name === cat);
      const range = t ? `${t.loClosed ? '[' : '('}${showNumber(t.lo)}, ${showNumber(t.hi)}${t.hiClosed ? ']' : ')'}` : '';
      return `${p.inputs[s.category]!.name}“${String(cat)}”（得分区间 ${range}），人工评分 ${showPoints(pts)} 分`;
    }
    case 'likert': {
      const [v, n, t] = x as [number, number, number | undefined];
      if (t === undefined) return `${showNumber(n)} 人作答，满意度 ${showPercent(v)}，得 ${showPercent(v)} × ${showNumber(w)} = ${showPoints(pts)} 分`;
      return v >= t
        ? `${showNumber(n)} 人作答，满意度 ${showPercent(v)} 达到目标 ${showPercent(t)}，得满分 ${showPoints(w)} 分`
        : `${showNumber(n)} 人作答，满意度 ${showPercent(v)} / 目标 ${showPercent(t)}，得 ${showPoints(pts)} 分`;
    }
    case 'formula':
      return `按公式 ${s.text} 得 ${showPoints(pts)} 分${clamped}`;
  }
}

/** The light of a monitored unit: a broken monthly floor is 红 whatever the light says. */
export function lightOf(p: IrProgram, out: Float64Array): { color: string; reason: string } | null {
  const floor = p.floors?.[0];
  const broken = out[3]!;
  if (floor && broken >= 0) {
    const month = out[8]!;
    const why = `1–${showNumber(month)}月 ${floor.subjectText} ${showValue(out[6]!, floor.subjectType)} 低于底线 ${showValue(out[7]!, floor.subjectType)}`;
    return { color: '红', reason: floor.reason ? `${why}：${floor.reason}` : why };
  }
  const light = p.lights?.[0];
  const k = out[2]!;
  if (!light || k < 0) return null;
  const b = light.bands[k]!;
  const cond = b.band.op === null && !b.band.interval ? '不满足以上各档' : bandCondition(b.band, light.subjectType);
  const t = light.subjectType;
  const why = `${light.subjectText} ${showValue(t.kind === 'enum' ? (t.members[out[5]!] ?? '') : out[5]!, t)} ${cond}`;
  return { color: b.color, reason: b.reason ? `${why}：${b.reason}` : why };
}
