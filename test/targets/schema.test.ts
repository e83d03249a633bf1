// The input JSON Schema: what it says about each input, that it accepts exactly what the data
// reader accepts (bar values below zero where none can be), and `eval` applying it to JSON data
// with messages that name the row and the field.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coerceValue, compile, emitInputSchema, validateUnits, type IrProgram, type ValueType } from '../../src/index.js';
import { newAjv } from '../../src/targets/ir/read.js';
import { unitSchema } from '../../src/targets/schema/emit.js';
import { FIXTURE, jixiao } from './cli-run.js';

const program = compile(readFileSync(FIXTURE, 'utf8')).program!;

describe('the input schema of a ruleset', () => {
  const schema = emitInputSchema(program) as { $schema: string; type: string; $defs: { unit: { required: string[]; properties: Record<string, Record<string, unknown>> } } };
  const props = schema.$defs.unit.properties;

  it('is a draft 2020-12 schema of an array of units with every input required', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(newAjv().validateSchema(schema)).toBe(true);
    expect(schema.type).toBe('array');
    expect(schema.$defs.unit.required).toEqual(['预算', '支出', '满意度', '问题数', '专家评分', '制度健全', '公开']);
  });

  it('gives each input its type, unit and range', () => {
    expect(props['预算']!['x-unit']).toBe('万元');
    expect(props['预算']!['anyOf']).toContainEqual({ type: 'number', minimum: 0 });
    expect(props['问题数']!['anyOf']).toContainEqual({ type: 'integer', minimum: 0 });
    // the manual score of 评审 (weight 20) reads 专家评分
    expect(props['专家评分']!['anyOf']).toContainEqual({ type: 'number', minimum: 0, maximum: 20 });
    expect(props['制度健全']!['anyOf']).toContainEqual({ type: 'boolean' });
    expect(props['公开']!['anyOf']).toContainEqual({ enum: ['按时', '逾期', '未公开'] });
  });
});

describe('string values: the schema accepts what the data reader accepts', () => {
  const one = (type: ValueType): IrProgram => ({ ...program, inputs: [{ name: 'v', type }], indicators: [] });
  const TOKENS = ['0', '1', '5', '9', '.', ',', '-', '+', '%', ' ', 'e', '万元', '元', '万', '１', '．', '％', '，', '　', '−', '０', 'Ｅ'];
  const cases: [string, ValueType, boolean][] = [
    ['number', { kind: 'number' }, false],
    ['percent', { kind: 'percent' }, false],
    ['money in 万元', { kind: 'money', unit: '万元' }, true],
    ['money in 元', { kind: 'money', unit: '元' }, true],
    ['score', { kind: 'score' }, true],
  ];
  for (const [name, type, nonNegative] of cases) {
    it(name, () => {
      const validate = newAjv().compile(unitSchema(one(type)));
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 7 }), (parts) => {
          const s = parts.join('');
          const read = coerceValue(s, type);
          // a regular expression cannot see that 1e500 overflows a double: the reader says so
          fc.pre(read.ok || !/out of range/.test(read.message.en));
          const readerOk = read.ok && (!nonNegative || (read.value as number) >= 0);
          expect(validate({ v: s }), JSON.stringify(s)).toBe(readerOk);
        }),
        { seed: 7, numRuns: 3000 },
      );
    });
  }

  it('count (whole numbers, with thousands separators)', () => {
    const validate = newAjv().compile(unitSchema(one({ kind: 'count' })));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', '1', '7', '.', ',', '-', '+', ' ', '１', '．', '００'), { minLength: 1, maxLength: 7 }), (parts) => {
        const s = parts.join('');
        expect(validate({ v: s }), JSON.stringify(s)).toBe(coerceValue(s, { kind: 'count' }).ok);
      }),
      { seed: 7, numRuns: 3000 },
    );
  });

  it('bool and enum', () => {
    const bool = newAjv().compile(unitSchema(one({ kind: 'bool' })));
    for (const s of ['true', 'FALSE', ' Yes ', 'n', '是', '否', '1', '0', 'ｔｒｕｅ', 'ok', 'truth', '']) {
      expect(bool({ v: s }), JSON.stringify(s)).toBe(coerceValue(s, { kind: 'bool' }).ok);
    }
    const members = ['按时', 'a.b', '(x)'];
    const en = newAjv().compile(unitSchema(one({ kind: 'enum', members })));
    for (const s of ['按时', ' 按时 ', 'a.b', 'axb', '(x)', 'x', '按时按时']) {
      expect(en({ v: s }), JSON.stringify(s)).toBe(coerceValue(s, { kind: 'enum', members }).ok);
    }
  });
});

describe('validateUnits names the row and the field', () => {
  const good = { 预算: 100, 支出: 96, 满意度: 0.92, 问题数: 0, 专家评分: 18, 制度健全: true, 公开: '按时' };
  it('finds nothing wrong with good units, whatever their form', () => {
    expect(validateUnits(program, [good, { ...good, 预算: '1,200.5万元', 满意度: '92%', 问题数: '3', 制度健全: '是' }])).toEqual([]);
  });
  it('reports missing, negative, malformed and out-of-range values', () => {
    const { 支出: _, ...noSpend } = good;
    const found = validateUnits(program, [good, noSpend, { ...good, 预算: -5, 满意度: 'high' }, { ...good, 专家评分: 25, 公开: '晚了' }]);
    expect(found.map((f) => [f.row, f.field, f.code, f.message.zh])).toEqual([
      [2, '支出', 'data-missing-field', '缺少字段“支出”'],
      [3, '预算', 'data-bad-number', '字段“预算”的值“-5”不符合要求：应为不小于 0 的金额，单位万元'],
      [3, '满意度', 'data-bad-percent', '字段“满意度”的值“high”不符合要求：应为百分比（如 0.86 或 "86%"）'],
      [4, '专家评分', 'data-bad-number', '字段“专家评分”的值“25”不符合要求：应为0 到 20 之间的分数'],
      [4, '公开', 'data-bad-enum', '字段“公开”的值“晚了”不符合要求：应为可选值之一：按时、逾期、未公开'],
    ]);
  });
});

describe('jixiao eval applies the schema to JSON data', () => {
  it('scores the good rows and names the row and field of each bad one; rows out == rows in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-schema-'));
    const data = join(dir, 'units.json');
    const good = { id: 'A', 预算: 100, 支出: 96, 满意度: '92%', 问题数: 0, 专家评分: 18, 制度健全: true, 公开: '按时' };
    writeFileSync(data, JSON.stringify([good, { ...good, id: 'B', 支出: -3 }, { ...good, id: 'C', 问题数: 2.5 }, 'not a unit']));
    const r = await jixiao('eval', FIXTURE, data);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => [x.id, x.total, x.error?.code ?? null])).toEqual([
      ['A', 98, null],
      ['B', null, 'data-bad-number'],
      ['C', null, 'data-bad-count'],
      ['4', null, 'data-bad-row'],
    ]);
    expect(rows[1].error.message).toBe('第 2 行（文件第 2 行）：字段“支出”的值“-3”不符合要求：应为不小于 0 的金额，单位万元');
    expect(rows[1].error.field).toBe('支出');
    expect(rows[2].error.message).toContain('字段“问题数”的值“2.5”不符合要求：应为个数');
    expect(r.code).toBe(1);
  });
});
