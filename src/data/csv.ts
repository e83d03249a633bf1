/**
 * Reading unit data from CSV text (already decoded; see encoding.ts).
 * Pure; no I/O.
 */
import { parse } from 'csv-parse/sync';
import { buildRow, dict, pickIdColumn, unknownColumnsOf, type Lookup } from './row.js';
import type { DataRow, DataTable, FieldError, FileError, InputDecl, Message } from './types.js';

/** One CSV record as split from the text. */
export interface CsvRecord {
  cells: string[];
  /** 1-based line where the record starts. */
  line: number;
  /** Set when the record could not be read as well-formed CSV and was salvaged from its first line. */
  problem?: Message;
}

/** Strict RFC 4180 reading (irregular quotes are errors, so one bad quote cannot silently merge rows). */
const STRICT = {
  relax_column_count: true,
  skip_empty_lines: true,
  record_delimiter: '\n',
} as const;

/** Lenient reading, used on one line at a time when strict reading fails. */
const LENIENT = { ...STRICT, relax_quotes: true } as const;

/** Strip a leading BOM and turn CRLF / CR line ends into LF. */
export function normaliseCsvText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Parse text strictly; returns the records read before any error, and the error. */
function parsePrefix(text: string, lineBase: number): { records: CsvRecord[]; lastLine: number; error?: unknown } {
  const records: CsvRecord[] = [];
  let lastLine = 0;
  try {
    parse(text, {
      ...STRICT,
      on_record: (cells: string[], ctx) => {
        // ctx.lines is the line where the record ends; newlines inside it live in quoted cells.
        const inner = cells.reduce((n, c) => n + countNewlines(c), 0);
        records.push({ cells, line: lineBase + ctx.lines - inner });
        lastLine = ctx.lines;
        return null;
      },
    });
    return { records, lastLine };
  } catch (error) {
    return { records, lastLine, error };
  }
}

function parseOneLine(line: string): string[] | undefined {
  try {
    const recs = parse(line, LENIENT);
    return recs.length === 1 ? recs[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Read one line on its own. A line that reads as a single record with lenient
 * quoting (e.g. `5" 管道`, a literal quote inside a field) is fine; otherwise
 * (an unclosed quote) the cells are salvaged and the line gets a problem.
 */
export function salvageLine(line: string, lineNo: number): { cells: string[]; problem?: Message } {
  const cells = parseOneLine(line);
  if (cells) return { cells };
  const problem: Message = {
    zh: `文件第 ${lineNo} 行的引号没有闭合，已只按这一行读取`,
    en: `the quote opened on line ${lineNo} is never closed; read this line on its own`,
  };
  const closed = parseOneLine(line + '"');
  if (closed) return { cells: closed, problem };
  return { cells: line.split(',').map((c) => c.replace(/^\s*"|"\s*$/g, '')), problem };
}

/**
 * Split CSV text into records (blank lines skipped), never throwing and never
 * losing a line: when strict reading stops on a malformed record, the first
 * line of that record is read on its own (see salvageLine), and strict reading
 * resumes on the next line.
 */
export function splitCsvRecords(text: string, linesBefore = 0): CsvRecord[] {
  const src = normaliseCsvText(text);
  const out: CsvRecord[] = [];
  let pos = 0; // offset in src of the text still to read
  let lineBase = linesBefore; // lines of the file before pos (a streamed block starts mid-file)
  for (;;) {
    const rest = src.slice(pos);
    const { records, lastLine, error } = parsePrefix(rest, lineBase);
    for (const r of records) out.push(r); // not push(...records): a spread of 100k+ records overflows the stack
    if (error === undefined) return out;
    // skip the lines of the good records, then blank lines
    let p = 0;
    let lineIdx = 0;
    for (; lineIdx < lastLine; lineIdx++) {
      const nl = rest.indexOf('\n', p);
      if (nl === -1) return out;
      p = nl + 1;
    }
    for (;;) {
      if (p >= rest.length) return out;
      const nl = rest.indexOf('\n', p);
      const end = nl === -1 ? rest.length : nl;
      const line = rest.slice(p, end);
      const next = nl === -1 ? rest.length : nl + 1;
      if (line.trim() !== '') {
        const lineNo = lineBase + lineIdx + 1;
        const { cells, problem } = salvageLine(line, lineNo);
        out.push(problem ? { cells, line: lineNo, problem } : { cells, line: lineNo });
        pos += next;
        lineBase += lineIdx + 1;
        break;
      }
      p = next;
      lineIdx++;
    }
  }
}

function isBlank(r: CsvRecord): boolean {
  return r.problem === undefined && r.cells.every((c) => c.trim() === '');
}

function cleanHeaderCell(c: string): string {
  return c.replace(/^\uFEFF/, '').trim();
}

const columnKey = (j: number): string => `第${j + 1}列`;

export interface Header {
  columns: string[];
  /** Column name → index of its first occurrence (empty names excluded). */
  firstIndex: Map<string, number>;
  idColumn: string | undefined;
  idIndex: number | undefined;
  errors: FileError[];
}

function readHeader(head: CsvRecord): Header {
  const errors: FileError[] = [];
  if (head.problem) {
    errors.push({ line: head.line, message: { zh: `表头：${head.problem.zh}`, en: `header: ${head.problem.en}` } });
  }
  const columns = head.cells.map(cleanHeaderCell);
  if (columns.some((c) => /[\u0000\uFFFD]/.test(c))) {
    // NULs are UTF-16 read byte by byte; U+FFFD is a byte sequence neither UTF-8 nor GBK
    errors.push({
      line: head.line,
      message: {
        zh: '表头中有无法识别的字符：文件不是 UTF-8 或 GBK 编码（可能是 UTF-16 的“Unicode 文本”）；请在 Excel 中另存为“CSV UTF-8”',
        en: 'the header has characters that cannot be read: the file is neither UTF-8 nor GBK (perhaps UTF-16 "Unicode text"); save it from Excel as "CSV UTF-8"',
      },
    });
  }
  const firstIndex = new Map<string, number>();
  columns.forEach((c, j) => {
    if (c === '') return;
    const first = firstIndex.get(c);
    if (first === undefined) {
      firstIndex.set(c, j);
      return;
    }
    errors.push({
      line: head.line,
      message: {
        zh: `表头中“${c}”出现了不止一次；只使用第 ${first + 1} 列，第 ${j + 1} 列放入附加列“${columnKey(j)}”`,
        en: `column "${c}" appears more than once in the header; only column ${first + 1} is used, column ${j + 1} is kept as extra "${columnKey(j)}"`,
      },
    });
  });
  const idColumn = pickIdColumn(columns);
  const idIndex = idColumn === undefined ? undefined : firstIndex.get(idColumn);
  return { columns, firstIndex, idColumn, idIndex, errors };
}

/**
 * Cells that are not inputs and not the id: under their column name, or under
 * `第N列` when the column is unnamed, a repeated name, or beyond the header
 * (then only when non-blank).
 */
function extrasOf(cells: readonly string[], h: Header, inputNames: ReadonlySet<string>): Record<string, string> {
  const extras = dict<string>();
  cells.forEach((cell, j) => {
    const name = h.columns[j];
    const isFirst = name !== undefined && name !== '' && h.firstIndex.get(name) === j;
    if (isFirst && (inputNames.has(name) || j === h.idIndex)) return;
    if (isFirst) extras[name] = cell;
    else if (cell.trim() !== '') extras[columnKey(j)] = cell;
  });
  return extras;
}

function rowErrorsOf(rec: CsvRecord, row: number, width: number): FieldError[] {
  const errors: FieldError[] = [];
  if (rec.problem) {
    errors.push({
      field: '',
      code: 'data-bad-row',
      message: { zh: `第 ${row} 行：${rec.problem.zh}`, en: `row ${row}: ${rec.problem.en}` },
    });
  }
  if (rec.cells.slice(width).some((c) => c.trim() !== '')) {
    errors.push({
      field: '',
      code: 'data-bad-row',
      message: {
        zh: `第 ${row} 行（文件第 ${rec.line} 行）有 ${rec.cells.length} 个单元格，多于表头的 ${width} 列；多出的内容放入附加列`,
        en: `row ${row} (line ${rec.line}) has ${rec.cells.length} cells, more than the ${width} header columns; the extra cells are kept as extras`,
      },
    });
  }
  return errors;
}

function lookupIn(cells: readonly string[], h: Header, name: string): Lookup {
  const j = h.firstIndex.get(name);
  if (j === undefined) {
    return {
      present: false,
      message: { zh: `缺少字段“${name}”：表头中没有这一列`, en: `missing field "${name}": no such column in the header` },
    };
  }
  if (j >= cells.length) {
    return {
      present: false,
      message: {
        zh: `缺少字段“${name}”：该行只有 ${cells.length} 个单元格`,
        en: `missing field "${name}": the row has only ${cells.length} cells`,
      },
    };
  }
  return { present: true, raw: cells[j] };
}

/** Turns records into rows once the header is known; shared by the whole-text and streaming readers. */
export class CsvRowBuilder {
  readonly header: Header;
  private readonly inputNames: ReadonlySet<string>;
  constructor(
    head: CsvRecord,
    readonly inputs: readonly InputDecl[],
  ) {
    this.header = readHeader(head);
    this.inputNames = new Set(inputs.map((i) => i.name));
  }

  /** The row numbered `row` (1-based, header not counted). */
  row(rec: CsvRecord, row: number): DataRow {
    const h = this.header;
    return buildRow({
      row,
      line: rec.line,
      idRaw: h.idIndex === undefined ? undefined : rec.cells[h.idIndex],
      inputs: this.inputs,
      lookup: (name) => lookupIn(rec.cells, h, name),
      extras: extrasOf(rec.cells, h, this.inputNames),
      rowErrors: rowErrorsOf(rec, row, h.columns.length),
    });
  }

  unknownColumns(): string[] {
    return unknownColumnsOf(this.header.columns, this.inputs, this.header.idColumn);
  }
}

export const EMPTY_CSV: FileError = { line: 1, message: { zh: 'CSV 文件为空（没有表头）', en: 'the CSV file is empty (no header row)' } };

export function isBlankRecord(r: CsvRecord): boolean {
  return isBlank(r);
}

/**
 * Read CSV text (already decoded): the first non-blank record is the header of
 * column names. Never throws; every non-blank record after the header is a row.
 */
export function readCsv(text: string, inputs: readonly InputDecl[]): DataTable {
  const records = splitCsvRecords(text).filter((r) => !isBlank(r));
  const head = records[0];
  if (head === undefined) return { rows: [], columns: [], unknownColumns: [], fileErrors: [EMPTY_CSV] };
  const builder = new CsvRowBuilder(head, inputs);
  const rows: DataRow[] = [];
  for (let k = 1; k < records.length; k++) rows.push(builder.row(records[k]!, k));
  return { rows, columns: builder.header.columns, unknownColumns: builder.unknownColumns(), fileErrors: builder.header.errors };
}
