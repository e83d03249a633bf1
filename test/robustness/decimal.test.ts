// Decimal correctness, table by table: money to the 分 across 元 and 万元, percents as written in
// data, and half-up rounding on the tie just below every grade threshold of every shipped ruleset,
// with totals made of fractional parts whose binary sum falls short of the tie.
import { describe, expect, it } from 'vitest';
import { coerceValue, compile, dataInputs, Evaluator, evaluateTable, readData } from '../../src/index.js';
import { corpus } from './corpus.js';
import * as Q from './rational.js';

describe('money to the 分', () => {
  const r = compile(`ruleset 金额 {
  input 甲: money(元)
  input 乙: money(万元)
  input 丙: money(元)
  let 合计 = 甲 + 丙
  indicator 指标 weight 100 { score full }
  alert 相等 "甲 + 丙 = 乙" when 合计 == 乙
  alert 大于 "甲 + 丙 > 乙" when 合计 > 乙
  alert 占比 "(甲 + 丙) / 乙 ≥ 32.62%" when 合计 / 乙 >= 32.62%
}`);
  const ev = new Evaluator(r.program!);
  const alerts = (甲: number, 乙: number, 丙: number): string[] => ev.evaluate({ 甲, 乙, 丙 }).alerts.map((a) => a.name);

  it.each([
    // 甲 元, 乙 万元, 丙 元, alerts that fire
    [0.1, 0.00003, 0.2, ['相等', '占比']],
    [8753500, 875.35, 0, ['相等', '占比']],
    [8753499.99, 875.35, 0, ['占比']],
    [8753500, 875.35, 0.01, ['大于', '占比']],
    [326200, 100, 0, ['占比']],
    [326199.99, 100, 0, []],
    [326199.99, 100, 0.01, ['占比']],
    [0.07, 0.000001, 0.03, ['大于', '占比']],
    [333333.33, 100, 666666.67, ['相等', '占比']],
  ] as const)('甲 %s元, 乙 %s万元, 丙 %s元', (甲, 乙, 丙, fired) => {
    expect(alerts(甲, 乙, 丙)).toEqual(fired);
  });

  it('reads money cells to the 分, with separators, full-width digits and the column\'s own unit', () => {
    const yuan = { kind: 'money', unit: '元' } as const;
    const wan = { kind: 'money', unit: '万元' } as const;
    const read = (raw: string, t: typeof yuan | typeof wan): unknown => {
      const c = coerceValue(raw, t);
      return c.ok ? c.value : c.code;
    };
    expect([
      read('3,852,135.04', yuan),
      read('３８５２１３５．０４元', yuan),
      read('0.01', yuan),
      read('875.35万', wan),
      read('875.350000', wan),
      read('8753500元', wan),
      read('12,56', yuan),
    ]).toEqual([3852135.04, 3852135.04, 0.01, 875.35, 875.35, 'data-bad-number', 'data-bad-number']);
  });
});

describe('percents', () => {
  it.each([
    ['85.5%', 0.855],
    ['85.5％', 0.855],
    ['0.855', 0.855],
    ['100%', 1],
    ['0%', 0],
    ['-3%', -0.03],
    ['32.62%', 0.3262],
    ['1e2%', 1],
    ['0.07%', 0.0007],
    ['１００％', 1],
  ])('%s is %s', (raw, want) => {
    expect(coerceValue(raw, { kind: 'percent' })).toEqual({ ok: true, value: want });
  });

  it('puts a percent read from data exactly on a band bound written in the ruleset', () => {
    const r = compile(`ruleset 百分比 {
  input 满意度: percent
  indicator 满意 weight 100 { score bands 满意度 { >= 85.5%: full; >= 60.1%: 60%; else: 0 } }
}`);
    const table = readData('满意度\n85.5%\n0.855\n85.4999%\n60.1%\n0.601\n60.09%\n', 'csv', dataInputs(r.program!));
    expect(evaluateTable(new Evaluator(r.program!), table).map((x) => x.result.total)).toEqual([100, 100, 60, 60, 60, 0]);
  });
});

/** Four manual scores making up the total, weighted 40/30/20/10 %. */
function gradeProbe(total: Q.Rat, round: number, grades: string): string {
  const w = [4n, 3n, 2n, 1n].map((k) => Q.mul(total, Q.rat(k, 10n)));
  return [
    `ruleset 四舍五入 {`,
    `  total ${Q.toDecimal(total)}`,
    `  round ${round}`,
    ...w.map((_, i) => `  input 评分${i}: score`),
    ...w.map((wi, i) => `  indicator 指标${i} weight ${Q.toDecimal(wi)} { score manual 评分${i} }`),
    `  grades { ${grades} }`,
    `}`,
  ].join('\n');
}

/** Scores with one decimal for the first three parts, the rest in the last: their sum is `target` exactly. */
function partsOf(total: Q.Rat, target: Q.Rat): Q.Rat[] {
  const shares = [4n, 3n, 2n].map((k) => {
    const exact = Q.mul(Q.mul(total, Q.rat(k, 10n)), Q.div(target, total));
    return Q.rat((exact.n * 10n) / exact.d, 10n);
  });
  return [...shares, Q.sub(target, shares.reduce(Q.add))];
}

describe('half-up rounding on every grade boundary of every shipped ruleset', () => {
  const cases = corpus().flatMap(({ file, text }) => {
    const p = compile(text).program;
    if (!p || p.grades.length === 0) return [];
    const grades = p.grades.map((g) => (g.op === null ? `${g.name} otherwise` : `${g.name} ${g.op} ${g.threshold}`)).join('; ');
    return p.grades.flatMap((g, k) => {
      if (g.op === null) return [];
      const t = Q.ofNumber(g.threshold!);
      const half = Q.rat(1n, 2n * 10n ** BigInt(p.round));
      const tie = Q.sub(t, half);
      const below = Q.sub(tie, Q.decimal('0.000001'));
      // the tie rounds up onto the threshold (a `>` grade still wants more); a hair below it rounds down
      const onTie = g.op === '>=' ? g.name : p.grades[k + 1]!.name;
      return [
        { file, grades, total: Q.ofNumber(p.total), round: p.round, target: tie, rounded: t, grade: onTie },
        { file, grades, total: Q.ofNumber(p.total), round: p.round, target: below, rounded: Q.sub(t, Q.rat(1n, 10n ** BigInt(p.round))), grade: p.grades[k + 1]!.name },
      ];
    });
  });

  it('has boundaries to test in the shipped rulesets', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases.map((c) => [c.file, Q.toDecimal(c.target), Q.toDecimal(c.rounded), c.grade, c] as const))(
    '%s: %s → %s, %s',
    (_file, _target, rounded, grade, c) => {
      const parts = partsOf(c.total, c.target);
      expect(parts.reduce(Q.add)).toEqual(c.target);
      const r = compile(gradeProbe(c.total, c.round, c.grades));
      expect(r.diagnostics).toEqual([]);
      const unit = Object.fromEntries(parts.map((v, i) => [`评分${i}`, Number(Q.toDecimal(v))]));
      const res = new Evaluator(r.program!).evaluate(unit);
      expect([res.error, res.total, res.grade]).toEqual([null, Number(rounded), grade]);
    },
  );

  it('includes totals whose binary sum falls below the tie, where a plain sum and round would miss the grade', () => {
    const fooled = cases.filter((c) => {
      if (Q.cmp(Q.roundHalfUp(c.target, c.round), c.rounded) !== 0) return false;
      const sum = partsOf(c.total, c.target).map((v) => Number(Q.toDecimal(v))).reduce((a, b) => a + b, 0);
      const f = 10 ** c.round;
      return Math.round(sum * f) / f < Number(Q.toDecimal(c.rounded));
    });
    expect(fooled.length).toBeGreaterThan(0);
  });

  it('rounds 35.9 + 26.9 + 17.9 + 9.295, which is 89.99499999999999 in binary, up to 90.00, 优', () => {
    expect(35.9 + 26.9 + 17.9 + 9.295).toBeLessThan(89.995);
    const r = compile(gradeProbe(Q.rat(100n), 2, '优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise'));
    const res = new Evaluator(r.program!).evaluate({ 评分0: 35.9, 评分1: 26.9, 评分2: 17.9, 评分3: 9.295 });
    expect([res.total, res.grade]).toEqual([90, '优']);
  });
});
