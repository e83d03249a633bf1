// The standalone ES module: no imports, runs in plain Node, its .d.ts types a consumer, its
// `ruleset` describes the ruleset, and bad input gets an error result naming the field.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compile, emitEsm, Evaluator } from '../../src/index.js';
import { loadEsm } from './agree.js';
import { FIXTURE, jixiao } from './cli-run.js';

const program = compile(readFileSync(FIXTURE, 'utf8')).program!;
const good = { 预算: 100, 支出: 96, 满意度: 0.92, 问题数: 0, 专家评分: 18, 制度健全: true, 公开: '按时' };

describe('the standalone module', () => {
  const { js } = emitEsm(program);

  it('imports nothing and requires nothing', () => {
    expect(js).not.toMatch(/^\s*import\b|\bimport\s*\(|\brequire\s*\(/m);
    expect([...js.matchAll(/^export (?:const|function) (\w+)/gm)].map((m) => m[1])).toEqual(['ruleset', 'evaluate']);
  });

  it('scores a unit in plain Node, as the evaluator does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-node-'));
    writeFileSync(join(dir, 'm.mjs'), js);
    const script = `import { evaluate } from './m.mjs'; process.stdout.write(JSON.stringify(evaluate(${JSON.stringify(good)})));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(new Evaluator(program).evaluate(good))));
    expect(JSON.parse(out).total).toBe(98);
  });

  it('describes the ruleset, read-only', async () => {
    const m = await loadEsm(program);
    const r = m.ruleset as { name: string; total: number; indicators: { path: string; weight: number }[]; grades: { name: string }[] };
    expect(r.name).toBe('示例');
    expect(r.indicators.map((i) => `${i.path} ${i.weight}`)).toContain('过程/执行 20');
    expect(r.grades.map((g) => g.name)).toEqual(['优', '良', '中', '差']);
    expect(Object.isFrozen(r) && Object.isFrozen(r.indicators[0])).toBe(true);
  });

  it('answers bad input with an error naming the field', async () => {
    const m = await loadEsm(program);
    const { 问题数: _, ...missing } = good;
    expect(m.evaluate(missing as never).error).toMatchObject({ code: 'data-missing-field', field: '问题数' });
    expect(m.evaluate({ ...good, 满意度: '92%' } as never).error).toMatchObject({ code: 'data-bad-percent', field: '满意度' });
    expect(m.evaluate({ ...good, 问题数: 1.5 }).error).toMatchObject({ code: 'data-bad-count', field: '问题数' });
    expect(m.evaluate({ ...good, 公开: '很晚' }).error).toMatchObject({ code: 'data-bad-enum', message: '字段“公开”不是可选值之一（可选：按时、逾期、未公开）' });
    expect(m.evaluate(null as never).error).toMatchObject({ code: 'data-bad-row' });
    // an inherited property is not a value
    expect(m.evaluate(Object.create({ ...good })).error).toMatchObject({ code: 'data-missing-field', field: '预算' });
  });
});

describe('the .d.ts', () => {
  it('types a consumer: inputs, grades and paths, and catches a wrong input type', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-dts-'));
    const r = await jixiao('compile', FIXTURE, '--target', 'esm', '-o', join(dir, 'score.mjs'));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'score.d.mts'), 'utf8')).toContain('readonly "公开": "按时" | "逾期" | "未公开";');
    writeFileSync(
      join(dir, 'use.mts'),
      `import { evaluate, ruleset, type Unit, type Grade } from './score.mjs';
const unit: Unit = ${JSON.stringify(good)};
const r = evaluate(unit, { explain: false });
const total: number | null = r.total;
const grade: Grade | null = r.grade;
const points: number | undefined = r.indicators['过程/执行']?.points;
const weight: number = ruleset.indicators[0]!.weight;
// @ts-expect-error 公开 takes one of its members only
const wrong: Unit = { ...unit, 公开: '很晚' };
// @ts-expect-error no such indicator
void r.indicators['过程/不存在'];
void [total, grade, points, weight, wrong];
`,
    );
    const prog = ts.createProgram([join(dir, 'use.mts')], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noUncheckedIndexedAccess: true, lib: ['lib.es2022.d.ts'], skipDefaultLibCheck: true, types: [] });
    const problems = ts.getPreEmitDiagnostics(prog).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });
});
