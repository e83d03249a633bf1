// What the page should show, computed in Node with the library itself: a unit's total and grade,
// the file's test counts, and a one-cell edit of a unit that changes its grade (so a test can type
// it into the table and expect exactly these figures on screen).
import { compile, dataInputs, evaluateRow, Evaluator, readData, runTests, showPoints, type IrInput } from '../../src/index.js';
import { sheetToCsv } from '../../playground/src/worker/units.js';

export interface Sheet {
  columns: string[];
  rows: string[][];
}

export interface Shown {
  total: string;
  grade: string;
}

export type Scored = Shown | { error: string };

function evaluator(source: string): Evaluator {
  const r = compile(source);
  if (!r.ok || !r.program) throw new Error(`the ruleset does not compile: ${r.diagnostics.map((d) => d.message.en).join('; ')}`);
  return new Evaluator(r.program);
}

/** A unit's total and grade as the page prints them, or its error message. */
export function scoreRow(source: string, sheet: Sheet, row: number): Scored {
  const ev = evaluator(source);
  const table = readData(sheetToCsv(sheet), 'csv', dataInputs(ev.program));
  const r = evaluateRow(ev, table.rows[row]!, false).result;
  if (r.error) return { error: r.error.message };
  return { total: showPoints(r.total!), grade: r.grade ?? '' };
}

export function testCounts(source: string): { pass: number; fail: number } {
  const outcomes = runTests(evaluator(source));
  const pass = outcomes.filter((t) => t.pass).length;
  return { pass, fail: outcomes.length - pass };
}

function candidates(input: IrInput, current: string): string[] {
  switch (input.type.kind) {
    case 'bool':
      return [current === '是' || current === 'true' ? '否' : '是'];
    case 'enum':
      return input.type.members.filter((m) => m !== current);
    case 'percent':
      return ['0%', '100%'];
    case 'count':
      return ['20', '0'];
    default:
      return ['0', '1'];
  }
}

/** The first cell of `row` whose new value changes the unit's grade, with the figures expected after. */
export function gradeChangingEdit(source: string, sheet: Sheet, row = 0): { column: string; value: string; before: Shown; after: Shown } {
  const before = scoreRow(source, sheet, row);
  if ('error' in before) throw new Error(`row ${row} of the sample data does not score: ${before.error}`);
  for (const input of evaluator(source).program.inputs) {
    const j = sheet.columns.indexOf(input.name);
    if (j < 0) continue;
    for (const value of candidates(input, sheet.rows[row]![j]!)) {
      const rows = sheet.rows.map((r, i) => (i === row ? r.map((c, k) => (k === j ? value : c)) : r));
      const after = scoreRow(source, { columns: sheet.columns, rows }, row);
      if ('grade' in after && after.grade !== before.grade) return { column: input.name, value, before, after };
    }
  }
  throw new Error('no single cell changes the grade of this unit');
}

/** The first leaf indicator below the top level (else the first indicator), and its weight's offsets. */
export function leafWeight(source: string): { start: number; end: number; weight: number } {
  const ast = compile(source).ast;
  const first = ast?.indicators[0];
  if (!first) throw new Error('the ruleset has no indicator');
  let leaf = first;
  while (leaf.children.length > 0) leaf = leaf.children[0]!;
  return { start: leaf.weightSpan.start, end: leaf.weightSpan.end, weight: leaf.weight };
}
