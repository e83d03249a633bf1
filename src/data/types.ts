/**
 * Shapes for reading unit data (one row per evaluated unit / project) from
 * CSV or JSON into typed input values.
 */

export type MoneyUnit = '元' | '万元';

export type InputType =
  | { kind: 'number' }
  | { kind: 'percent' }
  | { kind: 'count' }
  | { kind: 'score' }
  | { kind: 'bool' }
  | { kind: 'money'; unit: MoneyUnit }
  | { kind: 'enum'; members: readonly string[] };

export interface InputDecl {
  name: string;
  type: InputType;
}

export type DataErrorCode =
  | 'data-missing-field'
  | 'data-bad-number'
  | 'data-bad-percent'
  | 'data-bad-bool'
  | 'data-bad-enum'
  | 'data-bad-row'
  | 'data-bad-count';

/** Bilingual message text. */
export interface Message {
  zh: string;
  en: string;
}

export interface FieldError {
  /** The input name; '' for a whole-row problem (code 'data-bad-row'). */
  field: string;
  code: DataErrorCode;
  message: Message;
}

export type InputValue = number | boolean | string;

export interface DataRow {
  /** 1-based data row number (header and skipped blank lines not counted). */
  row: number;
  /** 1-based line in the file where the row starts (CSV), or the 1-based array index (JSON). */
  line: number;
  /** The `id` column (`id`/`ID`/`编号`/`序号`) if present and non-empty, else String(row). */
  id: string;
  /**
   * Only inputs that coerced successfully, as own properties (read them with Object.hasOwn or
   * by name; when the row has no errors every input is there).
   */
  values: Record<string, InputValue>;
  /** Empty when the row is good. */
  errors: FieldError[];
  /** Columns that match no input (e.g. 项目名称, 备注), verbatim. Null-prototype object. */
  extras: Record<string, string>;
}

export interface FileError {
  line: number;
  message: Message;
}

export interface DataTable {
  /** Rows out == rows in, in input order, always (a bad row is still a row, with errors). */
  rows: DataRow[];
  /** Header names in order. */
  columns: string[];
  /** Columns matching no input and not the id column. */
  unknownColumns: string[];
  /** File-level problems (unparseable JSON, unusable header, ...). */
  fileErrors: FileError[];
}

export type CoerceResult =
  | { ok: true; value: InputValue }
  | { ok: false; code: DataErrorCode; message: Message };
