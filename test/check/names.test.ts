import { describe, expect, it } from 'vitest';
import { codesOf, pos, ruleset, single, withCode } from '../helpers/jx.js';

describe('name-unknown', () => {
  it('reports an unknown name at its position', () => {
    const src = ruleset('input 满意度: percent', 'let x = 满意 + 1');
    const d = single(src, 'name-unknown', { line: 3, col: 11 });
    expect(d.severity).toBe('error');
    expect(d.message.zh).toContain('未定义的名称“满意”');
    expect(d.message.en).toContain('unknown name `满意`');
  });

  it('suggests the nearest declared name, with a fix', () => {
    const src = ruleset('input 预算执行率: percent', 'indicator i weight 100 { score ratio 预算执行 target 90% }');
    const d = single(src, 'name-unknown', '预算执行 target');
    expect(d.message.zh).toBe('未定义的名称“预算执行”，是否是“预算执行率”？');
    expect(d.message.en).toBe('unknown name `预算执行`; did you mean `预算执行率`?');
    expect(d.fix?.text).toBe('预算执行率');
    expect(d.fix?.span).toEqual(d.span);
  });

  it('suggests a let as readily as an input', () => {
    const src = ruleset('input 实际: percent', 'let 完成率 = 实际 * 2', 'alert 红 "慢" when 完成律 < 60%');
    const d = single(src, 'name-unknown', '完成律');
    expect(d.message.en).toContain('did you mean `完成率`?');
  });

  it('suggests nothing for a name far from every declared one', () => {
    const src = ruleset('input 满意度: percent', 'let x = 问题数 + 1');
    const d = single(src, 'name-unknown', '问题数');
    expect(d.message.zh).toBe('未定义的名称“问题数”');
    expect(d.fix).toBeUndefined();
  });

  it('reports an unknown name in a na condition, an alert, a manual score and a test', () => {
    const src = ruleset(
      'input s: score',
      'indicator i weight 100 { score manual 得分s \n na when 年初 == 0 }',
      'alert 红 "x" when 支出 > 0',
      'test "t" { given { s: 1, 问题: 2 } }',
    );
    expect(withCode(src, 'name-unknown').map((d) => d.message.en)).toEqual([
      'unknown name `得分s`',
      'unknown name `年初`',
      'unknown name `支出`',
      'unknown name `问题`',
    ]);
  });

  it('reports an enum comparison with a value outside the enum', () => {
    const src = ruleset('input 类型: enum(达成, 部分达成, 未达成)', 'let x = 类型 == 完成');
    const d = single(src, 'name-unknown', '完成');
    expect(d.message.zh).toBe('“完成”不是可选值之一（达成、部分达成、未达成）');
  });

  it('accepts an enum member on either side of == and !=', () => {
    expect(codesOf(ruleset('input 类型: enum(甲, 乙)', 'let x = 类型 == 甲', 'let y = 乙 != 类型'))).toEqual([]);
  });
});

describe('name-duplicate', () => {
  it('reports a let named like an input, pointing back at the first', () => {
    const src = ruleset('input a: percent', 'let a = 1');
    const d = single(src, 'name-duplicate', { line: 3, col: 7 });
    expect(d.message.zh).toBe('名称“a”已在第 2 行定义');
    expect(d.message.en).toBe('`a` is already declared at line 2');
  });

  it('reports an input declared twice', () => {
    const src = ruleset('input 预算: money(万元)', 'input 预算: money(元)');
    single(src, 'name-duplicate', { line: 3, col: 9 });
  });

  it('reports sibling indicators with one name, but not cousins', () => {
    const src = ruleset(
      'indicator 产出 weight 50 { indicator 数量 weight 25 { score full } indicator 数量 weight 25 { score full } }',
      'indicator 效益 weight 50 { indicator 数量 weight 50 { score full } }',
    );
    const d = single(src, 'name-duplicate', { line: 2, col: 76 });
    expect(pos(src, '数量 weight 25', 1)).toEqual({ line: 2, col: 76 });
    expect(d.message.zh).toBe('同一级下已有指标“数量”（第 2 行）');
  });

  it('reports top-level indicators with one name', () => {
    const src = ruleset('indicator 产出 weight 50 { score full }', 'indicator 产出 weight 50 { score full }');
    const d = single(src, 'name-duplicate', { line: 3, col: 13 });
    expect(d.message.en).toBe('indicator `产出` is already declared at this level (line 2)');
  });

  it('reports a repeated enum member and a repeated alert', () => {
    const src = ruleset('input e: enum(甲, 乙, 甲)', 'alert 红灯 "x" when e == 甲', 'alert 红灯 "y" when e == 乙');
    expect(withCode(src, 'name-duplicate').map((d) => [d.span.line, d.span.col, d.message.zh])).toEqual([
      [2, 23, '可选值“甲”重复'],
      [4, 9, '预警“红灯”重复'],
    ]);
  });
});

describe('name-cycle', () => {
  it('reports a let that uses itself', () => {
    const src = ruleset('let x = x + 1');
    const d = single(src, 'name-cycle', { line: 2, col: 11 });
    expect(d.message.zh).toBe('计算项“x”循环引用了自身');
    expect(d.message.en).toBe('`x` depends on itself');
  });

  it('reports a cycle through several lets once', () => {
    const src = ruleset('let x = y + 1', 'let y = z * 2', 'let z = x - 1');
    single(src, 'name-cycle', { line: 4, col: 11 });
  });

  it('accepts lets used before they are declared', () => {
    expect(codesOf(ruleset('input a: number', 'let x = y + 1', 'let y = a * 2'))).toEqual([]);
  });
});

describe('name-not-function and call-arity', () => {
  it('reports a call of an unknown function with the list of functions', () => {
    const d = single(ruleset('let x = foo(1)'), 'name-not-function', { line: 2, col: 11 });
    expect(d.message.zh).toBe('“foo”不是函数（可用：min max abs round clamp）');
  });

  it('suggests the nearest function', () => {
    const d = single(ruleset('let x = mn(1, 2)'), 'name-not-function', { line: 2, col: 11 });
    expect(d.message.en).toBe('`mn` is not a function; did you mean `min`?');
  });

  it('reports a call of an input', () => {
    const d = single(ruleset('input a: number', 'let x = a(1)'), 'name-not-function', { line: 3, col: 11 });
    expect(d.message.en).toContain('`a` is not a function');
  });

  it.each([
    ['abs(1, 2)', 'abs 需要 1 个参数，实际为 2 个'],
    ['clamp(1, 2)', 'clamp 需要 3 个参数，实际为 2 个'],
    ['round(1, 2, 3)', 'round 需要 1–2 个参数，实际为 3 个'],
    ['min()', 'min 需要 至少 1 个参数，实际为 0 个'],
  ])('reports %s with the number of arguments wanted and given', (call, zh) => {
    const d = single(ruleset(`let x = ${call}`), 'call-arity', { line: 2, col: 11 });
    expect(d.message.zh).toBe(zh);
  });

  it('accepts the Chinese spellings of the functions', () => {
    expect(codesOf(ruleset('input a: number', 'let x = 最小(a, 1) + 最大(a, 2) + 绝对值(a) + 四舍五入(a, 1) + 限定(a, 0, 1)'))).toEqual([]);
  });
});
