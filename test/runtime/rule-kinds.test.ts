// The rule kinds of real 评分标准 at their edges, through the public evaluator: explicit band
// ends, ratio directions, step deductions, less/round, checklists, tiers, Likert tallies,
// relative levels, pools, placeholders, na conventions, total rules and monitoring lights.
import { describe, expect, it } from 'vitest';
import type { UnitResult, UnitValues } from '../../src/index.js';
import { evaluatorOf, ruleset } from '../helpers/jx.js';

/** A ruleset whose indicator `项` (weight w) is scored by `rule`; the rest of the total is a full-score filler. */
function one(inputs: string[], rule: string, w = 10): (u: UnitValues) => UnitResult {
  const ev = evaluatorOf(ruleset(...inputs, `indicator 项 weight ${w} { score ${rule} }`, `indicator 余 weight ${100 - w} { score full }`));
  return (u) => ev.evaluate(u);
}
const pts = (r: UnitResult, path = '项'): number | undefined => r.indicators[path]?.points;
const why = (r: UnitResult, path = '项'): string | undefined => r.indicators[path]?.explain;

describe('bands with explicit ends', () => {
  const f = one(['input 调整率: percent'], 'bands 调整率 { == 0: full; (0, 10%]: 4; (10%, 20%]: 3; (20%, 30%]: 0.5; else: 0 }', 5);

  it.each([
    ['0', 0, 5],
    ['0.0001% (just inside the open end)', 0.000001, 4],
    ['10% (the closed end)', 0.1, 4],
    ['10.0001% (just past it)', 0.100001, 3],
    ['20%', 0.2, 3],
    ['30%', 0.3, 0.5],
    ['30.0001%', 0.300001, 0],
    ['a negative rate', -0.01, 0],
  ])('(0, 10%] and its neighbours at %s', (_, v, want) => {
    const r = f({ 调整率: v });
    expect(pts(r)).toBe(want);
    expect(r.total).toBe(95 + want);
  });

  it('[80%, 90%) holds 80% and leaves 90% to the band above', () => {
    const g = one(['input 率: percent'], 'bands 率 { [90%, 100%]: full; [80%, 90%): 62.5%; [0, 80%): 2.5; else: 0 }', 8);
    expect([1, 0.9, 0.8999, 0.8, 0.7999, 0, 1.0001].map((v) => pts(g({ 率: v })))).toEqual([8, 8, 5, 5, 2.5, 2.5, 0]);
  });

  it('explains which interval held', () => {
    expect(why(f({ 调整率: 0.15 }))).toBe('调整率 15% 在 (10%, 20%] 内，得 3.00 分');
    expect(why(f({ 调整率: 0 }))).toBe('调整率 0% = 0%，得满分 5.00 分');
    expect(why(f({ 调整率: 0.5 }))).toBe('调整率 50% 不满足以上分档，得 0.00 分');
  });
});

describe('categorical bands', () => {
  it('bands an enum by member', () => {
    const f = one(['input 类别: enum(达成, 部分达成, 未达成)'], 'bands 类别 { == 达成: full; == 部分达成: 60%; else: 0 }', 5);
    expect(['达成', '部分达成', '未达成'].map((v) => pts(f({ 类别: v })))).toEqual([5, 3, 0]);
    expect(why(f({ 类别: '部分达成' }))).toBe('类别 部分达成 为“部分达成”，得 60% × 5 = 3.00 分');
  });

  it('compares with another figure at run time: 结余 equal to 上年结转 is full, above it is 0', () => {
    const f = one(['input 结余: money(万元)', 'input 上年结转: money(万元)'], 'bands 结余 { <= 上年结转: full; else: 0 }', 4);
    expect(pts(f({ 结余: 120, 上年结转: 120 }))).toBe(4);
    expect(pts(f({ 结余: 119.99, 上年结转: 120 }))).toBe(4);
    expect(pts(f({ 结余: 120.01, 上年结转: 120 }))).toBe(0);
    expect(why(f({ 结余: 120, 上年结转: 120 }))).toBe('结余 120万元 ≤ 上年结转，得满分 4.00 分');
  });

  it('converts the other figure to the subject unit: 1,200,000 元 = 120 万元', () => {
    const f = one(['input 结余: money(万元)', 'input 上年结转: money(元)'], 'bands 结余 { <= 上年结转: full; else: 0 }', 4);
    expect(pts(f({ 结余: 120, 上年结转: 1_200_000 }))).toBe(4);
    expect(pts(f({ 结余: 120.01, 上年结转: 1_200_000 }))).toBe(0);
  });
});

describe('ratio directions', () => {
  const rule = (how: string) => one(['input 实际: number', 'input 目标: number'], `ratio ${how}`);
  const table = {
    up: rule('up 实际 target 目标'),
    'down using quotient': rule('down 实际 target 目标 using quotient'),
    'down using linear': rule('down 实际 target 目标 using linear'),
    equal: rule('equal 实际 target 目标'),
  };

  it.each([
    // direction, X as a multiple of T = 80, points of 10
    ['up', 0.5, 5],
    ['up', 1, 10],
    ['up', 1.5, 10],
    ['up', 2, 10],
    ['up', 2.5, 10],
    ['down using quotient', 0.5, 10],
    ['down using quotient', 1, 10],
    ['down using quotient', 1.5, 6.666667],
    ['down using quotient', 2, 5],
    ['down using quotient', 2.5, 4],
    ['down using linear', 0.5, 10],
    ['down using linear', 1, 10],
    ['down using linear', 1.5, 5],
    ['down using linear', 2, 0],
    ['down using linear', 2.5, 0],
    ['equal', 0.5, 5],
    ['equal', 1, 10],
    ['equal', 1.5, 10],
  ] as const)('%s at X = %s T', (dir, k, want) => {
    expect(pts(table[dir]({ 实际: 80 * k, 目标: 80 }))).toBe(want);
  });

  it('the canonical reverse case: at 1.5 T 比值法 gives 66.67% of the weight, 线性法 50%', () => {
    expect(table['down using quotient']({ 实际: 120, 目标: 80 }).total).toBe(96.67);
    expect(table['down using linear']({ 实际: 120, 目标: 80 }).total).toBe(95);
  });

  it.each([
    // direction, X, points with T = 0
    ['up', 0, 10],
    ['up', 5, 10],
    ['up', -1, 0],
    ['down using quotient', 0, 10],
    ['down using quotient', -1, 10],
    ['down using quotient', 5, 0],
    ['down using linear', 0, 10],
    ['down using linear', -1, 10],
    ['down using linear', 5, 0],
    ['equal', 0, 10],
    ['equal', -1, 10],
    ['equal', 5, 0],
  ] as const)('%s with T = 0 at X = %s', (dir, x, want) => {
    const r = table[dir]({ 实际: x, 目标: 0 });
    expect(r.error).toBeNull();
    expect(pts(r)).toBe(want);
  });

  it('explains the direction and the formula', () => {
    expect(why(table['down using quotient']({ 实际: 120, 目标: 80 }))).toBe('实际 120 超过目标 80（反向指标，比值法：目标值 / 实际值），得 6.67 分');
    expect(why(table['down using linear']({ 实际: 120, 目标: 80 }))).toBe('实际 120 超过目标 80（反向指标，线性法：超出目标的比例扣减，2 倍目标值为 0），得 5.00 分');
    expect(why(table['down using linear']({ 实际: 80, 目标: 80 }))).toBe('实际 80 不超过目标 80（反向指标），得满分 10.00 分');
    expect(why(table.equal({ 实际: 0, 目标: 0 }))).toBe('实际 0 等于目标 0，得满分 10.00 分');
    expect(why(table.equal({ 实际: 5, 目标: 0 }))).toBe('实际 5 不等于目标 0，得 0 分');
    expect(why(table.up({ 实际: 40, 目标: 80 }))).toBe('实际 40 / 目标 80 = 50%，得 50% × 10 = 5.00 分');
  });
});

describe('deductions', () => {
  it('per occurrence, at most max, floored at 0', () => {
    const capped = one(['input 问题数: count'], 'deduct 0.5 per 问题数 max 3', 6);
    expect([0, 1, 6, 7, 100].map((n) => pts(capped({ 问题数: n })))).toEqual([6, 5.5, 3, 3, 3]);
    const floored = one(['input 问题数: count'], 'deduct 0.5 per 问题数', 2);
    expect([4, 5].map((n) => pts(floored({ 问题数: n })))).toEqual([0, 0]);
    expect(why(capped({ 问题数: 7 }))).toBe('问题数 7 × 0.5 分，扣 3 分（扣分上限 3 分），得 6 − 3 = 3.00 分');
  });

  it('per 1% above 100%: 103.5% deducts 1.75 at 0.5 a point, nothing at or below the standard', () => {
    const f = one(['input 在职人员控制率: percent'], 'deduct 0.5 per 1% above 100% of 在职人员控制率', 5);
    expect([1.035, 1.01, 1, 0.9].map((v) => pts(f({ 在职人员控制率: v })))).toEqual([3.25, 4.5, 5, 5]);
    expect(why(f({ 在职人员控制率: 1.035 }))).toBe('在职人员控制率 103.5% 超过标准 100% 共 3.5%，按每 1% 计 3.5 档，扣 1.75 分，得 3.25 分');
    expect(why(f({ 在职人员控制率: 0.9 }))).toBe('在职人员控制率 90% 未超过标准 100%，不扣分，得满分 5.00 分');
  });

  it('per 1% above 100% with max, and floored at 0 without', () => {
    const capped = one(['input 率: percent'], 'deduct 0.5 per 1% above 100% of 率 max 2', 5);
    expect([1.03, 1.04, 1.2].map((v) => pts(capped({ 率: v })))).toEqual([3.5, 3, 3]);
    const floored = one(['input 率: percent'], 'deduct 0.5 per 1% above 100% of 率', 1);
    expect([1.02, 1.1].map((v) => pts(floored({ 率: v })))).toEqual([0, 0]);
  });

  it.each([
    ['100%', 1, 10],
    ['96%: less than one whole step', 0.96, 10],
    ['95%: one step', 0.95, 8],
    ['94.99%: one step', 0.9499, 8],
    ['90.01%: one step', 0.9001, 8],
    ['90%: two steps', 0.9, 6],
    ['80%: four steps, capped at 5', 0.8, 5],
    ['120%: above the standard', 1.2, 10],
  ])('2 per whole 5 points below 100: %s', (_, v, want) => {
    const f = one(['input 预算完成率: percent'], 'deduct 2 per whole 5% below 100% of 预算完成率 max 5');
    expect(pts(f({ 预算完成率: v }))).toBe(want);
  });

  it('explains whole steps', () => {
    const f = one(['input 预算完成率: percent'], 'deduct 2 per whole 5% below 100% of 预算完成率');
    expect(why(f({ 预算完成率: 0.9001 }))).toBe('预算完成率 90.01% 低于标准 100% 共 9.99%，按整 5% 计 1 档，扣 2 分，得 8.00 分');
  });
});

describe('less and round after a rule', () => {
  it('less takes a manual deduction off a formula, floored at 0', () => {
    const f = one(['input 扣分: number'], '80% less 扣分');
    expect([0, 3, 8, 9].map((v) => pts(f({ 扣分: v })))).toEqual([8, 5, 0, 0]);
    expect(why(f({ 扣分: 3 }))).toBe('按公式 80% 得 8.00 分，再减 扣分 3 分，得 5.00 分');
  });

  it('round 0 rounds the rule half up: 8.6 → 9, 8.5 → 9, 8.49 → 8', () => {
    const f = one(['input 专家分: score'], 'manual 专家分 round 0');
    expect([8.6, 8.5, 8.49].map((v) => pts(f({ 专家分: v })))).toEqual([9, 9, 8]);
    expect(why(f({ 专家分: 8.6 }))).toBe('人工评分 专家分 = 8.60 分（分值 10），保留 0 位小数，得 9.00 分');
  });
});

describe('checklists', () => {
  const inputs = ['input 有制度: bool', 'input 有台账: bool', 'input 有公示: bool', 'input 有归档: bool'];
  const gated = one(inputs, 'checklist { gate 有制度: 40%; 有台账: 30%; 有公示 and 有归档: 3 }');
  const plain = one(inputs, 'checklist { 有制度: 40%; 有台账: 30%; 有公示 and 有归档: 3 }');
  const u = (a: boolean, b: boolean, c: boolean, d: boolean) => ({ 有制度: a, 有台账: b, 有公示: c, 有归档: d });

  it('sums the awards of the elements present', () => {
    expect(pts(plain(u(true, true, true, true)))).toBe(10);
    expect(pts(plain(u(false, true, true, true)))).toBe(6);
    expect(pts(plain(u(false, true, true, false)))).toBe(3);
    expect(pts(plain(u(false, false, false, false)))).toBe(0);
  });

  it('scores 0 when a gate element is missing, whatever else is present', () => {
    expect(pts(gated(u(false, true, true, true)))).toBe(0);
    expect(pts(gated(u(true, false, false, false)))).toBe(4);
    expect(pts(gated(u(true, true, true, true)))).toBe(10);
  });

  it('explains the elements present and missing, and a failed gate', () => {
    expect(why(gated(u(true, true, true, false)))).toBe('具备 有制度、有台账；不具备 有公示 and 有归档，得 7.00 分');
    expect(why(gated(u(false, true, true, true)))).toBe('前提要素 有制度 不具备，得 0 分');
  });
});

describe('tiers', () => {
  const f = one(['input 完成情况: enum(达成, 部分达成, 未达成)', 'input 专家分: score'], 'tiers 完成情况 manual 专家分 { 达成: [80%, 100%]; 部分达成: [60%, 80%); 未达成: (0, 60%) }');
  const run = (tier: string, v: number) => f({ 完成情况: tier, 专家分: v });

  it.each([
    ['达成', 8],
    ['达成', 10],
    ['部分达成', 6],
    ['部分达成', 7.99],
    ['未达成', 0.01],
    ['未达成', 5.99],
  ])('%s at %s is inside its interval: the score counts', (tier, v) => {
    const r = run(tier, v);
    expect(r.error).toBeNull();
    expect(pts(r)).toBe(v);
  });

  it.each([
    ['达成', 7.99, '[8, 10]'],
    ['达成', 10.01, '[8, 10]'],
    ['部分达成', 8, '[6, 8)'],
    ['部分达成', 5.99, '[6, 8)'],
    ['未达成', 0, '(0, 6)'],
    ['未达成', 6, '(0, 6)'],
  ])('%s at %s is outside %s: eval-tier-out-of-range naming the interval', (tier, v, interval) => {
    const r = run(tier, v);
    expect(r.total).toBeNull();
    expect(r.error).toEqual({
      code: 'eval-tier-out-of-range',
      message: `项：“${tier}”的实际得分区间为 ${interval}，人工评分 ${v} 不在其中，请调整`,
      en: `项: the score for "${tier}" must lie in ${interval}, but it is ${v}`,
      indicator: '项',
    });
  });

  it('shows the points of a percent end exactly: 80% of 7 is 5.6', () => {
    const g = one(['input 完成情况: enum(达成, 未达成)', 'input 专家分: score'], 'tiers 完成情况 manual 专家分 { 达成: [80%, 100%]; 未达成: [0, 80%) }', 7);
    expect(g({ 完成情况: '达成', 专家分: 5 }).error?.message).toBe('项：“达成”的实际得分区间为 [5.6, 7]，人工评分 5 不在其中，请调整');
    expect(g({ 完成情况: '未达成', 专家分: 5.6 }).error?.code).toBe('eval-tier-out-of-range');
    expect(pts(g({ 完成情况: '达成', 专家分: 5.6 }))).toBe(5.6);
  });

  it('explains the tier and its interval', () => {
    expect(why(run('部分达成', 7))).toBe('完成情况“部分达成”（得分区间 [6, 8)），人工评分 7.00 分');
  });
});

describe('likert tallies', () => {
  const answers = '{ 非常满意数: 1; 满意数: 0.8; 基本满意数: 0.6; 不太满意数: 0.4; 不满意数: 0.2 }';
  const inputs = ['非常满意数', '满意数', '基本满意数', '不太满意数', '不满意数'].map((n) => `input ${n}: count`);
  const tally = (a: number, b: number, c: number, d: number, e: number) => ({ 非常满意数: a, 满意数: b, 基本满意数: c, 不太满意数: d, 不满意数: e });
  const plain = one(inputs, `likert ${answers}`);
  const targeted = one(inputs, `likert ${answers} target 90%`);

  it('without a target: weight × satisfaction (Σ n·v / Σ n)', () => {
    expect(pts(plain(tally(50, 30, 10, 5, 5)))).toBe(8.3);
    expect(pts(plain(tally(0, 0, 0, 0, 7)))).toBe(2);
    expect(why(plain(tally(50, 30, 10, 5, 5)))).toBe('100 人作答，满意度 83%，得 83% × 10 = 8.30 分');
  });

  it('with a target: weight × min(satisfaction / target, 1)', () => {
    expect(pts(targeted(tally(50, 30, 10, 5, 5)))).toBe(9.222222);
    expect(pts(targeted(tally(10, 0, 0, 0, 0)))).toBe(10);
    expect(pts(targeted(tally(80, 10, 10, 0, 0)))).toBe(10);
    expect(why(targeted(tally(50, 30, 10, 5, 5)))).toBe('100 人作答，满意度 83% / 目标 90%，得 9.22 分');
    expect(why(targeted(tally(10, 0, 0, 0, 0)))).toBe('10 人作答，满意度 100% 达到目标 90%，得满分 10.00 分');
  });

  it('fails the unit with eval-division-by-zero when nobody answered', () => {
    for (const f of [plain, targeted]) {
      const r = f(tally(0, 0, 0, 0, 0));
      expect(r.total).toBeNull();
      expect(r.error).toMatchObject({ code: 'eval-division-by-zero', message: '除数为零：“项”的满意度调查人数合计为 0', indicator: '项' });
    }
  });
});

describe('relative levels', () => {
  // T1 shape: a level of 50 points whose children are written on a scale of 100
  const ev = evaluatorOf(
    ruleset(
      'input 甲分: score',
      'input 乙分: score',
      'input 无乙: bool',
      'indicator 一级 weight 50 relative 100 {',
      '  indicator 二级甲 weight 75 { score manual 甲分 }',
      '  indicator 二级乙 weight 25 { score manual 乙分; na when 无乙 }',
      '}',
      'indicator 余 weight 50 { score full }',
    ),
  );

  it('scales the children to the parent: (60 + 20) × 50/100 = 40; children keep their own scale', () => {
    const r = ev.evaluate({ 甲分: 60, 乙分: 20, 无乙: false });
    expect(r.indicators['一级']).toMatchObject({ points: 40, weight: 50 });
    expect(r.indicators['一级/二级甲']).toMatchObject({ points: 60, weight: 75 });
    expect(r.indicators['一级/二级乙']).toMatchObject({ points: 20, weight: 25 });
    expect(r.total).toBe(90);
    expect(r.indicators['一级']!.explain).toBe('下级指标相对分合计 80.00 / 100，折合 40.00 / 50 分');
  });

  it('gives full marks as 100 / 100 → 50', () => {
    expect(ev.evaluate({ 甲分: 75, 乙分: 25, 无乙: false }).total).toBe(100);
  });

  it('takes a child that does not apply out of the denominator at its scaled weight: 80 / 87.5 × 100', () => {
    const r = ev.evaluate({ 甲分: 60, 乙分: 0, 无乙: true });
    expect(pts(r, '一级')).toBe(30);
    expect(r.total).toBe(91.43);
  });
});

describe('pools', () => {
  const ev = evaluatorOf(
    ruleset(
      ...['经济', '社会', '生态'].flatMap((n) => [`input ${n}分: score`, `input 有${n}: bool`]),
      'indicator 效益 weight 40 pool {',
      '  indicator 经济效益 weight 20 { score manual 经济分; na when not 有经济 }',
      '  indicator 社会效益 weight 20 { score manual 社会分; na when not 有社会 }',
      '  indicator 生态效益 weight 10 { score manual 生态分; na when not 有生态 }',
      '}',
      'indicator 余 weight 60 { score full }',
    ),
  );
  const unit = (a: boolean, b: boolean, c: boolean) => ({ 经济分: 16, 社会分: 15, 生态分: 9, 有经济: a, 有社会: b, 有生态: c });

  it('refills the pool from all members: (16 + 15 + 9) / 50 × 40 = 32', () => {
    const r = ev.evaluate(unit(true, true, true));
    expect(pts(r, '效益')).toBe(32);
    expect(r.total).toBe(92);
    expect(r.indicators['效益']!.explain).toBe('3 项计分，得 40.00 / 50，折合 32.00 / 40 分');
  });

  it('refills the pool from the one member that applies: 15 / 20 × 40 = 30', () => {
    const r = ev.evaluate(unit(false, true, false));
    expect(pts(r, '效益')).toBe(30);
    expect(r.indicators['效益/经济效益']!.applicable).toBe(false);
    expect(r.total).toBe(90);
    expect(r.indicators['效益']!.explain).toBe('1 项计分，得 15.00 / 20，折合 30.00 / 40 分');
  });

  it('leaves the denominator when no member applies: 60 / 60 × 100', () => {
    const r = ev.evaluate(unit(false, false, false));
    expect(r.indicators['效益']).toMatchObject({ points: 0, applicable: false });
    expect(r.total).toBe(100);
  });
});

describe('placeholders', () => {
  it('scores the children like a pool when they weigh less than the budget: (8 + 4) / 15 × 20 = 16', () => {
    const ev = evaluatorOf(
      ruleset(
        'input 甲分: score',
        'input 乙分: score',
        'indicator 履职成效 weight 20 placeholder {',
        '  indicator 甲 weight 10 { score manual 甲分 }',
        '  indicator 乙 weight 5 { score manual 乙分 }',
        '}',
        'indicator 余 weight 80 { score full }',
      ),
    );
    const r = ev.evaluate({ 甲分: 8, 乙分: 4 });
    expect(pts(r, '履职成效')).toBe(16);
    expect(r.total).toBe(96);
    expect(ev.evaluate({ 甲分: 10, 乙分: 5 }).total).toBe(100);
  });

  it('is not applicable with no children yet: the rest is rescaled to the total', () => {
    const ev = evaluatorOf(ruleset('input 分: score', 'indicator 履职成效 weight 20 placeholder { }', 'indicator 余 weight 80 { score manual 分 }'));
    const r = ev.evaluate({ 分: 60 });
    expect(r.indicators['履职成效']).toMatchObject({ points: 0, applicable: false });
    expect(r.total).toBe(75);
    expect(r.indicators['履职成效']!.explain).toBe('待定指标尚无下级指标，按不适用处理，分值 20 不计入总分');
  });
});

describe('na conventions', () => {
  const of = (mode: string) =>
    evaluatorOf(
      ruleset(
        ...['甲分', '乙分', '丙分'].map((n) => `input ${n}: score`),
        'input 无丙: bool',
        'indicator 甲 weight 20 { score manual 甲分 }',
        'indicator 乙 weight 30 { score manual 乙分 }',
        `indicator 丙 weight 10 { score manual 丙分; na when 无丙${mode} }`,
        'indicator 丁 weight 40 { score full }',
      ),
    );
  const unit = (na: boolean) => ({ 甲分: 16, 乙分: 24, 丙分: 5, 无丙: na });

  it('rescale: the weight leaves the denominator, 80 / 90 × 100', () => {
    const r = of('').evaluate(unit(true));
    expect(r.indicators['丙']).toMatchObject({ points: 0, applicable: false });
    expect(r.total).toBe(88.89);
    expect(r.indicators['丙']!.explain).toBe('不适用（无丙），分值 10 不计入总分');
  });

  it('full: full points, reported not applicable, denominator unchanged', () => {
    const r = of(' full').evaluate(unit(true));
    expect(r.indicators['丙']).toMatchObject({ points: 10, applicable: false });
    expect(r.total).toBe(90);
    expect(r.indicators['丙']!.explain).toBe('不适用（无丙），按满分计 10.00 分');
  });

  it('transfer to two targets: their points scale by 1 + 10/50, the denominator stays', () => {
    const r = of(' to 甲, 乙').evaluate(unit(true));
    expect(r.indicators['丙']).toMatchObject({ points: 0, applicable: false });
    expect(pts(r, '甲')).toBe(19.2);
    expect(pts(r, '乙')).toBe(28.8);
    expect(r.total).toBe(88);
    expect(r.indicators['丙']!.explain).toBe('不适用（无丙），分值 10 转入 “甲”、“乙”');
    expect(r.indicators['甲']!.explain).toBe('人工评分 甲分 = 16.00 分（分值 20），得 19.20 分（含“丙”不适用转入的分值，按比例折算）');
  });

  it('every convention scores as written when the indicator applies', () => {
    for (const mode of ['', ' full', ' to 甲, 乙']) {
      const r = of(mode).evaluate(unit(false));
      expect([pts(r, '甲'), pts(r, '乙'), pts(r, '丙'), r.total]).toEqual([16, 24, 5, 85]);
    }
  });
});

describe('caps, penalties and bonuses', () => {
  const ev = evaluatorOf(
    ruleset(
      'input 分: score',
      'input 执行率: percent',
      'input 违规: bool',
      'input 获奖: bool',
      'indicator 项 weight 100 { score manual 分 }',
      'bonus 1 when 获奖',
      'penalty 2 when 违规',
      'cap 89 when 执行率 >= 70% and 执行率 < 80%',
    ),
  );
  const unit = (分: number, more: Partial<{ 执行率: number; 违规: boolean; 获奖: boolean }> = {}) => ev.evaluate({ 分, 执行率: 0.75, 违规: false, 获奖: false, ...more });
  const CAP = { kind: 'cap', rule: 'cap 89 when 执行率 >= 70% and 执行率 < 80%' };
  const PENALTY = { kind: 'penalty', rule: 'penalty 2 when 违规' };
  const BONUS = { kind: 'bonus', rule: 'bonus 1 when 获奖' };

  it('caps a total just above the cap, not one at or below it', () => {
    expect([unit(89.01).total, unit(89.01).adjustments]).toEqual([89, [CAP]]);
    expect([unit(89).total, unit(89).adjustments]).toEqual([89, []]);
    expect([unit(88.5).total, unit(88.5).adjustments]).toEqual([88.5, []]);
    expect([unit(95, { 执行率: 0.8 }).total, unit(95, { 执行率: 0.8 }).adjustments]).toEqual([95, []]);
  });

  it('floors a penalty at 0', () => {
    expect([unit(90, { 违规: true, 执行率: 0.9 }).total, unit(1, { 违规: true }).total]).toEqual([88, 0]);
    expect(unit(1, { 违规: true }).adjustments).toEqual([PENALTY]);
  });

  it('adds a bonus before the cap, and lists every rule that applied in order', () => {
    expect(unit(88.5, { 获奖: true, 执行率: 0.9 }).total).toBe(89.5);
    const r = unit(88.5, { 获奖: true });
    expect(r.total).toBe(89);
    expect(r.adjustments).toEqual([BONUS, CAP]);
    const all = unit(95, { 获奖: true, 违规: true });
    expect(all.total).toBe(89);
    expect(all.adjustments).toEqual([BONUS, PENALTY, CAP]);
  });
});

describe('a cap at the total, with a bonus', () => {
  it('binds when the bonus lifts the total above it: 100 + 1 is capped at 100', () => {
    const ev = evaluatorOf(ruleset('input 分: score', 'input 获奖: bool', 'indicator 项 weight 100 { score manual 分 }', 'bonus 1 when 获奖', 'cap 100 when 获奖'));
    const r = ev.evaluate({ 分: 100, 获奖: true });
    expect(r.total).toBe(100);
    expect(r.adjustments.map((a) => a.kind)).toEqual(['bonus', 'cap']);
    expect(ev.evaluate({ 分: 99.5, 获奖: true }).total).toBe(100);
    expect(ev.evaluate({ 分: 98.5, 获奖: true }).total).toBe(99.5);
  });
});

describe('monitoring lights and monthly floors', () => {
  const inputs = ['input 执行数: money(万元)', 'input 预算数: money(万元)', 'input 月份: number', 'let 时间进度 = 月份 / 12', 'let 累计执行率 = 执行数 / 预算数', 'let 执行进度 = 累计执行率 / 时间进度'];
  const light = 'light 执行进度 { < 60%: 红 "严重滞后"; < 80%: 黄; < 120%: 绿; else: 蓝 }';
  const floor = 'floor 累计执行率 by 月份 { 4: 25%; 6: 40%; 8: 60%; 10: 80% } "累计执行进度低于底线"';
  const lightOnly = evaluatorOf(ruleset(...inputs, light));
  const both = evaluatorOf(ruleset(...inputs, light, floor));

  it.each([
    [50, '红', '执行进度 50% < 60%：严重滞后'],
    [59.99, '红', '执行进度 59.99% < 60%：严重滞后'],
    [60, '黄', '执行进度 60% < 80%'],
    [80, '绿', '执行进度 80% < 120%'],
    [120, '蓝', '执行进度 120% 不满足以上各档'],
  ])('in December, %s of 100 spent is %s', (spent, color, reason) => {
    const r = lightOnly.evaluate({ 执行数: spent, 预算数: 100, 月份: 12 });
    expect(r.light).toEqual({ color, reason });
    expect([r.total, r.grade, r.error]).toEqual([null, null, null]);
  });

  it.each([
    // month, spent of 100, light without the floor, light with it
    [3, 1, '红', '红', '执行进度 4% < 60%：严重滞后'],
    [3, 20, '绿', '绿', '执行进度 80% < 120%'],
    [4, 24.99, '黄', '红', '1–4月 累计执行率 24.99% 低于底线 25%：累计执行进度低于底线'],
    [4, 25, '黄', '黄', '执行进度 75% < 80%'],
    [5, 24.99, '红', '红', '1–5月 累计执行率 24.99% 低于底线 25%：累计执行进度低于底线'],
    [5, 25, '黄', '黄', '执行进度 60% < 80%'],
    [6, 39, '黄', '红', '1–6月 累计执行率 39% 低于底线 40%：累计执行进度低于底线'],
    [6, 40, '绿', '绿', '执行进度 80% < 120%'],
    [8, 59, '绿', '红', '1–8月 累计执行率 59% 低于底线 60%：累计执行进度低于底线'],
    [10, 79, '绿', '红', '1–10月 累计执行率 79% 低于底线 80%：累计执行进度低于底线'],
    [10, 80, '绿', '绿', '执行进度 96% < 120%'],
  ])('month %s with %s spent: %s, and %s with the floor', (month, spent, plain, floored, reason) => {
    const u = { 执行数: spent, 预算数: 100, 月份: month };
    expect(lightOnly.evaluate(u).light?.color).toBe(plain);
    expect(both.evaluate(u).light).toEqual({ color: floored, reason });
  });
});
