// Random rulesets and unit data for the differential tests: every scoring form (bands with
// explicit ends, run-time and enum bounds; ratio directions; step deductions; checklists; tiers;
// Likert tallies; less/round), relative levels, pools and placeholders, the three na
// conventions, lets that divide (so zeros in the data raise division by zero, or not, depending
// on laziness), caps/penalties/bonuses, monitoring lights and floors, grades, outcomes, alerts.
import fc from 'fast-check';
import type { UnitValues } from '../../src/index.js';

/** The inputs every generated ruleset declares. */
export const INPUTS = `
  input m1: money(万元)
  input m2: money(元)
  input p1: percent
  input p2: percent
  input c1: count
  input c2: count
  input s1: score
  input s2: score
  input b1: bool
  input b2: bool
  input e1: enum(甲, 乙, 丙)
  input x1: number
  input k1: count
  input k2: count
  input k3: count
  input mo: number
  let r1 = m2 / m1
  let r2 = c2 / c1
  let r3 = r1 - r2
  let r4 = b1 ? r1 : p1
  let r5 = mo / 12
`;

const PERCENT_SUBJECTS = ['p1', 'p2', 'r1', 'r2', 'r3', 'r4', 'min(p1, p2)', '(p1 + p2) / 2', 'b1 ? p1 : p2', 'round(p1, 2)', 'abs(p1 - p2)', 'clamp(r1, 0%, 120%)', 'max(r1, r2)', 'm2 / m1'];
const NUMBER_SUBJECTS = ['c1', 'c1 + c2', 'x1', 'x1 * 2 - c1', 'round(x1 / 3, 1)', 'max(c1, c2) - min(c1, c2)'];
const CONDITIONS = ['m1 == 0', 'c1 == 0', 'not b1', 'e1 == 丙', 'e1 != 甲 and p1 < 50%', 'r1 < 50%', 'b1 or c2 > 5', 'x1 < 0', 'b2', 'k1 == 0'];
const FORMULAS = ['b1 ? full : 0', 'full * p1', 'p1', 'min(full, c1 * 0.5)', 'r2', 'e1 == 甲 ? full : e1 == 乙 ? full / 2 : 0', 'full - abs(x1)', 'r1 > 90% ? full : full * r1'];

type Rule = (w: number) => string;

type NaMode = 'rescale' | 'full' | 'transfer';
export interface GenNa {
  readonly cond: string;
  readonly mode: NaMode;
  /** Picks the indicators a transfer moves the weight to. */
  readonly pick: readonly number[];
}
export interface GenLeaf {
  readonly kind: 'leaf';
  readonly tenths: number;
  readonly score: Rule;
  readonly modifier: string;
  readonly na: GenNa | null;
}
export interface GenGroup {
  readonly kind: 'group';
  readonly agg: 'plain' | 'relative' | 'pool' | 'placeholder';
  /** The weight of a relative level, or what a pool or placeholder adds to its children's. */
  readonly extraTenths: number;
  readonly children: readonly GenNode[];
  readonly na: GenNa | null;
}
export interface GenEmpty {
  readonly kind: 'empty';
  readonly tenths: number;
  readonly na: GenNa | null;
}
export type GenNode = GenLeaf | GenGroup | GenEmpty;

const naArb: fc.Arbitrary<GenNa | null> = fc.option(
  fc.record({
    cond: fc.constantFrom(...CONDITIONS),
    mode: fc.constantFrom<NaMode>('rescale', 'rescale', 'full', 'transfer'),
    pick: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
  }),
  { freq: 4 },
);

/** A share of the weight, or points no larger than it. */
function award(share: number, asPoints: boolean, w: number): string {
  return asPoints ? String(Math.floor((share / 100) * w * 10) / 10) : `${share}%`;
}

/** Bands: descending bounds, the first award full, later ones shares or points no larger than the weight. */
const bandsArb = fc
  .record({
    percent: fc.boolean(),
    subjectIdx: fc.nat(),
    bounds: fc.uniqueArray(fc.integer({ min: 1, max: 119 }), { minLength: 1, maxLength: 4 }),
    awards: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
    strict: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    asPoints: fc.boolean(),
    elseShare: fc.integer({ min: 0, max: 30 }),
  })
  .map((b): Rule => (w) => {
    const subjects = b.percent ? PERCENT_SUBJECTS : NUMBER_SUBJECTS;
    const written = subjects[b.subjectIdx % subjects.length]!;
    const subject = written.includes(' ') ? `(${written})` : written;
    const bounds = [...b.bounds].sort((x, y) => y - x);
    const arms = bounds.map((v, k) => {
      const bound = b.percent ? `${v}%` : String(v);
      const share = [...b.awards].sort((x, y) => y - x)[k]!;
      return `${b.strict[k] ? '>' : '>='} ${bound}: ${k === 0 ? 'full' : award(share, b.asPoints, w)}`;
    });
    return `score bands ${subject} { ${arms.join('; ')}; else: ${b.elseShare}% }`;
  });

/** Bands with explicit ends between ascending cut points, never overlapping, then `else`. */
const intervalBandsArb = fc
  .record({
    percent: fc.boolean(),
    subjectIdx: fc.nat(),
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: 119 }), { minLength: 2, maxLength: 5 }),
    closed: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    awards: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
    asPoints: fc.boolean(),
    zeroFirst: fc.boolean(),
  })
  .map((b): Rule => (w) => {
    const subjects = b.percent ? PERCENT_SUBJECTS : NUMBER_SUBJECTS;
    const written = subjects[b.subjectIdx % subjects.length]!;
    const subject = written.includes(' ') ? `(${written})` : written;
    const show = (v: number): string => (b.percent ? `${v}%` : String(v));
    const cuts = [...b.cuts].sort((x, y) => x - y);
    const arms = cuts.slice(1).map((hi, k) => {
      const lo = cuts[k]!;
      // a shared end closed on both sides belongs to the first band; the second still has values
      const open = `${b.closed[2 * k] && !(k > 0 && b.closed[2 * k - 1]) ? '[' : '('}${show(lo)}, ${show(hi)}${b.closed[2 * k + 1] ? ']' : ')'}`;
      return `${open}: ${award(b.awards[k % 4]!, b.asPoints, w)}`;
    });
    const zero = b.zeroFirst && cuts[0]! > 0 ? ['== 0: full'] : [];
    return `score bands ${subject} { ${[...zero, ...arms].join('; ')}; else: 0 }`;
  });

const otherBandsArb = fc.constantFrom<Rule>(
  () => 'score bands p1 { >= p2: full; >= 50%: 60%; else: 0 }',
  () => 'score bands m2 { <= m1: full; else: 20% }',
  () => 'score bands c1 { < c2: full; == c2: 50%; else: 0 }',
  () => 'score bands x1 { > r2: full; else: 30% }',
  () => 'score bands e1 { == 甲: full; == 乙: 60%; else: 0 }',
  () => 'score bands e1 { == 丙: 40%; == 甲: full; == 乙: 0 }',
);

const ratioArb = fc.constantFrom<Rule>(
  () => 'score ratio p1 target 90%',
  () => 'score ratio r1 target p2',
  () => 'score ratio c2 target 5',
  () => 'score ratio c2 target c1',
  () => 'score ratio m2 target 5000元',
  () => 'score ratio r3 target 0%',
  () => 'score ratio up x1 target 2',
  () => 'score ratio down p1 target p2 using quotient',
  () => 'score ratio down c2 target c1 using linear',
  () => 'score ratio down x1 target 2 using linear',
  () => 'score ratio down x1 target 0 using quotient',
  () => 'score ratio down m2 target 5000元 using quotient',
  () => 'score ratio equal r3 target 0%',
  () => 'score ratio equal c2 target 5',
  () => 'score ratio equal x1 target 0',
);

const deductArb = fc
  .record({ per: fc.constantFrom('0.5', '1', '0.25', 'x1'), count: fc.constantFrom('c1', 'c2', 'c1 + c2'), max: fc.option(fc.constantFrom('3', '1.5', 'c2'), { freq: 2 }) })
  .map((d): Rule => () => `score deduct ${d.per} per ${d.count}${d.max ? ` max ${d.max}` : ''}`);

const stepDeductArb = fc
  .record({
    form: fc.constantFrom('0.5 per 1% above 100% of p1', '2 per whole 5% below 100% of p2', '1 per 10% below 90% of r1', '0.25 per whole 2 above 5 of c1', 'x1 per 1% above 80% of p2', '1 per whole 1 below c2 of c1'),
    max: fc.option(fc.constantFrom('3', '1.5', 'c2'), { freq: 2 }),
  })
  .map((d): Rule => () => `score deduct ${d.form}${d.max ? ` max ${d.max}` : ''}`);

const checklistArb = fc
  .record({
    items: fc.subarray(['b1', 'p1 >= 60%', 'c1 > 2 and b2', 'e1 == 甲', 'not b2', 'r1 > 50%'], { minLength: 1 }),
    gates: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    shares: fc.array(fc.integer({ min: 5, max: 60 }), { minLength: 6, maxLength: 6 }),
    asPoints: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  })
  .map((c): Rule => (w) => `score checklist { ${c.items.map((it, k) => `${c.gates[k] && k < 2 ? 'gate ' : ''}${it}: ${award(c.shares[k]!, c.asPoints[k]!, w)}`).join('; ')} }`);

const tiersArb = fc.constantFrom<Rule>(
  () => 'score tiers e1 manual s2 { 甲: [60%, 100%]; 乙: [30%, 70%); 丙: [0, 40%] }',
  () => 'score tiers e1 manual s2 { 甲: [0, 100%]; 乙: (0, 50%]; 丙: [0, 0] }',
);

const likertArb = fc.constantFrom<Rule>(
  () => 'score likert { k1: 1; k2: 0.6; k3: 0.2 }',
  () => 'score likert { k1: 1; k2: 0.8; k3: 0.5 } target 90%',
  () => 'score likert { k2: 0.7; k3: 0.3 } target p2',
);

const formulaArb = fc.constantFrom(...FORMULAS).map((f): Rule => () => `score ${f}`);

const scoreArb = fc.oneof(
  { arbitrary: bandsArb, weight: 3 },
  { arbitrary: intervalBandsArb, weight: 2 },
  { arbitrary: otherBandsArb, weight: 2 },
  { arbitrary: ratioArb, weight: 3 },
  { arbitrary: deductArb, weight: 2 },
  { arbitrary: stepDeductArb, weight: 2 },
  { arbitrary: fc.constant<Rule>(() => 'score manual s1'), weight: 1 },
  { arbitrary: checklistArb, weight: 2 },
  { arbitrary: tiersArb, weight: 1 },
  { arbitrary: likertArb, weight: 1 },
  { arbitrary: formulaArb, weight: 3 },
);

const modifierArb = fc.oneof(
  { arbitrary: fc.constant(''), weight: 8 },
  { arbitrary: fc.constantFrom(' less 0.5', ' less c2 * 0.2', ' less x1', ' round 0', ' round 1', ' less 0.3 round 1'), weight: 2 },
);

const tenthsArb = fc.oneof(fc.integer({ min: 1, max: 10 }).map((n) => n * 10), fc.integer({ min: 5, max: 100 }));

const leafArb: fc.Arbitrary<GenNode> = fc.record({ kind: fc.constant('leaf' as const), tenths: tenthsArb, score: scoreArb, modifier: modifierArb, na: naArb });

const emptyArb: fc.Arbitrary<GenNode> = fc.record({ kind: fc.constant('empty' as const), tenths: tenthsArb, na: naArb });

const { node } = fc.letrec<{ node: GenNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: leafArb, weight: 6 },
    {
      arbitrary: fc.record({
        kind: fc.constant('group' as const),
        agg: fc.constantFrom('plain', 'plain', 'relative', 'pool', 'placeholder'),
        extraTenths: fc.integer({ min: 0, max: 50 }),
        children: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
        na: naArb,
      }),
      weight: 3,
    },
    { arbitrary: emptyArb, weight: 1 },
  ),
}));

/** An indicator as written: its name, weight in tenths, parent, and the nodes under it. */
interface Placed {
  readonly node: GenNode;
  readonly name: string;
  readonly tenths: number;
  readonly parent: number;
  readonly children: number[];
}

/** Weights in tenths: a plain level weighs its children, a pool at least its largest, a placeholder at least their sum. */
function tenthsOf(n: GenNode): number {
  if (n.kind !== 'group') return n.tenths;
  const kids = n.children.map(tenthsOf);
  switch (n.agg) {
    case 'plain':
      return kids.reduce((s, t) => s + t, 0);
    case 'relative':
      return 10 + n.extraTenths * 2;
    case 'pool':
      return Math.max(...kids) + n.extraTenths;
    case 'placeholder':
      return kids.reduce((s, t) => s + t, 0) + n.extraTenths;
  }
}

function place(roots: readonly GenNode[]): Placed[] {
  const out: Placed[] = [];
  const visit = (n: GenNode, parent: number): void => {
    const k = out.length;
    out.push({ node: n, name: `指标${k + 1}`, tenths: tenthsOf(n), parent, children: [] });
    if (parent >= 0) out[parent]!.children.push(k);
    if (n.kind === 'group') n.children.forEach((c) => visit(c, k));
  };
  roots.forEach((r) => visit(r, -1));
  return out;
}

/** `na when …`, with `full` or `to A, B` (other indicators, neither above nor below this one). */
function naClause(all: readonly Placed[], k: number): string {
  const na = all[k]!.node.na;
  if (!na) return '';
  if (na.mode === 'full') return `na when ${na.cond} full`;
  if (na.mode === 'rescale') return `na when ${na.cond}`;
  const above = (a: number, b: number): boolean => a === b || (all[b]!.parent >= 0 && above(a, all[b]!.parent));
  const others = all.flatMap((_, j) => (above(j, k) || above(k, j) ? [] : [j]));
  if (others.length === 0) return `na when ${na.cond}`;
  const targets = [...new Set(na.pick.map((p) => others[p % others.length]!))];
  return `na when ${na.cond} to ${targets.map((t) => all[t]!.name).join(', ')}`;
}

function render(all: readonly Placed[], k: number, indent: string): string {
  const { node: n, name, tenths } = all[k]!;
  const show = (t: number): string => String(t / 10);
  const na = naClause(all, k);
  const naLine = na ? `${indent}  ${na}\n` : '';
  if (n.kind === 'leaf') return `${indent}indicator ${name} weight ${show(tenths)} {\n${indent}  ${n.score(tenths / 10)}${n.modifier}\n${naLine}${indent}}\n`;
  if (n.kind === 'empty') return `${indent}indicator ${name} weight ${show(tenths)} placeholder {\n${naLine}${indent}}\n`;
  const kids = all[k]!.children;
  const scale = kids.reduce((s, c) => s + all[c]!.tenths, 0);
  const agg = n.agg === 'plain' ? '' : n.agg === 'relative' ? ` relative ${show(scale)}` : ` ${n.agg}`;
  return `${indent}indicator ${name} weight ${show(tenths)}${agg} {\n${naLine}${kids.map((c) => render(all, c, `${indent}  `)).join('')}${indent}}\n`;
}

const GRADE_NAMES = ['优', '良', '中', '差'];

const LIGHTS = [
  'light p1 { < 60%: 红 "严重滞后"; < 80%: 黄; < 120%: 绿; else: 蓝 }',
  'light r1 / r5 { < 60%: 红 "滞后"; [60%, 100%): 黄; else: 绿 }',
  'light e1 { == 甲: 绿; == 乙: 黄 "部分达成"; else: 红 }',
  'light c1 { <= c2: 绿; else: 红 "超出" }',
  'light m2 { >= 5000元: 绿; else: 黄 "偏少" }',
  'light x1 { < 0: 红; > 5: 蓝; else: 绿 }',
];
const FLOORS = ['floor r1 by mo { 3: 20%; 6: 45%; 9: 70% } "累计执行率低于底线"', 'floor p1 by mo { 4: p2 * 50%; 8: p2 }', 'floor m2 by mo { 6: 1000元; 10: 5000元 } "到位资金不足"'];

/** Caps, penalties and bonuses; `total` is the sum of the top weights, for caps below it. */
function totalRule(k: number, total: number): string {
  const rules = [
    'bonus 1 when b2',
    'bonus c2 * 0.5 when c2 > 6',
    'penalty 2 when not b1',
    'penalty x1 when x1 > 5',
    `cap ${Math.round(total * 85) / 100} when p1 < 80%`,
    `cap r1 * ${total} when b2`,
    `cap ${Math.round(total * 90) / 100} when e1 == 丙`,
  ];
  return rules[k % rules.length]!;
}

export const rulesetArb = fc
  .record({
    roots: fc.oneof({ arbitrary: fc.array(node, { minLength: 1, maxLength: 4 }), weight: 9 }, { arbitrary: fc.constant([]), weight: 1 }),
    round: fc.integer({ min: 0, max: 3 }),
    thresholds: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 3 }),
    strictGrades: fc.boolean(),
    grades: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
    adjusts: fc.array(fc.option(fc.integer({ min: -100, max: 20 })), { minLength: 4, maxLength: 4 }),
    alerts: fc.subarray(['alert 红灯 "执行率低" when r1 < 60%', 'alert 黄灯 "满意度低" when p1 < 50% and b1', 'alert 超支 "超出预算" when m2 > m1 * 10000', 'alert 异常 "比值异常" when r2 > 2']),
    totalRules: fc.uniqueArray(fc.nat({ max: 6 }), { maxLength: 3 }),
    light: fc.option(fc.nat({ max: LIGHTS.length - 1 }), { freq: 2 }),
    floor: fc.option(fc.nat({ max: FLOORS.length - 1 }), { freq: 3 }),
  })
  .map((g) => {
    const all = place(g.roots);
    const tree = all.flatMap((p, k) => (p.parent === -1 ? [render(all, k, '  ')] : [])).join('');
    const sum = all.filter((p) => p.parent === -1).reduce((s, p) => s + p.tenths, 0) / 10;
    const monitor = [...(g.light !== null ? [LIGHTS[g.light]!] : []), ...(g.floor !== null ? [FLOORS[g.floor]!] : [])];
    if (all.length === 0) {
      // a monitoring ruleset: no indicators, no grades, a light at least
      const lights = monitor.length > 0 ? monitor : [LIGHTS[0]!];
      return `ruleset 监控 {\n${INPUTS}\n${[...lights, ...g.alerts].map((l) => `  ${l}\n`).join('')}}\n`;
    }
    const thresholds = [...new Set(g.thresholds.map((t) => Math.round(t * sum) / 100))].sort((a, b) => b - a);
    const grades = thresholds.map((t, k) => `${GRADE_NAMES[k]} ${g.strictGrades ? '>' : '>='} ${t}`);
    grades.push(`${GRADE_NAMES[thresholds.length]} otherwise`);
    const names = grades.map((x) => x.split(' ')[0]!);
    const outcomes = names.flatMap((n, k) => (g.adjusts[k] == null ? [] : [`${n}: "调整${k}" adjust ${g.adjusts[k]}%`]));
    const tail = [...g.totalRules.map((k) => totalRule(k, sum)), ...monitor, ...g.alerts];
    return `ruleset 随机 {
  total ${sum}
  round ${g.round}
${INPUTS}
${tree}
${g.grades ? `  grades { ${grades.join('; ')} }\n` : ''}${g.grades && outcomes.length ? `  outcomes { ${outcomes.join('; ')} }\n` : ''}${tail.map((a) => `  ${a}\n`).join('')}}
`;
  });

const count = (max: number): fc.Arbitrary<number> => fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 1, max }), weight: 6 });

/** Values for the inputs above, in their declared units; zeros are common, to provoke division by zero. */
export const unitArb: fc.Arbitrary<UnitValues> = fc.record({
  m1: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: 200000 }).map((n) => n / 100), weight: 6 }),
  m2: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }).map((n) => n / 100), weight: 4 }),
  p1: fc.oneof(fc.constantFrom(0, 0.6, 0.8, 0.9, 0.95, 1), fc.integer({ min: -200, max: 1500 }).map((n) => n / 1000)),
  p2: fc.oneof(fc.constantFrom(0, 0.5, 0.9), fc.integer({ min: 0, max: 1200 }).map((n) => n / 1000)),
  c1: count(12),
  c2: fc.integer({ min: 0, max: 12 }),
  s1: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 10 }).map((n) => n / 10), weight: 5 }, { arbitrary: fc.integer({ min: 0, max: 120 }).map((n) => n / 10), weight: 1 }),
  s2: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 20 }).map((n) => n / 10), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => n / 10), weight: 2 }),
  b1: fc.boolean(),
  b2: fc.boolean(),
  e1: fc.constantFrom('甲', '乙', '丙'),
  x1: fc.integer({ min: -1000, max: 1000 }).map((n) => n / 100),
  k1: count(40),
  k2: count(40),
  k3: fc.integer({ min: 0, max: 20 }),
  mo: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 120 }).map((n) => n / 10)),
});

export const FIXED_SEED = 20240611;
