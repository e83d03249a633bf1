// Helpers shared by the generated evaluator and everything that reads its output. Imports nothing,
// so a standalone module can carry a copy of it.

/**
 * Half-up rounding that is right on decimals: 89.995 written as a sum of parts (whose binary sum
 * may be 89.99499999999999) rounds to 90.00. Values within a billionth of a half are treated as
 * the half they stand for; figures in this domain never carry more than nine significant decimals.
 */
export function roundHalfUp(x: number, digits: number): number {
  const f = 10 ** digits;
  const s = Math.abs(x) * f;
  let r = Math.floor(s);
  if (s - r >= 0.5 - 1e-9 * Math.max(1, s)) r += 1;
  // a value a hair below an integer (8999.999999999998) is that integer
  else if (s - r > 1 - 1e-9 * Math.max(1, s)) r += 1;
  const out = r / f;
  return x < 0 ? -out : out;
}

/** The slack used when comparing computed decimals: 0.7 + 0.2 >= 0.9 holds. */
export function tolerance(v: number): number {
  return 1e-9 * Math.max(1, Math.abs(v));
}

export function ge(a: number, b: number): boolean {
  return a >= b - tolerance(b);
}
export function gt(a: number, b: number): boolean {
  return a > b + tolerance(b);
}
export function le(a: number, b: number): boolean {
  return a <= b + tolerance(b);
}
export function lt(a: number, b: number): boolean {
  return a < b - tolerance(b);
}
export function eq(a: number | boolean | string, b: number | boolean | string): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= tolerance(b);
  return a === b;
}

/** A figure as results carry it: float noise removed, at most six decimals. */
export function clean(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

/** A per-unit evaluation error: data that cannot be scored (division by zero, a manual score out of range). */
export class UnitError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly indicator: string | null = null,
  ) {
    super(en);
  }
}
