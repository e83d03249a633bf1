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

export interface IrBand {
  /** `null` for `else`. */
  readonly op: '>=' | '>' | '<=' | '<' | '==' | null;
  readonly bound: number | null;
  readonly award: IrBandAward;
  /** The band as written, for explanations: `>= 95%`. */
  readonly text: string;
}

export type IrScore =
  | { readonly kind: 'bands'; readonly subject: IrExpr; readonly subjectText: string; readonly subjectType: ValueType; readonly bands: readonly IrBand[] }
  | { readonly kind: 'ratio'; readonly actual: IrExpr; readonly target: IrExpr; readonly actualText: string; readonly targetText: string; readonly actualType: ValueType }
  | { readonly kind: 'deduct'; readonly points: IrExpr; readonly count: IrExpr; readonly max: IrExpr | null; readonly countText: string }
  | { readonly kind: 'manual'; readonly input: number }
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
    | { readonly kind: 'total' | 'grade' | 'adjust' | 'error' }
    | { readonly kind: 'alert'; readonly name: string }
    | { readonly kind: 'indicator'; readonly index: number };
  /** `null` expects the indicator not to apply. */
  readonly value: IrTestValue | null;
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
}

/** Factor that turns a value in `unit` into 元, the unit money is computed in. */
export function moneyFactor(unit: MoneyUnit): number {
  return unit === '万元' ? 10000 : 1;
}
