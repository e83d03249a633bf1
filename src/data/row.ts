/**
 * Shared by the CSV and JSON readers: turning one record (a lookup of raw
 * values by column name) into a DataRow.
 */
import { coerceValue } from './coerce.js';
import type { DataRow, FieldError, InputDecl, InputValue, Message } from './types.js';

/** Column names that give a row its id, in order of preference. */
export const ID_COLUMNS: readonly string[] = ['id', 'ID', 'Id', 'iD', '编号', '序号'];

/** The column used as the row id: the first of ID_COLUMNS present in `columns`. */
export function pickIdColumn(columns: readonly string[]): string | undefined {
  for (const c of ID_COLUMNS) if (columns.includes(c)) return c;
  return undefined;
}

/** An object with no prototype, so keys such as "__proto__" are plain data. */
export function dict<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** Columns that are neither inputs nor the id column, each once, in order. */
export function unknownColumnsOf(columns: readonly string[], inputs: readonly InputDecl[], idColumn: string | undefined): string[] {
  const inputNames = new Set(inputs.map((i) => i.name));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of columns) {
    if (c === '' || c === idColumn || inputNames.has(c) || seen.has(c)) continue;
    seen.add(c);
    out.push(c);
  }
  return out;
}

/** What a reader knows about one input in one record. */
export type Lookup =
  | { present: true; raw: unknown }
  | { present: false; message: Message };

export interface RowParts {
  row: number;
  line: number;
  /** The raw id cell, if there is an id column. */
  idRaw: unknown;
  inputs: readonly InputDecl[];
  lookup: (name: string) => Lookup;
  extras: Record<string, string>;
  /** Whole-row errors found by the reader ('data-bad-row'); they come first. */
  rowErrors: FieldError[];
}

function idOf(raw: unknown, row: number): string {
  if (raw === undefined || raw === null) return String(row);
  const s = (typeof raw === 'string' ? raw : typeof raw === 'object' ? JSON.stringify(raw) : String(raw)).trim();
  return s === '' ? String(row) : s;
}

export function buildRow(p: RowParts): DataRow {
  const values = dict<InputValue>();
  const errors: FieldError[] = [...p.rowErrors];
  for (const input of p.inputs) {
    const got = p.lookup(input.name);
    if (!got.present) {
      errors.push({ field: input.name, code: 'data-missing-field', message: got.message });
      continue;
    }
    const r = coerceValue(got.raw, input.type, input.name);
    if (r.ok) values[input.name] = r.value;
    else errors.push({ field: input.name, code: r.code, message: r.message });
  }
  return { row: p.row, line: p.line, id: idOf(p.idRaw, p.row), values, errors, extras: p.extras };
}
