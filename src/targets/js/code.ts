// The code writer of the JS target: lines in function scopes, fresh names, IR expressions as JS
// expressions. User text never enters code: names reach it only as JSON string literals.
import type { IrBand, IrExpr, IrProgram } from '../../ir/ir.js';

export interface EmitOptions {
  /** Record the figures each explanation needs (slower; off for bulk scoring). */
  readonly explain: boolean;
  /** Escape `<` in literals and comments too, so the code can sit inline in an HTML <script>. */
  readonly html?: boolean;
  /** Split the scorer into parts of about this many indicators when it has more (default PART_INDICATORS). */
  readonly partIndicators?: number;
}

/** A JSON string literal that is also safe inside a JS source file (U+2028/9 escaped). */
export function str(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A number literal; -0, NaN and infinities cannot come from a checked ruleset. */
export function num(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`non-finite constant ${v}`);
  return Object.is(v, -0) ? '0' : String(v);
}

/** The slack below which two computed decimals are equal (see runtime/helpers tolerance). */
export function slack(v: number): number {
  return 1e-9 * Math.max(1, Math.abs(v));
}

/** `x op v` for a constant v, with the decimal slack folded into the constant. */
export function cmpConst(op: '>=' | '>' | '<=' | '<' | '==' | '!=', x: string, v: number): string {
  const s = slack(v);
  switch (op) {
    case '>=':
      return `${x} >= ${num(v - s)}`;
    case '>':
      return `${x} > ${num(v + s)}`;
    case '<=':
      return `${num(v + s)} >= ${x}`;
    case '<':
      return `${num(v - s)} > ${x}`;
    case '==':
      return `${num(s)} >= Math.abs(${x} - ${num(v)})`;
    case '!=':
      return `Math.abs(${x} - ${num(v)}) > ${num(s)}`;
  }
}

/** The text and the inputs read of one generated function, while it is being written. */
interface FunctionScope {
  lines: string[];
  used: Set<number>;
  indent: number;
}

/** Writes the lines of generated functions; the target's emitter builds the scorer on it. */
export class CodeWriter {
  protected scope: FunctionScope = { lines: [], used: new Set(), indent: 1 };
  private tmp = 0;
  constructor(
    readonly program: IrProgram,
    readonly options: EmitOptions,
  ) {}

  protected get indent(): number {
    return this.scope.indent;
  }
  protected set indent(n: number) {
    this.scope.indent = n;
  }
  /** Input k as the local of the function being written, which loads it once at its top. */
  inp(k: number): string {
    if (k >= 0) this.scope.used.add(k);
    return `i${k}`;
  }
  /** Writes a function's body in a scope of its own; returns its lines and the inputs it read. */
  within(indent: number, body: () => void): FunctionScope {
    const outer = this.scope;
    this.scope = { lines: [], used: new Set(), indent };
    try {
      body();
      return this.scope;
    } finally {
      this.scope = outer;
    }
  }
  /** `const iK = u["name"];` for each input a function reads, in declaration order. */
  loads(used: Set<number>, indent: number): string[] {
    const pad = '  '.repeat(indent);
    return [...used].sort((a, b) => a - b).map((k) => `${pad}const i${k} = u[${this.lit(this.program.inputs[k]!.name)}];`);
  }

  line(s: string): void {
    this.scope.lines.push(`${'  '.repeat(this.indent)}${s}`);
  }
  block(head: string, body: () => void, tail = '}'): void {
    this.line(`${head} {`);
    this.indent++;
    body();
    this.indent--;
    this.line(tail);
  }
  /** A user string as a literal. */
  lit(s: string): string {
    return this.options.html ? str(s).replace(/</g, '\\u003c') : str(s);
  }
  fresh(prefix: string): string {
    return `${prefix}${this.tmp++}`;
  }

  expr(e: IrExpr, weight: number | null): string {
    switch (e.k) {
      case 'num':
        return num(e.v);
      case 'bool':
        return e.v ? 'true' : 'false';
      case 'str':
        return this.lit(e.v);
      case 'full':
        return num(weight ?? 0);
      case 'input':
        return this.inp(e.i);
      case 'let':
        return `L${e.i}(u)`;
      case 'neg':
        return `(-(${this.expr(e.a, weight)}))`;
      case 'not':
        return `(!${this.expr(e.a, weight)})`;
      case 'arith':
        return `(${this.expr(e.a, weight)} ${e.op} ${this.expr(e.b, weight)})`;
      case 'div':
        return e.d < 0 ? `(${this.expr(e.a, weight)} / ${this.expr(e.b, weight)})` : `div(${this.expr(e.a, weight)}, ${this.expr(e.b, weight)}, ${e.d})`;
      case 'cmp':
        return this.cmp(e.op, e.a, e.b, weight);
      case 'logic':
        return `(${this.expr(e.a, weight)} ${e.op === 'and' ? '&&' : '||'} ${this.expr(e.b, weight)})`;
      case 'cond':
        return `(${this.expr(e.c, weight)} ? ${this.expr(e.t, weight)} : ${this.expr(e.e, weight)})`;
      case 'call': {
        const args = e.args.map((a) => this.expr(a, weight));
        switch (e.fn) {
          case 'min':
            return args.length === 1 ? args[0]! : `Math.min(${args.join(', ')})`;
          case 'max':
            return args.length === 1 ? args[0]! : `Math.max(${args.join(', ')})`;
          case 'abs':
            return `Math.abs(${args[0]})`;
          case 'round':
            return `rt.roundHalfUp(${args[0]}, ${args[1]})`;
          case 'clamp':
            return `Math.min(Math.max(${args[0]}, ${args[1]}), ${args[2]})`;
        }
      }
    }
  }

  /** Comparisons of numbers allow decimal slack; against a constant the slack is folded in. */
  cmp(op: '>=' | '>' | '<=' | '<' | '==' | '!=', a: IrExpr, b: IrExpr, weight: number | null): string {
    const x = this.expr(a, weight);
    if (b.k === 'str' || b.k === 'bool' || a.k === 'str' || a.k === 'bool') {
      return `(${x} ${op === '==' ? '===' : op === '!=' ? '!==' : op} ${this.expr(b, weight)})`;
    }
    if (b.k === 'num') return `(${cmpConst(op, x, b.v)})`;
    const y = this.expr(b, weight);
    const fn = { '>=': 'ge', '>': 'gt', '<=': 'le', '<': 'lt', '==': 'eq', '!=': 'eq' }[op];
    return op === '!=' ? `(!rt.eq(${x}, ${y}))` : `rt.${fn}(${x}, ${y})`;
  }

  /** The test of one band on subject `v`. */
  bandTest(b: IrBand, v: string, w: number | null): string {
    if (b.interval) {
      const iv = b.interval;
      return `${cmpConst(iv.loClosed ? '>=' : '>', v, iv.lo)} && ${cmpConst(iv.hiClosed ? '<=' : '<', v, iv.hi)}`;
    }
    if (b.boundExpr) {
      if (b.boundExpr.k === 'str') return `${v} ${b.op === '==' ? '===' : '!=='} ${this.expr(b.boundExpr, w)}`;
      return this.cmp(b.op!, { k: 'input', i: -1 }, b.boundExpr, w).replace('i-1', v);
    }
    return cmpConst(b.op!, v, b.bound!);
  }
}
