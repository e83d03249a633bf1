// The rulesets of the published tables (rulesets/public: T1, T2a, T2b, T3a, T3b of domain.md §3) and of the
// 忻州 and 金安 seeds, through the library API: each compiles clean, its own test blocks pass, its sample
// scores every row, and the headline figures come out — 98 for 廊坊 and the Sichuan example, the 池州 fund-row
// alert, 忻州's 4 优 / 10 良 / 2 中, 金安's 5 红灯 among 38 lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, dataInputs, Evaluator, evaluateTable, readData, runTests, type RowResult, type UnitResult } from '../../src/index.js';

const rulesetsDir = join(import.meta.dirname, '..', '..', 'rulesets');

const RULESETS = [
  { jx: 'public/大通关.jx', csv: 'public/大通关.csv', source: /domain\.md §3 “T1/, rows: 5 },
  { jx: 'public/廊坊自评.jx', csv: 'public/廊坊自评.csv', source: /domain\.md §3 “T2a/, rows: 5 },
  { jx: 'public/池州自评.jx', csv: 'public/池州自评.csv', source: /domain\.md §3 “T2b/, rows: 5 },
  { jx: 'public/达州部门整体.jx', csv: 'public/达州部门整体.csv', source: /domain\.md §3 “T3a/, rows: 5 },
  { jx: 'public/四川项目支出.jx', csv: 'public/四川项目支出.csv', source: /domain\.md §3 “T3b/, rows: 5 },
  { jx: 'xinzhou/部门资金使用.jx', csv: 'xinzhou/部门资金使用.csv', source: /seeds\/000_02d97d6fc0bdfe0a\.txt/, rows: 16 },
  { jx: 'jinan/运行监控.jx', csv: 'jinan/运行监控.csv', source: /seeds\/004_9e2858c970981239\.txt/, rows: 38 },
] as const;

const text = (rel: string): string => readFileSync(join(rulesetsDir, rel), 'utf8');

function evaluatorOf(source: string): Evaluator {
  const r = compile(source);
  if (!r.ok || !r.program) throw new Error(r.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.code}`).join('\n'));
  return new Evaluator(r.program);
}

function sample(jx: string, csv: string): RowResult[] {
  const evaluator = evaluatorOf(text(jx));
  const table = readData(text(csv), 'csv', dataInputs(evaluator.program));
  expect(table.fileErrors).toEqual([]);
  return evaluateTable(evaluator, table, true);
}

function byId(rows: readonly RowResult[]): (id: string) => UnitResult {
  const map = new Map(rows.map((r) => [r.id, r.result]));
  return (id) => {
    const r = map.get(id);
    if (!r) throw new Error(`no row ${id}`);
    return r;
  };
}

const points = (r: UnitResult, path: string): number | 'na' => {
  const ind = r.indicators[path];
  if (!ind) throw new Error(`no indicator ${path}`);
  return ind.applicable ? ind.points : 'na';
};
const alertNames = (r: UnitResult): string[] => r.alerts.map((a) => a.name);

function tally(xs: readonly (string | null | undefined)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[String(x)] = (out[String(x)] ?? 0) + 1;
  return out;
}

describe.each(RULESETS)('$jx', ({ jx, csv, source, rows }) => {
  it('compiles with no error and no warning', () => {
    const r = compile(text(jx));
    expect(r.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.severity} ${d.code} ${d.message.zh}`)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('passes its own test blocks', () => {
    const outcomes = runTests(evaluatorOf(text(jx)));
    expect(outcomes.length).toBeGreaterThanOrEqual(5);
    const failed = outcomes.flatMap((t) => t.expects.filter((e) => !e.pass).map((e) => `${t.name} — ${e.text}: ${e.actual}`));
    expect(failed).toEqual([]);
  });

  it('names its source in the leading comment', () => {
    const head = text(jx).split('\n').slice(0, 8).join('\n');
    expect(head).toMatch(/^\/\/ /);
    expect(head).toMatch(source);
  });

  it(`scores all ${rows} sample rows without a row error`, () => {
    const out = sample(jx, csv);
    expect(out).toHaveLength(rows);
    expect(out.filter((r) => r.result.error).map((r) => `${r.id}: ${r.result.error?.message}`)).toEqual([]);
  });
});

describe('T1 大通关: relative weights', () => {
  const at = byId(sample('public/大通关.jx', 'public/大通关.csv'));

  it('a unit meeting every target scores 50 + 25 + 25 = 100', () => {
    const r = at('DTG-1');
    expect([points(r, '预算绩效'), points(r, '项目产出'), points(r, '项目效果')]).toEqual([50, 25, 25]);
    expect(r.total).toBe(100);
  });

  it('二级 report on their own 100-point scale; 一级 = Σ二级 × 权重/100', () => {
    const r = at('DTG-2');
    expect(points(r, '预算绩效/预算管理')).toBe(70);
    expect(points(r, '预算绩效/财务管理')).toBe(25);
    expect(points(r, '预算绩效')).toBe((70 + 25) * 0.5);
    expect(points(r, '项目产出/产出数量')).toBe(56.25);
    expect(points(r, '项目产出')).toBe((56.25 + 30 + 10) * 0.25);
    expect(points(r, '项目效果')).toBe((45 + 50) * 0.25);
    expect(r.total).toBe(95.31);
  });
});

describe('T2a 廊坊 自评表', () => {
  it('the 2019 form: 执行率 86% → 9 of 10, 数量指标 37.24/43.2 → 9, the rest 10 each, total 98 (优)', () => {
    const r = byId(sample('public/廊坊自评.jx', 'public/廊坊自评.csv'))('LF-2019');
    expect(points(r, '预算执行率')).toBe(9);
    expect(points(r, '产出指标/数量指标/工程资金金额')).toBe(9);
    const tens = ['工程完工率', '工程验收合格率', '项目完成及时率', '成本控制率', '安全率', '学校发展能力', '长期使用性', '学生满意度'];
    const leafPoints = Object.entries(r.indicators)
      .filter(([path]) => tens.includes(path.split('/').pop()!))
      .map(([, ind]) => ind.points);
    expect(leafPoints).toEqual(Array(8).fill(10));
    expect(r.total).toBe(98);
    expect(r.grade).toBe('优');
    expect(alertNames(r)).not.toContain('资金行不一致');
  });

  it('whole-point rounding is half-up: 36.72/43.2 = 85% → 8.5 → 9', () => {
    const r = byId(sample('public/廊坊自评.jx', 'public/廊坊自评.csv'))('LF-C');
    expect(points(r, '预算执行率')).toBe(9);
    expect(points(r, '产出指标/数量指标/工程资金金额')).toBe(8);
  });
});

describe('T2b 池州 自评表: inconsistent fund rows', () => {
  const at = byId(sample('public/池州自评.jx', 'public/池州自评.csv'));

  it('the published 0/0/0 total row against the 90/89.974 sub-row fires 资金行不一致 and scores 执行率 0', () => {
    const r = at('CZ-2022');
    expect(alertNames(r)).toContain('资金行不一致');
    expect(points(r, '预算执行率')).toBe(0);
    expect(points(r, '产出指标')).toBe(50);
    expect(points(r, '效益指标')).toBe(30);
  });

  it('the same project with its total row filled in does not', () => {
    const r = at('CZ-2022F');
    expect(alertNames(r)).toEqual([]);
    expect(points(r, '预算执行率')).toBe(10);
    expect(r.total).toBe(100);
  });
});

describe('T3a 达州 部门整体: placeholder 履职成效 20', () => {
  const source = text('public/达州部门整体.jx');

  it('the example 部门特性指标 (16 points) are rescaled to the 20 of the placeholder', () => {
    const r = byId(sample('public/达州部门整体.jx', 'public/达州部门整体.csv'))('DZ-4');
    const leaves = ['粮食播种面积完成率', '高标准农田建设完成率', '农产品质量安全抽检合格率'].map((n) => points(r, `部门绩效情况/履职成效/${n}`) as number);
    expect(points(r, '部门绩效情况/履职成效')).toBeCloseTo((leaves.reduce((a, b) => a + b, 0) / 16) * 20, 9);
  });

  it('with the example leaves removed, the table as published: a placeholder-empty warning, 履职成效 not applicable, total over 80', () => {
    const start = source.indexOf('      // —— 部门特性指标（示例）开始 ——');
    const end = source.indexOf('      // —— 部门特性指标（示例）结束 ——');
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    // the leaves go, and with them the test expectations that name them
    const template = (source.slice(0, start) + source.slice(end))
      .split('\n')
      .filter((line) => !/期望 (粮食播种面积完成率|高标准农田建设完成率|农产品质量安全抽检合格率) /.test(line))
      .join('\n');
    const r = compile(template);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning placeholder-empty']);
    const evaluator = new Evaluator(r.program!);
    const outcomes = runTests(evaluator);
    const full = outcomes.find((t) => t.name === '各项满分')!.result;
    expect(points(full, '部门绩效情况/履职成效')).toBe('na');
    // 25 + 30 + 25 points of 80 applicable → 100
    expect(full.total).toBe(100);
    const noNonTax = outcomes.find((t) => t.name === '无非税收入的部门该项不适用')!.result;
    // 25 + 25 + 25 of 78 applicable
    expect(noNonTax.total).toBe(Math.round((75 / 78) * 10000) / 100);
  });
});

describe('T3b 四川 项目支出: the optional pool of 40', () => {
  const at = byId(sample('public/四川项目支出.jx', 'public/四川项目支出.csv'));

  it('the example score sheet totals 98 with the pool at 40', () => {
    const r = at('SC-EX');
    expect(points(r, '特性指标/项目效益/可选项')).toBe(40);
    expect(points(r, '共性指标')).toBe(29);
    expect(points(r, '特性指标/项目绩效')).toBe(19);
    expect(r.total).toBe(98);
  });

  it('a project that chose no optional indicator leaves the pool out of the denominator', () => {
    const r = at('SC-D');
    expect(points(r, '特性指标/项目效益/可选项')).toBe('na');
    const applicable = 100 - 40;
    const got = Object.entries(r.indicators)
      .filter(([p]) => !p.includes('/'))
      .reduce((s, [, ind]) => s + ind.points, 0);
    expect(r.total).toBe(Math.round((got / applicable) * 100 * 100) / 100);
  });
});

describe('忻州 部门资金使用: 16 departments', () => {
  const rows = sample('xinzhou/部门资金使用.jx', 'xinzhou/部门资金使用.csv');

  it('grades 4 优, 10 良, 2 中 — the seed’s 2 : 5 : 1 of its 8 evaluated projects, doubled', () => {
    expect(tally(rows.map((r) => r.result.grade))).toEqual({ 优: 4, 良: 10, 中: 2 });
  });

  it('scores on the four aspects of the seed, 25 points each', () => {
    const paths = Object.keys(rows[0]!.result.indicators);
    expect(paths).toEqual(['预算完成率', '预算调整率', '支付进度率', '政府采购执行率']);
    expect(rows.every((r) => Object.values(r.result.indicators).every((i) => i.weight === 25))).toBe(true);
  });

  it('a department without 政府采购 is rescaled; one at exactly 60.00 is 中', () => {
    const at = byId(rows);
    expect(points(at('XZ-09'), '政府采购执行率')).toBe('na');
    expect(at('XZ-09').total).toBe(100);
    const r = at('XZ-15');
    expect(r.total).toBe(60);
    expect(r.grade).toBe('中');
    expect(alertNames(r)).toEqual(['预算调整过大']);
  });
});

describe('金安 运行监控: 1–8月 red lights', () => {
  const rows = sample('jinan/运行监控.jx', 'jinan/运行监控.csv');
  const color = (r: UnitResult): string | undefined => r.light?.color;

  it('38 project lines for month 8, 5 of them 红灯 (5/38 = 13.2%, the seed’s 149/1128)', () => {
    expect(rows).toHaveLength(38);
    const lights = rows.map((r) => color(r.result));
    expect(tally(lights)).toEqual({ 红: 5, 绿: 28, 蓝: 5 });
    expect(rows.filter((r) => color(r.result) === '红').map((r) => r.id)).toEqual(['JA-01', 'JA-08', 'JA-11', 'JA-14', 'JA-18']);
    expect(Math.round((5 / 38) * 1000)).toBe(Math.round((149 / 1128) * 1000));
  });

  it('at month 8 the 60% floor, not the light, decides most red lines', () => {
    const at = byId(rows);
    expect(at('JA-08').light).toEqual({ color: '红', reason: expect.stringContaining('1–8月 执行率 28.5% 低于底线 60%') });
    // 59.96% is below the floor although its 执行进度 (89.9%) is in the green band
    expect(at('JA-18').light?.color).toBe('红');
    // exactly 60% is not below it
    expect(at('JA-27').light?.color).toBe('绿');
    expect(alertNames(at('JA-33'))).toEqual(['超预算执行']);
    expect(at('JA-33').light?.color).toBe('蓝');
    expect(rows.every((r) => r.result.total === null && r.result.grade === null)).toBe(true);
  });

  it('the lights of the ruleset’s own test units, at band ends and floor steps', () => {
    const outcomes = runTests(evaluatorOf(text('jinan/运行监控.jx')));
    const lights = Object.fromEntries(outcomes.map((t) => [t.name, t.result.error ? `error ${t.result.error.code}` : color(t.result)]));
    expect(lights).toEqual({
      '8月执行50%低于底线': '红',
      '8月执行60%恰在底线': '绿',
      '8月执行30%严重滞后': '红',
      '8月执行进度80%仍低于底线': '红',
      '8月执行进度120%为蓝': '蓝',
      '4月执行25%为黄': '黄',
      '4月执行24.9%低于底线': '红',
      '3月无底线执行15%为黄': '黄',
      '3月执行14%为红': '红',
      '7月沿用6月底线': '红',
      '12月沿用10月底线': '红',
      // at month 12 the 执行进度 is the 执行率 itself: 105% is green
      '超预算执行': '绿',
      '预算数为零是数据错误': 'error eval-division-by-zero',
    });
  });

  it('the 红灯预警 alert fires exactly where the light is red (sample and test units)', () => {
    const outcomes = runTests(evaluatorOf(text('jinan/运行监控.jx')));
    const units = [...rows.map((r) => r.result), ...outcomes.map((t) => t.result)].filter((r) => !r.error);
    expect(units.length).toBe(38 + 12);
    const disagree = units.filter((r) => alertNames(r).includes('红灯预警') !== (color(r) === '红'));
    expect(disagree).toEqual([]);
  });
});
