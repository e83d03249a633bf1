// How `jixiao eval` writes results: JSON lines or a readable table (CSV is written by the
// public CsvResultWriter). The JSON line shape is an interface other programs build on: fields
// are only ever added, never renamed.
import { showNumber, showPercent, showPoints, type IrProgram, type RowResult } from '../index.js';

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
