// Diagnostics → problems for the editor, each with its fixes: the checker's own fix, and for a
// weight sum that is off, the two obvious repairs (the parent takes the sum, or the last child
// takes up the difference), which the checker reports without a fix.
import type { Diagnostic, Indicator, Ruleset, Span } from '../../../src/index.js';
import { showNumber } from '../../../src/index.js';
import type { Edit, Problem } from './protocol.js';

const EPS = 1e-9;

function sumOf(list: readonly Indicator[]): number {
  return list.reduce((s, i) => s + i.weight, 0);
}

function setWeight(ind: Indicator, w: number): Edit {
  const v = showNumber(w);
  return {
    title: { zh: `将“${ind.name.text}”的分值改为 ${v}`, en: `Set the weight of “${ind.name.text}” to ${v}` },
    start: ind.weightSpan.start,
    end: ind.weightSpan.end,
    text: v,
  };
}

/** The last child absorbs the difference, when that leaves it a positive weight. */
function lastChildTakesUp(children: readonly Indicator[], target: number): Edit[] {
  const last = children[children.length - 1];
  if (!last) return [];
  const w = target - (sumOf(children) - last.weight);
  return w > EPS ? [setWeight(last, Math.round(w * 1e6) / 1e6)] : [];
}

/** The number inside a `total 100` header field. */
function totalNumberSpan(ast: Ruleset, source: string): { start: number; end: number } | null {
  const field = ast.header.find((h) => h.key === 'total');
  if (!field) return null;
  const m = /\d+(?:\.\d+)?/.exec(source.slice(field.span.start, field.span.end));
  if (!m) return null;
  const start = field.span.start + m.index;
  return { start, end: start + m[0].length };
}

/** Fixes for each weight-sum-mismatch, keyed by the start offset the checker reports it at. */
export function weightFixes(ast: Ruleset, source: string, total: number): Map<number, Edit[]> {
  const fixes = new Map<number, Edit[]>();
  const roots = ast.indicators;
  if (roots.length > 0 && Math.abs(sumOf(roots) - total) > EPS) {
    const sum = showNumber(sumOf(roots));
    const edits: Edit[] = lastChildTakesUp(roots, total);
    const totalSpan = totalNumberSpan(ast, source);
    if (totalSpan) edits.push({ title: { zh: `将总分改为 ${sum}`, en: `Set the total to ${sum}` }, ...totalSpan, text: sum });
    const field = ast.header.find((h) => h.key === 'total');
    fixes.set(field ? field.span.start : roots[0]!.name.span.start, edits);
  }
  const visit = (ind: Indicator): void => {
    if (ind.children.length > 0 && Math.abs(sumOf(ind.children) - ind.weight) > EPS) {
      fixes.set(ind.weightSpan.start, [...lastChildTakesUp(ind.children, ind.weight), setWeight(ind, sumOf(ind.children))]);
    }
    ind.children.forEach(visit);
  };
  roots.forEach(visit);
  return fixes;
}

/** A zero-width span widened to one character, so the editor has something to underline. */
function visibleRange(span: Span, length: number): { start: number; end: number } {
  if (span.end > span.start) return { start: span.start, end: span.end };
  if (span.start < length) return { start: span.start, end: span.start + 1 };
  return { start: Math.max(0, span.start - 1), end: span.start };
}

export function toProblems(diagnostics: readonly Diagnostic[], ast: Ruleset | undefined, source: string, total: number): Problem[] {
  const derived = ast ? weightFixes(ast, source, total) : new Map<number, Edit[]>();
  return diagnostics.map((d) => {
    const own: Edit[] = d.fix ? [{ title: d.fix.title, start: d.fix.span.start, end: d.fix.span.end, text: d.fix.text }] : [];
    const extra = d.code === 'weight-sum-mismatch' ? (derived.get(d.span.start) ?? []) : [];
    return {
      code: d.code,
      severity: d.severity,
      ...visibleRange(d.span, source.length),
      line: d.span.line,
      col: d.span.col,
      message: d.message,
      fixes: [...own, ...extra],
    };
  });
}
