// The messages between the page and the check worker. Plain data only: everything here crosses
// a postMessage boundary, so the page never holds a compiler object.

/** The sample units as the table holds them: raw cell text, exactly as a CSV would. */
export interface Sheet {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface CheckRequest {
  readonly seq: number;
  /** Which opening of a slot the request belongs to; answers for an earlier one are dropped. */
  readonly generation: number;
  readonly source: string;
  /** `null`: the sheet of the previous request (a keystroke in the editor does not send it again). */
  readonly sheet: Sheet | null;
  /** Index of the unit whose indicator tree is shown with explanations. */
  readonly selected: number;
  /** Also emit the compile targets (only while the compile panel is open). */
  readonly outputs: boolean;
}

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** A source replacement by UTF-16 offsets. */
export interface Edit {
  readonly title: Bilingual;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Problem {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly col: number;
  readonly message: Bilingual;
  /** The checker's fix first, then fixes the playground derives (weight sums). */
  readonly fixes: readonly Edit[];
}

/** A declared name, for hover, completion and go to definition. */
export interface SymbolInfo {
  readonly kind: 'input' | 'let' | 'indicator' | 'grade' | 'alert';
  readonly name: string;
  /** Where the name is declared. */
  readonly start: number;
  readonly end: number;
  /** One line describing it: type and unit, or code, weight and score range. */
  readonly detail: Bilingual;
  /** More text for hover: the let's formula, the indicator's scoring rule and note. */
  readonly doc: string;
}

export interface InputColumn {
  readonly name: string;
  readonly kind: 'number' | 'percent' | 'count' | 'score' | 'bool' | 'money' | 'enum';
  readonly unit: string | null;
  readonly members: readonly string[];
}

export interface ExpectView {
  readonly text: string;
  readonly line: number;
  readonly col: number;
  readonly pass: boolean;
  readonly actual: string;
}

export interface TestView {
  readonly name: string;
  readonly line: number;
  readonly pass: boolean;
  readonly expects: readonly ExpectView[];
}

export interface UnitView {
  readonly id: string;
  readonly total: number | null;
  readonly grade: string | null;
  readonly error: Bilingual | null;
  /** Fields of the row that could not be read, for marking table cells. */
  readonly badFields: readonly string[];
  readonly outcome: { readonly text: string; readonly adjust: number | null } | null;
  readonly alerts: readonly { readonly name: string; readonly message: string }[];
}

export interface IndicatorView {
  readonly code: string;
  readonly name: string;
  readonly depth: number;
  readonly weight: number;
  readonly points: number;
  readonly applicable: boolean;
  readonly explain: string;
  readonly line: number;
}

export interface Output {
  readonly id: string;
  readonly label: Bilingual;
  readonly fileName: string;
  /** What the panel shows: the emitted text, or a note for a binary file or a target that failed. */
  readonly text: string;
  /** The file itself when it is binary (the XLSX table). */
  readonly bytes?: Uint8Array;
  readonly failed?: boolean;
}

export interface CheckResponse {
  readonly seq: number;
  readonly ok: boolean;
  readonly problems: readonly Problem[];
  /** `null`: the names follow in a SymbolsMessage with the same `seq` (the results go first). */
  readonly symbols: readonly SymbolInfo[] | null;
  /** `null` when the source did not parse far enough to know its inputs. */
  readonly inputs: readonly InputColumn[] | null;
  readonly ruleset: { readonly name: string; readonly title: string | null; readonly total: number; readonly grades: readonly string[] } | null;
  /** `null` while the source has errors and no earlier version compiled. */
  readonly tests: readonly TestView[] | null;
  readonly units: readonly UnitView[];
  readonly selected: { readonly index: number; readonly indicators: readonly IndicatorView[] } | null;
  /** Results come from the last version without errors, not the text on screen. */
  readonly stale: boolean;
  readonly outputs: readonly Output[] | null;
  /** Milliseconds spent in the worker on this request. */
  readonly workMs: number;
  /** A failure of the playground itself, worded for the user. */
  readonly crash: string | null;
}

/** The declared names of a checked text, sent after its CheckResponse. */
export interface SymbolsMessage {
  readonly kind: 'symbols';
  readonly seq: number;
  readonly symbols: readonly SymbolInfo[];
}
