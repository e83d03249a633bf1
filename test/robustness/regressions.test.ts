// Counterexamples found by the property suites and by probing, each kept as a plain test of the
// figure or the diagnostic a user would see.
import { describe, expect, it } from 'vitest';
import { compile, Evaluator } from '../../src/index.js';

describe('found by the properties', () => {
  it('puts the end-of-file error after a lone CR on the next line (random text "\\\\\\r")', () => {
    const r = compile('\\\r');
    expect(r.diagnostics.map((d) => [d.code, d.span.line, d.span.col])).toEqual([
      ['syntax-invalid-character', 1, 1],
      ['syntax-unexpected-token', 2, 1],
    ]);
  });

  it('takes a divisor that is 0 in decimals but not in binary as division by zero', () => {
    const r = compile(`ruleset 除零 {
  input 预算: money(万元)
  input 支出一: money(万元)
  input 支出二: money(万元)
  let 剩余 = 预算 - 支出一 - 支出二
  indicator 结余 weight 100 { score bands 支出一 / 剩余 { >= 50%: full; else: 0 } }
  grades { 合格 >= 60; 不合格 otherwise }
}`);
    expect(r.diagnostics).toEqual([]);
    const res = new Evaluator(r.program!).evaluate({ 预算: 0.3, 支出一: 0.1, 支出二: 0.2 });
    expect([res.total, res.error?.code, res.error?.message]).toEqual([null, 'eval-division-by-zero', '除数为零：支出一 / 剩余（剩余 = 0）']);
  });

  it('fails a unit with a missing or mistyped value instead of scoring it', () => {
    const r = compile(`ruleset 输入 {
  input 满意度: percent
  input 问题数: count
  input 预算: money(元)
  indicator 满意 weight 100 { score ratio 满意度 target 90% }
  grades { 合格 >= 60; 不合格 otherwise }
}`);
    const ev = new Evaluator(r.program!);
    const error = (values: object): unknown => {
      const res = ev.evaluate(values as never);
      return [res.total, res.error?.code, res.error?.field];
    };
    expect(error({ 满意度: 0.9, 问题数: 0, 预算: 1 })).toEqual([100, undefined, undefined]);
    expect(error({ 问题数: 0, 预算: 1 })).toEqual([null, 'eval-bad-input', '满意度']);
    expect(error({ 满意度: '90%', 问题数: 0, 预算: 1 })).toEqual([null, 'eval-bad-input', '满意度']);
    expect(error({ 满意度: NaN, 问题数: 0, 预算: 1 })).toEqual([null, 'eval-bad-input', '满意度']);
    expect(error({ 满意度: 0.9, 问题数: 1.5, 预算: 1 })).toEqual([null, 'eval-bad-input', '问题数']);
    expect(error({ 满意度: 0.9, 问题数: 0, 预算: -1 })).toEqual([null, 'eval-bad-input', '预算']);
    expect(error({ 满意度: 0.9, 问题数: 0, 预算: Infinity })).toEqual([null, 'eval-bad-input', '预算']);
  });
});
