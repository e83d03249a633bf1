// Results as CSV, the bulk output of `jixiao eval`: one line per data row, written as bytes
// straight from the evaluator's buffers — no result object, no string per number. The column
// order and every cell are an interface (docs/data.md); `csvRow` builds the same line from a
// result object, and the tests hold the two to the same bytes.
import type { DataRow } from '../data/types.js';
import type { IrProgram } from '../ir/ir.js';
import { evaluateRow, type RowResult } from './batch.js';
import type { Evaluator } from './evaluator.js';
import { MAX_NUMBER_BYTES, writeFixed, writePoints } from './digits.js';
import { showPercent } from '../ir/format.js';

/** Monitoring rulesets add the light columns; others keep the columns they always had. */
function monitored(program: IrProgram): boolean {
  return !!(program.lights?.length || program.floors?.length);
}

export function csvHeader(program: IrProgram, extraColumns: readonly string[]): string[] {
  return [
    'id',
    ...extraColumns,
    'total',
    'grade',
    'outcome',
    'adjust',
    'alerts',
    ...(monitored(program) ? ['light', 'light_reason'] : []),
    'error_code',
    'error',
    ...program.indicators.map((i) => i.path),
  ];
}

/** The cells of one row from its result object: the reference for the byte writer. */
export function csvRow(program: IrProgram, extraColumns: readonly string[], r: RowResult): string[] {
  const res = r.result;
  return [
    r.id,
    ...extraColumns.map((c) => r.extras[c] ?? ''),
    res.total === null ? '' : res.total.toFixed(program.round),
    res.grade ?? '',
    res.outcome?.text ?? '',
    res.outcome?.adjust == null ? '' : showPercent(res.outcome.adjust),
    res.alerts.map((a) => a.name).join('；'),
    ...(monitored(program) ? [res.light?.color ?? '', res.light?.reason ?? ''] : []),
    res.error?.code ?? '',
    res.error?.message ?? '',
    ...program.indicators.map((i) => {
      const ind = res.indicators[i.path];
      return !ind ? '' : ind.applicable ? String(ind.points) : 'na';
    }),
  ];
}

/** One RFC 4180 line. */
export function csvLine(cells: readonly string[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += ',';
    out += csvCell(cells[i]!);
  }
  return `${out}\n`;
}

function csvCell(c: string): string {
  return /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
}

/** Bytes gathered before the caller is asked to flush. */
const FLUSH_AT = 1 << 16;

/**
 * Writes result lines into a byte buffer. `row` scores a data row with `Evaluator.scoreInto`
 * and writes its line; rows with data errors, and units the evaluator refuses, take the
 * result-object path (they are rare, and their messages are text anyway).
 */
export class CsvResultWriter {
  private buf: Buffer;
  private pos = 0;
  private readonly monitored: boolean;
  private readonly columns: readonly string[];
  /** Where error_code stands (error follows it). */
  private readonly errorAt: number;
  /** Per grade index (−1 → slot 0): the grade, outcome and adjust cells, each followed by a comma. */
  private readonly gradeCells: Buffer[];
  /** Rows written, and those whose result is an error. */
  rows = 0;
  errors = 0;

  constructor(
    private readonly program: IrProgram,
    private readonly evaluator: Evaluator,
    private readonly extraColumns: readonly string[],
  ) {
    this.buf = Buffer.allocUnsafe(FLUSH_AT * 2);
    this.monitored = monitored(program);
    this.columns = csvHeader(program, extraColumns);
    this.errorAt = this.columns.indexOf('error_code');
    this.gradeCells = [-1, ...program.grades.keys()].map((gi) => {
      const grade = gi >= 0 ? program.grades[gi]!.name : '';
      const outcome = grade ? program.outcomes.find((o) => o.grade === grade) : undefined;
      return Buffer.from(`${csvCell(grade)},${csvCell(outcome?.text ?? '')},${csvCell(outcome?.adjust == null ? '' : showPercent(outcome.adjust))},`);
    });
  }

  /** Writes the header line. */
  header(): void {
    this.text(csvLine(this.columns));
  }

  /** Scores `row` and writes its line; true when the caller should flush (`take`). */
  row(row: DataRow): boolean {
    this.rows++;
    const error = row.errors.length > 0 ? evaluateRow(this.evaluator, row, false).result.error : this.evaluator.scoreInto(row.values);
    if (error) {
      this.errors++;
      // the header's columns, all blank but the id, the extras and the two error cells
      const cells = this.columns.map(() => '');
      cells[0] = row.id;
      this.extraColumns.forEach((c, k) => (cells[1 + k] = row.extras[c] ?? ''));
      cells[this.errorAt] = error.code;
      cells[this.errorAt + 1] = error.message;
      this.text(csvLine(cells));
      return this.pos >= FLUSH_AT;
    }
    this.cell(row.id);
    for (const c of this.extraColumns) this.cell(row.extras[c] ?? '');
    this.scored();
    return this.pos >= FLUSH_AT;
  }

  /** The bytes written since the last take (a fresh buffer continues). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(FLUSH_AT * 2);
    this.pos = 0;
    return out;
  }

  get size(): number {
    return this.pos;
  }

  /** total, grade, outcome, adjust, alerts, [light, light_reason], error_code, error, points. */
  private scored(): void {
    const ev = this.evaluator;
    const p = this.program;
    const total = ev.lastTotal();
    if (Number.isNaN(total)) this.byte(44);
    else {
      if (this.pos + MAX_NUMBER_BYTES > this.buf.length) this.grow(MAX_NUMBER_BYTES);
      this.pos = writeFixed(this.buf, this.pos, total, p.round);
      this.buf[this.pos++] = 44;
    }
    this.bytes(this.gradeCells[ev.lastGradeIndex() + 1]!);
    if (p.alerts.length > 0) {
      const fired: string[] = [];
      for (let k = 0; k < p.alerts.length; k++) if (ev.firedAlert(k)) fired.push(p.alerts[k]!.name);
      this.cell(fired.join('；'));
    } else this.byte(44);
    if (this.monitored) {
      const light = ev.lastLight();
      this.cell(light?.color ?? '');
      this.cell(light?.reason ?? '');
    }
    this.text(',,'); // no error_code, no error
    const n = p.indicators.length;
    for (let i = 0; i < n; i++) {
      if (this.pos + MAX_NUMBER_BYTES > this.buf.length) this.grow(MAX_NUMBER_BYTES);
      if (ev.applicable(i)) this.pos = writePoints(this.buf, this.pos, ev.points(i));
      else this.text('na');
      this.buf[this.pos++] = i === n - 1 ? 10 : 44;
    }
    if (n === 0) this.buf[this.pos - 1] = 10; // the error cell ends the line
  }

  /** A cell and its comma, quoted when it must be. */
  private cell(s: string): void {
    this.text(`${csvCell(s)},`);
  }

  private bytes(b: Buffer): void {
    if (this.pos + b.length > this.buf.length) this.grow(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  private byte(b: number): void {
    if (this.pos >= this.buf.length) this.grow(1);
    this.buf[this.pos++] = b;
  }

  /** Text as UTF-8; ASCII is copied a byte at a time, which beats an encoder call on short strings. */
  private text(s: string): void {
    if (this.pos + s.length * 3 > this.buf.length) this.grow(s.length * 3);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos += buf.write(s, this.pos, 'utf8');
        return;
      }
      buf[pos++] = c;
    }
    this.pos = pos;
  }

  private grow(need: number): void {
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + need + FLUSH_AT));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
}
