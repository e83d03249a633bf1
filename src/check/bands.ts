// Bands (分档): bounds must be constants of the subject's type; every band must be reachable
// given the ones before it; without `else`, the bands must cover every value the subject can take.
import type { Band, Expr } from '../ast/nodes.js';
import type { IrBand, IrBandAward, IrScore } from '../ir/ir.js';
import { moneyFactor } from '../ir/ir.js';
import { showNumber, showPercent } from '../ir/format.js';
import type { CheckContext } from './context.js';
import { checkExpr, NO_SCOPE, requireResolved, warnPercentVsNumber } from './expr.js';
import * as I from './interval.js';
import { isNumeric, showType, toValueType, type Ty } from './types.js';

/** A band bound: a literal, possibly negated, of the subject's type. */
function constantBound(e: Expr, subject: Ty, ctx: CheckContext): number | undefined {
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
      ctx.report('type-mismatch', e.span, { zh: '分档的界限必须是常数，如 90% 或 80', en: 'a band bound must be a constant such as 90% or 80' });
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

export function checkBands(
  rule: { subject: Expr; bands: readonly Band[] },
  weight: number,
  ctx: CheckContext,
): { score: IrScore; range: I.Interval } | undefined {
  const subject = checkExpr(rule.subject, ctx, NO_SCOPE);
  const ty = requireResolved(subject, rule.subject, ctx);
  if (ty.kind !== 'error' && !isNumeric(ty) && ty.kind !== 'money') {
    ctx.report('type-mismatch', rule.subject.span, { zh: `分档对象需要数值，实际为${showType(ty).zh}`, en: `bands need a number, found ${showType(ty).en}` });
  }
  const show = (v: number): string => (ty.kind === 'percent' ? showPercent(v, 4) : showNumber(v));
  const bands: IrBand[] = [];
  let uncovered: I.Piece[] = [I.piece(subject.range.lo, true, subject.range.hi, true)];
  let range: I.Interval | undefined;
  let sawElse = false;
  for (const band of rule.bands) {
    if (sawElse) {
      ctx.report('band-else-not-last', band.span, { zh: '“其余”(else) 之后的分档永远不会命中', en: 'bands after `else` can never be reached' });
      continue;
    }
    const award: IrBandAward = band.award.kind === 'full' ? { kind: 'full' } : { kind: band.award.kind, value: band.award.value };
    const pts = awardPoints(award, weight);
    if (pts < 0 || pts > weight + 1e-9) {
      ctx.report('band-award-range', band.award.span, {
        zh: `该档得 ${showNumber(pts)} 分，超出分值范围 [0, ${showNumber(weight)}]`,
        en: `this band awards ${showNumber(pts)} points, outside [0, ${showNumber(weight)}]`,
      });
    }
    if (band.op === null || band.bound === null) {
      sawElse = true;
      if (uncovered.length === 0) {
        ctx.report('band-unreachable', band.span, { zh: '前面的分档已覆盖全部取值，“其余”档永远不会命中', en: 'the bands before `else` already cover every value' });
      }
      uncovered = [];
      bands.push({ op: null, bound: null, award, text: ctx.source(band.span).split(/[:：]/)[0]!.trim() });
      range = range ? I.hull(range, I.point(pts)) : I.point(pts);
      continue;
    }
    const bound = constantBound(band.bound, ty, ctx);
    if (bound === undefined) continue;
    const p = bandPiece(band.op, bound);
    const before = uncovered;
    uncovered = I.subtract(uncovered, p);
    if (sameSet(before, uncovered)) {
      ctx.report('band-unreachable', band.span, {
        zh: `分档“${ctx.source(band.span)}”永远不会命中：前面的分档已覆盖这些取值（分档须按顺序从高到低或从低到高书写）`,
        en: `band \`${ctx.source(band.span)}\` can never be reached: the bands before it already cover these values (write bands in order)`,
      });
    }
    bands.push({ op: band.op, bound, award, text: `${band.op} ${ctx.source(band.bound)}` });
    range = range ? I.hull(range, I.point(pts)) : I.point(pts);
  }
  // a count input takes whole values only: `== 0` and `>= 1` leave no gap between them
  if (ty.kind === 'count' && subject.ir.k === 'input') uncovered = uncovered.filter(holdsInteger);
  if (!sawElse && uncovered.length > 0 && ty.kind !== 'error') {
    const gaps = uncovered.map((g) => I.showPiece(g, show)).join('；');
    ctx.report('band-gap', rule.subject.span, {
      zh: `分档没有覆盖 ${gaps}：请补上这些取值的分档，或加一档 else: 0`,
      en: `the bands leave ${gaps} uncovered: add bands for these values, or \`else: 0\``,
    });
  }
  return {
    score: { kind: 'bands', subject: subject.ir, subjectText: ctx.sourceOf(rule.subject), subjectType: toValueType(ty), bands },
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
