// The IR target: the checked ruleset as JSON that validates against the published schema, read
// back with every cross-reference checked, scored by the interpreter, and accepted by `eval`.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, emitEsm, emitIr, emitSql, interpret, IR_SCHEMA, IR_SCHEMA_ID, readIr, UnsupportedIrError, type IrProgram } from '../../src/index.js';
import { newAjv } from '../../src/targets/ir/read.js';
import { FIXTURE, FIXTURE_CSV, jixiao } from './cli-run.js';

const program = compile(readFileSync(FIXTURE, 'utf8')).program!;
const doc = (): Record<string, unknown> & { indicators: Record<string, unknown>[]; lets: Record<string, unknown>[] } => JSON.parse(emitIr(program));

describe('the IR JSON Schema', () => {
  it('is draft 2020-12, versioned, with an $id, and compiles in strict mode', () => {
    expect(IR_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(IR_SCHEMA_ID).toMatch(/v1$/);
    expect(JSON.parse(readFileSync('schema/ir-v1.schema.json', 'utf8')).$id).toBe(IR_SCHEMA_ID);
    const ajv = newAjv();
    expect(ajv.validateSchema(IR_SCHEMA)).toBe(true);
    expect(() => ajv.compile(IR_SCHEMA)).not.toThrow();
  });

  it('accepts the emitted IR of the fixture', () => {
    expect(readIr(doc()).problems).toEqual([]);
  });
});

describe('readIr refuses broken documents, saying where', () => {
  const problemsOf = (mutate: (d: ReturnType<typeof doc>) => void): string[] => {
    const d = doc();
    mutate(d);
    const r = readIr(d);
    expect(r.program).toBeUndefined();
    return r.problems.map((p) => p.en);
  };

  it('a newer version', () => {
    expect(problemsOf((d) => (d['version'] = 2))).toEqual(['/version: unsupported IR version 2 (this reads version 1)']);
  });
  it('a weight that is not a number', () => {
    expect(problemsOf((d) => (d.indicators[1]!['weight'] = '10'))).toContain('/indicators/1/weight: does not match the IR schema (must be number)');
  });
  it('a field the schema does not know', () => {
    expect(problemsOf((d) => (d.indicators[0]!['colour'] = 'red'))).toContain('/indicators/0: does not match the IR schema (must NOT have additional properties (colour))');
  });
  it('a missing field', () => {
    expect(problemsOf((d) => delete d['grades'])).toContain("/: does not match the IR schema (must have required property 'grades')");
  });
  it('an input index out of range', () => {
    expect(problemsOf((d) => (d.lets[0]!['expr'] = { k: 'input', i: 99 }))).toEqual(['/lets/0/expr: input index 99 is out of range']);
  });
  it('a let that reads itself', () => {
    expect(problemsOf((d) => (d.lets[0]!['expr'] = { k: 'arith', op: '+', a: { k: 'let', i: 0 }, b: { k: 'num', v: 1 } }))).toEqual(['/lets/0: let `执行率` depends on itself']);
  });
  it('a child that does not point back at its parent', () => {
    expect(problemsOf((d) => (d.indicators[0]!['children'] = [1, 4]))).toContain('/indicators/0/children/1: child index 4 is not a child of this indicator');
  });
  it('a leaf without a score', () => {
    expect(problemsOf((d) => (d.indicators[1]!['score'] = null))).toEqual(['/indicators/1/score: a leaf indicator needs a score']);
  });
  it('a division by zero the IR does not register', () => {
    const divs = problemsOf((d) => (d.lets[0]!['expr'] = { k: 'div', a: { k: 'num', v: 1 }, b: { k: 'input', i: 0 }, d: -1 }));
    expect(divs).toEqual(['/lets/0/expr: a division without an entry in `divisions` must divide by a non-zero constant']);
  });
});

describe('the IR interpreter', () => {
  const ir: IrProgram = readIr(doc()).program!;
  const base = { 预算: 100, 支出: 96, 满意度: 0.92, 问题数: 0, 专家评分: 18, 制度健全: true, 公开: '按时' };

  it('scores a unit: every indicator, the total, the grade', () => {
    const r = interpret(ir, { ...base, 支出: 50, 满意度: 0.81, 问题数: 2, 专家评分: 15, 公开: '逾期' });
    // 10 + 15 | 0 + (10 − 2×2) + 50%×10 | 81%/90% × 30
    expect(r.indicators['决策']!.points).toBe(25);
    expect(r.indicators['过程/合规']!.points).toBe(6);
    expect(r.indicators['过程/公开']!.points).toBe(5);
    expect(r.indicators['效果/满意']!.points).toBe(27);
    expect(r.total).toBe(63);
    expect(r.grade).toBe('中');
    expect(r.outcome).toEqual({ text: '扣减 10% 预算', adjust: -0.1 });
    expect(r.alerts).toEqual([{ name: '红灯', message: '执行进度滞后' }]);
    expect(r.indicators['过程/执行']!.explain).toBe('执行率 50% 不满足以上分档，得 0.00 分');
  });

  it('takes a na indicator out of the denominator: 78 of 80 applicable points is 97.5', () => {
    const r = interpret(ir, { ...base, 预算: 0 });
    expect(r.indicators['过程/执行']).toMatchObject({ applicable: false, points: 0 });
    expect(r.total).toBe(97.5);
  });

  it('reports a manual score above its weight as the unit error', () => {
    expect(interpret(ir, { ...base, 专家评分: 25 }).error).toMatchObject({ code: 'eval-manual-out-of-range', indicator: '决策/评审' });
  });
});

describe('a program beyond IR v1 (a field no target knows)', () => {
  it('is refused by the interpreter, the module and SQL, naming the place and the field', () => {
    const newer = { ...program, indicators: program.indicators.map((ind, i) => (i === 2 ? { ...ind, weighting: 'geometric' } : ind)) } as IrProgram;
    const unit = { 预算: 100, 支出: 96, 满意度: 0.92, 问题数: 0, 专家评分: 18, 制度健全: true, 公开: '按时' };
    for (const run of [() => interpret(newer, unit), () => emitEsm(newer), () => emitSql(newer, { dialect: 'postgres' })]) {
      expect(run).toThrow(UnsupportedIrError);
      expect(run).toThrow('/indicators/2 has `weighting`');
    }
  });
});

describe('the IR of the rule kinds of real 评分标准', () => {
  const extended = compile(readFileSync('test/targets/fixtures/扩展.jx', 'utf8')).program!;
  const edoc = (): Record<string, unknown> & { indicators: Record<string, unknown>[] } => JSON.parse(emitIr(extended));
  const unit = { 预算: 100, 支出: 75, 调整率: 0.05, 类别: '部分达成', 专家分: 14, 人员控制率: 1.02, 有制度: true, 有台账: false, 非常满意: 6, 满意: 3, 不满意: 1, 有生态: false, 违规: true, 月份: 4 };

  it('validates against the schema and reads back as it was written', () => {
    const r = readIr(edoc());
    expect(r.problems).toEqual([]);
    expect(r.program).toEqual(JSON.parse(JSON.stringify(extended)));
  });

  it('is scored by the interpreter: relative level, pool, moved weight, penalty, light', () => {
    const r = interpret(readIr(edoc()).program!, unit);
    // 决策 (40 + 30) × 20/100; 效益 14 / 20 × 30 with 生态 not applicable; 待定 leaves the denominator
    expect([r.indicators['决策']!.points, r.indicators['效益']!.points, r.indicators['待定']!.applicable]).toEqual([14, 21, false]);
    // 77.72 as in the fixture's test, less the penalty of 5
    expect(r.total).toBe(72.72);
    expect(r.adjustments).toEqual([{ kind: 'penalty', rule: 'penalty 5 when 违规' }]);
    // 75% by April (4/12): 225% of the time elapsed, before the first floor month
    expect(r.light).toEqual({ color: '绿', reason: '执行率 / (月份 / 12) 225% 不满足以上各档' });
  });

  it('moves 满意度 to 过程 when nobody answered: 过程 × (1 + 15/30)', () => {
    const r = interpret(extended, { ...unit, 非常满意: 0, 满意: 0, 不满意: 0 });
    expect(r.indicators['过程']!.points).toBe(36.75);
    expect(r.indicators['满意度']!.explain).toBe('不适用（非常满意 + 满意 + 不满意 == 0），分值 15 转入 “过程”');
  });

  const problemsOf = (mutate: (d: ReturnType<typeof edoc>) => void): string[] => {
    const d = edoc();
    mutate(d);
    const r = readIr(d);
    expect(r.program).toBeUndefined();
    return r.problems.map((p) => p.en);
  };
  const at = (name: string): number => extended.indicators.findIndex((i) => i.name === name);

  it('refuses tiers whose category is not an enum input', () => {
    expect(problemsOf((d) => ((d.indicators[at('定性')]!['score'] as { category: number }).category = 0))).toEqual([`/indicators/${at('定性')}/score/category: the category of tiers must be an enum input`]);
  });
  it('refuses weight moved to an indicator that does not exist', () => {
    expect(problemsOf((d) => (d.indicators[at('满意度')]!['naTargets'] = [99]))).toEqual([`/indicators/${at('满意度')}/naTargets/0: target index 99 is not another indicator`]);
  });
  it('refuses a band that is both an interval and a comparison', () => {
    const i = at('调整');
    const problems = problemsOf((d) => {
      const bands = (d.indicators[i]!['score'] as { bands: Record<string, unknown>[] }).bands;
      bands[1]!['op'] = '>=';
      bands[1]!['bound'] = 0;
    });
    expect(problems).toEqual([`/indicators/${i}/score/bands/1: a band is an operator with a bound or a bound expression, an interval, or \`else\` (both null)`]);
  });
  it('accepts a placeholder with no indicators and no rule, but not another leaf without one', () => {
    expect(problemsOf((d) => (d.indicators[at('执行')]!['score'] = null))).toEqual([`/indicators/${at('执行')}/score: a leaf indicator needs a score`]);
  });
});

describe('jixiao eval accepts an IR file as the ruleset', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-ir-'));
  const data = join(dir, 'units.csv');
  writeFileSync(data, FIXTURE_CSV);

  it('and scores exactly as from the source', async () => {
    const irFile = join(dir, '示例.json');
    const compiled = await jixiao('compile', FIXTURE, '--target', 'ir', '-o', irFile);
    expect(compiled.code).toBe(0);
    const fromSource = await jixiao('eval', FIXTURE, data);
    const fromIr = await jixiao('eval', irFile, data);
    expect(fromIr.out).toBe(fromSource.out);
    expect(fromIr.out.split('\n').filter(Boolean).map((l) => JSON.parse(l).total)).toEqual([98, 97.5, 63, null]);
  });

  it('and says where a broken IR file is wrong', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...doc(), round: 'two' }));
    const r = await jixiao('eval', bad, data, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}: error ir-invalid /round: does not match the IR schema (must be integer)`);
  });

  it('and refuses JSON that is not IR', async () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, '[1, 2]');
    const r = await jixiao('eval', other, data, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('the top level of the JSON needs "version" and "indicators"');
  });
});
