import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coerceValue, parseDecimal, toHalfWidth } from '../../src/data/coerce.js';
import type { CoerceResult, InputType } from '../../src/data/types.js';

const NUMBER: InputType = { kind: 'number' };
const SCORE: InputType = { kind: 'score' };
const PERCENT: InputType = { kind: 'percent' };
const COUNT: InputType = { kind: 'count' };
const BOOL: InputType = { kind: 'bool' };
const YUAN: InputType = { kind: 'money', unit: '元' };
const WAN: InputType = { kind: 'money', unit: '万元' };
const GRADE: InputType = { kind: 'enum', members: ['优', '良', '中', '差'] };

function ok(r: CoerceResult): number | boolean | string {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message.zh}`);
  return r.value;
}
function err(r: CoerceResult) {
  if (r.ok) throw new Error(`expected an error, got ${String(r.value)}`);
  return r;
}

describe('toHalfWidth', () => {
  it('maps full-width digits, ％, ，, ．, － and trims', () => {
    expect(toHalfWidth('　１２３，４５６．７８％　')).toBe('123,456.78%');
    expect(toHalfWidth('－５')).toBe('-5');
    expect(toHalfWidth('\u22125')).toBe('-5');
    expect(toHalfWidth('  项目 ')).toBe('项目');
  });
});

describe('number / score', () => {
  it.each([
    ['3852135.04', 3852135.04],
    ['3,852,135.04', 3852135.04],
    ['1,000', 1000],
    ['-12.5', -12.5],
    ['+7', 7],
    ['1e3', 1000],
    ['2.5E-3', 0.0025],
    ['.5', 0.5],
    ['5.', 5],
    ['  42  ', 42],
    ['\t42\n', 42],
    ['１２３．５', 123.5],
    ['３，８５２，１３５．０４', 3852135.04],
    ['0', 0],
  ])('%j → %d', (raw, want) => {
    expect(ok(coerceValue(raw, NUMBER))).toBe(want);
    expect(ok(coerceValue(raw, SCORE))).toBe(want);
  });

  it('accepts JS numbers as they are', () => {
    expect(ok(coerceValue(0.1 + 0.2, NUMBER))).toBe(0.1 + 0.2);
    expect(ok(coerceValue(-3, SCORE))).toBe(-3);
  });

  it('never returns -0', () => {
    expect(Object.is(ok(coerceValue('-0', NUMBER)), 0)).toBe(true);
    expect(Object.is(ok(coerceValue(-0, NUMBER)), 0)).toBe(true);
  });

  it.each(['abc', 'NaN', 'Infinity', '-Infinity', '0x10', '1e999', '12.5.3', '1 000', '-', '.', 'e5', '85%', '10元', '1,2', '3,5', '12,34.5', '1,0000'])(
    'rejects %j with data-bad-number',
    (raw) => {
      expect(err(coerceValue(raw, NUMBER)).code).toBe('data-bad-number');
    },
  );

  it.each([NaN, Infinity, -Infinity, true, false, {}, [], [1]])('rejects non-string, non-finite %j', (raw) => {
    expect(err(coerceValue(raw, NUMBER)).code).toBe('data-bad-number');
  });

  it('names the field and the value in both languages', () => {
    const e = err(coerceValue('abc', NUMBER, '资金到位率'));
    expect(e.message.zh).toBe('字段“资金到位率”的值“abc”不是数字');
    expect(e.message.en).toBe('field "资金到位率": "abc" is not a number');
    const bare = err(coerceValue('abc', NUMBER));
    expect(bare.message.zh).toBe('值“abc”不是数字');
    expect(bare.message.en).toBe('"abc" is not a number');
  });

  it('explains a misplaced thousands separator (e.g. a decimal comma)', () => {
    const e = err(coerceValue('3,5', NUMBER, 'x'));
    expect(e.message.zh).toContain('千位分隔符');
    expect(e.message.en).toContain('thousands separator');
  });

  it('truncates very long values in messages', () => {
    const e = err(coerceValue('x'.repeat(500), NUMBER, 'f'));
    expect(e.message.zh.length).toBeLessThan(120);
    expect(e.message.zh).toContain('…');
  });
});

describe('missing values', () => {
  it.each([undefined, null, '', '   ', '　'])('%j is data-missing-field for every type', (raw) => {
    for (const t of [NUMBER, SCORE, PERCENT, COUNT, BOOL, YUAN, WAN, GRADE]) {
      expect(err(coerceValue(raw, t, '满意度')).code).toBe('data-missing-field');
    }
  });
  it('says which field is missing', () => {
    expect(err(coerceValue('', NUMBER, '满意度')).message).toEqual({ zh: '字段“满意度”为空', en: 'field "满意度" is empty' });
    expect(err(coerceValue(undefined, NUMBER, '满意度')).message).toEqual({ zh: '缺少字段“满意度”', en: 'missing field "满意度"' });
    expect(err(coerceValue(null, NUMBER, '满意度')).message.zh).toContain('null');
  });
});

describe('money', () => {
  it('keeps the declared unit; no conversion', () => {
    expect(ok(coerceValue('810', WAN))).toBe(810);
    expect(ok(coerceValue(810, WAN))).toBe(810);
    expect(ok(coerceValue('1256730', YUAN))).toBe(1256730);
  });
  it('accepts a matching unit suffix', () => {
    expect(ok(coerceValue('810万元', WAN))).toBe(810);
    expect(ok(coerceValue('810 万元', WAN))).toBe(810);
    expect(ok(coerceValue('810万', WAN))).toBe(810);
    expect(ok(coerceValue('1,256,730.00元', YUAN))).toBe(1256730);
    expect(ok(coerceValue('１，２５６，７３０．００元', YUAN))).toBe(1256730);
    expect(ok(coerceValue('3.5万元', WAN))).toBe(3.5);
    // money is never negative: the checker's bounds rely on it
    expect(err(coerceValue('-3.5万元', WAN)).code).toBe('data-bad-number');
  });
  it('rejects a mismatching unit suffix and says so', () => {
    const e = err(coerceValue('810元', WAN, '预算金额'));
    expect(e.code).toBe('data-bad-number');
    expect(e.message.zh).toContain('“元”');
    expect(e.message.zh).toContain('“万元”');
    expect(e.message.zh).toContain('预算金额');
    expect(e.message.en).toBe('field "预算金额": "810元" is in 元, but the field is in 万元 (no conversion is done here)');
    expect(err(coerceValue('810万元', YUAN)).code).toBe('data-bad-number');
    expect(err(coerceValue('810万', YUAN)).code).toBe('data-bad-number');
    expect(err(coerceValue('5亿元', YUAN)).message.en).toContain('亿元');
    expect(err(coerceValue('5亿', WAN)).code).toBe('data-bad-number');
  });
  it('rejects a unit with no number, and units on plain numbers', () => {
    expect(err(coerceValue('万元', WAN)).code).toBe('data-bad-number');
    expect(err(coerceValue('元', YUAN)).code).toBe('data-bad-number');
    expect(err(coerceValue('810万元', NUMBER)).code).toBe('data-bad-number');
  });
});

describe('percent', () => {
  it.each([
    ['85.5%', 0.855],
    ['86%', 0.86],
    ['33.3%', 0.333],
    ['0.1%', 0.001],
    ['14.0%', 0.14],
    ['14%', 0.14],
    ['100%', 1],
    ['120%', 1.2],
    ['0%', 0],
    ['-5%', -0.05],
    ['85.5％', 0.855],
    ['８５．５％', 0.855],
    ['85.5 %', 0.855],
    [' 85.5% ', 0.855],
    ['1,200%', 12],
    ['0.855', 0.855],
    ['1', 1],
    ['0.333', 0.333],
  ])('%j → exactly %d', (raw, want) => {
    expect(ok(coerceValue(raw, PERCENT))).toBe(want);
  });

  it('is decimal-exact where naive division is not', () => {
    expect(33.3 / 100).not.toBe(0.333); // why the rule exists
    expect(ok(coerceValue('33.3%', PERCENT))).toBe(0.333);
    expect(ok(coerceValue('57.7%', PERCENT))).toBe(0.577);
    expect(ok(coerceValue('1.1%', PERCENT))).toBe(0.011);
  });

  it('a bare number is a fraction', () => {
    expect(ok(coerceValue(0.855, PERCENT))).toBe(0.855);
    expect(ok(coerceValue('0.855', PERCENT))).toBe(0.855);
    expect(ok(coerceValue(85.5, PERCENT))).toBe(85.5);
  });

  it('every d.d% equals the double nearest the shifted decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 999 }), fc.boolean(), (int, frac, neg) => {
        const fracStr = String(frac).padStart(3, '0');
        const raw = `${neg ? '-' : ''}${int}.${fracStr}%`;
        // independent shift: move the point two places left by string surgery
        const digits = String(int).padStart(3, '0');
        const shifted = `${neg ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}${fracStr}`;
        const want = Number(shifted);
        expect(ok(coerceValue(raw, PERCENT))).toBe(want === 0 ? 0 : want);
      }),
    );
  });

  it.each(['abc', '%', '85.5%%', '85.5%x', '5,5%', '八十%', 'Infinity%'])('rejects %j with data-bad-percent', (raw) => {
    expect(err(coerceValue(raw, PERCENT)).code).toBe('data-bad-percent');
  });

  it('rejects non-numbers', () => {
    expect(err(coerceValue(true, PERCENT)).code).toBe('data-bad-percent');
    expect(err(coerceValue(NaN, PERCENT)).code).toBe('data-bad-percent');
  });

  it('message matches the documented wording', () => {
    const e = err(coerceValue('abc', PERCENT, '满意度'));
    expect(e.message.zh).toBe('字段“满意度”的值“abc”不是百分数（应写作 85.5% 或 0.855）');
    expect(e.message.en).toBe('field "满意度": "abc" is not a percent (write 85.5% or 0.855)');
  });
});

describe('count', () => {
  it.each([
    ['3', 3],
    [3, 3],
    ['1,200', 1200],
    ['0', 0],
    [0, 0],
    ['3.0', 3],
    ['1e3', 1000],
    ['１２', 12],
    [' 7 ', 7],
  ])('%j → %d', (raw, want) => {
    expect(ok(coerceValue(raw, COUNT))).toBe(want);
  });
  it('-0 becomes 0', () => {
    expect(Object.is(ok(coerceValue('-0', COUNT)), 0)).toBe(true);
  });
  it.each([2.5, '2.5', -1, '-1', 'abc', '1e20', 1e20, NaN, true, '3个'])('rejects %j with data-bad-count', (raw) => {
    expect(err(coerceValue(raw, COUNT)).code).toBe('data-bad-count');
  });
  it('names field and value', () => {
    const e = err(coerceValue('2.5', COUNT, '受益人数'));
    expect(e.message.zh).toContain('字段“受益人数”的值“2.5”');
    expect(e.message.en).toContain('field "受益人数": "2.5"');
  });
});

describe('bool', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['false', false],
    ['FALSE', false],
    ['是', true],
    ['否', false],
    ['1', true],
    ['0', false],
    ['Y', true],
    ['y', true],
    ['N', false],
    ['n', false],
    ['yes', true],
    ['YES', true],
    ['no', false],
    ['No', false],
    [' 是 ', true],
    ['Ｙ', true],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
  ])('%j → %s', (raw, want) => {
    expect(ok(coerceValue(raw, BOOL))).toBe(want);
  });
  it.each(['maybe', '对', '错', '2', 2, '1.0', 't', 'yes!', {}])('rejects %j with data-bad-bool', (raw) => {
    const e = err(coerceValue(raw, BOOL, '是否完成'));
    expect(e.code).toBe('data-bad-bool');
    expect(e.message.zh).toContain('字段“是否完成”');
  });
});

describe('enum', () => {
  it('accepts a member after trimming', () => {
    expect(ok(coerceValue('良', GRADE))).toBe('良');
    expect(ok(coerceValue('  优 ', GRADE))).toBe('优');
  });
  it('rejects a non-member, listing the members', () => {
    const e = err(coerceValue('好', GRADE, '等级'));
    expect(e.code).toBe('data-bad-enum');
    expect(e.message.zh).toBe('字段“等级”的值“好”不是可选值之一（可选：优、良、中、差）');
    expect(e.message.en).toBe('field "等级": "好" is not one of: 优, 良, 中, 差');
  });
  it('compares JSON numbers by their text', () => {
    const levels: InputType = { kind: 'enum', members: ['1', '2', '3'] };
    expect(ok(coerceValue(2, levels))).toBe('2');
    expect(err(coerceValue(true, levels)).code).toBe('data-bad-enum');
  });
});

describe('parseDecimal', () => {
  it('shifts exactly', () => {
    expect(parseDecimal('85.5', 2)).toEqual({ ok: true, value: 0.855 });
    expect(parseDecimal('1e2', 2)).toEqual({ ok: true, value: 1 });
  });
  it('reports why it failed', () => {
    expect(parseDecimal('1,2')).toEqual({ ok: false, reason: 'grouping' });
    expect(parseDecimal('abc')).toEqual({ ok: false, reason: 'syntax' });
    expect(parseDecimal('1e400')).toEqual({ ok: false, reason: 'range' });
  });
  it('agrees with Number() on plain decimals', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        const r = parseDecimal(String(d));
        expect(r).toEqual({ ok: true, value: d === 0 ? 0 : d });
      }),
    );
  });
});
