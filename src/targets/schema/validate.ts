// Checking JSON unit data against a ruleset's input schema (ajv), with messages that name the
// row and the field, and folding those findings into a table the data reader produced.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { DataErrorCode, DataTable, FieldError } from '../../data/types.js';
import type { IrProgram, ValueType } from '../../ir/ir.js';
import { newAjv } from '../ir/read.js';
import { describeType, manualMaxima, unitSchema } from './emit.js';

/** One field of one unit that the schema rejects. `row` is 1-based, like the data reader's. */
export interface UnitProblem extends FieldError {
  readonly row: number;
}

const compiled = new WeakMap<IrProgram, ValidateFunction>();

function validatorFor(p: IrProgram): ValidateFunction {
  let v = compiled.get(p);
  if (!v) {
    v = newAjv().compile(unitSchema(p));
    compiled.set(p, v);
  }
  return v;
}

const CODE: Record<ValueType['kind'], DataErrorCode> = {
  number: 'data-bad-number',
  money: 'data-bad-number',
  score: 'data-bad-number',
  percent: 'data-bad-percent',
  count: 'data-bad-count',
  bool: 'data-bad-bool',
  enum: 'data-bad-enum',
};

function shown(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** The field an error is about: the property a `required` names, else the first step of the path. */
function fieldOf(e: ErrorObject): string | undefined {
  if (e.keyword === 'required') return String(e.params['missingProperty']);
  const first = e.instancePath.split('/')[1];
  return first === undefined ? undefined : first.replace(/~1/g, '/').replace(/~0/g, '~');
}

function problem(p: IrProgram, row: number, unit: Record<string, unknown>, field: string, max: Map<number, number>): UnitProblem {
  const k = p.inputs.findIndex((i) => i.name === field);
  const type = p.inputs[k]!.type;
  const has = Object.prototype.hasOwnProperty.call(unit, field);
  const v = has ? unit[field] : undefined;
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    const zh = !has ? `缺少字段“${field}”` : v === null ? `字段“${field}”为 null（视为缺失）` : `字段“${field}”为空`;
    const en = !has ? `missing field "${field}"` : v === null ? `field "${field}" is null (treated as missing)` : `field "${field}" is empty`;
    return { row, field, code: 'data-missing-field', message: { zh, en } };
  }
  const want = describeType(type, max.get(k));
  return {
    row,
    field,
    code: CODE[type.kind],
    message: { zh: `字段“${field}”的值“${shown(v)}”不符合要求：应为${want.zh}`, en: `field "${field}": "${shown(v)}" is not ${want.en}` },
  };
}

/** Checks every element of a JSON data array against the ruleset's unit schema, in input order. */
export function validateUnits(p: IrProgram, data: readonly unknown[]): UnitProblem[] {
  const validate = validatorFor(p);
  const max = manualMaxima(p);
  const order = new Map(p.inputs.map((i, k) => [i.name, k]));
  const out: UnitProblem[] = [];
  data.forEach((el, k) => {
    // a non-object element is the reader's to report (data-bad-row)
    if (typeof el !== 'object' || el === null || Array.isArray(el) || validate(el)) return;
    const fields = new Set((validate.errors ?? []).map(fieldOf).filter((f): f is string => f !== undefined && order.has(f)));
    const sorted = [...fields].sort((a, b) => order.get(a)! - order.get(b)!);
    for (const f of sorted) out.push(problem(p, k + 1, el as Record<string, unknown>, f, max));
  });
  return out;
}

/**
 * Applies the input schema to the JSON text a table was read from: a row the schema rejects
 * carries the schema's findings (first) instead of the reader's for the same fields. Rows out ==
 * rows in; text that is not a JSON array leaves the table as the reader left it.
 */
export function applyInputSchema(p: IrProgram, text: string, table: DataTable): DataTable {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return table;
  }
  if (!Array.isArray(data)) return table;
  const byRow = new Map<number, UnitProblem[]>();
  for (const pr of validateUnits(p, data)) byRow.set(pr.row, [...(byRow.get(pr.row) ?? []), pr]);
  if (byRow.size === 0) return table;
  const rows = table.rows.map((row) => {
    const found = byRow.get(row.line);
    if (!found) return row;
    const fields = new Set(found.map((f) => f.field));
    const errors: FieldError[] = [...found.map(({ field, code, message }) => ({ field, code, message })), ...row.errors.filter((e) => !fields.has(e.field))];
    return { ...row, errors };
  });
  return { ...table, rows };
}
