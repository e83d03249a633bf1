// The indicator tree: weights add up at every level, each leaf has one scoring rule whose
// points are proved to lie within [0, weight] (or are clamped at run time, with a warning).
import type { Indicator, ScoreRule } from '../ast/nodes.js';
import { indicatorExtras } from '../../grammar/ast-builder.js';
import type { IrExpr, IrIndicator, IrScore } from '../ir/ir.js';
import { showNumber } from '../ir/format.js';
import { awardPoints, checkBands } from './bands.js';
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
    checkChildWeights(ind, ctx);
    checkSiblings(ind.children, ctx);
    let lo = 0;
    let hi = 0;
    ind.children.forEach((c, i) => {
      const ci = visit(c, index, `${code}.${i + 1}`, path, depth + 1, out, ctx);
      children.push(ci);
      lo += out[ci]!.range[0];
      hi += out[ci]!.range[1];
    });
    const agg = ind.aggregation;
    // relative children are scaled to the parent; a pool or placeholder fills its whole weight
    if (agg?.kind === 'relative') range = { lo: (lo * ind.weight) / agg.scale, hi: (hi * ind.weight) / agg.scale };
    else if (agg) range = { lo: 0, hi: ind.weight };
    else range = { lo, hi };
  } else if (ind.aggregation?.kind === 'placeholder' && !ind.score) {
    ctx.report('placeholder-empty', ind.name.span, {
      zh: `待定指标“${ind.name.text}”（预留 ${showNumber(ind.weight)} 分）还没有下级指标：评分时按不适用处理，分值不计入总分`,
      en: `placeholder \`${ind.name.text}\` (a budget of ${showNumber(ind.weight)}) has no indicators yet: it is scored as not applicable`,
    });
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
  const mods = checkModifiers(ind, ctx);
  const naMode = ind.naMode;
  out[index] = {
    ...mods,
    ...(ind.aggregation ? { aggregation: ind.aggregation.kind } : {}),
    ...(ind.aggregation?.kind === 'relative' ? { scale: ind.aggregation.scale } : {}),
    ...(naMode && naMode.kind !== 'rescale' && ind.na ? { naMode: naMode.kind } : {}),
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

/** Children weights: equal to the parent's, or to the relative scale; at most the budget of a placeholder. */
function checkChildWeights(ind: Indicator, ctx: CheckContext): void {
  const agg = ind.aggregation;
  const sum = ind.children.reduce((s, c) => s + c.weight, 0);
  if (agg?.kind === 'pool') {
    for (const c of ind.children) {
      if (c.weight > ind.weight + 1e-9) {
        ctx.report('weight-sum-mismatch', c.weightSpan, {
          zh: `可选池“${ind.name.text}”中的“${c.name.text}”分值 ${showNumber(c.weight)} 超过池的分值 ${showNumber(ind.weight)}`,
          en: `\`${c.name.text}\` weighs ${showNumber(c.weight)}, more than its pool \`${ind.name.text}\` (${showNumber(ind.weight)})`,
        });
      }
    }
    return;
  }
  if (agg?.kind === 'placeholder') {
    if (sum > ind.weight + 1e-6) {
      ctx.report('weight-sum-mismatch', ind.weightSpan, {
        zh: `待定指标“${ind.name.text}”的下级指标分值之和为 ${showWeights(ind.children)}，超过预留的 ${showNumber(ind.weight)} 分`,
        en: `the children of placeholder \`${ind.name.text}\` weigh ${showWeights(ind.children, 'en')}, more than its budget of ${showNumber(ind.weight)}`,
      });
    }
    return;
  }
  const expected = agg?.kind === 'relative' ? agg.scale : ind.weight;
  if (!sameWeight(sum, expected)) {
    ctx.report('weight-sum-mismatch', agg?.kind === 'relative' ? agg.span : ind.weightSpan, agg?.kind === 'relative'
      ? {
          zh: `“${ind.name.text}”的下级指标按相对分值计，之和为 ${showWeights(ind.children)}，应为 ${showNumber(agg.scale)}`,
          en: `the relative weights under \`${ind.name.text}\` sum to ${showWeights(ind.children, 'en')}, but its scale is ${showNumber(agg.scale)}`,
        }
      : {
          zh: `“${ind.name.text}”的下级指标分值之和为 ${showWeights(ind.children)}，与其分值 ${showNumber(ind.weight)} 不符`,
          en: `the children of \`${ind.name.text}\` weigh ${showWeights(ind.children, 'en')}, but it weighs ${showNumber(ind.weight)}`,
        });
  }
}

/** `less` and `round` after a scoring rule. */
function checkModifiers(ind: Indicator, ctx: CheckContext): Pick<IrIndicator, 'less' | 'lessText' | 'roundPoints'> {
  const rule = ind.score;
  if (!rule) return {};
  const out: { less?: IrExpr; lessText?: string; roundPoints?: number } = {};
  if (rule.less) {
    const c = numericOperand(rule.less, { zh: '扣分', en: 'the deduction' }, ctx);
    out.less = c.ir;
    out.lessText = ctx.sourceOf(rule.less);
  }
  if (rule.round !== undefined && rule.round !== null) {
    if (!Number.isInteger(rule.round) || rule.round > 6) {
      ctx.report('header-invalid', rule.span, { zh: '保留小数位数应为 0–6 的整数', en: 'round takes an integer from 0 to 6' });
    } else out.roundPoints = rule.round;
  }
  return out;
}

/** Resolves the indicators named by `na when … to A, B` once the whole tree is known. */
export function resolveNaTargets(roots: readonly Indicator[], irs: IrIndicator[], ctx: CheckContext): IrIndicator[] {
  const flat: Indicator[] = [];
  const walk = (list: readonly Indicator[]): void => list.forEach((i) => (flat.push(i), walk(i.children)));
  walk(roots);
  return irs.map((ir, i) => {
    const mode = flat[i]?.naMode;
    if (!ir.naMode || mode?.kind !== 'transfer') return ir;
    const targets: number[] = [];
    for (const t of mode.targets) {
      const found = irs.map((x, k) => ({ x, k })).filter(({ x }) => x.name === t.text || x.path === t.text || x.path.endsWith(`/${t.text}`));
      if (found.length !== 1) {
        ctx.report('name-unknown', t.span, {
          zh: found.length ? `有多个指标名为“${t.text}”，请写出完整路径` : `未定义的指标“${t.text}”`,
          en: found.length ? `several indicators are named \`${t.text}\`: write the full path` : `unknown indicator \`${t.text}\``,
        });
        continue;
      }
      const k = found[0]!.k;
      const inside = (a: number, b: number): boolean => a === b || (irs[a]!.parent >= 0 && inside(irs[a]!.parent, b));
      if (inside(k, i) || inside(i, k)) {
        ctx.report('type-mismatch', t.span, { zh: '分值不能转入自身或其上下级', en: 'weight cannot move to the indicator itself, its ancestors or its descendants' });
        continue;
      }
      targets.push(k);
    }
    return { ...ir, naTargets: targets };
  });
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
  } else if (ty.kind === 'bool' && c.range.hi === 0) {
    ctx.report('condition-never-true', e.span, {
      zh: `条件“${ctx.source(e)}”永远不成立（取值范围不可能满足），这一规则永远不会生效`,
      en: `the condition \`${ctx.source(e)}\` can never hold for the values its figures can take, so this rule never applies`,
    });
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
      const direction = rule.direction ?? 'up';
      if (direction === 'down' && !rule.formula) {
        ctx.report('ratio-formula-missing', rule.span, {
          zh: '反向指标的两种算法结果不同，须写明：采用 比值法（目标值/实际值 × 分值）或 采用 线性法（超出目标按比例扣减，达到 2 倍目标值时为 0）',
          en: 'the two reverse formulas differ, so name one: `using quotient` (target/actual × weight) or `using linear` (zero at twice the target)',
        });
      }
      if (direction !== 'down' && rule.formula) {
        ctx.report('ratio-formula-missing', rule.span, { zh: '只有反向(down)指标才选择算法', en: 'only a `down` ratio takes a formula' });
      }
      return {
        score: {
          kind: 'ratio',
          actual: actual.ir,
          target: targetIr,
          actualText: ctx.sourceOf(rule.actual),
          targetText: ctx.sourceOf(rule.target),
          actualType: toStoredType(actual.ty),
          ...(direction !== 'up' ? { direction } : {}),
          ...(direction === 'down' && rule.formula ? { formula: rule.formula } : {}),
        },
        range: { lo: 0, hi: w },
      };
    }
    case 'Deduct': {
      const points = numericOperand(rule.points, { zh: '每次扣分', en: 'the deduction' }, ctx);
      const count = numericOperand(rule.count, { zh: rule.side ? '步长' : '扣分次数', en: rule.side ? 'the step' : 'the count' }, ctx);
      const max = rule.max ? numericOperand(rule.max, { zh: '扣分上限', en: 'the cap' }, ctx) : null;
      let side: Partial<Extract<IrScore, { kind: 'deduct' }>> = {};
      let d = I.mul(points.range, count.range);
      if (rule.side && rule.standard && rule.measure) {
        const standard = numericOperand(rule.standard, { zh: '标准', en: 'the standard' }, ctx);
        const measure = numericOperand(rule.measure, { zh: '考核值', en: 'the measured figure' }, ctx);
        sameKind(measure.ty, standard.ty, rule.standard.span, ctx);
        sameKind(measure.ty, count.ty, rule.count.span, ctx);
        side = {
          side: rule.side,
          standard: standard.ir,
          measure: measure.ir,
          measureText: ctx.sourceOf(rule.measure),
          measureType: toStoredType(measure.ty),
          ...(rule.whole ? { whole: true } : {}),
        };
        d = { lo: 0, hi: Infinity };
      } else if (rule.whole) {
        ctx.report('type-mismatch', rule.count.span, { zh: '“整”只用于按步长扣分：扣 2 每 整 5% 低于 100% 的 完成率', en: '`whole` only applies to steps: deduct 2 per whole 5% below 100% of 完成率' });
      }
      if (max) d = { lo: Math.min(d.lo, max.range.lo), hi: Math.min(d.hi, max.range.hi) };
      return {
        score: { kind: 'deduct', points: points.ir, count: count.ir, max: max?.ir ?? null, countText: ctx.sourceOf(rule.count), ...side },
        range: { lo: Math.max(0, Math.min(w, w - d.hi)), hi: Math.max(0, Math.min(w, w - Math.max(0, d.lo))) },
      };
    }
    case 'Checklist': {
      const items = rule.items.map((it) => {
        const award = it.award.kind === 'full' ? { kind: 'full' as const } : { kind: it.award.kind, value: it.award.value };
        return { gate: it.gate, condition: checkCondition(it.condition, ctx), award, text: ctx.sourceOf(it.condition) };
      });
      const hi = items.reduce((sum, it) => sum + awardPoints(it.award, w), 0);
      if (items.some((it) => awardPoints(it.award, w) < 0)) {
        ctx.report('band-award-range', rule.span, { zh: '要素得分不能为负', en: 'a checklist element cannot award negative points' });
      }
      return { score: { kind: 'checklist', items }, range: { lo: 0, hi } };
    }
    case 'Tiers':
      return checkTiers(rule, w, ctx);
    case 'Likert': {
      const answers = rule.answers.flatMap((a) => {
        const sym = ctx.symbols.get(a.name.text);
        if (!sym) {
          reportUnknown(a.name.text, a.name.span, ctx);
          return [];
        }
        if (sym.kind !== 'input' || (sym.ty.kind !== 'count' && sym.ty.kind !== 'number')) {
          ctx.report('type-mismatch', a.name.span, { zh: `量表中的“${a.name.text}”应为计数输入（回答该项的人数）`, en: `\`${a.name.text}\` in a likert tally must be a count input (respondents)` });
          return [];
        }
        if (a.value < 0 || a.value > 1) {
          ctx.report('band-award-range', a.span, { zh: `量表分值 ${showNumber(a.value)} 应在 0 到 1 之间`, en: `a likert value ${showNumber(a.value)} must lie in [0, 1]` });
        }
        return [{ input: sym.index, value: a.value }];
      });
      const target = rule.target ? numericOperand(rule.target, { zh: '目标值', en: 'the target' }, ctx) : null;
      return {
        score: { kind: 'likert', answers, target: target?.ir ?? null, targetText: rule.target ? ctx.sourceOf(rule.target) : null },
        range: { lo: 0, hi: w },
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

function sameKind(a: import('./types.js').Ty, b: import('./types.js').Ty, span: import('../ast/nodes.js').Span, ctx: CheckContext): void {
  if (a.kind === 'error' || b.kind === 'error') return;
  if ((a.kind === 'money') !== (b.kind === 'money')) {
    ctx.report('unit-mismatch', span, { zh: `单位不一致：${showType(a).zh} 与 ${showType(b).zh}`, en: `${showType(a).en} against ${showType(b).en}` });
  }
}

/** 定性指标: the category picks an interval of the weight; the expert's score must fall inside it. */
function checkTiers(rule: Extract<ScoreRule, { kind: 'Tiers' }>, w: number, ctx: CheckContext): { score: IrScore; range: I.Interval } | undefined {
  const cat = ctx.symbols.get(rule.category.text);
  const inp = ctx.symbols.get(rule.input.text);
  if (!cat) reportUnknown(rule.category.text, rule.category.span, ctx);
  if (!inp) reportUnknown(rule.input.text, rule.input.span, ctx);
  if (!cat || !inp) return undefined;
  if (cat.kind !== 'input' || cat.ty.kind !== 'enum') {
    ctx.report('type-mismatch', rule.category.span, { zh: `分级依据“${rule.category.text}”应为枚举输入，如 enum(达成, 部分达成, 未达成)`, en: `\`${rule.category.text}\` must be an enum input, e.g. enum(达成, 部分达成, 未达成)` });
    return undefined;
  }
  if (inp.kind !== 'input' || (inp.ty.kind !== 'score' && inp.ty.kind !== 'number')) {
    ctx.report('manual-not-score', rule.input.span, { zh: `人工评分应引用分数类型的输入（input ${rule.input.text}: score）`, en: `\`manual\` needs an input of type score (input ${rule.input.text}: score)` });
    return undefined;
  }
  const members = cat.ty.members;
  const tiers = rule.tiers.flatMap((t) => {
    if (!members.includes(t.name.text)) {
      ctx.report('name-unknown', t.name.span, { zh: `“${t.name.text}”不是 ${rule.category.text} 的可选值（${members.join('、')}）`, en: `\`${t.name.text}\` is not one of ${members.join(', ')}` });
      return [];
    }
    // percents are shares of the weight, kept as the decimal they stand for (80% of 7 is 5.6, not
    // 5.6000000000000005, which the out-of-range message would show); plain numbers are points
    const toPoints = (e: import('../ast/nodes.js').Expr): number | undefined =>
      e.kind === 'Percent' ? Number((e.value * w).toPrecision(12)) : e.kind === 'Number' ? e.value : undefined;
    const lo = toPoints(t.interval.lo);
    const hi = toPoints(t.interval.hi);
    if (lo === undefined || hi === undefined) {
      ctx.report('type-mismatch', t.interval.span, { zh: '分级区间的两端应为常数，如 [80%, 100%]', en: 'tier ends must be constants, e.g. [80%, 100%]' });
      return [];
    }
    if (lo < 0 || hi > w + 1e-9 || lo > hi) {
      const shown = `${t.interval.loClosed ? '[' : '('}${showNumber(lo)}, ${showNumber(hi)}${t.interval.hiClosed ? ']' : ')'}`;
      ctx.report('band-award-range', t.interval.span, { zh: `分级区间 ${shown} 不在 [0, ${showNumber(w)}] 之内`, en: `the tier ${shown} is outside [0, ${showNumber(w)}]` });
    }
    return [{ name: t.name.text, lo, hi, loClosed: t.interval.loClosed, hiClosed: t.interval.hiClosed }];
  });
  const missing = members.filter((m) => !tiers.some((t) => t.name === m));
  if (missing.length > 0) {
    ctx.report('band-gap', rule.category.span, { zh: `分级没有给出 ${missing.join('、')} 的得分区间`, en: `no interval for ${missing.join(', ')}` });
  }
  return { score: { kind: 'tiers', category: cat.index, input: inp.index, tiers }, range: { lo: 0, hi: w } };
}

function toStoredType(t: import('./types.js').Ty): import('../ir/ir.js').ValueType {
  if (t.kind === 'money') return { kind: 'money', unit: t.unit };
  if (t.kind === 'percent' || t.kind === 'count' || t.kind === 'score') return { kind: t.kind };
  return { kind: 'number' };
}
