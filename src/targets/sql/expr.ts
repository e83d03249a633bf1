// IR expressions → SQL, twice over: the value, computed in doubles exactly as the JS scorer
// computes it (and never failing in SQL: divisors pass through NULLIF), and the first per-unit
// error evaluating it would raise in the scorer (an error id, or NULL), honouring its laziness:
// `and`/`or`/`?:` skip what JS skips, so a division it never reaches cannot fail the row.
import type { IrExpr, IrProgram, ValueType } from '../../ir/ir.js';
import { SqlEmitError, type Dialect } from './dialect.js';

export type Category = 'num' | 'bool' | 'str';

function categoryOfType(t: ValueType): Category {
  return t.kind === 'bool' ? 'bool' : t.kind === 'enum' ? 'str' : 'num';
}

/** The slack of runtime/helpers tolerance(): 1e-9 relative, at least 1e-9. */
function slack(v: number): number {
  return 1e-9 * Math.max(1, Math.abs(v));
}

/** SQL text repeats some operands (a rounded value, the right side of a comparison): nesting them grows
 * the text geometrically, so past this size an expression is refused instead of built. */
const MAX_EXPRESSION = 1_000_000;

function bounded(sql: string): string {
  if (sql.length > MAX_EXPRESSION) throw new SqlEmitError(`an expression of the ruleset nests too deep for SQL text (over ${MAX_EXPRESSION} characters); simplify nested round() or comparisons`);
  return sql;
}

export function coalesce(parts: readonly (string | null)[]): string | null {
  const real = parts.filter((p): p is string => p !== null);
  return real.length === 0 ? null : real.length === 1 ? real[0]! : `COALESCE(${real.join(', ')})`;
}

export class SqlExpr {
  constructor(
    readonly p: IrProgram,
    readonly d: Dialect,
    /** Which lets can fail: their error column is referenced only then. */
    readonly letFails: readonly boolean[],
  ) {}

  num(v: number): string {
    return this.d.number(v);
  }

  category(e: IrExpr): Category {
    switch (e.k) {
      case 'bool':
      case 'not':
      case 'cmp':
      case 'logic':
        return 'bool';
      case 'str':
        return 'str';
      case 'input':
        return categoryOfType(this.p.inputs[e.i]!.type);
      case 'let':
        return categoryOfType(this.p.lets[e.i]!.type);
      case 'cond':
        return this.category(e.t);
      default:
        return 'num';
    }
  }

  /** The tolerance of a computed value, as helpers.tolerance computes it. */
  tolerance(y: string): string {
    return `(${this.num(1e-9)} * GREATEST(${this.num(1)}, ABS(${y})))`;
  }

  compare(op: '>=' | '>' | '<=' | '<' | '==' | '!=', a: IrExpr, b: IrExpr, w: number | null): string {
    const x = this.value(a, w);
    if (this.category(a) !== 'num' || this.category(b) !== 'num') {
      if (op !== '==' && op !== '!=') throw new SqlEmitError(`\`${op}\` cannot compare ${this.category(a)} with ${this.category(b)}`);
      return `(${x} ${op === '==' ? '=' : '<>'} ${this.value(b, w)})`;
    }
    if (b.k === 'num') return `(${this.compareConst(op, x, b.v)})`;
    return this.compareNum(op, x, this.value(b, w));
  }

  /** `x op y` on two computed numbers, with the slack of y, as runtime/helpers compares them. */
  compareNum(op: '>=' | '>' | '<=' | '<' | '==' | '!=', x: string, y: string): string {
    const tol = this.tolerance(y);
    switch (op) {
      case '>=':
        return `(${x} >= ${y} - ${tol})`;
      case '>':
        return `(${x} > ${y} + ${tol})`;
      case '<=':
        return `(${x} <= ${y} + ${tol})`;
      case '<':
        return `(${x} < ${y} - ${tol})`;
      case '==':
        return `(ABS(${x} - ${y}) <= ${tol})`;
      case '!=':
        return `(NOT (ABS(${x} - ${y}) <= ${tol}))`;
    }
  }

  /** `x op v` with the slack folded into the constant, exactly as the JS scorer folds it. */
  compareConst(op: '>=' | '>' | '<=' | '<' | '==' | '!=', x: string, v: number): string {
    const s = slack(v);
    switch (op) {
      case '>=':
        return `${x} >= ${this.num(v - s)}`;
      case '>':
        return `${x} > ${this.num(v + s)}`;
      case '<=':
        return `${x} <= ${this.num(v + s)}`;
      case '<':
        return `${x} < ${this.num(v - s)}`;
      case '==':
        return `ABS(${x} - ${this.num(v)}) <= ${this.num(s)}`;
      case '!=':
        return `ABS(${x} - ${this.num(v)}) > ${this.num(s)}`;
    }
  }

  /** Half-up rounding to `digits` decimals, the operations of helpers.roundHalfUp in the same order. */
  roundHalfUp(x: string, digits: number): string {
    const f = this.num(10 ** digits);
    const s = `(ABS(${x}) * ${f})`;
    const r = `FLOOR(${s})`;
    const up = `CASE WHEN ${s} - ${r} >= ${this.num(0.5)} - ${this.num(1e-9)} * GREATEST(${this.num(1)}, ${s}) THEN ${r} + ${this.num(1)} WHEN ${s} - ${r} > ${this.num(1)} - ${this.num(1e-9)} * GREATEST(${this.num(1)}, ${s}) THEN ${r} + ${this.num(1)} ELSE ${r} END`;
    return `(CASE WHEN ${x} < ${this.num(0)} THEN -((${up}) / ${f}) ELSE (${up}) / ${f} END)`;
  }

  /** The value of `e`; `w` is what `full` stands for (null outside a score). */
  value(e: IrExpr, w: number | null): string {
    return bounded(this.valueOf(e, w));
  }

  private valueOf(e: IrExpr, w: number | null): string {
    switch (e.k) {
      case 'num':
        return this.num(e.v);
      case 'bool':
        return e.v ? 'TRUE' : 'FALSE';
      case 'str':
        return this.d.string(e.v);
      case 'full':
        return this.num(w ?? 0);
      case 'input':
        return `i${e.i}`;
      case 'let':
        return `l${e.i}`;
      case 'neg':
        return `(-(${this.value(e.a, w)}))`;
      case 'not':
        return `(NOT ${this.value(e.a, w)})`;
      case 'arith':
        return `(${this.value(e.a, w)} ${e.op} ${this.value(e.b, w)})`;
      case 'div':
        return `(${this.value(e.a, w)} / NULLIF(${this.value(e.b, w)}, ${this.num(0)}))`;
      case 'cmp':
        return this.compare(e.op, e.a, e.b, w);
      case 'logic':
        return `(${this.value(e.a, w)} ${e.op === 'and' ? 'AND' : 'OR'} ${this.value(e.b, w)})`;
      case 'cond':
        return `(CASE WHEN ${this.value(e.c, w)} THEN ${this.value(e.t, w)} ELSE ${this.value(e.e, w)} END)`;
      case 'call': {
        const args = e.args.map((a) => this.value(a, w));
        switch (e.fn) {
          case 'min':
            return args.length === 1 ? args[0]! : `LEAST(${args.join(', ')})`;
          case 'max':
            return args.length === 1 ? args[0]! : `GREATEST(${args.join(', ')})`;
          case 'abs':
            return `ABS(${args[0]})`;
          case 'round': {
            const digits = e.args[1];
            if (digits?.k !== 'num') throw new SqlEmitError('the digits of round() must be a constant');
            return this.roundHalfUp(args[0]!, digits.v);
          }
          case 'clamp':
            return `LEAST(GREATEST(${args[0]}, ${args[1]}), ${args[2]})`;
        }
      }
    }
  }

  /** The id of the first per-unit error evaluating `e` raises, or null when it cannot raise one. */
  error(e: IrExpr, w: number | null): string | null {
    const sql = this.errorOf(e, w);
    return sql === null ? null : bounded(sql);
  }

  private errorOf(e: IrExpr, w: number | null): string | null {
    switch (e.k) {
      case 'let':
        return this.letFails[e.i] ? `le${e.i}` : null;
      case 'neg':
      case 'not':
        return this.error(e.a, w);
      case 'arith':
      case 'cmp':
        return coalesce([this.error(e.a, w), this.error(e.b, w)]);
      case 'div': {
        // a divisor is zero as the scorer sees it: within the decimal slack (0.3 - 0.1 - 0.2 too)
        const zero = e.d >= 0 ? `CASE WHEN ABS(${this.value(e.b, w)}) <= ${this.num(1e-9)} THEN ${e.d} END` : null;
        return coalesce([this.error(e.a, w), this.error(e.b, w), zero]);
      }
      case 'logic': {
        const eb = this.error(e.b, w);
        // JS evaluates the right side of `a && b` only when a holds, of `a || b` only when it does not
        const guarded = eb === null ? null : `CASE WHEN ${e.op === 'and' ? '' : 'NOT '}${this.value(e.a, w)} THEN ${eb} END`;
        return coalesce([this.error(e.a, w), guarded]);
      }
      case 'cond': {
        const et = this.error(e.t, w);
        const ee = this.error(e.e, w);
        const branch = et === null && ee === null ? null : `CASE WHEN ${this.value(e.c, w)} THEN ${et ?? 'NULL'} ELSE ${ee ?? 'NULL'} END`;
        return coalesce([this.error(e.c, w), branch]);
      }
      case 'call':
        return coalesce(e.args.map((a) => this.error(a, w)));
      default:
        return null;
    }
  }
}
