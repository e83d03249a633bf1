// The shipped rulesets (rulesets/**/*.jx): each compiles without errors or warnings, each file's own
// `test` blocks pass, there are at least 15 of them, and every sample data file scores without a row
// error. Seed figures that need more than one row (totals over a sample) are checked here too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, dataInputs, Evaluator, evaluateTable, readData, runTests, type RowResult } from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');
const rulesetsDir = join(root, 'rulesets');

function findJx(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return findJx(p);
      return name.endsWith('.jx') ? [p] : [];
    });
}

const files = findJx(rulesetsDir);
const rel = (p: string): string => relative(root, p);

function evaluatorFor(path: string): Evaluator {
  const r = compile(readFileSync(path, 'utf8'));
  if (!r.ok || !r.program) throw new Error(`${rel(path)} does not compile`);
  return new Evaluator(r.program);
}

function evalSample(rulesetPath: string, dataPath: string): RowResult[] {
  const evaluator = evaluatorFor(rulesetPath);
  const table = readData(readFileSync(dataPath, 'utf8'), 'csv', dataInputs(evaluator.program));
  expect(table.fileErrors).toEqual([]);
  return evaluateTable(evaluator, table, true);
}

describe('shipped rulesets', () => {
  it('finds the rulesets of the five districts and the public tables', () => {
    expect(files.map(rel).sort()).toEqual(
      [
        'rulesets/jinan/运行监控.jx',
        'rulesets/public/四川项目支出.jx',
        'rulesets/public/大通关.jx',
        'rulesets/public/廊坊自评.jx',
        'rulesets/public/池州自评.jx',
        'rulesets/public/达州部门整体.jx',
        'rulesets/xinzhou/部门资金使用.jx',
        'rulesets/kunming/事前评估.jx',
        'rulesets/kunming/审减率.jx',
        'rulesets/kunming/目标审核.jx',
        'rulesets/kunming/项目支出.jx',
        'rulesets/quwo/部门整体.jx',
        'rulesets/shuozhou/等级.jx',
        'rulesets/shuozhou/项目支出.jx',
      ].sort(),
    );
  });

  describe.each(files.map((f) => [rel(f), f] as const))('%s', (_name, path) => {
    it('compiles with no error and no warning', () => {
      const r = compile(readFileSync(path, 'utf8'));
      const shown = r.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.severity} ${d.code} ${d.message.zh}`);
      expect(shown).toEqual([]);
      expect(r.ok).toBe(true);
    });

    it('passes its own test blocks', () => {
      const outcomes = runTests(evaluatorFor(path));
      expect(outcomes.length).toBeGreaterThan(0);
      const failed = outcomes
        .filter((t) => !t.pass)
        .flatMap((t) => t.expects.filter((e) => !e.pass).map((e) => `${t.name} — ${e.text}: ${e.actual}`));
      expect(failed).toEqual([]);
    });

    it('says in a leading comment which seed it reproduces', () => {
      const head = readFileSync(path, 'utf8').split('\n').slice(0, 8).join('\n');
      expect(head).toMatch(/^\/\/ /);
      expect(head).toMatch(/seeds\/00[0-4]_[0-9a-f]+\.txt|domain\.md §3/);
    });
  });

  it('has at least 15 test blocks in all', () => {
    const total = files.reduce((n, f) => n + evaluatorFor(f).program.tests.length, 0);
    expect(total).toBeGreaterThanOrEqual(15);
  });
});

describe('sample data', () => {
  const samples: [string, string][] = [
    ['quwo/部门整体.jx', 'quwo/sample.csv'],
    ['shuozhou/等级.jx', 'shuozhou/reports.csv'],
    ['shuozhou/项目支出.jx', 'shuozhou/项目支出.csv'],
    ['kunming/项目支出.jx', 'kunming/项目支出.csv'],
    ['kunming/事前评估.jx', 'kunming/事前评估.csv'],
    ['kunming/目标审核.jx', 'kunming/目标审核.csv'],
    ['kunming/审减率.jx', 'kunming/审减率.csv'],
  ];

  it.each(samples)('%s scores every row of %s', (jx, csv) => {
    const rows = evalSample(join(rulesetsDir, jx), join(rulesetsDir, csv));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.result.error).map((r) => `${r.id}: ${r.result.error?.message}`)).toEqual([]);
  });

  it('朔州: all 72 computed grades equal the seed’s 评价等级 column (21 优, 51 良)', () => {
    const rows = evalSample(join(rulesetsDir, 'shuozhou/等级.jx'), join(rulesetsDir, 'shuozhou/reports.csv'));
    expect(rows).toHaveLength(72);
    expect(rows.filter((r) => r.result.grade !== r.extras['评价等级']).map((r) => r.id)).toEqual([]);
    expect(rows.filter((r) => r.result.grade === '优')).toHaveLength(21);
    expect(rows.filter((r) => r.result.grade === '良')).toHaveLength(51);
  });

  it('曲沃: the seed unit scores 15.4 + 42 + 16 + 9.5 = 82.9 → 中', () => {
    const [seed] = evalSample(join(rulesetsDir, 'quwo/部门整体.jx'), join(rulesetsDir, 'quwo/sample.csv'));
    const r = seed!.result;
    expect(seed!.extras['单位名称']).toContain('曲沃经济技术开发区管理委员会');
    expect([r.indicators['履职效能']!.points, r.indicators['管理效率']!.points, r.indicators['社会效应']!.points, r.indicators['可持续性']!.points]).toEqual([15.4, 42, 16, 9.5]);
    expect(r.total).toBe(82.9);
    expect(r.grade).toBe('中');
  });

  it('朔州: 政府采购执行率 1,256,730.00 / 3,852,135.04 = 32.62% read from "3,852,135.04"', () => {
    const rows = evalSample(join(rulesetsDir, 'shuozhou/项目支出.jx'), join(rulesetsDir, 'shuozhou/项目支出.csv'));
    const r = rows.find((x) => x.id === 'SZ-01')!.result;
    // 5 × 1256730 / 3852135.04 = 1.63121228…; results carry six decimals
    expect(r.indicators['过程/资金管理/政府采购执行率']!.points).toBeCloseTo(5 * 0.3262, 3);
    expect(r.indicators['过程/资金管理/政府采购执行率']!.points).toBe(1.631212);
    expect(r.total).toBe(96.63);
    expect(r.alerts.map((a) => a.name)).toEqual(['政府采购执行率偏低']);
    expect(rows.find((x) => x.id === 'SZ-12')!.result.total).toBe(90.73);
  });

  it('昆明 事前评估: 6 projects, 申报 5,291.39 万元, 核减 1,468 万元, 总投资 36,055 万元, 2 优 3 良 1 中, mean 87', () => {
    const evaluator = evaluatorFor(join(rulesetsDir, 'kunming/事前评估.jx'));
    const table = readData(readFileSync(join(rulesetsDir, 'kunming/事前评估.csv'), 'utf8'), 'csv', dataInputs(evaluator.program));
    const rows = evaluateTable(evaluator, table, false);
    expect(rows).toHaveLength(6);
    const sum = (f: (i: number) => number): number => Math.round(table.rows.reduce((s, _, i) => s + f(i), 0) * 100) / 100;
    const v = (i: number, k: string): number => table.rows[i]!.values[k] as number;
    expect(sum((i) => v(i, '申报金额'))).toBe(5291.39);
    expect(sum((i) => v(i, '申报金额') - v(i, '评估核定金额'))).toBe(1468);
    expect(sum((i) => Number(table.rows[i]!.extras['项目总投资']!.replace(/,/g, '')))).toBe(36055);
    const grades: Record<string, number> = {};
    for (const r of rows) grades[r.result.grade!] = (grades[r.result.grade!] ?? 0) + 1;
    expect(grades).toEqual({ 优: 2, 良: 3, 中: 1 });
    expect(rows.reduce((s, r) => s + r.result.total!, 0) / rows.length).toBeCloseTo(87, 9);
  });

  it('昆明 审减率: 2.03%, 24% and 21.71% (22%) reproduced from the seed amounts', () => {
    const rows = evalSample(join(rulesetsDir, 'kunming/审减率.jx'), join(rulesetsDir, 'kunming/审减率.csv'));
    const byId = new Map(rows.map((r) => [r.id, r.result]));
    // 预算审减 = 60 − 审减率 (in percentage points, kept to 0.01%)
    expect(byId.get('KM-JB')!.indicators['预算审减']!.points).toBe(60 - 2.03);
    expect(byId.get('KM-XM')!.indicators['预算审减']!.points).toBe(60 - 24);
    expect(byId.get('KM-HJ')!.indicators['预算审减']!.points).toBe(60 - 21.71);
    // the seed's 66,787.21 − 65,430.35 is 1,356.86, not the 1,356.89 it prints
    expect(byId.get('KM-JB')!.alerts.map((a) => a.name)).toContain('审减金额不符');
    expect(byId.get('KM-XM')!.alerts.map((a) => a.name)).not.toContain('审减金额不符');
  });

  it('昆明 项目支出: outcomes carry the seed’s 结果应用', () => {
    const rows = evalSample(join(rulesetsDir, 'kunming/项目支出.jx'), join(rulesetsDir, 'kunming/项目支出.csv'));
    const outcome = (grade: string) => rows.find((r) => r.result.grade === grade)?.result.outcome;
    expect(outcome('良')).toEqual({ text: '督促改进', adjust: null });
    expect(outcome('中')).toEqual({ text: '扣减不高于10%的预算资金额度', adjust: -0.1 });
    expect(outcome('差')).toEqual({ text: '取消资金安排', adjust: -1 });
  });
});
