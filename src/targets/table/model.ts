// The indicator table (指标体系表) as policy reports print it: one row per leaf indicator, a
// column per level with each parent spanning its leaves, then 分值 and 评分标准 — the `note`
// when the ruleset gives one, otherwise a sentence generated from the scoring rule.
import type { IrExpr, IrIndicator, IrProgram } from '../../ir/ir.js';
import { showNumber, showPercent, showValue } from '../../ir/format.js';

const LEVEL_NAMES = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface TableRow {
  /** The leaf's index in the IR. */
  readonly leaf: number;
  /** One cell per level: the indicator at that level on the leaf's path, or null below the leaf. */
  readonly levels: readonly (number | null)[];
  readonly weight: number;
  readonly criteria: string;
}

export interface TableModel {
  readonly title: string;
  readonly headers: readonly string[];
  /** How many level columns there are (the deepest indicator's depth + 1). */
  readonly depth: number;
  readonly rows: readonly TableRow[];
  readonly total: number;
}

/** A level heading: 一级指标, 二级指标, … */
export function levelHeader(k: number): string {
  return `${LEVEL_NAMES[k] ?? String(k + 1)}级指标`;
}

/** A parent's cell names its weight too, as printed tables do: 履职效能（20分）. */
export function indicatorLabel(ind: IrIndicator): string {
  return ind.children.length > 0 ? `${ind.name}（${showNumber(ind.weight)}分）` : ind.name;
}

const OP_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };
const PRECEDENCE: Record<string, number> = { or: 1, and: 2, cmp: 3, '+': 4, '-': 4, '*': 5, '/': 5 };

/** An expression written back as a person would write it (for deductions and caps). */
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
    case 'cmp':
      return wrap(`${exprText(p, e.a, 4)} ${OP_TEXT[e.op] ?? '≠'} ${exprText(p, e.b, 4)}`, 3);
    case 'logic':
      return wrap(`${exprText(p, e.a, PRECEDENCE[e.op]!)} ${e.op === 'and' ? '且' : '或'} ${exprText(p, e.b, PRECEDENCE[e.op]! + 1)}`, PRECEDENCE[e.op]!);
    case 'cond':
      return wrap(`${exprText(p, e.c, 1)} ? ${exprText(p, e.t, 1)} : ${exprText(p, e.e, 1)}`, 0);
    case 'call':
      return `${e.fn}(${e.args.map((a) => exprText(p, a)).join(', ')})`;
  }
}

function points(v: number): string {
  return `${showNumber(v, 2)} 分`;
}

/** The scoring standard in words, from the rule itself. */
export function generatedCriteria(p: IrProgram, ind: IrIndicator): string {
  const s = ind.score!;
  const w = ind.weight;
  let text: string;
  switch (s.kind) {
    case 'bands': {
      const arms = s.bands.map((b, k) => {
        const pts = b.award.kind === 'full' ? w : b.award.kind === 'share' ? b.award.value * w : b.award.value;
        const award = b.award.kind === 'full' ? `得满分（${points(w)}）` : b.award.kind === 'share' ? `得 ${showPercent(b.award.value)}（${points(pts)}）` : `得 ${points(pts)}`;
        if (b.op === null) return `其余${award}`;
        const cond = `${OP_TEXT[b.op]} ${showValue(b.bound!, s.subjectType)}`;
        return `${k === 0 ? `${s.subjectText} ` : ''}${cond}，${award}`;
      });
      text = arms.join('；');
      break;
    }
    case 'ratio':
      text = `${s.actualText} 达到目标值 ${s.targetText} 得满分（${points(w)}），未达到按完成比例计分`;
      break;
    case 'deduct':
      text = `${s.countText}每 1 个扣 ${exprText(p, s.points)} 分${s.max ? `，最多扣 ${exprText(p, s.max)} 分` : ''}，扣完为止`;
      break;
    case 'manual':
      text = `专家评分（${p.inputs[s.input]!.name}），0–${points(w)}`;
      break;
    case 'formula':
      text = s.share ? `得分 = 分值 × ${s.text}` : `得分 = ${s.text}`;
      break;
    default:
      text = '按规则集中的评分规则计分';
  }
  return ind.naText ? `${text}；${ind.naText} 时本指标不适用` : text;
}

export function tableModel(p: IrProgram): TableModel {
  const depth = Math.max(1, ...p.indicators.map((i) => i.depth + 1));
  const rows: TableRow[] = [];
  p.indicators.forEach((ind, i) => {
    if (ind.children.length > 0) return;
    const levels: (number | null)[] = new Array(depth).fill(null);
    for (let k = i; k >= 0; k = p.indicators[k]!.parent) levels[p.indicators[k]!.depth] = k;
    rows.push({ leaf: i, levels, weight: ind.weight, criteria: ind.note ?? generatedCriteria(p, ind) });
  });
  return {
    title: `${p.title ?? p.name} 指标体系表`,
    headers: [...Array.from({ length: depth }, (_, k) => levelHeader(k)), '分值', '评分标准'],
    depth,
    rows,
    total: p.total,
  };
}
