// The reference evaluator: a direct walk over the IR, with no code generation. Every target must
// agree with it; it reads the IR exactly as written down in ir.ts and nothing else.
import type { IrExpr, IrIndicator, IrProgram, IrScore } from '../ir/ir.js';
import type { IndicatorResult, UnitResult, UnitValues } from './evaluator.js';
import { explainIndicator } from './explain.js';
import { clean, eq, ge, gt, le, lt, roundHalfUp, tolerance, UnitError } from './helpers.js';
import { assertSupported } from '../targets/ir/supported.js';

type Value = number | boolean | string;

/** The per-unit errors a program can raise, worded as every target words them. */
export function unitErrorText(program: IrProgram) {
  return {
    divisionByZero(d: number): UnitError {
      const div = program.divisions[d];
      return new UnitError(
        'eval-division-by-zero',
        `除数为零：${div?.text}（${div?.divisor} = 0）`,
        `division by zero: ${div?.text} (${div?.divisor} = 0)`,
      );
    },
    manualRange(i: number, v: number): UnitError {
      const ind = program.indicators[i]!;
      return new UnitError(
        'eval-manual-out-of-range',
        `指标“${ind.path}”的人工评分 ${v} 超出分值范围 [0, ${ind.weight}]`,
        `the manual score ${v} of \`${ind.path}\` is outside [0, ${ind.weight}]`,
        ind.path,
      );
    },
    noApplicable(): UnitError {
      return new UnitError('eval-no-applicable', '所有指标均不适用，无法计算总分', 'no indicator applies, so there is no total');
    },
  };
}

/** Numbers compare with decimal slack (0.7 + 0.2 >= 0.9); enum members and bools exactly. */
function compare(op: '>=' | '>' | '<=' | '<' | '==' | '!=', a: Value, b: Value): boolean {
  switch (op) {
    case '==':
      return eq(a, b);
    case '!=':
      return !eq(a, b);
    case '>=':
      return ge(a as number, b as number);
    case '>':
      return gt(a as number, b as number);
    case '<=':
      return le(a as number, b as number);
    case '<':
      return lt(a as number, b as number);
  }
}

/** One evaluation: the unit, the lets computed so far, and the figures explanations need. */
class Run {
  readonly lets = new Map<number, Value>();
  readonly pts: Float64Array;
  readonly app: Uint8Array;
  readonly X: unknown[];
  readonly C: Uint8Array;
  readonly N: Uint8Array;
  /** Deductions after rules (`less`): not in IR v1, so always empty here. */
  readonly E = new Float64Array(0);
  readonly errors: ReturnType<typeof unitErrorText>;
  raw = 0;
  aw = 0;
  na = false;

  constructor(
    readonly p: IrProgram,
    readonly unit: UnitValues,
  ) {
    const n = p.indicators.length;
    this.pts = new Float64Array(n);
    this.app = new Uint8Array(n);
    this.X = new Array(n);
    this.C = new Uint8Array(n);
    this.N = new Uint8Array(n);
    this.errors = unitErrorText(p);
  }

  /** An expression's value; `weight` is what `full` stands for (null outside a score). */
  value(e: IrExpr, weight: number | null): Value {
    switch (e.k) {
      case 'num':
      case 'bool':
      case 'str':
        return e.v;
      case 'full':
        return weight ?? 0;
      case 'input':
        return this.unit[this.p.inputs[e.i]!.name]!;
      case 'let': {
        // lets are computed on first use only, so a division in an unused let never fails
        if (!this.lets.has(e.i)) this.lets.set(e.i, this.value(this.p.lets[e.i]!.expr, null));
        return this.lets.get(e.i)!;
      }
      case 'neg':
        return -this.num(e.a, weight);
      case 'not':
        return !this.value(e.a, weight);
      case 'arith': {
        const a = this.num(e.a, weight);
        const b = this.num(e.b, weight);
        return e.op === '+' ? a + b : e.op === '-' ? a - b : a * b;
      }
      case 'div': {
        const a = this.num(e.a, weight);
        const b = this.num(e.b, weight);
        if (e.d >= 0 && b === 0) throw this.errors.divisionByZero(e.d);
        return a / b;
      }
      case 'cmp':
        return compare(e.op, this.value(e.a, weight), this.value(e.b, weight));
      case 'logic':
        return e.op === 'and' ? Boolean(this.value(e.a, weight)) && Boolean(this.value(e.b, weight)) : Boolean(this.value(e.a, weight)) || Boolean(this.value(e.b, weight));
      case 'cond':
        return this.value(e.c, weight) ? this.value(e.t, weight) : this.value(e.e, weight);
      case 'call': {
        const args = e.args.map((a) => this.num(a, weight));
        switch (e.fn) {
          case 'min':
            return Math.min(...args);
          case 'max':
            return Math.max(...args);
          case 'abs':
            return Math.abs(args[0]!);
          case 'round':
            return roundHalfUp(args[0]!, args[1]!);
          case 'clamp':
            return Math.min(Math.max(args[0]!, args[1]!), args[2]!);
        }
      }
    }
  }

  num(e: IrExpr, weight: number | null): number {
    return this.value(e, weight) as number;
  }

  /** A leaf's points before clamping, recording what its explanation needs. */
  score(ind: IrIndicator, i: number, s: IrScore): number {
    const w = ind.weight;
    switch (s.kind) {
      case 'bands': {
        const v = this.num(s.subject, w);
        for (const [k, b] of s.bands.entries()) {
          if (b.op === null || compare(b.op, v, b.bound!)) {
            this.X[i] = [v, k];
            return b.award.kind === 'full' ? w : b.award.kind === 'share' ? b.award.value * w : b.award.value;
          }
        }
        this.X[i] = [v, -1];
        return 0;
      }
      case 'ratio': {
        const a = this.num(s.actual, w);
        const t = this.num(s.target, w);
        this.X[i] = [a, t];
        if (t > 0) return a >= t ? w : a <= 0 ? 0 : w * (a / t);
        return a >= t ? w : 0;
      }
      case 'deduct': {
        const per = this.num(s.points, w);
        const n = this.num(s.count, w);
        let d = per * n;
        if (s.max && d > this.num(s.max, w)) d = this.num(s.max, w);
        this.X[i] = [per, n, d];
        const p = w - d;
        return p < 0 ? 0 : p;
      }
      case 'manual': {
        const p = this.unit[this.p.inputs[s.input]!.name] as number;
        if (!(p >= 0 && p <= w + tolerance(w))) throw this.errors.manualRange(i, p);
        this.X[i] = [p];
        return p;
      }
      case 'formula': {
        const p = s.share ? w * this.num(s.expr, w) : this.num(s.expr, w);
        this.X[i] = [p];
        return p;
      }
      default:
        throw new Error(`unknown score kind ${(s as { kind: string }).kind}`);
    }
  }

  indicator(i: number): void {
    const ind = this.p.indicators[i]!;
    if (ind.na && this.value(ind.na, null)) {
      this.notApplicable(i);
      return;
    }
    if (ind.children.length > 0) {
      for (const c of ind.children) this.indicator(c);
      this.pts[i] = ind.children.slice(1).reduce((s, c) => s + this.pts[c]!, this.pts[ind.children[0]!]!);
      this.app[i] = ind.children.some((c) => this.app[c] === 1) ? 1 : 0;
      return;
    }
    let p = this.score(ind, i, ind.score!);
    if (ind.clamp && (p < 0 || p > ind.weight)) {
      p = p < 0 ? 0 : ind.weight;
      this.C[i] = 1;
    }
    this.pts[i] = p;
    this.app[i] = 1;
    this.raw += p;
    this.aw += ind.weight;
  }

  /** The indicator and its whole subtree leave the denominator. */
  notApplicable(i: number): void {
    const stack = [i];
    while (stack.length > 0) {
      const k = stack.pop()!;
      this.pts[k] = 0;
      this.app[k] = 0;
      stack.push(...this.p.indicators[k]!.children);
    }
    this.na = true;
    this.N[i] = 1;
  }
}

/** Scores one unit by walking the IR. Values are in the units the inputs declare. */
export function interpret(program: IrProgram, unit: UnitValues, options: { explain?: boolean } = {}): UnitResult {
  const explain = options.explain ?? true;
  assertSupported(program, 'interpreter');
  const run = new Run(program, unit);
  let total: number;
  let alerts: boolean[];
  try {
    program.indicators.forEach((ind, i) => {
      if (ind.parent === -1) run.indicator(i);
    });
    if (run.aw === 0) throw run.errors.noApplicable();
    total = roundHalfUp(run.na ? (run.raw / run.aw) * program.total : run.raw, program.round);
    alerts = program.alerts.map((a) => Boolean(run.value(a.when, null)));
  } catch (e) {
    if (!(e instanceof UnitError)) throw e;
    const error = { code: e.code, message: e.zh, en: e.en, ...(e.indicator ? { indicator: e.indicator } : {}) };
    return { total: null, grade: null, indicators: Object.create(null), outcome: null, alerts: [], adjustments: [], light: null, error };
  }
  const indicators: Record<string, IndicatorResult> = Object.create(null);
  program.indicators.forEach((ind, i) => {
    const r: IndicatorResult = { points: clean(run.pts[i]!), weight: ind.weight, applicable: run.app[i] === 1 };
    indicators[ind.path] = explain ? { ...r, explain: explainIndicator(program, i, run) } : r;
  });
  const g = program.grades.find((g) => g.op === null || (g.op === '>=' ? total >= g.threshold! : total > g.threshold!));
  const outcome = g ? program.outcomes.find((o) => o.grade === g.name) : undefined;
  return {
    total,
    grade: g?.name ?? null,
    indicators,
    outcome: outcome ? { text: outcome.text, adjust: outcome.adjust } : null,
    alerts: program.alerts.filter((_, k) => alerts[k]).map((a) => ({ name: a.name, message: a.message })),
    adjustments: [],
    light: null,
    error: null,
  };
}
