// The one-line explanation of each indicator's points, for every scoring form.
import { describe, expect, it } from 'vitest';
import type { UnitValues } from '../../src/index.js';
import { evaluatorOf } from '../helpers/jx.js';

const src = `ruleset 示例 {
  input 年初预算: money(万元)
  input 实际支出: money(万元)
  input 满意度: percent
  input 问题数: count
  input 制度健全: bool
  input 专家评分: score
  input 结余: money(元)
  let 预算执行率 = 实际支出 / 年初预算

  indicator 履职效能 weight 30 {
    indicator 工作目标 weight 8 { score bands 预算执行率 { >= 95%: full; >= 90%: 80%; >= 80%: 4.5; else: 0 } }
    indicator 核心业务 weight 6 { score manual 专家评分 }
    indicator 基础管理 weight 6 { score deduct 0.5 per 问题数 }
    indicator 整改 weight 10 { score deduct 2 per 问题数 max 3 }
  }
  indicator 社会效应 weight 40 {
    indicator 社会满意 weight 10 { score ratio 满意度 target 90% }
    indicator 经济社会影响 weight 10 {
      score 制度健全 ? full : 0
      na when 年初预算 == 0
    }
    indicator 资金结余 weight 20 { score bands 结余 { <= 50万元: full; else: 50% } }
  }
  indicator 满意加权 weight 30 { score 满意度 * 40 }
}`;

const ev = evaluatorOf(src);
const base: UnitValues = { 年初预算: 100, 实际支出: 92.5, 满意度: 0.86, 问题数: 3, 制度健全: true, 专家评分: 4.4, 结余: 120000 };
const explain = (u: Record<string, number | boolean>, path: string) => ev.evaluate({ ...base, ...u }).indicators[path]!.explain;

describe('bands', () => {
  it('names the value, the band and the share: 预算执行率 92.5% ≥ 90%，得 80% × 8 = 6.40 分', () => {
    expect(explain({}, '履职效能/工作目标')).toBe('预算执行率 92.5% ≥ 90%，得 80% × 8 = 6.40 分');
  });

  it('says 满分 for a full band', () => {
    expect(explain({ 实际支出: 95 }, '履职效能/工作目标')).toBe('预算执行率 95% ≥ 95%，得满分 8.00 分');
  });

  it('gives points for a points band', () => {
    expect(explain({ 实际支出: 85 }, '履职效能/工作目标')).toBe('预算执行率 85% ≥ 80%，得 4.50 分');
  });

  it('says no band above matched for else', () => {
    expect(explain({ 实际支出: 50 }, '履职效能/工作目标')).toBe('预算执行率 50% 不满足以上分档，得 0.00 分');
  });

  it('shows money with separators in its unit', () => {
    expect(explain({ 结余: 120000 }, '社会效应/资金结余')).toBe('结余 120,000元 ≤ 500,000元，得满分 20.00 分');
    expect(explain({ 结余: 3852135.04 }, '社会效应/资金结余')).toBe('结余 3,852,135.04元 不满足以上分档，得 50% × 20 = 10.00 分');
  });
});

describe('ratio', () => {
  it('shows the ratio and the share below the target', () => {
    expect(explain({}, '社会效应/社会满意')).toBe('满意度 86% / 目标 90% = 95.56%，得 95.56% × 10 = 9.56 分');
  });

  it('says the target is reached at or above it', () => {
    expect(explain({ 满意度: 0.9 }, '社会效应/社会满意')).toBe('满意度 90% 达到目标 90%，得满分 10.00 分');
    expect(explain({ 满意度: 0.97 }, '社会效应/社会满意')).toBe('满意度 97% 达到目标 90%，得满分 10.00 分');
  });
});

describe('deduct', () => {
  it('shows count × points and the result', () => {
    expect(explain({}, '履职效能/基础管理')).toBe('问题数 3 × 0.5 分，扣 1.5 分，得 6 − 1.5 = 4.50 分');
    expect(explain({ 问题数: 0 }, '履职效能/基础管理')).toBe('问题数 0 × 0.5 分，扣 0 分，得 6 − 0 = 6.00 分');
  });

  it('says 扣完为止 at the floor', () => {
    expect(explain({ 问题数: 20 }, '履职效能/基础管理')).toBe('问题数 20 × 0.5 分，扣 10 分，扣完为止，得 0 分');
  });

  it('names the cap when it applies', () => {
    expect(explain({ 问题数: 1 }, '履职效能/整改')).toBe('问题数 1 × 2 分，扣 2 分，得 10 − 2 = 8.00 分');
    expect(explain({ 问题数: 3 }, '履职效能/整改')).toBe('问题数 3 × 2 分，扣 3 分（扣分上限 3 分），得 10 − 3 = 7.00 分');
  });
});

describe('manual, conditional and formula', () => {
  it('names the manual input and the weight', () => {
    expect(explain({}, '履职效能/核心业务')).toBe('人工评分 专家评分 = 4.40 分（分值 6）');
  });

  it('quotes a conditional as written', () => {
    expect(explain({}, '社会效应/经济社会影响')).toBe('按公式 制度健全 ? full : 0 得 10.00 分');
    expect(explain({ 制度健全: false }, '社会效应/经济社会影响')).toBe('按公式 制度健全 ? full : 0 得 0.00 分');
  });

  it('says when a formula was clamped to its weight', () => {
    expect(explain({ 满意度: 0.6 }, '满意加权')).toBe('按公式 满意度 * 40 得 24.00 分');
    expect(explain({ 满意度: 0.8 }, '满意加权')).toBe('按公式 满意度 * 40 得 30.00 分（计算值超出 [0, 30]，按分值范围截取）');
  });
});

describe('parents and na', () => {
  it('sums the children of a parent', () => {
    expect(explain({}, '履职效能')).toBe('下级指标合计 22.30 / 30 分');
  });

  it('gives the condition of an indicator that does not apply, and counts it at the parent', () => {
    const other = evaluatorOf(
      `ruleset 示例 {
  input 年初预算: money(万元)
  input 健全: bool
  indicator 社会效应 weight 100 {
    indicator 影响 weight 40 { score 健全 ? full : 0 \n na when 年初预算 == 0 }
    indicator 满意 weight 60 { score full }
  }
}`,
    ).evaluate({ 年初预算: 0, 健全: true }).indicators;
    expect(other['社会效应/影响']!.explain).toBe('不适用（年初预算 == 0），分值 40 不计入总分');
    expect(other['社会效应']!.explain).toBe('下级指标合计 60.00 / 100 分（1 项不适用）');
  });

  it('names the ancestor that does not apply', () => {
    const r = evaluatorOf(
      `ruleset 示例 {
  input q: bool
  indicator 效益 weight 50 {
    na when q
    indicator 经济 weight 50 { score full }
  }
  indicator 产出 weight 50 { score full }
}`,
    ).evaluate({ q: true }).indicators;
    expect(r['效益']!.explain).toBe('不适用（q），分值 50 不计入总分');
    expect(r['效益/经济']!.explain).toBe('不适用（上级“效益”不适用），分值不计入总分');
  });
});
