// IR → JavaScript source of a straight-line scoring function. No loops over the tree and no
// closures per indicator: the generated code is what one would write by hand for this ruleset.
// A large ruleset's scorer is split into part functions V8 can optimize one by one.
import type { IrProgram } from '../../ir/ir.js';
import { CodeWriter, num, type EmitOptions } from './code.js';
import { scoreLeaf } from './rules.js';

export { str, type EmitOptions } from './code.js';

/**
 * Above this many indicators the scorer is split into part functions of about this many
 * indicators each: V8 does not optimize a function beyond ~60 KB of bytecode (about 600 leaves),
 * and compiles one giant function slowly. Rulesets of real size stay one function.
 */
export const PART_INDICATORS = 256;

class Emitter extends CodeWriter {
  /** Part functions of a split scorer, in the order written. */
  private readonly parts: string[] = [];
  /** No `na`, pool or placeholder anywhere: every indicator always applies, and the weights always add up. */
  readonly allApplicable: boolean;
  /** Split into part functions (see PART_INDICATORS). */
  readonly split: boolean;
  /** The number of indicators in each indicator's subtree, itself included. */
  private readonly size: number[];
  /** For each indicator, the `na when … to` sources whose weight moves to it. */
  private readonly transfersTo = new Map<number, number[]>();
  private readonly partSize: number;
  constructor(program: IrProgram, options: EmitOptions) {
    super(program, options);
    // only the bulk scorer drops the flags; the explaining one (also the standalone module's) writes them all
    this.allApplicable = alwaysApplicable(program) && !options.explain;
    const inds = program.indicators;
    this.partSize = options.partIndicators ?? PART_INDICATORS;
    this.split = inds.length > this.partSize;
    this.size = inds.map(() => 1);
    // children come after their parent, so a backward pass adds each subtree up once
    for (let i = inds.length - 1; i >= 0; i--) if (inds[i]!.parent >= 0) this.size[inds[i]!.parent]! += this.size[i]!;
    inds.forEach((src, s) => {
      if (src.naMode !== 'transfer') return;
      for (const t of new Set(src.naTargets ?? [])) this.transfersTo.set(t, [...(this.transfersTo.get(t) ?? []), s]);
    });
  }

  /**
   * Emits indicator i. `factor` turns its weight into points of the total (relative levels
   * scale it); inside a pool the pool, not its members, counts in the denominator.
   */
  indicator(i: number, factor: number, inPool: boolean): void {
    const ind = this.program.indicators[i]!;
    const X = this.options.explain;
    const effW = ind.weight * factor;
    this.line(`// ${ind.code} ${ind.path.replace(/[\r\n\u2028\u2029]|\*\//g, ' ')}`);
    const body = (): void => {
      if (ind.children.length > 0 || ind.aggregation === 'placeholder') {
        this.parent(i, factor, inPool);
      } else {
        this.line('{');
        this.indent++;
        scoreLeaf(this, ind, i, ind.score!);
        // the rule's own points, before less, round and weight moved in: the explanation starts from them
        if (X && (ind.less || ind.roundPoints !== undefined || this.receivesWeight(i))) this.line(`X[${i}].own = p;`);
        if (ind.less) {
          const l = this.fresh('r');
          this.line(`const ${l} = ${this.expr(ind.less, ind.weight)}; p -= ${l}; if (0 > p) p = 0;${X ? ` E[${i}] = ${l};` : ''}`);
        }
        if (ind.roundPoints !== undefined) this.line(`p = rt.roundHalfUp(p, ${ind.roundPoints});`);
        if (ind.clamp) {
          this.line(`if (0 > p) { p = 0;${X ? ` C[${i}] = 1;` : ''} } else if (p > ${num(ind.weight)}) { p = ${num(ind.weight)};${X ? ` C[${i}] = 1;` : ''} }`);
        }
        // with nothing that can be not applicable, applicability is constant (the evaluator fills it once)
        this.line(this.allApplicable ? `pts[${i}] = p;` : `pts[${i}] = p; app[${i}] = 1;${inPool ? '' : ` aw += ${num(effW)};`}`);
        this.indent--;
        this.line('}');
      }
      this.scaleTransfers(i);
    };
    if (ind.na) {
      const test = ind.naMode === 'transfer' ? `T${i}` : this.expr(ind.na, null);
      this.block(`if (${test})`, () => this.notApplicable(i, effW, inPool));
      this.block('else', body);
    } else body();
  }

  /** A parent: its children, then their sum (scaled for a relative level, refilled for a pool). */
  parent(i: number, factor: number, inPool: boolean): void {
    const ind = this.program.indicators[i]!;
    const kids = ind.children;
    const agg = ind.aggregation;
    const effW = ind.weight * factor;
    if (agg === 'pool' || agg === 'placeholder') {
      this.children(kids, 1, true);
      // the members that count refill the whole weight: Σ points / Σ their weights × weight
      const pw = kids.map((c) => `(app[${c}] ? ${num(this.program.indicators[c]!.weight)} : 0)`).join(' + ') || '0';
      const pp = kids.map((c) => `pts[${c}]`).join(' + ') || '0';
      const v = this.fresh('w');
      this.line(`const ${v} = ${pw};`);
      this.block(`if (${v} > 0)`, () => {
        this.line(`pts[${i}] = (${pp}) / ${v} * ${num(ind.weight)}; app[${i}] = ${this.appOf(kids)};${inPool ? '' : ` aw += ${num(effW)};`}`);
      });
      this.block('else', () => {
        this.line(`pts[${i}] = 0; app[${i}] = 0;${inPool ? '' : ' na = true;'}`);
      });
      return;
    }
    const childFactor = agg === 'relative' ? (factor * ind.weight) / ind.scale! : factor;
    this.children(kids, childFactor, inPool);
    const sum = kids.map((c) => `pts[${c}]`).join(' + ');
    this.line(`pts[${i}] = ${agg === 'relative' ? `(${sum}) * ${num(ind.weight / ind.scale!)}` : sum};`);
    if (!this.allApplicable) this.line(`app[${i}] = ${this.appOf(kids)};`);
  }

  /** 1 if any child applies; 2 if none does but one scores full marks as not applicable; else 0. */
  appOf(kids: readonly number[]): string {
    if (kids.length === 0) return '0';
    const any = kids.map((c) => `app[${c}] === 1`).join(' || ');
    const some = kids.map((c) => `app[${c}]`).join(' || ');
    return `(${any}) ? 1 : (${some}) ? 2 : 0`;
  }

  /** Whether some `na when … to` names indicator i. */
  receivesWeight(i: number): boolean {
    return this.transfersTo.has(i);
  }

  /** Weight moved here from indicators that do not apply (`na when … to 这里`). */
  scaleTransfers(i: number): void {
    const p = this.program;
    for (const s of this.transfersTo.get(i) ?? []) {
      const src = p.indicators[s]!;
      const share = src.naTargets!.reduce((sum, t) => sum + p.indicators[t]!.weight, 0);
      this.line(`if (T${s}) pts[${i}] *= ${num(1 + src.weight / share)};`);
    }
  }

  /** An indicator that does not apply, with its whole subtree, by its convention. */
  notApplicable(i: number, effW: number, inPool: boolean): void {
    const ind = this.program.indicators[i]!;
    const all = [i];
    for (let k = 0; k < all.length; k++) all.push(...this.program.indicators[all[k]!]!.children);
    for (const k of all) this.line(`pts[${k}] = 0; app[${k}] = 0;`);
    if (ind.naMode === 'full') {
      // 不适用按满分: full points, and the weight stays in the denominator
      this.line(`pts[${i}] = ${num(ind.weight)}; app[${i}] = 2;${inPool ? '' : ` aw += ${num(effW)};`}`);
    } else if (ind.naMode === 'transfer') {
      // the weight moves to the named indicators, so it stays in the denominator
      if (!inPool) this.line(`aw += ${num(effW)};`);
    } else if (!inPool) this.line('na = true;');
    if (this.options.explain) this.line(`N[${i}] = 1;`);
  }

  /**
   * `na when … to …` flags, computed first: the indicators receiving the weight may come earlier.
   * `declare` writes their shared variables, `assign` sets those, `const` computes them as locals.
   */
  transferFlags(how: 'declare' | 'assign' | 'const'): void {
    const p = this.program;
    p.indicators.forEach((ind, i) => {
      if (ind.naMode !== 'transfer' || !ind.na) return;
      if (how === 'declare') return this.line(`let T${i} = false;`);
      const ancestors: string[] = [];
      for (let a = ind.parent; a >= 0; a = p.indicators[a]!.parent) {
        const anc = p.indicators[a]!;
        if (anc.na) ancestors.unshift(this.expr(anc.na, null));
      }
      const own = this.expr(ind.na, null);
      this.line(`${how === 'const' ? 'const ' : ''}T${i} = ${ancestors.length ? `!(${ancestors.join(' || ')}) && ` : ''}${own};`);
    });
  }

  /** The scorer's parameters; part functions take the same. */
  params(): string {
    return this.options.explain ? 'u, pts, app, out, al, X, C, N, E' : 'u, pts, app, out, al';
  }

  program_(): string {
    const p = this.program;
    const params = this.params();
    // a split scorer shares what its parts change or read across indicators (aw, na, the
    // transfer flags) in the enclosing scope; one function keeps them in locals
    const shared = this.split && !this.allApplicable;
    const score = this.within(1, () => this.scoreBody(shared));
    const head = this.within(0, () => {
      this.line(`'use strict';`);
      // a divisor is zero as `x == 0` is: within the decimal slack, so 0.3 - 0.1 - 0.2 (5.5e-17 in binary) is zero too
      this.block(`function div(a, b, d)`, () => {
        this.line('if (b <= 1e-9 && b >= -1e-9) throw rt.divisionByZero(d);');
        this.line('return a / b;');
      });
      this.lets();
      if (shared) {
        this.line('let aw = 0, na = false;');
        this.transferFlags('declare');
      }
    });
    return [
      ...head.lines,
      ...this.parts,
      `return function score(${params}) {`,
      ...this.loads(score.used, 1),
      ...score.lines,
      '};',
    ].join('\n');
  }

  /**
   * Each let once, as a function computed on first use and reset per unit: inlined at every use,
   * a let built from lets would make the code grow exponentially with the length of the chain.
   * They live beside the scorer, not in it, so no closure is created per unit.
   */
  lets(): void {
    this.program.lets.forEach((l, k) => {
      this.line(`let l${k} = 0, c${k} = false;`);
      const body = this.within(2, () => this.line(`l${k} = ${this.expr(l.expr, null)}; c${k} = true;`));
      this.line(`function L${k}(u) {`);
      this.line(`  if (!c${k}) {`);
      for (const s of [...this.loads(body.used, 2), ...body.lines]) this.scope.lines.push(s);
      this.line('  }');
      this.line(`  return l${k};`);
      this.line('}');
    });
  }

  scoreBody(shared: boolean): void {
    const p = this.program;
    if (p.lets.length > 0) this.line(`${p.lets.map((_, k) => `c${k} = false;`).join(' ')}`);
    this.line(shared ? 'let p = 0; aw = 0; na = false;' : 'let p = 0, aw = 0, na = false;');
    this.transferFlags(shared ? 'assign' : 'const');
    const roots = p.indicators.flatMap((ind, k) => (ind.parent === -1 ? [k] : []));
    this.children(roots, 1, false);
    if (roots.length === 0) {
      this.line('out[0] = NaN; out[1] = -1;');
    } else {
      if (!this.allApplicable) this.line(`if (aw === 0) throw rt.noApplicable();`);
      this.line(`const raw = ${roots.map((k) => `pts[${k}]`).join(' + ')};`);
      // with every leaf applicable the weights already add up to the total; otherwise rescale
      this.line(this.allApplicable ? 'let t = raw;' : `let t = na ? raw / aw * ${num(p.total)} : raw;`);
      this.totalRules();
      this.roundTotal(p.round);
      this.line('out[0] = total;');
      const grades = p.grades;
      if (grades.length > 0) {
        const chain = grades.map((g, k) => (g.op === null ? `${k}` : `total ${g.op} ${num(g.threshold!)} ? ${k} : `)).join('');
        this.line(`out[1] = ${grades[grades.length - 1]!.op === null ? chain : `${chain}-1`};`);
      } else this.line('out[1] = -1;');
    }
    p.alerts.forEach((a, k) => this.line(`al[${k}] = ${this.expr(a.when, null)} ? 1 : 0;`));
    this.monitoring();
    this.line(roots.length === 0 ? 'return NaN;' : 'return total;');
  }

  /** `const total` = runtime/helpers roundHalfUp(t, digits), written out with its constant scale. */
  roundTotal(digits: number): void {
    const f = num(10 ** digits);
    this.line(`const tS = Math.abs(t) * ${f};`);
    this.line('let tR = Math.floor(tS);');
    this.line('if (tS - tR >= 0.5 - 1e-9 * Math.max(1, tS)) tR += 1;');
    this.line('else if (tS - tR > 1 - 1e-9 * Math.max(1, tS)) tR += 1;');
    this.line(`const total = t < 0 ? -(tR / ${f}) : tR / ${f};`);
  }

  /** Indicators in order; in a split scorer, runs of small subtrees go into part functions. */
  children(kids: readonly number[], factor: number, inPool: boolean): void {
    if (!this.split || kids.reduce((n, c) => n + this.size[c]!, 0) <= this.partSize) {
      for (const c of kids) this.indicator(c, factor, inPool);
      return;
    }
    let run: number[] = [];
    let n = 0;
    const flush = (): void => {
      if (run.length > 0) this.part(run, factor, inPool);
      run = [];
      n = 0;
    };
    for (const c of kids) {
      const size = this.size[c]!;
      if (size > this.partSize) {
        // too big for one part: its own lines stay here, its children are split in turn
        flush();
        this.indicator(c, factor, inPool);
        continue;
      }
      if (n + size > this.partSize) flush();
      run.push(c);
      n += size;
    }
    flush();
  }

  /** Sibling subtrees as one part function of the scorer, called in their place. */
  part(kids: readonly number[], factor: number, inPool: boolean): void {
    const name = `part${this.parts.length}`;
    const body = this.within(1, () => {
      this.line('let p = 0;');
      for (const c of kids) this.indicator(c, factor, inPool);
    });
    this.parts.push([`function ${name}(${this.params()}) {`, ...this.loads(body.used, 1), ...body.lines, '}'].join('\n'));
    this.line(`${name}(${this.params()});`);
  }

  /** Bonuses and penalties in order, never below 0, then caps; flags in `al` after the alerts. */
  totalRules(): void {
    const p = this.program;
    const rules = p.totalRules ?? [];
    const base = p.alerts.length;
    rules.forEach((r, k) => {
      if (r.kind === 'cap') return;
      this.line(`if (${this.expr(r.condition, null)}) { t ${r.kind === 'bonus' ? '+' : '-'}= ${this.expr(r.amount, null)}; al[${base + k}] = 1; } else al[${base + k}] = 0;`);
    });
    if (rules.some((r) => r.kind === 'penalty')) this.line('if (0 > t) t = 0;');
    rules.forEach((r, k) => {
      if (r.kind !== 'cap') return;
      const c = this.fresh('cap');
      this.line(`const ${c} = ${this.expr(r.amount, null)};`);
      this.line(`if (${this.expr(r.condition, null)} && t > ${c}) { t = ${c}; al[${base + k}] = 1; } else al[${base + k}] = 0;`);
    });
  }

  /** The light (out[2], subject in out[5]) and the floor broken (out[3]; figure, minimum, month in out[6..8]). */
  monitoring(): void {
    const p = this.program;
    const light = p.lights?.[0];
    if (light) {
      const v = this.fresh('s');
      // out is numeric: an enum subject is kept as the index of its member
      const t = light.subjectType;
      const kept = t.kind === 'enum' ? `[${t.members.map((m) => this.lit(m)).join(', ')}].indexOf(${v})` : v;
      this.line(`{ const ${v} = ${this.expr(light.subject, null)}; out[5] = ${kept};`);
      const chain = light.bands.map((b, k) => (b.band.op === null && !b.band.interval ? `${k}` : `(${this.bandTest(b.band, v, null)}) ? ${k} : `)).join('');
      this.line(`  out[2] = ${light.bands.some((b) => b.band.op === null && !b.band.interval) ? chain : `${chain}-1`}; }`);
    } else this.line('out[2] = -1;');
    const floor = p.floors?.[0];
    if (floor) {
      const m = this.fresh('m');
      const v = this.fresh('s');
      this.line(`{ const ${m} = ${this.expr(floor.month, null)}; let k = -1;`);
      floor.steps.forEach((st, k) => this.line(`  if (${m} >= ${num(st.from)}) k = ${k};`));
      this.line('  out[3] = -1;');
      const mins = floor.steps.map((st) => this.expr(st.minimum, null));
      this.line(`  if (k >= 0) { const ${v} = ${this.expr(floor.subject, null)}; const min = [${mins.join(', ')}][k]; out[6] = ${v}; out[7] = min; out[8] = ${m}; if (min - 1e-9 * Math.max(1, Math.abs(min)) > ${v}) out[3] = k; } }`);
    } else this.line('out[3] = -1;');
  }
}

/**
 * True when no indicator can be not applicable (no `na`, pool or placeholder): the scorer then
 * writes no applicability flags, and whoever calls it sets them all to 1 once.
 */
export function alwaysApplicable(program: IrProgram): boolean {
  return !program.indicators.some((i) => i.na || i.aggregation === 'pool' || i.aggregation === 'placeholder');
}

/** The body of `new Function('rt', body)`, which returns the scoring function. */
export function emitScorer(program: IrProgram, options: EmitOptions): string {
  return new Emitter(program, options).program_();
}
