// The reference evaluator: a direct walk over the IR, with no code generation. Every target must
// agree with it; it reads the IR exactly as written down in ir.ts and nothing else, and does each
// figure's arithmetic in the order the generated scorer does, so the two agree to the bit.
import type { IrBand, IrBandAward, IrExpr, IrIndicator, IrProgram, IrScore } from '../ir/ir.js';
import { badInput, errorResult, type IndicatorResult, type UnitResult, type UnitValues } from './evaluator.js';
import { explainIndicator, lightOf } from './explain.js';
import { clean, eq, ge, gt, le, lt, roundHalfUp, tolerance, UnitError } from './helpers.js';
import { unitErrorText } from '../targets/ir/errors.js';
import { assertSupported } from '../targets/ir/supported.js';

type Value = number | boolean | string;

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

function awardPoints(a: IrBandAward, w: number): number {
  return a.kind === 'full' ? w : a.kind === 'share' ? a.value * w : a.value;
}

/** x + y + … left to right, as the scorer writes a sum. */
function sum(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.slice(1).reduce((s, x) => s + x, xs[0]!);
}

/** One evaluation: the unit, the lets computed so far, and the figures explanations need. */
class Run {
  readonly lets = new Map<number, Value>();
  readonly pts: Float64Array;
  readonly app: Uint8Array;
  readonly X: unknown[];
  readonly C: Uint8Array;
  readonly N: Uint8Array;
  readonly E: Float64Array;
  /** `na when … to …` that holds, by indicator. */
  readonly moved: boolean[] = [];
  readonly errors: ReturnType<typeof unitErrorText>;
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
    this.E = new Float64Array(n);
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
        // zero within the decimal slack: 0.3 - 0.1 - 0.2 is zero too
        if (e.d >= 0 && Math.abs(b) <= 1e-9) throw this.errors.divisionByZero(e.d);
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

  holds(e: IrExpr): boolean {
    return Boolean(this.value(e, null));
  }

  /** Whether band `b` holds for the value `v`; `else` always does. */
  band(b: IrBand, v: Value, w: number | null): boolean {
    if (b.interval) {
      const iv = b.interval;
      return compare(iv.loClosed ? '>=' : '>', v, iv.lo) && compare(iv.hiClosed ? '<=' : '<', v, iv.hi);
    }
    if (b.op === null) return true;
    return compare(b.op, v, b.boundExpr ? this.value(b.boundExpr, w) : b.bound!);
  }

  /** A leaf's points by its rule, recording what its explanation needs. */
  score(ind: IrIndicator, i: number, s: IrScore): number {
    const w = ind.weight;
    switch (s.kind) {
      case 'bands': {
        const v = this.num(s.subject, w);
        const k = s.bands.findIndex((b) => this.band(b, v, w));
        this.X[i] = [v, k];
        return k < 0 ? 0 : awardPoints(s.bands[k]!.award, w);
      }
      case 'ratio': {
        const a = this.num(s.actual, w);
        const t = this.num(s.target, w);
        this.X[i] = [a, t];
        if (s.direction === 'down') {
          // at or under the target is full; above it, target/actual or linear to 0 at twice the target
          if (a <= t) return w;
          if (!(t > 0)) return 0;
          if (s.formula === 'linear') return a >= 2 * t ? 0 : w * (1 - (a - t) / t);
          return w * (t / a);
        }
        // 等于 with a zero target is met only at or below zero; otherwise as 正向
        if (s.direction === 'equal' && t === 0) return a <= 0 ? w : 0;
        if (t > 0) return a >= t ? w : a <= 0 ? 0 : w * (a / t);
        return a >= t ? w : 0;
      }
      case 'deduct': {
        const per = this.num(s.points, w);
        const n = this.num(s.count, w);
        let d: number;
        if (s.side && s.standard && s.measure) {
          const m = this.num(s.measure, w);
          const std = this.num(s.standard, w);
          const dev = s.side === 'above' ? m - std : std - m;
          d = dev > 1e-12 && n > 0 ? per * (s.whole ? Math.floor(dev / n + 1e-9) : dev / n) : 0;
          if (s.max && d > this.num(s.max, w)) d = this.num(s.max, w);
          this.X[i] = [per, n, d, m, std, dev];
        } else {
          d = per * n;
          if (s.max && d > this.num(s.max, w)) d = this.num(s.max, w);
          this.X[i] = [per, n, d];
        }
        const p = w - d;
        return p < 0 ? 0 : p;
      }
      case 'manual': {
        const p = this.unit[this.p.inputs[s.input]!.name] as number;
        if (!(p >= 0 && p <= w + tolerance(w))) throw this.errors.manualRange(i, p);
        this.X[i] = [p];
        return p;
      }
      case 'checklist': {
        // every element is looked at, then a missing gate voids the rest
        const has = s.items.map((it) => this.value(it.condition, w) ? 1 : 0);
        const gate = s.items.every((it, k) => !it.gate || has[k] === 1) ? 1 : 0;
        this.X[i] = [gate, ...has];
        return gate ? sum(s.items.map((it, k) => (has[k] ? awardPoints(it.award, w) : 0))) : 0;
      }
      case 'tiers': {
        const p = this.unit[this.p.inputs[s.input]!.name] as number;
        const category = this.unit[this.p.inputs[s.category]!.name];
        const k = s.tiers.findIndex((t) => t.name === category);
        const t = s.tiers[k];
        if (t && !(compare(t.loClosed ? '>=' : '>', p, t.lo) && compare(t.hiClosed ? '<=' : '<', p, t.hi))) throw this.errors.tierRange(i, k, p);
        this.X[i] = [p];
        return p;
      }
      case 'likert': {
        const counts = s.answers.map((a) => this.unit[this.p.inputs[a.input]!.name] as number);
        const n = sum(counts);
        if (n === 0) throw this.errors.noRespondents(i);
        const v = sum(counts.map((c, k) => c * s.answers[k]!.value)) / n;
        if (!s.target) {
          this.X[i] = [v, n];
          return w * v;
        }
        const t = this.num(s.target, w);
        this.X[i] = [v, n, t];
        return t > 0 ? (v >= t ? w : w * (v / t)) : w;
      }
      case 'formula': {
        const p = s.share ? w * this.num(s.expr, w) : this.num(s.expr, w);
        this.X[i] = [p];
        return p;
      }
    }
  }

  /** A leaf: its rule, then `less`, its own rounding, and clamping to [0, weight]. */
  leaf(ind: IrIndicator, i: number): number {
    let p = this.score(ind, i, ind.score!);
    // the rule's own points, before less, round and weight moved in: the explanation starts from them
    (this.X[i] as { own?: number }).own = p;
    if (ind.less) {
      const l = this.num(ind.less, ind.weight);
      p -= l;
      if (p < 0) p = 0;
      this.E[i] = l;
    }
    if (ind.roundPoints !== undefined) p = roundHalfUp(p, ind.roundPoints);
    if (ind.clamp && (p < 0 || p > ind.weight)) {
      p = p < 0 ? 0 : ind.weight;
      this.C[i] = 1;
    }
    return p;
  }

  /**
   * Scores indicator i and its subtree. `factor` turns its weight into points of the total
   * (relative levels scale it); inside a pool only the pool counts in the denominator.
   */
  indicator(i: number, factor: number, inPool: boolean): void {
    const ind = this.p.indicators[i]!;
    const effW = ind.weight * factor;
    if (ind.na && (ind.naMode === 'transfer' ? this.moved[i] : this.holds(ind.na))) {
      this.notApplicable(i, effW, inPool);
      return;
    }
    if (ind.children.length > 0 || ind.aggregation === 'placeholder') this.parent(i, factor, inPool);
    else {
      this.pts[i] = this.leaf(ind, i);
      this.app[i] = 1;
      if (!inPool) this.aw += effW;
    }
    // weight moved here from indicators that do not apply: points grow in proportion
    this.p.indicators.forEach((src, s) => {
      if (src.naMode !== 'transfer' || !src.naTargets?.includes(i) || !this.moved[s]) return;
      const share = sum(src.naTargets.map((t) => this.p.indicators[t]!.weight));
      this.pts[i] = this.pts[i]! * (1 + src.weight / share);
    });
  }

  parent(i: number, factor: number, inPool: boolean): void {
    const ind = this.p.indicators[i]!;
    const kids = ind.children;
    if (ind.aggregation === 'pool' || ind.aggregation === 'placeholder') {
      for (const c of kids) this.indicator(c, 1, true);
      // the members that count refill the whole weight
      const used = sum(kids.map((c) => (this.app[c] ? this.p.indicators[c]!.weight : 0)));
      if (used > 0) {
        this.pts[i] = (sum(kids.map((c) => this.pts[c]!)) / used) * ind.weight;
        this.app[i] = this.appOf(kids);
        if (!inPool) this.aw += ind.weight * factor;
      } else {
        this.pts[i] = 0;
        this.app[i] = 0;
        if (!inPool) this.na = true;
      }
      return;
    }
    const relative = ind.aggregation === 'relative';
    const childFactor = relative ? (factor * ind.weight) / ind.scale! : factor;
    for (const c of kids) this.indicator(c, childFactor, inPool);
    const total = sum(kids.map((c) => this.pts[c]!));
    this.pts[i] = relative ? total * (ind.weight / ind.scale!) : total;
    this.app[i] = this.appOf(kids);
  }

  /** 1 if any child applies; 2 if none does but one scores full marks as not applicable; else 0. */
  appOf(kids: readonly number[]): number {
    if (kids.some((c) => this.app[c] === 1)) return 1;
    return kids.some((c) => this.app[c]) ? 2 : 0;
  }

  /** The indicator and its subtree do not apply: by its convention, rescale, full marks or moved weight. */
  notApplicable(i: number, effW: number, inPool: boolean): void {
    const ind = this.p.indicators[i]!;
    const stack = [i];
    while (stack.length > 0) {
      const k = stack.pop()!;
      this.pts[k] = 0;
      this.app[k] = 0;
      stack.push(...this.p.indicators[k]!.children);
    }
    if (ind.naMode === 'full') {
      this.pts[i] = ind.weight;
      this.app[i] = 2;
    }
    if (!inPool && ind.naMode) this.aw += effW;
    if (!inPool && !ind.naMode) this.na = true;
    this.N[i] = 1;
  }

  /** `na when … to …` is decided before the tree: the indicators receiving the weight may come first. */
  decideMoves(): void {
    this.p.indicators.forEach((ind, i) => {
      if (ind.naMode !== 'transfer' || !ind.na) return;
      const ancestors: IrIndicator[] = [];
      for (let a = ind.parent; a >= 0; a = this.p.indicators[a]!.parent) ancestors.unshift(this.p.indicators[a]!);
      this.moved[i] = !ancestors.some((a) => a.na !== null && this.holds(a.na)) && this.holds(ind.na);
    });
  }

  /** After the indicator total: bonuses and penalties in order (never below 0), then caps. */
  adjust(t: number, applied: boolean[]): number {
    const rules = this.p.totalRules ?? [];
    rules.forEach((r, k) => {
      if (r.kind === 'cap' || !this.holds(r.condition)) return;
      t = r.kind === 'bonus' ? t + this.num(r.amount, null) : t - this.num(r.amount, null);
      applied[k] = true;
    });
    if (rules.some((r) => r.kind === 'penalty') && t < 0) t = 0;
    rules.forEach((r, k) => {
      if (r.kind !== 'cap') return;
      const cap = this.num(r.amount, null);
      if (this.holds(r.condition) && t > cap) {
        t = cap;
        applied[k] = true;
      }
    });
    return t;
  }

  /** out[2..8] as the scorer leaves them for lightOf: light band, broken floor step and its figures. */
  monitor(out: Float64Array): void {
    const light = this.p.lights?.[0];
    out[2] = -1;
    out[3] = -1;
    if (light) {
      const v = this.value(light.subject, null);
      const t = light.subjectType;
      // out is numeric: an enum subject is kept as the index of its member, as the scorer keeps it
      out[5] = t.kind === 'enum' ? t.members.indexOf(v as string) : (v as number);
      out[2] = light.bands.findIndex((b) => this.band(b.band, v, null));
    }
    const floor = this.p.floors?.[0];
    if (!floor) return;
    const m = this.num(floor.month, null);
    const k = floor.steps.reduce((found, st, j) => (m >= st.from ? j : found), -1);
    if (k < 0) return;
    const v = this.num(floor.subject, null);
    const min = floor.steps.map((st) => this.num(st.minimum, null))[k]!;
    [out[6], out[7], out[8]] = [v, min, m];
    if (min - tolerance(min) > v) out[3] = k;
  }
}

/** Scores one unit by walking the IR. Values are in the units the inputs declare. */
export function interpret(program: IrProgram, unit: UnitValues, options: { explain?: boolean } = {}): UnitResult {
  const explain = options.explain ?? true;
  assertSupported(program, 'interpreter');
  const bad = badInput(program, unit);
  if (bad) return errorResult(bad);
  const run = new Run(program, unit);
  const roots = program.indicators.flatMap((ind, i) => (ind.parent === -1 ? [i] : []));
  const applied: boolean[] = [];
  const out = new Float64Array(9);
  let total: number | null = null;
  let alerts: boolean[];
  try {
    run.decideMoves();
    for (const i of roots) run.indicator(i, 1, false);
    if (roots.length > 0) {
      if (run.aw === 0) throw run.errors.noApplicable();
      const raw = sum(roots.map((i) => run.pts[i]!));
      const t = run.adjust(run.na ? (raw / run.aw) * program.total : raw, applied);
      total = roundHalfUp(t, program.round);
    }
    alerts = program.alerts.map((a) => run.holds(a.when));
    run.monitor(out);
  } catch (e) {
    if (!(e instanceof UnitError)) throw e;
    return errorResult({ code: e.code, message: e.zh, en: e.en, ...(e.indicator ? { indicator: e.indicator } : {}) });
  }
  const indicators: Record<string, IndicatorResult> = Object.create(null);
  program.indicators.forEach((ind, i) => {
    const r: IndicatorResult = { points: clean(run.pts[i]!), weight: ind.weight, applicable: run.app[i] === 1 };
    indicators[ind.path] = explain ? { ...r, explain: explainIndicator(program, i, run) } : r;
  });
  const t = total;
  const g = t === null ? undefined : program.grades.find((g) => g.op === null || (g.op === '>=' ? t >= g.threshold! : t > g.threshold!));
  const outcome = g ? program.outcomes.find((o) => o.grade === g.name) : undefined;
  return {
    total,
    grade: g?.name ?? null,
    indicators,
    outcome: outcome ? { text: outcome.text, adjust: outcome.adjust } : null,
    alerts: program.alerts.filter((_, k) => alerts[k]).map((a) => ({ name: a.name, message: a.message })),
    adjustments: (program.totalRules ?? []).filter((_, k) => applied[k]).map((r) => ({ kind: r.kind, rule: r.text })),
    light: lightOf(program, out),
    error: null,
  };
}
