// The indicator table (指标体系表) as policy reports print it: one row per leaf indicator, a
// column per level with each parent spanning its leaves, then 分值 and 评分标准 — the `note`
// when the ruleset gives one, otherwise a sentence generated from the scoring rule — and below
// 合计, the rules after the total (加分, 扣分, 封顶) and the monitoring light and floor.
import type { IrIndicator, IrProgram } from '../../ir/ir.js';
import { showNumber } from '../../ir/format.js';
import { generatedCriteria, rulesetNotes } from './criteria.js';

const LEVEL_NAMES = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface TableRow {
  /** The leaf's index in the IR. */
  readonly leaf: number;
  /** One cell per level: the indicator at that level on the leaf's path, or null below the leaf. */
  readonly levels: readonly (number | null)[];
  readonly weight: number;
  readonly criteria: string;
}

export interface TableModel {
  readonly title: string;
  readonly headers: readonly string[];
  /** How many level columns there are (the deepest indicator's depth + 1). */
  readonly depth: number;
  readonly rows: readonly TableRow[];
  readonly total: number;
  /** Lines below 合计: 加分/扣分/封顶 and 监控/底线, each a label and its text. */
  readonly notes: readonly { readonly label: string; readonly text: string }[];
}

/** A level heading: 一级指标, 二级指标, … */
export function levelHeader(k: number): string {
  return `${LEVEL_NAMES[k] ?? String(k + 1)}级指标`;
}

/**
 * A parent's cell names its weight too, as printed tables do: 履职效能（20分）; and how its
 * children count: 决策（20分，相对分值100）, 效益（40分，可选池）, 履职成效（20分，待定）.
 */
export function indicatorLabel(ind: IrIndicator): string {
  if (ind.children.length === 0) return ind.name;
  const how = ind.aggregation === 'relative' ? `，相对分值${showNumber(ind.scale!)}` : ind.aggregation === 'pool' ? '，可选池' : ind.aggregation === 'placeholder' ? '，待定' : '';
  return `${ind.name}（${showNumber(ind.weight)}分${how}）`;
}

export function tableModel(p: IrProgram): TableModel {
  const depth = Math.max(1, ...p.indicators.map((i) => i.depth + 1));
  const rows: TableRow[] = [];
  p.indicators.forEach((ind, i) => {
    if (ind.children.length > 0) return;
    const levels: (number | null)[] = new Array(depth).fill(null);
    for (let k = i; k >= 0; k = p.indicators[k]!.parent) levels[p.indicators[k]!.depth] = k;
    rows.push({ leaf: i, levels, weight: ind.weight, criteria: ind.note ?? generatedCriteria(p, ind) });
  });
  return {
    title: `${p.title ?? p.name} 指标体系表`,
    headers: [...Array.from({ length: depth }, (_, k) => levelHeader(k)), '分值', '评分标准'],
    depth,
    rows,
    total: p.total,
    notes: rulesetNotes(p),
  };
}
