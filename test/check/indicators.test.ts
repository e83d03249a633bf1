import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { codesOf, evaluatorOf, pos, ruleset, single, withCode } from '../helpers/jx.js';

describe('weight-sum-mismatch', () => {
  it("shows both sums when children do not add up to their parent's weight", () => {
    const src = ruleset(
      'indicator 履职效能 weight 20 {',
      '  indicator 工作目标 weight 8 { score full }',
      '  indicator 核心业务 weight 6 { score full }',
      '  indicator 基础管理 weight 5 { score full }',
      '}',
      'indicator 社会效应 weight 80 { score full }',
    );
    const d = single(src, 'weight-sum-mismatch', { line: 2, col: 25 });
    expect(d.severity).toBe('error');
    expect(d.message.zh).toBe('“履职效能”的下级指标分值之和为 8 + 6 + 5 = 19，与其分值 20 不符');
    expect(d.message.en).toBe('the children of `履职效能` weigh 8 + 6 + 5 = 19, but it weighs 20');
  });

  it('reports top-level weights that miss the total at the total', () => {
    const src = ruleset('total 100', 'indicator a weight 60 { score full }', 'indicator b weight 30 { score full }');
    const d = single(src, 'weight-sum-mismatch', { line: 2, col: 3 });
    expect(d.message.zh).toBe('一级指标分值之和为 60 + 30 = 90，与总分 100 不符');
    expect(d.message.en).toBe('top-level weights sum to 60 + 30 = 90, but the total is 100');
  });

  it('reports top-level weights against the default total at the first indicator', () => {
    const src = ruleset('indicator a weight 20 { score full }');
    const d = single(src, 'weight-sum-mismatch', 'a weight');
    expect(d.message.en).toBe('top-level weights sum to 20, but the total is 100');
  });

  it('adds decimal weights exactly: 0.1 + 0.2 = 0.3, 33.3 + 33.3 + 33.4 = 100', () => {
    const src = ruleset(
      'indicator p weight 0.3 { indicator a weight 0.1 { score full } indicator b weight 0.2 { score full } }',
      'indicator q weight 99.7 { indicator c weight 33.3 { score full } indicator d weight 33.3 { score full } indicator e weight 33.1 { score full } }',
    );
    expect(codesOf(src)).toEqual([]);
  });

  it('checks every level of a deep tree', () => {
    const src = ruleset(
      'indicator a weight 100 {',
      '  indicator b weight 100 {',
      '    indicator c weight 60 { score full }',
      '    indicator d weight 30 { score full }',
      '  }',
      '}',
    );
    const d = single(src, 'weight-sum-mismatch', '100 {\n      indicator c');
    expect(d.message.en).toBe('the children of `b` weigh 60 + 30 = 90, but it weighs 100');
  });
});

describe('weight-invalid', () => {
  it('reports a weight of 0 at the weight', () => {
    const src = ruleset('indicator a weight 100 {', '  indicator b weight 0 { score full }', '  indicator c weight 100 { score full }', '}');
    const d = single(src, 'weight-invalid', { line: 3, col: 24 });
    expect(pos(src, '0 { score full }')).toEqual({ line: 3, col: 24 });
    expect(d.message.zh).toBe('指标“b”的分值必须大于 0');
    expect(codesOf(src)).toEqual(['weight-invalid']);
  });
});

describe('indicator-no-score and indicator-score-and-children', () => {
  it('reports a leaf without a scoring rule at its name', () => {
    const src = ruleset('indicator 空 weight 100 { note "待定" }');
    const d = single(src, 'indicator-no-score', '空');
    expect(d.message.zh).toBe('末级指标“空”没有评分规则（score …）');
  });

  it('reports a scoring rule beside children at the rule', () => {
    const src = ruleset('indicator p weight 100 {', '  score full', '  indicator c weight 100 { score full }', '}');
    const d = single(src, 'indicator-score-and-children', { line: 3, col: 5 });
    expect(pos(src, 'score full')).toEqual({ line: 3, col: 5 });
    expect(d.message.en).toBe("`p` has children, whose points add up to its own; it cannot have a scoring rule too");
  });
});

describe('indicator-duplicate-clause', () => {
  it('reports a second score, note and na, each at its place', () => {
    const src = ruleset(
      'input q: bool',
      'indicator a weight 100 {',
      '  score full',
      '  score 0',
      '  note "一"',
      '  note "二"',
      '  na when q',
      '  na when not q',
      '}',
    );
    expect(withCode(src, 'indicator-duplicate-clause').map((d) => [d.span.line, d.span.col, d.message.zh])).toEqual([
      [5, 5, '指标“a”中此子句重复，只有第一个生效'],
      [7, 10, '指标“a”中此子句重复，只有第一个生效'],
      [9, 13, '指标“a”中此子句重复，只有第一个生效'],
    ]);
  });
});

describe('codes and paths', () => {
  it('derives codes such as 1.2 and paths from the tree', () => {
    const src = ruleset(
      'indicator 履职效能 weight 20 { indicator 工作目标 weight 8 { score full } indicator 核心业务 weight 12 { score full } }',
      'indicator 社会效应 weight 80 { score full }',
    );
    const p = compile(src).program!;
    expect(p.indicators.map((i) => [i.code, i.path, i.depth, i.parent])).toEqual([
      ['1', '履职效能', 0, -1],
      ['1.1', '履职效能/工作目标', 1, 0],
      ['1.2', '履职效能/核心业务', 1, 0],
      ['2', '社会效应', 0, -1],
    ]);
  });
});

describe('score-out-of-range', () => {
  const src = ruleset('input s: score', 'indicator 附加分 weight 10 { score s * 3 }', 'indicator 基本 weight 90 { score full }');

  it('warns about a formula that can exceed its weight, showing the possible range', () => {
    const d = single(src, 'score-out-of-range', 'score s * 3');
    expect(d.severity).toBe('warning');
    expect(d.message.zh).toBe('无法证明“附加分”的得分在 [0, 10] 之内（可能为 [0, ∞]）；运行时将截取到该范围并在说明中注明');
    expect(d.message.en).toContain('cannot prove the points of `附加分` lie within [0, 10]');
    expect(compile(src).ok).toBe(true);
  });

  it('is clamped to the weight at run time, and the explanation says so', () => {
    const ev = evaluatorOf(src);
    const r = ev.evaluate({ s: 4 });
    expect(r.indicators['附加分']!.points).toBe(10);
    expect(r.indicators['附加分']!.explain).toBe('按公式 s * 3 得 10.00 分（计算值超出 [0, 10]，按分值范围截取）');
    expect(r.total).toBe(100);
    const inside = ev.evaluate({ s: 3 });
    expect(inside.indicators['附加分']!.points).toBe(9);
    expect(inside.indicators['附加分']!.explain).toBe('按公式 s * 3 得 9.00 分');
  });

  it('clamps a formula that can go below 0 to 0', () => {
    const neg = ruleset('input n: count', 'indicator 扣分项 weight 5 { score 5 - 2 * n }', 'indicator 基本 weight 95 { score full }');
    const d = single(neg, 'score-out-of-range', 'score 5 - 2');
    expect(d.message.en).toContain('they may be [-∞, 5]');
    const r = evaluatorOf(neg).evaluate({ n: 4 });
    expect(r.indicators['扣分项']!.points).toBe(0);
    expect(r.indicators['扣分项']!.explain).toContain('（计算值超出 [0, 5]，按分值范围截取）');
    expect(r.total).toBe(95);
  });

  it('does not warn where the bound is proved', () => {
    const proved = ruleset(
      'input s: score',
      'input a: percent',
      'input b: bool',
      'indicator a1 weight 10 { score min(s, full) }',
      'indicator a2 weight 10 { score clamp(s, 0, 10) }',
      'indicator a3 weight 10 { score b ? full : 0 }',
      // a percent may be negative (a growth rate), so a share needs both ends bounded
      'indicator a4 weight 10 { score clamp(a, 0%, 100%) }',
      'indicator a5 weight 10 { score ratio a target 90% }',
      'indicator a6 weight 10 { score deduct 0.5 per s }',
      'indicator a7 weight 40 { score bands a { >= 90%: full; else: 0 } }',
    );
    expect(codesOf(proved)).toEqual([]);
  });
});

describe('manual-not-score', () => {
  it('reports manual on an input that is not a score', () => {
    const src = ruleset('input 满意度: percent', 'indicator a weight 100 { score manual 满意度 }');
    const d = single(src, 'manual-not-score', pos(src, '满意度 }'));
    expect(d.message.zh).toBe('人工评分应引用分数类型的输入（input 满意度: score）');
    expect(d.message.en).toBe('`manual` needs an input of type score (input 满意度: score)');
  });

  it('reports manual on a let', () => {
    const src = ruleset('input s: score', 'let t = s * 2', 'indicator a weight 100 { score manual t }');
    single(src, 'manual-not-score', 't }');
  });

  it('accepts score (and 分数) inputs', () => {
    expect(codesOf(ruleset('input s: score', 'input t: 分数', 'indicator a weight 50 { score manual s }', 'indicator b weight 50 { 得分 人工 t }'))).toEqual([]);
  });
});
