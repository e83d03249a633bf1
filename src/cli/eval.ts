// `jixiao eval RULESET DATA`: CSV is read and written as a stream, so memory stays flat in the
// number of rows; JSON (an array) is read whole. Every row in gives a row out, in order.
import { closeSync, createReadStream, createWriteStream, existsSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { applyInputSchema, CsvBlockCutter, CsvResultWriter, CsvStreamReader, normaliseBlock, dataInputs, decodeBytes, evaluateRow, Evaluator, readData, type DataRow, type IrProgram, type RowResult } from '../index.js';
import { loadRuleset } from './compile.js';
import { BlockPool } from './eval-blocks.js';
import { readBytes } from './files.js';
import { jsonLine, summaryTable, unitTable } from './output.js';
import { Progress } from './progress.js';

export type Lang = 'zh' | 'en';
export type EvalFormat = 'json' | 'csv' | 'table';

export interface EvalOptions {
  readonly format: EvalFormat;
  /** Threads scoring a CSV file (--format csv); by default one per core, up to 4, for files of 8 MB or more. */
  readonly jobs?: number;
  readonly lang: Lang;
  /** Write results here instead of stdout. */
  readonly output?: string;
}

export interface EvalIo {
  readonly stdout: Writable;
  err(s: string): void;
  /** Show a progress bar (only on a terminal). */
  readonly progress: boolean;
}

/**
 * Bytes read, and characters cut, at a time on the bulk path: blocks stay below V8's large-object
 * size (128 KB), so each block's strings die young in the nursery instead of piling up in the
 * large-object space until a full collection (which made peak memory grow with the file).
 */
const BULK_BLOCK = 48 * 1024;

/** Below this size a CSV file is scored on the main thread alone: starting workers would cost more. */
const PARALLEL_FROM = 8 * 1024 * 1024;
const MAX_JOBS = 4;

/** Buffers output and respects back-pressure, so a fast scorer cannot fill memory. */
class Sink {
  private chunks: string[] = [];
  private size = 0;
  constructor(private readonly stream: Writable) {}
  /** Adds text; true when the caller should flush (awaiting per row would cost more than the row). */
  add(s: string): boolean {
    this.chunks.push(s);
    this.size += s.length;
    return this.size >= 1 << 16;
  }
  async write(s: string): Promise<void> {
    if (this.add(s)) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    await this.bytes(text);
  }
  /** Writes text or bytes now, waiting while the stream's buffer is full. */
  async bytes(b: string | Uint8Array): Promise<void> {
    if (!this.stream.write(b)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
}

/** The first bytes of a file, without reading the rest. */
function head(path: string, size: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(size);
    return buf.subarray(0, readSync(fd, buf, 0, size, 0));
  } finally {
    closeSync(fd);
  }
}

/** The first megabyte decides; decodeBytes tries strict UTF-8 and falls back to GBK. */
function sniffEncoding(path: string): 'utf-8' | 'gbk' {
  const bytes = head(path, 1 << 20);
  // a multi-byte character cut at the end of the sample must not look like GBK
  let end = bytes.length;
  while (end > 0 && end > bytes.length - 4 && (bytes[end - 1]! & 0xc0) === 0x80) end--;
  if (end > 0 && bytes[end - 1]! >= 0xc0) end--;
  return decodeBytes(bytes.length < 1 << 20 ? bytes : bytes.subarray(0, end)).encoding;
}

export async function evalCommand(rulesetPath: string, dataPath: string, options: EvalOptions, io: EvalIo): Promise<number> {
  try {
    for (const path of [rulesetPath, dataPath]) {
      if (statSync(path).isDirectory()) {
        io.err(`jixiao eval: ${path}: 是目录，不是文件 (a directory, not a file)\n`);
        return 2;
      }
    }
  } catch (e) {
    io.err(`jixiao eval: ${(e as Error).message}\n`);
    return 2;
  }
  // a ruleset is source, or an IR document (compile --target ir)
  const program = loadRuleset(rulesetPath, options.lang, io.err);
  if (!program) return 1;
  const evaluator = new Evaluator(program);
  const stdout = options.output ? createWriteStream(options.output) : io.stdout;
  const sink = new Sink(stdout);
  const state = { errors: 0, rows: 0 };
  const explain = options.format !== 'csv';
  const table: RowResult[] = [];
  let extraColumns: string[] | undefined;
  let csv: CsvResultWriter | undefined;

  const warnColumns = (unknown: readonly string[]): void => {
    if (unknown.length === 0) return;
    io.err(
      options.lang === 'zh'
        ? `${dataPath}: warning data-unknown-columns 以下列不是规则集的输入，原样带入输出：${unknown.join('、')}\n`
        : `${dataPath}: warning data-unknown-columns these columns match no input and are carried through: ${unknown.join(', ')}\n`,
    );
  };
  /** Once the header is known: the extra columns, the warning, and the CSV header line. */
  const begin = (columns: readonly string[], unknown: readonly string[]): void => {
    if (extraColumns !== undefined) return;
    extraColumns = columns.filter((c) => unknown.includes(c));
    warnColumns(unknown);
    if (options.format === 'csv') {
      csv = new CsvResultWriter(program, evaluator, extraColumns);
      csv.header();
    }
  };
  const emit = async (rows: readonly DataRow[], columns: readonly string[], unknown: readonly string[]): Promise<void> => {
    begin(columns, unknown);
    if (csv) {
      // bytes straight from the evaluator's buffers; awaiting per row would cost more than the row
      for (const row of rows) if (csv.row(row)) await sink.bytes(csv.take());
      state.rows += rows.length;
      state.errors = csv.errors;
      return;
    }
    for (const row of rows) {
      state.rows++;
      const res = evaluateRow(evaluator, row, explain);
      if (res.result.error) state.errors++;
      if (options.format === 'json') {
        if (sink.add(`${jsonLine(res)}\n`)) await sink.flush();
      } else table.push(res);
    }
  };

  /**
   * The bulk path: each row is scored and written as it is read (the reader reuses one row
   * object), block by block; with jobs > 1, worker threads score the quote-free blocks after
   * the header, and the results are written in file order.
   */
  const csvBulk = async (chunks: AsyncIterable<unknown>, decoder: TextDecoder, jobs: number, progress: Progress | undefined) => {
    const cutter = new CsvBlockCutter(BULK_BLOCK);
    const reader = new CsvStreamReader(dataInputs(program), undefined, true);
    // the block's bytes so far, in pieces of about 64 KB (a buffer grown to the block would be copied as it grows)
    let pieces: Uint8Array[] = [];
    const visit = (row: DataRow): void => {
      if (!csv) begin(reader.columns, reader.unknownColumns);
      if (csv!.row(row)) pieces.push(csv!.take());
    };
    const taken = (): Uint8Array[] => {
      const out = pieces;
      pieces = [];
      if (csv) out.push(csv.take());
      return out;
    };
    const workerScript = new URL('./jixiao-worker.mjs', import.meta.url);
    let pool: BlockPool | undefined;
    let counts = { rows: 0, errors: 0 };
    // results in file order: bytes already made, or a worker's reply to come
    const queue: Promise<readonly Uint8Array[]>[] = [];
    const onBlock = async (raw: string): Promise<void> => {
      const text = normaliseBlock(raw);
      if (!pool && jobs > 1 && reader.header && csv && existsSync(workerScript)) {
        pool = new BlockPool(workerScript, jobs, { program, header: reader.header, extraColumns: extraColumns ?? [] });
      }
      if (pool && !text.includes('"')) {
        const { lineBase, rowCount } = reader.position;
        const rows = reader.skipBlock(text);
        queue.push(
          pool.run(text, lineBase, rowCount).then((r) => {
            if (r.rows !== rows) throw new Error(`a worker read ${r.rows} rows where the block has ${rows}`);
            counts = { rows: counts.rows + r.rows, errors: counts.errors + r.errors };
            return r.bytes;
          }),
        );
      } else {
        reader.readBlock(text, visit);
        if (reader.header) begin(reader.columns, reader.unknownColumns);
        queue.push(Promise.resolve(taken()));
      }
      // a few blocks in flight keep every worker busy; more would only take memory
      while (queue.length > (pool ? 2 * jobs : 0)) for (const b of await queue.shift()!) await sink.bytes(b);
    };
    try {
      for await (const chunk of chunks) {
        const bytes = chunk as Buffer;
        progress?.advance(bytes.length, counts.rows + (csv?.rows ?? 0));
        const block = cutter.push(decoder.decode(bytes, { stream: true }));
        if (block !== undefined) await onBlock(block);
      }
      for (const block of [cutter.push(decoder.decode()), cutter.end()]) if (block !== undefined) await onBlock(block);
      begin(reader.columns, reader.unknownColumns);
      queue.push(Promise.resolve(taken()));
      while (queue.length > 0) for (const b of await queue.shift()!) await sink.bytes(b);
    } finally {
      // a failed block leaves the others' replies unread
      queue.forEach((q) => q.catch(() => undefined));
      await pool?.close();
    }
    return { rows: counts.rows + csv!.rows, errors: counts.errors + csv!.errors, fileErrors: reader.fileErrors };
  };

  const isJson = /\.json$/i.test(dataPath) || (!/\.csv$/i.test(dataPath) && /^\uFEFF?\s*[[{]/.test(new TextDecoder().decode(head(dataPath, 256))));
  let fileErrors: { line: number; message: { zh: string; en: string } }[] = [];
  if (isJson) {
    const { text } = decodeBytes(readBytes(dataPath));
    // the input schema names the row and the field of a bad value, ranges included, before scoring
    const data = applyInputSchema(program, text, readData(text, 'json', dataInputs(program)));
    fileErrors = data.fileErrors;
    await emit(data.rows, data.columns, data.unknownColumns);
  } else {
    const decoder = new TextDecoder(sniffEncoding(dataPath));
    const progress = io.progress ? new Progress(statSync(dataPath).size) : undefined;
    const chunks = createReadStream(dataPath, { highWaterMark: options.format === 'csv' ? BULK_BLOCK : 1 << 20 });
    if (options.format === 'csv') {
      const jobs = options.jobs ?? (statSync(dataPath).size >= PARALLEL_FROM ? Math.min(availableParallelism(), MAX_JOBS) : 1);
      const done = await csvBulk(chunks, decoder, jobs, progress);
      state.rows = done.rows;
      state.errors = done.errors;
      fileErrors = done.fileErrors;
    } else {
      const reader = new CsvStreamReader(dataInputs(program));
      for await (const chunk of chunks) {
        const bytes = chunk as Buffer;
        progress?.advance(bytes.length, state.rows);
        const rows = reader.push(decoder.decode(bytes, { stream: true }));
        if (rows.length > 0) await emit(rows, reader.columns, reader.unknownColumns);
      }
      const last = [...reader.push(decoder.decode()), ...reader.end()];
      await emit(last, reader.columns, reader.unknownColumns);
      fileErrors = reader.fileErrors;
    }
    progress?.stop(state.rows);
  }
  for (const fe of fileErrors) io.err(`${dataPath}:${fe.line}: error data-bad-file ${fe.message[options.lang]}\n`);
  if (options.format === 'table') {
    const label = (extraColumns ?? []).find((c) => /名称|项目|单位|部门/.test(c)) ?? extraColumns?.[0];
    await sink.write(`${table.length === 1 ? unitTable(program, table[0]!) : summaryTable(program, table, label)}\n`);
  }
  if (csv) await sink.bytes(csv.take());
  await sink.flush();
  if (options.output) await new Promise<void>((resolve, reject) => stdout.end((e?: Error | null) => (e ? reject(e) : resolve())));
  if (state.errors > 0) io.err(`${state.errors} 行出错 (${state.errors} rows with errors)\n`);
  return state.errors > 0 || (fileErrors.length > 0 && state.rows === 0) ? 1 : 0;
}

export type { IrProgram };
