// A plain interpreter of the syntax tree, kept small enough to read in one sitting: the yardstick
// the compiled evaluator is measured against. Exact rationals throughout (money in 元), one
// recursive walk, the language's rules written down once. It covers the core language of
// docs/language.md and refuses (Unsupported) anything else, so it cannot silently disagree.
import type { Band, Expr, Indicator, Ruleset, ScoreRule } from '../../src/ast/nodes.js';
import * as Q from './rational.js';
import type { Rat } from './rational.js';

export type RefValue = Rat | boolean | string;

/** A decision within the decimal slack of the evaluator (1e-9): the two may rightly differ, so the case is skipped. */
export class Ambiguous extends Error {}
export class Unsupported extends Error {}
class UnitError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export interface RefResult {
  readonly error: string | null;
  readonly total: Rat | null;
  readonly grade: string | null;
  readonly adjust: number | null;
  readonly alerts: string[];
  /** By path (names joined by `/`): points, or null when not applicable. */
  readonly points: Map<string, Rat | null>;
  /** The points of the applicable leaves, their weights, and whether the total was rescaled for na:
   * enough to aim a manual score at a rounding boundary. */
  readonly sum: Rat;
  readonly applicableWeight: Rat;
  readonly rescaled: boolean;
}

const WAN = Q.rat(10000n);
const SLACK = Q.decimal('1e-8');

type Kind = 'number' | 'percent' | 'count' | 'score' | 'bool' | 'enum' | 'money' | 'member';

/** Exact comparison, refusing the cases the evaluator's slack may decide the other way. */
function compare(a: Rat, b: Rat): number {
  const c = Q.cmp(a, b);
  if (c !== 0 && Q.cmp(Q.abs(Q.sub(a, b)), Q.mul(SLACK, Q.max(Q.ONE, Q.abs(b)))) <= 0) throw new Ambiguous();
  return c;
}

function num(v: RefValue): Rat {
  if (typeof v !== 'object') throw new Unsupported(`not a number: ${String(v)}`);
  return v;
}

export function referenceEvaluate(ast: Ruleset, data: ReadonlyMap<string, RefValue>): RefResult {
  for (const key of ['totalRules', 'lights', 'floors'] as const) if ((ast as unknown as Record<string, unknown[] | undefined>)[key]?.length) throw new Unsupported(key);
  const inputs = new Map(ast.inputs.map((i) => [i.name.text, i]));
  const letDecls = new Map(ast.lets.map((l) => [l.name.text, l]));
  const lets = new Map<string, RefValue>();
  const header = (key: string, fallback: number): number => Number(ast.header.find((h) => h.key === key)?.value ?? fallback);

  /** The static kind of an expression, by the rules of docs/language.md (only what scoring needs). */
  function kind(e: Expr): Kind {
    switch (e.kind) {
      case 'Number':
        return 'number';
      case 'Percent':
        return 'percent';
      case 'Money':
        return 'money';
      case 'Bool':
        return 'bool';
      case 'Full':
        return 'score';
      case 'Ref': {
        const i = inputs.get(e.name.text);
        if (i) return i.type.kind as Kind;
        const l = letDecls.get(e.name.text);
        return l ? kind(l.expr) : 'member';
      }
      case 'Unary':
        return e.op === 'not' ? 'bool' : kind(e.operand);
      case 'Binary': {
        if (!['+', '-', '*', '/'].includes(e.op)) return 'bool';
        const [a, b] = [kind(e.left), kind(e.right)];
        if (e.op === '/') return a === 'money' ? (b === 'money' ? 'percent' : 'money') : a === b && a !== 'number' ? 'percent' : b === 'number' ? a : 'number';
        if (a === 'money' || b === 'money') return 'money';
        if (a === 'score' || b === 'score') return 'score';
        if (e.op === '*') return a === 'percent' && b === 'percent' ? 'percent' : a === 'percent' ? (b === 'number' ? 'number' : b) : b === 'percent' ? (a === 'number' ? 'number' : a) : 'number';
        return a === b ? a : a === 'percent' || b === 'percent' ? 'percent' : 'number';
      }
      case 'Conditional': {
        // a literal 0 or `full` takes the type of the other branch
        const loose = (x: Expr): boolean => (x.kind === 'Number' && x.value === 0) || x.kind === 'Full';
        return loose(e.then) && !loose(e.else) ? kind(e.else) : kind(e.then);
      }
      case 'Call': {
        // min and max unify their arguments (a literal 0 or `full` fits any); the others keep the first's
        const real = e.args.filter((x) => !(x.kind === 'Number' && x.value === 0) && x.kind !== 'Full');
        return kind(['min', 'max', '最小', '最多', '最大'].includes(e.callee.text) ? (real[0] ?? e.args[0]!) : e.args[0]!);
      }
    }
  }

  /** The unit of a money expression, for a band bound written as a bare number. */
  function unitOf(e: Expr): Rat {
    if (e.kind === 'Money') return e.unit === '万元' ? WAN : Q.ONE;
    if (e.kind === 'Ref') {
      const t = inputs.get(e.name.text)?.type;
      if (t?.kind === 'money') return t.unit === '万元' ? WAN : Q.ONE;
      const l = letDecls.get(e.name.text);
      if (l) return unitOf(l.expr);
    }
    if (e.kind === 'Unary') return unitOf(e.operand);
    if (e.kind === 'Binary') return kind(e.left) === 'money' ? unitOf(e.left) : unitOf(e.right);
    if (e.kind === 'Conditional') return kind(e.then) === 'money' ? unitOf(e.then) : unitOf(e.else);
    if (e.kind === 'Call') return unitOf(e.args.find((a) => kind(a) === 'money')!);
    throw new Unsupported('unit of a non-money expression');
  }

  function value(e: Expr, weight: Rat | null, fullIsOne = false): RefValue {
    const v = (x: Expr): RefValue => value(x, weight, fullIsOne);
    const n = (x: Expr): Rat => num(v(x));
    switch (e.kind) {
      case 'Number':
      case 'Percent':
        return Q.ofNumber(e.value);
      case 'Money':
        return Q.mul(Q.ofNumber(e.value), e.unit === '万元' ? WAN : Q.ONE);
      case 'Bool':
        return e.value;
      case 'Full':
        if (!weight) throw new Unsupported('full outside a score');
        return fullIsOne ? Q.ONE : weight;
      case 'Ref': {
        const name = e.name.text;
        if (inputs.has(name)) {
          if (!data.has(name)) throw new Unsupported(`no value for ${name}`);
          return data.get(name)!;
        }
        const l = letDecls.get(name);
        if (!l) return name; // an enum member
        // lazily, once: a let no applicable indicator needs is never computed
        if (!lets.has(name)) lets.set(name, value(l.expr, null));
        return lets.get(name)!;
      }
      case 'Unary':
        return e.op === 'not' ? !v(e.operand) : Q.neg(n(e.operand));
      case 'Conditional':
        return v(e.test) ? v(e.then) : v(e.else);
      case 'Binary':
        switch (e.op) {
          case 'and':
            return v(e.left) === true && v(e.right) === true;
          case 'or':
            return v(e.left) === true || v(e.right) === true;
          case '+':
            return Q.add(n(e.left), n(e.right));
          case '-':
            return Q.sub(n(e.left), n(e.right));
          case '*':
            return Q.mul(n(e.left), n(e.right));
          case '/': {
            const [a, b] = [n(e.left), n(e.right)];
            if (Q.isZero(b)) throw new UnitError('eval-division-by-zero');
            // the evaluator takes a divisor within 1e-9 of 0 as 0, like `x == 0`
            if (Q.cmp(Q.abs(b), SLACK) <= 0) throw new Ambiguous();
            return Q.div(a, b);
          }
          default: {
            const [a, b] = [v(e.left), v(e.right)];
            if (typeof a !== 'object' || typeof b !== 'object') {
              if (e.op !== '==' && e.op !== '!=') throw new Unsupported(`${e.op} on non-numbers`);
              return (a === b) === (e.op === '==');
            }
            return holds(e.op, compare(a, b));
          }
        }
      case 'Call': {
        const args = e.args.map(n);
        switch (e.callee.text) {
          case 'min':
          case '最小':
            return args.reduce(Q.min);
          case 'max':
          case '最多':
          case '最大':
            return args.reduce(Q.max);
          case 'abs':
          case '绝对值':
            return Q.abs(args[0]!);
          case 'round':
          case '保留小数':
          case '四舍五入': {
            // money rounds in its own unit: round(0.03万元, 0) is 0万元, not 300元
            const unit = kind(e.args[0]!) === 'money' ? unitOf(e.args[0]!) : Q.ONE;
            const x = Q.div(args[0]!, unit);
            const digits = args[1] ? Number(Q.toDecimal(args[1])) : 0;
            const tie = Q.distanceToTie(x, digits);
            if (!Q.isZero(tie) && Q.cmp(tie, Q.mul(SLACK, Q.max(Q.ONE, Q.abs(x)))) < 0) throw new Ambiguous();
            return Q.mul(Q.roundHalfUp(x, digits), unit);
          }
          case 'clamp':
          case '限定':
            return Q.min(Q.max(args[0]!, args[1]!), args[2]!);
          default:
            throw new Unsupported(`function ${e.callee.text}`);
        }
      }
    }
  }

  function holds(op: string, c: number): boolean {
    return { '>=': c >= 0, '>': c > 0, '<=': c <= 0, '<': c < 0, '==': c === 0, '!=': c !== 0 }[op]!;
  }

  function bandBound(b: Band, subject: Expr): Rat {
    const e = b.bound!;
    if (e.kind === 'Number') return Q.mul(Q.ofNumber(e.value), kind(subject) === 'money' ? unitOf(subject) : Q.ONE);
    return num(value(e, null));
  }

  /** The points of a leaf, before they are held within [0, weight]. */
  function leaf(rule: ScoreRule, w: Rat): Rat {
    if (rule.less || rule.round != null) throw new Unsupported('score modifiers');
    switch (rule.kind) {
      case 'Bands': {
        const x = num(value(rule.subject, null));
        for (const b of rule.bands) {
          if (b.interval) throw new Unsupported('interval bands');
          if (b.op === null || holds(b.op, compare(x, bandBound(b, rule.subject)))) {
            const a = b.award;
            return a.kind === 'full' ? w : a.kind === 'share' ? Q.mul(Q.ofNumber(a.value), w) : Q.ofNumber(a.value);
          }
        }
        return Q.ZERO;
      }
      case 'Ratio': {
        if (rule.direction || rule.formula) throw new Unsupported('ratio direction');
        const [a, t] = [num(value(rule.actual, w)), num(value(rule.target, w))];
        if (compare(a, t) >= 0) return w;
        return Q.cmp(t, Q.ZERO) > 0 && compare(a, Q.ZERO) > 0 ? Q.mul(w, Q.div(a, t)) : Q.ZERO;
      }
      case 'Deduct': {
        if (rule.side || rule.whole) throw new Unsupported('deduct by deviation');
        let d = Q.mul(num(value(rule.points, w)), num(value(rule.count, w)));
        if (rule.max && compare(d, num(value(rule.max, w))) > 0) d = num(value(rule.max, w));
        return Q.max(Q.ZERO, Q.sub(w, d));
      }
      case 'Manual': {
        const p = num(value({ kind: 'Ref', name: rule.input, span: rule.span }, w));
        if (compare(p, Q.ZERO) < 0 || compare(p, w) > 0) throw new UnitError('eval-manual-out-of-range');
        return p;
      }
      case 'Formula':
        // a percent-valued formula is a share of the weight, in which `full` is 100%
        return kind(rule.expr) === 'percent' ? Q.mul(w, num(value(rule.expr, w, true))) : num(value(rule.expr, w));
      default:
        throw new Unsupported(`score ${rule.kind}`);
    }
  }

  const points = new Map<string, Rat | null>();
  let raw = Q.ZERO;
  let applicableWeight = Q.ZERO;
  let someNa = false;

  /** Preorder; an indicator's `na when` is looked at only when its parent applies. */
  function visit(ind: Indicator, prefix: string): Rat {
    if ((ind.naMode && ind.naMode.kind !== 'rescale') || ind.aggregation) throw new Unsupported('na modes and aggregation');
    const path = prefix ? `${prefix}/${ind.name.text}` : ind.name.text;
    const w = Q.ofNumber(ind.weight);
    if (ind.na && value(ind.na, null) === true) {
      someNa = true;
      const skip = (i: Indicator, p: string): void => {
        points.set(p, null);
        i.children.forEach((c) => skip(c, `${p}/${c.name.text}`));
      };
      skip(ind, path);
      return Q.ZERO;
    }
    let p: Rat;
    if (ind.children.length > 0) {
      p = Q.ZERO;
      let any = false;
      for (const c of ind.children) {
        p = Q.add(p, visit(c, path));
        any ||= points.get(`${path}/${c.name.text}`) !== null;
      }
      // a parent none of whose children applies does not apply either
      points.set(path, any ? p : null);
      return p;
    }
    p = Q.min(w, Q.max(Q.ZERO, leaf(ind.score!, w)));
    raw = Q.add(raw, p);
    applicableWeight = Q.add(applicableWeight, w);
    points.set(path, p);
    return p;
  }

  try {
    ast.indicators.forEach((ind) => visit(ind, ''));
    if (Q.isZero(applicableWeight)) throw new UnitError('eval-no-applicable');
    const exact = someNa ? Q.mul(Q.div(raw, applicableWeight), Q.ofNumber(header('total', 100))) : raw;
    const digits = header('round', 2);
    const tie = Q.distanceToTie(exact, digits);
    if (!Q.isZero(tie) && Q.cmp(tie, Q.mul(SLACK, Q.max(Q.ONE, exact))) < 0) throw new Ambiguous();
    const total = Q.roundHalfUp(exact, digits);
    const grade = (ast.grades ?? []).find((g) => g.op === null || holds(g.op, Q.cmp(total, Q.ofNumber(g.threshold!))))?.name.text ?? null;
    const outcome = ast.outcomes.find((o) => o.grade.text === grade);
    const alerts = ast.alerts.filter((a) => value(a.when, null) === true).map((a) => a.name.text);
    return { error: null, total, grade, adjust: outcome?.adjust ?? null, alerts, points, sum: raw, applicableWeight, rescaled: someNa };
  } catch (e) {
    if (!(e instanceof UnitError)) throw e;
    return { error: e.code, total: null, grade: null, adjust: null, alerts: [], points, sum: raw, applicableWeight, rescaled: someNa };
  }
}
