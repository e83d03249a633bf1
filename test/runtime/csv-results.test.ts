// The bulk CSV writer against the reference: for every row, the bytes CsvResultWriter writes from
// the evaluator's buffers are the line csvRow builds from the row's result object.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, CsvResultWriter, CsvStreamReader, csvHeader, csvLine, csvRow, dataInputs, evaluateTable, Evaluator, readData, type DataRow, type IrProgram } from '../../src/index.js';
import { jixiaoSource } from '../../bench/workload/source.js';
import { SPEC_BATCH, SPEC_100 } from '../../bench/workload/spec.js';
import { csvHeader as unitsHeader, csvRows, makeUnits } from '../../bench/workload/units.js';

function program(source: string): IrProgram {
  const r = compile(source);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.program!;
}

/** The reference: whole-text reader, result objects, csvRow. */
function reference(p: IrProgram, csv: string): string {
  const table = readData(csv, 'csv', dataInputs(p));
  const extra = table.columns.filter((c) => table.unknownColumns.includes(c));
  const lines = evaluateTable(new Evaluator(p), table, false).map((r) => csvLine(csvRow(p, extra, r)));
  return csvLine(csvHeader(p, extra)) + lines.join('');
}

/** The bulk path as `jixiao eval --format csv` runs it: streamed, reused rows, bytes. */
function bulk(p: IrProgram, csv: string): string {
  const reader = new CsvStreamReader(dataInputs(p), 1 << 12, true);
  let writer: CsvResultWriter | undefined;
  const parts: Buffer[] = [];
  const visit = (row: DataRow): void => {
    writer ??= start();
    if (writer.row(row)) parts.push(writer.take());
  };
  const start = (): CsvResultWriter => {
    const w = new CsvResultWriter(p, new Evaluator(p), reader.columns.filter((c) => reader.unknownColumns.includes(c)));
    w.header();
    return w;
  };
  reader.each(csv, visit);
  reader.endEach(visit);
  writer ??= start();
  parts.push(writer.take());
  return Buffer.concat(parts).toString('utf8');
}

const shipped: [string, string][] = [
  ['quwo/部门整体.jx', 'quwo/sample.csv'],
  ['shuozhou/项目支出.jx', 'shuozhou/项目支出.csv'],
  ['shuozhou/等级.jx', 'shuozhou/reports.csv'],
  ['kunming/事前评估.jx', 'kunming/事前评估.csv'],
  ['kunming/审减率.jx', 'kunming/审减率.csv'],
  ['kunming/目标审核.jx', 'kunming/目标审核.csv'],
  ['kunming/项目支出.jx', 'kunming/项目支出.csv'],
  ['public/四川项目支出.jx', 'public/四川项目支出.csv'],
  ['public/大通关.jx', 'public/大通关.csv'],
  ['public/廊坊自评.jx', 'public/廊坊自评.csv'],
  ['public/池州自评.jx', 'public/池州自评.csv'],
  ['public/达州部门整体.jx', 'public/达州部门整体.csv'],
  ['xinzhou/部门资金使用.jx', 'xinzhou/部门资金使用.csv'],
  ['jinan/运行监控.jx', 'jinan/运行监控.csv'],
];
const read = (f: string): string => readFileSync(new URL(`../../rulesets/${f}`, import.meta.url), 'utf8');

describe('CsvResultWriter', () => {
  it.each(shipped)('writes the reference lines for %s on %s', (jx, csv) => {
    const p = program(read(jx));
    const text = read(csv);
    expect(bulk(p, text)).toBe(reference(p, text));
  });

  it('writes the figures of the seed reports', () => {
    const quwo = bulk(program(read('quwo/部门整体.jx')), read('quwo/sample.csv')).split('\n');
    const header = quwo[0]!.split(',');
    const first = quwo[1]!.split(',');
    expect(first[header.indexOf('total')]).toBe('82.90');
    expect(first[header.indexOf('grade')]).toBe('中');
    const lights = bulk(program(read('jinan/运行监控.jx')), read('jinan/运行监控.csv'));
    expect(lights.split('\n').filter((l) => l.includes(',红,')).length).toBe(5);
  });

  it('writes the reference lines for bad rows, unit errors and the generated workloads', () => {
    for (const spec of [SPEC_BATCH, SPEC_100]) {
      const p = program(jixiaoSource(spec));
      const units = makeUnits(spec, 500, 7);
      const text = `${unitsHeader(spec)}${csvRows(spec, units, 1)}`;
      expect(bulk(p, text)).toBe(reference(p, text));
    }
    const p = program(`ruleset 测试 {
  total 10
  input 完成数: count
  input 计划数: count
  input 说明: bool
  indicator 完成率 weight 10 { score 10 * 完成数 / 计划数 }
  grades { 好 >= 6; 差 otherwise }
}`);
    const text = 'id,完成数,计划数,说明,备注\nA,3,4,是,"含,逗号"\nB,3,0,否,除以零\nC,x,4,是,坏数\nD,2,3,也许,\n,1,1,是,"多行\n备注"\n';
    const out = bulk(p, text);
    expect(out).toBe(reference(p, text));
    expect(out.split('\n')[1]).toMatch(/^A,"含,逗号",7.50,好,/);
    expect(out).toContain('B,除以零,,,,,,eval-');
  });
});
