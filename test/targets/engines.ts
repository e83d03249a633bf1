// Running the SQL target on real engines for the tests: a table of units loaded into DuckDB or
// PostgreSQL, the generated query run on it, and its result columns read back by unit id.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type pg from 'pg';
import { emitSql, type IrProgram, type UnitValues } from '../../src/index.js';
import { duckdb } from '../../src/targets/sql/duckdb.js';
import { postgres } from '../../src/targets/sql/postgres.js';

export interface Unit {
  readonly id: string;
  readonly values: UnitValues;
}

/** What the SQL gives for one row, in the shape the comparisons need. */
export interface SqlRow {
  readonly total: number | null;
  readonly grade: string | null;
  readonly outcome: string | null;
  readonly adjust: number | null;
  readonly alerts: string | null;
  readonly adjustments: string | null;
  readonly light: string | null;
  readonly lightReason: string | null;
  readonly errorCode: string | null;
  readonly error: string | null;
  readonly points: (number | null)[];
  readonly applicable: (boolean | null)[];
  readonly alertFired: (boolean | null)[];
}

function columnType(p: IrProgram, k: number, dialect: 'postgres' | 'duckdb'): string {
  const t = p.inputs[k]!.type.kind;
  if (t === 'bool') return 'BOOLEAN';
  if (t === 'enum') return dialect === 'postgres' ? 'TEXT' : 'VARCHAR';
  return dialect === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE';
}

function createTable(p: IrProgram, dialect: 'postgres' | 'duckdb', table: string): string {
  const d = dialect === 'postgres' ? postgres : duckdb;
  const cols = [`${d.ident('id')} ${dialect === 'postgres' ? 'TEXT' : 'VARCHAR'}`, ...p.inputs.map((inp, k) => `${d.ident(inp.name)} ${columnType(p, k, dialect)}`)];
  return `CREATE TABLE ${d.ident(table)} (${cols.join(', ')})`;
}

/**
 * Result columns in emit order: total, grade, outcome, adjust, alerts, adjustments, light,
 * light_reason, error_code, error, points/applicable per indicator, alerts.
 */
function toSqlRow(p: IrProgram, cells: readonly unknown[]): SqlRow {
  const r = cells.slice(1 + p.inputs.length);
  const num = (v: unknown): number | null => (v === null ? null : Number(v));
  const n = p.indicators.length;
  const first = 10;
  return {
    total: num(r[0]),
    grade: r[1] as string | null,
    outcome: r[2] as string | null,
    adjust: num(r[3]),
    alerts: r[4] as string | null,
    adjustments: r[5] as string | null,
    light: r[6] as string | null,
    lightReason: r[7] as string | null,
    errorCode: r[8] as string | null,
    error: r[9] as string | null,
    points: Array.from({ length: n }, (_, i) => num(r[first + 2 * i])),
    applicable: Array.from({ length: n }, (_, i) => r[first + 1 + 2 * i] as boolean | null),
    alertFired: p.alerts.map((_, k) => r[first + 2 * n + k] as boolean | null),
  };
}

export class Duck {
  private constructor(readonly conn: DuckDBConnection) {}
  static async open(): Promise<Duck> {
    const db = await DuckDBInstance.create(':memory:');
    return new Duck(await db.connect());
  }

  async score(p: IrProgram, units: readonly Unit[], table = 'units'): Promise<Map<string, SqlRow>> {
    await this.conn.run(`DROP TABLE IF EXISTS ${duckdb.ident(table)}`);
    await this.conn.run(createTable(p, 'duckdb', table));
    const app = await this.conn.createAppender(table);
    for (const u of units) {
      app.appendVarchar(u.id);
      p.inputs.forEach((inp) => {
        const v = u.values[inp.name];
        if (v === undefined) app.appendNull();
        else if (typeof v === 'boolean') app.appendBoolean(v);
        else if (typeof v === 'string') app.appendVarchar(v);
        else app.appendDouble(v);
      });
      app.endRow();
    }
    app.closeSync();
    const res = await this.conn.runAndReadAll(emitSql(p, { dialect: 'duckdb', table }));
    const out = new Map<string, SqlRow>();
    for (const cells of res.getRowsJS()) out.set(String(cells[0]), toSqlRow(p, cells as unknown[]));
    return out;
  }
}

export async function pgScore(client: pg.Client, p: IrProgram, units: readonly Unit[], table = 'units'): Promise<Map<string, SqlRow>> {
  await client.query(`DROP TABLE IF EXISTS ${postgres.ident(table)}`);
  await client.query(createTable(p, 'postgres', table));
  const width = 1 + p.inputs.length;
  // parameters, never spliced values; batches stay under the 65535-parameter limit
  const perBatch = Math.max(1, Math.floor(60000 / width));
  for (let start = 0; start < units.length; start += perBatch) {
    const batch = units.slice(start, start + perBatch);
    const params: unknown[] = [];
    const tuples = batch.map((u) => {
      const cells = [u.id, ...p.inputs.map((inp) => u.values[inp.name] ?? null)];
      return `(${cells.map((c) => (params.push(c), `$${params.length}`)).join(', ')})`;
    });
    await client.query(`INSERT INTO ${postgres.ident(table)} VALUES ${tuples.join(', ')}`, params);
  }
  const res = await client.query({ text: emitSql(p, { dialect: 'postgres', table }), rowMode: 'array' });
  const out = new Map<string, SqlRow>();
  for (const cells of res.rows as unknown[][]) out.set(String(cells[0]), toSqlRow(p, cells));
  return out;
}
