// Section 2: compile time (parse + check + evaluator construction + the first call, where V8
// compiles the generated function) for generated rulesets and for every shipped ruleset.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, compile, Evaluator, parse, type IrProgram } from '../../src/index.js';
import { timeRuns } from '../lib/measure.js';
import { makeSpec } from '../workload/spec.js';
import { jixiaoSource } from '../workload/source.js';
import { makeUnits } from '../workload/units.js';

export interface CompileTiming {
  readonly label: string;
  readonly indicators: number;
  readonly leaves: number;
  readonly bytes: number;
  readonly parseMs: number;
  readonly checkMs: number;
  readonly evaluatorMs: number;
  readonly firstCallMs: number;
  readonly totalMs: number;
  /** Set when the parser refuses the ruleset outright (a limit): the diagnostic, and nothing timed. */
  readonly refused?: string;
}

export interface ShippedTiming {
  readonly file: string;
  readonly indicators: number;
  readonly ok: boolean;
  readonly totalMs: number;
}

function firstUnit(program: IrProgram): Record<string, number | boolean | string> {
  // any in-range value of each input type will do: the first call is about V8 compiling the scorer
  const u: Record<string, number | boolean | string> = {};
  for (const i of program.inputs) u[i.name] = i.type.kind === 'bool' ? true : i.type.kind === 'enum' ? i.type.members[0]! : 0.5;
  return u;
}

/** Parse, check, evaluator and first call of a generated ruleset, each timed on its own. */
export async function compileGenerated(shape: readonly [number, number, number], runs: number): Promise<CompileTiming> {
  const spec = makeSpec(...shape);
  const text = jixiaoSource(spec);
  const label = `generated ${spec.leaves.length} leaves`;
  const parsed = parse(text);
  if (!parsed.ast) {
    const d = parsed.diagnostics[0];
    const refused = d ? `${d.code}: ${d.message.en}` : 'does not parse';
    const p = await timeRuns(`${label}: parse (refused)`, () => parse(text), runs, 1);
    return { label, indicators: spec.nodes.length, leaves: spec.leaves.length, bytes: Buffer.byteLength(text), parseMs: p.medianMs, checkMs: NaN, evaluatorMs: NaN, firstCallMs: NaN, totalMs: NaN, refused };
  }
  const program = check(parsed.ast, text).program;
  if (!program) throw new Error(`${label}: does not check`);
  const unit = makeUnits(spec, 1)[0]!;
  const p = await timeRuns(`${label}: parse`, () => parse(text), runs, 1);
  const c = await timeRuns(`${label}: check`, () => check(parsed.ast!, text), runs, 1);
  const e = await timeRuns(`${label}: evaluator`, () => new Evaluator(program), runs, 1);
  // a fresh evaluator per run, so each first call compiles the function anew
  const f = await timeRuns(`${label}: evaluator + first call`, () => new Evaluator(program).scoreFast(unit), runs, 1);
  const firstCallMs = Math.max(0, f.medianMs - e.medianMs);
  return {
    label,
    indicators: program.indicators.length,
    leaves: spec.leaves.length,
    bytes: Buffer.byteLength(text),
    parseMs: p.medianMs,
    checkMs: c.medianMs,
    evaluatorMs: e.medianMs,
    firstCallMs,
    totalMs: p.medianMs + c.medianMs + e.medianMs + firstCallMs,
  };
}

export function shippedRulesets(root: string): string[] {
  try {
    return (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.jx'))
      .sort()
      .map((f) => join(root, f));
  } catch {
    return [];
  }
}

/** compile() + new Evaluator + first call of one shipped ruleset, as a user's edit-and-check sees it. */
export async function compileShipped(file: string, runs: number): Promise<ShippedTiming> {
  const text = readFileSync(file, 'utf8');
  const r = compile(text);
  if (!r.ok || !r.program) return { file, indicators: r.program?.indicators.length ?? 0, ok: false, totalMs: NaN };
  const unit = firstUnit(r.program);
  const t = await timeRuns(file, () => {
    const c = compile(text);
    try {
      new Evaluator(c.program!).scoreFast(unit);
    } catch {
      // a per-unit error (a manual score out of range) is still a compiled, called scorer
    }
  }, runs, 1);
  return { file, indicators: r.program.indicators.length, ok: true, totalMs: t.medianMs };
}
