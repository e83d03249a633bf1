// `jixiao compile`: each target from the command line, files written where asked, and clear
// refusals (exit 2 for usage, 1 for a ruleset with errors).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE, jixiao } from './cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-compile-'));

describe('jixiao compile', () => {
  it('--target esm -o writes the module and its declarations beside it', async () => {
    const r = await jixiao('compile', FIXTURE, '--target', 'esm', '-o', join(dir, 'score.js'));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(readFileSync(join(dir, 'score.js'), 'utf8')).toContain('export function evaluate(unit, options)');
    expect(readFileSync(join(dir, 'score.d.ts'), 'utf8')).toContain('export declare function evaluate(unit: Unit');
  });

  it('--target ir prints the IR, which compiles again like the source', async () => {
    const ir = await jixiao('compile', FIXTURE, '--target', 'ir');
    expect(JSON.parse(ir.out)).toMatchObject({ version: 1, name: '示例', total: 100 });
    writeFileSync(join(dir, 'ir.json'), ir.out);
    const fromIr = await jixiao('compile', join(dir, 'ir.json'), '--target', 'sql', '--dialect', 'duckdb');
    const fromSource = await jixiao('compile', FIXTURE, '--target', 'sql', '--dialect', 'duckdb');
    expect(fromIr.out).toBe(fromSource.out);
  });

  it('--target schema prints the input schema', async () => {
    const r = await jixiao('compile', FIXTURE, '--target', 'schema');
    expect(JSON.parse(r.out).$defs.unit.required).toContain('满意度');
  });

  it('--target sql takes --dialect, PostgreSQL by default', async () => {
    expect((await jixiao('compile', FIXTURE, '--target', 'sql')).out).toContain('compile --target sql, postgres');
    expect((await jixiao('compile', FIXTURE, '--target', 'sql', '--dialect', 'duckdb')).out).toContain('unnest(jx_grade.jx_row)');
    const bad = await jixiao('compile', FIXTURE, '--target', 'sql', '--dialect', 'oracle');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--dialect must be postgres or duckdb, got "oracle"');
  });

  it('--target table takes --format md|csv|xlsx; XLSX needs a file', async () => {
    expect((await jixiao('compile', FIXTURE, '--target', 'table')).out).toContain('| 合计 |  | 100 |  |');
    expect((await jixiao('compile', FIXTURE, '--target', 'table', '--format', 'csv')).out).toContain('\r\n合计,,100,\r\n');
    const noFile = await jixiao('compile', FIXTURE, '--target', 'table', '--format', 'xlsx');
    expect(noFile.code).toBe(2);
    const xlsx = join(dir, 't.xlsx');
    expect((await jixiao('compile', FIXTURE, '--target', 'table', '--format', 'xlsx', '-o', xlsx)).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a missing or unknown target', async () => {
    for (const args of [[FIXTURE], [FIXTURE, '--target', 'wasm']]) {
      const r = await jixiao('compile', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--target must be one of esm, ir, schema, sql, table');
    }
  });

  it('prints the errors of a ruleset that does not check, and writes nothing', async () => {
    const bad = join(dir, 'bad.jx');
    writeFileSync(bad, 'ruleset 坏 {\n  indicator a weight 10 { score 未知 }\n}\n');
    const out = join(dir, 'bad.mjs');
    const r = await jixiao('compile', bad, '--target', 'esm', '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: error name-unknown`, 'm'));
    expect(existsSync(out)).toBe(false);
  });
});
