// The check worker's scoring of the sample sheet, without a browser: rows that are not selected
// are scored into the evaluator's buffers, and must read exactly as the result objects of
// evaluateRow (total, grade, outcome, alerts, errors) on every row of every shipped sample; the
// selected row is explained; a sheet read once is read again whenever its text or inputs change.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, dataInputs, evaluateRow, Evaluator, readData, type RowResult } from '../../src/index.js';
import { parseCsv } from '../../playground/src/data/csv.js';
import { setCell, sheetFromCells, type Sheet } from '../../playground/src/data/sheet.js';
import type { UnitView } from '../../playground/src/worker/protocol.js';
import { sameData, scoresAlike } from '../../playground/src/worker/same.js';
import { scoreUnits, sheetToCsv } from '../../playground/src/worker/units.js';

/** What the unit list showed when every row went through a result object. */
function viewOf(r: RowResult): UnitView {
  const u = r.result;
  return {
    id: r.id,
    total: u.total,
    grade: u.grade,
    error: u.error ? { zh: u.error.message, en: u.error.en } : null,
    badFields: u.error?.field ? u.error.field.split(',') : [],
    outcome: u.outcome,
    alerts: u.alerts,
  };
}

function byResults(evaluator: Evaluator, sheet: Sheet): UnitView[] {
  return readData(sheetToCsv(sheet), 'csv', dataInputs(evaluator.program)).rows.map((row) => viewOf(evaluateRow(evaluator, row, false)));
}

function evaluatorOf(source: string): Evaluator {
  const r = compile(source);
  if (!r.ok || !r.program) throw new Error(`does not compile: ${r.diagnostics.map((d) => d.message.en).join('; ')}`);
  return new Evaluator(r.program);
}

const DIVISION = `ruleset 除零 {
  input 实际支出: money(万元)
  input 年初预算: money(万元)
  let 执行率 = 实际支出 / 年初预算
  indicator 预算执行率 weight 100 { score ratio 执行率 target 100% }
  grades { 优 >= 90; 差 otherwise }
}
`;

const REPO = new URL('../..', import.meta.url).pathname;

/** Every ruleset the playground ships with every CSV of its folder (the one it opens with among them), and the built-in example. */
function shippedSamples(): { id: string; source: string; sheet: Sheet }[] {
  const read = (...p: string[]): string => readFileSync(join(REPO, ...p), 'utf8');
  const out = [{ id: 'example', source: read('playground/src/examples/example.jx'), sheet: sheetFromCells(parseCsv(read('playground/src/examples/example.csv'))) }];
  for (const entry of readdirSync(join(REPO, 'rulesets'), { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = entry.name;
    const files = readdirSync(join(REPO, 'rulesets', folder)).sort();
    for (const jx of files.filter((f) => f.endsWith('.jx'))) {
      for (const csv of files.filter((f) => f.endsWith('.csv'))) {
        out.push({ id: `${folder}/${jx} + ${csv}`, source: read('rulesets', folder, jx), sheet: sheetFromCells(parseCsv(read('rulesets', folder, csv))) });
      }
    }
  }
  return out;
}

const samples = shippedSamples();

describe('unit views from the evaluator buffers', () => {
  it('covers the shipped samples, with grades, outcomes and alerts among their rows', () => {
    expect(samples.length).toBeGreaterThanOrEqual(15);
    const all = samples.flatMap((s) => byResults(evaluatorOf(s.source), s.sheet));
    expect(all.length).toBeGreaterThan(60);
    expect(all.some((u) => u.outcome !== null)).toBe(true);
    expect(all.some((u) => u.alerts.length > 0)).toBe(true);
    expect(all.some((u) => u.grade !== null)).toBe(true);
  });

  for (const s of samples) {
    it(`${s.id}: every row reads as its result object, whichever row is selected`, () => {
      const ev = evaluatorOf(s.source);
      const want = byResults(ev, s.sheet);
      for (let selected = 0; selected < s.sheet.rows.length; selected++) {
        const got = scoreUnits(ev, s.sheet, selected);
        expect(got.units).toEqual(want);
        expect(got.selected?.index).toBe(selected);
      }
    });
  }

  it('rows with bad cells keep their row-and-field errors and their marked fields; the other rows still score', () => {
    const s = samples.find((x) => x.id === 'kunming/项目支出.jx + 项目支出.csv')!;
    const ev = evaluatorOf(s.source);
    const column = ev.program.inputs.find((i) => i.type.kind === 'percent')!.name;
    let sheet = setCell(s.sheet, 1, column, '不是数');
    sheet = setCell(sheet, 2, column, '');
    const got = scoreUnits(ev, sheet, 0).units;
    expect(got).toEqual(byResults(ev, sheet));
    expect(got[1]!.error?.zh).toMatch(/^第 2 行（文件第 3 行）/);
    expect(got[1]!.badFields).toEqual([column]);
    expect(got[2]!.badFields).toEqual([column]);
    expect(got[0]!.total).not.toBeNull();
  });

  it('a unit the ruleset cannot score (division by zero) shows the same error as its result object', () => {
    const ev = evaluatorOf(DIVISION);
    const sheet = sheetFromCells([['编号', '实际支出', '年初预算'], ['a', '50', '100'], ['b', '50', '0'], ['c', '100', '100']]);
    const got = scoreUnits(ev, sheet, 0).units;
    expect(got).toEqual(byResults(ev, sheet));
    expect(got.map((u) => u.total)).toEqual([50, null, 100]);
    expect(got[1]!.error?.zh).toContain('除数为零');
  });
});

describe('the selected unit and the cached table', () => {
  const s = samples.find((x) => x.id === 'quwo/部门整体.jx + sample.csv')!;
  const ev = evaluatorOf(s.source);

  it('explains the selected row, indicator by indicator, with the points of its result object', () => {
    const table = readData(sheetToCsv(s.sheet), 'csv', dataInputs(ev.program));
    const want = evaluateRow(ev, table.rows[1]!, true).result;
    const got = scoreUnits(ev, s.sheet, 1).selected!;
    expect(got.indicators.map((i) => i.code)).toEqual(ev.program.indicators.map((i) => i.code));
    for (const ind of got.indicators) {
      const path = ev.program.indicators.find((i) => i.code === ind.code)!.path;
      expect([ind.points, ind.applicable, ind.explain]).toEqual([want.indicators[path]!.points, want.indicators[path]!.applicable, want.indicators[path]!.explain]);
    }
    expect(got.indicators.some((i) => i.explain !== '')).toBe(true);
  });

  it('an edited cell is read again (the table is cached only while the sheet is unchanged)', () => {
    const before = scoreUnits(ev, s.sheet, 0).units;
    const column = ev.program.inputs.find((i) => i.type.kind === 'percent' || i.type.kind === 'number')!.name;
    const edited = setCell(s.sheet, 0, column, '0');
    const after = scoreUnits(ev, edited, 0).units;
    expect(after).toEqual(byResults(ev, edited));
    expect(after[0]!.total).not.toBe(before[0]!.total);
    expect(scoreUnits(ev, s.sheet, 0).units).toEqual(before);
  });

  it('the same sheet is read again for a ruleset that declares other inputs', () => {
    const sheet = sheetFromCells([['编号', '实际支出', '年初预算'], ['a', '50', '100']]);
    const first = evaluatorOf(DIVISION);
    const more = evaluatorOf(DIVISION.replace('  let ', '  input 满意度: percent\n  let '));
    expect(scoreUnits(first, sheet, 0).units[0]!.total).toBe(50);
    expect(scoreUnits(more, sheet, 0).units[0]!.badFields).toEqual(['满意度']);
    expect(scoreUnits(first, sheet, 0).units[0]!.total).toBe(50);
  });
});

describe('an evaluator kept across edits that score alike', () => {
  const program = (source: string) => compile(source).program!;
  const base = program(DIVISION.replace('ruleset 除零 {', 'ruleset 除零 {\n  title "甲"'));

  it('a new title, a comment or spaces within a line score alike', () => {
    expect(scoresAlike(base, program(DIVISION.replace('ruleset 除零 {', 'ruleset 除零 {\n  title "乙"')))).toBe(true);
    expect(scoresAlike(base, program(DIVISION.replace('ruleset 除零 {', 'ruleset 除零 {\n  title "甲" // 注释').replace('weight 100 {', 'weight  100  {')))).toBe(true);
  });

  it('a changed figure, name or line does not', () => {
    const titled = (s: string) => s.replace('ruleset 除零 {', 'ruleset 除零 {\n  title "甲"');
    expect(scoresAlike(base, program(titled(DIVISION.replace('优 >= 90', '优 >= 85'))))).toBe(false);
    expect(scoresAlike(base, program(titled(DIVISION.replace('target 100%', 'target 95%'))))).toBe(false);
    expect(scoresAlike(base, program(titled(DIVISION.replaceAll('执行率', '支出执行率'))))).toBe(false);
    expect(scoresAlike(base, program(titled(DIVISION.replace('  let ', '\n  let '))))).toBe(false);
  });

  it('compares JSON data by structure', () => {
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameData({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
  });
});
