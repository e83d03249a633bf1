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

/** Builds the values object of a row with every input as an own property in declared order, so V8 keeps one shape for all rows. */
export type ValuesFactory = (slots: readonly InputValue[]) => Record<string, InputValue>;

/**
 * A factory for the inputs' values objects. A null-prototype object filled key by key is a hash
 * table to V8, and a scorer reading 100 inputs from one takes about 3.5× the time it takes on an
 * object of one shape; so a row with every input gets a shaped object (its own properties are
 * all there is to read; the prototype is never reached).
 */
export function valuesFactory(inputs: readonly InputDecl[]): ValuesFactory {
  // JSON string literals are JS string literals; a computed key defines an own property even for "__proto__"
  const fields = inputs.map((inp, k) => `[${JSON.stringify(inp.name)}]: s[${k}]`).join(', ');
  return new Function('s', `return { ${fields} };`) as ValuesFactory;
}

const factories = new WeakMap<readonly InputDecl[], ValuesFactory>();

function shapedValues(inputs: readonly InputDecl[], slots: readonly InputValue[]): Record<string, InputValue> {
  let make = factories.get(inputs);
  if (!make) factories.set(inputs, (make = valuesFactory(inputs)));
  return make(slots);
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
  const slots: InputValue[] = [];
  const names: string[] = [];
  const errors: FieldError[] = [...p.rowErrors];
  for (const input of p.inputs) {
    const got = p.lookup(input.name);
    if (!got.present) {
      errors.push({ field: input.name, code: 'data-missing-field', message: got.message });
      continue;
    }
    const r = coerceValue(got.raw, input.type, input.name);
    if (r.ok) {
      slots.push(r.value);
      names.push(input.name);
    } else errors.push({ field: input.name, code: r.code, message: r.message });
  }
  return { row: p.row, line: p.line, id: idOf(p.idRaw, p.row), values: valuesOf(p.inputs, names, slots), errors, extras: p.extras };
}

/** Every input present: one shape for all rows; else (a row that is not scored) a plain dictionary of those that are. */
function valuesOf(inputs: readonly InputDecl[], names: readonly string[], slots: readonly InputValue[]): Record<string, InputValue> {
  if (slots.length === inputs.length) return shapedValues(inputs, slots);
  const values = dict<InputValue>();
  names.forEach((name, k) => (values[name] = slots[k]!));
  return values;
}
