// What the compiler emits for one seed ruleset, pinned as golden files: a change in any target's
// output shows up as a diff to review. UPDATE_GOLDEN=1 rewrites them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, emitEsm, emitInputSchema, emitIr, emitSql, emitTable, IR_SCHEMA } from '../../src/index.js';

// a shipped ruleset, and the fixture with the rule kinds of real 评分标准
const SEEDS = [
  ['rulesets/shuozhou/项目支出.jx', 'test/targets/golden/shuozhou-项目支出'],
  ['test/targets/fixtures/扩展.jx', 'test/targets/golden/扩展'],
] as const;

/** Compares with the golden file, or writes it under UPDATE_GOLDEN=1. */
export function golden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, actual);
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`${path} did not exist and was written: review it, then run again`);
    return;
  }
  expect(actual, `${path} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8').replace(/\r\n/g, '\n'));
}

describe.each(SEEDS)('golden output for %s', (SEED, DIR) => {
  const r = compile(readFileSync(SEED, 'utf8'));
  it('compiles', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.en)).toEqual([]);
  });
  const p = r.program!;
  const esm = emitEsm(p);
  const outputs: Record<string, () => string> = {
    'ir.json': () => emitIr(p),
    'module.js': () => esm.js,
    'module.d.ts': () => esm.dts,
    'units.schema.json': () => `${JSON.stringify(emitInputSchema(p), null, 2)}\n`,
    'postgres.sql': () => emitSql(p, { dialect: 'postgres' }),
    'duckdb.sql': () => emitSql(p, { dialect: 'duckdb' }),
    'table.md': () => emitTable(p, 'md'),
    'table.csv': () => emitTable(p, 'csv').replace(/\r\n/g, '\n'),
  };
  for (const [name, make] of Object.entries(outputs)) {
    it(name, () => golden(join(DIR, name), make()));
  }
});

describe('the published IR schema', () => {
  it('is schema/ir-v1.schema.json', () => golden('schema/ir-v1.schema.json', `${JSON.stringify(IR_SCHEMA, null, 2)}\n`));
});
