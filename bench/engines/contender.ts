// What the harness times and checks: anything that scores the workload's units.
import type { Unit } from '../workload/units.js';

export interface Verdict {
  readonly total: number;
  /** Index into the spec's grades. */
  readonly grade: number;
}

export interface Contender {
  readonly name: string;
  /** How this contender scores, for the report. */
  readonly how: string;
  /** Scores units[0..n) in order and returns a checksum of totals and grades, so no work is dead. */
  run(units: readonly Unit[], n: number): number | Promise<number>;
  /** One unit's total and grade, for the check before timing. */
  verdict(u: Unit): Verdict | Promise<Verdict>;
}

/** Numbers as every engine's literal syntax accepts them: always with a decimal point. */
export function lit(x: number): string {
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}
