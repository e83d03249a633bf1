// IR → JavaScript source of a straight-line scoring function. No loops over the tree and no
// closures per indicator: the generated code is what one would write by hand for this ruleset.
// User text never enters code: names reach it only as JSON string literals, in property keys.
import type { IrExpr, IrIndicator, IrProgram, IrScore } from '../../ir/ir.js';

export interface EmitOptions {
  /** Record the figures each explanation needs (slower; off for bulk scoring). */
  readonly explain: boolean;
  /** Escape `<` in literals and comments too, so the code can sit inline in an HTML <script>. */
  readonly html?: boolean;
}

/** A JSON string literal that is also safe inside a JS source file (U+2028/9 escaped). */
export function str(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A number literal; -0, NaN and infinities cannot come from a checked ruleset. */
function num(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`non-finite constant ${v}`);
  return Object.is(v, -0) ? '0' : String(v);
}

/** The slack below which two computed decimals are equal (see runtime/helpers tolerance). */
function slack(v: number): number {
  return 1e-9 * Math.max(1, Math.abs(v));
}

/** `x op v` for a constant v, with the decimal slack folded into the constant. */
function cmpConst(op: '>=' | '>' | '<=' | '<' | '==' | '!=', x: string, v: number): string {
  const s = slack(v);
  switch (op) {
    case '>=':
      return `${x} >= ${num(v - s)}`;
    case '>':
      return `${x} > ${num(v + s)}`;
    case '<=':
      return `${x} <= ${num(v + s)}`;
    case '<':
      return `${x} < ${num(v - s)}`;
    case '==':
      return `Math.abs(${x} - ${num(v)}) <= ${num(s)}`;
    case '!=':
      return `Math.abs(${x} - ${num(v)}) > ${num(s)}`;
  }
}

class Emitter {
  private readonly lines: string[] = [];
  private indent = 1;
  private tmp = 0;
  constructor(
    readonly program: IrProgram,
    readonly options: EmitOptions,
  ) {}

  line(s: string): void {
    this.lines.push(`${'  '.repeat(this.indent)}${s}`);
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
  text(): string {
    return this.lines.join('\n');
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
        return `i${e.i}`;
      case 'let':
        return `(c${e.i} ? l${e.i} : (l${e.i} = ${this.expr(this.program.lets[e.i]!.expr, null)}, c${e.i} = true, l${e.i}))`;
      case 'neg':
        return `(-${this.expr(e.a, weight)})`;
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

  /** Statements that set `p` to the points of a leaf. */
  score(ind: IrIndicator, i: number, s: IrScore): void {
    const w = ind.weight;
    const X = this.options.explain;
    switch (s.kind) {
      case 'bands': {
        const v = this.fresh('s');
        this.line(`const ${v} = ${this.expr(s.subject, w)};`);
        s.bands.forEach((b, k) => {
          const pts = b.award.kind === 'full' ? w : b.award.kind === 'share' ? b.award.value * w : b.award.value;
          const record = X ? ` X[${i}] = [${v}, ${k}];` : '';
          if (b.op === null) {
            this.line(`${k === 0 ? '' : 'else '}{ p = ${num(pts)};${record} }`);
            return;
          }
          this.line(`${k === 0 ? 'if' : 'else if'} (${cmpConst(b.op, v, b.bound!)}) { p = ${num(pts)};${record} }`);
        });
        if (s.bands.every((b) => b.op !== null)) this.line(`else { p = 0;${X ? ` X[${i}] = [${v}, -1];` : ''} }`);
        return;
      }
      case 'ratio': {
        const a = this.fresh('a');
        const t = this.fresh('t');
        this.line(`const ${a} = ${this.expr(s.actual, w)}, ${t} = ${this.expr(s.target, w)};`);
        this.line(`p = ${t} > 0 ? (${a} >= ${t} ? ${num(w)} : ${a} <= 0 ? 0 : ${num(w)} * (${a} / ${t})) : (${a} >= ${t} ? ${num(w)} : 0);`);
        if (X) this.line(`X[${i}] = [${a}, ${t}];`);
        return;
      }
      case 'deduct': {
        const d = this.fresh('d');
        const per = this.fresh('q');
        const n = this.fresh('n');
        this.line(`const ${per} = ${this.expr(s.points, w)}, ${n} = ${this.expr(s.count, w)};`);
        this.line(`let ${d} = ${per} * ${n};`);
        if (s.max) this.line(`if (${d} > ${this.expr(s.max, w)}) ${d} = ${this.expr(s.max, w)};`);
        this.line(`p = ${num(w)} - ${d}; if (p < 0) p = 0;`);
        if (X) this.line(`X[${i}] = [${per}, ${n}, ${d}];`);
        return;
      }
      case 'manual': {
        this.line(`p = i${s.input};`);
        this.line(`if (!(p >= 0 && p <= ${num(w + slack(w))})) throw rt.manualRange(${i}, p);`);
        if (X) this.line(`X[${i}] = [p];`);
        return;
      }
      case 'formula': {
        this.line(`p = ${s.share ? `${num(w)} * ` : ''}${this.expr(s.expr, w)};`);
        if (X) this.line(`X[${i}] = [p];`);
        return;
      }
    }
  }

  indicator(i: number): void {
    const ind = this.program.indicators[i]!;
    const X = this.options.explain;
    const path = ind.path.replace(/[\r\n\u2028\u2029]|\*\//g, ' ');
    this.line(`// ${ind.code} ${this.options.html ? path.replace(/</g, '\\u003c') : path}`);
    const body = (): void => {
      if (ind.children.length > 0) {
        for (const c of ind.children) this.indicator(c);
        const kids = ind.children;
        this.line(`pts[${i}] = ${kids.map((c) => `pts[${c}]`).join(' + ')};`);
        this.line(`app[${i}] = ${kids.map((c) => `app[${c}]`).join(' | ')};`);
        return;
      }
      this.line('{');
      this.indent++;
      this.score(ind, i, ind.score!);
      if (ind.clamp) {
        this.line(`if (p < 0) { p = 0;${X ? ` C[${i}] = 1;` : ''} } else if (p > ${num(ind.weight)}) { p = ${num(ind.weight)};${X ? ` C[${i}] = 1;` : ''} }`);
      }
      this.line(`pts[${i}] = p; app[${i}] = 1; raw += p; aw += ${num(ind.weight)};`);
      this.indent--;
      this.line('}');
    };
    if (ind.na) {
      this.block(`if (${this.expr(ind.na, null)})`, () => this.notApplicable(i));
      this.block('else', body);
    } else body();
  }

  /** An indicator that does not apply, with its whole subtree: no points, weight out of the denominator. */
  notApplicable(i: number): void {
    const ind = this.program.indicators[i]!;
    const all = [i];
    for (let k = 0; k < all.length; k++) all.push(...this.program.indicators[all[k]!]!.children);
    for (const k of all) this.line(`pts[${k}] = 0; app[${k}] = 0;`);
    this.line(`na = true;`);
    if (this.options.explain) this.line(`N[${i}] = 1;`);
    void ind;
  }

  program_(): string {
    const p = this.program;
    const X = this.options.explain;
    const params = X ? 'u, pts, app, out, al, X, C, N' : 'u, pts, app, out, al';
    this.indent = 0;
    this.line(`'use strict';`);
    this.block(`function div(a, b, d)`, () => this.line('if (b === 0) throw rt.divisionByZero(d);\n    return a / b;'));
    this.block(`return function score(${params})`, () => {
      p.inputs.forEach((inp, k) => this.line(`const i${k} = u[${this.lit(inp.name)}];`));
      p.lets.forEach((_, k) => this.line(`let l${k} = 0, c${k} = false;`));
      this.line('let p = 0, raw = 0, aw = 0, na = false;');
      p.indicators.forEach((ind, k) => {
        if (ind.parent === -1) this.indicator(k);
      });
      this.line(`if (aw === 0) throw rt.noApplicable();`);
      // with every leaf applicable the weights already add up to the total; otherwise rescale
      this.line(`const total = rt.roundHalfUp(na ? raw / aw * ${num(p.total)} : raw, ${p.round});`);
      this.line('out[0] = total;');
      const grades = p.grades;
      if (grades.length > 0) {
        const chain = grades
          .map((g, k) => (g.op === null ? `${k}` : `total ${g.op} ${num(g.threshold!)} ? ${k} : `))
          .join('');
        this.line(`out[1] = ${grades[grades.length - 1]!.op === null ? chain : `${chain}-1`};`);
      } else this.line('out[1] = -1;');
      p.alerts.forEach((a, k) => this.line(`al[${k}] = ${this.expr(a.when, null)} ? 1 : 0;`));
      this.line('return total;');
    }, '};');
    return this.text();
  }
}

/** The body of `new Function('rt', body)`, which returns the scoring function. */
export function emitScorer(program: IrProgram, options: EmitOptions): string {
  return new Emitter(program, options).program_();
}
