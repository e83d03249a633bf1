// Exact rational numbers on BigInt, for the reference interpreter: decimals as written, with no
// binary rounding anywhere, so "decimal-correct" has something exact to be compared with.

export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rat(n: bigint, d = 1n): Rat {
  if (d === 0n) throw new Error('zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const ZERO = rat(0n);
export const ONE = rat(1n);

/** A decimal as written: "-12.345", "1e-7", "0.855". */
export function decimal(s: string): Rat {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal: ${s}`);
  const digits = BigInt(`${m[2] || '0'}${m[3] ?? ''}`);
  const exp = Number(m[4] ?? 0) - (m[3] ?? '').length;
  const sign = m[1] === '-' ? -1n : 1n;
  return exp >= 0 ? rat(sign * digits * 10n ** BigInt(exp)) : rat(sign * digits, 10n ** BigInt(-exp));
}

/** The decimal a double was written as: its shortest round-trip form. */
export function ofNumber(v: number): Rat {
  return decimal(String(v));
}

export const add = (a: Rat, b: Rat): Rat => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rat, b: Rat): Rat => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rat, b: Rat): Rat => rat(a.n * b.n, a.d * b.d);
export const div = (a: Rat, b: Rat): Rat => rat(a.n * b.d, a.d * b.n);
export const neg = (a: Rat): Rat => rat(-a.n, a.d);
export const cmp = (a: Rat, b: Rat): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const isZero = (a: Rat): boolean => a.n === 0n;
export const abs = (a: Rat): Rat => (a.n < 0n ? neg(a) : a);
export const min = (a: Rat, b: Rat): Rat => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Rat, b: Rat): Rat => (cmp(a, b) >= 0 ? a : b);

/** The nearest double, for comparing with the evaluator. */
export function toNumber(a: Rat): number {
  return Number(toDecimal(a, 20));
}

/** Exact half-up rounding (away from zero on a tie) to `digits` decimals. */
export function roundHalfUp(a: Rat, digits: number): Rat {
  const f = 10n ** BigInt(digits);
  const scaled = abs(a).n * f;
  let q = scaled / abs(a).d;
  if ((scaled % abs(a).d) * 2n >= abs(a).d) q += 1n;
  return rat(a.n < 0n ? -q : q, f);
}

/** The distance of `a` to the tie of rounding it to `digits` decimals (the x.xx5 between its neighbours). */
export function distanceToTie(a: Rat, digits: number): Rat {
  const f = 10n ** BigInt(digits);
  const floor = rat((abs(a).n * f) / abs(a).d, f);
  return abs(sub(abs(a), add(floor, rat(1n, 2n * f))));
}

/** `a` written with up to `digits` decimals (truncated), for messages and conversion. */
export function toDecimal(a: Rat, digits = 12): string {
  const sign = a.n < 0n ? '-' : '';
  const n = a.n < 0n ? -a.n : a.n;
  const f = 10n ** BigInt(digits);
  const scaled = (n * f) / a.d;
  const int = scaled / f;
  const frac = (scaled % f).toString().padStart(digits, '0').replace(/0+$/, '');
  return `${sign}${int}${frac ? `.${frac}` : ''}`;
}

/** Whether the decimal expansion of `a` ends within `digits` places. */
export function isFiniteDecimal(a: Rat, digits: number): boolean {
  return (a.n * 10n ** BigInt(digits)) % a.d === 0n;
}
