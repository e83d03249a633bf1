// Random rulesets and unit data for the differential tests: every scoring form, na conditions,
// lets that divide (so zeros in the data raise division by zero, or not, depending on laziness),
// clamped formulas, manual scores that may exceed their weight, grades, outcomes and alerts.
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
  input b1: bool
  input e1: enum(甲, 乙, 丙)
  input x1: number
  let r1 = m2 / m1
  let r2 = c2 / c1
  let r3 = r1 - r2
  let r4 = b1 ? r1 : p1
`;

const PERCENT_SUBJECTS = ['p1', 'p2', 'r1', 'r2', 'r3', 'r4', 'min(p1, p2)', '(p1 + p2) / 2', 'b1 ? p1 : p2', 'round(p1, 2)', 'abs(p1 - p2)', 'clamp(r1, 0%, 120%)', 'max(r1, r2)', 'm2 / m1'];
const NUMBER_SUBJECTS = ['c1', 'c1 + c2', 'x1', 'x1 * 2 - c1', 'round(x1 / 3, 1)', 'max(c1, c2) - min(c1, c2)'];
const CONDITIONS = ['m1 == 0', 'c1 == 0', 'not b1', 'e1 == 丙', 'e1 != 甲 and p1 < 50%', 'r1 < 50%', 'b1 or c2 > 5', 'x1 < 0'];
const FORMULAS = ['b1 ? full : 0', 'full * p1', 'p1', 'min(full, c1 * 0.5)', 'r2', 'e1 == 甲 ? full : e1 == 乙 ? full / 2 : 0', 'full - abs(x1)', 'r1 > 90% ? full : full * r1'];

export interface GenLeaf {
  readonly kind: 'leaf';
  readonly tenths: number;
  readonly score: (w: number) => string;
  readonly na: string | null;
}
export interface GenGroup {
  readonly kind: 'group';
  readonly children: readonly GenNode[];
  readonly na: string | null;
}
export type GenNode = GenLeaf | GenGroup;

const naArb = fc.option(fc.constantFrom(...CONDITIONS), { freq: 4 });

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
  .map((b) => (w: number): string => {
    const subjects = b.percent ? PERCENT_SUBJECTS : NUMBER_SUBJECTS;
    const written = subjects[b.subjectIdx % subjects.length]!;
    const subject = written.includes(' ') ? `(${written})` : written;
    const bounds = [...b.bounds].sort((x, y) => y - x);
    const arms = bounds.map((v, k) => {
      const bound = b.percent ? `${v}%` : String(v);
      const share = [...b.awards].sort((x, y) => y - x)[k]!;
      const award = k === 0 ? 'full' : b.asPoints ? String(Math.floor((share / 100) * w * 10) / 10) : `${share}%`;
      return `${b.strict[k] ? '>' : '>='} ${bound}: ${award}`;
    });
    return `score bands ${subject} { ${arms.join('; ')}; else: ${b.elseShare}% }`;
  });

const ratioArb = fc.constantFrom(
  () => 'score ratio p1 target 90%',
  () => 'score ratio r1 target p2',
  () => 'score ratio c2 target 5',
  () => 'score ratio c2 target c1',
  () => 'score ratio m2 target 5000元',
  () => 'score ratio r3 target 0%',
);

const deductArb = fc
  .record({ per: fc.constantFrom('0.5', '1', '0.25', 'x1'), count: fc.constantFrom('c1', 'c2', 'c1 + c2'), max: fc.option(fc.constantFrom('3', '1.5', 'c2'), { freq: 2 }) })
  .map((d) => () => `score deduct ${d.per} per ${d.count}${d.max ? ` max ${d.max}` : ''}`);

const formulaArb = fc.constantFrom(...FORMULAS).map((f) => () => `score ${f}`);

const scoreArb = fc.oneof(
  { arbitrary: bandsArb, weight: 4 },
  { arbitrary: ratioArb, weight: 2 },
  { arbitrary: deductArb, weight: 2 },
  { arbitrary: fc.constant(() => 'score manual s1'), weight: 1 },
  { arbitrary: formulaArb, weight: 3 },
);

const leafArb: fc.Arbitrary<GenNode> = fc.record({
  kind: fc.constant('leaf' as const),
  tenths: fc.oneof(fc.integer({ min: 1, max: 10 }).map((n) => n * 10), fc.integer({ min: 5, max: 100 })),
  score: scoreArb,
  na: naArb,
});

const { node } = fc.letrec<{ node: GenNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record({ kind: fc.constant('group' as const), children: fc.array(tie('node'), { minLength: 1, maxLength: 3 }), na: naArb }),
  ),
}));

const GRADE_NAMES = ['优', '良', '中', '差'];

export const rulesetArb = fc
  .record({
    roots: fc.array(node, { minLength: 1, maxLength: 4 }),
    round: fc.integer({ min: 0, max: 3 }),
    thresholds: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 3 }),
    strictGrades: fc.boolean(),
    adjusts: fc.array(fc.option(fc.integer({ min: -100, max: 20 })), { minLength: 4, maxLength: 4 }),
    alerts: fc.subarray(['alert 红灯 "执行率低" when r1 < 60%', 'alert 黄灯 "满意度低" when p1 < 50% and b1', 'alert 超支 "超出预算" when m2 > m1 * 10000', 'alert 异常 "比值异常" when r2 > 2']),
    total: fc.constantFrom(null, 100),
  })
  .map((g) => {
    let counter = 0;
    const weightOf = (n: GenNode): number => (n.kind === 'leaf' ? n.tenths : n.children.reduce((s, c) => s + weightOf(c), 0));
    const show = (tenths: number): string => String(tenths / 10);
    const body = (n: GenNode, indent: string): string => {
      const name = `指标${++counter}`;
      const w = weightOf(n) / 10;
      const na = n.na ? `${indent}  na when ${n.na}\n` : '';
      if (n.kind === 'leaf') return `${indent}indicator ${name} weight ${show(n.tenths)} {\n${indent}  ${n.score(w)}\n${na}${indent}}\n`;
      return `${indent}indicator ${name} weight ${show(weightOf(n))} {\n${na}${n.children.map((c) => body(c, `${indent}  `)).join('')}${indent}}\n`;
    };
    const tree = g.roots.map((r) => body(r, '  ')).join('');
    const sum = g.roots.reduce((s, r) => s + weightOf(r), 0) / 10;
    const thresholds = [...new Set(g.thresholds.map((t) => Math.round(t * sum) / 100))].sort((a, b) => b - a);
    const grades = thresholds.map((t, k) => `${GRADE_NAMES[k]} ${g.strictGrades ? '>' : '>='} ${t}`);
    grades.push(`${GRADE_NAMES[thresholds.length]} otherwise`);
    const names = grades.map((x) => x.split(' ')[0]!);
    const outcomes = names.flatMap((n, k) => (g.adjusts[k] == null ? [] : [`${n}: "调整${k}" adjust ${g.adjusts[k]}%`]));
    return `ruleset 随机 {
  total ${sum}
  round ${g.round}
${INPUTS}
${tree}
  grades { ${grades.join('; ')} }
${outcomes.length ? `  outcomes { ${outcomes.join('; ')} }\n` : ''}${g.alerts.map((a) => `  ${a}\n`).join('')}}
`;
  });

/** Values for the inputs above, in their declared units; zeros are common, to provoke division by zero. */
export const unitArb: fc.Arbitrary<UnitValues> = fc.record({
  m1: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: 200000 }).map((n) => n / 100), weight: 6 }),
  m2: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }).map((n) => n / 100), weight: 4 }),
  p1: fc.oneof(fc.constantFrom(0, 0.6, 0.8, 0.9, 0.95, 1), fc.integer({ min: -200, max: 1500 }).map((n) => n / 1000)),
  p2: fc.oneof(fc.constantFrom(0, 0.5, 0.9), fc.integer({ min: 0, max: 1200 }).map((n) => n / 1000)),
  c1: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: 12 }), weight: 6 }),
  c2: fc.integer({ min: 0, max: 12 }),
  s1: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 10 }).map((n) => n / 10), weight: 5 }, { arbitrary: fc.integer({ min: 0, max: 120 }).map((n) => n / 10), weight: 1 }),
  b1: fc.boolean(),
  e1: fc.constantFrom('甲', '乙', '丙'),
  x1: fc.integer({ min: -1000, max: 1000 }).map((n) => n / 100),
});

export const FIXED_SEED = 20240611;
