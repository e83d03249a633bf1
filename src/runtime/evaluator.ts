// The in-process evaluator: the IR compiled to a straight-line JS function (targets/js), run per
// unit, and its raw figures turned into results. Explanations are built only when asked for.
import type { IrProgram } from '../ir/ir.js';
import { alwaysApplicable, emitScorer } from '../targets/js/emit.js';
import { explainIndicator, lightOf } from './explain.js';
import { clean, roundHalfUp, UnitError, ge, gt, le, lt, eq } from './helpers.js';

export type UnitValues = Readonly<Record<string, number | boolean | string>>;

export interface IndicatorResult {
  readonly points: number;
  readonly weight: number;
  readonly applicable: boolean;
  readonly explain?: string;
}

export interface UnitError_ {
  readonly code: string;
  readonly message: string;
  readonly en: string;
  readonly indicator?: string;
  readonly field?: string;
}

export interface UnitResult {
  readonly total: number | null;
  readonly grade: string | null;
  /** Keyed by indicator path (names joined by `/`), in tree order. */
  readonly indicators: Record<string, IndicatorResult>;
  readonly outcome: { readonly text: string; readonly adjust: number | null } | null;
  readonly alerts: { readonly name: string; readonly message: string }[];
  /** Caps, penalties and bonuses applied after the indicator total, as written. */
  readonly adjustments: { readonly kind: 'cap' | 'penalty' | 'bonus'; readonly rule: string }[];
  /** Monitoring: the unit's light and why. */
  readonly light: { readonly color: string; readonly reason: string } | null;
  readonly error: UnitError_ | null;
}

type Scorer = (
  u: UnitValues,
  pts: Float64Array,
  app: Uint8Array,
  out: Float64Array,
  al: Uint8Array,
  X?: unknown[],
  C?: Uint8Array,
  N?: Uint8Array,
  E?: Float64Array,
) => number;

/** What a generated scorer calls: the decimal helpers and the errors naming the expression or indicator. */
export function runtimeFor(program: IrProgram) {
  return {
    roundHalfUp,
    ge,
    gt,
    le,
    lt,
    eq,
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
    tierRange(i: number, k: number, v: number): UnitError {
      const ind = program.indicators[i]!;
      const s = ind.score;
      const t = s?.kind === 'tiers' ? s.tiers[k]! : undefined;
      const range = t ? `${t.loClosed ? '[' : '('}${t.lo}, ${t.hi}${t.hiClosed ? ']' : ')'}` : '';
      return new UnitError(
        'eval-tier-out-of-range',
        `${ind.path}：“${t?.name}”的实际得分区间为 ${range}，人工评分 ${v} 不在其中，请调整`,
        `${ind.path}: the score for "${t?.name}" must lie in ${range}, but it is ${v}`,
        ind.path,
      );
    },
    noRespondents(i: number): UnitError {
      const ind = program.indicators[i]!;
      return new UnitError('eval-division-by-zero', `除数为零：“${ind.path}”的满意度调查人数合计为 0`, `division by zero: no respondents for \`${ind.path}\``, ind.path);
    },
    noApplicable(): UnitError {
      return new UnitError('eval-no-applicable', '所有指标均不适用，无法计算总分', 'no indicator applies, so there is no total');
    },
  };
}

/** A compiled ruleset. Reuses its buffers: one evaluator serves one thread of calls. */
export class Evaluator {
  readonly program: IrProgram;
  private readonly fast: Scorer;
  private explaining: Scorer | undefined;
  private readonly pts: Float64Array;
  private readonly app: Uint8Array;
  /** total, grade index, light band, floor step broken, -, light figure, floor figure, floor minimum, month */
  private readonly out = new Float64Array(9);
  private readonly al: Uint8Array;

  constructor(program: IrProgram) {
    this.program = program;
    this.fast = this.compile(false);
    this.pts = new Float64Array(program.indicators.length);
    this.app = new Uint8Array(program.indicators.length);
    // a scorer for a ruleset where everything always applies leaves these flags to us
    if (alwaysApplicable(program)) this.app.fill(1);
    // alerts, then one flag per total rule (cap, penalty, bonus) that applied
    this.al = new Uint8Array(program.alerts.length + (program.totalRules?.length ?? 0));
  }

  private compile(explain: boolean): Scorer {
    const body = emitScorer(this.program, { explain });
    return new Function('rt', body)(runtimeFor(this.program)) as Scorer;
  }

  /** Total and grade index only, into the evaluator's buffers: the bulk path. */
  scoreFast(unit: UnitValues): number {
    return this.fast(unit, this.pts, this.app, this.out, this.al);
  }

  /** The grade index (into `program.grades`, −1 for none) of the last unit scored. */
  lastGradeIndex(): number {
    return this.out[1]!;
  }

  /**
   * Scores a unit into the evaluator's buffers (read them with `points`, `applicable`,
   * `firedAlert`, `lastTotal`, `lastGradeIndex`), for writers that need no result objects.
   * Returns the unit's error, or null.
   */
  scoreInto(unit: UnitValues): UnitError_ | null {
    try {
      this.fast(unit, this.pts, this.app, this.out, this.al);
      return null;
    } catch (e) {
      if (e instanceof UnitError) return { code: e.code, message: e.zh, en: e.en, ...(e.indicator ? { indicator: e.indicator } : {}) };
      throw e;
    }
  }
  points(i: number): number {
    return this.pts[i]!;
  }
  applicable(i: number): boolean {
    return this.app[i] === 1;
  }
  firedAlert(k: number): boolean {
    return this.al[k] === 1;
  }
  /** The light of the last unit scored (monitoring rulesets), or null. */
  lastLight(): { color: string; reason: string } | null {
    return lightOf(this.program, this.out);
  }
  lastTotal(): number {
    return this.out[0]!;
  }

  evaluate(unit: UnitValues, options: { explain?: boolean } = {}): UnitResult {
    const p = this.program;
    const explain = options.explain ?? true;
    const bad = badInput(p, unit);
    if (bad) return errorResult(bad);
    const X: unknown[] = explain ? new Array(p.indicators.length) : [];
    const C = new Uint8Array(explain ? p.indicators.length : 0);
    const N = new Uint8Array(explain ? p.indicators.length : 0);
    const E = new Float64Array(explain ? p.indicators.length : 0);
    try {
      if (explain) {
        this.explaining ??= this.compile(true);
        this.explaining(unit, this.pts, this.app, this.out, this.al, X, C, N, E);
      } else this.fast(unit, this.pts, this.app, this.out, this.al);
    } catch (e) {
      if (e instanceof UnitError) return errorResult({ code: e.code, message: e.zh, en: e.en, ...(e.indicator ? { indicator: e.indicator } : {}) });
      throw e;
    }
    const indicators: Record<string, IndicatorResult> = Object.create(null);
    p.indicators.forEach((ind, i) => {
      const applicable = this.app[i] === 1;
      const r: IndicatorResult = { points: clean(this.pts[i]!), weight: ind.weight, applicable };
      indicators[ind.path] = explain
        ? { ...r, explain: explainIndicator(p, i, { unit, pts: this.pts, app: this.app, X, C, N, E }) }
        : r;
    });
    const gi = this.out[1]!;
    const grade = gi >= 0 ? p.grades[gi]!.name : null;
    const outcome = grade === null ? null : (p.outcomes.find((o) => o.grade === grade) ?? null);
    const alerts = p.alerts.filter((_, k) => this.al[k] === 1).map((a) => ({ name: a.name, message: a.message }));
    const total = this.out[0]!;
    return {
      total: Number.isNaN(total) ? null : total,
      grade,
      indicators,
      outcome: outcome ? { text: outcome.text, adjust: outcome.adjust } : null,
      alerts,
      adjustments: this.adjustments(),
      light: lightOf(p, this.out),
      error: null,
    };
  }

  /** The caps, penalties and bonuses that applied to the last unit. */
  private adjustments(): { kind: 'cap' | 'penalty' | 'bonus'; rule: string }[] {
    const rules = this.program.totalRules ?? [];
    const base = this.program.alerts.length;
    return rules.filter((_, k) => this.al[base + k] === 1).map((r) => ({ kind: r.kind, rule: r.text }));
  }
}

/**
 * The first input whose value the scorer cannot use: missing, of another type, not finite, or
 * outside what the checker assumed of its type (money and counts are not negative, a count is
 * whole; a manual score out of range is reported by its indicator). Scored anyway, such a value
 * would silently give a wrong figure.
 */
export function badInput(program: IrProgram, unit: UnitValues): UnitError_ | null {
  for (const input of program.inputs) {
    const v = Object.hasOwn(unit, input.name) ? unit[input.name] : undefined;
    const t = input.type;
    let want: { zh: string; en: string } | null = null;
    if (t.kind === 'bool') want = typeof v === 'boolean' ? null : { zh: '是/否', en: 'true or false' };
    else if (t.kind === 'enum') want = typeof v === 'string' && t.members.includes(v) ? null : { zh: `${t.members.join('、')} 之一`, en: `one of ${t.members.join(', ')}` };
    else if (typeof v !== 'number' || !Number.isFinite(v)) want = { zh: '有限的数', en: 'a finite number' };
    else if (t.kind === 'count' && !(Number.isInteger(v) && v >= 0)) want = { zh: '非负整数', en: 'a whole number, not negative' };
    else if (t.kind === 'money' && v < 0) want = { zh: '不小于 0 的金额', en: 'an amount not below 0' };
    if (!want) continue;
    const shown = typeof v === 'object' && v !== null ? Object.prototype.toString.call(v) : String(v);
    return {
      code: 'eval-bad-input',
      message: v === undefined ? `缺少输入“${input.name}”的值` : `输入“${input.name}”的值 ${shown.slice(0, 60)} 不是${want.zh}`,
      en: v === undefined ? `no value for input \`${input.name}\`` : `the value ${shown.slice(0, 60)} of input \`${input.name}\` is not ${want.en}`,
      field: input.name,
    };
  }
  return null;
}

export function errorResult(error: UnitError_): UnitResult {
  return { total: null, grade: null, indicators: Object.create(null), outcome: null, alerts: [], adjustments: [], light: null, error };
}
