// Scoring a table of units: every row in gives a row out, in order; a bad row carries an error
// naming its row and fields, and every other row is still scored.
import type { DataRow, DataTable, InputDecl } from '../data/types.js';
import type { IrProgram } from '../ir/ir.js';
import { errorResult, type Evaluator, type UnitResult } from './evaluator.js';

export interface RowResult {
  readonly row: number;
  readonly line: number;
  readonly id: string;
  readonly extras: Readonly<Record<string, string>>;
  readonly result: UnitResult;
}

/** The inputs of a program as the data reader wants them. */
export function dataInputs(program: IrProgram): InputDecl[] {
  return program.inputs.map((i) => ({ name: i.name, type: i.type }));
}

export function evaluateRow(evaluator: Evaluator, row: DataRow, explain: boolean): RowResult {
  const base = { row: row.row, line: row.line, id: row.id, extras: row.extras };
  if (row.errors.length > 0) {
    const first = row.errors[0]!;
    const where = `第 ${row.row} 行（文件第 ${row.line} 行）`;
    const whereEn = `row ${row.row} (line ${row.line})`;
    return {
      ...base,
      result: errorResult({
        code: first.code,
        message: `${where}：${row.errors.map((e) => e.message.zh).join('；')}`,
        en: `${whereEn}: ${row.errors.map((e) => e.message.en).join('; ')}`,
        ...(first.field ? { field: row.errors.map((e) => e.field).filter(Boolean).join(',') } : {}),
      }),
    };
  }
  return { ...base, result: evaluator.evaluate(row.values, { explain }) };
}

export function evaluateTable(evaluator: Evaluator, table: DataTable, explain = true): RowResult[] {
  return table.rows.map((row) => evaluateRow(evaluator, row, explain));
}
