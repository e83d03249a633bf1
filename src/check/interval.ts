// Interval arithmetic for proving score bounds, and interval sets with open or closed ends
// for proving that bands cover every value without overlap.

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

export const ALL: Interval = { lo: -Infinity, hi: Infinity };
export const NON_NEGATIVE: Interval = { lo: 0, hi: Infinity };
export const UNIT: Interval = { lo: 0, hi: 1 };

export function point(v: number): Interval {
  return { lo: v, hi: v };
}
export function hull(a: Interval, b: Interval): Interval {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}
export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}
export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}
function mulPoint(x: number, y: number): number {
  // 0 × ∞ is 0 here: a zero factor really is zero.
  return x === 0 || y === 0 ? 0 : x * y;
}
export function mul(a: Interval, b: Interval): Interval {
  const ps = [mulPoint(a.lo, b.lo), mulPoint(a.lo, b.hi), mulPoint(a.hi, b.lo), mulPoint(a.hi, b.hi)];
  return { lo: Math.min(...ps), hi: Math.max(...ps) };
}
export function div(a: Interval, b: Interval): Interval {
  if (b.lo <= 0 && b.hi >= 0) return ALL;
  return mul(a, { lo: 1 / b.hi, hi: 1 / b.lo });
}
export function neg(a: Interval): Interval {
  return { lo: -a.hi, hi: -a.lo };
}
export function abs(a: Interval): Interval {
  if (a.lo >= 0) return a;
  if (a.hi <= 0) return neg(a);
  return { lo: 0, hi: Math.max(-a.lo, a.hi) };
}
export function within(a: Interval, outer: Interval): boolean {
  return a.lo >= outer.lo && a.hi <= outer.hi;
}

/** A piece of the real line with explicit ends: [lo, hi], (lo, hi], … */
export interface Piece {
  readonly lo: number;
  readonly loClosed: boolean;
  readonly hi: number;
  readonly hiClosed: boolean;
}

export function piece(lo: number, loClosed: boolean, hi: number, hiClosed: boolean): Piece {
  return { lo, loClosed: loClosed && lo !== -Infinity, hi, hiClosed: hiClosed && hi !== Infinity };
}

function isEmpty(p: Piece): boolean {
  return p.lo > p.hi || (p.lo === p.hi && !(p.loClosed && p.hiClosed));
}

function intersect(p: Piece, r: Piece): Piece {
  const lo = Math.max(p.lo, r.lo);
  const hi = Math.min(p.hi, r.hi);
  const loClosed = p.lo === r.lo ? p.loClosed && r.loClosed : p.lo > r.lo ? p.loClosed : r.loClosed;
  const hiClosed = p.hi === r.hi ? p.hiClosed && r.hiClosed : p.hi < r.hi ? p.hiClosed : r.hiClosed;
  return { lo, loClosed, hi, hiClosed };
}

/** The parts of `p` not covered by `q`: what lies left of q's start and right of q's end. */
function subtractPiece(p: Piece, q: Piece): Piece[] {
  if (isEmpty(q)) return [p];
  const left = intersect(p, { lo: -Infinity, loClosed: false, hi: q.lo, hiClosed: !q.loClosed });
  const right = intersect(p, { lo: q.hi, loClosed: !q.hiClosed, hi: Infinity, hiClosed: false });
  return [left, right].filter((x) => !isEmpty(x));
}

/** The parts of `pieces` not covered by `q`. */
export function subtract(pieces: readonly Piece[], q: Piece): Piece[] {
  return pieces.flatMap((p) => (isEmpty(p) ? [] : subtractPiece(p, q)));
}

export function showPiece(p: Piece, show: (v: number) => string): string {
  if (p.lo === p.hi) return `= ${show(p.lo)}`;
  const lo = p.lo === -Infinity ? '' : `${show(p.lo)} ${p.loClosed ? '≤' : '<'} `;
  const hi = p.hi === Infinity ? '' : ` ${p.hiClosed ? '≤' : '<'} ${show(p.hi)}`;
  return `${lo}x${hi}`;
}
