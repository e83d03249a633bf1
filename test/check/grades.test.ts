import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { bare, codesOf, pos, ruleset, single, withCode } from '../helpers/jx.js';

function graded(grades: string, ...more: string[]): string {
  return ruleset('indicator a weight 100 { score full }', `grades { ${grades} }`, ...more);
}

describe('well-formed grades', () => {
  it('accepts the usual sets, with >= and >, in both spellings', () => {
    expect(codesOf(graded('优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise'))).toEqual([]);
    expect(codesOf(graded('优 > 90; 良 >= 80; 差 其他'))).toEqual([]);
    expect(codesOf(graded('合格 >= 60, 不合格 otherwise'))).toEqual([]);
    expect(codesOf(graded('只有 otherwise'))).toEqual([]);
  });

  it('carries the grades into the program in order', () => {
    const p = compile(graded('优 > 90; 良 >= 80; 差 otherwise')).program!;
    expect(p.grades).toEqual([
      { name: '优', op: '>', threshold: 90 },
      { name: '良', op: '>=', threshold: 80 },
      { name: '差', op: null, threshold: null },
    ]);
  });
});

describe('grade-order', () => {
  it('reports a threshold that is not below the one before, naming both', () => {
    const src = graded('优 >= 80; 良 >= 90; 差 otherwise');
    const d = single(src, 'grade-order', '良');
    expect(d.severity).toBe('error');
    expect(d.message.zh).toBe('等级分数线须严格递减：“良”的 90 不低于“优”的 80');
    expect(d.message.en).toBe('grade thresholds must strictly descend: `良` at 90 is not below `优` at 80');
  });

  it('reports equal thresholds, whatever the operators', () => {
    single(graded('优 > 90; 良 >= 90; 差 otherwise'), 'grade-order', '良');
  });
});

describe('grade-no-otherwise', () => {
  it('reports grades that do not end in otherwise, at the grades block', () => {
    const src = graded('优 >= 90; 良 >= 80');
    const d = single(src, 'grade-no-otherwise', 'grades');
    expect(d.message.zh).toBe('等级最后必须有一个“其他”(otherwise) 等级，如：差 otherwise');
  });

  it('reports an empty grades block', () => {
    single(graded(''), 'grade-no-otherwise', 'grades');
  });

  it('reports an otherwise that is not last', () => {
    const src = graded('差 otherwise; 优 >= 90');
    const found = withCode(src, 'grade-no-otherwise');
    expect(found.map((d) => [d.span.line, d.span.col, d.message.zh])).toEqual([
      [pos(src, 'grades').line, pos(src, 'grades').col, '等级最后必须有一个“其他”(otherwise) 等级，如：差 otherwise'],
      [pos(src, '差').line, pos(src, '差').col, '“差 其他”必须是最后一个等级'],
    ]);
  });
});

describe('grade-duplicate', () => {
  it('reports a grade defined twice', () => {
    const src = graded('优 >= 90; 良 >= 80; 优 >= 70; 差 otherwise');
    const d = single(src, 'grade-duplicate', pos(src, '优', 1));
    expect(d.message.zh).toBe('等级“优”重复');
    expect(d.message.en).toBe('grade `优` is declared twice');
  });
});

describe('grade-threshold-range', () => {
  it('warns about a threshold above the total', () => {
    const src = ruleset('total 40', 'indicator a weight 40 { score full }', 'grades { 优 >= 90; 良 >= 36; 差 otherwise }');
    const d = single(src, 'grade-threshold-range', '优');
    expect(d.severity).toBe('warning');
    expect(d.message.zh).toBe('等级“优”的分数线 90 不在 [0, 40] 之内');
  });
});

describe('grade-unknown', () => {
  it('reports an outcome for a grade that is not defined, listing the grades', () => {
    const src = graded('优 >= 90; 良 >= 80; 差 otherwise', 'outcomes { 中: "扣减10%" adjust -10%; 差: "取消" adjust -100% }');
    const d = single(src, 'grade-unknown', '中');
    expect(d.message.zh).toBe('结果应用中的等级“中”未在等级中定义（已定义：优、良、差）');
    expect(d.message.en).toBe('outcome for `中`, which is not a grade (grades: 优, 良, 差)');
  });

  it('reports an outcome when there are no grades at all', () => {
    const src = bare('indicator a weight 100 { score full }', 'outcomes { 差: "取消" }');
    expect(single(src, 'grade-unknown', '差').message.en).toContain('(grades: none)');
  });

  it('reports an expectation of a grade that is not defined', () => {
    const src = graded('优 >= 90; 差 otherwise', 'test "t" { expect grade == 良 }');
    const d = single(src, 'grade-unknown', '良');
    expect(d.message.zh).toBe('“良”不是已定义的等级');
  });

  it('reports a second outcome for one grade as a duplicate', () => {
    const src = graded('优 >= 90; 差 otherwise', 'outcomes { 差: "a"; 差: "b" }');
    single(src, 'name-duplicate', pos(src, '差: "b"'));
  });
});

describe('outcomes', () => {
  it('carries texts and adjustments into the program', () => {
    const p = compile(graded('优 >= 90; 中 >= 60; 差 otherwise', 'outcomes { 中: "扣减不高于10%的预算资金额度" adjust -10%; 差: "取消资金安排" adjust -100%; 优: "奖励" }')).program!;
    expect(p.outcomes).toEqual([
      { grade: '中', text: '扣减不高于10%的预算资金额度', adjust: -0.1 },
      { grade: '差', text: '取消资金安排', adjust: -1 },
      { grade: '优', text: '奖励', adjust: null },
    ]);
  });
});
