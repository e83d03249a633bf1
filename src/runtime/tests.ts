// Runs the `test` blocks of a ruleset: each `given` is scored like a data row, each `expect`
// compared to the figure a user would check.
import type { IrExpect, IrProgram, IrTest } from '../ir/ir.js';
import { showNumber, showPercent } from '../ir/format.js';
import type { Evaluator, UnitResult } from './evaluator.js';
import { eq, roundHalfUp } from './helpers.js';

export interface ExpectOutcome {
  readonly text: string;
  readonly line: number;
  readonly col: number;
  readonly pass: boolean;
  /** What was found, in words, when the expectation failed. */
  readonly actual: string;
}

export interface TestOutcome {
  readonly name: string;
  readonly line: number;
  readonly pass: boolean;
  readonly expects: ExpectOutcome[];
  readonly result: UnitResult;
}

/** `==` allows only decimal noise; `≈` rounds the actual figure to the decimals written. */
function same(actual: number, e: IrExpect): boolean {
  return e.places === undefined ? eq(actual, e.value as number) : eq(roundHalfUp(actual, e.places), e.value as number);
}

function judge(e: IrExpect, r: UnitResult, p: IrProgram): { pass: boolean; actual: string } {
  const s = e.subject;
  if (r.error && s.kind !== 'error') return { pass: false, actual: `出错：${r.error.message}` };
  switch (s.kind) {
    case 'total':
      return { pass: r.total !== null && same(r.total, e), actual: `总分为 ${r.total === null ? '无' : showNumber(r.total)}` };
    case 'grade':
      return { pass: r.grade === e.value, actual: `等级为 ${r.grade ?? '无'}` };
    case 'adjust': {
      const adj = r.outcome?.adjust ?? 0;
      return { pass: same(adj, e), actual: `调整比例为 ${showPercent(adj)}` };
    }
    case 'light':
      return { pass: r.light?.color === e.value, actual: r.light ? `信号灯为 ${r.light.color}（${r.light.reason}）` : '没有信号灯' };
    case 'alert': {
      const fired = r.alerts.some((a) => a.name === s.name);
      return { pass: fired === e.value, actual: fired ? `预警“${s.name}”已触发` : `预警“${s.name}”未触发` };
    }
    case 'error': {
      if (typeof e.value === 'string') return { pass: r.error?.code === e.value, actual: r.error ? `错误 ${r.error.code}` : '没有错误' };
      return { pass: (r.error !== null) === e.value, actual: r.error ? `错误 ${r.error.code}：${r.error.message}` : '没有错误' };
    }
    case 'indicator': {
      const ind = p.indicators[s.index]!;
      const got = r.indicators[ind.path];
      if (!got) return { pass: false, actual: '无结果' };
      if (e.value === null) return { pass: !got.applicable, actual: got.applicable ? `适用，得 ${showNumber(got.points)} 分` : '不适用' };
      if (!got.applicable) return { pass: false, actual: '不适用' };
      return { pass: same(got.points, e), actual: `得 ${showNumber(got.points)} 分` };
    }
  }
}

export function runTest(t: IrTest, evaluator: Evaluator): TestOutcome {
  const result = evaluator.evaluate(t.given, { explain: true });
  const expects = t.expects.map((e) => ({ text: e.text, line: e.line, col: e.col, ...judge(e, result, evaluator.program) }));
  return { name: t.name, line: t.line, pass: expects.every((e) => e.pass), expects, result };
}

export function runTests(evaluator: Evaluator): TestOutcome[] {
  return evaluator.program.tests.map((t) => runTest(t, evaluator));
}
