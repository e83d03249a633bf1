// The bulk writer's numbers: the bytes must be exactly String(clean(x)) and toFixed, for every value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_BYTES, writeFixed, writePoints, writeUint } from '../../src/runtime/digits.js';
import { clean, roundHalfUp } from '../../src/runtime/helpers.js';

const buf = Buffer.alloc(MAX_NUMBER_BYTES + 8);
const text = (write: (b: Buffer, pos: number) => number): string => {
  // a prefix checks that the writer starts at the offset it is given
  buf.write('ab', 0);
  const end = write(buf, 2);
  expect(buf.toString('latin1', 0, 2)).toBe('ab');
  return buf.toString('latin1', 2, end);
};

describe('writePoints', () => {
  it('writes String(clean(x)) for the values points take', () => {
    for (const x of [0, -0, 1, 5, 10, 99, 100, 12345, 4.877778, 22.894444, 0.000001, 0.0000005, 0.0000004, 1 / 3, 2 / 3, 2.675, 89.995, -1.5, -0.0000004, 999999999.9999, 1e9, 1e21, 123456789.123456, NaN, Infinity, -Infinity])
      expect(text((b, p) => writePoints(b, p, x)), String(x)).toBe(String(clean(x)));
  });

  it('writes String(clean(x)) for random doubles of every magnitude', () => {
    const magnitudes = fc.oneof(
      fc.double({ min: -200, max: 200, noNaN: true }),
      fc.double({ min: -1e10, max: 1e10, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1e6),
      fc.integer({ min: 0, max: 1e8 }).map((n) => n / 1e6 + 0.0000005),
      fc.double({ noNaN: true }),
    );
    fc.assert(
      fc.property(magnitudes, (x) => {
        expect(text((b, p) => writePoints(b, p, x))).toBe(String(clean(x)));
      }),
      { seed: 20261122, numRuns: 20000 },
    );
  });
});

describe('writeFixed', () => {
  it('writes toFixed of a total rounded half-up', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const total = roundHalfUp(x, d);
        expect(text((b, p) => writeFixed(b, p, total, d))).toBe(total.toFixed(d));
      }),
      { seed: 20261122, numRuns: 20000 },
    );
    expect(text((b, p) => writeFixed(b, p, 82.9, 2))).toBe('82.90');
    expect(text((b, p) => writeFixed(b, p, 100, 0))).toBe('100');
    expect(text((b, p) => writeFixed(b, p, 0.05, 1))).toBe('0.1');
  });
});

describe('writeUint', () => {
  it('writes the decimal digits of whole numbers', () => {
    for (const v of [0, 7, 10, 99, 100, 999, 1000, 65536, 2147483647]) expect(text((b, p) => writeUint(b, p, v))).toBe(String(v));
  });
});
