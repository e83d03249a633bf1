// The per-unit errors a program can raise (division by zero, a manual or tiered score out of
// range, no respondents, nothing applicable), worded as the evaluator words them: the
// interpreter raises them and the SQL target writes the same messages.
import type { IrProgram } from '../../ir/ir.js';
import { UnitError } from '../../runtime/helpers.js';

/** The per-unit errors a program can raise, worded as every target words them. */
export function unitErrorText(program: IrProgram) {
  return {
    divisionByZero(d: number): UnitError {
      const div = program.divisions[d];
      return new UnitError(
        'eval-division-by-zero',
        `除数为零：${div?.text}（${div?.divisor} = 0）`,
        `division by zero: ${div?.text} (${div?.divisor} = 0)`,
      );
    },
    manualRange(i: number, v: number): UnitError {
      const ind = program.indicators[i]!;
      return new UnitError(
        'eval-manual-out-of-range',
        `指标“${ind.path}”的人工评分 ${v} 超出分值范围 [0, ${ind.weight}]`,
        `the manual score ${v} of \`${ind.path}\` is outside [0, ${ind.weight}]`,
        ind.path,
      );
    },
    tierRange(i: number, k: number, v: number): UnitError {
      const ind = program.indicators[i]!;
      const s = ind.score;
      const t = s?.kind === 'tiers' ? s.tiers[k]! : undefined;
      const range = t ? `${t.loClosed ? '[' : '('}${t.lo}, ${t.hi}${t.hiClosed ? ']' : ')'}` : '';
      return new UnitError(
        'eval-tier-out-of-range',
        `${ind.path}：“${t?.name}”的实际得分区间为 ${range}，人工评分 ${v} 不在其中，请调整`,
        `${ind.path}: the score for "${t?.name}" must lie in ${range}, but it is ${v}`,
        ind.path,
      );
    },
    noRespondents(i: number): UnitError {
      const ind = program.indicators[i]!;
      return new UnitError('eval-division-by-zero', `除数为零：“${ind.path}”的满意度调查人数合计为 0`, `division by zero: no respondents for \`${ind.path}\``, ind.path);
    },
    noApplicable(): UnitError {
      return new UnitError('eval-no-applicable', '所有指标均不适用，无法计算总分', 'no indicator applies, so there is no total');
    },
  };
}
