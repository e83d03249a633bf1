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
