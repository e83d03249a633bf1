// 朔州经开区 72 个项目（部门整体）重点绩效评价：rulesets/shuozhou/等级.jx 对 reports.csv 的每一行计算的等级
// 必须等于种子报告的“评价等级”一列（seeds/002_68780f2160a4d069.txt），合计 21 优、51 良。
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, dataInputs, Evaluator, evaluateTable, readData } from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');
const rulesetPath = join(root, 'rulesets', 'shuozhou', '等级.jx');
const reportsPath = join(root, 'rulesets', 'shuozhou', 'reports.csv');

function load() {
  const compiled = compile(readFileSync(rulesetPath, 'utf8'));
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const program = compiled.program!;
  const table = readData(readFileSync(reportsPath, 'utf8'), 'csv', dataInputs(program));
  return { program, table };
}

function count(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

describe('朔州 72 个项目的评价等级', () => {
  it('reports.csv holds the 72 rows of the seed table, in the seed order', () => {
    const { table } = load();
    expect(table.fileErrors).toEqual([]);
    expect(table.rows).toHaveLength(72);
    expect(table.rows.map((r) => r.id)).toEqual(Array.from({ length: 72 }, (_, i) => String(i + 1)));
    // row 72 (86.70 良) is out of score order in the seed and stays where the seed put it
    expect(table.rows[71]!.values['中介机构评分']).toBe(86.7);
    expect(table.rows[70]!.values['中介机构评分']).toBe(80.39);
    expect(table.unknownColumns).toEqual(['项目名称', '评价等级']);
  });

  it('every computed grade equals the seed’s 评价等级 column (library)', () => {
    const { program, table } = load();
    const results = evaluateTable(new Evaluator(program), table, false);
    const mismatches = results
      .filter((r) => r.result.error !== null || r.result.grade !== r.extras['评价等级'])
      .map((r) => `${r.id}: ${r.result.total} → ${r.result.grade ?? r.result.error?.message}, seed ${r.extras['评价等级']}`);
    expect(mismatches).toEqual([]);
    // each total is the intermediary's score itself
    for (const r of results) expect(r.result.total).toBe(table.rows[r.row - 1]!.values['中介机构评分']);
    const grades = results.map((r) => r.result.grade!);
    expect(count(grades)).toEqual({ 优: 21, 良: 51 });
    expect(count(results.map((r) => r.extras['评价等级']!))).toEqual({ 优: 21, 良: 51 });
  });

  // the built CLI (npm test builds it first); skipped when dist/ has not been built
  it.skipIf(!existsSync(join(root, 'dist', 'src', 'cli', 'main.js')))('the real CLI gives the same 72 grades', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin', 'jixiao.js'), 'eval', rulesetPath, reportsPath, '--format', 'json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = out
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { id: string; grade: string | null; total: number | null; extra: Record<string, string> });
    expect(lines).toHaveLength(72);
    expect(lines.filter((l) => l.grade !== l.extra['评价等级']).map((l) => l.id)).toEqual([]);
    expect(count(lines.map((l) => l.grade!))).toEqual({ 优: 21, 良: 51 });
    expect(lines[71]).toMatchObject({ id: '72', total: 86.7, grade: '良' });
  });
});
