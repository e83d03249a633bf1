// Random well-typed rulesets of the core language, and data rows aimed at their edges: values on
// band bounds, ratios exactly at a bound, deductions past the floor, totals on a rounding tie
// below a grade. Built with fc.gen(), so a failure shrinks to a smaller ruleset.
import fc from 'fast-check';
import * as Q from './rational.js';

/** Picks values through fast-check, so they shrink. */
export class Pick {
  constructor(private readonly g: fc.GeneratorValue) {}
  int(min: number, max: number): number {
    return this.g(fc.integer, { min, max });
  }
  chance(percent: number): boolean {
    return this.int(0, 99) < percent;
  }
  one<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  /** A decimal with up to `places` decimals in [lo, hi], as written. */
  decimal(lo: number, hi: number, places: number): string {
    const f = 10 ** places;
    return Q.toDecimal(Q.rat(BigInt(this.int(Math.round(lo * f), Math.round(hi * f))), BigInt(f)), places);
  }
}

export type InputKind = 'number' | 'percent' | 'money(元)' | 'money(万元)' | 'count' | 'bool' | 'score' | 'enum';

export interface GenInput {
  readonly name: string;
  readonly kind: InputKind;
  readonly members?: readonly string[];
  /** Values worth trying: the constants this input is compared with. */
  readonly edges: Q.Rat[];
  /** For a score input: the weight of the indicator it scores manually. */
  weight?: Q.Rat;
}

/** A let `a / b` of two money inputs with band bounds on it: data can put the ratio exactly on a bound. */
export interface RatioLet {
  readonly name: string;
  readonly num: GenInput;
  readonly den: GenInput;
  readonly bounds: Q.Rat[];
}

export interface GenRuleset {
  readonly source: string;
  readonly inputs: readonly GenInput[];
  readonly ratios: readonly RatioLet[];
  readonly thresholds: readonly Q.Rat[];
  readonly round: number;
  readonly total: Q.Rat;
}

const INPUT_NAMES = ['年初预算', '实际支出', '满意度', '问题数', '制度健全', '专家评分', '类型', '收入', '成本', '覆盖率', '完成数', '__proto__', 'constructor', 'toString', 'x', 'b_2'];
const INDICATOR_NAMES = ['履职效能', '工作目标', '产出', '效益', '管理', '质量', '时效', '成本控制', '__proto__', 'constructor', 'valueOf', '满意度', 'A'];
const GRADE_NAMES = ['优', '良', '中', '差', '__proto__', 'constructor', 'A', 'B'];
const MEMBERS = ['甲', '乙', '丙', 'isPrototypeOf', '__defineGetter__'];

interface Typed {
  readonly text: string;
  readonly kind: 'number' | 'percent' | 'money' | 'count' | 'score' | 'bool';
  /** The money unit, or the input a comparison constant should be recorded on. */
  readonly unit?: '元' | '万元';
  readonly input?: GenInput;
}

function showPercent(r: Q.Rat): string {
  return `${Q.toDecimal(Q.mul(r, Q.rat(100n)), 6)}%`;
}

export function generateRuleset(p: Pick): GenRuleset {
  const used = new Set<string>();
  const fresh = (pool: readonly string[], taken: Set<string>): string => {
    const free = pool.filter((n) => !taken.has(n));
    const name = free.length ? p.one(free) : `名${taken.size}`;
    taken.add(name);
    return name;
  };
  const kinds: InputKind[] = ['number', 'percent', 'money(元)', 'money(万元)', 'count', 'bool', 'score', 'enum'];
  const inputs: GenInput[] = Array.from({ length: p.int(2, 6) }, () => {
    const kind = p.one(kinds);
    const members = kind === 'enum' ? MEMBERS.slice(0, p.int(2, 4)) : undefined;
    return { name: fresh(INPUT_NAMES, used), kind, ...(members ? { members } : {}), edges: [] };
  });
  // often a manual score, to aim totals at rounding ties; often a money pair, for a ratio let
  if (p.chance(60)) inputs.push({ name: fresh(INPUT_NAMES, used), kind: 'score', edges: [] });
  if (p.chance(60)) {
    inputs.push({ name: fresh(INPUT_NAMES, used), kind: 'money(万元)', edges: [] }, { name: fresh(INPUT_NAMES, used), kind: p.one(['money(万元)', 'money(元)'] as const), edges: [] });
  }
  const totalCents = p.one([10000, 10000, 1000, 12000, 9950]);
  const of = (k: InputKind): GenInput[] => inputs.filter((i) => i.kind === k);
  const money = inputs.filter((i) => i.kind.startsWith('money'));
  const lines: string[] = [];
  const ratios: RatioLet[] = [];
  const letTyped: Typed[] = [];
  if (money.length >= 2 && p.chance(80)) {
    const [a, b] = [money[money.length - 1]!, money[money.length - 2]!];
    const name = fresh(['执行率', '完成率', 'rate', 'prototype'], used);
    lines.push(`let ${name} = ${a.name} / ${b.name}`);
    const ratio: RatioLet = { name, num: a, den: b, bounds: [] };
    ratios.push(ratio);
    letTyped.push({ text: name, kind: 'percent' });
    if (p.chance(40)) {
      const sum = fresh(['结余', '差额', 'diff'], used);
      lines.push(`let ${sum} = ${b.name} - ${a.name}`);
      letTyped.push({ text: sum, kind: 'money', unit: b.kind === 'money(元)' ? '元' : '万元' });
    }
  }

  const unitOf = (i: GenInput): '元' | '万元' | undefined => (i.kind === 'money(元)' ? '元' : i.kind === 'money(万元)' ? '万元' : undefined);
  const typedInput = (i: GenInput): Typed => {
    const k = i.kind.startsWith('money') ? 'money' : (i.kind as Typed['kind']);
    const u = unitOf(i);
    return { text: i.name, kind: k, input: i, ...(u ? { unit: u } : {}) };
  };
  /** A numeric operand: an input, a let, or a small combination of them. */
  const numeric = (depth = 0): Typed => {
    const pool = [...inputs.filter((i) => !['bool', 'enum', 'score'].includes(i.kind)).map(typedInput), ...letTyped.filter((t) => t.kind !== 'bool')];
    if (pool.length === 0) return { text: p.decimal(0, 10, 1), kind: 'number' };
    const base = p.one(pool);
    if (depth > 1 || p.chance(60)) return base;
    // a combination keeps the operand's kind and unit, but is no longer the input constants are recorded on
    const derived = (text: string): Typed => ({ text, kind: base.kind, ...(base.unit ? { unit: base.unit } : {}) });
    switch (p.int(0, 4)) {
      case 0:
        return derived(`(${base.text} + ${p.one(pool.filter((t) => t.kind === base.kind)).text})`);
      case 1:
        return derived(`${base.text} * ${p.decimal(0, 3, 1)}`);
      case 2:
        return derived(`round(${base.text}, ${p.int(0, 3)})`);
      case 3:
        return derived(`abs(${base.text} - ${constant(base)})`);
      default:
        return derived(`max(${base.text}, ${constant(base, false, true)})`);
    }
  };
  /** A constant of an operand's kind; recorded as an edge of the input it is compared with. */
  const constant = (t: Typed, positive = false, same = false): string => {
    let v: Q.Rat;
    let text: string;
    switch (t.kind) {
      case 'percent':
        v = Q.decimal(p.decimal(positive ? 0.01 : 0, 1.1, p.one([2, 4])));
        text = showPercent(v);
        break;
      case 'money': {
        // in another unit than the operand's only where the language converts (not in min/max)
        const unit = same ? (t.unit ?? '万元') : p.one(['元', '万元'] as const);
        const written = Q.decimal(p.decimal(positive ? 1 : 0, unit === '元' ? 1_000_000 : 1000, 2));
        text = `${Q.toDecimal(written)}${unit}`;
        // the edge in the input's own unit
        v = t.unit === unit ? written : unit === '万元' ? Q.mul(written, Q.rat(10000n)) : Q.div(written, Q.rat(10000n));
        break;
      }
      case 'count':
        v = Q.rat(BigInt(p.int(positive ? 1 : 0, 12)));
        text = Q.toDecimal(v);
        break;
      default:
        v = Q.decimal(p.decimal(positive ? 0.01 : -5, 100, 2));
        text = Q.toDecimal(v);
    }
    t.input?.edges.push(v);
    return text;
  };
  const condition = (depth = 0): string => {
    const bools = of('bool');
    const enums = of('enum');
    switch (p.int(0, depth > 0 ? 3 : 5)) {
      case 0:
        if (bools.length) return p.chance(30) ? `not ${p.one(bools).name}` : p.one(bools).name;
        break;
      case 1:
        if (enums.length) {
          const e = p.one(enums);
          return `${e.name} ${p.one(['==', '!='])} ${p.one(e.members!)}`;
        }
        break;
      case 2:
        if (money.length) return `${p.one(money).name} == 0`;
        break;
      case 4:
        return `${condition(depth + 1)} ${p.one(['and', 'or'])} ${condition(depth + 1)}`;
    }
    const x = numeric(1);
    if (x.kind === 'money' && !x.unit) return `${x.text} >= 0`;
    return `${x.text} ${p.one(['>=', '>', '<=', '<', '==', '!='])} ${constant(x)}`;
  };

  /** Points of a leaf that weighs `w`, by one of the scoring forms. */
  const scoring = (w: Q.Rat, wText: string): string => {
    const scores = of('score').filter((s) => !s.weight);
    // a manual score on a heavy leaf can move the total onto any rounding tie
    const heavy = Q.cmp(Q.mul(w, Q.rat(5n)), Q.rat(BigInt(totalCents), 100n)) >= 0;
    const form = scores.length && p.chance(heavy ? 80 : 20) ? 0 : p.int(1, 5);
    if (form === 0) {
      const s = p.one(scores);
      s.weight = w;
      return `score manual ${s.name}`;
    }
    if (form === 1) {
      // over an input or a let, whose range the checker knows, with bounds above 0 so that every band is reachable
      const subjects = [...inputs.filter((i) => !['bool', 'enum', 'score'].includes(i.kind)).map(typedInput), ...letTyped];
      if (subjects.length === 0) return `score full`;
      const x = p.one(subjects);
      const ascending = p.chance(25);
      const bounds = Array.from({ length: p.int(1, 4) }, () => constant(x, true));
      const parsed = [...new Set(bounds)];
      const value = (b: string): Q.Rat =>
        b.endsWith('%') ? Q.div(Q.decimal(b.slice(0, -1)), Q.rat(100n)) : b.endsWith('万元') ? Q.mul(Q.decimal(b.slice(0, -2)), Q.rat(10000n)) : b.endsWith('元') ? Q.decimal(b.slice(0, -1)) : Q.decimal(b);
      parsed.sort((a, b) => Q.cmp(value(b), value(a)) * (ascending ? -1 : 1));
      const distinct = parsed.filter((b, i) => i === 0 || Q.cmp(value(b), value(parsed[i - 1]!)) !== 0);
      const ratio = ratios.find((r) => r.name === x.text);
      if (ratio) ratio.bounds.push(...distinct.map(value));
      const award = (): string => p.one(['full', `${p.int(0, 100)}%`, Q.toDecimal(Q.mul(w, Q.decimal(p.decimal(0, 1, 2))), 4)]);
      const ops = ascending ? ['<=', '<'] : ['>=', '>'];
      const bands = distinct.map((b) => `${p.one(ops)} ${b}: ${award()}`);
      return `score bands ${x.text} { ${bands.join(p.one(['; ', ', ', '\n']))}; else: ${p.chance(70) ? 0 : award()} }`;
    }
    if (form === 2) {
      const x = numeric(1);
      const target = x.kind === 'money' && !x.unit ? 'x' : constant(x);
      if (target !== 'x') return `score ratio ${x.text} target ${p.chance(10) ? (x.kind === 'percent' ? '0%' : x.kind === 'money' ? '0元' : '0') : target}`;
    }
    if (form === 3) {
      const counts = [...of('count'), ...of('number')];
      if (counts.length) {
        const per = p.decimal(0, Number(Q.toDecimal(w)), 1);
        const cap = p.chance(50) ? ` max ${p.decimal(0, Number(Q.toDecimal(w)) * 1.5, 1)}` : '';
        return `score deduct ${per} per ${p.one(counts).name}${cap}`;
      }
    }
    if (form === 4) {
      const pct = [...of('percent'), ...letTyped.filter((t) => t.kind === 'percent').map((t) => ({ name: t.text }))];
      if (pct.length) return `score ${p.one([`min(${p.one(pct).name}, 100%)`, `clamp(${p.one(pct).name}, 0%, full)`, `${p.one(pct).name} * 50%`])}`;
    }
    return `score ${condition()} ? ${p.one(['full', '0', Q.toDecimal(Q.mul(w, Q.decimal(p.decimal(0, 1, 2))), 4)])} : ${p.one(['0', 'full', wText])}`;
  };

  /** An indicator weighing `cents` hundredths, with children down to `depth`. */
  const indicator = (cents: number, depth: number, siblings: Set<string>, indent: string): string => {
    const name = fresh(INDICATOR_NAMES, siblings);
    const w = Q.rat(BigInt(cents), 100n);
    const wText = Q.toDecimal(w);
    const na = p.chance(20) ? `\n${indent}  na when ${condition()}` : '';
    if (depth > 0 && cents >= 2 && p.chance(50)) {
      const k = p.int(1, Math.min(4, cents));
      const parts = split(cents, k);
      const kids = new Set<string>();
      const body = parts.map((c) => indicator(c, depth - 1, kids, `${indent}  `)).join('\n');
      return `${indent}indicator ${name} weight ${wText} {${na}\n${body}\n${indent}}`;
    }
    return `${indent}indicator ${name} weight ${wText} {\n${indent}  ${scoring(w, wText)}${na}\n${indent}}`;
  };
  /** `cents` in `k` positive whole parts. */
  const split = (cents: number, k: number): number[] => {
    const cuts = new Set<number>();
    while (cuts.size < k - 1) cuts.add(p.int(1, cents - 1));
    const sorted = [0, ...[...cuts].sort((a, b) => a - b), cents];
    return sorted.slice(1).map((c, i) => c - sorted[i]!);
  };

  const total = Q.rat(BigInt(totalCents), 100n);
  const roots = split(totalCents, p.int(1, 4));
  const rootNames = new Set<string>();
  const body = roots.map((c) => indicator(c, 2, rootNames, '  ')).join('\n');
  const round = p.one([2, 2, 1, 0, 3]);
  const gradeCount = p.int(0, 4);
  const gradeNames = new Set<string>();
  const thresholds: Q.Rat[] = [];
  const gradeLines: string[] = [];
  let hi = Number(Q.toDecimal(total));
  for (let k = 0; k < gradeCount - 1; k++) {
    const room = hi - 0.01 * (gradeCount - k);
    if (room <= 0.01) break;
    const t = Q.decimal(p.decimal(0.01, room, 2));
    thresholds.push(t);
    hi = Number(Q.toDecimal(t));
    gradeLines.push(`${fresh(GRADE_NAMES, gradeNames)} ${p.one(['>=', '>'])} ${Q.toDecimal(t)}`);
  }
  if (gradeCount > 0) gradeLines.push(`${fresh(GRADE_NAMES, gradeNames)} otherwise`);
  const graded = [...gradeNames];
  const outcomes = graded.filter(() => p.chance(40)).map((g) => `${g}: "结果 ${g}" adjust ${p.one(['-', '+', ''])}${p.int(0, 100)}%`);
  const alerts = Array.from({ length: p.int(0, 2) }, (_, k) => `alert 预警${k} "提示 ${k}" when ${condition()}`);
  const source = [
    `ruleset 随机 {`,
    `  total ${Q.toDecimal(total)}`,
    `  round ${round}`,
    ...inputs.map((i) => `  input ${i.name}: ${i.kind === 'enum' ? `enum(${i.members!.join(', ')})` : i.kind}`),
    ...lines.map((l) => `  ${l}`),
    body,
    ...(gradeLines.length ? [`  grades { ${gradeLines.join('; ')} }`] : []),
    ...(outcomes.length ? [`  outcomes { ${outcomes.join('; ')} }`] : []),
    ...alerts.map((a) => `  ${a}`),
    '}',
  ].join('\n');
  return { source, inputs, ratios, thresholds, round, total };
}

/** One data cell per input, as a person would type it, with the exact value meant. */
export type Cell = { readonly text: string; readonly value: Q.Rat | boolean | string };

export function generateRow(p: Pick, r: GenRuleset): Map<string, Cell> {
  const row = new Map<string, Cell>();
  for (const i of r.inputs) row.set(i.name, cellFor(p, i));
  // a ratio let exactly on one of its band bounds
  for (const ratio of r.ratios) {
    if (ratio.bounds.length === 0 || !p.chance(50)) continue;
    const den = row.get(ratio.den.name)!.value as Q.Rat;
    const units = (i: GenInput): Q.Rat => (i.kind === 'money(万元)' ? Q.rat(10000n) : Q.ONE);
    const num = Q.div(Q.mul(Q.mul(p.one(ratio.bounds), den), units(ratio.den)), units(ratio.num));
    if (Q.isFiniteDecimal(num, 8)) row.set(ratio.num.name, { text: Q.toDecimal(num, 8), value: num });
  }
  return row;
}

function cellFor(p: Pick, i: GenInput): Cell {
  const nudge = (v: Q.Rat): Q.Rat => Q.add(v, Q.decimal(p.one(['0', '0', '0.01', '-0.01', '0.0001', '-0.0001', '1', '-1'])));
  const edge = i.edges.length > 0 && p.chance(50) ? nudge(p.one(i.edges)) : undefined;
  switch (i.kind) {
    case 'bool': {
      const v = p.chance(50);
      return { text: p.one(v ? ['是', 'true', '1', 'Y'] : ['否', 'false', '0', 'N']), value: v };
    }
    case 'enum': {
      const v = p.one(i.members!);
      return { text: v, value: v };
    }
    case 'count': {
      const v = edge && Q.cmp(edge, Q.ZERO) >= 0 && edge.d === 1n ? edge : Q.rat(BigInt(p.int(0, 15)));
      return { text: Q.toDecimal(v), value: v };
    }
    case 'percent': {
      const v = edge && Q.cmp(edge, Q.ZERO) >= 0 ? edge : Q.decimal(p.decimal(0, 1.2, p.one([2, 3, 4])));
      return { text: p.chance(50) ? showPercent(v) : Q.toDecimal(v, 8), value: v };
    }
    case 'score': {
      const w = i.weight ?? Q.rat(10n);
      const v = p.chance(3) ? Q.add(w, Q.decimal('0.5')) : Q.decimal(p.decimal(0, Number(Q.toDecimal(w)), 2));
      return { text: Q.toDecimal(v), value: v };
    }
    default: {
      const v = edge && Q.cmp(edge, Q.ZERO) >= 0 && Q.isFiniteDecimal(edge, 6) ? edge : Q.decimal(p.chance(10) ? '0' : p.decimal(0, 10_000, 2));
      const suffix = i.kind === 'money(万元)' ? p.one(['', '', '万元', '万']) : i.kind === 'money(元)' ? p.one(['', '', '元']) : '';
      return { text: `${Q.toDecimal(v, 8)}${suffix}`, value: v };
    }
  }
}
