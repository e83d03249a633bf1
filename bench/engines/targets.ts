// Jixiao's other targets, found through the public API when they are there: the IR
// interpreter (interpret) and the standalone ES module (emitEsm). Each returns a result object
// per unit, so it is set beside Evaluator.evaluate({ explain: false }).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as api from '../../src/index.js';
import type { IrProgram, UnitResult, UnitValues } from '../../src/index.js';
import type { Contender } from './contender.js';

type Scorer = (u: UnitValues) => UnitResult;

function resultContender(name: string, how: string, program: IrProgram, score: Scorer): Contender {
  const gradeOf = (g: string | null): number => (g === null ? -1 : program.grades.findIndex((x) => x.name === g));
  return {
    name,
    how,
    run(units, n) {
      let s = 0;
      for (let k = 0; k < n; k++) {
        const r = score(units[k]!);
        s += r.total! + gradeOf(r.grade);
      }
      return s;
    },
    verdict(u) {
      const r = score(u);
      return { total: r.total!, grade: gradeOf(r.grade) };
    },
  };
}

export async function otherTargets(program: IrProgram): Promise<{ contenders: Contender[]; notes: string[] }> {
  const exported = api as unknown as Record<string, unknown>;
  const contenders: Contender[] = [];
  const notes: string[] = [];
  const interpret = exported['interpret'] as ((p: IrProgram, u: UnitValues, o: { explain: boolean }) => UnitResult) | undefined;
  if (typeof interpret === 'function') {
    contenders.push(resultContender('Jixiao IR interpreter (interpret, explain: false)', 'walks the IR per unit; result object per unit', program, (u) => interpret(program, u, { explain: false })));
  } else notes.push('IR interpreter: not exported by src/index.ts at this run, so not measured.');
  const emitEsm = exported['emitEsm'] as ((p: IrProgram) => { js: string }) | undefined;
  if (typeof emitEsm === 'function') {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
    const file = join(dir, 'ruleset.mjs');
    writeFileSync(file, emitEsm(program).js);
    let mod: { evaluate: (u: UnitValues, o: { explain: boolean }) => UnitResult };
    try {
      mod = (await import(pathToFileURL(file).href)) as typeof mod;
    } finally {
      rmSync(dir, { recursive: true, force: true }); // once imported, the module lives in memory
    }
    contenders.push(resultContender('Jixiao ES module (evaluate, explain: false)', 'the standalone module from emitEsm, imported; result object per unit', program, (u) => mod.evaluate(u, { explain: false })));
  } else notes.push('ES module target: emitEsm not exported by src/index.ts at this run, so not measured.');
  return { contenders, notes };
}
