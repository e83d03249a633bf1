// What the checker proves about the rule kinds of real 评分标准: band coverage over explicit
// intervals, enum members and run-time bounds; reverse ratios naming their formula; relative,
// pool and placeholder weights; tiers and Likert tallies; total rules; na transfers; keywords as names.
import { describe, expect, it } from 'vitest';
import { compile, Evaluator, runTests } from '../../src/index.js';
import { codesOf, lines, pos, ruleset, single, withCode } from '../helpers/jx.js';

/** One indicator `项` (weight 10) scored by `rule`, beside a full-score filler of 90. */
function scored(inputs: string[], rule: string): string {
  return ruleset(...inputs, `indicator 项 weight 10 { score ${rule} }`, 'indicator 余 weight 90 { score full }');
}
const RATE = ['input 率: percent'];
const KIND = ['input 类别: enum(达成, 部分达成, 未达成)'];

describe('ratio-formula-missing', () => {
  it('requires a reverse ratio to name 比值法 or 线性法', () => {
    const src = scored(RATE, 'ratio down 率 target 90%');
    const d = single(src, 'ratio-formula-missing', 'score ratio');
    expect(d.severity).toBe('error');
    expect(d.message.zh).toContain('采用 比值法');
    expect(d.message.zh).toContain('采用 线性法');
    expect(d.message.en).toContain('`using quotient`');
    expect(d.message.en).toContain('`using linear`');
  });

  it('accepts either formula on a reverse ratio, and none on the others', () => {
    for (const rule of ['ratio down 率 target 90% using quotient', 'ratio 反向 率 target 90% 采用 线性法', 'ratio up 率 target 90%', 'ratio equal 率 target 0%', 'ratio 率 target 90%']) {
      expect(codesOf(scored(RATE, rule)), rule).toEqual([]);
    }
  });

  it('refuses a formula on a ratio that is not reverse', () => {
    const d = single(scored(RATE, 'ratio up 率 target 90% using linear'), 'ratio-formula-missing', 'score ratio');
    expect(d.message.en).toBe('only a `down` ratio takes a formula');
  });
});

describe('bands over explicit intervals', () => {
  it('names the interval left between two bands: [0, 10%] and (20%, 30%] leave 10% < x ≤ 20%', () => {
    const src = scored(RATE, 'bands 率 { < 0: 0; [0, 10%]: full; (20%, 30%]: 5; > 30%: 0 }');
    const d = single(src, 'band-gap', '率 {');
    expect(d.message.zh).toBe('分档没有覆盖 10% < x ≤ 20%：请补上这些取值的分档，或加一档 else: 0');
    expect(d.message.en).toBe('the bands leave 10% < x ≤ 20% uncovered: add bands for these values, or `else: 0`');
  });

  it('names every uncovered piece of a percent, which may be negative or above 100%', () => {
    const d = single(scored(RATE, 'bands 率 { [0, 10%]: full; (20%, 30%]: 5 }'), 'band-gap', '率 {');
    expect(d.message.zh).toContain('分档没有覆盖 x < 0%；10% < x ≤ 20%；30% < x');
  });

  it('accepts intervals that meet at their ends, open against closed', () => {
    expect(codesOf(scored(RATE, 'bands 率 { < 0: 0; == 0: full; (0, 10%]: 4; (10%, 20%]: 3; > 20%: 0 }'))).toEqual([]);
    expect(codesOf(scored(RATE, 'bands 率 { [90%, 100%]: full; [80%, 90%): 80%; else: 0 }'))).toEqual([]);
  });

  it('reports an interval inside an earlier one as unreachable', () => {
    const src = scored(RATE, 'bands 率 { [0, 50%]: full; (10%, 20%]: 5; else: 0 }');
    const d = single(src, 'band-unreachable', '(10%, 20%]');
    expect(d.message.en).toBe('band `(10%, 20%]: 5` can never be reached: the bands before it already cover these values (write bands in order)');
  });

  it('accepts an interval that overlaps an earlier one only in part', () => {
    expect(codesOf(scored(RATE, 'bands 率 { [0, 50%]: full; [40%, 60%]: 5; else: 0 }'))).toEqual([]);
  });

  it('reports an empty interval', () => {
    const d = single(scored(RATE, 'bands 率 { (10%, 10%]: 5; else: 0 }'), 'band-unreachable', '(10%, 10%]');
    expect(d.message.en).toBe('the interval (10%, 10%] is empty');
  });
});

describe('bands over an enum', () => {
  it('reports a member with no band and no else as band-gap naming it', () => {
    const src = scored(KIND, 'bands 类别 { == 达成: full; == 部分达成: 60% }');
    const d = single(src, 'band-gap', '类别 {');
    expect(d.message.zh).toBe('分档没有覆盖可选值 未达成：请补上，或加一档 else: 0');
    expect(d.message.en).toBe('the bands leave 未达成 uncovered: add them, or `else: 0`');
  });

  it('accepts every member, or else', () => {
    expect(codesOf(scored(KIND, 'bands 类别 { == 达成: full; == 部分达成: 60%; == 未达成: 0 }'))).toEqual([]);
    expect(codesOf(scored(KIND, 'bands 类别 { == 达成: full; else: 0 }'))).toEqual([]);
  });

  it('reports a repeated member as unreachable', () => {
    const src = scored(KIND, 'bands 类别 { == 达成: full; == 达成: 5; else: 0 }');
    single(src, 'band-unreachable', '== 达成: 5');
  });

  it('reports else after every member as unreachable', () => {
    const d = single(scored(KIND, 'bands 类别 { == 达成: full; == 部分达成: 60%; == 未达成: 0; else: 1 }'), 'band-unreachable', 'else');
    expect(d.message.en).toBe('the bands before `else` already cover every member');
  });

  it('refuses a name that is not a member, listing the members', () => {
    const d = single(scored(KIND, 'bands 类别 { == 完成: full; else: 0 }'), 'type-mismatch', '== 完成');
    expect(d.message.zh).toBe('枚举分档须写作 == 可选值（达成、部分达成、未达成）');
  });
});

describe('bands with a run-time bound', () => {
  const money = ['input 结余: money(万元)', 'input 上年结转: money(元)'];

  it('cannot prove coverage without else, even when the bands look complementary', () => {
    const src = scored(money, 'bands 结余 { <= 上年结转: full; > 上年结转: 0 }');
    const d = single(src, 'band-gap', '结余 {');
    expect(d.message.en).toBe('the bands compare with other figures, so coverage cannot be proved: add an `else` band');
  });

  it('accepts the same bands with else, across money units', () => {
    expect(codesOf(scored(money, 'bands 结余 { <= 上年结转: full; else: 0 }'))).toEqual([]);
  });

  it('refuses a bound of another kind: money against a percent', () => {
    single(scored([...money, ...RATE], 'bands 结余 { <= 率: full; else: 0 }'), 'type-mismatch', '率: full');
  });
});

describe('relative levels, pools and placeholders', () => {
  const leaf = (name: string, w: number) => `  indicator ${name} weight ${w} { score manual 分 }`;
  const tree = (head: string, rest: number, ...kids: string[]) =>
    ruleset('input 分: score', `${head} {`, ...kids, '}', `indicator 余 weight ${rest} { score full }`);

  it('reports relative weights that do not sum to the scale, with both sums', () => {
    const src = tree('indicator 一级 weight 50 relative 100', 50, leaf('甲', 75), leaf('乙', 20));
    const d = single(src, 'weight-sum-mismatch', 'relative 100');
    expect(d.message.zh).toBe('“一级”的下级指标按相对分值计，之和为 75 + 20 = 95，应为 100');
    expect(d.message.en).toBe('the relative weights under `一级` sum to 75 + 20 = 95, but its scale is 100');
  });

  it('accepts relative weights summing to the scale, not to the weight', () => {
    expect(codesOf(tree('indicator 一级 weight 50 relative 100', 50, leaf('甲', 75), leaf('乙', 25)))).toEqual([]);
  });

  it('reports a pool member heavier than the pool, at its weight', () => {
    const src = tree('indicator 效益 weight 40 pool', 60, leaf('甲', 45), leaf('乙', 20));
    const d = single(src, 'weight-sum-mismatch', '45');
    expect(d.message.zh).toBe('可选池“效益”中的“甲”分值 45 超过池的分值 40');
  });

  it('accepts pool members that together weigh more than the pool', () => {
    expect(codesOf(tree('indicator 效益 weight 40 pool', 60, leaf('甲', 40), leaf('乙', 20), leaf('丙', 10)))).toEqual([]);
  });

  it('reports placeholder children over the budget', () => {
    const src = tree('indicator 成效 weight 20 placeholder', 80, leaf('甲', 15), leaf('乙', 10));
    const d = single(src, 'weight-sum-mismatch', '20 placeholder');
    expect(d.message.zh).toBe('待定指标“成效”的下级指标分值之和为 15 + 10 = 25，超过预留的 20 分');
  });

  it('accepts placeholder children at or under the budget', () => {
    expect(codesOf(tree('indicator 成效 weight 20 placeholder', 80, leaf('甲', 15)))).toEqual([]);
    expect(codesOf(tree('indicator 成效 weight 20 placeholder', 80, leaf('甲', 15), leaf('乙', 5)))).toEqual([]);
  });

  it('warns of an empty placeholder, which still compiles', () => {
    const src = ruleset('indicator 成效 weight 20 placeholder { }', 'indicator 余 weight 80 { score full }');
    const d = single(src, 'placeholder-empty', '成效');
    expect(d.severity).toBe('warning');
    expect(d.message.zh).toBe('待定指标“成效”（预留 20 分）还没有下级指标：评分时按不适用处理，分值不计入总分');
    expect(compile(src).ok).toBe(true);
  });
});

describe('tiers', () => {
  const inputs = [...KIND, 'input 专家分: score'];
  const tiers = (body: string) => scored(inputs, `tiers 类别 manual 专家分 { ${body} }`);

  it('accepts a tier for every member, inside [0, weight]', () => {
    expect(codesOf(tiers('达成: [80%, 100%]; 部分达成: [60%, 80%); 未达成: [0, 60%)'))).toEqual([]);
  });

  it('reports a tier naming a non-member, listing the members', () => {
    const src = tiers('达成: [80%, 100%]; 部分达成: [60%, 80%); 完成: [0, 60%)');
    const d = single(src, 'name-unknown', '完成');
    expect(d.message.zh).toBe('“完成”不是 类别 的可选值（达成、部分达成、未达成）');
    expect(single(src, 'band-gap', '类别 manual').message.zh).toBe('分级没有给出 未达成 的得分区间');
  });

  it('reports members without a tier at the category', () => {
    const d = single(tiers('达成: [80%, 100%]'), 'band-gap', '类别 manual');
    expect(d.message.en).toBe('no interval for 部分达成, 未达成');
  });

  it('reports an interval outside [0, weight], in points, with its own ends', () => {
    const src = tiers('达成: [80%, 110%]; 部分达成: [60%, 80%); 未达成: [-1, 6)');
    expect(withCode(src, 'band-award-range').map((d) => [d.span.line, d.span.col, d.message.en])).toEqual([
      [pos(src, '[80%, 110%]').line, pos(src, '[80%, 110%]').col, 'the tier [8, 11] is outside [0, 10]'],
      [pos(src, '[-1, 6)').line, pos(src, '[-1, 6)').col, 'the tier [-1, 6) is outside [0, 10]'],
    ]);
  });

  it('needs an enum category and a score input', () => {
    single(scored(['input 类别: number', 'input 专家分: score'], 'tiers 类别 manual 专家分 { 达成: [0, 100%] }'), 'type-mismatch', '类别 manual');
    single(scored([...KIND, 'input 专家分: percent'], 'tiers 类别 manual 专家分 { 达成: [0, 100%] }'), 'manual-not-score', '专家分 {');
  });
});

describe('likert', () => {
  it('reports a key that is a percent input, not a count', () => {
    const src = scored(['input 满意数: count', 'input 不满意率: percent'], 'likert { 满意数: 1; 不满意率: 0.2 }');
    const d = single(src, 'type-mismatch', '不满意率: 0.2');
    expect(d.message.zh).toBe('量表中的“不满意率”应为计数输入（回答该项的人数）');
  });

  it('reports a key that is not declared, and a value outside [0, 1]', () => {
    const src = scored(['input 满意数: count'], 'likert { 满意数: 1.5; 其他数: 0.5 }');
    single(src, 'name-unknown', '其他数');
    expect(single(src, 'band-award-range', '满意数: 1.5').message.en).toBe('a likert value 1.5 must lie in [0, 1]');
  });

  it('accepts count keys, with and without a target', () => {
    const inputs = ['input 满意数: count', 'input 不满意数: count'];
    expect(codesOf(scored(inputs, 'likert { 满意数: 1; 不满意数: 0.2 }'))).toEqual([]);
    expect(codesOf(scored(inputs, 'likert { 满意数: 1; 不满意数: 0.2 } target 90%'))).toEqual([]);
  });
});

describe('caps, penalties and bonuses', () => {
  const base = ['input 分: score', 'input n: count', 'indicator 项 weight 100 { score manual 分 }'];

  it('warns of a cap at or above the total', () => {
    const src = ruleset(...base, 'cap 100 when n > 3', 'cap 120 when n > 3', 'cap 99.99 when n > 3');
    expect(withCode(src, 'cap-never-binds').map((d) => [d.span.line, d.span.col, d.severity, d.message.en])).toEqual([
      [pos(src, '100 when').line, pos(src, '100 when').col, 'warning', 'a cap of 100 is not below the total 100, so it never applies'],
      [pos(src, '120 when').line, pos(src, '120 when').col, 'warning', 'a cap of 120 is not below the total 100, so it never applies'],
    ]);
  });

  it('counts bonuses, added before the caps: cap 100 binds when a bonus can lift the total to 101', () => {
    expect(codesOf(ruleset(...base, 'bonus 1 when n > 3', 'cap 100 when n > 3'))).toEqual([]);
    const src = ruleset(...base, 'bonus 1 when n > 3', 'bonus 0.5 when n > 5', 'cap 101.5 when n > 3');
    const d = single(src, 'cap-never-binds', '101.5 when');
    expect(d.message.en).toBe('a cap of 101.5 is not below the total with every bonus, 101.5, so it never applies');
    expect(d.message.zh).toBe('封顶 101.5 分不低于总分加全部加分 101.5，永远不起作用');
  });

  it('warns of a condition that can never hold: a count below 0', () => {
    const src = ruleset(...base, 'penalty 2 when n < 0', 'bonus 1 when n >= 0');
    const d = single(src, 'condition-never-true', 'n < 0');
    expect(d.severity).toBe('warning');
    expect(d.message.zh).toBe('条件“n < 0”永远不成立（取值范围不可能满足），这一规则永远不会生效');
  });

  it('warns of an na condition that can never hold too', () => {
    single(ruleset('input n: count', 'indicator 项 weight 100 { score full; na when n < 0 }'), 'condition-never-true', 'n < 0');
  });
});

describe('na when … to', () => {
  const src = (to: string) =>
    ruleset(
      'input 分: score',
      'input 无: bool',
      'indicator 甲 weight 50 { score manual 分 }',
      `indicator 乙 weight 50 { na when 无 to ${to}`,
      '  indicator 丙 weight 30 { score manual 分 }',
      '  indicator 丁 weight 20 { score manual 分 }',
      '}',
    );

  it('accepts an indicator outside the one that does not apply', () => {
    expect(codesOf(src('甲'))).toEqual([]);
  });

  it('reports an unknown indicator', () => {
    const d = single(src('戊'), 'name-unknown', '戊');
    expect(d.message.en).toBe('unknown indicator `戊`');
  });

  it('refuses its own child, and itself', () => {
    const child = single(src('丙'), 'type-mismatch', '丙\n');
    expect(child.message.en).toBe('weight cannot move to the indicator itself, its ancestors or its descendants');
    single(src('乙'), 'type-mismatch', '乙\n');
  });
});

describe('keywords as declared names', () => {
  it('declares an indicator 扣 and an input 目标值, referenced in expressions and tests', () => {
    const src = ruleset(
      'input 目标值: percent',
      'input 实际: percent',
      'let 差距 = 实际 - 目标值',
      'indicator 扣 weight 10 { score ratio 实际 target 目标值 }',
      'indicator 余 weight 90 { score 差距 >= 0 ? full : 0 }',
      'alert 扣 "未达目标" when 实际 < 目标值',
      'test "半数" { given { 目标值: 90%, 实际: 45% } expect 扣 == 5; expect alert 扣; expect total == 5 }',
    );
    const r = compile(src);
    expect(r.diagnostics).toEqual([]);
    const [run] = runTests(new Evaluator(r.program!));
    expect(run!.expects.map((e) => [e.text, e.pass])).toEqual([
      ['expect 扣 == 5', true],
      ['expect alert 扣', true],
      ['expect total == 5', true],
    ]);
  });

  it('references keywords that are not reserved: 目标值, 封顶, 相对, 超过', () => {
    const src = ruleset(
      ...['目标值', '封顶', '相对', '超过'].map((n) => `input ${n}: number`),
      'indicator 项 weight 100 { score 目标值 + 相对 > 超过 ? full : 0 }',
      'cap 封顶 when 超过 > 1',
    );
    expect(codesOf(src)).toEqual([]);
  });

  it.each(['bands', 'ratio', 'deduct', 'manual', 'checklist', 'tiers', 'likert', 'up', 'down', 'equal', 'whole', 'gate', '扣', '正向', '整', '前提'])(
    'rejects the reserved %s in an expression, though it may be declared',
    (kw) => {
      const src = ruleset(`input ${kw}: number`, `indicator 项 weight 100 { score 0 < ${kw} ? full : 0 }`);
      const col = pos(src, `${kw} ?`);
      expect(lines(src)).toContain(`${col.line}:${col.col} error syntax-unexpected-token`);
      expect(withCode(src, 'syntax-unexpected-token')[0]!.message.en).toContain(`found \`${kw}\``);
    },
  );
});
