// Figures written as ir/format.ts writes them (showNumber, showPercent, showMoney), in SQL, for
// the reason beside a light. JS toFixed rounds the exact binary value of a double half up, so
// 55.675 (stored as 55.67499999999999…) shows as 55.67: the product x·10^d is taken exactly, as
// a double and its rounding error (Dekker's product), and rounded from the two.
import type { ValueType } from '../../ir/ir.js';
import type { Dialect } from './dialect.js';

/** Splits a double into halves of 26 bits (Veltkamp): 2^27 + 1. */
const SPLIT = 134217729;

export class Show {
  constructor(readonly d: Dialect) {}

  private n(v: number): string {
    return this.d.number(v);
  }

  /**
   * round(|x| · 10^digits) with ties up, on the exact value, as a double holding an integer:
   * the `n` of JS toFixed. `x` should be a column, as it is repeated.
   */
  scaled(x: string, digits: number): string {
    const f = this.n(10 ** digits);
    const a = `ABS(${x})`;
    const p = `(${a} * ${f})`;
    const c = `(${this.n(SPLIT)} * ${a})`;
    const hi = `(${c} - (${c} - ${a}))`;
    const lo = `(${a} - ${hi})`;
    // 10^digits ≤ 10^6 has fewer than 27 bits, so its own low half is 0
    const err = `((${hi} * ${f} - ${p}) + ${lo} * ${f})`;
    const frac = `(${p} - FLOOR(${p}))`;
    const half = this.n(0.5);
    return `(FLOOR(${p}) + CASE WHEN ${frac} > ${half} OR (${frac} = ${half} AND ${err} >= ${this.n(0)}) THEN ${this.n(1)} ELSE ${this.n(0)} END)`;
  }

  private text(sql: string): string {
    return `CAST(${sql} AS ${this.d.textType})`;
  }

  /** Thousands separators, as showMoney writes them: 3,852,135. */
  private grouped(int: string): string {
    const arms: string[] = [];
    for (let groups = 1; groups <= 6; groups++) {
      const parts = [this.text(this.d.intDiv(int, String(1000 ** (groups - 1))))];
      for (let g = groups - 2; g >= 0; g--) parts.push(`LPAD(${this.text(`${this.d.intDiv(int, String(1000 ** g))} % 1000`)}, 3, '0')`);
      arms.push(groups === 6 ? `ELSE ${parts.join(` || ',' || `)}` : `WHEN ${int} < ${1000 ** groups} THEN ${parts.join(` || ',' || `)}`);
    }
    return `(CASE ${arms.join(' ')} END)`;
  }

  /**
   * showNumber(x, digits) from `x` and its `scaled` column: sign, whole part, then the decimals
   * without trailing zeros (-0.001 shows as -0, as toFixed and the zero stripping leave it).
   */
  number(x: string, scaled: string, digits: number, money = false): string {
    const n = `CAST(${scaled} AS BIGINT)`;
    const f = String(10 ** digits);
    const int = this.d.intDiv(n, f);
    const whole = money ? this.grouped(int) : this.text(int);
    const sign = `CASE WHEN ${x} < ${this.n(0)} THEN '-' ELSE '' END`;
    if (digits === 0) return `(${sign} || ${whole})`;
    const decimals = `RTRIM(LPAD(${this.text(`${n} % ${f}`)}, ${digits}, '0'), '0')`;
    return `(${sign} || ${whole} || CASE WHEN ${decimals} = '' THEN '' ELSE '.' || ${decimals} END)`;
  }

  /** How many decimals, and the factor applied first, for a figure of this type (showValue). */
  static format(type: ValueType): { digits: number; factor: number } {
    if (type.kind === 'percent') return { digits: 2, factor: 100 };
    if (type.kind === 'money') return { digits: 2, factor: 1 };
    return { digits: 4, factor: 1 };
  }

  /** showValue: `x` is the figure, `scaled` its `scaled` column after the format's factor. */
  value(x: string, scaled: string, type: ValueType): string {
    if (type.kind === 'enum') return x;
    if (type.kind === 'percent') return `(${this.number(x, scaled, 2)} || '%')`;
    if (type.kind === 'money') return `(${this.number(x, scaled, 2, true)} || ${this.d.string(type.unit)})`;
    return this.number(x, scaled, 4);
  }
}
