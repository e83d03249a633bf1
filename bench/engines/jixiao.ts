// Jixiao's own scorers, through the public API only: the compiled evaluator's bulk path
// (scoreFast), and evaluate() with and without explanations, whose costs are reported apart.
import { compile, Evaluator } from '../../src/index.js';
import type { Spec } from '../workload/spec.js';
import { jixiaoSource } from '../workload/source.js';
import type { Contender } from './contender.js';

export function jixiaoEvaluator(spec: Spec): Evaluator {
  const r = compile(jixiaoSource(spec));
  if (!r.ok || !r.program) throw new Error(`the generated ruleset does not compile:\n${r.diagnostics.map((d) => JSON.stringify(d)).join('\n')}`);
  return new Evaluator(r.program);
}

function gradeOf(ev: Evaluator, name: string | null): number {
  return name === null ? -1 : ev.program.grades.findIndex((g) => g.name === name);
}

/** scoreFast: total, grade index and every indicator's points into the evaluator's buffers. */
export function compiledContender(ev: Evaluator): Contender {
  return {
    name: 'Jixiao compiled evaluator (scoreFast)',
    how: 'Evaluator.scoreFast: straight-line JS from the IR; points, applicability, total, grade into reused buffers',
    run(units, n) {
      let s = 0;
      for (let k = 0; k < n; k++) s += ev.scoreFast(units[k]!) + ev.lastGradeIndex();
      return s;
    },
    verdict(u) {
      const total = ev.scoreFast(u);
      return { total, grade: ev.lastGradeIndex() };
    },
  };
}

/** evaluate(): the same scoring plus a result object per unit, explanation text when asked. */
export function evaluateContender(ev: Evaluator, explain: boolean): Contender {
  return {
    name: `Jixiao Evaluator.evaluate({ explain: ${explain} })`,
    how: explain ? 'result object per unit with every indicator’s explanation text' : 'result object per unit (indicators record, outcome, alerts), no explanation text',
    run(units, n) {
      let s = 0;
      for (let k = 0; k < n; k++) {
        const r = ev.evaluate(units[k]!, { explain });
        s += r.total! + gradeOf(ev, r.grade);
      }
      return s;
    },
    verdict(u) {
      const r = ev.evaluate(u, { explain });
      return { total: r.total!, grade: gradeOf(ev, r.grade) };
    },
  };
}
