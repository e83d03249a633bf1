// The results panel: for the selected unit, total and grade as a badge, outcome and alerts, and the
// indicator tree with points against weight as bars and each explanation; then the summary of
// all units (see summary.ts).
import type { App } from '../app.js';
import { idColumnOf } from '../data/sheet.js';
import { pick, t } from '../i18n.js';
import { h, num, pts } from '../ui.js';
import type { IndicatorView, UnitView } from '../worker/protocol.js';
import { gradeRank } from './grade.js';
import { renderSummary } from './summary.js';

function unitLabel(app: App, index: number): string {
  const { sheet } = app.state;
  const row = sheet.rows[index] ?? [];
  const idCol = idColumnOf(sheet);
  const nameCol = sheet.columns.findIndex((c) => /名称|name/i.test(c));
  const parts = [idCol >= 0 ? row[idCol] : String(index + 1), nameCol >= 0 ? row[nameCol] : ''];
  return parts.filter(Boolean).join(' · ');
}

/** One row of the tree and the elements fillRow writes to, kept so an update needs no lookups. */
interface TreeRow {
  readonly li: HTMLElement;
  readonly fill: HTMLElement;
  readonly na: HTMLElement;
  readonly pts: HTMLElement;
  readonly explain: HTMLElement;
}

/** One row of the tree; its figures are filled by fillRow, so a row can be updated in place. */
function indicatorRow(ind: IndicatorView, onJump: (line: number) => void): TreeRow {
  const fill = h('span.fill');
  const na = h('span.na-tag', {}, t('na'));
  const pts = h('span.pts');
  const explain = h('div.explain');
  const li = h('li.ind', { 'data-depth': ind.depth, style: `--depth:${ind.depth}` },
    h('div.ind-head', {},
      h('a.code', { href: '#', title: `→ ${ind.line}`, onclick: (ev) => { ev.preventDefault(); onJump(ind.line); } }, ind.code),
      h('span.name', {}, ind.name),
      h('span.meter', {}, fill),
      na,
      pts,
    ),
    explain,
  );
  return { li, fill, na, pts, explain };
}

function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Writes an indicator's figures into its row, touching only what changed. */
function fillRow(row: TreeRow, ind: IndicatorView): void {
  const share = ind.weight > 0 ? Math.max(0, Math.min(1, ind.points / ind.weight)) : 0;
  const { li, fill } = row;
  if (li.hasAttribute('data-na') === ind.applicable) {
    if (ind.applicable) li.removeAttribute('data-na');
    else li.setAttribute('data-na', '');
  }
  const width = `${(share * 100).toFixed(1)}%`;
  if (fill.style.width !== width) fill.style.width = width;
  setText(row.na, t('na'));
  setText(row.pts, ind.applicable ? `${pts(ind.points)} / ${num(ind.weight)}` : `— / ${num(ind.weight)}`);
  setText(row.explain, ind.explain);
}

interface Slots {
  readonly top: HTMLElement;
  readonly tree: HTMLOListElement;
  readonly summary: HTMLElement;
  signature: string;
  rows: TreeRow[];
}

const slots = new WeakMap<HTMLElement, Slots>();

/** The panel's three parts, created once: the tree is then updated in place, never rebuilt per keystroke. */
function slotsOf(root: HTMLElement): Slots {
  let s = slots.get(root);
  if (!s) {
    s = { top: h('div'), tree: h('ol.tree', { 'data-testid': 'indicator-tree' }), summary: h('div'), signature: '', rows: [] };
    slots.set(root, s);
    root.replaceChildren(s.top, s.tree, s.summary);
  }
  return s;
}

function renderTree(s: Slots, indicators: readonly IndicatorView[] | null, onJump: (line: number) => void): void {
  const list = indicators ?? [];
  const signature = JSON.stringify([list.map((i) => [i.code, i.name, i.weight, i.line]), t('na')]);
  if (signature !== s.signature) {
    s.signature = signature;
    s.rows = list.map((i) => indicatorRow(i, onJump));
    s.tree.replaceChildren(...s.rows.map((r) => r.li));
  }
  s.tree.hidden = list.length === 0;
  list.forEach((ind, i) => fillRow(s.rows[i]!, ind));
}

function unitHeader(app: App, unit: UnitView, index: number): HTMLElement {
  const total = app.state.result?.ruleset?.total ?? 100;
  return h('div.unit-head', {},
    h('div.unit-name', {}, `${t('unit')} ${unitLabel(app, index)}`),
    unit.error
      ? h('div.unit-error', { 'data-testid': 'unit-error' }, pick(unit.error))
      : h('div.score', {},
          h('span.total', { 'data-testid': 'total' }, pts(unit.total ?? 0)),
          h('span.of', {}, ` / ${num(total)}`),
          h('span.badge', { 'data-testid': 'grade', 'data-rank': gradeRank(app, unit.grade) }, unit.grade ?? '—'),
        ),
    unit.outcome
      ? h('div.outcome', { 'data-testid': 'outcome' }, `${t('outcome')}：${unit.outcome.text}`,
          unit.outcome.adjust !== null ? h('span.adjust', {}, `（${t('adjust', { v: `${num(unit.outcome.adjust * 100)}%` })}）`) : null)
      : null,
    h('div.alerts', { 'data-testid': 'alerts' },
      unit.alerts.length === 0
        ? h('span.muted', {}, t('noAlerts'))
        : unit.alerts.map((a) => h('span.alert', {}, `⚠ ${a.name}：${a.message}`)),
    ),
  );
}

export function renderResults(root: HTMLElement, app: App, onJump: (line: number) => void): void {
  const res = app.state.result;
  if (!res) return;
  const s = slotsOf(root);
  const top: HTMLElement[] = [];
  if (res.crash) top.push(h('div.crash', {}, t('crash'), h('pre', {}, res.crash)));
  if (res.stale && res.units.length > 0) top.push(h('div.stale', { 'data-testid': 'stale' }, t('staleResults')));
  let tree: readonly IndicatorView[] | null = null;
  if (res.units.length === 0) {
    top.push(h('p.muted', {}, res.stale ? t('noResults') : t('noUnits')));
  } else if (res.selected) {
    const unit = res.units[res.selected.index]!;
    top.push(unitHeader(app, unit, res.selected.index));
    if (!unit.error) tree = res.selected.indicators;
  }
  s.top.replaceChildren(...top);
  renderTree(s, tree, onJump);
  s.summary.replaceChildren(...(res.units.length > 0 ? [renderSummary(app, (i) => app.select(i))] : []));
  root.classList.toggle('is-stale', res.stale);
}
