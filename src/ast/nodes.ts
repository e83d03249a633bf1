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

export interface Band {
  /** `null` for the `else` band. */
  readonly op: BandOp | null;
  readonly bound: Expr | null;
  readonly award: BandAward;
  readonly span: Span;
}

export type ScoreRule =
  | { readonly kind: 'Bands'; readonly subject: Expr; readonly bands: readonly Band[]; readonly span: Span }
  | { readonly kind: 'Ratio'; readonly actual: Expr; readonly target: Expr; readonly span: Span }
  | {
      readonly kind: 'Deduct';
      readonly points: Expr;
      readonly count: Expr;
      readonly max: Expr | null;
      readonly span: Span;
    }
  | { readonly kind: 'Manual'; readonly input: Name; readonly span: Span }
  | { readonly kind: 'Formula'; readonly expr: Expr; readonly span: Span };

export interface Indicator {
  readonly kind: 'Indicator';
  readonly name: Name;
  readonly weight: number;
  readonly weightSpan: Span;
  readonly children: readonly Indicator[];
  readonly score: ScoreRule | null;
  readonly note: string | null;
  readonly na: Expr | null;
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
  | { readonly kind: 'alert'; readonly name: Name; readonly span: Span }
  | { readonly kind: 'error'; readonly span: Span }
  | { readonly kind: 'indicator'; readonly path: readonly Name[]; readonly span: Span };

export interface Expectation {
  readonly subject: ExpectSubject;
  readonly value: GivenValue | { readonly kind: 'na'; readonly span: Span };
  readonly span: Span;
}

export interface TestBlock {
  readonly name: string;
  readonly given: readonly Given[];
  readonly expects: readonly Expectation[];
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
  readonly span: Span;
}
