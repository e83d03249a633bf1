// The indicator tree in SQL: each indicator's points `t<i>` and applicability `a<i>` (0, 1, or 2
// for full marks when not applicable), level by level from the deepest up, as the JS scorer adds
// them up — relative levels scaled, pools refilled, weight moved by `na when … to` — and the
// applicable weight and the "something does not apply" flag that decide the total.
import type { IrIndicator, IrProgram } from '../../ir/ir.js';
import type { SqlExpr } from './expr.js';
import type { Column } from './rules.js';

export class Tree {
  /** What turns an indicator's weight into points of the total (relative levels scale it). */
  readonly factor: number[] = [];
  /** Under a pool or placeholder: only the pool counts in the denominator. */
  readonly inPool: boolean[] = [];

  constructor(
    readonly p: IrProgram,
    readonly x: SqlExpr,
  ) {
    p.indicators.forEach((ind, i) => {
      const up = p.indicators[ind.parent];
      if (!up) {
        this.factor[i] = 1;
        this.inPool[i] = false;
        return;
      }
      const pooled = up.aggregation === 'pool' || up.aggregation === 'placeholder';
      this.inPool[i] = this.inPool[ind.parent]! || pooled;
      // as the scorer computes it: (factor × weight) / scale under a relative level, 1 in a pool
      this.factor[i] = pooled ? 1 : up.aggregation === 'relative' ? (this.factor[ind.parent]! * up.weight) / up.scale! : this.factor[ind.parent]!;
    });
  }

  private num(v: number): string {
    return this.x.num(v);
  }

  /** A leaf scored by its rule; a placeholder without indicators is an empty pool. */
  static scored(ind: IrIndicator): boolean {
    return ind.children.length === 0 && ind.aggregation !== 'placeholder' && ind.score !== null;
  }

  static pooling(ind: IrIndicator): boolean {
    return ind.aggregation === 'pool' || ind.aggregation === 'placeholder';
  }

  /** "No na condition on the path to i holds", over its ancestors (and i itself when `self`). */
  reached(i: number, self: boolean): string {
    const conds: string[] = [];
    for (let k = self ? i : this.p.indicators[i]!.parent; k >= 0; k = this.p.indicators[k]!.parent) {
      if (this.p.indicators[k]!.na) conds.unshift(`NOT n${k}`);
    }
    return conds.length === 0 ? 'TRUE' : conds.length === 1 ? conds[0]! : `(${conds.join(' AND ')})`;
  }

  /** Indicator i's own na condition is what takes it out (its parent is reached). */
  naHere(i: number): string {
    return this.p.indicators[i]!.na ? `(${this.reached(i, false)} AND n${i})` : 'FALSE';
  }

  /** `(a0 = 1 OR …) ? 1 : (a0 <> 0 OR …) ? 2 : 0`, the scorer's applicability of a parent. */
  private appOf(kids: readonly number[]): string {
    if (kids.length === 0) return '0';
    return `CASE WHEN ${kids.map((c) => `a${c} = 1`).join(' OR ')} THEN 1 WHEN ${kids.map((c) => `a${c} <> 0`).join(' OR ')} THEN 2 ELSE 0 END`;
  }

  /** Σ of the weights of the members that count: `(app[c] ? w : 0) + …`. */
  private used(kids: readonly number[]): string {
    return kids.map((c) => `(CASE WHEN a${c} <> 0 THEN ${this.num(this.p.indicators[c]!.weight)} ELSE ${this.num(0)} END)`).join(' + ') || this.num(0);
  }

  /** Points and applicability of an indicator that is reached and applies itself. */
  private live(ind: IrIndicator, i: number): { pts: string; app: string } {
    const kids = ind.children;
    const sum = kids.map((c) => `t${c}`).join(' + ');
    if (Tree.pooling(ind)) {
      const used = `(${this.used(kids)})`;
      const refill = `(${sum || this.num(0)}) / NULLIF(${used}, ${this.num(0)}) * ${this.num(ind.weight)}`;
      return { pts: `(CASE WHEN ${used} > ${this.num(0)} THEN ${refill} ELSE ${this.num(0)} END)`, app: `(CASE WHEN ${used} > ${this.num(0)} THEN ${this.appOf(kids)} ELSE 0 END)` };
    }
    if (kids.length === 0) return { pts: `f${i}`, app: '1' };
    const pts = ind.aggregation === 'relative' ? `((${sum}) * ${this.num(ind.weight / ind.scale!)})` : `(${sum})`;
    return { pts, app: this.appOf(kids) };
  }

  /** Points grow by 1 + w/Σw for each `na when … to` naming i that holds, in the scorer's order. */
  private moved(i: number, pts: string): string {
    const p = this.p;
    let out = pts;
    p.indicators.forEach((src, s) => {
      if (src.naMode !== 'transfer' || !src.naTargets?.includes(i)) return;
      const share = src.naTargets.reduce((sum, t) => sum + p.indicators[t]!.weight, 0);
      out = `(${out} * CASE WHEN ${this.naHere(s)} THEN ${this.num(1 + src.weight / share)} ELSE ${this.num(1)} END)`;
    });
    return out;
  }

  /** One stage per depth, the deepest first: `t<i>` and `a<i>` of every indicator at that depth. */
  levels(): Column[][] {
    const p = this.p;
    const depth = Math.max(-1, ...p.indicators.map((ind) => ind.depth));
    const out: Column[][] = [];
    for (let d = depth; d >= 0; d--) {
      const cols: Column[] = [];
      p.indicators.forEach((ind, i) => {
        if (ind.depth !== d) return;
        const live = this.live(ind, i);
        const full = ind.naMode === 'full';
        const naPts = full ? `WHEN ${this.naHere(i)} THEN ${this.num(ind.weight)} ` : '';
        const naApp = full ? `WHEN ${this.naHere(i)} THEN 2 ` : '';
        const here = this.reached(i, true);
        cols.push([`t${i}`, `CASE WHEN ${here} THEN ${this.moved(i, live.pts)} ${naPts}ELSE ${this.num(0)} END`]);
        cols.push([`a${i}`, `CASE WHEN ${here} THEN ${live.app} ${naApp}ELSE 0 END`]);
      });
      out.push(cols);
    }
    return out;
  }

  /** The top indicators' points added up. */
  raw(): string {
    const roots = this.p.indicators.flatMap((ind, i) => (ind.parent === -1 ? [`t${i}`] : []));
    return roots.join(' + ');
  }

  /**
   * The applicable weight, added in tree order as the scorer adds it: a leaf that applies, a pool
   * that some member refills, an indicator not applicable with full marks or moved weight.
   */
  applicableWeight(): string {
    const terms = this.p.indicators.flatMap((ind, i) => {
      if (this.inPool[i]) return [];
      const when: string[] = [];
      if (Tree.scored(ind)) when.push(this.reached(i, true));
      else if (Tree.pooling(ind)) when.push(`(${this.reached(i, true)} AND a${i} <> 0)`);
      if (ind.naMode) when.push(this.naHere(i));
      if (when.length === 0) return [];
      return [`(CASE WHEN ${when.join(' OR ')} THEN ${this.num(ind.weight * this.factor[i]!)} ELSE ${this.num(0)} END)`];
    });
    return [this.num(0), ...terms].join(' + ');
  }

  /** Whether weight left the denominator: an na that rescales, or a pool nothing refills. */
  rescaled(): string {
    const terms = this.p.indicators.flatMap((ind, i) => {
      if (this.inPool[i]) return [];
      const out: string[] = [];
      if (ind.na && !ind.naMode) out.push(this.naHere(i));
      if (Tree.pooling(ind)) out.push(`(${this.reached(i, true)} AND a${i} = 0)`);
      return out;
    });
    return terms.length ? terms.join(' OR ') : 'FALSE';
  }
}
