/**
 * Unit data (CSV / JSON) → typed input values. Pure; no I/O.
 */
import { readCsv } from './csv.js';
import { readJson } from './json.js';
import type { DataTable, InputDecl } from './types.js';
import { MAX_DATA_CHARS, MAX_UNITS } from '../limits.js';

export type * from './types.js';
export { coerceValue, parseDecimal, toHalfWidth } from './coerce.js';
export { readCsv, splitCsvRecords, type CsvRecord } from './csv.js';
export { readJson, locateJsonError, type JsonSyntaxError } from './json.js';
export { decodeBytes, type TextEncodingName } from './encoding.js';
export { ID_COLUMNS } from './row.js';

export type DataFormat = 'csv' | 'json';

/** Reads a whole data text; past MAX_DATA_CHARS or MAX_UNITS it is refused with a file error (stream a CSV instead). */
export function readData(text: string, format: DataFormat, inputs: readonly InputDecl[]): DataTable {
  if (text.length > MAX_DATA_CHARS) return refused({ zh: `数据超过 ${MAX_DATA_CHARS / 1024 / 1024} MB 的上限`, en: `the data is larger than the limit of ${MAX_DATA_CHARS / 1024 / 1024} MB` });
  const table = format === 'json' ? readJson(text, inputs) : readCsv(text, inputs);
  if (table.rows.length <= MAX_UNITS) return table;
  return refused({ zh: `数据有 ${table.rows.length} 行，超过一次 ${MAX_UNITS} 行的上限`, en: `the data has ${table.rows.length} rows, more than the limit of ${MAX_UNITS} at once` });
}

function refused(what: { zh: string; en: string }): DataTable {
  const message = { zh: `${what.zh}，未读取；CSV 文件可用 jixiao eval 逐块读取，不受此限`, en: `${what.en}; it was not read. jixiao eval streams a CSV file of any size` };
  return { rows: [], columns: [], unknownColumns: [], fileErrors: [{ line: 1, message }] };
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
