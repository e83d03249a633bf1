// Hostile names and texts cannot break out of their literals: a ruleset whose every name and text
// is an attack (quotes, backslashes, `${`, `*/`, </script>, U+2028/9, __proto__, SQL) still scores
// exactly as the evaluator in the ES module (in Node and inline in a browser page), through the IR,
// and in the SQL of DuckDB and PostgreSQL, whose tables survive.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitEsm, emitSql, emitTable, Evaluator, SqlEmitError } from '../../src/index.js';
import { describePostgres } from '../helpers/postgres.js';
import { expectJsTargetsAgree, expectSqlAgrees } from './agree.js';
import { Duck, pgScore } from './engines.js';
import { hostileProgram, hostileUnits, n, TEXT } from './hostile.js';

const program = hostileProgram();
const HOSTILE_TABLE = "units'); DROP TABLE x; --";

describe('hostile names in the JS targets', () => {
  it('the module, the interpreter and the IR round trip agree with the evaluator', async () => {
    const results = await expectJsTargetsAgree(program, hostileUnits());
    expect([...results.values()].map((r) => r.total ?? r.error?.code)).toEqual([93, 64, 'eval-division-by-zero', 'eval-manual-out-of-range', 21.43]);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('leaves no user text where it could end a literal, a comment or a <script>', () => {
    const { js, dts } = emitEsm(program);
    for (const text of [js, dts]) {
      expect(text).not.toMatch(/<\/script|<!--|\u2028|\u2029/i);
    }
  });

  it('runs inline in a browser page, whose <script> the names cannot close', async () => {
    if (!existsSync('/usr/bin/chromium')) {
      if (process.env.CI === 'true') throw new Error('Chromium not found at /usr/bin/chromium (Debian package `chromium`)');
      console.warn('skipping the browser check: Chromium not found at /usr/bin/chromium');
      return;
    }
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const unit = hostileUnits()[0]!.values;
      const { js } = emitEsm(program);
      // the unit travels as JSON text, so that __proto__ stays an own property
      await page.setContent(`<!doctype html><meta charset="utf-8"><body><script type="module">${js}
const unit = JSON.parse(document.getElementById('unit').textContent);
document.body.dataset.result = JSON.stringify(evaluate(unit, { explain: false }));
document.body.dataset.pwned = String(globalThis.pwned);
</script><script type="application/json" id="unit">${JSON.stringify(unit).replace(/</g, '\\u003c')}</script></body>`);
      await page.waitForFunction(() => document.body.dataset['result'] !== undefined, undefined, { timeout: 20_000 });
      const got = await page.evaluate(() => ({ result: JSON.parse(document.body.dataset['result']!), pwned: document.body.dataset['pwned'] }));
      expect(got.pwned).toBe('undefined');
      expect(got.result).toEqual(JSON.parse(JSON.stringify(new Evaluator(program).evaluate(unit, { explain: false }))));
      expect(got.result.total).toBe(93);
    } finally {
      await browser.close();
    }
  });

  it('keeps the indicator table intact: Markdown cells escaped, CSV fields read back exactly', () => {
    const md = emitTable(program, 'md');
    expect(md).not.toMatch(/<\/?script/i);
    // every table line has as many cell separators as the header, no more
    const lines = md.split('\n').filter((l) => l.startsWith('|'));
    for (const line of lines) expect(line.replace(/\\\|/g, '').split('|').length, line).toBe(lines[0]!.split('|').length);
    const rows = parseCsv(emitTable(program, 'csv'), { bom: true, relax_column_count: false }) as string[][];
    expect(rows[1]!.slice(0, 2)).toEqual([`${n('n1')}（60分）`, n('n2')]);
    expect(rows[1]![3]).toBe(TEXT);
  });
});

describe('hostile names in SQL', () => {
  it('refuses what SQL cannot carry, saying why', () => {
    const nul = { ...program, inputs: program.inputs.map((i, k) => (k === 0 ? { ...i, name: 'a\u0000b' } : i)) };
    expect(() => emitSql(nul, { dialect: 'duckdb' })).toThrow(SqlEmitError);
    expect(() => emitSql(program, { dialect: 'postgres', table: 'x'.repeat(64) })).toThrow(/64 bytes long; this database keeps only 63/);
    expect(() => emitSql(program, { dialect: 'duckdb', table: 'jx_units' })).toThrow(/reserves/);
  });

  describe('DuckDB', () => {
    let duck: Duck;
    beforeAll(async () => {
      duck = await Duck.open();
      await duck.conn.run('CREATE TABLE x (keep INTEGER)');
    });
    it('scores like the evaluator, and the other table survives', async () => {
      const want = await expectJsTargetsAgree(program, hostileUnits());
      expectSqlAgrees(program, want, await duck.score(program, hostileUnits(), HOSTILE_TABLE), 'DuckDB');
      expect((await duck.conn.runAndReadAll('SELECT count(*) AS n FROM x')).getRowObjectsJS()).toEqual([{ n: 0n }]);
    });
  });
});

describePostgres('hostile names in PostgreSQL', (server) => {
  beforeAll(async () => {
    await server().client.query('CREATE TABLE x (keep INTEGER)');
  });
  afterAll(async () => {
    // standard_conforming_strings off must not change what the escape strings mean
    await server().client.query('SET standard_conforming_strings = on');
  });
  for (const scs of ['on', 'off']) {
    it(`scores like the evaluator with standard_conforming_strings ${scs}, and the other table survives`, async () => {
      const client = server().client;
      await client.query(`SET standard_conforming_strings = ${scs}`);
      const want = await expectJsTargetsAgree(program, hostileUnits());
      expectSqlAgrees(program, want, await pgScore(client, program, hostileUnits(), HOSTILE_TABLE), 'PostgreSQL');
      expect((await client.query('SELECT count(*)::int AS n FROM x')).rows).toEqual([{ n: 0 }]);
    });
  }
});

describe('the hostile fixture', () => {
  it('really is hostile: every name and text came from the list', () => {
    expect(program.inputs.map((i) => i.name)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].map(n));
    expect(program.indicators[1]!.path).toBe(`${n('n1')}/${n('n2')}`);
    expect(readFileSync(new URL(import.meta.url), 'utf8')).toContain('DROP TABLE x');
  });
});
