// Running the `test` blocks of a ruleset: each given scored like a data row, each expect judged.
import { describe, expect, it } from 'vitest';
import { runTests } from '../../src/index.js';
import { evaluatorOf } from '../helpers/jx.js';

const head = `ruleset 示例 {
  input 年初预算: money(万元)
  input 实际支出: money(万元)
  input 满意度: percent
  input 问题数: count
  input 专家评分: score
  let 执行率 = 实际支出 / 年初预算
  indicator 履职 weight 60 {
    indicator 目标 weight 40 { score bands 执行率 { >= 95%: full; >= 90%: 80%; else: 0 } }
    indicator 管理 weight 20 { score deduct 0.5 per 问题数 }
  }
  indicator 效益 weight 40 {
    indicator 目标 weight 30 { score ratio 满意度 target 90% \n na when 满意度 == 0 }
    indicator 专家 weight 10 { score manual 专家评分 }
  }
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  outcomes { 中: "扣减10%" adjust -10%; 差: "取消" adjust -100% }
  alert 红灯 "执行进度滞后" when 执行率 < 60%
`;

function outcomes(...tests: string[]) {
  return runTests(evaluatorOf(`${head}${tests.join('\n')}\n}\n`));
}

describe('runTests', () => {
  it('passes a test whose every expectation holds', () => {
    const [t] = outcomes(`  test "复现" {
    given { 年初预算: 100, 实际支出: 92.5, 满意度: 81%, 问题数: 3, 专家评分: 8 }
    expect total == 85.5
    expect grade == 良
    expect 履职 == 50.5
    expect 履职.目标 == 32
    expect 效益.目标 == 27
    expect adjust == 0
    expect alert 红灯 == false
    expect error == false
  }`);
    expect(t!.name).toBe('复现');
    expect(t!.expects.map((e) => [e.text, e.pass])).toEqual([
      ['expect total == 85.5', true],
      ['expect grade == 良', true],
      ['expect 履职 == 50.5', true],
      ['expect 履职.目标 == 32', true],
      ['expect 效益.目标 == 27', true],
      ['expect adjust == 0', true],
      ['expect alert 红灯 == false', true],
      ['expect error == false', true],
    ]);
    expect(t!.pass).toBe(true);
  });

  it('fails a test and says what was found, at the line and column of the expectation', () => {
    const [t] = outcomes(`  test "错的期望" {
    given { 年初预算: 100, 实际支出: 50, 满意度: 0, 问题数: 0, 专家评分: 10 }
    expect total == 60
    expect grade == 中
    expect 效益.目标 == 0
    expect adjust == -10%
    expect alert 红灯 == false
  }`);
    expect(t!.pass).toBe(false);
    expect(t!.line).toBe(20);
    expect(t!.expects.map((e) => [e.line, e.col, e.pass, e.actual])).toEqual([
      [22, 5, false, '总分为 42.86'],
      [23, 5, false, '等级为 差'],
      [24, 5, false, '不适用'],
      [25, 5, false, '调整比例为 -100%'],
      [26, 5, false, '预警“红灯”已触发'],
    ]);
  });

  it('checks na, alerts that fire, and adjustments', () => {
    const [t] = outcomes(`  test "不适用" {
    given { 年初预算: 100, 实际支出: 50, 满意度: 0, 问题数: 0, 专家评分: 10 }
    expect 效益.目标 == na
    expect alert 红灯
    expect adjust == -100%
    expect total == 42.86
  }`);
    expect(t!.expects.map((e) => e.pass)).toEqual([true, true, true, true]);
  });

  it('expects a unit error by code, or any error', () => {
    const [byCode, any, wrongCode, unexpected] = outcomes(
      `  test "除零" {
    given { 年初预算: 0, 实际支出: 1, 满意度: 90%, 问题数: 0, 专家评分: 1 }
    expect error == "eval-division-by-zero"
  }`,
      `  test "出错" {
    given { 年初预算: 10, 实际支出: 1, 满意度: 90%, 问题数: 0, 专家评分: 11 }
    expect error
  }`,
      `  test "错码" {
    given { 年初预算: 0, 实际支出: 1, 满意度: 90%, 问题数: 0, 专家评分: 1 }
    expect error == "eval-manual-out-of-range"
  }`,
      `  test "意外出错" {
    given { 年初预算: 0, 实际支出: 1, 满意度: 90%, 问题数: 0, 专家评分: 1 }
    expect total == 0
  }`,
    );
    expect(byCode!.pass).toBe(true);
    expect(any!.pass).toBe(true);
    expect(wrongCode!.pass).toBe(false);
    expect(wrongCode!.expects[0]!.actual).toBe('错误 eval-division-by-zero');
    expect(unexpected!.pass).toBe(false);
    expect(unexpected!.expects[0]!.actual).toBe('出错：除数为零：实际支出 / 年初预算（年初预算 = 0）');
  });

  it('compares decimals as decimals: expect 履职.管理 == 19.5 holds for 20 − 0.5', () => {
    const [t] = outcomes(`  test "小数" {
    given { 年初预算: 3, 实际支出: 2.85, 满意度: 0.7, 问题数: 1, 专家评分: 0.1 }
    expect 履职.管理 == 19.5
    expect 效益.目标 == 23.333333
  }`);
    expect(t!.expects.map((e) => [e.pass, e.actual])).toEqual([
      [true, '得 19.5 分'],
      [true, '得 23.333333 分'],
    ]);
  });
});
