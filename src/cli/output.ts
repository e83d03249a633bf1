// How `jixiao eval` writes results: JSON lines, CSV, or a readable table. The JSON line shape
// is an interface other programs build on: fields are only ever added, never renamed.
import { clean, evaluateRow, showNumber, showPercent, showPoints, type DataRow, type Evaluator, type IrProgram, type RowResult } from '../index.js';

export function jsonLine(r: RowResult): string {
  const res = r.result;
  return JSON.stringify({
    id: r.id,
    row: r.row,
    total: res.total,
    grade: res.grade,
    indicators: res.indicators,
    outcome: res.outcome,
    alerts: res.alerts,
    adjustments: res.adjustments,
    light: res.light,
    error: res.error ? { code: res.error.code, message: res.error.message, ...(res.error.field ? { field: res.error.field } : {}), ...(res.error.indicator ? { indicator: res.error.indicator } : {}) } : null,
    extra: r.extras,
  });
}

export function csvHeader(program: IrProgram, extraColumns: readonly string[]): string[] {
  return [
    'id',
    ...extraColumns,
    'total',
    'grade',
    'outcome',
    'adjust',
    'alerts',
    // monitoring rulesets only, so the columns of other rulesets stay as they were
    ...(program.lights?.length || program.floors?.length ? ['light', 'light_reason'] : []),
    'error_code',
    'error',
    ...program.indicators.map((i) => i.path),
  ];
}

function monitored(program: IrProgram): boolean {
  return !!(program.lights?.length || program.floors?.length);
}

/**
 * The CSV cells of one data row, scored straight from the evaluator's buffers: the bulk path,
 * which builds no result objects. Same cells as csvRow.
 */
export function csvRowFast(program: IrProgram, extraColumns: readonly string[], row: DataRow, evaluator: Evaluator): string[] {
  const error = row.errors.length > 0 ? evaluateRow(evaluator, row, false).result.error : evaluator.scoreInto(row.values);
  const head = [row.id, ...extraColumns.map((c) => row.extras[c] ?? '')];
  if (error) return [...head, '', '', '', '', '', ...(monitored(program) ? ['', ''] : []), error.code, error.message, ...program.indicators.map(() => '')];
  const gi = evaluator.lastGradeIndex();
  const grade = gi >= 0 ? program.grades[gi]!.name : '';
  const outcome = grade ? program.outcomes.find((o) => o.grade === grade) : undefined;
  const alerts = program.alerts.filter((_, k) => evaluator.firedAlert(k)).map((a) => a.name);
  const total = evaluator.lastTotal();
  const light = monitored(program) ? evaluator.lastLight() : null;
  const cells = [
    ...head,
    Number.isNaN(total) ? '' : total.toFixed(program.round),
    grade,
    outcome?.text ?? '',
    outcome?.adjust == null ? '' : showPercent(outcome.adjust),
    alerts.join('；'),
    ...(monitored(program) ? [light?.color ?? '', light?.reason ?? ''] : []),
    '',
    '',
  ];
  for (let i = 0; i < program.indicators.length; i++) cells.push(evaluator.applicable(i) ? String(clean(evaluator.points(i))) : 'na');
  return cells;
}

export function csvRow(program: IrProgram, extraColumns: readonly string[], r: RowResult): string[] {
  const res = r.result;
  return [
    r.id,
    ...extraColumns.map((c) => r.extras[c] ?? ''),
    res.total === null ? '' : res.total.toFixed(program.round),
    res.grade ?? '',
    res.outcome?.text ?? '',
    res.outcome?.adjust == null ? '' : showPercent(res.outcome.adjust),
    res.alerts.map((a) => a.name).join('；'),
    ...(monitored(program) ? [res.light?.color ?? '', res.light?.reason ?? ''] : []),
    res.error?.code ?? '',
    res.error?.message ?? '',
    ...program.indicators.map((i) => {
      const ind = res.indicators[i.path];
      return !ind ? '' : ind.applicable ? String(ind.points) : 'na';
    }),
  ];
}

/** One RFC 4180 line. Written here rather than through a CSV library: it is the hot path of bulk output. */
export function csvLine(cells: readonly string[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (i > 0) out += ',';
    out += /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
  }
  return `${out}\n`;
}

/** One unit: its indicator tree with points, weights and explanations. */
export function unitTable(program: IrProgram, r: RowResult): string {
  const res = r.result;
  const out: string[] = [];
  out.push(`${program.title ?? program.name}  —  ${r.id}`);
  if (res.error) {
    out.push(`错误 ${res.error.code}：${res.error.message}`);
    return out.join('\n');
  }
  program.indicators.forEach((ind) => {
    const got = res.indicators[ind.path]!;
    const pad = '  '.repeat(ind.depth);
    const score = got.applicable ? `${showPoints(got.points)} / ${showNumber(ind.weight)}` : `不适用 / ${showNumber(ind.weight)}`;
    out.push(`${pad}${ind.code} ${ind.name}  ${score}${got.explain ? `  ${got.explain}` : ''}`);
  });
  if (res.total !== null) out.push(`总分 ${res.total.toFixed(program.round)}  等级 ${res.grade ?? '—'}`);
  if (res.light) out.push(`信号灯 ${res.light.color}：${res.light.reason}`);
  for (const a of res.adjustments) out.push(`${a.kind === 'cap' ? '封顶' : a.kind === 'penalty' ? '减分' : '加分'}：${a.rule}`);
  if (res.outcome) out.push(`结果应用：${res.outcome.text}${res.outcome.adjust !== null ? `（调整 ${showPercent(res.outcome.adjust)}）` : ''}`);
  for (const a of res.alerts) out.push(`预警 ${a.name}：${a.message}`);
  return out.join('\n');
}

/** Many units: one line each, then the count per grade. */
export function summaryTable(program: IrProgram, rows: readonly RowResult[], labelColumn: string | undefined): string {
  const out: string[] = [];
  const width = Math.max(2, ...rows.map((r) => r.id.length));
  out.push(`${'id'.padEnd(width)}  ${'总分'.padStart(7)}  等级  ${labelColumn ?? ''}`.trimEnd());
  for (const r of rows) {
    const res = r.result;
    const total = res.total === null ? '—' : res.total.toFixed(program.round);
    const label = labelColumn ? (r.extras[labelColumn] ?? '') : '';
    const tail = res.error ? `错误 ${res.error.code}：${res.error.message}` : [res.grade ?? (res.light ? `${res.light.color}灯` : "—"), ...res.alerts.map((a) => `[${a.name}]`), label].join('  ');
    out.push(`${r.id.padEnd(width)}  ${total.padStart(7)}  ${tail}`.trimEnd());
  }
  const counts = new Map<string, number>();
  for (const g of program.grades) counts.set(g.name, 0);
  let errors = 0;
  for (const r of rows) {
    if (r.result.error) errors++;
    else if (r.result.grade) counts.set(r.result.grade, (counts.get(r.result.grade) ?? 0) + 1);
  }
  const parts = [...counts].map(([g, n]) => `${g} ${n}`);
  if (errors) parts.push(`出错 ${errors}`);
  out.push(`共 ${rows.length} 个：${parts.join('，')}`);
  return out.join('\n');
}
