// Walking IR expressions: the direct subexpressions of a node, and the lets an expression reads.
import type { IrExpr } from '../../ir/ir.js';

export function subExprs(e: IrExpr): readonly IrExpr[] {
  switch (e.k) {
    case 'neg':
    case 'not':
      return [e.a];
    case 'arith':
    case 'div':
    case 'cmp':
    case 'logic':
      return [e.a, e.b];
    case 'cond':
      return [e.c, e.t, e.e];
    case 'call':
      return e.args;
    default:
      return [];
  }
}

/** The indices of the lets an expression reads directly (not through other lets). */
export function letsUsed(e: IrExpr, into: Set<number> = new Set()): Set<number> {
  if (e.k === 'let') into.add(e.i);
  for (const s of subExprs(e)) letsUsed(s, into);
  return into;
}
