// 评分标准 in words, generated from the scoring rule when the ruleset gives no `note`: the way
// printed indicator tables phrase each kind of rule (分档, 反向指标（线性法）, 每低于5%扣2分,
// 要素法, 定性分级区间, 满意度量表, …), and the rules after the total and the monitoring lights.
import type { IrBand, IrBandAward, IrExpr, IrIndicator, IrProgram, ValueType } from '../../ir/ir.js';
import { showNumber, showPercent, showValue } from '../../ir/format.js';

const OP_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', '!=': '≠' };
const PRECEDENCE: Record<string, number> = { or: 1, and: 2, cmp: 3, '+': 4, '-': 4, '*': 5, '/': 5 };

/** The type of a figure when the IR records it (an input or a let), for writing constants beside it. */
function typeOf(p: IrProgram, e: IrExpr): ValueType | undefined {
  if (e.k === 'input') return p.inputs[e.i]!.type;
  if (e.k === 'let') return p.lets[e.i]!.type;
  return undefined;
}

/** An expression written back as a person would write it (for deductions, conditions and caps). */
export function exprText(p: IrProgram, e: IrExpr, outer = 0): string {
  const wrap = (s: string, prec: number): string => (prec < outer ? `(${s})` : s);
  switch (e.k) {
    case 'num':
      return showNumber(e.v);
    case 'bool':
      return e.v ? '是' : '否';
    case 'str':
      return e.v;
    case 'full':
      return '满分';
    case 'input':
      return p.inputs[e.i]!.name;
    case 'let':
      return p.lets[e.i]!.name;
    case 'neg':
      return `-${exprText(p, e.a, 6)}`;
    case 'not':
      return `非 ${exprText(p, e.a, 6)}`;
    case 'arith':
      return wrap(`${exprText(p, e.a, PRECEDENCE[e.op]!)} ${e.op === '*' ? '×' : e.op} ${exprText(p, e.b, PRECEDENCE[e.op]! + 1)}`, PRECEDENCE[e.op]!);
    case 'div':
      return wrap(`${exprText(p, e.a, 5)} ÷ ${exprText(p, e.b, 6)}`, 5);
    case 'cmp': {
      // a constant compared with a percent reads as a percent: 执行率 ≥ 70%, not ≥ 0.7
      const side = (x: IrExpr, other: IrExpr): string => (x.k === 'num' && typeOf(p, other)?.kind === 'percent' ? showPercent(x.v) : exprText(p, x, 4));
      return wrap(`${side(e.a, e.b)} ${OP_TEXT[e.op]} ${side(e.b, e.a)}`, 3);
    }
    case 'logic':
      return wrap(`${exprText(p, e.a, PRECEDENCE[e.op]!)} ${e.op === 'and' ? '且' : '或'} ${exprText(p, e.b, PRECEDENCE[e.op]! + 1)}`, PRECEDENCE[e.op]!);
    case 'cond':
      return wrap(`${exprText(p, e.c, 1)} ? ${exprText(p, e.t, 1)} : ${exprText(p, e.e, 1)}`, 0);
    case 'call':
      return `${e.fn}(${e.args.map((a) => exprText(p, a)).join(', ')})`;
  }
}

/** A figure of a known type: a constant in its unit (5%, 500万元), anything else as written. */
function figure(p: IrProgram, e: IrExpr, type: ValueType | undefined): string {
  return e.k === 'num' && type ? showValue(e.v, type) : exprText(p, e);
}

function points(v: number): string {
  return `${showNumber(v, 2)} 分`;
}

function awardPoints(a: IrBandAward, w: number): number {
  return a.kind === 'full' ? w : a.kind === 'share' ? a.value * w : a.value;
}

/** 得满分（8 分） / 得 80%（6.4 分） / 得 3 分 */
function awardText(a: IrBandAward, w: number): string {
  if (a.kind === 'full') return `得满分（${points(w)}）`;
  if (a.kind === 'share') return `得 ${showPercent(a.value)}（${points(a.value * w)}）`;
  return `得 ${points(a.value)}`;
}

/** A band's condition: ≥ 95%, 在 (0, 10%] 内, 为“达成”, ≤ 上年结转. */
export function bandText(b: IrBand, type: ValueType): string {
  if (b.interval) {
    const iv = b.interval;
    return `在 ${iv.loClosed ? '[' : '('}${showValue(iv.lo, type)}, ${showValue(iv.hi, type)}${iv.hiClosed ? ']' : ')'} 内`;
  }
  if (b.boundExpr) return b.boundExpr.k === 'str' ? `为“${b.boundExpr.v}”` : `${OP_TEXT[b.op!]} ${b.text.replace(/^\S+\s*/, '')}`;
  return `${OP_TEXT[b.op!]} ${showValue(b.bound!, type)}`;
}

function ratioText(p: IrProgram, ind: IrIndicator, s: Extract<IrIndicator['score'], { kind: 'ratio' }>): string {
  const w = ind.weight;
  const target = s.targetText;
  if (s.direction === 'down') {
    const over =
      s.formula === 'linear'
        ? `超过的按超出目标值的比例扣减，达到目标值 2 倍得 0 分`
        : `超过的按 目标值 ÷ 实际值 × 分值 计分`;
    return `反向指标（${s.formula === 'linear' ? '线性法' : '比值法'}）：${s.actualText} 不超过目标值 ${target} 得满分（${points(w)}），${over}`;
  }
  const head = s.direction === 'equal' ? `等于指标：${s.actualText} 达到目标值 ${target}` : `${s.actualText} 达到目标值 ${target}`;
  const zero = s.direction === 'equal' ? '；目标值为 0 时，不超过 0 得满分，否则不得分' : '';
  return `${head} 得满分（${points(w)}），未达到按完成比例计分${zero}`;
}

function deductText(p: IrProgram, s: Extract<IrIndicator['score'], { kind: 'deduct' }>): string {
  const max = s.max ? `，最多扣 ${exprText(p, s.max)} 分` : '';
  if (s.side && s.standard && s.measure) {
    const t = s.measureType;
    const side = s.side === 'above' ? '高于' : '低于';
    const step = figure(p, s.count, t);
    const whole = s.whole ? `（不足 ${step} 的部分不扣）` : '';
    return `${s.measureText} 以 ${figure(p, s.standard, t)} 为标准，每${side} ${step} 扣 ${exprText(p, s.points)} 分${whole}${max}，扣完为止`;
  }
  return `${s.countText}每 1 个扣 ${exprText(p, s.points)} 分${max}，扣完为止`;
}

/** The scoring rule in words. */
function ruleText(p: IrProgram, ind: IrIndicator): string {
  const s = ind.score!;
  const w = ind.weight;
  switch (s.kind) {
    case 'bands':
      return s.bands
        .map((b, k) => (b.op === null && !b.interval ? `其余${awardText(b.award, w)}` : `${k === 0 ? `${s.subjectText} ` : ''}${bandText(b, s.subjectType)}，${awardText(b.award, w)}`))
        .join('；');
    case 'ratio':
      return ratioText(p, ind, s);
    case 'deduct':
      return deductText(p, s);
    case 'manual':
      return `专家评分（${p.inputs[s.input]!.name}），0–${points(w)}`;
    case 'checklist': {
      const items = s.items.map((it) => `${it.text} ${it.award.kind === 'share' ? `${showPercent(it.award.value)}（${points(awardPoints(it.award, w))}）` : points(awardPoints(it.award, w))}`);
      const gates = s.items.filter((it) => it.gate).map((it) => it.text);
      return `要素法：${items.join('；')}，具备的要素得分相加${gates.length ? `；${gates.join('、')} 为前提要素，不具备的不得分` : ''}`;
    }
    case 'tiers': {
      const tiers = s.tiers.map((t) => `${t.name} ${t.loClosed ? '[' : '('}${showNumber(t.lo)}, ${showNumber(t.hi)}${t.hiClosed ? ']' : ')'} 分`);
      return `定性分级区间（${p.inputs[s.category]!.name}）：${tiers.join('；')}，在所属区间内由专家评分（${p.inputs[s.input]!.name}）`;
    }
    case 'likert': {
      const answers = s.answers.map((a) => `${p.inputs[a.input]!.name} × ${showNumber(a.value)}`).join('、');
      const target = s.target ? `，满意度达到 ${s.targetText ?? figure(p, s.target, { kind: 'percent' })} 得满分，未达到按比例计分` : '，得分 = 分值 × 满意度';
      return `满意度量表：${answers}，满意度 = Σ 人数 × 分值 ÷ 总人数${target}`;
    }
    case 'formula':
      return s.share ? `得分 = 分值 × ${s.text}` : `得分 = ${s.text}`;
  }
}

/** The scoring standard in words: the rule, what follows it, and when the indicator does not apply. */
export function generatedCriteria(p: IrProgram, ind: IrIndicator): string {
  if (ind.aggregation === 'placeholder' && ind.children.length === 0) return `待定：预留 ${points(ind.weight)}，尚无下级指标，评分时按不适用处理`;
  let text = ruleText(p, ind);
  if (ind.less) text += `，再减 ${ind.lessText}${ind.less.k === 'num' ? ' 分' : ''}`;
  if (ind.roundPoints !== undefined) text += `，得分保留 ${ind.roundPoints} 位小数`;
  return `${text}${naText(p, ind)}`;
}

/** When the indicator does not apply, by its convention. */
export function naText(p: IrProgram, ind: IrIndicator): string {
  if (!ind.naText) return '';
  if (ind.naMode === 'full') return `；${ind.naText} 时本指标不适用，按满分计`;
  if (ind.naMode === 'transfer') return `；${ind.naText} 时本指标不适用，分值转入 ${(ind.naTargets ?? []).map((t) => p.indicators[t]!.name).join('、')}`;
  return `；${ind.naText} 时本指标不适用`;
}

/** The rules after the indicator total, and the monitoring light and floor, one line each. */
export function rulesetNotes(p: IrProgram): { label: string; text: string }[] {
  const notes = (p.totalRules ?? []).map((r) => {
    const when = exprText(p, r.condition);
    const amount = exprText(p, r.amount);
    if (r.kind === 'bonus') return { label: '加分', text: `${when} 时加 ${amount} 分` };
    if (r.kind === 'penalty') return { label: '扣分', text: `${when} 时扣 ${amount} 分，总分不低于 0` };
    return { label: '封顶', text: `${when} 时总分最高 ${amount} 分` };
  });
  for (const light of p.lights ?? []) {
    const bands = light.bands.map((b) => `${b.band.op === null && !b.band.interval ? '其余' : bandText(b.band, light.subjectType)} ${b.color}${b.reason ? `（${b.reason}）` : ''}`);
    notes.push({ label: '监控', text: `${light.subjectText}：${bands.join('；')}` });
  }
  for (const floor of p.floors ?? []) {
    const steps = floor.steps.map((st) => `${showNumber(st.from)} 月起不低于 ${figure(p, st.minimum, floor.subjectType)}`);
    notes.push({ label: '底线', text: `${floor.subjectText}：${steps.join('；')}，低于底线为红灯${floor.reason ? `（${floor.reason}）` : ''}` });
  }
  return notes;
}
