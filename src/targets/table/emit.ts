// The indicator table written out: Markdown (a parent named once, on its first row, as a merged
// cell reads), CSV (the parent repeated on every row, so the file filters and sorts), and XLSX
// (parents as real merged cells, through exceljs). Total rules and monitoring follow 合计.
import type { IrProgram } from '../../ir/ir.js';
import { showNumber } from '../../ir/format.js';
import { indicatorLabel, tableModel, type TableModel } from './model.js';

export type TableFormat = 'md' | 'csv';

/** The text of each row's level cells; `repeat` writes a parent on every row it spans. */
function levelCells(p: IrProgram, m: TableModel, repeat: boolean): string[][] {
  return m.rows.map((row, r) =>
    row.levels.map((i, k) => {
      if (i === null) return '';
      const above = m.rows[r - 1]?.levels[k];
      return !repeat && above === i ? '' : indicatorLabel(p.indicators[i]!);
    }),
  );
}

/** Markdown-escaped cell text: table pipes, emphasis and HTML cannot take effect. */
function mdCell(s: string): string {
  return s
    .replace(/[\\`*_[\]|#]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '<br>');
}

function emitMarkdown(p: IrProgram, m: TableModel): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;
  const align = [...m.headers.slice(0, m.depth).map(() => '---'), '---:', '---'];
  const levels = levelCells(p, m, false);
  const body = m.rows.map((row, r) => line([...levels[r]!, showNumber(row.weight), row.criteria]));
  const total = totalCells(m).map(line);
  const notes = noteCells(m).map(line);
  return [`# ${mdCell(m.title)}`, '', line(m.headers), `| ${align.join(' | ')} |`, ...body, ...total, ...notes, ''].join('\n');
}

/** The 合计 row, unless there are no indicators (a monitoring ruleset). */
function totalCells(m: TableModel): string[][] {
  return m.rows.length === 0 ? [] : [['合计', ...new Array(m.depth - 1).fill(''), showNumber(m.total), '']];
}

/** A row below 合计 per total rule and monitoring line: its label in the first level column. */
function noteCells(m: TableModel): string[][] {
  return m.notes.map((n) => [n.label, ...new Array(m.depth - 1).fill(''), '', n.text]);
}

/** RFC 4180: a field with a quote, comma or line break is quoted, its quotes doubled. */
function csvField(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function emitCsv(p: IrProgram, m: TableModel): string {
  const levels = levelCells(p, m, true);
  const lines = [m.headers, ...m.rows.map((row, r) => [...levels[r]!, showNumber(row.weight), row.criteria]), ...totalCells(m), ...noteCells(m)];
  // the byte-order mark tells spreadsheet programs the file is UTF-8
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function emitTable(p: IrProgram, format: TableFormat): string {
  const m = tableModel(p);
  return format === 'md' ? emitMarkdown(p, m) : emitCsv(p, m);
}

/** The table as an XLSX workbook (one sheet, 指标体系表), parents as merged cells. */
export async function emitTableXlsx(p: IrProgram): Promise<Uint8Array> {
  // loaded on demand: only this target needs the spreadsheet library
  const { default: ExcelJS } = await import('exceljs');
  const m = tableModel(p);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标体系表');
  const width = m.headers.length;
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

  ws.addRow([m.title]);
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow([...m.headers]).font = { bold: true };

  const first = 3;
  const levels = levelCells(p, m, true);
  m.rows.forEach((row, r) => ws.addRow([...levels[r]!.map((s) => s || null), row.weight, row.criteria]));
  const totals = m.rows.length === 0 ? 0 : 1;
  if (totals) ws.addRow(['合计', ...new Array(m.depth - 1).fill(null), m.total, null]).font = { bold: true };
  for (const n of m.notes) ws.addRow([n.label, ...new Array(m.depth).fill(null), n.text]);

  // parents span their leaves' rows; a leaf above the deepest level spans the columns below it
  for (let k = 0; k < m.depth; k++) {
    let r = 0;
    while (r < m.rows.length) {
      const i = m.rows[r]!.levels[k];
      let end = r;
      while (end + 1 < m.rows.length && i !== null && m.rows[end + 1]!.levels[k] === i) end++;
      if (end > r) ws.mergeCells(first + r, k + 1, first + end, k + 1);
      r = end + 1;
    }
  }
  m.rows.forEach((row, r) => {
    const leafLevel = row.levels.findIndex((i) => i === row.leaf);
    if (leafLevel < m.depth - 1) ws.mergeCells(first + r, leafLevel + 1, first + r, m.depth);
  });
  // 合计 and each note: the label across the level columns (and a note's across 分值 too)
  if (totals && m.depth > 1) ws.mergeCells(first + m.rows.length, 1, first + m.rows.length, m.depth);
  m.notes.forEach((_, k) => ws.mergeCells(first + m.rows.length + totals + k, 1, first + m.rows.length + totals + k, m.depth + 1));

  for (let r = 2; r < first + m.rows.length + totals + m.notes.length; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.border = border;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: c === m.depth + 1 ? 'center' : 'left' };
    }
  }
  ws.columns.forEach((col, c) => {
    col.width = c < m.depth ? 18 : c === m.depth ? 8 : 60;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
