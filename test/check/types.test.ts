import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { codesOf, evaluatorOf, pos, ruleset, single, withCode } from '../helpers/jx.js';

describe('unit-mismatch', () => {
  it('reports money + percent at the operation', () => {
    const src = ruleset('input 实际支出: money(元)', 'input 满意度: percent', 'let x = 实际支出 + 满意度');
    const d = single(src, 'unit-mismatch', { line: 4, col: 11 });
    expect(d.severity).toBe('error');
    expect(d.message.zh).toBe('“+”两边单位不一致：金额(元) 与 百分比');
    expect(d.message.en).toBe('`+` combines money(元) with percent');
  });

  it.each([
    ['m - a', '`-` combines money(元) with percent'],
    ['a / m', '`/` combines percent with money(元)'],
    ['m > 5', '`>` combines money(元) with number'],
    ['m + 1', '`+` combines money(元) with number'],
  ])('reports %s', (e, en) => {
    const src = ruleset('input m: money(元)', 'input a: percent', `let x = ${e}`);
    expect(single(src, 'unit-mismatch', { line: 4, col: 11 }).message.en).toBe(en);
  });

  it('reports a ratio of money against a target that is not money', () => {
    const src = ruleset('input m: money(元)', 'indicator i weight 100 { score ratio m target 90% }');
    const d = single(src, 'unit-mismatch', '90%');
    expect(d.message.zh).toBe('完成值是金额，目标值也必须是金额');
  });

  it('reports a money bound on bands over a figure that is not money', () => {
    const src = ruleset('input a: number', 'indicator i weight 100 { score bands a { >= 5万元: full; else: 0 } }');
    single(src, 'unit-mismatch', '5万元');
  });

  it('accepts money ± money in different units, money × number, money compared with 0', () => {
    const src = ruleset(
      'input m: money(元)',
      'input w: money(万元)',
      'input k: number',
      'let a = m + w',
      'let b = w - m',
      'let c = m * k',
      'let d = m / 2',
      'let e = m >= w',
      'let f = w == 0',
      'let g = m > 500万元',
    );
    expect(codesOf(src)).toEqual([]);
  });
});

describe('money / money is a true ratio whatever the units', () => {
  const src = ruleset(
    'input 实际支出: money(元)',
    'input 年初预算: money(万元)',
    'let 执行率 = 实际支出 / 年初预算',
    'indicator 执行 weight 100 { score bands 执行率 { >= 32.62%: full; >= 32.6%: 50%; else: 0 } }',
  );

  it('types the quotient as a percent: bands in % need no conversion', () => {
    expect(compile(src).diagnostics).toEqual([]);
    expect(compile(src).program!.lets[0]!.type).toEqual({ kind: 'percent' });
  });

  it('computes 1,256,730 元 / 385.213504 万元 = 32.62%', () => {
    const r = evaluatorOf(src).evaluate({ 实际支出: 1256730, 年初预算: 385.213504 });
    expect(r.indicators['执行']!.explain).toBe('执行率 32.62% ≥ 32.62%，得满分 100.00 分');
    expect(r.total).toBe(100);
  });

  it('is the same ratio when the units are the other way round', () => {
    const other = ruleset(
      'input 实际支出: money(万元)',
      'input 年初预算: money(元)',
      'let 执行率 = 实际支出 / 年初预算',
      'indicator 执行 weight 100 { score 执行率 }',
    );
    const r = evaluatorOf(other).evaluate({ 实际支出: 125.673, 年初预算: 3852135.04 });
    expect(r.indicators['执行']!.points).toBeCloseTo(32.624, 3);
  });

  it('converts the units of a sum: 1 万元 + 5000 元 = 15000 元', () => {
    const sum = ruleset('input m: money(元)', 'input w: money(万元)', 'indicator i weight 100 { score bands m + w { >= 15000元: full; else: 0 } }');
    expect(evaluatorOf(sum).evaluate({ m: 5000, w: 1 }).total).toBe(100);
    expect(evaluatorOf(sum).evaluate({ m: 4999, w: 1 }).total).toBe(0);
  });
});

describe('type-percent-vs-number', () => {
  it('warns about a percent compared with 90, with the fix 90%', () => {
    const src = ruleset('input 满意度: percent', 'alert 低 "满意度低" when 满意度 >= 90');
    const d = single(src, 'type-percent-vs-number', '90');
    expect(d.severity).toBe('warning');
    expect(d.message.zh).toBe('百分比与 90 比较；百分比是小数（95% 即 0.95），是否应写作 90%？');
    expect(d.message.en).toContain('did you mean 90%?');
    expect(d.fix).toMatchObject({ text: '90%', span: d.span });
    expect(compile(src).ok).toBe(true);
  });

  it('warns with the number on the left too, and on a band bound', () => {
    const src = ruleset('input a: percent', 'let x = 85.5 <= a', 'indicator i weight 100 { score bands a { >= 90: full; else: 0 } }');
    expect(withCode(src, 'type-percent-vs-number').map((d) => [d.span.line, d.span.col, d.fix?.text])).toEqual([
      [3, 11, '85.5%'],
      [4, 47, '90%'],
    ]);
    expect(pos(src, '90:')).toEqual({ line: 4, col: 47 });
  });

  it('does not warn for fractions up to 1 or for percent literals', () => {
    expect(codesOf(ruleset('input a: percent', 'let x = a >= 0.9', 'let y = a <= 1', 'let z = a > 90%'))).toEqual([]);
  });
});

describe('type-mismatch', () => {
  it.each([
    ['b + 1', '“+”需要数值，实际类型为 是否、数值'],
    ['not a', '“非”(not) 需要是/否值，实际类型为 百分比'],
    ['a and b', '“且”两边需要是/否值，实际类型为 百分比、是否'],
    ['b ? 1 : 2%', '各分支的类型必须一致，实际类型为 数值、百分比'],
    ['a > b', '“>”两边类型不可比较，实际类型为 百分比、是否'],
    ['-b', '负号需要数值，实际类型为 是否'],
    ['m * m', '金额不能乘以金额，实际类型为 金额(元)、金额(元)'],
    ['full', '“满分”(full) 只能用在指标的评分规则中'],
    ['min(b, 1)', 'min 的参数需要数值，实际类型为 是否'],
  ])('reports `%s`', (e, zh) => {
    const src = ruleset('input a: percent', 'input b: bool', 'input m: money(元)', `let x = ${e}`);
    expect(single(src, 'type-mismatch', `${e}`.startsWith('min') ? 'b, 1' : e).message.zh).toBe(zh);
  });

  it('reports a condition that is not a bool: in a conditional, na when, an alert', () => {
    const src = ruleset('input a: percent', 'indicator i weight 100 {', '  score a ? full : 0', '  na when a', '}', 'alert q "x" when a + 1%');
    expect(withCode(src, 'type-mismatch').map((d) => [d.span.line, d.span.col, d.message.en])).toEqual([
      [4, 11, 'a condition must be a bool, found percent'],
      [5, 13, 'a condition must be a bool, found percent'],
      [7, 20, 'a condition must be a bool, found percent'],
    ]);
    expect([pos(src, 'a ?'), pos(src, 'a\n'), pos(src, 'a + 1%')]).toEqual([
      { line: 4, col: 11 },
      { line: 5, col: 13 },
      { line: 7, col: 20 },
    ]);
  });

  it('reports a percent bound on money; a bound that is another figure is compared at run time (结余 <= 上年结转)', () => {
    const src = ruleset('input a: percent', 'input m: money(元)', 'indicator i weight 50 { score bands a { >= a: full; else: 0 } }', 'indicator j weight 50 { score bands m { >= 90%: full; else: 0 } }');
    expect(withCode(src, 'type-mismatch').map((d) => [{ line: d.span.line, col: d.span.col }, d.message.zh])).toEqual([
      [pos(src, '90%'), '分档对象是金额(元)，不能用百分比分档'],
    ]);
  });

  it('reports the digits of round that are not a literal integer', () => {
    const src = ruleset('input a: number', 'let x = round(a, a)');
    expect(single(src, 'type-mismatch', 'a)').message.en).toBe('the second argument of round must be an integer 0–10');
  });

  it('reports bands over a bool', () => {
    const src = ruleset('input b: bool', 'indicator i weight 100 { score bands b { >= 1: full; else: 0 } }');
    expect(single(src, 'type-mismatch', pos(src, 'b {')).message.en).toBe('bands need a number or an enum, found bool');
  });

  it('reports a score that is not a number', () => {
    const src = ruleset('input b: bool', 'indicator i weight 100 { score b }');
    expect(single(src, 'type-mismatch', 'b }').message.zh).toBe('得分需要数值，实际为是否');
  });

  it('accepts 0 and full beside any type in a conditional', () => {
    expect(codesOf(ruleset('input b: bool', 'input a: percent', 'indicator i weight 100 { score b ? full : 0 }', 'let x = b ? a : 0'))).toEqual([]);
  });
});
