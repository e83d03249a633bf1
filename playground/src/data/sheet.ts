// The sample-unit sheet as plain data (header + rows of cell text) and the edits the table makes
// on it. Pure: every operation returns a new sheet; nothing here touches the page.
import type { InputColumn, Sheet } from '../worker/protocol.js';

export type { Sheet };

export const ID_COLUMN = '编号';
const ID_NAMES = ['id', 'ID', 'Id', '编号', '序号'];

export function idColumnOf(sheet: Sheet): number {
  return sheet.columns.findIndex((c) => ID_NAMES.includes(c));
}

/** Cells as read from a CSV or a spreadsheet: ragged rows padded, blank rows dropped. */
export function sheetFromCells(cells: readonly (readonly string[])[]): Sheet {
  const [head = [], ...body] = cells;
  const columns = head.map((c) => c.trim());
  const width = Math.max(columns.length, ...body.map((r) => r.length));
  while (columns.length < width) columns.push(`第${columns.length + 1}列`);
  const rows = body
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r) => columns.map((_, j) => r[j] ?? ''));
  return { columns, rows };
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with CRLF line ends and a BOM, so Excel in China opens the Chinese text correctly. */
export function sheetToCsv(sheet: Sheet): string {
  const lines = [sheet.columns, ...sheet.rows].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A column for every input (added empty at the end); columns of removed inputs stay, unused. */
export function withInputColumns(sheet: Sheet, inputs: readonly InputColumn[]): Sheet {
  // Called on every check response: a set, as a wide sheet has a thousand columns and inputs.
  const have = new Set(sheet.columns);
  const missing = inputs.map((i) => i.name).filter((n) => !have.has(n));
  if (missing.length === 0) return sheet;
  return { columns: [...sheet.columns, ...missing], rows: sheet.rows.map((r) => [...r, ...missing.map(() => '')]) };
}

function nextId(sheet: Sheet): string {
  const idCol = idColumnOf(sheet);
  if (idCol < 0) return '';
  const used = sheet.rows.map((r) => Number(r[idCol])).filter((n) => Number.isInteger(n));
  return String(used.length > 0 ? Math.max(...used) + 1 : sheet.rows.length + 1);
}

export function addRow(sheet: Sheet): Sheet {
  const idCol = idColumnOf(sheet);
  const id = nextId(sheet);
  return { ...sheet, rows: [...sheet.rows, sheet.columns.map((_, j) => (j === idCol ? id : ''))] };
}

export function duplicateRow(sheet: Sheet, index: number): Sheet {
  const row = sheet.rows[index];
  if (!row) return sheet;
  const idCol = idColumnOf(sheet);
  const copy = row.map((c, j) => (j === idCol ? nextId(sheet) : c));
  return { ...sheet, rows: [...sheet.rows.slice(0, index + 1), copy, ...sheet.rows.slice(index + 1)] };
}

export function deleteRow(sheet: Sheet, index: number): Sheet {
  return { ...sheet, rows: sheet.rows.filter((_, i) => i !== index) };
}

export function setCell(sheet: Sheet, row: number, column: string, text: string): Sheet {
  const j = sheet.columns.indexOf(column);
  if (j < 0 || !sheet.rows[row]) return sheet;
  return { ...sheet, rows: sheet.rows.map((r, i) => (i === row ? r.map((c, k) => (k === j ? text : c)) : r)) };
}

/** Display order: the id column, then the inputs as declared, then any other columns. */
export function displayColumns(sheet: Sheet, inputs: readonly InputColumn[]): { name: string; input: InputColumn | null }[] {
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const present = new Set(sheet.columns);
  const idCol = idColumnOf(sheet);
  const first = idCol >= 0 ? [sheet.columns[idCol]!] : [];
  const others = sheet.columns.filter((c, j) => j !== idCol && !byName.has(c));
  const extras = others.filter((c) => !ID_NAMES.includes(c));
  return [
    ...first.map((name) => ({ name, input: null })),
    ...extras.slice(0, 1).map((name) => ({ name, input: null })),
    ...inputs.filter((i) => present.has(i.name)).map((i) => ({ name: i.name, input: i })),
    ...extras.slice(1).map((name) => ({ name, input: null })),
  ];
}
