// Section 4: the batch units scored inside DuckDB by the SQL target (emitSql, DuckDB dialect):
// the CSV loaded into a table once, then the generated query materialized into a table of
// results. Checked against Jixiao's totals and grades on the first rows before timing.
import * as api from '../../src/index.js';
import type { IrProgram } from '../../src/index.js';
import { jixiaoEvaluator } from '../engines/jixiao.js';
import { timeRuns } from '../lib/measure.js';
import type { Spec } from '../workload/spec.js';
import { SEED, makeUnits } from '../workload/units.js';

export interface SqlTiming {
  readonly rows: number;
  readonly threads: number;
  readonly loadMs: number;
  readonly medianMs: number;
  readonly runs: number;
  readonly rowsPerSec: number;
  readonly checked: number;
}

const CHECKED = 10_000;

function columnType(program: IrProgram, name: string): string {
  const t = program.inputs.find((i) => i.name === name)!.type.kind;
  return t === 'bool' ? 'BOOLEAN' : t === 'enum' ? 'VARCHAR' : 'DOUBLE';
}

/** Null when there is no SQL target or no DuckDB: the report then says so. */
export async function sqlScore(spec: Spec, csv: string, rows: number, runs: number, threads: readonly number[]): Promise<SqlTiming[] | null> {
  const emitSql = (api as unknown as Record<string, unknown>)['emitSql'] as ((p: IrProgram, o: { dialect: 'duckdb'; table: string }) => string) | undefined;
  if (typeof emitSql !== 'function') return null;
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const ev = jixiaoEvaluator(spec);
  const program = ev.program;
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const columns = [`'id': 'VARCHAR'`, ...program.inputs.map((i) => `'${i.name}': '${columnType(program, i.name)}'`)].join(', ');
  const load = await timeRuns('duckdb load', () => conn.run(`CREATE OR REPLACE TABLE units AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header = true, columns = {${columns}})`), 1, 0);
  const query = emitSql(program, { dialect: 'duckdb', table: 'units' });

  // the same first rows, scored by Jixiao (the CSV's first chunk was generated from SEED)
  await conn.run(`CREATE OR REPLACE TABLE scored AS ${query}`);
  const got = (await conn.runAndReadAll(`SELECT id, total, grade FROM scored WHERE CAST(substr(id, 2) AS INTEGER) <= ${CHECKED}`)).getRowsJS();
  const byId = new Map(got.map((r) => [String(r[0]), [Number(r[1]), String(r[2])] as const]));
  makeUnits(spec, Math.min(CHECKED, rows), SEED).forEach((u, k) => {
    const total = ev.scoreFast(u);
    const grade = program.grades[ev.lastGradeIndex()]!.name;
    const sql = byId.get(`U${k + 1}`);
    if (!sql || sql[0] !== total || sql[1] !== grade) throw new Error(`DuckDB disagrees with Jixiao on U${k + 1}: ${JSON.stringify(sql)} vs ${total} ${grade}`);
  });

  const out: SqlTiming[] = [];
  for (const n of threads) {
    await conn.run(`SET threads = ${n}`);
    const t = await timeRuns(`duckdb ${n} threads`, () => conn.run(`CREATE OR REPLACE TABLE scored AS ${query}`), runs, 1);
    out.push({ rows, threads: n, loadMs: load.medianMs, medianMs: t.medianMs, runs: t.runs, rowsPerSec: rows / (t.medianMs / 1000), checked: Math.min(CHECKED, rows) });
  }
  conn.closeSync();
  return out;
}
