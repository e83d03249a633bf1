// The indicator table (指标体系表): levels, 分值 and 评分标准 (the note, or words generated from the
// rule), as Markdown, CSV and XLSX — the workbook opened back with exceljs and read cell by cell.
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compile, emitTable, emitTableXlsx } from '../../src/index.js';
import { FIXTURE } from './cli-run.js';

const program = compile(readFileSync(FIXTURE, 'utf8')).program!;

const EXPECTED = [
  ['决策（30分）', '制度', 10, '制度健全得满分，否则不得分'],
  ['决策（30分）', '评审', 20, '专家评分（专家评分），0–20 分'],
  ['过程（40分）', '执行', 20, '执行率 ≥ 95%，得满分（20 分）；≥ 90%，得 80%（16 分）；≥ 80%，得 60%（12 分）；其余得 0 分；预算 == 0 时本指标不适用'],
  ['过程（40分）', '合规', 10, '问题数每 1 个扣 2 分，最多扣 10 分，扣完为止'],
  ['过程（40分）', '公开', 10, '(公开 == 按时 ? 100% : 公开 == 逾期 ? 50% : 0%) ≥ 100%，得满分（10 分）；≥ 50%，得 50%（5 分）；其余得 0 分'],
  ['效果（30分）', '满意', 30, '满意度 达到目标值 90% 得满分（30 分），未达到按完成比例计分'],
] as const;

describe('the indicator table', () => {
  it('as CSV: a row per leaf, parents repeated, then 合计', () => {
    const rows = parseCsv(emitTable(program, 'csv'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['一级指标', '二级指标', '分值', '评分标准']);
    expect(rows.slice(1, -1)).toEqual(EXPECTED.map(([a, b, w, c]) => [a, b, String(w), c]));
    expect(rows[rows.length - 1]).toEqual(['合计', '', '100', '']);
  });

  it('as Markdown: a parent named on its first row only, as a merged cell reads', () => {
    const lines = emitTable(program, 'md').split('\n');
    expect(lines[0]).toBe('# 示例项目绩效评价 指标体系表');
    expect(lines[2]).toBe('| 一级指标 | 二级指标 | 分值 | 评分标准 |');
    expect(lines[4]).toBe('| 决策（30分） | 制度 | 10 | 制度健全得满分，否则不得分 |');
    expect(lines[5]).toBe('|  | 评审 | 20 | 专家评分（专家评分），0–20 分 |');
    expect(lines[10]).toBe('| 合计 |  | 100 |  |');
  });

  it('as XLSX: every cell, with parents as merged cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await emitTableXlsx(program)).buffer as ArrayBuffer);
    const ws = wb.getWorksheet('指标体系表')!;
    const cell = (r: number, c: number) => ws.getCell(r, c);
    expect(cell(1, 1).value).toBe('示例项目绩效评价 指标体系表');
    expect([1, 2, 3, 4].map((c) => cell(2, c).value)).toEqual(['一级指标', '二级指标', '分值', '评分标准']);
    EXPECTED.forEach(([parent, leaf, weight, criteria], k) => {
      const r = 3 + k;
      expect([cell(r, 1).value, cell(r, 2).value, cell(r, 3).value, cell(r, 4).value], `row ${r}`).toEqual([parent, leaf, weight, criteria]);
    });
    // 决策 spans rows 3–4, 过程 rows 5–7, 效果 row 8 alone; the title spans the width
    expect(cell(4, 1).isMerged && cell(4, 1).master.address).toBe('A3');
    expect(cell(7, 1).master.address).toBe('A5');
    expect(cell(8, 1).isMerged).toBe(false);
    expect(cell(1, 4).master.address).toBe('A1');
    expect([cell(9, 1).value, cell(9, 3).value]).toEqual(['合计', 100]);
    expect(ws.rowCount).toBe(9);
  });

  it('merges a leaf across the levels below it when it sits higher than the deepest one', async () => {
    const src = readFileSync(FIXTURE, 'utf8').replace(/indicator 效果 weight 30 \{\s*indicator 满意 weight 30 \{ (score ratio 满意度 target 90%) \}\s*\}/, 'indicator 效果 weight 30 { $1 }');
    const p = compile(src).program!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await emitTableXlsx(p)).buffer as ArrayBuffer);
    const ws = wb.getWorksheet('指标体系表')!;
    expect([ws.getCell(8, 1).value, ws.getCell(8, 3).value]).toEqual(['效果', 30]);
    expect(ws.getCell(8, 2).master.address).toBe('A8');
  });
});

describe('the indicator table of the rule kinds of real 评分标准', () => {
  const extended = compile(readFileSync('test/targets/fixtures/扩展.jx', 'utf8')).program!;
  const rows = (): string[][] => parseCsv(emitTable(extended, 'csv'), { bom: true }) as string[][];

  it('words each kind as printed tables do', () => {
    const criteria = Object.fromEntries(rows().slice(1).map((r) => [r[1] || r[0], r[3]]));
    expect(criteria['调整']).toBe('调整率 = 0%，得满分（50 分）；在 (0%, 10%] 内，得 80%（40 分）；在 (10%, 20%] 内，得 60%（30 分）；其余得 0 分');
    expect(criteria['目标']).toBe('类别 为“达成”，得满分（50 分）；为“部分达成”，得 60%（30 分）；其余得 0 分');
    expect(criteria['执行']).toBe('反向指标（线性法）：执行率 不超过目标值 100% 得满分（10 分），超过的按超出目标值的比例扣减，达到目标值 2 倍得 0 分');
    expect(criteria['人员']).toBe('人员控制率 以 100% 为标准，每高于 1% 扣 0.5 分，最多扣 5 分，扣完为止');
    expect(criteria['制度']).toBe('要素法：有制度 60%（6 分）；有台账 40%（4 分），具备的要素得分相加；有制度 为前提要素，不具备的不得分，再减 0.5 分；预算 == 0 时本指标不适用，按满分计');
    expect(criteria['定性']).toBe('定性分级区间（类别）：达成 [16, 20] 分；部分达成 [12, 16) 分；未达成 [0, 12) 分，在所属区间内由专家评分（专家分），得分保留 0 位小数');
    expect(criteria['满意度']).toBe('满意度量表：非常满意 × 1、满意 × 0.8、不满意 × 0.2，满意度 = Σ 人数 × 分值 ÷ 总人数，满意度达到 90% 得满分，未达到按比例计分；非常满意 + 满意 + 不满意 == 0 时本指标不适用，分值转入 过程');
    expect(criteria['待定']).toBe('待定：预留 5 分，尚无下级指标，评分时按不适用处理');
  });

  it('names how a level counts: 相对分值, 可选池', () => {
    expect(rows().slice(1, 3).map((r) => r[0])).toEqual(['决策（20分，相对分值100）', '决策（20分，相对分值100）']);
    expect(rows().find((r) => r[1] === '定性')![0]).toBe('效益（30分，可选池）');
  });

  it('lists the rules after the total and the monitoring below 合计', () => {
    const tail = rows().slice(-5);
    expect(tail.map((r) => [r[0], r[3]])).toEqual([
      ['合计', ''],
      ['扣分', '违规 时扣 5 分，总分不低于 0'],
      ['封顶', '执行率 < 80% 时总分最高 89 分'],
      ['监控', '执行率 / (月份 / 12)：< 60% 红（严重滞后）；< 80% 黄；其余 绿'],
      ['底线', '执行率：6 月起不低于 40%；10 月起不低于 80%，低于底线为红灯（累计执行进度低于底线）'],
    ]);
  });

  it('in XLSX, a rule below 合计 spans the level and 分值 columns', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await emitTableXlsx(extended)).buffer as ArrayBuffer);
    const ws = wb.getWorksheet('指标体系表')!;
    // title, header, 9 leaves, 合计, then 扣分 on row 13
    expect([ws.getCell(12, 1).value, ws.getCell(12, 3).value]).toEqual(['合计', 100]);
    expect([ws.getCell(13, 1).value, ws.getCell(13, 4).value]).toEqual(['扣分', '违规 时扣 5 分，总分不低于 0']);
    expect(ws.getCell(13, 3).master.address).toBe('A13');
    expect(ws.rowCount).toBe(16);
  });

  it('has no 合计 for a monitoring ruleset without indicators', () => {
    const monitor = compile('ruleset 监控 {\n  input 执行率: percent\n  light 执行率 { < 60%: 红; else: 绿 }\n}').program!;
    expect(emitTable(monitor, 'md').split('\n').slice(4, 6)).toEqual(['| 监控 |  | 执行率：&lt; 60% 红；其余 绿 |', '']);
  });
});
