// Scoring rules in SQL, one leaf at a time: the operand columns a rule reads (computed in the
// `rule` stage), the first error evaluating them raises, and the rule's points from those
// columns — the same double operations, in the same order, as the JS scorer's.
import type { IrBand, IrBandAward, IrExpr, IrIndicator } from '../../ir/ir.js';
import { coalesce, type SqlExpr } from './expr.js';

export type Column = readonly [name: string, sql: string];

function awardPoints(a: IrBandAward, w: number): number {
  return a.kind === 'full' ? w : a.kind === 'share' ? a.value * w : a.value;
}

const isElse = (b: IrBand): boolean => b.op === null && !b.interval;

/** The test of band `b` on the subject `v`; `bound` gives the SQL of a bound computed at run time. */
export function bandTest(x: SqlExpr, b: IrBand, v: string, bound: () => string): string {
  if (b.interval) {
    const iv = b.interval;
    return `(${x.compareConst(iv.loClosed ? '>=' : '>', v, iv.lo)} AND ${x.compareConst(iv.hiClosed ? '<=' : '<', v, iv.hi)})`;
  }
  if (b.boundExpr?.k === 'str') return `(${v} ${b.op === '==' ? '=' : '<>'} ${bound()})`;
  if (b.boundExpr) return x.compareNum(b.op!, v, bound());
  return `(${x.compareConst(b.op!, v, b.bound!)})`;
}

/**
 * The first error of a chain of bands tried in order: a bound computed at run time is evaluated
 * only when the bands before it failed. `bound(k)` is the SQL of band k's bound.
 */
export function bandChainError(x: SqlExpr, bands: readonly IrBand[], v: string, bound: (k: number) => string, w: number | null): string | null {
  let rest: string | null = null;
  for (let k = bands.length - 1; k >= 0; k--) {
    const b = bands[k]!;
    if (isElse(b)) {
      rest = null;
      continue;
    }
    const err = b.boundExpr ? x.error(b.boundExpr, w) : null;
    const after: string | null = rest === null ? null : `CASE WHEN ${bandTest(x, b, v, () => bound(k))} THEN NULL ELSE ${rest} END`;
    rest = err === null ? after : `CASE WHEN ${err} IS NOT NULL THEN ${err} ELSE ${after ?? 'NULL'} END`;
  }
  return rest;
}

/** The chain of bands as a CASE yielding `arm(k)` for the first band that holds, else `none`. */
export function bandChain(x: SqlExpr, bands: readonly IrBand[], v: string, bound: (k: number) => string, arm: (k: number) => string, none: string): string {
  const arms: string[] = [];
  for (const [k, b] of bands.entries()) {
    if (isElse(b)) return arms.length === 0 ? arm(k) : `CASE ${arms.join(' ')} ELSE ${arm(k)} END`;
    arms.push(`WHEN ${bandTest(x, b, v, () => bound(k))} THEN ${arm(k)}`);
  }
  return arms.length === 0 ? none : `CASE ${arms.join(' ')} ELSE ${none} END`;
}

export class Rules {
  constructor(
    readonly x: SqlExpr,
    /** The error id of a leaf's own run-time check (manual or tier range, no respondents). */
    readonly ruleError: (i: number) => number,
  ) {}

  /** The operand columns of leaf i, and the first error computing them raises (or null). */
  operands(ind: IrIndicator, i: number): { columns: Column[]; error: string | null } {
    const s = ind.score!;
    const w = ind.weight;
    const x = this.x;
    const v = (e: IrExpr): string => x.value(e, w);
    const err = (...es: (IrExpr | null | undefined)[]): string | null => coalesce(es.map((e) => (e ? x.error(e, w) : null)));
    switch (s.kind) {
      case 'bands': {
        const bounds = s.bands.flatMap((b, k): Column[] => (b.boundExpr ? [[`xb${i}_${k}`, v(b.boundExpr)]] : []));
        const chain = bandChainError(x, s.bands, v(s.subject), (k) => v(s.bands[k]!.boundExpr!), w);
        return { columns: [[`x${i}`, v(s.subject)], ...bounds], error: coalesce([err(s.subject), chain]) };
      }
      case 'ratio':
        return { columns: [[`xa${i}`, v(s.actual)], [`xt${i}`, v(s.target)]], error: err(s.actual, s.target) };
      case 'deduct': {
        const cols: Column[] = [[`xq${i}`, v(s.points)], [`xn${i}`, v(s.count)]];
        if (s.max) cols.push([`xm${i}`, v(s.max)]);
        if (s.side && s.standard && s.measure) {
          cols.push([`xs${i}`, v(s.measure)], [`xk${i}`, v(s.standard)]);
          return { columns: cols, error: err(s.points, s.count, s.measure, s.standard, s.max) };
        }
        return { columns: cols, error: err(s.points, s.count, s.max) };
      }
      case 'manual': {
        const p = `i${s.input}`;
        const inside = `${p} >= ${x.num(0)} AND ${p} <= ${x.num(w + 1e-9 * Math.max(1, Math.abs(w)))}`;
        return { columns: [[`xv${i}`, p]], error: `CASE WHEN NOT (${inside}) THEN ${this.ruleError(i)} END` };
      }
      case 'checklist':
        // every element is evaluated, gates or not
        return { columns: s.items.map((it, k): Column => [`xh${i}_${k}`, v(it.condition)]), error: err(...s.items.map((it) => it.condition)) };
      case 'tiers': {
        const p = `i${s.input}`;
        const arms = s.tiers.map((t) => {
          const inside = `${x.compareConst(t.loClosed ? '>=' : '>', p, t.lo)} AND ${x.compareConst(t.hiClosed ? '<=' : '<', p, t.hi)}`;
          return `WHEN i${s.category} = ${x.d.string(t.name)} THEN CASE WHEN ${inside} THEN NULL ELSE ${this.ruleError(i)} END`;
        });
        return { columns: [[`xv${i}`, p]], error: arms.length ? `CASE ${arms.join(' ')} END` : null };
      }
      case 'likert': {
        const n = s.answers.map((a) => `i${a.input}`).join(' + ') || x.num(0);
        const total = s.answers.map((a) => `i${a.input} * ${x.num(a.value)}`).join(' + ') || x.num(0);
        const cols: Column[] = [[`xn${i}`, `(${n})`], [`xv${i}`, `(${total}) / NULLIF(${n}, ${x.num(0)})`]];
        if (s.target) cols.push([`xt${i}`, v(s.target)]);
        // the target is evaluated only once someone answered
        return { columns: cols, error: coalesce([`CASE WHEN ${n} = ${x.num(0)} THEN ${this.ruleError(i)} END`, err(s.target)]) };
      }
      case 'formula':
        return { columns: [[`xv${i}`, s.share ? `(${x.num(w)} * ${v(s.expr)})` : v(s.expr)]], error: err(s.expr) };
    }
  }

  /** The points of leaf i by its rule, from its operand columns (before less, round and clamping). */
  points(ind: IrIndicator, i: number): string {
    const s = ind.score!;
    const w = ind.weight;
    const n = (v: number): string => this.x.num(v);
    const W = n(w);
    switch (s.kind) {
      case 'bands':
        return bandChain(this.x, s.bands, `x${i}`, (k) => `xb${i}_${k}`, (k) => n(awardPoints(s.bands[k]!.award, w)), n(0));
      case 'ratio': {
        const [a, t] = [`xa${i}`, `xt${i}`];
        const up = `CASE WHEN ${a} >= ${t} THEN ${W} WHEN ${n(0)} >= ${a} THEN ${n(0)} ELSE ${W} * (${a} / NULLIF(${t}, ${n(0)})) END`;
        const reached = `CASE WHEN ${a} >= ${t} THEN ${W} ELSE ${n(0)} END`;
        if (s.direction === 'down') {
          const over =
            s.formula === 'linear'
              ? `CASE WHEN ${a} >= ${n(2)} * ${t} THEN ${n(0)} ELSE ${W} * (${n(1)} - (${a} - ${t}) / NULLIF(${t}, ${n(0)})) END`
              : `${W} * (${t} / NULLIF(${a}, ${n(0)}))`;
          return `CASE WHEN ${t} >= ${a} THEN ${W} WHEN ${t} > ${n(0)} THEN ${over} ELSE ${n(0)} END`;
        }
        const zero = s.direction === 'equal' ? `WHEN ${t} = ${n(0)} THEN CASE WHEN ${n(0)} >= ${a} THEN ${W} ELSE ${n(0)} END ` : '';
        return `CASE ${zero}WHEN ${t} > ${n(0)} THEN ${up} ELSE ${reached} END`;
      }
      case 'deduct': {
        let d: string;
        if (s.side && s.standard && s.measure) {
          const dev = s.side === 'above' ? `(xs${i} - xk${i})` : `(xk${i} - xs${i})`;
          const q = `${dev} / NULLIF(xn${i}, ${n(0)})`;
          const steps = s.whole ? `FLOOR(${q} + ${n(1e-9)})` : `(${q})`;
          d = `(CASE WHEN ${dev} > ${n(1e-12)} AND xn${i} > ${n(0)} THEN xq${i} * ${steps} ELSE ${n(0)} END)`;
        } else d = `(xq${i} * xn${i})`;
        if (s.max) d = `(CASE WHEN ${d} > xm${i} THEN xm${i} ELSE ${d} END)`;
        return `CASE WHEN ${W} - ${d} < ${n(0)} THEN ${n(0)} ELSE ${W} - ${d} END`;
      }
      case 'checklist': {
        const gates = s.items.flatMap((it, k) => (it.gate ? [`xh${i}_${k}`] : []));
        const sum = s.items.map((it, k) => `(CASE WHEN xh${i}_${k} THEN ${n(awardPoints(it.award, w))} ELSE ${n(0)} END)`).join(' + ') || n(0);
        return gates.length ? `CASE WHEN ${gates.join(' AND ')} THEN ${sum} ELSE ${n(0)} END` : sum;
      }
      case 'likert': {
        const v = `xv${i}`;
        if (!s.target) return `${W} * ${v}`;
        const t = `xt${i}`;
        return `CASE WHEN ${t} > ${n(0)} THEN (CASE WHEN ${v} >= ${t} THEN ${W} ELSE ${W} * (${v} / NULLIF(${t}, ${n(0)})) END) ELSE ${W} END`;
      }
      case 'manual':
      case 'tiers':
      case 'formula':
        return `xv${i}`;
    }
  }

  /** After the rule: `less` (floored at 0), the rule's own rounding, then clamping to [0, weight]. */
  finish(ind: IrIndicator, i: number, p: string): string {
    const n = (v: number): string => this.x.num(v);
    if (ind.less) p = `(CASE WHEN ${n(0)} > ${p} - xl${i} THEN ${n(0)} ELSE ${p} - xl${i} END)`;
    if (ind.roundPoints !== undefined) p = this.x.roundHalfUp(p, ind.roundPoints);
    if (ind.clamp) p = `(CASE WHEN ${n(0)} > ${p} THEN ${n(0)} WHEN ${p} > ${n(ind.weight)} THEN ${n(ind.weight)} ELSE ${p} END)`;
    return p;
  }
}
