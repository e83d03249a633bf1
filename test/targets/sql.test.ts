// The SQL dialects' escaping contract, checked on the real engines: every hostile string comes back
// from `SELECT <literal>` and from a quoted column name exactly, every double bit for bit.
import { describe, expect, it } from 'vitest';
import { compile, emitSql, SqlEmitError } from '../../src/index.js';
import { duckdb } from '../../src/targets/sql/duckdb.js';
import { postgres } from '../../src/targets/sql/postgres.js';
import { describePostgres } from '../helpers/postgres.js';
import { Duck } from './engines.js';
import { HOSTILE } from './hostile.js';

const STRINGS = [...HOSTILE, '', "'", "''", '\\', "\\'", '"', 'é中文\u{1F600}', '\t\r\n', '$$', '$tag$ x $tag$', '/* */', "E'\\n'"];
const NUMBERS = [0, -0, 1, -1, 0.1, 0.30000000000000004, 1e-9, 5e-324, 1.7976931348623157e308, -2.5e-7, 123456789.123456789, 2 ** 53 + 2];

describe('the escaping contract', () => {
  it('refuses NUL, empty identifiers and identifiers PostgreSQL would cut', () => {
    expect(() => duckdb.string('a\u0000')).toThrow(SqlEmitError);
    expect(() => postgres.ident('')).toThrow(SqlEmitError);
    expect(() => postgres.ident('指'.repeat(22))).toThrow(/66 bytes long; this database keeps only 63/);
    expect(postgres.ident('指'.repeat(21))).toBe(`"${'指'.repeat(21)}"`);
    expect(() => duckdb.number(Number.NaN)).toThrow(SqlEmitError);
  });

  it('refuses an expression that would nest past the size of SQL text, rather than hang', () => {
    let e = 'p1';
    for (let k = 0; k < 12; k++) e = `round(${e} * 1.1, 2)`;
    const p = compile(`ruleset t {\n input p1: percent\n let a = ${e}\n indicator x weight 100 { score bands a { >= 50%: full; else: 0 } }\n grades { 优 >= 90; 差 otherwise }\n}`).program!;
    expect(() => emitSql(p, { dialect: 'duckdb' })).toThrow(/nests too deep for SQL text/);
  });
});

describe('DuckDB reads back every literal exactly', () => {
  it('strings, identifiers and doubles', async () => {
    const duck = await Duck.open();
    for (const s of STRINGS) {
      const r = await duck.conn.runAndReadAll(`SELECT ${duckdb.string(s)} AS v`);
      expect(r.getRowsJS()[0]![0], JSON.stringify(s)).toBe(s);
      if (s === '') continue;
      const c = await duck.conn.runAndReadAll(`SELECT 1 AS ${duckdb.ident(s)}`);
      expect(c.columnNames(), JSON.stringify(s)).toEqual([s]);
    }
    const r = await duck.conn.runAndReadAll(`SELECT ${NUMBERS.map((v) => duckdb.number(v)).join(', ')}`);
    expect(r.getRowsJS()[0]).toEqual(NUMBERS.map((v) => (Object.is(v, -0) ? 0 : v)));
  });
});

describePostgres('PostgreSQL reads back every literal exactly', (server) => {
  for (const scs of ['on', 'off']) {
    it(`strings, identifiers and doubles, standard_conforming_strings ${scs}`, async () => {
      const client = server().client;
      await client.query(`SET standard_conforming_strings = ${scs}`);
      for (const s of STRINGS) {
        const r = await client.query({ text: `SELECT ${postgres.string(s)} AS v`, rowMode: 'array' });
        expect(r.rows[0]![0], JSON.stringify(s)).toBe(s);
        if (s === '') continue;
        const c = await client.query(`SELECT 1 AS ${postgres.ident(s)}`);
        expect(c.fields.map((f) => f.name), JSON.stringify(s)).toEqual([s]);
      }
      const r = await client.query({ text: `SELECT ${NUMBERS.map((v) => postgres.number(v)).join(', ')}`, rowMode: 'array' });
      expect(r.rows[0]).toEqual(NUMBERS.map((v) => (Object.is(v, -0) ? 0 : v)));
      await client.query('SET standard_conforming_strings = on');
    });
  }
});
