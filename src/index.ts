// The public API: what the CLI, the playground and other programs use. Nothing else is public.
import { parse } from '../grammar/index.js';
import type { Ruleset } from './ast/nodes.js';
import { check } from './check/index.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { IrProgram } from './ir/ir.js';
import { Evaluator } from './runtime/evaluator.js';

export { parse } from '../grammar/index.js';
export { KEYWORDS, FUNCTIONS, FULL_WIDTH } from '../grammar/keywords.js';
export { check } from './check/index.js';
export type { Ruleset, Indicator, Expr, Span, Name, ScoreRule, Band, TypeRef } from './ast/nodes.js';
export type { Diagnostic, Fix, Message, Severity } from './diagnostics/diagnostic.js';
export { formatDiagnostic, hasErrors } from './diagnostics/diagnostic.js';
export { CODES, type DiagnosticCode } from './diagnostics/codes.js';
export type * from './ir/ir.js';
export { IR_VERSION } from './ir/ir.js';
export { showNumber, showPercent, showPoints, showMoney, showValue } from './ir/format.js';
export { Evaluator, type UnitResult, type IndicatorResult, type UnitValues } from './runtime/evaluator.js';
export { runTests, runTest, type TestOutcome, type ExpectOutcome } from './runtime/tests.js';
export { roundHalfUp, clean } from './runtime/helpers.js';
export { dataInputs, evaluateRow, evaluateTable, type RowResult } from './runtime/batch.js';
export { CsvResultWriter, csvHeader, csvLine, csvRow } from './runtime/csv-results.js';
export { emitScorer } from './targets/js/emit.js';
export { CsvBlockCutter, CsvStreamReader, normaliseBlock } from './data/csv-stream.js';
export type { CsvRecord } from './data/csv.js';
export { readData, detectFormat, decodeBytes, coerceValue, type DataTable, type DataRow, type FieldError, type DataFormat } from './data/index.js';
export type { InputType, InputDecl as DataInputDecl } from './data/index.js';

export interface CompileResult {
  readonly ast: Ruleset | undefined;
  /** The checked program; present whenever the tree parsed, even with errors (for editors). */
  readonly program: IrProgram | undefined;
  readonly diagnostics: Diagnostic[];
  readonly ok: boolean;
}

/** Source text → diagnostics and, when there is no error, a checked program. */
export function compile(text: string): CompileResult {
  const parsed = parse(text);
  if (!parsed.ast) return { ast: undefined, program: undefined, diagnostics: sortDiagnostics(parsed.diagnostics), ok: false };
  const checked = check(parsed.ast, text);
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checked.diagnostics]);
  return { ast: parsed.ast, program: checked.program, diagnostics, ok: !hasErrors(diagnostics) };
}

/** Source text → evaluator, or the diagnostics that prevent one. */
export function compileEvaluator(text: string): { evaluator: Evaluator | undefined; diagnostics: Diagnostic[] } {
  const r = compile(text);
  return { evaluator: r.ok && r.program ? new Evaluator(r.program) : undefined, diagnostics: r.diagnostics };
}

// Compile targets beyond the in-process evaluator: a standalone ES module, the IR as JSON (with its
// JSON Schema) and the reference interpreter over it, the JSON Schema of a ruleset's input data,
// SQL for PostgreSQL and DuckDB, and the indicator table (指标体系表).
export { emitEsm, type EsmModule } from './targets/esm/emit.js';
export { emitIr, readIr, looksLikeIr, type IrProblem } from './targets/ir/read.js';
export { IR_SCHEMA, IR_SCHEMA_ID } from './targets/ir/schema.js';
export { UnsupportedIrError } from './targets/ir/supported.js';
export { interpret } from './runtime/interpret.js';
export { emitInputSchema } from './targets/schema/emit.js';
export { validateUnits, applyInputSchema, type UnitProblem } from './targets/schema/validate.js';
export { emitSql, type SqlOptions } from './targets/sql/emit.js';
export { SqlEmitError, type Dialect } from './targets/sql/dialect.js';
export { emitTable, emitTableXlsx, type TableFormat } from './targets/table/emit.js';
export { tableModel, type TableModel, type TableRow } from './targets/table/model.js';
