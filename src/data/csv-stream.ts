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

/** Cuts text that arrives in chunks into blocks, each ending at a record boundary. */
export class CsvBlockCutter {
  private buffer = '';
  private started = false;

  /** `blockSize`: characters gathered before a cut is tried (small in tests, to exercise the cutting). */
  constructor(private readonly blockSize = BLOCK) {}

  /** Adds text; returns a block when one is complete. */
  push(chunk: string): string | undefined {
    if (!this.started) {
      chunk = chunk.replace(/^\uFEFF/, '');
      this.started = true;
    }
    this.buffer += chunk;
    if (this.buffer.length < this.blockSize) return undefined;
    const cut = safeCut(this.buffer, this.buffer.length >= Math.max(MAX_BLOCK, this.blockSize * 32));
    if (cut < 0) return undefined;
    const block = this.buffer.slice(0, cut + 1);
    this.buffer = this.buffer.slice(cut + 1);
    return block;
  }

  /** Ends the input; returns what is left, if anything. */
  end(): string | undefined {
    const rest = this.buffer;
    this.buffer = '';
    return rest.length > 0 ? rest : undefined;
  }
}

/** Blocks end at '\n', so a CRLF is never split; lone CRs end lines too, as in readCsv. */
export function normaliseBlock(raw: string): string {
  return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
}

export class CsvStreamReader {
  private readonly cutter: CsvBlockCutter;
  /** Lines before the next block. */
  private lineBase = 0;
  private builder: CsvRowBuilder | undefined;
  private head: CsvRecord | undefined;
  private plain: PlainRowReader | undefined;
  private rowCount = 0;

  constructor(
    private readonly inputs: readonly InputDecl[],
    /** Block size in characters (small in tests, to exercise the cutting). */
    blockSize = BLOCK,
    /**
     * Rows read by the plain path are one object, overwritten by the next row: for a caller of
     * `each` that is done with each row when `visit` returns (the bulk scorer). `push` refuses.
     */
    private readonly reuseRows = false,
  ) {
    this.cutter = new CsvBlockCutter(blockSize);
  }

  /**
   * A reader for the blocks after the header, which another reader has read (a worker thread
   * scoring some blocks of a file): `startAt` each block, then `readBlock`.
   */
  static afterHeader(inputs: readonly InputDecl[], header: CsvRecord, reuseRows: boolean): CsvStreamReader {
    const reader = new CsvStreamReader(inputs, BLOCK, reuseRows);
    reader.record(header, () => undefined);
    return reader;
  }

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
    const block = this.cutter.push(chunk);
    if (block !== undefined) this.readBlock(block, visit);
  }

  /** Ends the input; `visit` sees the last rows. */
  endEach(visit: (row: DataRow) => void): void {
    const rest = this.cutter.end();
    if (rest !== undefined) this.readBlock(rest, visit);
  }

  /** One block from a CsvBlockCutter, in file order; `visit` sees its rows. */
  readBlock(raw: string, visit: (row: DataRow) => void): void {
    const text = normaliseBlock(raw);
    if (text.includes('"')) for (const rec of this.careful(text)) this.record(rec, visit);
    else this.lines(text, visit);
    this.lineBase += countLines(text);
  }

  /** The header record, once read. */
  get header(): CsvRecord | undefined {
    return this.head;
  }

  /** Lines and rows before the next block. */
  get position(): { lineBase: number; rowCount: number } {
    return { lineBase: this.lineBase, rowCount: this.rowCount };
  }

  /** The next block starts after `lineBase` lines of the file and `rowCount` rows. */
  startAt(lineBase: number, rowCount: number): void {
    this.lineBase = lineBase;
    this.rowCount = rowCount;
  }

  /**
   * Moves past a normalised quote-free block read by another reader (after the header): its
   * rows are its lines that are not blank records, as `lines` reads them. Returns their number.
   */
  skipBlock(text: string): number {
    let rows = 0;
    let start = 0;
    while (start < text.length) {
      let nl = text.indexOf('\n', start);
      if (nl < 0) nl = text.length;
      if (hasContent(text, start, nl)) rows++;
      start = nl + 1;
    }
    this.lineBase += countLines(text);
    this.rowCount += rows;
    return rows;
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

  /** The header record, or the next row. */
  private record(rec: CsvRecord, visit: (row: DataRow) => void): void {
    if (this.builder) {
      visit(this.builder.row(rec, ++this.rowCount));
      return;
    }
    this.builder = new CsvRowBuilder(rec, this.inputs);
    this.head = rec;
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
      } else if (hasContent(text, start, nl)) {
        // the same test skipBlock counts rows by, so a worker's rows and the main thread's count agree
        this.record({ cells: text.slice(start, nl).split(','), line }, visit);
      }
      start = nl + 1;
    }
  }

  private careful(text: string): CsvRecord[] {
    return splitCsvRecords(text, this.lineBase).filter((r) => !isBlankRecord(r));
  }
}

/** A quote-free line with a cell that is not blank: not a blank record (which readers skip, see isBlankRecord). */
function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 32 || c === 9 || c === 11 || c === 12) continue;
    if (c < 128 || !/\s/.test(text[i]!)) return true;
  }
  return false;
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
