// What "every target gives the same numbers" means, as assertions: the in-process evaluator is
// compared with the IR interpreter (over the IR read back from JSON), the standalone module, and
// the SQL of each engine.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { emitEsm, emitIr, Evaluator, interpret, readIr, type IrProgram, type UnitResult, type UnitValues } from '../../src/index.js';
import type { SqlRow, Unit } from './engines.js';

type EsmEvaluate = (unit: UnitValues, options?: { explain?: boolean }) => UnitResult;

const dir = mkdtempSync(join(tmpdir(), 'jixiao-esm-'));
let modules = 0;

/** Writes the module to a file and imports it, as a consumer of the target would. */
export async function loadEsm(p: IrProgram): Promise<{ evaluate: EsmEvaluate; ruleset: unknown }> {
  const file = join(dir, `m${modules++}.mjs`);
  writeFileSync(file, emitEsm(p).js);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { evaluate: EsmEvaluate; ruleset: unknown };
}

/** The IR as another system gets it: JSON text, validated by the schema and read back. */
export function viaIrJson(p: IrProgram): IrProgram {
  const { program, problems } = readIr(JSON.parse(emitIr(p)));
  expect(problems).toEqual([]);
  return program!;
}

/** Evaluator, interpreter and module agree on every unit, explanations included; returns the evaluator's results. */
export async function expectJsTargetsAgree(p: IrProgram, units: readonly Unit[]): Promise<Map<string, UnitResult>> {
  const evaluator = new Evaluator(p);
  const ir = viaIrJson(p);
  const esm = await loadEsm(p);
  const out = new Map<string, UnitResult>();
  for (const u of units) {
    const want = evaluator.evaluate(u.values);
    out.set(u.id, want);
    expect(interpret(ir, u.values), `interpreter, unit ${u.id}`).toEqual(want);
    expect(esm.evaluate({ ...u.values }), `esm, unit ${u.id}`).toEqual(want);
    expect(esm.evaluate({ ...u.values }, { explain: false }), `esm without explanations, unit ${u.id}`).toEqual(evaluator.evaluate(u.values, { explain: false }));
  }
  return out;
}

/** A SQL row agrees with the evaluator: totals to the bit, grades, applicability, points, outcome, alerts, errors. */
export function expectSqlAgrees(p: IrProgram, want: ReadonlyMap<string, UnitResult>, got: ReadonlyMap<string, SqlRow>, engine: string): void {
  expect(got.size, `${engine}: rows out == rows in`).toBe(want.size);
  for (const [id, r] of want) {
    const s = got.get(id)!;
    const at = `${engine}, unit ${id}`;
    expect(s.errorCode, at).toBe(r.error?.code ?? null);
    if (r.error) {
      expect(s.total, at).toBeNull();
      if (r.error.code === 'eval-division-by-zero' || r.error.code === 'eval-no-applicable') expect(s.error, at).toBe(r.error.message);
      continue;
    }
    expect(s.total, at).toBe(r.total);
    expect(s.grade, at).toBe(r.grade);
    expect(s.outcome, at).toBe(r.outcome?.text ?? null);
    expect(s.adjust, at).toBe(r.outcome?.adjust ?? null);
    p.indicators.forEach((ind, i) => {
      const e = r.indicators[ind.path]!;
      expect(s.applicable[i], `${at}, ${ind.path}`).toBe(e.applicable);
      expect(Math.abs(s.points[i]! - e.points), `${at}, ${ind.path}: ${s.points[i]} vs ${e.points}`).toBeLessThan(1e-6);
    });
    const fired = new Set(r.alerts.map((a) => a.name));
    expect(s.alertFired, at).toEqual(p.alerts.map((a) => fired.has(a.name)));
    expect(s.alerts, at).toBe(p.alerts.filter((a) => fired.has(a.name)).map((a) => a.name).join('；'));
    expect(s.adjustments, at).toBe(r.adjustments.map((a) => a.rule).join('；'));
    expect([s.light, s.lightReason], at).toEqual([r.light?.color ?? null, r.light?.reason ?? null]);
  }
}
