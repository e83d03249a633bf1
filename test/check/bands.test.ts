import { describe, expect, it } from 'vitest';
import { codesOf, pos, ruleset, single, withCode } from '../helpers/jx.js';

/** A ruleset with one percent input `率`, a count `问题数`, money `支出` (万元) and one indicator scored by `bands`. */
function bands(body: string, subject = '率', weight = 10): string {
  return ruleset(
    'input 率: percent',
    'input 问题数: count',
    'input 支出: money(万元)',
    `indicator 分档项 weight ${weight} { score bands ${subject} { ${body} } }`,
    `indicator 其余项 weight ${100 - weight} { score full }`,
  );
}

describe('well-formed bands', () => {
  it.each([
    ['descending with else', '>= 95%: full; >= 90%: 80%; >= 80%: 60%; else: 0'],
    ['ascending with else', '< 60%: 0; < 80%: 60%; < 95%: 80%; else: full'],
    ['closed without else, >= then <', '>= 90%: full; < 90%: 0'],
    ['closed with a point', '> 80%: full; == 80%: 50%; < 80%: 0'],
    ['closed with <= then >', '<= 50%: 0; > 50%: full'],
    ['points awarded', '>= 90%: 10; >= 60%: 4.5; else: 0'],
  ])('accepts %s', (_, body) => {
    expect(codesOf(bands(body))).toEqual([]);
  });

  it('accepts == 0 then >= 1 over a count, which takes whole values only', () => {
    expect(codesOf(bands('== 0: full; >= 1: 50%', '问题数'))).toEqual([]);
    expect(codesOf(bands('== 0: full; == 1: 50%; >= 2: 0', '问题数'))).toEqual([]);
  });

  it('accepts money bounds in either unit', () => {
    expect(codesOf(bands('>= 5000000元: full; >= 300万元: 50%; else: 0', '支出'))).toEqual([]);
  });
});

describe('band-unreachable', () => {
  it('reports a band that the bands before it already cover (bands out of order)', () => {
    const src = bands('>= 80%: 60%; >= 90%: full; else: 0');
    const d = single(src, 'band-unreachable', '>= 90%');
    expect(d.severity).toBe('error');
    expect(d.message.zh).toBe('分档“>= 90%: full”永远不会命中：前面的分档已覆盖这些取值（分档须按顺序从高到低或从低到高书写）');
    expect(d.message.en).toBe('band `>= 90%: full` can never be reached: the bands before it already cover these values (write bands in order)');
  });

  it('reports a repeated band', () => {
    single(bands('>= 90%: full; >= 90%: 50%; else: 0'), 'band-unreachable', '>= 90%: 50%');
  });

  it('reports an else after bands that cover every value', () => {
    const src = bands('>= 90%: full; < 90%: 0; else: 5');
    const d = single(src, 'band-unreachable', 'else');
    expect(d.message.en).toBe('the bands before `else` already cover every value');
  });

  it('reports a band below the range of its subject: a count is never negative', () => {
    const src = ruleset('input n: count', 'indicator a weight 100 { score bands n { < 0: 0; >= 0: full } }');
    single(src, 'band-unreachable', '< 0');
  });

  it('lets a percent be negative: else after >= 0% is reachable (税收增长率 −3%)', () => {
    expect(codesOf(bands('>= 10%: full; >= 0%: 60%; else: 0'))).toEqual([]);
  });

  it('compares money bounds after converting units: 500万元 = 5000000元', () => {
    single(bands('>= 500万元: full; >= 5000000元: 50%; else: 0', '支出'), 'band-unreachable', '>= 5000000元');
  });
});

describe('band-gap', () => {
  it('reports bands without else that leave values uncovered, naming the interval', () => {
    const src = bands('>= 90%: full; >= 80%: 50%');
    const d = single(src, 'band-gap', { line: 5, col: 41 });
    expect(pos(src, '率 {')).toEqual({ line: 5, col: 41 });
    expect(d.message.zh).toBe('分档没有覆盖 x < 80%：请补上这些取值的分档，或加一档 else: 0');
    expect(d.message.en).toBe('the bands leave x < 80% uncovered: add bands for these values, or `else: 0`');
  });

  it('names a gap between two bands, with open and closed ends', () => {
    const d = single(bands('>= 90%: full; < 60%: 0'), 'band-gap', '率 {');
    expect(d.message.en).toBe('the bands leave 60% ≤ x < 90% uncovered: add bands for these values, or `else: 0`');
    const open = single(bands('> 90%: full; < 90%: 0'), 'band-gap', '率 {');
    expect(open.message.en).toContain('leave = 90% uncovered');
    const closed = single(bands('> 80%: full; <= 60%: 0'), 'band-gap', '率 {');
    expect(closed.message.en).toContain('leave 60% < x ≤ 80% uncovered');
  });

  it('names every gap, separated by ；', () => {
    const d = single(bands('>= 90%: full; == 50%: 1; < 10%: 0'), 'band-gap', '率 {');
    expect(d.message.zh).toContain('分档没有覆盖 10% ≤ x < 50%；50% < x < 90%');
  });

  it('names the gap above the last band', () => {
    const d = single(bands('< 60%: 0; < 90%: 50%'), 'band-gap', '率 {');
    expect(d.message.en).toContain('leave 90% ≤ x uncovered');
  });

  it('reports a count gap that holds whole values', () => {
    const d = single(bands('== 0: full; >= 2: 50%', '问题数'), 'band-gap', '问题数 {');
    expect(d.message.en).toContain('0 < x < 2');
  });
});

describe('band-else-not-last', () => {
  it('reports each band after else', () => {
    const src = bands('>= 90%: full; else: 0; >= 50%: 5; < 10%: 1');
    expect(withCode(src, 'band-else-not-last').map((d) => [d.span.line, d.span.col, d.message.zh])).toEqual([
      [pos(src, '>= 50%').line, pos(src, '>= 50%').col, '“其余”(else) 之后的分档永远不会命中'],
      [pos(src, '< 10%').line, pos(src, '< 10%').col, '“其余”(else) 之后的分档永远不会命中'],
    ]);
  });
});

describe('band-award-range', () => {
  it('reports an award above the weight, in points and as a share', () => {
    const src = bands('>= 90%: 12; >= 80%: 120%; else: 0');
    expect(withCode(src, 'band-award-range').map((d) => [d.span.line, d.span.col, d.message.zh])).toEqual([
      [pos(src, '12;').line, pos(src, '12;').col, '该档得 12 分，超出分值范围 [0, 10]'],
      [pos(src, '120%').line, pos(src, '120%').col, '该档得 12 分，超出分值范围 [0, 10]'],
    ]);
  });

  it('reports a negative award', () => {
    const d = single(bands('>= 90%: full; else: -1'), 'band-award-range', '-1');
    expect(d.message.en).toBe('this band awards -1 points, outside [0, 10]');
  });

  it('accepts awards of exactly 0 and exactly the weight', () => {
    expect(codesOf(bands('>= 90%: 10; >= 80%: 100%; else: 0%'))).toEqual([]);
  });
});
