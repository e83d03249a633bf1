// The indicator tree: weights add up at every level, each leaf has one scoring rule whose
// points are proved to lie within [0, weight] (or are clamped at run time, with a warning).
import type { Indicator, ScoreRule } from '../ast/nodes.js';
import { indicatorExtras } from '../../grammar/ast-builder.js';
import type { IrIndicator, IrScore } from '../ir/ir.js';
import { showNumber } from '../ir/format.js';
import { checkBands } from './bands.js';
import type { CheckContext } from './context.js';
import { checkExpr, NO_SCOPE, reportUnknown, requireResolved, type ExprScope } from './expr.js';
import * as I from './interval.js';
import { isNumeric, showType } from './types.js';

/** Sums of decimal weights compared in hundred-thousandths, so 0.1 + 0.2 equals 0.3. */
function sameWeight(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

export function checkIndicators(roots: readonly Indicator[], total: number, totalSpan: import('../ast/nodes.js').Span | null, ctx: CheckContext): IrIndicator[] {
  const out: IrIndicator[] = [];
  const sum = roots.reduce((s, r) => s + r.weight, 0);
  if (roots.length > 0 && !sameWeight(sum, total)) {
    ctx.report('weight-sum-mismatch', totalSpan ?? roots[0]!.name.span, {
      zh: `一级指标分值之和为 ${showWeights(roots)}，与总分 ${showNumber(total)} 不符`,
      en: `top-level weights sum to ${showWeights(roots, 'en')}, but the total is ${showNumber(total)}`,
    });
  }
  checkSiblings(roots, ctx);
  roots.forEach((r, i) => visit(r, -1, `${i + 1}`, '', 0, out, ctx));
  return out;
}

function showWeights(list: readonly Indicator[], lang: 'zh' | 'en' = 'zh'): string {
  const sum = showNumber(list.reduce((s, r) => s + r.weight, 0));
  const parts = list.map((c) => showNumber(c.weight)).join(' + ');
  return list.length > 1 ? `${parts} = ${sum}` : lang === 'zh' ? sum : sum;
}

function checkSiblings(list: readonly Indicator[], ctx: CheckContext): void {
  const seen = new Map<string, Indicator>();
  for (const ind of list) {
    const first = seen.get(ind.name.text);
    if (first) {
      ctx.report('name-duplicate', ind.name.span, {
        zh: `同一级下已有指标“${ind.name.text}”（第 ${first.name.span.line} 行）`,
        en: `indicator \`${ind.name.text}\` is already declared at this level (line ${first.name.span.line})`,
      });
    } else seen.set(ind.name.text, ind);
  }
}

function visit(ind: Indicator, parent: number, code: string, prefix: string, depth: number, out: IrIndicator[], ctx: CheckContext): number {
  const index = out.length;
  const path = prefix ? `${prefix}/${ind.name.text}` : ind.name.text;
  if (!(ind.weight > 0)) {
    ctx.report('weight-invalid', ind.weightSpan, { zh: `指标“${ind.name.text}”的分值必须大于 0`, en: `the weight of \`${ind.name.text}\` must be greater than 0` });
  }
  for (const span of indicatorExtras.get(ind)?.duplicateClauses ?? []) {
    ctx.report('indicator-duplicate-clause', span, { zh: `指标“${ind.name.text}”中此子句重复，只有第一个生效`, en: `this clause is repeated in \`${ind.name.text}\`; only the first counts` });
  }
  const na = ind.na ? checkCondition(ind.na, ctx) : null;
  // reserve the slot: children follow their parent in preorder
  out.push(undefined as unknown as IrIndicator);
  const children: number[] = [];
  let score: IrScore | null = null;
  let range: I.Interval = I.point(0);
  let clamp = false;
  if (ind.children.length > 0) {
    if (ind.score) {
      ctx.report('indicator-score-and-children', ind.score.span, {
        zh: `指标“${ind.name.text}”有下级指标，得分由下级汇总，不能再写评分规则`,
        en: `\`${ind.name.text}\` has children, whose points add up to its own; it cannot have a scoring rule too`,
      });
    }
    const sum = ind.children.reduce((s, c) => s + c.weight, 0);
    if (!sameWeight(sum, ind.weight)) {
      ctx.report('weight-sum-mismatch', ind.weightSpan, {
        zh: `“${ind.name.text}”的下级指标分值之和为 ${showWeights(ind.children)}，与其分值 ${showNumber(ind.weight)} 不符`,
        en: `the children of \`${ind.name.text}\` weigh ${showWeights(ind.children, 'en')}, but it weighs ${showNumber(ind.weight)}`,
      });
    }
    checkSiblings(ind.children, ctx);
    let lo = 0;
    let hi = 0;
    ind.children.forEach((c, i) => {
      const ci = visit(c, index, `${code}.${i + 1}`, path, depth + 1, out, ctx);
      children.push(ci);
      lo += out[ci]!.range[0];
      hi += out[ci]!.range[1];
    });
    range = { lo, hi };
  } else if (!ind.score) {
    ctx.report('indicator-no-score', ind.name.span, {
      zh: `末级指标“${ind.name.text}”没有评分规则（score …）`,
      en: `leaf indicator \`${ind.name.text}\` has no scoring rule (score …)`,
    });
  } else {
    const checked = checkScore(ind.score, ind, ctx);
    if (checked) {
      score = checked.score;
      range = checked.range;
      const bounds = { lo: 0, hi: ind.weight };
      if (!I.within(range, { lo: -1e-9, hi: ind.weight + 1e-9 })) {
        clamp = true;
        ctx.report('score-out-of-range', ind.score.span, {
          zh: `无法证明“${ind.name.text}”的得分在 [0, ${showNumber(ind.weight)}] 之内（可能为 ${showRange(range)}）；运行时将截取到该范围并在说明中注明`,
          en: `cannot prove the points of \`${ind.name.text}\` lie within [0, ${showNumber(ind.weight)}] (they may be ${showRange(range)}); they will be clamped at run time`,
        });
        range = { lo: Math.max(range.lo, bounds.lo), hi: Math.min(range.hi, bounds.hi) };
        if (range.lo > range.hi) range = bounds;
      }
    }
  }
  out[index] = {
    name: ind.name.text,
    path,
    code,
    depth,
    weight: ind.weight,
    parent,
    children,
    score,
    na: na ?? null,
    naText: ind.na ? ctx.sourceOf(ind.na) : null,
    note: ind.note,
    range: [Math.max(0, range.lo), Math.min(ind.weight, range.hi)],
    clamp,
    line: ind.span.line,
  };
  return index;
}

function showRange(r: I.Interval): string {
  const f = (v: number): string => (v === Infinity ? '∞' : v === -Infinity ? '-∞' : showNumber(v, 4));
  return `[${f(r.lo)}, ${f(r.hi)}]`;
}

export function checkCondition(e: import('../ast/nodes.js').Expr, ctx: CheckContext): import('../ir/ir.js').IrExpr {
  const c = checkExpr(e, ctx, NO_SCOPE);
  const ty = requireResolved(c, e, ctx);
  if (ty.kind !== 'bool' && ty.kind !== 'error') {
    ctx.report('type-mismatch', e.span, { zh: `条件需要是/否值，实际为${showType(ty).zh}`, en: `a condition must be a bool, found ${showType(ty).en}` });
  }
  return c.ir;
}

function numericOperand(e: import('../ast/nodes.js').Expr, what: { zh: string; en: string }, ctx: CheckContext, scope: ExprScope = NO_SCOPE) {
  const c = checkExpr(e, ctx, scope);
  const ty = requireResolved(c, e, ctx);
  if (ty.kind !== 'error' && !isNumeric(ty) && ty.kind !== 'money') {
    ctx.report('type-mismatch', e.span, { zh: `${what.zh}需要数值，实际为${showType(ty).zh}`, en: `${what.en} must be a number, found ${showType(ty).en}` });
  }
  return { ...c, ty };
}

function checkScore(rule: ScoreRule, ind: Indicator, ctx: CheckContext): { score: IrScore; range: I.Interval } | undefined {
  const w = ind.weight;
  switch (rule.kind) {
    case 'Bands':
      return checkBands(rule, w, ctx);
    case 'Ratio': {
      const actual = numericOperand(rule.actual, { zh: '完成值', en: 'the actual value' }, ctx);
      const target = numericOperand(rule.target, { zh: '目标值', en: 'the target' }, ctx);
      if (actual.ty.kind === 'money' && target.ty.kind !== 'money' && target.ty.kind !== 'error') {
        ctx.report('unit-mismatch', rule.target.span, { zh: '完成值是金额，目标值也必须是金额', en: 'the actual value is money, so the target must be money too' });
      }
      let targetIr = target.ir;
      if (actual.ty.kind === 'money' && target.ty.kind === 'money' && actual.ty.unit !== target.ty.unit) {
        const f = target.ty.unit === '万元' ? 10000 : 1 / 10000;
        targetIr = f > 1 ? { k: 'arith', op: '*', a: target.ir, b: { k: 'num', v: f } } : { k: 'div', a: target.ir, b: { k: 'num', v: 10000 }, d: -1 };
      }
      return {
        score: { kind: 'ratio', actual: actual.ir, target: targetIr, actualText: ctx.sourceOf(rule.actual), targetText: ctx.sourceOf(rule.target), actualType: toStoredType(actual.ty) },
        range: { lo: 0, hi: w },
      };
    }
    case 'Deduct': {
      const points = numericOperand(rule.points, { zh: '每次扣分', en: 'the deduction' }, ctx);
      const count = numericOperand(rule.count, { zh: '扣分次数', en: 'the count' }, ctx);
      const max = rule.max ? numericOperand(rule.max, { zh: '扣分上限', en: 'the cap' }, ctx) : null;
      let d = I.mul(points.range, count.range);
      if (max) d = { lo: Math.min(d.lo, max.range.lo), hi: Math.min(d.hi, max.range.hi) };
      return {
        score: { kind: 'deduct', points: points.ir, count: count.ir, max: max?.ir ?? null, countText: ctx.sourceOf(rule.count) },
        range: { lo: Math.max(0, Math.min(w, w - d.hi)), hi: Math.max(0, Math.min(w, w - d.lo)) },
      };
    }
    case 'Manual': {
      const sym = ctx.symbols.get(rule.input.text);
      if (!sym) {
        reportUnknown(rule.input.text, rule.input.span, ctx);
        return undefined;
      }
      if (sym.kind !== 'input' || (sym.ty.kind !== 'score' && sym.ty.kind !== 'number')) {
        ctx.report('manual-not-score', rule.input.span, {
          zh: `人工评分应引用分数类型的输入（input ${rule.input.text}: score）`,
          en: `\`manual\` needs an input of type score (input ${rule.input.text}: score)`,
        });
        return undefined;
      }
      return { score: { kind: 'manual', input: sym.index }, range: { lo: 0, hi: w } };
    }
    case 'Formula': {
      const scope: ExprScope = { weight: w, fullAs: 'weight' };
      const first = numericOperand(rule.expr, { zh: '得分', en: 'a score' }, ctx, scope);
      if (first.ty.kind === 'percent') {
        // a percent-valued formula is a share of the weight; `full` then means 100%
        const share = ctx.quietly(() => checkExpr(rule.expr, ctx, { weight: w, fullAs: 'one' }));
        return {
          score: { kind: 'formula', expr: share.ir, share: true, text: ctx.sourceOf(rule.expr) },
          range: I.mul(share.range, I.point(w)),
        };
      }
      return { score: { kind: 'formula', expr: first.ir, share: false, text: ctx.sourceOf(rule.expr) }, range: first.range };
    }
  }
}

function toStoredType(t: import('./types.js').Ty): import('../ir/ir.js').ValueType {
  if (t.kind === 'money') return { kind: 'money', unit: t.unit };
  if (t.kind === 'percent' || t.kind === 'count' || t.kind === 'score') return { kind: t.kind };
  return { kind: 'number' };
}
