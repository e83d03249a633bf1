import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';
import type { Expr, Ruleset } from '../../src/ast/nodes.js';
import { compile } from '../../src/index.js';
import { pos } from '../helpers/jx.js';

/** The tree without spans, for comparing shapes. */
function shape<T>(x: T): unknown {
  return JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'span' || k === 'weightSpan' || k === 'gradesSpan' ? undefined : v)));
}

/** Parses a ruleset that must have no syntax error. */
function ok(src: string): Ruleset {
  const r = parse(src);
  expect(r.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.message.en}`)).toEqual([]);
  expect(r.ast).toBeDefined();
  return r.ast!;
}

function member(...lines: string[]): Ruleset {
  return ok(`ruleset 示例 {\n${lines.join('\n')}\n}`);
}

/** The expression of `let x = …`, without spans. */
function expr(text: string): unknown {
  return shape(member(`let x = ${text}`).lets[0]!.expr);
}

const ref = (name: string) => ({ kind: 'Ref', name: { text: name } });
const n = (value: number) => ({ kind: 'Number', value });
const bin = (op: string, left: unknown, right: unknown) => ({ kind: 'Binary', op, left, right });

describe('ruleset and header', () => {
  it('parses an empty ruleset with a Chinese name', () => {
    const ast = ok('ruleset 曲沃部门整体 { }');
    expect(shape(ast)).toEqual({
      kind: 'Ruleset',
      name: { text: '曲沃部门整体' },
      header: [],
      inputs: [],
      lets: [],
      indicators: [],
      grades: null,
      outcomes: [],
      alerts: [],
      tests: [],
    });
  });

  it('reads title, district and kind as strings or bare names, total and round as numbers', () => {
    const ast = member('  title "曲沃经开区绩效评价"', '  district 曲沃', '  kind 部门整体', '  total 100', '  round 2');
    expect(shape(ast.header)).toEqual([
      { key: 'title', value: '曲沃经开区绩效评价' },
      { key: 'district', value: '曲沃' },
      { key: 'kind', value: '部门整体' },
      { key: 'total', value: 100 },
      { key: 'round', value: 2 },
    ]);
  });

  it('reads the Chinese header keywords the same way', () => {
    const zh = member('  标题 “绩效评价”', '  地区 曲沃', '  类别 项目支出', '  总分 100', '  保留小数 1');
    const en = member('  title "绩效评价"', '  district 曲沃', '  kind 项目支出', '  total 100', '  round 1');
    expect(shape(zh)).toEqual(shape(en));
  });

  it('gives the ruleset and its parts spans with lines and columns', () => {
    const src = 'ruleset 示例 {\n  total 100\n  indicator a weight 100 { score full }\n}';
    const ast = ok(src);
    expect(ast.span).toMatchObject({ line: 1, col: 1, endLine: 4, endCol: 1 });
    expect(ast.header[0]!.span).toMatchObject({ line: 2, col: 3, endLine: 2, endCol: 11 });
    expect(ast.indicators[0]!.span).toMatchObject({ line: 3, col: 3 });
    expect(ast.indicators[0]!.weightSpan).toMatchObject(pos(src, '100 {'));
  });

  it('accepts stray semicolons between members', () => {
    expect(member('  total 100;', '  ;round 2;').header).toHaveLength(2);
  });
});

describe('inputs and lets', () => {
  it('parses every type, in English and Chinese', () => {
    const ast = member(
      '  input a: number',
      '  input b: percent',
      '  input c: money(元)',
      '  input d: money(万元)',
      '  input e: count',
      '  input f: bool',
      '  input g: score',
      '  input h: enum(甲, 乙, 丙)',
      '  输入 i：数值',
      '  输入 j：百分比',
      '  输入 k：金额（万元）',
      '  输入 l：计数',
      '  输入 m：是否',
      '  输入 n：分数',
      '  输入 o：枚举（达成、部分达成，未达成）',
    );
    expect(shape(ast.inputs.map((i) => [i.name.text, i.type]))).toEqual([
      ['a', { kind: 'number' }],
      ['b', { kind: 'percent' }],
      ['c', { kind: 'money', unit: '元' }],
      ['d', { kind: 'money', unit: '万元' }],
      ['e', { kind: 'count' }],
      ['f', { kind: 'bool' }],
      ['g', { kind: 'score' }],
      ['h', { kind: 'enum', members: [{ text: '甲' }, { text: '乙' }, { text: '丙' }] }],
      ['i', { kind: 'number' }],
      ['j', { kind: 'percent' }],
      ['k', { kind: 'money', unit: '万元' }],
      ['l', { kind: 'count' }],
      ['m', { kind: 'bool' }],
      ['n', { kind: 'score' }],
      ['o', { kind: 'enum', members: [{ text: '达成' }, { text: '部分达成' }, { text: '未达成' }] }],
    ]);
  });

  it('parses a let with its name and expression', () => {
    const ast = member('  let 预算执行率 = 实际支出 / 年初预算', '  令 差额 = 实际支出 - 年初预算');
    expect(shape(ast.lets)).toEqual([
      { kind: 'Let', name: { text: '预算执行率' }, expr: bin('/', ref('实际支出'), ref('年初预算')) },
      { kind: 'Let', name: { text: '差额' }, expr: bin('-', ref('实际支出'), ref('年初预算')) },
    ]);
  });
});

describe('expressions', () => {
  it('reads literals: numbers, percents as exact fractions, money, bools, full', () => {
    expect(expr('8.5')).toEqual(n(8.5));
    expect(expr('95%')).toEqual({ kind: 'Percent', value: 0.95 });
    expect(expr('85.5%')).toEqual({ kind: 'Percent', value: 0.855 });
    expect(expr('0.7%')).toEqual({ kind: 'Percent', value: 0.007 });
    expect(expr('500万元')).toEqual({ kind: 'Money', value: 500, unit: '万元' });
    expect(expr('1256730元')).toEqual({ kind: 'Money', value: 1256730, unit: '元' });
    expect(expr('true')).toEqual({ kind: 'Bool', value: true });
    expect(expr('否')).toEqual({ kind: 'Bool', value: false });
    expect(expr('满分')).toEqual({ kind: 'Full' });
  });

  it('folds a minus into a literal and keeps it on names', () => {
    expect(expr('-5')).toEqual(n(-5));
    expect(expr('-10%')).toEqual({ kind: 'Percent', value: -0.1 });
    expect(expr('-a')).toEqual({ kind: 'Unary', op: '-', operand: ref('a') });
  });

  it('binds * / tighter than + -, left to right', () => {
    expect(expr('a + b * c')).toEqual(bin('+', ref('a'), bin('*', ref('b'), ref('c'))));
    expect(expr('a - b - c')).toEqual(bin('-', bin('-', ref('a'), ref('b')), ref('c')));
    expect(expr('a / b / c')).toEqual(bin('/', bin('/', ref('a'), ref('b')), ref('c')));
    expect(expr('(a + b) * c')).toEqual(bin('*', bin('+', ref('a'), ref('b')), ref('c')));
  });

  it('binds comparison tighter than not, not tighter than and, and tighter than or', () => {
    expect(expr('a >= 1 and not b or c')).toEqual(
      bin('or', bin('and', bin('>=', ref('a'), n(1)), { kind: 'Unary', op: 'not', operand: ref('b') }), ref('c')),
    );
    expect(expr('a 且 b 或 非 c')).toEqual(bin('or', bin('and', ref('a'), ref('b')), { kind: 'Unary', op: 'not', operand: ref('c') }));
  });

  it.each([
    ['>=', '>='],
    ['≥', '>='],
    ['>', '>'],
    ['<=', '<='],
    ['≤', '<='],
    ['<', '<'],
    ['==', '=='],
    ['!=', '!='],
    ['≠', '!='],
  ])('reads the comparison %s as %s', (written, op) => {
    expect(expr(`a ${written} b`)).toEqual(bin(op, ref('a'), ref('b')));
  });

  it('reads a conditional, nested to the right', () => {
    expect(expr('a ? 1 : b ? 2 : 3')).toEqual({
      kind: 'Conditional',
      test: ref('a'),
      then: n(1),
      else: { kind: 'Conditional', test: ref('b'), then: n(2), else: n(3) },
    });
    expect(expr('a ？ 满分 ： 0')).toEqual({ kind: 'Conditional', test: ref('a'), then: { kind: 'Full' }, else: n(0) });
  });

  it('reads function calls, including max and round, which are also keywords', () => {
    const call = (callee: string, ...args: unknown[]) => ({ kind: 'Call', callee: { text: callee }, args });
    expect(expr('min(a, 1)')).toEqual(call('min', ref('a'), n(1)));
    expect(expr('max(a, b, c)')).toEqual(call('max', ref('a'), ref('b'), ref('c')));
    expect(expr('最多（a，b）')).toEqual(call('最多', ref('a'), ref('b')));
    expect(expr('round(a / b, 2)')).toEqual(call('round', bin('/', ref('a'), ref('b')), n(2)));
    expect(expr('clamp(a, 0, 10)')).toEqual(call('clamp', ref('a'), n(0), n(10)));
    expect(expr('abs(-a)')).toEqual(call('abs', { kind: 'Unary', op: '-', operand: ref('a') }));
  });

  it('spans an expression from its first to its last token', () => {
    const src = 'ruleset 示例 {\n  let x = (实际支出 - 年初预算) / 年初预算\n}';
    const e = ok(src).lets[0]!.expr as Extract<Expr, { kind: 'Binary' }>;
    expect(src.slice(e.span.start, e.span.end)).toBe('(实际支出 - 年初预算) / 年初预算');
    expect(e.span).toMatchObject({ line: 2, col: 11, endLine: 2, endCol: 30 });
  });
});

describe('indicators', () => {
  it('nests indicators with weights, notes and na conditions', () => {
    const ast = member(
      '  indicator 履职效能 weight 20 {',
      '    indicator 工作目标 weight 8.5 {',
      '      score full',
      '      note "执行率≥95%得满分"',
      '      na when 年初预算 == 0',
      '    }',
      '    指标 核心业务 分值 11.5 { 得分 满分 }',
      '  }',
    );
    expect(shape(ast.indicators)).toEqual([
      {
        kind: 'Indicator',
        name: { text: '履职效能' },
        weight: 20,
        children: [
          {
            kind: 'Indicator',
            name: { text: '工作目标' },
            weight: 8.5,
            children: [],
            score: { kind: 'Formula', expr: { kind: 'Full' } },
            note: '执行率≥95%得满分',
            na: bin('==', ref('年初预算'), n(0)),
          },
          { kind: 'Indicator', name: { text: '核心业务' }, weight: 11.5, children: [], score: { kind: 'Formula', expr: { kind: 'Full' } }, note: null, na: null },
        ],
        score: null,
        note: null,
        na: null,
      },
    ]);
  });

  it('accepts 权重 as well as 分值 for weight', () => {
    expect(member('  指标 a 权重 100 { 得分 满分 }').indicators[0]!.weight).toBe(100);
  });

  it('keeps the first of repeated clauses', () => {
    const ast = member('  indicator a weight 10 { score 1; score 2; note "x"; note "y" }');
    expect(shape(ast.indicators[0]!.score)).toEqual({ kind: 'Formula', expr: n(1) });
    expect(ast.indicators[0]!.note).toBe('x');
  });
});

describe('scoring rules', () => {
  const score = (rule: string) => shape(member(`  indicator a weight 10 { score ${rule} }`).indicators[0]!.score);

  it('parses bands with every operator and every kind of award', () => {
    expect(score('bands 执行率 { >= 95%: full; > 90%: 80%; == 90%: 4.5; <= 10%: 0; < 50%: 1, else: 20% }')).toEqual({
      kind: 'Bands',
      subject: ref('执行率'),
      bands: [
        { op: '>=', bound: { kind: 'Percent', value: 0.95 }, award: { kind: 'full' } },
        { op: '>', bound: { kind: 'Percent', value: 0.9 }, award: { kind: 'share', value: 0.8 } },
        { op: '==', bound: { kind: 'Percent', value: 0.9 }, award: { kind: 'points', value: 4.5 } },
        { op: '<=', bound: { kind: 'Percent', value: 0.1 }, award: { kind: 'points', value: 0 } },
        { op: '<', bound: { kind: 'Percent', value: 0.5 }, award: { kind: 'points', value: 1 } },
        { op: null, bound: null, award: { kind: 'share', value: 0.2 } },
      ],
    });
  });

  it('separates bands by newlines as well as ; and ,', () => {
    const multi = shape(member('  indicator a weight 10 {', '    score bands x {', '      >= 90%: full', '      else: 0', '    }', '  }').indicators[0]!.score);
    expect(multi).toEqual(score('bands x { >= 90%: full; else: 0 }'));
  });

  it('parses bands in Chinese with full-width punctuation', () => {
    expect(score('分档 执行率 ｛ ≥ 95％：满分；其余：0 ｝')).toEqual(score('bands 执行率 { >= 95%: full; else: 0 }'));
  });

  it('parses bands over an arithmetic subject', () => {
    expect(score('bands 实际 / 预算 { >= 1: full; else: 0 }')).toMatchObject({ subject: bin('/', ref('实际'), ref('预算')) });
  });

  it('parses a ratio, in both spellings', () => {
    const want = { kind: 'Ratio', actual: ref('满意度'), target: { kind: 'Percent', value: 0.9 } };
    expect(score('ratio 满意度 target 90%')).toEqual(want);
    expect(score('比例 满意度 目标值 90%')).toEqual(want);
  });

  it('parses a deduction with and without a cap', () => {
    expect(score('deduct 0.5 per 问题数')).toEqual({ kind: 'Deduct', points: n(0.5), count: ref('问题数'), max: null });
    expect(score('deduct 0.5 per 问题数 max 3')).toEqual({ kind: 'Deduct', points: n(0.5), count: ref('问题数'), max: n(3) });
    expect(score('扣 0.5 每 问题数 最多 3')).toEqual(score('deduct 0.5 per 问题数 max 3'));
  });

  it('parses a manual score', () => {
    expect(score('manual 专家评分')).toEqual({ kind: 'Manual', input: { text: '专家评分' } });
    expect(score('人工 专家评分')).toEqual(score('manual 专家评分'));
  });

  it('parses a conditional and a general formula', () => {
    expect(score('制度健全 ? full : 0')).toEqual({
      kind: 'Formula',
      expr: { kind: 'Conditional', test: ref('制度健全'), then: { kind: 'Full' }, else: n(0) },
    });
    expect(score('min(满意度 / 90%, 1) * full')).toMatchObject({ kind: 'Formula', expr: { kind: 'Binary', op: '*' } });
  });
});

describe('grades, outcomes, alerts', () => {
  it('parses grades with >= and >, ending in otherwise', () => {
    const ast = member('  grades { 优 > 90; 良 >= 80, 中 ≥ 60', '  差 otherwise }');
    expect(shape(ast.grades)).toEqual([
      { name: { text: '优' }, op: '>', threshold: 90 },
      { name: { text: '良' }, op: '>=', threshold: 80 },
      { name: { text: '中' }, op: '>=', threshold: 60 },
      { name: { text: '差' }, op: null, threshold: null },
    ]);
  });

  it('parses grades in Chinese', () => {
    expect(shape(member('  等级 { 优 ≥ 90；差 其他 }').grades)).toEqual(shape(member('  grades { 优 >= 90; 差 otherwise }').grades));
  });

  it('parses outcomes with and without an adjustment', () => {
    const ast = member('  outcomes { 中: "扣减不高于10%的预算资金额度" adjust -10%; 良: "维持" adjust +5%; 差: "取消资金安排" }');
    expect(shape(ast.outcomes)).toEqual([
      { grade: { text: '中' }, text: '扣减不高于10%的预算资金额度', adjust: -0.1 },
      { grade: { text: '良' }, text: '维持', adjust: 0.05 },
      { grade: { text: '差' }, text: '取消资金安排', adjust: null },
    ]);
    expect(shape(member('  结果应用 { 差：“取消” 调整 －100％ }').outcomes)).toEqual([{ grade: { text: '差' }, text: '取消', adjust: -1 }]);
  });

  it('parses an alert', () => {
    const ast = member('  alert 红灯 "执行进度滞后" when 执行率 < 60%', '  预警 黄灯 “偏慢” 当 执行率 < 80%');
    expect(shape(ast.alerts)).toEqual([
      { name: { text: '红灯' }, message: '执行进度滞后', when: bin('<', ref('执行率'), { kind: 'Percent', value: 0.6 }) },
      { name: { text: '黄灯' }, message: '偏慢', when: bin('<', ref('执行率'), { kind: 'Percent', value: 0.8 }) },
    ]);
  });
});

describe('tests', () => {
  it('parses given values of every kind', () => {
    const ast = member('  test "复现" {', '    given { 预算: 875.35, 满意度: 86%, 差额: -3, 健全: true, 完成: 否, 类型: 甲, 备注: "文字" }', '  }');
    expect(shape(ast.tests)).toEqual([
      {
        name: '复现',
        given: [
          { name: { text: '预算' }, value: { kind: 'number', value: 875.35 } },
          { name: { text: '满意度' }, value: { kind: 'percent', value: 0.86 } },
          { name: { text: '差额' }, value: { kind: 'number', value: -3 } },
          { name: { text: '健全' }, value: { kind: 'bool', value: true } },
          { name: { text: '完成' }, value: { kind: 'bool', value: false } },
          { name: { text: '类型' }, value: { kind: 'name', value: '甲' } },
          { name: { text: '备注' }, value: { kind: 'string', value: '文字' } },
        ],
        expects: [],
      },
    ]);
  });

  it('parses every kind of expectation', () => {
    const ast = member(
      '  test "t" {',
      '    expect total == 82.9',
      '    expect grade == 中',
      '    expect 等级 == 中',
      '    expect 履职效能 == 15.4',
      '    expect 履职效能.工作目标 == 6.4',
      '    expect 履职效能。工作目标 == 6.4',
      '    expect 经济社会影响 == na',
      '    expect adjust == -10%',
      '    expect alert 红灯',
      '    expect alert 红灯 == false',
      '    expect error == "eval-division-by-zero"',
      '    expect error',
      '    期望 总分 == 60',
      '  }',
    );
    expect(shape(ast.tests[0]!.expects)).toEqual([
      { subject: { kind: 'total' }, value: { kind: 'number', value: 82.9 } },
      { subject: { kind: 'grade' }, value: { kind: 'name', value: '中' } },
      { subject: { kind: 'grade' }, value: { kind: 'name', value: '中' } },
      { subject: { kind: 'indicator', path: [{ text: '履职效能' }] }, value: { kind: 'number', value: 15.4 } },
      { subject: { kind: 'indicator', path: [{ text: '履职效能' }, { text: '工作目标' }] }, value: { kind: 'number', value: 6.4 } },
      { subject: { kind: 'indicator', path: [{ text: '履职效能' }, { text: '工作目标' }] }, value: { kind: 'number', value: 6.4 } },
      { subject: { kind: 'indicator', path: [{ text: '经济社会影响' }] }, value: { kind: 'na' } },
      { subject: { kind: 'adjust' }, value: { kind: 'percent', value: -0.1 } },
      { subject: { kind: 'alert', name: { text: '红灯' } }, value: { kind: 'bool', value: true } },
      { subject: { kind: 'alert', name: { text: '红灯' } }, value: { kind: 'bool', value: false } },
      { subject: { kind: 'error' }, value: { kind: 'string', value: 'eval-division-by-zero' } },
      { subject: { kind: 'error' }, value: { kind: 'bool', value: true } },
      { subject: { kind: 'total' }, value: { kind: 'number', value: 60 } },
    ]);
  });
});

describe('the design example', () => {
  const src = `// 曲沃经开区 部门整体支出绩效评价
ruleset 曲沃部门整体 {
  title "曲沃经济技术开发区部门整体支出绩效评价"
  district "曲沃"
  kind 部门整体
  total 40
  round 2

  input 年初预算: money(万元)
  input 实际支出: money(万元)
  input 满意度: percent
  input 问题数: count
  input 制度健全: bool
  input 专家评分: score

  let 预算执行率 = 实际支出 / 年初预算

  indicator 履职效能 weight 20 {
    indicator 工作目标 weight 8 {
      score bands 预算执行率 { >= 95%: full; >= 90%: 80%; >= 80%: 60%; else: 0 }
      note "执行率≥95%得满分，90%-95%得80%，80%-90%得60%，其余不得分"
    }
    indicator 核心业务 weight 6 { score manual 专家评分 }
    indicator 基础管理 weight 6 { score deduct 0.5 per 问题数 }
  }
  indicator 社会效应 weight 20 {
    indicator 社会满意 weight 10 { score ratio 满意度 target 90% }
    indicator 经济社会影响 weight 10 {
      score 制度健全 ? full : 0
      na when 年初预算 == 0
    }
  }

  grades { 优 >= 36; 良 >= 34; 中 >= 24; 差 otherwise }
  outcomes { 中: "扣减不高于10%的预算资金额度" adjust -10%; 差: "取消资金安排" adjust -100% }
  alert 红灯 "执行进度滞后" when 预算执行率 < 60%

  test "2021年度评价复现" {
    given { 年初预算: 875.35, 实际支出: 810, 满意度: 86%, 问题数: 3, 制度健全: true, 专家评分: 4.4 }
    expect 履职效能 == 14.9
    expect grade == 良
  }
}
`;

  it('parses without a diagnostic and keeps every part', () => {
    const ast = ok(src);
    expect(ast.name.text).toBe('曲沃部门整体');
    expect(ast.inputs.map((i) => i.name.text)).toEqual(['年初预算', '实际支出', '满意度', '问题数', '制度健全', '专家评分']);
    expect(ast.indicators.map((i) => [i.name.text, i.weight, i.children.map((c) => c.name.text)])).toEqual([
      ['履职效能', 20, ['工作目标', '核心业务', '基础管理']],
      ['社会效应', 20, ['社会满意', '经济社会影响']],
    ]);
    expect(ast.grades!.map((g) => g.name.text)).toEqual(['优', '良', '中', '差']);
    expect(ast.outcomes).toHaveLength(2);
    expect(ast.alerts).toHaveLength(1);
    expect(ast.tests[0]!.given).toHaveLength(6);
  });

  it('compiles cleanly', () => {
    expect(compile(src).diagnostics).toEqual([]);
  });

  it('never throws on a truncated file, and reports a truncated file as an error', () => {
    // cut at the end of every line and in the middle of every token-rich line
    const cuts = new Set<number>();
    for (let i = 0; i < src.length; i++) {
      if (src[i] === '\n') cuts.add(i);
      if (src[i] === ' ' && i % 7 === 0) cuts.add(i);
    }
    const lastBrace = src.lastIndexOf('}');
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      const text = src.slice(0, cut);
      const r = compile(text);
      if (cut <= lastBrace) {
        expect(r.ok, `cut at ${cut}: ${JSON.stringify(text.slice(-20))}`).toBe(false);
        expect(r.diagnostics.some((d) => d.code === 'syntax-unexpected-token')).toBe(true);
      }
      for (const d of r.diagnostics) {
        expect(d.span.line).toBeGreaterThanOrEqual(1);
        expect(d.span.col).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('places the end-of-file error just after the last token', () => {
    const r = parse('ruleset 示例 {\n  total 100\n');
    expect(r.diagnostics.map((d) => [d.code, d.span.line, d.span.col, d.message.en])).toEqual([
      ['syntax-unexpected-token', 2, 12, 'expected `}`, found end of file'],
    ]);
    expect(r.diagnostics[0]!.message.zh).toBe('此处应为 `}`，却是 文件结尾');
  });

  it('survives the empty text and garbage', () => {
    for (const text of ['', '   ', '}', 'ruleset', 'ruleset {', '{{{{', 'indicator a weight', '"unterminated', '％％％', '/* open comment']) {
      expect(() => compile(text), JSON.stringify(text)).not.toThrow();
      expect(compile(text).ok).toBe(false);
    }
  });
});

describe('error recovery', () => {
  const src = [
    'ruleset 示例 {', // 1
    '  input a percent', // 2: missing ':'
    '  input b: percent', // 3
    '  indicator i weight 50 { score bands a { >= 90% full; else: 0 } }', // 4: missing ':' after the bound
    '  indicator j weight 50 { score ratio b target 90% }', // 5
    '  grades { 优 >= 90; 差 otherwise }', // 6
    '  outcomes { 差 "取消" }', // 7: missing ':'
    '  alert 红灯 when b < 60%', // 8: missing message
    '}', // 9
  ].join('\n');

  it('reports every syntax error at its own line', () => {
    const errors = parse(src).diagnostics.filter((d) => d.code === 'syntax-unexpected-token');
    expect(errors.map((d) => [d.span.line, d.span.col])).toEqual([
      [2, 11],
      [4, 50],
      [7, 16],
      [8, 12],
    ]);
    expect(errors.map((d) => ({ line: d.span.line, col: d.span.col }))).toEqual([
      pos(src, 'percent'),
      pos(src, 'full;'),
      pos(src, '"取消"'),
      pos(src, 'when'),
    ]);
  });

  it('names what was expected and what was found, in Chinese and English', () => {
    const errors = parse(src).diagnostics.filter((d) => d.code === 'syntax-unexpected-token');
    expect(errors.map((d) => d.message)).toEqual([
      { zh: '此处应为 `:`，却是 “percent”', en: 'expected `:`, found `percent`' },
      { zh: '此处应为 `:`，却是 “full”', en: 'expected `:`, found `full`' },
      { zh: '此处应为 `:`，却是 “"取消"”', en: 'expected `:`, found `"取消"`' },
      { zh: '此处应为 字符串，却是 “when”', en: 'expected a string, found `when`' },
    ]);
  });

  it('keeps the members around the errors for the checker', () => {
    const ast = parse(src).ast!;
    expect(ast.inputs.map((i) => i.name.text)).toContain('b');
    expect(ast.indicators.map((i) => i.name.text)).toContain('j');
    expect(ast.grades!.map((g) => g.name.text)).toEqual(['优', '差']);
  });

  it('lists the alternatives when several tokens could come next', () => {
    const r = parse('ruleset 示例 {\n  grades { 优 90; 差 otherwise }\n}');
    const [d] = r.diagnostics;
    expect([d!.span.line, d!.span.col]).toEqual([2, 14]);
    expect(d!.message.zh).toContain('`otherwise`（其他）');
    expect(d!.message.zh).toContain('`>=`');
    expect(d!.message.zh).toContain('却是 “90”');
    expect(d!.message.en).toMatch(/^expected `otherwise`, `else`, `>=` or `>`.*, found `90`$/);
  });

  it('says where in words, never by a grammar rule name', () => {
    const r = parse(
      [
        'ruleset 示例 {',
        '  let x = a +', // an expression cut short
        '  grades { 优 90; 差 otherwise }', // a grade without its operator
        '  test "t" { given { a: } expect total == }', // a value and an expectation cut short
        '}',
      ].join('\n'),
    );
    const messages = r.diagnostics.map((d) => d.message);
    expect(messages.length).toBeGreaterThanOrEqual(4);
    for (const m of messages) {
      expect(m.en).not.toMatch(/\bin (unary|primary|gradeRule|literal|expectation|scoreRule|testBlock|typeRef|member)\b/);
      expect(m.zh).not.toMatch(/[a-z]+Rule|unary|literal/);
    }
    // `grades` opening a line starts a statement: it is not read as a name ending `a +`
    expect(messages[0]).toEqual({
      zh: '表达式中此处应为 数字、`true`（是）、`false`（否）、`full`（满分）、`(`、名称，却是 “grades”',
      en: 'expected a number, `true`, `false`, `full`, `(` or a name in an expression, found `grades`',
    });
    expect(messages[1]!.en).toMatch(/ in a grade, found `90`$/);
    expect(messages[2]!.en).toMatch(/ in a value, found `}`$/);
    expect(messages[3]!.en).toMatch(/ in an expectation, found `}`$/);
  });

  it('takes a keyword as the name it declares: an indicator 扣, an input 目标值', () => {
    const r = parse('ruleset 示例 {\n  input 目标值: number\n  indicator 扣 weight 100 { score 目标值 > 1 ? full : 0 }\n}');
    expect(r.diagnostics).toEqual([]);
    expect(r.ast!.indicators[0]!.name.text).toBe('扣');
    expect(r.ast!.inputs[0]!.name.text).toBe('目标值');
  });

  it('names a reserved keyword used as a name inside an expression', () => {
    const r = parse('ruleset 示例 {\n  let x = 扣 + 1\n}');
    const [d] = r.diagnostics;
    expect([d!.code, d!.span.line, d!.span.col]).toEqual(['syntax-unexpected-token', 2, 11]);
    expect(d!.message.en).toMatch(/found `扣`$/);
  });

  it('reports text after the closing brace', () => {
    const r = parse('ruleset 示例 { }\ntotal 100');
    expect(r.diagnostics.map((d) => [d.span.line, d.span.col, d.message.zh, d.message.en])).toEqual([
      [2, 1, '多余的内容 “total”', 'unexpected `total` after the end of the ruleset'],
    ]);
  });

  it('reports lexing and parsing errors together, in source order after compile', () => {
    const r = compile('ruleset 示例 {\n  total @ 100\n  round\n}');
    expect(r.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.code}`)).toEqual([
      '2:9 syntax-invalid-character',
      '4:1 syntax-unexpected-token',
    ]);
  });
});
