// The IR: a checked ruleset as plain JSON data, names resolved, money in 元, weights and
// score ranges computed. Every target reads only this, so targets cannot disagree on meaning.

export const IR_VERSION = 1;

export type MoneyUnit = '元' | '万元';

export type ValueType =
  | { readonly kind: 'number' | 'percent' | 'count' | 'score' | 'bool' }
  | { readonly kind: 'money'; readonly unit: MoneyUnit }
  | { readonly kind: 'enum'; readonly members: readonly string[] };

export type IrExpr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'bool'; readonly v: boolean }
  /** An enum member, compared by its text. */
  | { readonly k: 'str'; readonly v: string }
  /** The weight of the indicator being scored. */
  | { readonly k: 'full' }
  | { readonly k: 'input'; readonly i: number }
  | { readonly k: 'let'; readonly i: number }
  | { readonly k: 'neg'; readonly a: IrExpr }
  | { readonly k: 'not'; readonly a: IrExpr }
  | { readonly k: 'arith'; readonly op: '+' | '-' | '*'; readonly a: IrExpr; readonly b: IrExpr }
  /** Division; `d` indexes `divisions`, which names the expression when the divisor is zero. */
  | { readonly k: 'div'; readonly a: IrExpr; readonly b: IrExpr; readonly d: number }
  | { readonly k: 'cmp'; readonly op: '>=' | '>' | '<=' | '<' | '==' | '!='; readonly a: IrExpr; readonly b: IrExpr }
  | { readonly k: 'logic'; readonly op: 'and' | 'or'; readonly a: IrExpr; readonly b: IrExpr }
  | { readonly k: 'cond'; readonly c: IrExpr; readonly t: IrExpr; readonly e: IrExpr }
  | { readonly k: 'call'; readonly fn: 'min' | 'max' | 'abs' | 'round' | 'clamp'; readonly args: readonly IrExpr[] };

export type IrBandAward =
  | { readonly kind: 'full' }
  | { readonly kind: 'share'; readonly value: number }
  | { readonly kind: 'points'; readonly value: number };

export interface IrInterval {
  readonly lo: number;
  readonly hi: number;
  readonly loClosed: boolean;
  readonly hiClosed: boolean;
}

export interface IrBand {
  /** `null` for `else` and for an interval band. */
  readonly op: '>=' | '>' | '<=' | '<' | '==' | null;
  readonly bound: number | null;
  /** A bound that is not a constant (another input, an enum member): compared at run time. */
  readonly boundExpr?: IrExpr;
  /** A band with explicit ends. */
  readonly interval?: IrInterval;
  readonly award: IrBandAward;
  /** The band as written, for explanations: `>= 95%`. */
  readonly text: string;
}

export type IrScore =
  | { readonly kind: 'bands'; readonly subject: IrExpr; readonly subjectText: string; readonly subjectType: ValueType; readonly bands: readonly IrBand[] }
  | {
      readonly kind: 'ratio';
      readonly actual: IrExpr;
      readonly target: IrExpr;
      readonly actualText: string;
      readonly targetText: string;
      readonly actualType: ValueType;
      /** 正向 (up), 反向 (down), 等于 (equal); absent means up. */
      readonly direction?: 'up' | 'down' | 'equal';
      /** For down: target/actual × weight (quotient), or linear to 0 at twice the target. */
      readonly formula?: 'quotient' | 'linear';
    }
  | {
      readonly kind: 'deduct';
      readonly points: IrExpr;
      /** Occurrences; or, with `side`, the size of one step. */
      readonly count: IrExpr;
      readonly max: IrExpr | null;
      readonly countText: string;
      readonly side?: 'above' | 'below';
      readonly standard?: IrExpr;
      readonly measure?: IrExpr;
      readonly measureText?: string;
      readonly measureType?: ValueType;
      /** Only whole steps count (每低于5%扣2分). */
      readonly whole?: boolean;
    }
  | { readonly kind: 'manual'; readonly input: number }
  | {
      readonly kind: 'checklist';
      readonly items: readonly { readonly gate: boolean; readonly condition: IrExpr; readonly award: IrBandAward; readonly text: string }[];
    }
  | {
      readonly kind: 'tiers';
      /** The enum input naming the tier, and the score input. */
      readonly category: number;
      readonly input: number;
      /** Each tier's interval, in points. */
      readonly tiers: readonly ({ readonly name: string } & IrInterval)[];
    }
  | {
      readonly kind: 'likert';
      /** Count inputs of respondents per answer, with each answer's value. */
      readonly answers: readonly { readonly input: number; readonly value: number }[];
      readonly target: IrExpr | null;
      readonly targetText: string | null;
    }
  /** A general expression; `share` when it yields a share of the weight (a percent). */
  | { readonly kind: 'formula'; readonly expr: IrExpr; readonly share: boolean; readonly text: string };

export interface IrIndicator {
  readonly name: string;
  /** Names from the top level down, joined by `/`: the key of results. */
  readonly path: string;
  /** Derived code such as `1.2.3`. */
  readonly code: string;
  readonly depth: number;
  readonly weight: number;
  readonly parent: number;
  readonly children: readonly number[];
  readonly score: IrScore | null;
  readonly na: IrExpr | null;
  readonly naText: string | null;
  readonly note: string | null;
  /** What interval analysis proved about the points; when not within [0, weight] the runtime clamps. */
  readonly range: readonly [number, number];
  readonly clamp: boolean;
  readonly line: number;
  /** How children add up; absent means by their own weights. `scale` is the relative total. */
  readonly aggregation?: 'relative' | 'pool' | 'placeholder';
  readonly scale?: number;
  /** When `na` holds: leave the denominator (absent), score full marks, or move the weight to `naTargets`. */
  readonly naMode?: 'full' | 'transfer';
  readonly naTargets?: readonly number[];
  /** A manual deduction after the rule, and the rule's own rounding. */
  readonly less?: IrExpr;
  readonly lessText?: string;
  readonly roundPoints?: number;
}

/** After the total, in order: bonuses and penalties, then caps. */
export interface IrTotalRule {
  readonly kind: 'cap' | 'penalty' | 'bonus';
  readonly amount: IrExpr;
  readonly condition: IrExpr;
  readonly text: string;
}

export interface IrLight {
  readonly subject: IrExpr;
  readonly subjectText: string;
  readonly subjectType: ValueType;
  readonly bands: readonly { readonly band: IrBand; readonly color: string; readonly reason: string | null }[];
}

export interface IrFloor {
  readonly subject: IrExpr;
  readonly subjectText: string;
  readonly subjectType: ValueType;
  readonly month: IrExpr;
  /** Ascending by month: from month `from` on, the subject must reach `minimum`. */
  readonly steps: readonly { readonly from: number; readonly minimum: IrExpr }[];
  readonly reason: string | null;
}

export interface IrInput {
  readonly name: string;
  readonly type: ValueType;
}

export interface IrLet {
  readonly name: string;
  readonly expr: IrExpr;
  readonly type: ValueType;
  readonly text: string;
}

export interface IrGrade {
  readonly name: string;
  /** `null` for `otherwise`. */
  readonly op: '>=' | '>' | null;
  readonly threshold: number | null;
}

export interface IrOutcome {
  readonly grade: string;
  readonly text: string;
  readonly adjust: number | null;
}

export interface IrAlert {
  readonly name: string;
  readonly message: string;
  readonly when: IrExpr;
}

export type IrTestValue = number | boolean | string;

export interface IrExpect {
  readonly subject:
    | { readonly kind: 'total' | 'grade' | 'adjust' | 'error' | 'light' }
    | { readonly kind: 'alert'; readonly name: string }
    | { readonly kind: 'indicator'; readonly index: number };
  /** `null` expects the indicator not to apply. */
  readonly value: IrTestValue | null;
  /** For `≈`: the decimals to round the actual figure to before comparing. */
  readonly places?: number;
  readonly text: string;
  readonly line: number;
  readonly col: number;
}

export interface IrTest {
  readonly name: string;
  /** Input values in the units the inputs declare, exactly as a data row would give them. */
  readonly given: Readonly<Record<string, IrTestValue>>;
  readonly expects: readonly IrExpect[];
  readonly line: number;
}

export interface IrDivision {
  /** The division as written: `实际支出 / 年初预算`. */
  readonly text: string;
  readonly divisor: string;
}

export interface IrProgram {
  readonly version: typeof IR_VERSION;
  readonly name: string;
  readonly title: string | null;
  readonly district: string | null;
  readonly kind: string | null;
  readonly total: number;
  readonly round: number;
  readonly inputs: readonly IrInput[];
  readonly lets: readonly IrLet[];
  /** Preorder: a parent comes before its children. */
  readonly indicators: readonly IrIndicator[];
  readonly grades: readonly IrGrade[];
  readonly outcomes: readonly IrOutcome[];
  readonly alerts: readonly IrAlert[];
  readonly divisions: readonly IrDivision[];
  readonly tests: readonly IrTest[];
  readonly totalRules?: readonly IrTotalRule[];
  readonly lights?: readonly IrLight[];
  readonly floors?: readonly IrFloor[];
}

/** Factor that turns a value in `unit` into 元, the unit money is computed in. */
export function moneyFactor(unit: MoneyUnit): number {
  return unit === '万元' ? 10000 : 1;
}
