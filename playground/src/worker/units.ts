// Scoring the sample units: the table's cells go through the same reader as a CSV file (so a
// cell gets the same coercion and the same row-and-field errors as the CLI gives), then the
// evaluator scores every row; only the selected row is explained.
import type { Evaluator, IrProgram, RowResult, UnitResult } from '../../../src/index.js';
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

export function scoreUnits(evaluator: Evaluator, sheet: Sheet, selected: number): ScoredUnits {
  const program = evaluator.program;
  const table = readData(sheetToCsv(sheet), 'csv', dataInputs(program));
  const units = table.rows.map((row) => unitView(evaluateRow(evaluator, row, false)));
  const row = table.rows[Math.min(Math.max(selected, 0), table.rows.length - 1)];
  if (!row) return { units, selected: null };
  const explained = evaluateRow(evaluator, row, true);
  units[row.row - 1] = unitView(explained);
  return { units, selected: { index: row.row - 1, indicators: indicatorViews(program, explained.result) } };
}
