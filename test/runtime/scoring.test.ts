// Every scoring form at its edges, through the public evaluator.
import { describe, expect, it } from 'vitest';
import type { UnitValues } from '../../src/index.js';
import { evaluatorOf, ruleset } from '../helpers/jx.js';

/** A ruleset whose first indicator `项` (weight w) is scored by `rule`; the rest of the total is a full-score filler. */
function one(inputs: string[], rule: string, w = 10): (u: UnitValues) => { points: number | undefined; total: number | null; error: string | null } {
  const ev = evaluatorOf(ruleset(...inputs, `indicator 项 weight ${w} { score ${rule} }`, `indicator 余 weight ${100 - w} { score full }`));
  return (u) => {
    const r = ev.evaluate(u);
    return { points: r.indicators['项']?.points, total: r.total, error: r.error?.code ?? null };
  };
}

const points = (f: ReturnType<typeof one>, u: UnitValues) => f(u).points;

describe('bands', () => {
  it.each([
    // op, bound, value, hits
    ['>=', '90%', 0.9, true],
    ['>=', '90%', 0.8999, false],
    ['>=', '90%', 0.95, true],
    ['>', '90%', 0.9, false],
    ['>', '90%', 0.9001, true],
    ['<=', '60%', 0.6, true],
    ['<=', '60%', 0.6001, false],
    ['<', '60%', 0.6, false],
    ['<', '60%', 0.5999, true],
    ['==', '100%', 1, true],
    ['==', '100%', 0.9999, false],
  ] as const)('%s %s at %d: hit = %s', (op, bound, value, hits) => {
    const f = one(['input 率: percent'], `bands 率 { ${op} ${bound}: full; else: 20% }`);
    expect(points(f, { 率: value })).toBe(hits ? 10 : 2);
  });

  it('takes the first band that matches, top to bottom', () => {
    const f = one(['input 率: percent'], 'bands 率 { >= 95%: full; >= 90%: 80%; >= 80%: 60%; else: 0 }', 8);
    expect([0.99, 0.95, 0.9499, 0.925, 0.9, 0.85, 0.8, 0.7999, 0].map((v) => points(f, { 率: v }))).toEqual([8, 8, 6.4, 6.4, 6.4, 4.8, 4.8, 0, 0]);
  });

  it('compares computed decimals exactly: 0.7 + 0.2 reaches 90%', () => {
    const f = one(['input a: percent', 'input b: percent'], 'bands a + b { >= 90%: full; else: 0 }');
    expect(0.7 + 0.2).toBeLessThan(0.9);
    expect(points(f, { a: 0.7, b: 0.2 })).toBe(10);
  });

  it('awards points, shares and full', () => {
    const f = one(['input 率: percent'], 'bands 率 { >= 90%: full; >= 80%: 4.5; >= 70%: 25%; else: 0 }');
    expect([0.9, 0.8, 0.7, 0.6].map((v) => points(f, { 率: v }))).toEqual([10, 4.5, 2.5, 0]);
  });

  it('bands money in its declared unit against bounds in either unit', () => {
    const f = one(['input 支出: money(元)'], 'bands 支出 { >= 500万元: full; >= 3000000元: 50%; else: 0 }');
    expect([5_000_000, 4_999_999, 3_000_000, 2_999_999.99].map((v) => points(f, { 支出: v }))).toEqual([10, 5, 5, 0]);
  });

  it('bands a count with == 0 and >= 1', () => {
    const f = one(['input 问题数: count'], 'bands 问题数 { == 0: full; >= 3: 0; >= 1: 50% }');
    expect([0, 1, 2, 3, 10].map((v) => points(f, { 问题数: v }))).toEqual([10, 5, 5, 0, 0]);
  });
});

describe('ratio', () => {
  const f = one(['input 满意度: percent', 'input 目标: percent'], 'ratio 满意度 target 目标');

  it('is weight × actual / target below the target', () => {
    expect(points(f, { 满意度: 0.86, 目标: 0.9 })).toBe(9.555556);
    expect(points(f, { 满意度: 0.45, 目标: 0.9 })).toBe(5);
    expect(points(f, { 满意度: 0, 目标: 0.9 })).toBe(0);
  });

  it('is the full weight at and above the target', () => {
    expect(points(f, { 满意度: 0.9, 目标: 0.9 })).toBe(10);
    expect(points(f, { 满意度: 1.2, 目标: 0.9 })).toBe(10);
  });

  it('with target 0: full if actual ≥ target, else 0', () => {
    expect(points(f, { 满意度: 0, 目标: 0 })).toBe(10);
    expect(points(f, { 满意度: 0.5, 目标: 0 })).toBe(10);
    expect(points(f, { 满意度: -0.1, 目标: 0 })).toBe(0);
    expect(f({ 满意度: 0, 目标: 0 }).error).toBeNull();
  });

  it('with a negative target: full if actual ≥ target, else 0', () => {
    expect(points(f, { 满意度: -0.05, 目标: -0.1 })).toBe(10);
    expect(points(f, { 满意度: -0.2, 目标: -0.1 })).toBe(0);
  });

  it('never goes below 0 for a negative actual', () => {
    expect(points(f, { 满意度: -0.3, 目标: 0.9 })).toBe(0);
  });

  it('compares money in different units: 500,000 元 of a 100 万元 target is 50%', () => {
    const m = one(['input 实际: money(元)', 'input 预算: money(万元)'], 'ratio 实际 target 预算');
    expect(points(m, { 实际: 500_000, 预算: 100 })).toBe(5);
    expect(points(m, { 实际: 1_000_000, 预算: 100 })).toBe(10);
  });
});

describe('deduct', () => {
  const f = one(['input 问题数: count'], 'deduct 0.5 per 问题数', 6);
  const capped = one(['input 问题数: count'], 'deduct 0.5 per 问题数 max 3', 6);

  it('takes the points per occurrence off the weight', () => {
    expect([0, 1, 3, 11].map((n) => points(f, { 问题数: n }))).toEqual([6, 5.5, 4.5, 0.5]);
  });

  it('stops at 0 (扣完为止)', () => {
    expect([12, 13, 1000].map((n) => points(f, { 问题数: n }))).toEqual([0, 0, 0]);
  });

  it('deducts at most max', () => {
    expect([5, 6, 7, 100].map((n) => points(capped, { 问题数: n }))).toEqual([3.5, 3, 3, 3]);
  });

  it('deducts per an expression', () => {
    const g = one(['input 超支: percent'], 'deduct 0.5 per 超支 * 100', 5);
    expect(points(g, { 超支: 0.04 })).toBe(3);
  });
});

describe('manual', () => {
  const f = one(['input 专家评分: score'], 'manual 专家评分', 6);

  it('takes the score as given within [0, weight], ends included', () => {
    expect([0, 4.4, 6].map((v) => points(f, { 专家评分: v }))).toEqual([0, 4.4, 6]);
  });

  it('fails the unit with eval-manual-out-of-range above the weight or below 0', () => {
    for (const v of [6.01, 7, -0.5]) {
      const r = f({ 专家评分: v });
      expect(r).toEqual({ points: undefined, total: null, error: 'eval-manual-out-of-range' });
    }
  });

  it('names the indicator, the score and the range in the error', () => {
    const ev = evaluatorOf(ruleset('input 专家评分: score', 'indicator 履职 weight 100 { indicator 核心业务 weight 100 { score manual 专家评分 } }'));
    const r = ev.evaluate({ 专家评分: 120 });
    expect(r.error).toEqual({
      code: 'eval-manual-out-of-range',
      message: '指标“履职/核心业务”的人工评分 120 超出分值范围 [0, 100]',
      en: 'the manual score 120 of `履职/核心业务` is outside [0, 100]',
      indicator: '履职/核心业务',
    });
    expect(r.total).toBeNull();
    expect(r.grade).toBeNull();
  });
});

describe('conditional and formula', () => {
  it('gives full or 0', () => {
    const f = one(['input 制度健全: bool'], '制度健全 ? full : 0', 6);
    expect([points(f, { 制度健全: true }), points(f, { 制度健全: false })]).toEqual([6, 0]);
  });

  it('gives a share of the weight when the branches are percents', () => {
    const f = one(['input 制度健全: bool'], '制度健全 ? full : 50%', 6);
    expect([points(f, { 制度健全: true }), points(f, { 制度健全: false })]).toEqual([6, 3]);
    const g = one(['input 制度健全: bool'], '制度健全 ? 80% : 20%', 5);
    expect([points(g, { 制度健全: true }), points(g, { 制度健全: false })]).toEqual([4, 1]);
  });

  it('gives points when the branches are numbers', () => {
    const f = one(['input 类型: enum(达成, 部分达成, 未达成)'], '类型 == 达成 ? full : 类型 == 部分达成 ? 3.5 : 0', 5);
    expect(['达成', '部分达成', '未达成'].map((v) => points(f, { 类型: v }))).toEqual([5, 3.5, 0]);
  });

  it('takes a percent formula as a share of the weight', () => {
    const f = one(['input 满意度: percent'], 'min(满意度, 100%)', 10);
    expect([points(f, { 满意度: 0.86 }), points(f, { 满意度: 1.3 })]).toEqual([8.6, 10]);
  });

  it('computes min, max, abs, round and clamp', () => {
    const f = one(['input x: number'], 'clamp(round(abs(x) / 3, 1) + max(0, x - 9), 0, 10)', 10);
    expect(points(f, { x: -10 })).toBe(3.3);
    expect(points(f, { x: 10 })).toBe(4.3);
    expect(points(f, { x: 40 })).toBe(10);
  });

  it('rounds half up inside round(): round(2.675, 2) = 2.68', () => {
    const f = one(['input x: number'], 'round(x, 2)', 10);
    expect(points(f, { x: 2.675 })).toBe(2.68);
    expect(points(f, { x: 1.005 })).toBe(1.01);
  });
});
