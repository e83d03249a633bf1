// The total: na rescaling, lazy lets, half-up rounding before grading, grades, outcomes, alerts.
import { describe, expect, it } from 'vitest';
import { bare, evaluatorOf, ruleset } from '../helpers/jx.js';

describe('na: an indicator that does not apply leaves the denominator', () => {
  const ev = evaluatorOf(
    ruleset(
      'input 评分: score',
      'input 免评: bool',
      'indicator 甲 weight 60 { score manual 评分 }',
      'indicator 乙 weight 40 { score full \n na when 免评 }',
      'grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }',
    ),
  );

  it('scores 45 of the 60 applicable points as 75.00', () => {
    const r = ev.evaluate({ 评分: 45, 免评: true });
    expect(r.total).toBe(75);
    expect(r.grade).toBe('中');
    expect(r.indicators['甲']).toMatchObject({ points: 45, weight: 60, applicable: true });
    expect(r.indicators['乙']).toMatchObject({ points: 0, weight: 40, applicable: false });
  });

  it('adds plainly when everything applies', () => {
    expect(ev.evaluate({ 评分: 45, 免评: false }).total).toBe(85);
  });

  it('rescales to the full total when the applicable leaves are full', () => {
    expect(ev.evaluate({ 评分: 60, 免评: true }).total).toBe(100);
  });

  it('takes a whole subtree out with its parent', () => {
    const tree = evaluatorOf(
      ruleset(
        'input q: bool',
        'indicator 产出 weight 50 { score full }',
        'indicator 效益 weight 50 {',
        '  na when q',
        '  indicator 经济 weight 30 { score full }',
        '  indicator 社会 weight 20 { score 0 }',
        '}',
      ),
    );
    const r = tree.evaluate({ q: true });
    expect(r.total).toBe(100);
    expect(Object.entries(r.indicators).map(([k, v]) => [k, v.applicable])).toEqual([
      ['产出', true],
      ['效益', false],
      ['效益/经济', false],
      ['效益/社会', false],
    ]);
    expect(tree.evaluate({ q: false }).total).toBe(80);
  });

  it('counts a parent applicable while one of its children is', () => {
    const tree = evaluatorOf(
      ruleset(
        'input q: bool',
        'indicator 效益 weight 100 {',
        '  indicator 经济 weight 60 { score 30 }',
        '  indicator 社会 weight 40 { score full \n na when q }',
        '}',
      ),
    );
    const r = tree.evaluate({ q: true });
    expect(r.indicators['效益']).toMatchObject({ points: 30, applicable: true });
    expect(r.total).toBe(50);
  });

  it('fails the unit with eval-no-applicable when nothing applies', () => {
    const none = evaluatorOf(ruleset('input q: bool', 'indicator a weight 100 { score full \n na when q }'));
    const r = none.evaluate({ q: true });
    expect(r.total).toBeNull();
    expect(r.error?.code).toBe('eval-no-applicable');
    expect(r.error?.message).toBe('所有指标均不适用，无法计算总分');
  });
});

describe('lets are computed only when an applicable indicator needs them', () => {
  const inputs = ['input 年初预算: money(万元)', 'input 实际支出: money(万元)'];
  const let_ = 'let 执行率 = 实际支出 / 年初预算';

  it('gives no error for a division by zero used only by an indicator that does not apply', () => {
    const ev = evaluatorOf(
      ruleset(
        ...inputs,
        let_,
        'indicator 执行 weight 40 { score bands 执行率 { >= 90%: full; else: 0 } \n na when 年初预算 == 0 }',
        'indicator 其它 weight 60 { score full }',
      ),
    );
    const r = ev.evaluate({ 年初预算: 0, 实际支出: 10 });
    expect(r.error).toBeNull();
    expect(r.total).toBe(100);
    expect(r.indicators['执行']!.applicable).toBe(false);
    expect(ev.evaluate({ 年初预算: 100, 实际支出: 50 }).total).toBe(60);
  });

  it('gives eval-division-by-zero naming the expression when an applicable indicator uses it', () => {
    const ev = evaluatorOf(ruleset(...inputs, let_, 'indicator 执行 weight 100 { score bands 执行率 { >= 90%: full; else: 0 } }'));
    const r = ev.evaluate({ 年初预算: 0, 实际支出: 10 });
    expect(r.total).toBeNull();
    expect(r.error).toEqual({
      code: 'eval-division-by-zero',
      message: '除数为零：实际支出 / 年初预算（年初预算 = 0）',
      en: 'division by zero: 实际支出 / 年初预算 (年初预算 = 0)',
    });
  });

  it('gives eval-division-by-zero for an alert that needs the let', () => {
    const ev = evaluatorOf(
      ruleset(
        ...inputs,
        let_,
        'indicator 执行 weight 100 { score full }',
        'alert 红灯 "执行进度滞后" when 执行率 < 60%',
      ),
    );
    expect(ev.evaluate({ 年初预算: 0, 实际支出: 10 }).error?.code).toBe('eval-division-by-zero');
  });

  it('computes a let used twice once, with the same value', () => {
    const ev = evaluatorOf(
      ruleset(
        ...inputs,
        let_,
        'indicator a weight 50 { score bands 执行率 { >= 90%: full; else: 0 } }',
        'indicator b weight 50 { score ratio 执行率 target 100% }',
      ),
    );
    const r = ev.evaluate({ 年初预算: 200, 实际支出: 185 });
    expect([r.indicators['a']!.points, r.indicators['b']!.points, r.total]).toEqual([50, 46.25, 96.25]);
  });

  it('names a division written in an indicator too', () => {
    const ev = evaluatorOf(ruleset('input a: number', 'input b: number', 'indicator x weight 100 { score min(a / b, full) }'));
    expect(ev.evaluate({ a: 1, b: 0 }).error?.message).toBe('除数为零：a / b（b = 0）');
  });
});

describe('the total is rounded half up in decimal, then graded', () => {
  const three = evaluatorOf(
    ruleset(
      'input x: score',
      'input y: score',
      'input z: score',
      'indicator a weight 40 { score manual x }',
      'indicator b weight 30 { score manual y }',
      'indicator c weight 30 { score manual z }',
      'grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }',
    ),
  );
  const at = (x: number, y: number, z: number) => {
    const r = three.evaluate({ x, y, z }, { explain: false });
    return [r.total, r.grade];
  };

  it.each([
    [39.995, 29.99, 20.01, 90, '优'],
    [39, 29.99, 21.005, 90, '优'],
    [30.005, 29.99, 30, 90, '优'],
    [39.995, 20, 20, 80, '良'],
    [0.005, 29.99, 30, 60, '中'],
    [19.995, 20, 20, 60, '中'],
    [39.994999, 29.99, 20.01, 89.99, '良'],
    [39.99, 20, 20, 79.99, '中'],
    [29.994, 20, 10, 59.99, '差'],
  ])('%d + %d + %d → %d %s', (x, y, z, total, grade) => {
    expect(at(x, y, z)).toEqual([total, grade]);
  });

  it('gets right what naive rounding of the binary sum gets wrong', () => {
    const sum = 39 + 29.99 + 21.005;
    expect(sum).toBe(89.99499999999999);
    expect(Math.round(sum * 100) / 100).toBe(89.99);
    expect(at(39, 29.99, 21.005)).toEqual([90, '优']);
  });

  it('rounds the rescaled total too: 53.997 of 60 applicable is 89.995 → 90.00', () => {
    const ev = evaluatorOf(
      ruleset(
        'input x: score',
        'input q: bool',
        'indicator a weight 60 { score manual x }',
        'indicator b weight 40 { score full \n na when q }',
        'grades { 优 >= 90; 差 otherwise }',
      ),
    );
    expect(ev.evaluate({ x: 53.997, q: true })).toMatchObject({ total: 90, grade: '优' });
    expect(ev.evaluate({ x: 53.9969, q: true })).toMatchObject({ total: 89.99, grade: '差' });
  });

  it('rounds to whole points with round 0', () => {
    const ev = evaluatorOf(ruleset('round 0', 'input x: score', 'indicator a weight 100 { score manual x }', 'grades { 优 >= 90; 中 >= 60; 差 otherwise }'));
    expect([89.5, 89.49, 59.5, 59.4999].map((x) => [ev.evaluate({ x }).total, ev.evaluate({ x }).grade])).toEqual([
      [90, '优'],
      [89, '中'],
      [60, '中'],
      [59, '差'],
    ]);
  });

  it('rounds to one decimal with round 1', () => {
    const ev = evaluatorOf(ruleset('round 1', 'input x: score', 'indicator a weight 100 { score manual x }', 'grades { 优 >= 90; 差 otherwise }'));
    expect([89.95, 89.94, 82.25, 82.249].map((x) => ev.evaluate({ x }).total)).toEqual([90, 89.9, 82.3, 82.2]);
    expect(ev.evaluate({ x: 89.95 }).grade).toBe('优');
  });

  it('rounds a total other than 100: total 40', () => {
    const ev = evaluatorOf(ruleset('total 40', 'input x: score', 'indicator a weight 40 { score manual x }', 'grades { 优 >= 36; 差 otherwise }'));
    expect(ev.evaluate({ x: 35.995 })).toMatchObject({ total: 36, grade: '优' });
  });
});

describe('grades', () => {
  it('with `>`, 90.00 is not 优 but 良', () => {
    const ev = evaluatorOf(ruleset('input x: score', 'indicator a weight 100 { score manual x }', 'grades { 优 > 90; 良 >= 80; 差 otherwise }'));
    expect([90, 90.01, 89.995, 80, 79.99].map((x) => ev.evaluate({ x }).grade)).toEqual(['良', '优', '良', '良', '差']);
  });

  it('gives no grade when the ruleset has none', () => {
    const ev = evaluatorOf(bare('indicator a weight 100 { score full }'));
    expect(ev.evaluate({})).toMatchObject({ total: 100, grade: null, outcome: null });
  });
});

describe('outcomes', () => {
  const ev = evaluatorOf(
    ruleset(
      'input x: score',
      'indicator a weight 100 { score manual x }',
      'grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }',
      'outcomes { 优: "保持"; 中: "扣减不高于10%的预算资金额度" adjust -10%; 差: "取消资金安排" adjust -100% }',
    ),
  );

  it('applies the outcome of the grade, with its adjustment', () => {
    expect(ev.evaluate({ x: 70 }).outcome).toEqual({ text: '扣减不高于10%的预算资金额度', adjust: -0.1 });
    expect(ev.evaluate({ x: 59.99 }).outcome).toEqual({ text: '取消资金安排', adjust: -1 });
    expect(ev.evaluate({ x: 95 }).outcome).toEqual({ text: '保持', adjust: null });
  });

  it('gives no outcome for a grade without one', () => {
    expect(ev.evaluate({ x: 85 }).outcome).toBeNull();
  });

  it('applies the outcome of the rounded total: 59.995 is 中', () => {
    expect(ev.evaluate({ x: 59.995 }).outcome?.adjust).toBe(-0.1);
  });
});

describe('alerts', () => {
  const ev = evaluatorOf(
    ruleset(
      'input 执行率: percent',
      'input 问题数: count',
      'indicator a weight 100 { score full }',
      'alert 红灯 "执行进度严重滞后" when 执行率 < 60%',
      'alert 黄灯 "执行进度滞后" when 执行率 >= 60% and 执行率 < 80%',
      'alert 问题 "问题较多" when 问题数 > 3',
    ),
  );

  it('lists the alerts that fire, in declaration order, with their messages', () => {
    expect(ev.evaluate({ 执行率: 0.5, 问题数: 4 }).alerts).toEqual([
      { name: '红灯', message: '执行进度严重滞后' },
      { name: '问题', message: '问题较多' },
    ]);
    expect(ev.evaluate({ 执行率: 0.6, 问题数: 3 }).alerts).toEqual([{ name: '黄灯', message: '执行进度滞后' }]);
    expect(ev.evaluate({ 执行率: 0.8, 问题数: 0 }).alerts).toEqual([]);
  });

  it('does not carry alerts from one unit to the next', () => {
    ev.evaluate({ 执行率: 0.1, 问题数: 9 });
    expect(ev.evaluate({ 执行率: 0.9, 问题数: 0 }).alerts).toEqual([]);
  });
});

describe('results', () => {
  const ev = evaluatorOf(
    ruleset(
      'input 率: percent',
      'indicator 履职 weight 60 { indicator 目标 weight 60 { score bands 率 { >= 90%: full; else: 50% } } }',
      'indicator 效益 weight 40 { score ratio 率 target 100% }',
    ),
  );

  it('keys indicators by path in tree order, with points, weight and applicability', () => {
    const r = ev.evaluate({ 率: 0.85 });
    expect(Object.keys(r.indicators)).toEqual(['履职', '履职/目标', '效益']);
    expect(r.indicators['履职']).toMatchObject({ points: 30, weight: 60, applicable: true });
    expect(r.indicators['效益']).toMatchObject({ points: 34, weight: 40, applicable: true });
    expect(r.total).toBe(64);
  });

  it('gives the same figures without explanations', () => {
    const fast = ev.evaluate({ 率: 0.85 }, { explain: false });
    const slow = ev.evaluate({ 率: 0.85 });
    expect(fast.total).toBe(slow.total);
    expect(fast.indicators['效益']!.explain).toBeUndefined();
    expect(slow.indicators['效益']!.explain).toBeDefined();
    expect(fast.indicators['效益']!.points).toBe(slow.indicators['效益']!.points);
  });

  it('does not carry figures from one unit into the next', () => {
    const a = ev.evaluate({ 率: 0.95 });
    const b = ev.evaluate({ 率: 0.5 });
    expect([a.total, b.total]).toEqual([98, 50]);
    expect([a.indicators['效益']!.points, b.indicators['效益']!.points]).toEqual([38, 20]);
  });
});
