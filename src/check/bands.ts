// Bands (分档): bounds are constants of the subject's type, explicit intervals, enum members, or
// (for categorical bands) other figures compared at run time. Every band must be reachable given
// the ones before it; without `else`, the bands must cover every value the subject can take.
// The same analysis serves monitoring lights.
import type { Band, Expr, IntervalNode } from '../ast/nodes.js';
import type { IrBand, IrBandAward, IrInterval, IrScore } from '../ir/ir.js';
import { moneyFactor } from '../ir/ir.js';
import { showNumber, showPercent } from '../ir/format.js';
import type { CheckContext, Checked } from './context.js';
import { checkExpr, NO_SCOPE, requireResolved, warnPercentVsNumber } from './expr.js';
import * as I from './interval.js';
import { isNumeric, showType, toValueType, type Ty } from './types.js';

/** A band bound written as a literal, possibly negated, of the subject's type; undefined if it is not a literal. */
function literalBound(e: Expr, subject: Ty, ctx: CheckContext): number | undefined {
  switch (e.kind) {
    case 'Number':
      warnPercentVsNumber(ctx, subject, e);
      return e.value;
    case 'Percent':
      if (subject.kind !== 'percent' && subject.kind !== 'number' && subject.kind !== 'error') {
        ctx.report('type-mismatch', e.span, { zh: `分档对象是${showType(subject).zh}，不能用百分比分档`, en: `bands over a ${showType(subject).en} cannot use a percent bound` });
      }
      return e.value;
    case 'Money':
      if (subject.kind !== 'money') {
        ctx.report('unit-mismatch', e.span, { zh: `分档对象是${showType(subject).zh}，不能用金额分档`, en: `bands over a ${showType(subject).en} cannot use a money bound` });
        return e.value;
      }
      return (e.value * moneyFactor(e.unit)) / moneyFactor(subject.unit);
    default:
      return undefined;
  }
}

function bandPiece(op: NonNullable<Band['op']>, v: number): I.Piece {
  switch (op) {
    case '>=':
      return I.piece(v, true, Infinity, false);
    case '>':
      return I.piece(v, false, Infinity, false);
    case '<=':
      return I.piece(-Infinity, false, v, true);
    case '<':
      return I.piece(-Infinity, false, v, false);
    case '==':
      return I.piece(v, true, v, true);
  }
}

export function awardPoints(award: IrBandAward, weight: number): number {
  return award.kind === 'full' ? weight : award.kind === 'share' ? award.value * weight : award.value;
}

/** An interval with constant ends, converted to the subject's unit. */
export function checkInterval(node: IntervalNode, subject: Ty, ctx: CheckContext): IrInterval | undefined {
  const lo = literalBound(node.lo, subject, ctx);
  const hi = literalBound(node.hi, subject, ctx);
  if (lo === undefined || hi === undefined) {
    ctx.report('type-mismatch', node.span, { zh: '区间的两端必须是常数，如 [80%, 90%)', en: 'the ends of an interval must be constants, e.g. [80%, 90%)' });
    return undefined;
  }
  if (lo > hi || (lo === hi && !(node.loClosed && node.hiClosed))) {
    ctx.report('band-unreachable', node.span, { zh: `区间 ${ctx.source(node)} 是空的`, en: `the interval ${ctx.source(node)} is empty` });
  }
  return { lo, hi, loClosed: node.loClosed, hiClosed: node.hiClosed };
}

export interface CheckedBands {
  readonly subject: Checked;
  readonly type: Ty;
  /** One per band, in order; undefined where a band could not be checked. */
  readonly bands: readonly (Omit<IrBand, 'award'> | undefined)[];
  readonly hasElse: boolean;
}

/**
 * Checks the conditions of a band list over `subjectExpr`: bounds, order, reachability, coverage.
 * The awards are the caller's (points for scores, colors for lights).
 */
export function checkBandConditions(subjectExpr: Expr, bands: readonly Band[], ctx: CheckContext): CheckedBands {
  const subject = checkExpr(subjectExpr, ctx, NO_SCOPE);
  const ty = requireResolved(subject, subjectExpr, ctx);
  if (ty.kind !== 'error' && !isNumeric(ty) && ty.kind !== 'money' && ty.kind !== 'enum') {
    ctx.report('type-mismatch', subjectExpr.span, { zh: `分档对象需要数值或枚举，实际为${showType(ty).zh}`, en: `bands need a number or an enum, found ${showType(ty).en}` });
  }
  if (ty.kind === 'enum') return checkCategorical(subjectExpr, subject, ty, bands, ctx);
  const show = (v: number): string => (ty.kind === 'percent' ? showPercent(v, 4) : showNumber(v));
  let uncovered: I.Piece[] = [I.piece(subject.range.lo, true, subject.range.hi, true)];
  // once a bound is compared at run time, coverage can no longer be proved
  let provable = true;
  let sawElse = false;
  const out: (Omit<IrBand, 'award'> | undefined)[] = [];
  for (const band of bands) {
    if (sawElse) {
      ctx.report('band-else-not-last', band.span, { zh: '“其余”(else) 之后的分档永远不会命中', en: 'bands after `else` can never be reached' });
      out.push(undefined);
      continue;
    }
    const head = ctx.source(band.span).split(/[:：]/)[0]!.trim();
    if (band.interval) {
      const iv = checkInterval(band.interval, ty, ctx);
      if (!iv) {
        out.push(undefined);
        continue;
      }
      const before = uncovered;
      uncovered = I.subtract(uncovered, I.piece(iv.lo, iv.loClosed, iv.hi, iv.hiClosed));
      // an empty interval is already reported as such by checkInterval: once is enough
      const empty = iv.lo > iv.hi || (iv.lo === iv.hi && !(iv.loClosed && iv.hiClosed));
      if (provable && !empty && sameSet(before, uncovered)) reportUnreachable(band, ctx);
      out.push({ op: null, bound: null, interval: iv, text: head });
      continue;
    }
    if (band.op === null || band.bound === null) {
      sawElse = true;
      if (provable && uncovered.length === 0) {
        ctx.report('band-unreachable', band.span, { zh: '前面的分档已覆盖全部取值，“其余”档永远不会命中', en: 'the bands before `else` already cover every value' });
      }
      uncovered = [];
      out.push({ op: null, bound: null, text: head });
      continue;
    }
    const bound = literalBound(band.bound, ty, ctx);
    if (bound === undefined) {
      // a categorical band compares with another figure: 结余 <= 上年结转
      const other = checkExpr(band.bound, ctx, NO_SCOPE);
      const oty = requireResolved(other, band.bound, ctx);
      const sameMoney = ty.kind === 'money' && oty.kind === 'money';
      if (oty.kind !== 'error' && ty.kind !== 'error' && !(sameMoney || (isNumeric(ty) && isNumeric(oty)))) {
        ctx.report('type-mismatch', band.bound.span, { zh: `分档界限的类型 ${showType(oty).zh} 与分档对象 ${showType(ty).zh} 不符`, en: `a bound of type ${showType(oty).en} cannot compare with ${showType(ty).en}` });
      }
      let boundExpr = other.ir;
      if (sameMoney && oty.kind === 'money' && ty.kind === 'money' && oty.unit !== ty.unit) {
        boundExpr = { k: 'arith', op: '*', a: other.ir, b: { k: 'num', v: moneyFactor(oty.unit) / moneyFactor(ty.unit) } };
      }
      provable = false;
      out.push({ op: band.op, bound: null, boundExpr, text: `${band.op} ${ctx.source(band.bound)}` });
      continue;
    }
    const before = uncovered;
    uncovered = I.subtract(uncovered, bandPiece(band.op, bound));
    if (provable && sameSet(before, uncovered)) reportUnreachable(band, ctx);
    out.push({ op: band.op, bound, text: `${band.op} ${ctx.source(band.bound)}` });
  }
  // a count input takes whole values only: `== 0` and `>= 1` leave no gap between them
  if (ty.kind === 'count' && subject.ir.k === 'input') uncovered = uncovered.filter(holdsInteger);
  if (!sawElse && ty.kind !== 'error') {
    if (!provable) {
      ctx.report('band-gap', subjectExpr.span, {
        zh: '分档与其他数值比较，无法证明覆盖全部取值：请加一档 else',
        en: 'the bands compare with other figures, so coverage cannot be proved: add an `else` band',
      });
    } else if (uncovered.length > 0) {
      const gaps = uncovered.map((g) => I.showPiece(g, show)).join('；');
      ctx.report('band-gap', subjectExpr.span, {
        zh: `分档没有覆盖 ${gaps}：请补上这些取值的分档，或加一档 else: 0`,
        en: `the bands leave ${gaps} uncovered: add bands for these values, or \`else: 0\``,
      });
    }
  }
  return { subject, type: ty, bands: out, hasElse: sawElse };
}

/** Bands over an enum: `== 达成: full; == 部分达成: 60%; else: 0`. */
function checkCategorical(subjectExpr: Expr, subject: Checked, ty: Extract<Ty, { kind: 'enum' }>, bands: readonly Band[], ctx: CheckContext): CheckedBands {
  const seen = new Set<string>();
  const out: (Omit<IrBand, 'award'> | undefined)[] = [];
  let sawElse = false;
  for (const band of bands) {
    if (sawElse) {
      ctx.report('band-else-not-last', band.span, { zh: '“其余”(else) 之后的分档永远不会命中', en: 'bands after `else` can never be reached' });
      out.push(undefined);
      continue;
    }
    if (band.op === null || band.bound === null) {
      sawElse = true;
      if (seen.size === ty.members.length) {
        ctx.report('band-unreachable', band.span, { zh: '前面的分档已覆盖全部可选值，“其余”档永远不会命中', en: 'the bands before `else` already cover every member' });
      }
      out.push({ op: null, bound: null, text: ctx.source(band.span).split(/[:：]/)[0]!.trim() });
      continue;
    }
    const member = band.bound.kind === 'Ref' ? band.bound.name.text : undefined;
    if (band.op !== '==' || member === undefined || !ty.members.includes(member)) {
      ctx.report('type-mismatch', band.span, {
        zh: `枚举分档须写作 == 可选值（${ty.members.join('、')}）`,
        en: `bands over an enum are written == member (${ty.members.join(', ')})`,
      });
      out.push(undefined);
      continue;
    }
    if (seen.has(member)) reportUnreachable(band, ctx);
    seen.add(member);
    out.push({ op: '==', bound: null, boundExpr: { k: 'str', v: member }, text: `== ${member}` });
  }
  const missing = ty.members.filter((m) => !seen.has(m));
  if (!sawElse && missing.length > 0) {
    ctx.report('band-gap', subjectExpr.span, {
      zh: `分档没有覆盖可选值 ${missing.join('、')}：请补上，或加一档 else: 0`,
      en: `the bands leave ${missing.join(', ')} uncovered: add them, or \`else: 0\``,
    });
  }
  return { subject, type: ty, bands: out, hasElse: sawElse };
}

function reportUnreachable(band: Band, ctx: CheckContext): void {
  ctx.report('band-unreachable', band.span, {
    zh: `分档“${ctx.source(band.span)}”永远不会命中：前面的分档已覆盖这些取值（分档须按顺序从高到低或从低到高书写）`,
    en: `band \`${ctx.source(band.span)}\` can never be reached: the bands before it already cover these values (write bands in order)`,
  });
}

export function checkBands(
  rule: { subject: Expr; bands: readonly Band[] },
  weight: number,
  ctx: CheckContext,
): { score: IrScore; range: I.Interval } | undefined {
  const checked = checkBandConditions(rule.subject, rule.bands, ctx);
  const bands: IrBand[] = [];
  let range: I.Interval | undefined;
  rule.bands.forEach((band, i) => {
    const cond = checked.bands[i];
    const award: IrBandAward = band.award.kind === 'full' ? { kind: 'full' } : { kind: band.award.kind, value: band.award.value };
    const pts = awardPoints(award, weight);
    if (pts < 0 || pts > weight + 1e-9) {
      ctx.report('band-award-range', band.award.span, {
        zh: `该档得 ${showNumber(pts)} 分，超出分值范围 [0, ${showNumber(weight)}]`,
        en: `this band awards ${showNumber(pts)} points, outside [0, ${showNumber(weight)}]`,
      });
    }
    if (!cond) return;
    bands.push({ ...cond, award });
    range = range ? I.hull(range, I.point(pts)) : I.point(pts);
  });
  if (!checked.hasElse) range = range ? I.hull(range, I.point(0)) : I.point(0);
  return {
    score: { kind: 'bands', subject: checked.subject.ir, subjectText: ctx.sourceOf(rule.subject), subjectType: toValueType(checked.type), bands },
    range: range ?? I.point(0),
  };
}

function holdsInteger(p: I.Piece): boolean {
  if (p.lo === -Infinity || p.hi === Infinity) return true;
  const first = p.loClosed ? Math.ceil(p.lo) : Math.floor(p.lo) + 1;
  return first < p.hi || (first === p.hi && p.hiClosed);
}

function sameSet(a: readonly I.Piece[], b: readonly I.Piece[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return p.lo === q.lo && p.hi === q.hi && p.loClosed === q.loClosed && p.hiClosed === q.hiClosed;
    })
  );
}
