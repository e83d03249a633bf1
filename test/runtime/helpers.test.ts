import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean, eq, ge, gt, le, lt, roundHalfUp } from '../../src/runtime/helpers.js';

describe('roundHalfUp', () => {
  it.each([
    // the grade boundaries, written as decimals whose binary value lies just below the half
    [89.995, 2, 90],
    [79.995, 2, 80],
    [59.995, 2, 60],
    [89.99499999999999, 2, 90], // 0.1 + 0.2 + 89.695 in binary
    [89.994999, 2, 89.99],
    [89.9949, 2, 89.99],
    // the classic cases naive Math.round(x * 100) / 100 gets wrong
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [0.285, 2, 0.29],
    [1.0049999, 2, 1],
    // whole points (paper forms round 8.6 to 9) and halves going up
    [8.6, 0, 9],
    [0.5, 0, 1],
    [1.5, 0, 2],
    [2.5, 0, 3],
    [89.5, 0, 90],
    [89.49, 0, 89],
    // one decimal
    [0.05, 1, 0.1],
    [0.15, 1, 0.2],
    [0.25, 1, 0.3],
    [0.35, 1, 0.4],
    [1.45, 1, 1.5],
    [4.35, 1, 4.4],
    // more places, large and exact values
    [0.0005, 3, 0.001],
    [0.1234565, 6, 0.123457],
    [1000000.005, 2, 1000000.01],
    [0.1 + 0.2, 2, 0.3],
    [100, 2, 100],
    [0, 2, 0],
    // negatives round half away from zero, like 四舍五入 and a spreadsheet's ROUND
    [-1.005, 2, -1.01],
    [-0.5, 0, -1],
    [-89.994, 2, -89.99],
  ])('roundHalfUp(%d, %d) = %d', (x, digits, want) => {
    expect(roundHalfUp(x, digits)).toBe(want);
  });

  it('gives 0, not -0, for -0', () => {
    expect(Object.is(roundHalfUp(-0, 2), 0)).toBe(true);
  });

  // Figures of this domain: parts with at most 4 decimals (integer ten-thousandths), added in
  // binary floating point as the evaluator adds them. The result must be the exact decimal
  // half-up rounding, computed here with integers only.
  const parts = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 });

  it.each([0, 1, 2])('matches exact integer half-up on sums of 4-decimal parts, to %d places', (digits) => {
    const unit = 10 ** (4 - digits); // ten-thousandths per unit of the last kept place
    fc.assert(
      fc.property(parts, (ks) => {
        const binary = ks.reduce((s, k) => s + k / 10_000, 0);
        const exact = ks.reduce((s, k) => s + k, 0); // in ten-thousandths, exact
        const want = Math.floor((exact + unit / 2) / unit) / 10 ** digits;
        return roundHalfUp(binary, digits) === want;
      }),
      { seed: 20240531, numRuns: 3000 },
    );
  });

  it('matches exact half-up on sums that land exactly on a half cent', () => {
    // parts in cents plus one half-cent part: the sum always ends in 5 at the third decimal
    const cents = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(cents, (cs) => {
        const binary = cs.reduce((s, c) => s + c / 100, 0) + 0.005;
        const exactCents = cs.reduce((s, c) => s + c, 0) + 1; // half up: x.xx5 → x.xx + 0.01
        return roundHalfUp(binary, 2) === exactCents / 100;
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});

describe('decimal comparisons', () => {
  it('treats 0.7 + 0.2 as 0.9', () => {
    expect(0.7 + 0.2 >= 0.9).toBe(false);
    expect(ge(0.7 + 0.2, 0.9)).toBe(true);
    expect(le(0.7 + 0.2, 0.9)).toBe(true);
    expect(eq(0.7 + 0.2, 0.9)).toBe(true);
    expect(gt(0.7 + 0.2, 0.9)).toBe(false);
    expect(lt(0.7 + 0.2, 0.9)).toBe(false);
  });

  it('still tells apart values a ten-thousandth apart', () => {
    expect(ge(0.8999, 0.9)).toBe(false);
    expect(gt(0.9001, 0.9)).toBe(true);
    expect(lt(0.8999, 0.9)).toBe(true);
    expect(eq(0.9001, 0.9)).toBe(false);
  });

  it('compares text and bools exactly', () => {
    expect(eq('达成', '达成')).toBe(true);
    expect(eq('达成', '未达成')).toBe(false);
    expect(eq(true, true)).toBe(true);
  });
});

describe('clean', () => {
  it('removes float noise to six decimals and negative zero', () => {
    expect(clean(0.1 + 0.2)).toBe(0.3);
    expect(clean(9.5555555555)).toBe(9.555556);
    expect(Object.is(clean(-1e-12), 0)).toBe(true);
  });
});
