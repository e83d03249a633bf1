// The abstract syntax tree: plain data, every node with the span of source it came from.
// Produced by grammar/ast-builder.ts, consumed by src/check.

export interface Span {
  /** UTF-16 offset of the first character. */
  readonly start: number;
  /** UTF-16 offset one past the last character. */
  readonly end: number;
  /** 1-based line and column of `start`. */
  readonly line: number;
  readonly col: number;
  /** 1-based line and column of the last character. */
  readonly endLine: number;
  readonly endCol: number;
}

export interface Name {
  readonly text: string;
  readonly span: Span;
}

export type MoneyUnit = '元' | '万元';

export type TypeRef =
  | { readonly kind: 'number' | 'percent' | 'count' | 'score' | 'bool'; readonly span: Span }
  | { readonly kind: 'money'; readonly unit: MoneyUnit; readonly span: Span }
  | { readonly kind: 'enum'; readonly members: readonly Name[]; readonly span: Span };

export type BinaryOp = '+' | '-' | '*' | '/' | '>=' | '>' | '<=' | '<' | '==' | '!=' | 'and' | 'or';

export type Expr =
  | { readonly kind: 'Number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'Percent'; readonly value: number; readonly span: Span }
  | { readonly kind: 'Money'; readonly value: number; readonly unit: MoneyUnit; readonly span: Span }
  | { readonly kind: 'Bool'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'Full'; readonly span: Span }
  | { readonly kind: 'Ref'; readonly name: Name; readonly span: Span }
  | { readonly kind: 'Unary'; readonly op: '-' | 'not'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'Binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly kind: 'Conditional'; readonly test: Expr; readonly then: Expr; readonly else: Expr; readonly span: Span }
  | { readonly kind: 'Call'; readonly callee: Name; readonly args: readonly Expr[]; readonly span: Span };

export type BandOp = '>=' | '>' | '<=' | '<' | '==';

/** What a band awards: the full weight, a share of the weight (`80%`), or points (`4.5`). */
export type BandAward =
  | { readonly kind: 'full'; readonly span: Span }
  | { readonly kind: 'share'; readonly value: number; readonly span: Span }
  | { readonly kind: 'points'; readonly value: number; readonly span: Span };

/** Explicit ends: `[80%, 90%)` is 80% ≤ x < 90%. */
export interface IntervalNode {
  readonly lo: Expr;
  readonly hi: Expr;
  readonly loClosed: boolean;
  readonly hiClosed: boolean;
  readonly span: Span;
}

export interface Band {
  /** `null` for the `else` band and for an interval band. */
  readonly op: BandOp | null;
  readonly bound: Expr | null;
  /** Set for a band written with explicit ends. */
  readonly interval?: IntervalNode | null;
  readonly award: BandAward;
  readonly span: Span;
}

export interface CheckItem {
  /** A gate: when it fails the whole indicator scores 0. */
  readonly gate: boolean;
  readonly condition: Expr;
  readonly award: BandAward;
  readonly span: Span;
}

export interface Tier {
  readonly name: Name;
  readonly interval: IntervalNode;
  readonly span: Span;
}

export interface LikertAnswer {
  /** A count input: how many respondents gave this answer. */
  readonly name: Name;
  readonly value: number;
  readonly span: Span;
}

/** What every scoring rule may add: a manual deduction after it, and its own rounding. */
export interface ScoreModifiers {
  readonly less?: Expr | null;
  readonly round?: number | null;
}

export type RatioDirection = 'up' | 'down' | 'equal';
export type ReverseFormula = 'quotient' | 'linear';

export type ScoreRule = ScoreModifiers &
  (
    | { readonly kind: 'Bands'; readonly subject: Expr; readonly bands: readonly Band[]; readonly span: Span }
    | {
        readonly kind: 'Ratio';
        readonly actual: Expr;
        readonly target: Expr;
        /** 正向 (default), 反向, 等于. */
        readonly direction?: RatioDirection;
        /** For 反向: target/actual (quotient) or linear to zero at twice the target. */
        readonly formula?: ReverseFormula | null;
        readonly span: Span;
      }
    | {
        readonly kind: 'Deduct';
        readonly points: Expr;
        /** Occurrences, or the step size when `side` is set. */
        readonly count: Expr;
        readonly max: Expr | null;
        /** `per whole 5% below 100% of X`: only whole steps count. */
        readonly whole?: boolean;
        readonly side?: 'above' | 'below' | null;
        readonly standard?: Expr | null;
        readonly measure?: Expr | null;
        readonly span: Span;
      }
    | { readonly kind: 'Manual'; readonly input: Name; readonly span: Span }
    | { readonly kind: 'Checklist'; readonly items: readonly CheckItem[]; readonly span: Span }
    | { readonly kind: 'Tiers'; readonly category: Name; readonly input: Name; readonly tiers: readonly Tier[]; readonly span: Span }
    | { readonly kind: 'Likert'; readonly answers: readonly LikertAnswer[]; readonly target: Expr | null; readonly span: Span }
    | { readonly kind: 'Formula'; readonly expr: Expr; readonly span: Span }
  );

/** How children add up: by their own weights (default), relative to a scale, or rescaled to fill the parent. */
export type Aggregation =
  | { readonly kind: 'relative'; readonly scale: number; readonly span: Span }
  | { readonly kind: 'pool'; readonly span: Span }
  | { readonly kind: 'placeholder'; readonly span: Span };

/** The three 不适用 conventions: leave the denominator, score full, or move the weight. */
export type NaMode =
  | { readonly kind: 'rescale' }
  | { readonly kind: 'full'; readonly span: Span }
  | { readonly kind: 'transfer'; readonly targets: readonly Name[]; readonly span: Span };

export interface Indicator {
  readonly kind: 'Indicator';
  readonly name: Name;
  readonly weight: number;
  readonly weightSpan: Span;
  readonly children: readonly Indicator[];
  readonly score: ScoreRule | null;
  readonly note: string | null;
  readonly na: Expr | null;
  readonly naMode?: NaMode;
  readonly aggregation?: Aggregation | null;
  readonly span: Span;
}

export interface InputDecl {
  readonly kind: 'Input';
  readonly name: Name;
  readonly type: TypeRef;
  readonly span: Span;
}

export interface LetDecl {
  readonly kind: 'Let';
  readonly name: Name;
  readonly expr: Expr;
  readonly span: Span;
}

export interface GradeRule {
  readonly name: Name;
  /** `null` for `otherwise`. */
  readonly op: '>=' | '>' | null;
  readonly threshold: number | null;
  readonly span: Span;
}

export interface Outcome {
  readonly grade: Name;
  readonly text: string;
  /** A fraction of next year's budget, e.g. -0.1 for `adjust -10%`. */
  readonly adjust: number | null;
  readonly span: Span;
}

export interface Alert {
  readonly name: Name;
  readonly message: string;
  readonly when: Expr;
  readonly span: Span;
}

export type GivenValue =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'percent'; readonly value: number; readonly span: Span }
  | { readonly kind: 'money'; readonly value: number; readonly unit: MoneyUnit; readonly span: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'name'; readonly value: string; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span };

export interface Given {
  readonly name: Name;
  readonly value: GivenValue;
  readonly span: Span;
}

/** What an `expect` line looks at. */
export type ExpectSubject =
  | { readonly kind: 'total'; readonly span: Span }
  | { readonly kind: 'grade'; readonly span: Span }
  | { readonly kind: 'adjust'; readonly span: Span }
  | { readonly kind: 'light'; readonly span: Span }
  | { readonly kind: 'alert'; readonly name: Name; readonly span: Span }
  | { readonly kind: 'error'; readonly span: Span }
  | { readonly kind: 'indicator'; readonly path: readonly Name[]; readonly span: Span };

export interface Expectation {
  readonly subject: ExpectSubject;
  readonly value: GivenValue | { readonly kind: 'na'; readonly span: Span };
  /** `≈`: compare after rounding the actual figure to the decimals the expected one is written with. */
  readonly approx?: boolean;
  readonly span: Span;
}

export interface TestBlock {
  readonly name: string;
  readonly given: readonly Given[];
  readonly expects: readonly Expectation[];
  readonly span: Span;
}

/** After the total: a cap, a penalty or a bonus, when a condition holds. */
export interface TotalRule {
  readonly kind: 'cap' | 'penalty' | 'bonus';
  readonly amount: Expr;
  readonly condition: Expr;
  readonly span: Span;
}

export interface LightBand {
  readonly band: Band;
  readonly color: Name;
  readonly reason: string | null;
}

/** Monitoring: a light per unit by thresholds on a figure. */
export interface Light {
  readonly subject: Expr;
  readonly bands: readonly LightBand[];
  readonly span: Span;
}

/** Monitoring: cumulative minimums by month (1–4月 25%, 1–6月 40% …). */
export interface Floor {
  readonly subject: Expr;
  readonly month: Expr;
  readonly steps: readonly { readonly from: number; readonly minimum: Expr; readonly span: Span }[];
  readonly reason: string | null;
  readonly span: Span;
}

export interface HeaderField {
  readonly key: 'title' | 'district' | 'kind' | 'total' | 'round';
  readonly value: string | number;
  readonly span: Span;
}

export interface Ruleset {
  readonly kind: 'Ruleset';
  readonly name: Name;
  readonly header: readonly HeaderField[];
  readonly inputs: readonly InputDecl[];
  readonly lets: readonly LetDecl[];
  readonly indicators: readonly Indicator[];
  readonly grades: readonly GradeRule[] | null;
  readonly gradesSpan: Span | null;
  readonly outcomes: readonly Outcome[];
  readonly alerts: readonly Alert[];
  readonly tests: readonly TestBlock[];
  readonly totalRules?: readonly TotalRule[];
  readonly lights?: readonly Light[];
  readonly floors?: readonly Floor[];
  readonly span: Span;
}
