// How figures are written for people: in explanations, messages and tables.
import type { ValueType } from './ir.js';

/** A number without float noise: 0.1 + 0.2 shows as 0.3. */
export function showNumber(v: number, maxDecimals = 6): string {
  if (!Number.isFinite(v)) return String(v);
  const s = v.toFixed(maxDecimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

export function showPercent(v: number, maxDecimals = 2): string {
  return `${showNumber(v * 100, maxDecimals)}%`;
}

/** Points as forms print them: two decimals. */
export function showPoints(v: number): string {
  return (Math.round(v * 100 + (v >= 0 ? 1e-9 : -1e-9)) / 100).toFixed(2);
}

/** Thousands separators for money, as Chinese reports write it: 3,852,135.04. */
export function showMoney(v: number): string {
  const [int, frac] = showNumber(v, 2).split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

export function showValue(v: number | boolean | string, type: ValueType | undefined): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return v;
  switch (type?.kind) {
    case 'percent':
      return showPercent(v);
    case 'money':
      return `${showMoney(v)}${type.unit}`;
    default:
      return showNumber(v, 4);
  }
}
