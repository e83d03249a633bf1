// Scoring the sample units: the table's cells go through the same reader as a CSV file (so a
// cell gets the same coercion and the same row-and-field errors as the CLI gives), then the
// evaluator scores every row; only the selected row is explained.
import type { DataTable, Evaluator, IrProgram, RowResult, UnitResult } from '../../../src/index.js';
import { dataInputs, evaluateRow, readData } from '../../../src/index.js';
import type { IndicatorView, Sheet, UnitView } from './protocol.js';

// Empty cells are quoted so that a row of empty cells is still a row, never a skipped blank line.
function csvCell(text: string): string {
  return text === '' || /[",\n\r]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The sheet as CSV text, one line per row (cells with line breaks are quoted). */
export function sheetToCsv(sheet: Sheet): string {
  const lines = [sheet.columns, ...sheet.rows].map((cells) => cells.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * The last table read, reused while neither the sheet's text nor the inputs' declarations
 * changed: editing the ruleset's text rescores the same rows without reading them again.
 */
let lastRead: { sheet: Sheet; csv: string; inputs: string; table: DataTable } | undefined;

/** The sheet read for `program`'s inputs (from the cache when nothing it depends on changed). */
export function readSheet(program: IrProgram, sheet: Sheet): DataTable {
  const decls = dataInputs(program);
  const inputs = JSON.stringify(decls);
  if (lastRead?.sheet === sheet && lastRead.inputs === inputs) return lastRead.table;
  const csv = sheetToCsv(sheet);
  if (lastRead?.csv !== csv || lastRead.inputs !== inputs) lastRead = { sheet, csv, inputs, table: readData(csv, 'csv', decls) };
  else lastRead = { ...lastRead, sheet };
  return lastRead.table;
}

function unitView(r: RowResult): UnitView {
  const u = r.result;
  const badFields = u.error?.field ? u.error.field.split(',') : [];
  return {
    id: r.id,
    total: u.total,
    grade: u.grade,
    error: u.error ? { zh: u.error.message, en: u.error.en } : null,
    badFields,
    outcome: u.outcome,
    alerts: u.alerts,
  };
}

/**
 * A row's summary straight from the evaluator's buffers (as the CLI's CSV writer reads them),
 * without building a result object per indicator. Built the way `Evaluator.evaluate` builds
 * total, grade, outcome and alerts; the tests hold the two to the same views on every sample.
 */
function bufferView(evaluator: Evaluator, id: string, values: DataTable['rows'][number]['values']): UnitView {
  const p = evaluator.program;
  const error = evaluator.scoreInto(values);
  if (error) return { id, total: null, grade: null, error: { zh: error.message, en: error.en }, badFields: [], outcome: null, alerts: [] };
  const total = evaluator.lastTotal();
  const gi = evaluator.lastGradeIndex();
  const grade = gi >= 0 ? p.grades[gi]!.name : null;
  const outcome = grade === null ? undefined : p.outcomes.find((o) => o.grade === grade);
  const alerts: { name: string; message: string }[] = [];
  for (let k = 0; k < p.alerts.length; k++) if (evaluator.firedAlert(k)) alerts.push({ name: p.alerts[k]!.name, message: p.alerts[k]!.message });
  return {
    id,
    total: Number.isNaN(total) ? null : total,
    grade,
    error: null,
    badFields: [],
    outcome: outcome ? { text: outcome.text, adjust: outcome.adjust } : null,
    alerts,
  };
}

function indicatorViews(program: IrProgram, result: UnitResult): IndicatorView[] {
  return program.indicators.map((ind) => {
    const r = result.indicators[ind.path];
    return {
      code: ind.code,
      name: ind.name,
      depth: ind.depth,
      weight: ind.weight,
      points: r?.points ?? 0,
      applicable: r?.applicable ?? false,
      explain: r?.explain ?? '',
      line: ind.line,
    };
  });
}

export interface ScoredUnits {
  readonly units: UnitView[];
  readonly selected: { index: number; indicators: IndicatorView[] } | null;
}

let lastScored: { evaluator: Evaluator; table: DataTable; selected: number; scored: ScoredUnits } | undefined;

/** The sheet's units scored by `evaluator`, the selected one explained (see scoreTable). */
export function scoreUnits(evaluator: Evaluator, sheet: Sheet, selected: number): ScoredUnits {
  const program = evaluator.program;
  const table = readSheet(program, sheet);
  // The same evaluator on the same rows gives the same scores: an edit that changed neither
  // (the title, a comment) costs no scoring, not even the selected row's explanations.
  if (lastScored?.evaluator === evaluator && lastScored.table === table && lastScored.selected === selected) return lastScored.scored;
  const scored = scoreTable(evaluator, table, selected);
  lastScored = { evaluator, table, selected, scored };
  return scored;
}

/**
 * Every row's summary, and the selected row explained indicator by indicator. Rows with data
 * errors take `evaluateRow` (their message names row and fields); the others are scored into
 * the evaluator's buffers, and only the selected one builds a result object.
 */
function scoreTable(evaluator: Evaluator, table: DataTable, selected: number): ScoredUnits {
  const program = evaluator.program;
  const pick = Math.min(Math.max(selected, 0), table.rows.length - 1);
  let explained: RowResult | undefined;
  const units = table.rows.map((row, i) => {
    if (i === pick) return unitView((explained = evaluateRow(evaluator, row, true)));
    return row.errors.length > 0 ? unitView(evaluateRow(evaluator, row, false)) : bufferView(evaluator, row.id, row.values);
  });
  if (!explained) return { units, selected: null };
  return { units, selected: { index: pick, indicators: indicatorViews(program, explained.result) } };
}

