// Expressions: resolve names, infer types with units, compute value intervals, and lower to IR
// in one walk. Money is kept in the unit each value declares; mixing units inserts the factor.
import type { Expr, MoneyUnit, Span } from '../ast/nodes.js';
import { FUNCTIONS, type FunctionName } from '../../grammar/keywords.js';
import { moneyFactor, type IrExpr } from '../ir/ir.js';
import type { CheckContext, Checked } from './context.js';
import * as I from './interval.js';
import { addType, BOOL, divType, ERROR, isNumeric, mulType, NUMBER, PERCENT, SCORE, showType, type Ty } from './types.js';
import { suggest } from './suggest.js';
import { roundHalfUp } from '../runtime/helpers.js';

/** Where an expression sits: inside an indicator `full` means its weight (or 100% in a share). */
export interface ExprScope {
  readonly weight: number | null;
  readonly fullAs: 'weight' | 'one';
}

export const NO_SCOPE: ExprScope = { weight: null, fullAs: 'weight' };

const FUNCTION_BY_SPELLING = new Map<string, FunctionName>(
  (Object.entries(FUNCTIONS) as [FunctionName, readonly string[]][]).flatMap(([fn, spellings]) => spellings.map((s) => [s, fn] as const)),
);

function bad(): Checked {
  return { ir: { k: 'num', v: 0 }, ty: ERROR, range: I.ALL };
}

function inputRange(ty: Ty): I.Interval {
  switch (ty.kind) {
    case 'bool':
      return I.UNIT;
    // a percent may be negative (税收增长率 −3%); counts, scores and money may not
    case 'count':
    case 'score':
    case 'money':
      return I.NON_NEGATIVE;
    default:
      return I.ALL;
  }
}

function tyMismatch(ctx: CheckContext, span: Span, what: { zh: string; en: string }, ...tys: Ty[]): Checked {
  if (tys.every((t) => t.kind !== 'error')) {
    const zh = tys.map((t) => showType(t).zh).join('、');
    const en = tys.map((t) => showType(t).en).join(', ');
    ctx.report('type-mismatch', span, { zh: `${what.zh}，实际类型为 ${zh}`, en: `${what.en}, found ${en}` });
  }
  return bad();
}

/** Converts money from one unit to another by its factor (exact for 元 ↔ 万元 on decimals). */
function convertMoney(c: Checked, from: MoneyUnit, to: MoneyUnit): Checked {
  if (from === to) return c;
  const f = moneyFactor(from) / moneyFactor(to);
  if (f >= 1) return { ir: { k: 'arith', op: '*', a: c.ir, b: { k: 'num', v: f } }, ty: { kind: 'money', unit: to }, range: I.mul(c.range, I.point(f)) };
  return { ir: { k: 'div', a: c.ir, b: { k: 'num', v: 1 / f }, d: -1 }, ty: { kind: 'money', unit: to }, range: I.mul(c.range, I.point(f)) };
}

export function checkExpr(e: Expr, ctx: CheckContext, scope: ExprScope): Checked {
  switch (e.kind) {
    case 'Number':
      return { ir: { k: 'num', v: e.value }, ty: NUMBER, range: I.point(e.value) };
    case 'Percent':
      return { ir: { k: 'num', v: e.value }, ty: PERCENT, range: I.point(e.value) };
    case 'Money':
      return { ir: { k: 'num', v: e.value }, ty: { kind: 'money', unit: e.unit }, range: I.point(e.value) };
    case 'Bool':
      return { ir: { k: 'bool', v: e.value }, ty: BOOL, range: I.point(e.value ? 1 : 0) };
    case 'Full':
      if (scope.weight === null) {
        ctx.report('type-mismatch', e.span, { zh: '“满分”(full) 只能用在指标的评分规则中', en: '`full` can only be used in the scoring rule of an indicator' });
        return bad();
      }
      return scope.fullAs === 'one'
        ? { ir: { k: 'num', v: 1 }, ty: PERCENT, range: I.point(1) }
        : { ir: { k: 'full' }, ty: SCORE, range: I.point(scope.weight) };
    case 'Ref':
      return checkRef(e.name.text, e.span, ctx);
    case 'Unary': {
      const a = checkExpr(e.operand, ctx, scope);
      if (e.op === 'not') {
        if (a.ty.kind !== 'bool') return tyMismatch(ctx, e.span, { zh: '“非”(not) 需要是/否值', en: '`not` needs a bool' }, a.ty);
        return { ir: { k: 'not', a: a.ir }, ty: BOOL, range: { lo: 1 - a.range.hi, hi: 1 - a.range.lo } };
      }
      if (!isNumeric(a.ty) && a.ty.kind !== 'money') return tyMismatch(ctx, e.span, { zh: '负号需要数值', en: 'unary `-` needs a number' }, a.ty);
      return { ir: { k: 'neg', a: a.ir }, ty: a.ty, range: I.neg(a.range) };
    }
    case 'Binary':
      return checkBinary(e, ctx, scope);
    case 'Conditional': {
      const test = checkExpr(e.test, ctx, scope);
      if (test.ty.kind !== 'bool' && test.ty.kind !== 'error') tyMismatch(ctx, e.test.span, { zh: '条件需要是/否值', en: 'a condition must be a bool' }, test.ty);
      const then = checkExpr(e.then, ctx, scope);
      const otherwise = checkExpr(e.else, ctx, scope);
      const ty = unify([e.then, e.else], [then, otherwise], ctx, e.span);
      return { ir: { k: 'cond', c: test.ir, t: then.ir, e: otherwise.ir }, ty, range: I.hull(then.range, otherwise.range) };
    }
    case 'Call':
      return checkCall(e, ctx, scope);
  }
}

function isZeroLiteral(e: Expr): boolean {
  return e.kind === 'Number' && e.value === 0;
}

/** The common type of alternatives (branches, min/max arguments); a literal 0 fits any. */
function unify(exprs: readonly Expr[], checked: readonly Checked[], ctx: CheckContext, span: Span): Ty {
  // `full` adapts too: points beside points, 100% beside a percent
  const real = checked.filter((c, i) => !isZeroLiteral(exprs[i]!) && exprs[i]!.kind !== 'Full' && c.ty.kind !== 'error');
  if (checked.some((c) => c.ty.kind === 'error')) return ERROR;
  if (real.length === 0) return checked[0]?.ty ?? NUMBER;
  let ty = real[0]!.ty;
  for (const c of real.slice(1)) {
    if (c.ty.kind === ty.kind && (ty.kind !== 'money' || (c.ty.kind === 'money' && c.ty.unit === ty.unit))) continue;
    if (isNumeric(ty) && isNumeric(c.ty) && ty.kind !== 'percent' && c.ty.kind !== 'percent') {
      ty = ty.kind === 'score' || c.ty.kind === 'score' ? SCORE : NUMBER;
      continue;
    }
    return tyMismatch(ctx, span, { zh: '各分支的类型必须一致', en: 'the alternatives must have the same type' }, ty, c.ty).ty;
  }
  return ty;
}

function checkRef(name: string, span: Span, ctx: CheckContext): Checked {
  const sym = ctx.symbols.get(name);
  if (!sym) return { ir: { k: 'str', v: name }, ty: { kind: 'member', name }, range: I.ALL };
  if (sym.kind === 'input') return { ir: { k: 'input', i: sym.index }, ty: sym.ty, range: inputRange(sym.ty) };
  const done = ctx.lets[sym.index];
  if (done) return { ir: { k: 'let', i: sym.index }, ty: fromLet(done.type), range: done.range };
  // a let used before its own check finished: check it now (lets may be declared in any order)
  if (ctx.resolving.has(name)) {
    ctx.report('name-cycle', span, { zh: `计算项“${name}”循环引用了自身`, en: `\`${name}\` depends on itself` });
    return bad();
  }
  const c = resolveLet(sym.index, ctx);
  return c ? { ir: { k: 'let', i: sym.index }, ty: c.ty, range: c.range } : bad();
}

function fromLet(t: import('../ir/ir.js').ValueType): Ty {
  return t;
}

/** Checks a let on first use; lets are stored by declaration index. */
export function resolveLet(index: number, ctx: CheckContext): Checked | undefined {
  const existing = ctx.lets[index];
  if (existing) return { ir: existing.expr, ty: fromLet(existing.type), range: existing.range };
  const sym = [...ctx.symbols.values()].find((s) => s.kind === 'let' && s.index === index);
  if (!sym || sym.kind !== 'let') return undefined;
  ctx.resolving.add(sym.decl.name.text);
  const c = checkExpr(sym.decl.expr, ctx, NO_SCOPE);
  ctx.resolving.delete(sym.decl.name.text);
  const ty = requireResolved(c, sym.decl.expr, ctx);
  ctx.lets[index] = { name: sym.decl.name.text, expr: c.ir, type: toStored(ty), text: ctx.sourceOf(sym.decl.expr), range: c.range };
  return { ...c, ty };
}

function toStored(t: Ty): import('../ir/ir.js').ValueType {
  if (t.kind === 'money') return { kind: 'money', unit: t.unit };
  if (t.kind === 'enum') return { kind: 'enum', members: t.members };
  if (t.kind === 'number' || t.kind === 'percent' || t.kind === 'count' || t.kind === 'score' || t.kind === 'bool') return { kind: t.kind };
  return { kind: 'number' };
}

/** A bare name is only meaningful next to an enum; anywhere else it is an unknown name. */
export function requireResolved(c: Checked, e: Expr, ctx: CheckContext): Ty {
  if (c.ty.kind !== 'member') return c.ty;
  reportUnknown(c.ty.name, e.span, ctx);
  return ERROR;
}

export function reportUnknown(name: string, span: Span, ctx: CheckContext, extra: readonly string[] = []): void {
  const candidates = [...ctx.symbols.keys(), ...extra];
  const near = suggest(name, candidates);
  ctx.report(
    'name-unknown',
    span,
    {
      zh: `未定义的名称“${name}”${near ? `，是否是“${near}”？` : ''}`,
      en: `unknown name \`${name}\`${near ? `; did you mean \`${near}\`?` : ''}`,
    },
    near ? { title: { zh: `改为“${near}”`, en: `change to \`${near}\`` }, span, text: near } : undefined,
  );
}

function operand(e: Expr, ctx: CheckContext, scope: ExprScope): Checked {
  const c = checkExpr(e, ctx, scope);
  const ty = requireResolved(c, e, ctx);
  return ty === c.ty ? c : { ...c, ty };
}

function checkBinary(e: Extract<Expr, { kind: 'Binary' }>, ctx: CheckContext, scope: ExprScope): Checked {
  switch (e.op) {
    case 'and':
    case 'or': {
      const a = operand(e.left, ctx, scope);
      const b = operand(e.right, ctx, scope);
      if (a.ty.kind === 'error' || b.ty.kind === 'error') return bad();
      if (a.ty.kind !== 'bool' || b.ty.kind !== 'bool') return tyMismatch(ctx, e.span, { zh: `“${e.op === 'and' ? '且' : '或'}”两边需要是/否值`, en: `\`${e.op}\` needs bools on both sides` }, a.ty, b.ty);
      // a condition's range is what it can be: [0, 0] never holds, [1, 1] always does
      const range = e.op === 'and' ? { lo: Math.min(a.range.lo, b.range.lo), hi: Math.min(a.range.hi, b.range.hi) } : { lo: Math.max(a.range.lo, b.range.lo), hi: Math.max(a.range.hi, b.range.hi) };
      return { ir: { k: 'logic', op: e.op, a: a.ir, b: b.ir }, ty: BOOL, range };
    }
    case '==':
    case '!=':
    case '>=':
    case '>':
    case '<=':
    case '<':
      return checkComparison(e, ctx, scope);
    default:
      return checkArith(e, ctx, scope);
  }
}

function checkArith(e: Extract<Expr, { kind: 'Binary' }>, ctx: CheckContext, scope: ExprScope): Checked {
  let a = operand(e.left, ctx, scope);
  let b = operand(e.right, ctx, scope);
  if (a.ty.kind === 'error' || b.ty.kind === 'error') return bad();
  const op = e.op as '+' | '-' | '*' | '/';
  const am = a.ty.kind === 'money' ? a.ty : null;
  const bm = b.ty.kind === 'money' ? b.ty : null;
  if ((!isNumeric(a.ty) && !am) || (!isNumeric(b.ty) && !bm)) {
    return tyMismatch(ctx, e.span, { zh: `“${op}”需要数值`, en: `\`${op}\` needs numbers` }, a.ty, b.ty);
  }
  let ty: Ty;
  if (op === '+' || op === '-') {
    if (am && bm) {
      b = convertMoney(b, bm.unit, am.unit);
      ty = am;
    } else if (am || bm) {
      return unitMismatch(ctx, e, a.ty, b.ty);
    } else ty = addType(a.ty, b.ty);
    const range = op === '+' ? I.add(a.range, b.range) : I.sub(a.range, b.range);
    return { ir: { k: 'arith', op, a: a.ir, b: b.ir }, ty, range };
  }
  if (op === '*') {
    if (am && bm) return tyMismatch(ctx, e.span, { zh: '金额不能乘以金额', en: 'money cannot be multiplied by money' }, a.ty, b.ty);
    ty = am ?? bm ?? mulType(a.ty, b.ty);
    return { ir: { k: 'arith', op, a: a.ir, b: b.ir }, ty, range: I.mul(a.range, b.range) };
  }
  // division
  if (am && bm) {
    // money / money is a true ratio whatever the units: convert the divisor to the dividend's unit
    b = convertMoney(b, bm.unit, am.unit);
    ty = PERCENT;
  } else if (bm) {
    return unitMismatch(ctx, e, a.ty, b.ty);
  } else ty = am ?? divType(a.ty, b.ty);
  const d = ctx.divisions.length;
  ctx.divisions.push({ text: ctx.sourceOf(e), divisor: ctx.sourceOf(e.right) });
  return { ir: { k: 'div', a: a.ir, b: b.ir, d }, ty, range: I.div(a.range, b.range) };
}

/** What interval analysis proves about a comparison: [0, 0] never, [1, 1] always, else [0, 1]. */
function truth(op: '>=' | '>' | '<=' | '<' | '==' | '!=', a: I.Interval, b: I.Interval): I.Interval {
  const always = I.point(1);
  const never = I.point(0);
  switch (op) {
    case '<':
      return a.hi < b.lo ? always : a.lo >= b.hi ? never : I.UNIT;
    case '<=':
      return a.hi <= b.lo ? always : a.lo > b.hi ? never : I.UNIT;
    case '>':
      return a.lo > b.hi ? always : a.hi <= b.lo ? never : I.UNIT;
    case '>=':
      return a.lo >= b.hi ? always : a.hi < b.lo ? never : I.UNIT;
    case '==':
      return a.hi < b.lo || a.lo > b.hi ? never : I.UNIT;
    case '!=':
      return a.hi < b.lo || a.lo > b.hi ? always : I.UNIT;
  }
}

function unitMismatch(ctx: CheckContext, e: Extract<Expr, { kind: 'Binary' }>, a: Ty, b: Ty): Checked {
  ctx.report('unit-mismatch', e.span, {
    zh: `“${e.op}”两边单位不一致：${showType(a).zh} 与 ${showType(b).zh}`,
    en: `\`${e.op}\` combines ${showType(a).en} with ${showType(b).en}`,
  });
  return bad();
}

function checkComparison(e: Extract<Expr, { kind: 'Binary' }>, ctx: CheckContext, scope: ExprScope): Checked {
  const op = e.op as '>=' | '>' | '<=' | '<' | '==' | '!=';
  let a = checkExpr(e.left, ctx, scope);
  let b = checkExpr(e.right, ctx, scope);
  const result = (x: Checked, y: Checked): Checked => ({ ir: { k: 'cmp', op, a: x.ir, b: y.ir }, ty: BOOL, range: truth(op, x.range, y.range) });
  // enum == member: the bare name on one side must be a member of the enum on the other
  for (const [x, y, ye] of [[a, b, e.right], [b, a, e.left]] as const) {
    if (x.ty.kind === 'enum' && (op === '==' || op === '!=')) {
      if (y.ty.kind === 'member') {
        if (!x.ty.members.includes(y.ty.name)) {
          ctx.report('name-unknown', ye.span, {
            zh: `“${y.ty.name}”不是可选值之一（${x.ty.members.join('、')}）`,
            en: `\`${y.ty.name}\` is not one of ${x.ty.members.join(', ')}`,
          });
          return bad();
        }
        return result(a, b);
      }
      if (y.ty.kind === 'enum') return result(a, b);
    }
  }
  const at = requireResolved(a, e.left, ctx);
  const bt = requireResolved(b, e.right, ctx);
  if (at.kind === 'error' || bt.kind === 'error') return bad();
  if (at.kind === 'bool' || bt.kind === 'bool' || at.kind === 'enum' || bt.kind === 'enum') {
    if (at.kind === bt.kind && (op === '==' || op === '!=')) return result(a, b);
    return tyMismatch(ctx, e.span, { zh: `“${op}”两边类型不可比较`, en: `\`${op}\` cannot compare these types` }, at, bt);
  }
  const am = at.kind === 'money' ? at : null;
  const bm = bt.kind === 'money' ? bt : null;
  if (am && bm) b = convertMoney(b, bm.unit, am.unit);
  else if (am || bm) {
    // a literal 0 compares with money in any unit (`年初预算 == 0`)
    const other = am ? e.right : e.left;
    if (!isZeroLiteral(other)) return unitMismatch(ctx, e, at, bt);
  }
  warnPercentVsNumber(ctx, at, e.right);
  warnPercentVsNumber(ctx, bt, e.left);
  return result(a, b);
}

/** `满意度 >= 90` almost always means 90%: a percent is a fraction, so 90 is 9000%. */
export function warnPercentVsNumber(ctx: CheckContext, percentSide: Ty, other: Expr): void {
  if (percentSide.kind !== 'percent' || other.kind !== 'Number' || other.value <= 1) return;
  const text = `${other.value}%`;
  ctx.report(
    'type-percent-vs-number',
    other.span,
    {
      zh: `百分比与 ${other.value} 比较；百分比是小数（95% 即 0.95），是否应写作 ${text}？`,
      en: `a percent compared with ${other.value}; percents are fractions (95% is 0.95): did you mean ${text}?`,
    },
    { title: { zh: `改为 ${text}`, en: `change to ${text}` }, span: other.span, text },
  );
}

const ARITY: Record<FunctionName, [number, number]> = {
  min: [1, Infinity],
  max: [1, Infinity],
  abs: [1, 1],
  round: [1, 2],
  clamp: [3, 3],
};

function checkCall(e: Extract<Expr, { kind: 'Call' }>, ctx: CheckContext, scope: ExprScope): Checked {
  const fn = FUNCTION_BY_SPELLING.get(e.callee.text);
  if (!fn) {
    const near = suggest(e.callee.text, [...FUNCTION_BY_SPELLING.keys()]);
    ctx.report('name-not-function', e.callee.span, {
      zh: `“${e.callee.text}”不是函数${near ? `，是否是“${near}”？` : '（可用：min max abs round clamp）'}`,
      en: `\`${e.callee.text}\` is not a function${near ? `; did you mean \`${near}\`?` : ' (available: min max abs round clamp)'}`,
    });
    return bad();
  }
  const [lo, hi] = ARITY[fn];
  if (e.args.length < lo || e.args.length > hi) {
    const want = lo === hi ? `${lo}` : hi === Infinity ? `至少 ${lo}` : `${lo}–${hi}`;
    const wantEn = lo === hi ? `${lo}` : hi === Infinity ? `at least ${lo}` : `${lo}–${hi}`;
    ctx.report('call-arity', e.span, { zh: `${fn} 需要 ${want} 个参数，实际为 ${e.args.length} 个`, en: `${fn} takes ${wantEn} arguments, got ${e.args.length}` });
    return bad();
  }
  const args = e.args.map((a) => operand(a, ctx, scope));
  if (args.some((a) => a.ty.kind === 'error')) return bad();
  for (const [i, a] of args.entries()) {
    if (!isNumeric(a.ty) && a.ty.kind !== 'money') return tyMismatch(ctx, e.args[i]!.span, { zh: `${fn} 的参数需要数值`, en: `${fn} needs numbers` }, a.ty);
  }
  const irArgs = args.map((a) => a.ir);
  switch (fn) {
    case 'min':
    case 'max': {
      const ty = unify(e.args, args, ctx, e.span);
      const pick = fn === 'min' ? Math.min : Math.max;
      const range = { lo: pick(...args.map((a) => a.range.lo)), hi: pick(...args.map((a) => a.range.hi)) };
      return { ir: { k: 'call', fn, args: irArgs }, ty, range };
    }
    case 'abs':
      return { ir: { k: 'call', fn, args: irArgs }, ty: args[0]!.ty, range: I.abs(args[0]!.range) };
    case 'round': {
      const digits = e.args[1];
      if (digits && !(digits.kind === 'Number' && Number.isInteger(digits.value) && digits.value <= 10)) {
        ctx.report('type-mismatch', digits.span, { zh: 'round 的第二个参数应为 0–10 的整数', en: 'the second argument of round must be an integer 0–10' });
        return bad();
      }
      const r = args[0]!.range;
      const places = digits?.kind === 'Number' ? digits.value : 0;
      // half-up rounding is monotone, so the rounded ends bound the rounded values
      const roundEnd = (v: number): number => (Number.isFinite(v) ? roundHalfUp(v, places) : v);
      const args2: IrExpr[] = digits ? irArgs : [irArgs[0]!, { k: 'num', v: 0 }];
      return { ir: { k: 'call', fn, args: args2 }, ty: args[0]!.ty, range: { lo: roundEnd(r.lo), hi: roundEnd(r.hi) } };
    }
    case 'clamp': {
      const [x, lo2, hi2] = args as [Checked, Checked, Checked];
      return { ir: { k: 'call', fn, args: irArgs }, ty: x.ty, range: { lo: Math.max(x.range.lo, lo2.range.lo), hi: Math.min(Math.max(x.range.hi, lo2.range.lo), hi2.range.hi) } };
    }
  }
}
