import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { codesOf, pos, ruleset, single, withCode } from '../helpers/jx.js';

const INPUTS = [
  'input 预算: money(万元)',
  'input 满意度: percent',
  'input 问题数: count',
  'input 健全: bool',
  'input 专家: score',
  'input 类型: enum(达成, 部分达成, 未达成)',
  'input 系数: number',
];
const GIVEN_OK = '预算: 875.35, 满意度: 86%, 问题数: 3, 健全: true, 专家: 4.4, 类型: 达成, 系数: -1.5';

function withTest(...body: string[]): string {
  return ruleset(
    ...INPUTS,
    'indicator 履职 weight 50 { indicator 目标 weight 50 { score ratio 满意度 target 90% } }',
    'indicator 效益 weight 50 { indicator 目标 weight 50 { score full } }',
    'grades { 优 >= 90; 差 otherwise }',
    'outcomes { 差: "取消" adjust -100% }',
    'alert 红灯 "慢" when 满意度 < 60%',
    'test "t" {',
    ...body.map((b) => `  ${b}`),
    '}',
  );
}

describe('valid tests', () => {
  it('accepts every kind of value and expectation', () => {
    const src = withTest(
      `given { ${GIVEN_OK} }`,
      'expect total == 97.78',
      'expect grade == 优',
      'expect 履职.目标 == 47.78',
      'expect 效益 == 50',
      'expect adjust == 0%',
      'expect alert 红灯 == false',
      'expect error == false',
    );
    expect(compile(src).diagnostics).toEqual([]);
  });

  it('takes a percent as 86% or 0.86, a bool as 是/否, an enum member by name or string', () => {
    const src = withTest('given { 预算: 1, 满意度: 0.86, 问题数: 0, 健全: 否, 专家: 0, 类型: "部分达成", 系数: 0 }');
    expect(codesOf(src)).toEqual([]);
    const t = compile(src).program!.tests[0]!;
    expect(t.given).toEqual({ 预算: 1, 满意度: 0.86, 问题数: 0, 健全: false, 专家: 0, 类型: '部分达成', 系数: 0 });
  });
});

describe('test-bad-value', () => {
  it.each([
    ['满意度: true', '满意度', '输入“满意度”应为百分数，如 86%'],
    ['预算: 5%', '预算', '输入“预算”不是百分比，请去掉 %'],
    ['问题数: 1.5', '问题数', '输入“问题数”应为非负整数'],
    ['问题数: -1', '问题数', '输入“问题数”应为非负整数'],
    ['健全: 1', '健全', '输入“健全”应为 是/否（true/false）'],
    ['专家: "高"', '专家', '输入“专家”应为数字'],
    ['类型: 完成', '类型', '输入“类型”的值“完成”不是 达成、部分达成、未达成 之一'],
    ['类型: 3', '类型', '输入“类型”应为 达成、部分达成、未达成 之一'],
  ])('reports `%s` at the value', (entry, name, zh) => {
    const others = GIVEN_OK.split(', ').filter((g) => !g.startsWith(`${name}:`));
    const src = withTest(`given { ${[...others, entry].join(', ')} }`);
    const value = entry.slice(entry.indexOf(':') + 2);
    const at = pos(src, `${name}: ${value}`);
    const d = single(src, 'test-bad-value', { line: at.line, col: at.col + name.length + 2 });
    expect(d.severity).toBe('error');
    expect(d.message.zh).toBe(zh);
  });

  it('reports inputs a test does not give, at the test, naming them all', () => {
    const src = withTest('given { 预算: 1, 满意度: 90% }');
    const d = single(src, 'test-bad-value', 'test "t"');
    expect(d.message.zh).toBe('测试“t”缺少输入：问题数、健全、专家、类型、系数');
    expect(d.message.en).toBe('test "t" does not give 问题数, 健全, 专家, 类型, 系数');
  });

  it('reports a given name that is not an input', () => {
    const src = withTest(`given { ${GIVEN_OK}, 满意: 1 }`);
    const d = single(src, 'name-unknown', '满意: 1');
    expect(d.message.en).toBe('unknown name `满意`; did you mean `满意度`?');
  });
});

describe('test-bad-expect', () => {
  const given = `given { ${GIVEN_OK} }`;

  it.each([
    ['expect total == 优', '总分应与数字比较'],
    ['expect grade == 90', '等级应与等级名比较，如 grade == 优'],
    ['expect adjust == 优', '调整比例应与百分比比较，如 -10%'],
    ['expect alert 红灯 == 1', '预警应与 true/false 比较'],
    ['expect error == 5', 'error 应与 true/false 或错误代码字符串比较'],
    ['expect 效益 == true', '指标得分应与数字或 na 比较'],
  ])('reports `%s` at the expectation', (line, zh) => {
    const src = withTest(given, line);
    const d = single(src, 'test-bad-expect', line);
    expect(d.message.zh).toBe(zh);
  });

  it('reports an indicator name that is ambiguous, suggesting the parent', () => {
    const src = withTest(given, 'expect 目标 == 5');
    const d = single(src, 'test-bad-expect', 'expect 目标');
    expect(d.message.zh).toBe('有多个指标名为“目标”，请写出上级，如 上级.目标');
    expect(codesOf(withTest(given, 'expect 履职.目标 == 5', 'expect 效益.目标 == na'))).toEqual([]);
  });

  it('reports an unknown indicator or alert by name', () => {
    const src = withTest(given, 'expect 履职.结果 == 5', 'expect alert 黄灯');
    expect(withCode(src, 'name-unknown').map((d) => d.message.en)).toEqual(['unknown name `履职.结果`', 'unknown name `黄灯`; did you mean `红灯`?']);
  });
});
