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

function indicatorRow(ind: IndicatorView, onJump: (line: number) => void): HTMLElement {
  const share = ind.weight > 0 ? Math.max(0, Math.min(1, ind.points / ind.weight)) : 0;
  return h('li.ind', { 'data-depth': ind.depth, style: `--depth:${ind.depth}`, 'data-na': !ind.applicable },
    h('div.ind-head', {},
      h('a.code', { href: '#', title: `→ ${ind.line}`, onclick: (ev) => { ev.preventDefault(); onJump(ind.line); } }, ind.code),
      h('span.name', {}, ind.name),
      ind.applicable
        ? h('span.meter', { title: `${pts(ind.points)} / ${num(ind.weight)}` }, h('span.fill', { style: `width:${(share * 100).toFixed(1)}%` }))
        : h('span.na-tag', {}, t('na')),
      h('span.pts', {}, ind.applicable ? `${pts(ind.points)} / ${num(ind.weight)}` : `— / ${num(ind.weight)}`),
    ),
    ind.explain ? h('div.explain', {}, ind.explain) : null,
  );
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
  const parts: (HTMLElement | null)[] = [];
  if (res.crash) parts.push(h('div.crash', {}, t('crash'), h('pre', {}, res.crash)));
  if (res.stale && res.units.length > 0) parts.push(h('div.stale', { 'data-testid': 'stale' }, t('staleResults')));
  if (res.units.length === 0) {
    parts.push(h('p.muted', {}, res.stale ? t('noResults') : t('noUnits')));
  } else if (res.selected) {
    const unit = res.units[res.selected.index]!;
    parts.push(unitHeader(app, unit, res.selected.index));
    if (!unit.error) parts.push(h('ol.tree', { 'data-testid': 'indicator-tree' }, res.selected.indicators.map((i) => indicatorRow(i, onJump))));
  }
  if (res.units.length > 0) parts.push(renderSummary(app, (i) => app.select(i)));
  root.classList.toggle('is-stale', res.stale);
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}
