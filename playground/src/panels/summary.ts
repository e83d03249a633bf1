// The summary of all sample units: how many got each grade, a histogram of totals in tenths of
// the total, and every unit's total and grade (click one to select it).
import type { App } from '../app.js';
import { t } from '../i18n.js';
import { h, num, pts } from '../ui.js';
import type { UnitView } from '../worker/protocol.js';
import { gradeRank } from './grade.js';

const BINS = 10;
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function binsOf(totals: readonly number[], max: number): number[] {
  const bins = new Array<number>(BINS).fill(0);
  for (const v of totals) {
    const i = Math.min(BINS - 1, Math.max(0, Math.floor((v / max) * BINS)));
    bins[i]!++;
  }
  return bins;
}

function histogram(totals: readonly number[], max: number): SVGElement {
  const bins = binsOf(totals, max);
  const peak = Math.max(1, ...bins);
  const w = 320;
  const hgt = 110;
  const bw = w / BINS;
  const root = svg('svg', { viewBox: `0 0 ${w} ${hgt + 18}`, class: 'histogram', role: 'img', 'aria-label': t('histogram') });
  bins.forEach((n, i) => {
    const bh = (n / peak) * (hgt - 14);
    root.append(svg('rect', { x: i * bw + 2, y: hgt - bh, width: bw - 4, height: bh, class: 'hbar' }));
    if (n > 0) root.append(svg('text', { x: i * bw + bw / 2, y: hgt - bh - 3, 'text-anchor': 'middle', class: 'hcount' }, String(n)));
    root.append(svg('text', { x: i * bw + bw / 2, y: hgt + 13, 'text-anchor': 'middle', class: 'hlabel' }, num((max / BINS) * i)));
  });
  return root;
}

function gradeCounts(app: App, units: readonly UnitView[]): HTMLElement {
  const grades = app.state.result?.ruleset?.grades ?? [];
  const count = (g: string): number => units.filter((u) => u.grade === g).length;
  const errors = units.filter((u) => u.error).length;
  return h('div.grade-counts', { 'data-testid': 'grade-counts' },
    grades.map((g) => h('span.count', { 'data-grade': g }, h('span.badge.small', { 'data-rank': gradeRank(app, g) }, g), ` ${count(g)}`)),
    errors > 0 ? h('span.count.err', {}, `${t('unitError')} ${errors}`) : null,
  );
}

export function renderSummary(app: App, select: (i: number) => void): HTMLElement {
  const units = app.state.result?.units ?? [];
  const max = app.state.result?.ruleset?.total ?? 100;
  const totals = units.flatMap((u) => (u.total === null ? [] : [u.total]));
  const list = h('ol.unit-list', {},
    units.map((u, i) =>
      h('li', { 'data-selected': i === app.state.selected, onclick: () => select(i) },
        h('span.uid', {}, u.id),
        u.error ? h('span.err', {}, t('unitError')) : h('span', {}, pts(u.total ?? 0), ' ', h('span.badge.small', { 'data-rank': gradeRank(app, u.grade) }, u.grade ?? '')),
      ),
    ),
  );
  return h('section.summary', { 'data-testid': 'summary' },
    h('h3', {}, `${t('summary')}（${units.length}）`),
    h('div.summary-grid', {},
      h('div', {}, h('h4', {}, t('gradeCounts')), gradeCounts(app, units), list),
      h('div', {}, h('h4', {}, t('histogram')), histogram(totals, max)),
    ),
  );
}
