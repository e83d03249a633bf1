/**
 * Unit data (CSV / JSON) → typed input values. Pure; no I/O.
 */
import { readCsv } from './csv.js';
import { readJson } from './json.js';
import type { DataTable, InputDecl } from './types.js';

export type * from './types.js';
export { coerceValue, parseDecimal, toHalfWidth } from './coerce.js';
export { readCsv, splitCsvRecords, type CsvRecord } from './csv.js';
export { readJson, locateJsonError, type JsonSyntaxError } from './json.js';
export { decodeBytes, type TextEncodingName } from './encoding.js';
export { ID_COLUMNS } from './row.js';

export type DataFormat = 'csv' | 'json';

export function readData(text: string, format: DataFormat, inputs: readonly InputDecl[]): DataTable {
  return format === 'json' ? readJson(text, inputs) : readCsv(text, inputs);
}

/**
 * By extension (.csv / .json, any case); otherwise JSON when the first
 * non-space character (after a BOM) is `[` or `{`, else CSV.
 */
export function detectFormat(fileName: string, text: string): DataFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}
