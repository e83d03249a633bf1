// Static types of expressions, with units, and how operators combine them.
import type { MoneyUnit, ValueType } from '../ir/ir.js';

export type Ty =
  | { readonly kind: 'number' | 'percent' | 'count' | 'score' | 'bool' | 'error' }
  | { readonly kind: 'money'; readonly unit: MoneyUnit }
  | { readonly kind: 'enum'; readonly members: readonly string[] }
  /** A bare name that resolved to nothing yet: it may be an enum member on the other side of `==`. */
  | { readonly kind: 'member'; readonly name: string };

export const NUMBER: Ty = { kind: 'number' };
export const PERCENT: Ty = { kind: 'percent' };
export const SCORE: Ty = { kind: 'score' };
export const BOOL: Ty = { kind: 'bool' };
export const ERROR: Ty = { kind: 'error' };

export function isNumeric(t: Ty): boolean {
  return t.kind === 'number' || t.kind === 'percent' || t.kind === 'count' || t.kind === 'score';
}

export function showType(t: Ty): { zh: string; en: string } {
  switch (t.kind) {
    case 'number':
      return { zh: '数值', en: 'number' };
    case 'percent':
      return { zh: '百分比', en: 'percent' };
    case 'count':
      return { zh: '计数', en: 'count' };
    case 'score':
      return { zh: '分数', en: 'score' };
    case 'bool':
      return { zh: '是否', en: 'bool' };
    case 'money':
      return { zh: `金额(${t.unit})`, en: `money(${t.unit})` };
    case 'enum':
      return { zh: `枚举(${t.members.join('、')})`, en: `enum(${t.members.join(', ')})` };
    case 'member':
      return { zh: `名称 ${t.name}`, en: `name ${t.name}` };
    case 'error':
      return { zh: '错误', en: 'error' };
  }
}

export function toValueType(t: Ty): ValueType {
  switch (t.kind) {
    case 'money':
      return { kind: 'money', unit: t.unit };
    case 'enum':
      return { kind: 'enum', members: t.members };
    case 'percent':
    case 'count':
    case 'score':
    case 'bool':
      return { kind: t.kind };
    default:
      return { kind: 'number' };
  }
}

export function fromValueType(t: ValueType): Ty {
  return t;
}

/** The type of `a + b` / `a - b` for numeric operands. */
export function addType(a: Ty, b: Ty): Ty {
  if (a.kind === b.kind) return a;
  if (a.kind === 'score' || b.kind === 'score') return SCORE;
  if (a.kind === 'percent' || b.kind === 'percent') return PERCENT;
  return NUMBER;
}

/** The type of `a * b` for operands that are not money. */
export function mulType(a: Ty, b: Ty): Ty {
  if (a.kind === 'score' || b.kind === 'score') return SCORE;
  if (a.kind === 'percent' && b.kind === 'percent') return PERCENT;
  if (a.kind === 'percent') return b.kind === 'number' ? NUMBER : b;
  if (b.kind === 'percent') return a.kind === 'number' ? NUMBER : a;
  return NUMBER;
}

/** The type of `a / b` for operands that are not money: like over like is a ratio. */
export function divType(a: Ty, b: Ty): Ty {
  if (a.kind === b.kind && a.kind !== 'number') return PERCENT;
  if (b.kind === 'number') return a;
  return NUMBER;
}
