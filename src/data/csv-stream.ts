// Reading CSV text that arrives in chunks, so a million-row file is scored in flat memory.
// Text is cut into blocks at record boundaries (a newline outside quotes). In a block without a
// quote each line is first offered to the plain reader (csv-plain.ts), which declines anything
// not plainly written; declined lines, and blocks with quotes, go through the careful reader.
// Either way the rows are exactly those readCsv gives.
import { CsvRowBuilder, EMPTY_CSV, isBlankRecord, splitCsvRecords, type CsvRecord } from './csv.js';
import { PlainRowReader } from './csv-plain.js';
import type { DataRow, FileError, InputDecl } from './types.js';

/** Blocks are cut at about this many characters. */
const BLOCK = 1 << 18;
/** Past this, a block is cut at a newline even inside quotes: an unbalanced quote must not make memory grow with the file. */
const MAX_BLOCK = 1 << 23;

export class CsvStreamReader {
  private buffer = '';
  /** Lines before the buffer starts. */
  private lineBase = 0;
  private builder: CsvRowBuilder | undefined;
  private plain: PlainRowReader | undefined;
  private rowCount = 0;
  private started = false;

  constructor(
    private readonly inputs: readonly InputDecl[],
    /** Block size in characters (small in tests, to exercise the cutting). */
    private readonly blockSize = BLOCK,
    /**
     * Rows read by the plain path are one object, overwritten by the next row: for a caller of
     * `each` that is done with each row when `visit` returns (the bulk scorer). `push` refuses.
     */
    private readonly reuseRows = false,
  ) {}

  /** Adds text; returns the rows completed by it. */
  push(chunk: string): DataRow[] {
    if (this.reuseRows) throw new Error('CsvStreamReader: rows are reused; read them with each()');
    const rows: DataRow[] = [];
    this.each(chunk, (row) => rows.push(row));
    return rows;
  }

  /** Ends the input; returns the last rows. */
  end(): DataRow[] {
    if (this.reuseRows) throw new Error('CsvStreamReader: rows are reused; read them with endEach()');
    const rows: DataRow[] = [];
    this.endEach((row) => rows.push(row));
    return rows;
  }

  /** Adds text; `visit` sees each row it completes, in order. */
  each(chunk: string, visit: (row: DataRow) => void): void {
    if (!this.started) {
      chunk = chunk.replace(/^\uFEFF/, '');
      this.started = true;
    }
    this.buffer += chunk;
    if (this.buffer.length < this.blockSize) return;
    const cut = safeCut(this.buffer, this.buffer.length >= Math.max(MAX_BLOCK, this.blockSize * 32));
    if (cut < 0) return;
    const block = this.buffer.slice(0, cut + 1);
    this.buffer = this.buffer.slice(cut + 1);
    this.block(block, visit);
  }

  /** Ends the input; `visit` sees the last rows. */
  endEach(visit: (row: DataRow) => void): void {
    const rest = this.buffer;
    this.buffer = '';
    if (rest.length > 0) this.block(rest, visit);
  }

  get columns(): string[] {
    return this.builder?.header.columns ?? [];
  }
  get unknownColumns(): string[] {
    return this.builder?.unknownColumns() ?? [];
  }
  get fileErrors(): FileError[] {
    return this.builder ? this.builder.header.errors : [EMPTY_CSV];
  }

  private block(raw: string, visit: (row: DataRow) => void): void {
    // blocks end at '\n', so a CRLF is never split; lone CRs end lines too, as in readCsv
    const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    if (text.includes('"')) for (const rec of this.careful(text)) this.record(rec, visit);
    else this.lines(text, visit);
    this.lineBase += countLines(text);
  }

  /** The header record, or the next row. */
  private record(rec: CsvRecord, visit: (row: DataRow) => void): void {
    if (this.builder) {
      visit(this.builder.row(rec, ++this.rowCount));
      return;
    }
    this.builder = new CsvRowBuilder(rec, this.inputs);
    const plain = new PlainRowReader(this.builder.header, this.inputs, this.reuseRows);
    this.plain = plain.usable ? plain : undefined;
  }

  /** A quote-free block, line by line. */
  private lines(text: string, visit: (row: DataRow) => void): void {
    let line = this.lineBase;
    let start = 0;
    while (start < text.length) {
      let nl = text.indexOf('\n', start);
      if (nl < 0) nl = text.length;
      line++;
      const row = this.plain?.read(text, start, nl, this.rowCount + 1, line);
      if (row) {
        this.rowCount++;
        visit(row);
      } else {
        const raw = text.slice(start, nl);
        const rec: CsvRecord = { cells: raw.split(','), line };
        if (raw.trim() !== '' && !isBlankRecord(rec)) this.record(rec, visit);
      }
      start = nl + 1;
    }
  }

  private careful(text: string): CsvRecord[] {
    return splitCsvRecords(text, this.lineBase).filter((r) => !isBlankRecord(r));
  }
}

/** Lines in a block: its newlines, plus one for a final line without one. */
function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

/** The last newline outside quotes (or, when forced, the last newline at all); -1 if none. */
function safeCut(text: string, force: boolean): number {
  let quotes = 0;
  let last = -1;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) quotes++;
  if (quotes === 0) return text.lastIndexOf('\n');
  // walk back from the end: a newline is outside quotes when the quotes before it are even
  let after = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 34) after++;
    else if (c === 10 && (quotes - after) % 2 === 0) return i;
    else if (c === 10 && last < 0) last = i;
  }
  return force ? last : -1;
}
