// Numbers written as ASCII bytes into a buffer, for the bulk CSV writer: the same text as
// String(clean(x)) and x.toFixed(d), without making a string per number. Pure functions of
// (buffer, offset, value) → the offset after the text; the caller leaves MAX_NUMBER_BYTES of room.
import { clean } from './helpers.js';

/** Room one number may take: String() of any double is at most 25 characters. */
export const MAX_NUMBER_BYTES = 32;

/** "00" to "99" as ASCII bytes: two digits per lookup. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, k) => 48 + (k % 2 === 0 ? Math.floor(k / 20) : Math.floor(k / 2) % 10));
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

function ascii(buf: Uint8Array, pos: number, s: string): number {
  for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
  return pos;
}

/** A whole number in [0, 2^31) in decimal. */
export function writeUint(buf: Uint8Array, pos: number, v: number): number {
  if (v < 10) {
    buf[pos] = 48 + v;
    return pos + 1;
  }
  if (v < 100) {
    buf[pos] = PAIRS[2 * v]!;
    buf[pos + 1] = PAIRS[2 * v + 1]!;
    return pos + 2;
  }
  let width = 3;
  for (let t = (v / 1000) | 0; t > 0; t = (t / 10) | 0) width++;
  let p = pos + width;
  do {
    const q = (v / 10) | 0;
    buf[--p] = 48 + v - q * 10;
    v = q;
  } while (v > 0);
  return pos + width;
}

/**
 * `String(clean(x))`: clean rounds to a whole number n of millionths, and below 2^33 doubles are
 * denser than millionths, so the shortest text of n / 10^6 is n's digits with the point put back
 * and the trailing zeros dropped. Larger magnitudes (and NaN) take String().
 */
export function writePoints(buf: Uint8Array, pos: number, x: number): number {
  if (!(Math.abs(x) < 1e9)) return ascii(buf, pos, String(clean(x)));
  let n = Math.round(x * 1e6);
  if (n === 0) {
    buf[pos] = 48;
    return pos + 1;
  }
  if (n < 0) {
    buf[pos++] = 45;
    n = -n;
  }
  const whole = Math.floor(n / 1e6);
  const frac = (n - whole * 1e6) | 0; // below 10^6: int32 arithmetic is exact from here
  pos = writeUint(buf, pos, whole);
  if (frac === 0) return pos;
  // six decimals as three digit pairs, then the trailing zeros dropped (one stays: frac > 0)
  buf[pos] = 46;
  const hi = (frac / 10000) | 0;
  const rest = frac - hi * 10000;
  const mid = (rest / 100) | 0;
  const lo = rest - mid * 100;
  buf[pos + 1] = PAIRS[2 * hi]!;
  buf[pos + 2] = PAIRS[2 * hi + 1]!;
  buf[pos + 3] = PAIRS[2 * mid]!;
  buf[pos + 4] = PAIRS[2 * mid + 1]!;
  buf[pos + 5] = PAIRS[2 * lo]!;
  buf[pos + 6] = PAIRS[2 * lo + 1]!;
  let last = pos + 6;
  while (buf[last] === 48) last--;
  return last + 1;
}

/**
 * `x.toFixed(digits)` for a total already rounded to `digits` decimals: it is the double nearest
 * some k / 10^digits, and k's digits with the point put in are its text. Negative, large or
 * non-finite values, and more than 6 digits, take toFixed().
 */
export function writeFixed(buf: Uint8Array, pos: number, x: number, digits: number): number {
  if (!(x >= 0 && x < 1e9 && digits <= 6)) return ascii(buf, pos, x.toFixed(digits));
  const scale = POW10[digits]!;
  const k = Math.round(x * scale);
  const whole = Math.floor(k / scale);
  pos = writeUint(buf, pos, whole);
  if (digits === 0) return pos;
  let frac = k - whole * scale;
  buf[pos] = 46;
  for (let d = digits; d >= 1; d--) {
    const q = Math.floor(frac / 10);
    buf[pos + d] = 48 + frac - q * 10;
    frac = q;
  }
  return pos + digits + 1;
}
