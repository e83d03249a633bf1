// Reading CSV text that arrives in chunks, so a million-row file is scored in flat memory.
// Text is cut into blocks at record boundaries (a newline outside quotes); a block without a
// quote takes the fast path (split on commas), any other goes through the careful reader, which
// gives exactly the rows readCsv would.
import { CsvRowBuilder, EMPTY_CSV, isBlankRecord, splitCsvRecords, type CsvRecord } from './csv.js';
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
  private rowCount = 0;
  private started = false;

  constructor(
    private readonly inputs: readonly InputDecl[],
    /** Block size in characters (small in tests, to exercise the cutting). */
    private readonly blockSize = BLOCK,
  ) {}

  /** Adds text; returns the rows completed by it. */
  push(chunk: string): DataRow[] {
    if (!this.started) {
      chunk = chunk.replace(/^\uFEFF/, '');
      this.started = true;
    }
    this.buffer += chunk;
    if (this.buffer.length < this.blockSize) return [];
    const cut = safeCut(this.buffer, this.buffer.length >= Math.max(MAX_BLOCK, this.blockSize * 32));
    if (cut < 0) return [];
    const block = this.buffer.slice(0, cut + 1);
    this.buffer = this.buffer.slice(cut + 1);
    return this.block(block);
  }

  /** Ends the input; returns the last rows. */
  end(): DataRow[] {
    const rest = this.buffer;
    this.buffer = '';
    return rest.length > 0 ? this.block(rest) : [];
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

  private block(raw: string): DataRow[] {
    // blocks end at '\n', so a CRLF is never split; lone CRs end lines too, as in readCsv
    const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    const records = text.includes('"') ? this.careful(text) : this.fast(text);
    this.lineBase += countLines(text);
    const rows: DataRow[] = [];
    for (const rec of records) {
      if (!this.builder) {
        this.builder = new CsvRowBuilder(rec, this.inputs);
        continue;
      }
      rows.push(this.builder.row(rec, ++this.rowCount));
    }
    return rows;
  }

  private fast(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let line = this.lineBase;
    let start = 0;
    while (start < text.length) {
      let nl = text.indexOf('\n', start);
      if (nl < 0) nl = text.length;
      line++;
      const raw = text.slice(start, nl);
      start = nl + 1;
      if (raw.trim() === '') continue;
      const rec: CsvRecord = { cells: raw.split(','), line };
      if (!isBlankRecord(rec)) out.push(rec);
    }
    return out;
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
