import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { locateJsonError, readJson } from '../../src/data/json.js';
import type { DataRow, InputDecl } from '../../src/data/types.js';

const INPUTS: InputDecl[] = [
  { name: '预算金额', type: { kind: 'money', unit: '元' } },
  { name: '满意度', type: { kind: 'percent' } },
  { name: '是否完成', type: { kind: 'bool' } },
  { name: '等级', type: { kind: 'enum', members: ['优', '良', '中', '差'] } },
];

const codes = (r: DataRow) => r.errors.map((e) => `${e.field}:${e.code}`);

describe('readJson', () => {
  it('reads numbers, strings and booleans into typed values', () => {
    const text = JSON.stringify([
      { id: 'P1', 项目名称: '绿化', 预算金额: 3852135.04, 满意度: 0.855, 是否完成: true, 等级: '优' },
      { id: 'P2', 预算金额: '3,852,135.04', 满意度: '85.5%', 是否完成: '否', 等级: ' 良 ' },
    ]);
    const t = readJson(text, INPUTS);
    expect(t.fileErrors).toEqual([]);
    expect(t.columns).toEqual(['id', '项目名称', '预算金额', '满意度', '是否完成', '等级']);
    expect(t.unknownColumns).toEqual(['项目名称']);
    expect(t.rows.map((r) => [r.row, r.line, r.id, r.errors.length])).toEqual([
      [1, 1, 'P1', 0],
      [2, 2, 'P2', 0],
    ]);
    expect({ ...t.rows[0]!.values }).toEqual({ 预算金额: 3852135.04, 满意度: 0.855, 是否完成: true, 等级: '优' });
    expect({ ...t.rows[1]!.values }).toEqual({ 预算金额: 3852135.04, 满意度: 0.855, 是否完成: false, 等级: '良' });
    expect(t.rows[0]!.extras['项目名称']).toBe('绿化');
    // the values are own properties in declared order, one shape for every complete row
    expect(Object.keys(t.rows[0]!.values)).toEqual(INPUTS.map((i) => i.name));
    expect(Object.keys(t.rows[1]!.values)).toEqual(INPUTS.map((i) => i.name));
    expect(Object.getPrototypeOf(t.rows[0]!.extras)).toBeNull();
  });

  it('absent keys and nulls are missing; all errors of a row are collected', () => {
    const t = readJson('[{"预算金额": null, "满意度": "abc", "等级": "好"}]', INPUTS);
    expect(codes(t.rows[0]!)).toEqual([
      '预算金额:data-missing-field',
      '满意度:data-bad-percent',
      '是否完成:data-missing-field',
      '等级:data-bad-enum',
    ]);
    expect(t.rows[0]!.errors[2]!.message).toEqual({ zh: '缺少字段“是否完成”', en: 'missing field "是否完成"' });
    expect(t.rows[0]!.errors[0]!.message.zh).toContain('null');
  });

  it('a non-object element is still a row, with data-bad-row', () => {
    const t = readJson('[{"预算金额": 1}, 5, null, [1], "x", {"预算金额": 2}]', [INPUTS[0]!]);
    expect(t.rows.map((r) => [r.row, r.line, r.id, codes(r)])).toEqual([
      [1, 1, '1', []],
      [2, 2, '2', [':data-bad-row']],
      [3, 3, '3', [':data-bad-row']],
      [4, 4, '4', [':data-bad-row']],
      [5, 5, '5', [':data-bad-row']],
      [6, 6, '6', []],
    ]);
    expect(t.rows[1]!.errors[0]!.message.zh).toBe('第 2 个元素应为对象，实际是数字：5');
    expect(t.rows[3]!.errors[0]!.message.en).toBe('element 4 must be an object, but it is an array: [1]');
  });

  it.each([
    ['id', 7, '7'],
    ['ID', 'A-1', 'A-1'],
    ['编号', ' B ', 'B'],
    ['序号', 3, '3'],
    ['id', '', '1'],
    ['id', null, '1'],
  ])('takes the id from %s = %j', (key, v, want) => {
    const t = readJson(JSON.stringify([{ [key]: v, 预算金额: 1 }]), [INPUTS[0]!]);
    expect(t.rows[0]!.id).toBe(want);
    expect(t.unknownColumns).toEqual([]);
  });

  it('stringifies extras', () => {
    const t = readJson('[{"备注": "a", "n": 1.5, "b": false, "o": {"x": [1, 2]}, "z": null}]', []);
    expect({ ...t.rows[0]!.extras }).toEqual({ 备注: 'a', n: '1.5', b: 'false', o: '{"x":[1,2]}', z: '' });
  });

  it('collects columns over all rows in first-seen order', () => {
    const t = readJson('[{"a": 1}, {"b": 2, "a": 3}, {"c": 4}]', []);
    expect(t.columns).toEqual(['a', 'b', 'c']);
    expect(t.unknownColumns).toEqual(['a', 'b', 'c']);
  });

  it('an empty array gives no rows and no errors', () => {
    expect(readJson(' [ ] ', INPUTS)).toEqual({ rows: [], columns: [], unknownColumns: [], fileErrors: [] });
  });

  it('accepts a BOM', () => {
    const t = readJson('\uFEFF[{"预算金额": "1,256,730.00元"}]', [INPUTS[0]!]);
    expect(t.fileErrors).toEqual([]);
    expect(t.rows[0]!.values['预算金额']).toBe(1256730);
  });

  it('handles __proto__ and constructor keys as data', () => {
    const inputs: InputDecl[] = [{ name: '__proto__', type: { kind: 'number' } }];
    const t = readJson('[{"__proto__": 5, "constructor": "c", "hasOwnProperty": 1}]', inputs);
    const r = t.rows[0]!;
    expect(r.errors).toEqual([]);
    expect(Object.keys(r.values)).toEqual(['__proto__']);
    expect(r.values['__proto__']).toBe(5);
    expect({ ...r.extras }).toEqual({ constructor: 'c', hasOwnProperty: '1' });
    expect(t.columns).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    // a missing "__proto__" key is missing, not Object.prototype
    const u = readJson('[{"constructor": 1}]', inputs);
    expect(codes(u.rows[0]!)).toEqual(['__proto__:data-missing-field']);
    const ctor: InputDecl[] = [{ name: 'constructor', type: { kind: 'number' } }];
    expect(codes(readJson('[{}]', ctor).rows[0]!)).toEqual(['constructor:data-missing-field']);
  });
});

describe('readJson: file errors', () => {
  it.each([
    ['{"a": 1}', '对象'],
    ['"x"', '字符串'],
    ['3', '数字'],
    ['null', 'null'],
    ['true', '布尔值'],
  ])('top level %s is not an array', (text, kind) => {
    const t = readJson(text, INPUTS);
    expect(t.rows).toEqual([]);
    expect(t.fileErrors).toHaveLength(1);
    expect(t.fileErrors[0]!.line).toBe(1);
    expect(t.fileErrors[0]!.message.zh).toContain('JSON 顶层应为对象数组');
    expect(t.fileErrors[0]!.message.zh).toContain(kind);
  });

  it('an empty file', () => {
    const t = readJson('  \n', INPUTS);
    expect(t.rows).toEqual([]);
    expect(t.fileErrors[0]!.message.zh).toBe('JSON 文件为空');
  });

  it('a syntax error names its line', () => {
    const t = readJson('[\n  {"预算金额": 1},\n  {"预算金额": }\n]', INPUTS);
    expect(t.rows).toEqual([]);
    expect(t.fileErrors).toHaveLength(1);
    expect(t.fileErrors[0]!.line).toBe(3);
    expect(t.fileErrors[0]!.message.zh).toBe('JSON 语法错误：第 3 行第 12 列处不应出现“}”');
    expect(t.fileErrors[0]!.message.en).toBe('JSON syntax error: unexpected "}" at line 3, column 12');
  });

  it('a truncated file names its last line', () => {
    const t = readJson('[\n  {"预算金额": 1},\n', INPUTS);
    expect(t.fileErrors[0]!.line).toBe(3);
    expect(t.fileErrors[0]!.message.en).toContain('unexpected end of input');
  });

  it('trailing commas and trailing text are errors', () => {
    expect(readJson('[{"a":1},]', []).fileErrors[0]!.message.en).toContain('unexpected "]"');
    expect(readJson('[]\nx', []).fileErrors[0]!.line).toBe(2);
  });
});

describe('locateJsonError', () => {
  it('is undefined exactly when JSON.parse succeeds', () => {
    const valid = (s: string) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', '}', ']', ',', '"', ':', ' ', '\\', '-', '0', 'e', '\n', '\u0001'), (json, at, junk) => {
        for (const s of [json, json.slice(0, at % (json.length + 1)) + junk + json.slice(at % (json.length + 1))]) {
          expect(locateJsonError(s) === undefined).toBe(valid(s));
        }
      }),
      { numRuns: 500 },
    );
  });
  it('reports line and column', () => {
    expect(locateJsonError('[1,\n 2,\n x]')).toMatchObject({ offset: 9, line: 3, column: 2 });
    expect(locateJsonError('')).toMatchObject({ line: 1, column: 1 });
  });
});
