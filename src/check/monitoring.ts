// What comes after the indicator tree: caps, penalties and bonuses on the total, and the
// monitoring lights (运行监控) with their cumulative floors by month.
import type { Floor, Light, TotalRule } from '../ast/nodes.js';
import type { IrFloor, IrLight, IrTotalRule } from '../ir/ir.js';
import { showNumber } from '../ir/format.js';
import { checkBandConditions } from './bands.js';
import type { CheckContext } from './context.js';
import { checkExpr, NO_SCOPE, requireResolved } from './expr.js';
import { checkCondition } from './indicators.js';
import type { Interval } from './interval.js';
import { isNumeric, showType, toValueType } from './types.js';

/** Caps, penalties and bonuses, in order. */
export function checkTotalRules(rules: readonly TotalRule[], total: number, ctx: CheckContext): IrTotalRule[] {
  const checked = rules.map((r) => ({ r, ...checkTotalRule(r, ctx) }));
  // bonuses are added before the caps apply, so a cap at the total still binds above it
  const bonus = checked.reduce((sum, c) => (c.r.kind === 'bonus' ? sum + Math.max(0, c.range.hi) : sum), 0);
  const highest = total + bonus;
  for (const { r, range } of checked) {
    if (r.kind !== 'cap' || range.lo < highest) continue;
    const cap = showNumber(range.lo);
    ctx.report('cap-never-binds', r.amount.span, bonus === 0
      ? { zh: `封顶 ${cap} 分不低于总分 ${showNumber(total)}，永远不起作用`, en: `a cap of ${cap} is not below the total ${showNumber(total)}, so it never applies` }
      : { zh: `封顶 ${cap} 分不低于总分加全部加分 ${showNumber(highest)}，永远不起作用`, en: `a cap of ${cap} is not below the total with every bonus, ${showNumber(highest)}, so it never applies` });
  }
  return checked.map((c) => c.ir);
}

function checkTotalRule(r: TotalRule, ctx: CheckContext): { ir: IrTotalRule; range: Interval } {
  const amount = checkExpr(r.amount, ctx, NO_SCOPE);
  const ty = requireResolved(amount, r.amount, ctx);
  if (ty.kind !== 'error' && !isNumeric(ty)) {
    ctx.report('type-mismatch', r.amount.span, { zh: `分数需要数值，实际为${showType(ty).zh}`, en: `points must be a number, found ${showType(ty).en}` });
  }
  return { ir: { kind: r.kind, amount: amount.ir, condition: checkCondition(r.condition, ctx), text: ctx.source(r.span) }, range: amount.range };
}

export function checkLight(l: Light, ctx: CheckContext): IrLight {
  const checked = checkBandConditions(l.subject, l.bands.map((b) => b.band), ctx);
  const bands = l.bands.flatMap((b, i) => {
    const cond = checked.bands[i];
    return cond ? [{ band: { ...cond, award: { kind: 'full' as const } }, color: b.color.text, reason: b.reason }] : [];
  });
  return { subject: checked.subject.ir, subjectText: ctx.sourceOf(l.subject), subjectType: toValueType(checked.type), bands };
}

export function checkFloor(f: Floor, ctx: CheckContext): IrFloor {
  const subject = checkExpr(f.subject, ctx, NO_SCOPE);
  const ty = requireResolved(subject, f.subject, ctx);
  const month = checkExpr(f.month, ctx, NO_SCOPE);
  const mty = requireResolved(month, f.month, ctx);
  if (mty.kind !== 'error' && !isNumeric(mty)) {
    ctx.report('type-mismatch', f.month.span, { zh: '月份需要数值', en: 'the month must be a number' });
  }
  let previous = -Infinity;
  const steps = f.steps.map((s) => {
    if (!(s.from > previous) || s.from < 1 || s.from > 12) {
      ctx.report('grade-order', s.span, { zh: '底线的月份须在 1–12 之间且递增', en: 'floor months must lie in 1–12 and increase' });
    }
    previous = s.from;
    const min = checkExpr(s.minimum, ctx, NO_SCOPE);
    const minTy = requireResolved(min, s.minimum, ctx);
    if (ty.kind !== 'error' && minTy.kind !== 'error' && ty.kind === 'percent' && minTy.kind !== 'percent' && s.minimum.kind === 'Number' && s.minimum.value > 1) {
      ctx.report('type-percent-vs-number', s.minimum.span, { zh: `百分比底线应写作 ${s.minimum.value}%`, en: `write the floor as ${s.minimum.value}%` }, { title: { zh: `改为 ${s.minimum.value}%`, en: `change to ${s.minimum.value}%` }, span: s.minimum.span, text: `${s.minimum.value}%` });
    }
    return { from: s.from, minimum: min.ir };
  });
  return { subject: subject.ir, subjectText: ctx.sourceOf(f.subject), subjectType: toValueType(ty), month: month.ir, steps, reason: f.reason };
}
