import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { codesOf, ruleset, single, withCode } from '../helpers/jx.js';

describe('header fields', () => {
  it('defaults to total 100 and round 2', () => {
    const p = compile(ruleset('indicator a weight 100 { score full }')).program!;
    expect([p.total, p.round, p.title, p.district, p.kind]).toEqual([100, 2, null, null, null]);
  });

  it('carries title, district, kind, total and round into the program', () => {
    const p = compile(ruleset('title "评价"', 'district 曲沃', 'kind 部门整体', 'total 40', 'round 1', 'indicator a weight 40 { score full }')).program!;
    expect([p.title, p.district, p.kind, p.total, p.round]).toEqual(['评价', '曲沃', '部门整体', 40, 1]);
  });

  it('accepts round 0 through 6', () => {
    for (const r of [0, 6]) expect(codesOf(ruleset(`round ${r}`))).toEqual([]);
  });
});

describe('header-duplicate', () => {
  it('reports the second of a field given twice, and keeps the first', () => {
    const src = ruleset('total 40', 'round 2', 'total 50', 'indicator a weight 40 { score full }');
    const d = single(src, 'header-duplicate', { line: 4, col: 3 });
    expect(d.message.zh).toBe('规则集属性“total”重复');
    expect(d.message.en).toBe('`total` is given twice');
    expect(compile(src).program!.total).toBe(40);
  });

  it('treats the Chinese spelling as the same field', () => {
    single(ruleset('title "a"', '标题 "b"'), 'header-duplicate', { line: 3, col: 3 });
  });
});

describe('header-invalid', () => {
  it('reports total 0', () => {
    const d = single(ruleset('total 0'), 'header-invalid', { line: 2, col: 3 });
    expect(d.message.zh).toBe('总分必须大于 0');
  });

  it.each(['7', '1.5'])('reports round %s', (r) => {
    const d = single(ruleset(`round ${r}`), 'header-invalid', { line: 2, col: 3 });
    expect(d.message.en).toBe('round takes an integer from 0 to 6');
  });

  it('reports nothing else for an invalid field', () => {
    expect(withCode(ruleset('round 7'), 'header-invalid')).toHaveLength(1);
    expect(codesOf(ruleset('round 7'))).toEqual(['header-invalid']);
  });
});
