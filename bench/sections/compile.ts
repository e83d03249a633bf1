// Section 2: compile time (parse + check + evaluator construction + the first call, where V8
// compiles the generated function) for generated rulesets and for every shipped ruleset; and
// `jixiao check` on the generated ones in a fresh process, as a user at a terminal meets it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, compile, Evaluator, parse, type IrProgram } from '../../src/index.js';
import { timeRuns } from '../lib/measure.js';
import { makeSpec } from '../workload/spec.js';
import { jixiaoSource } from '../workload/source.js';
import { makeUnits } from '../workload/units.js';

const BIN = fileURLToPath(new URL('../../bin/jixiao.js', import.meta.url));

export interface CompileTiming {
  readonly label: string;
  readonly indicators: number;
  readonly leaves: number;
  readonly bytes: number;
  readonly parseMs: number;
  readonly checkMs: number;
  /** `new Evaluator` and its first call, the first time in the process (V8 caches the compiled scorer after that). */
  readonly evaluatorMs: number;
  readonly firstCallMs: number;
  readonly totalMs: number;
  /** `jixiao check FILE` in a fresh process (node start-up and module loading included), median wall time. */
  readonly cliCheckMs: number;
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
    return { label, indicators: spec.nodes.length, leaves: spec.leaves.length, bytes: Buffer.byteLength(text), parseMs: p.medianMs, checkMs: NaN, evaluatorMs: NaN, firstCallMs: NaN, totalMs: NaN, cliCheckMs: NaN, refused };
  }
  const program = check(parsed.ast, text).program;
  if (!program) throw new Error(`${label}: does not check`);
  const unit = makeUnits(spec, 1)[0]!;
  // the evaluator once, first: V8 keeps a compiled `new Function` by its source, so a second
  // evaluator of the same program would be timed against that cache, not as a user meets it
  const t0 = performance.now();
  const evaluator = new Evaluator(program);
  const t1 = performance.now();
  evaluator.scoreFast(unit);
  const t2 = performance.now();
  const p = await timeRuns(`${label}: parse`, () => parse(text), runs, 1);
  const c = await timeRuns(`${label}: check`, () => check(parsed.ast!, text), runs, 1);
  const evaluatorMs = t1 - t0;
  const firstCallMs = t2 - t1;
  return {
    label,
    indicators: program.indicators.length,
    leaves: spec.leaves.length,
    bytes: Buffer.byteLength(text),
    parseMs: p.medianMs,
    checkMs: c.medianMs,
    evaluatorMs,
    firstCallMs,
    totalMs: p.medianMs + c.medianMs + evaluatorMs + firstCallMs,
    cliCheckMs: cliCheck(text, runs),
  };
}

/** `node bin/jixiao.js check FILE` on the source, each run a fresh process; the median wall time. */
function cliCheck(text: string, runs: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-compile-'));
  try {
    const file = join(dir, 'ruleset.jx');
    writeFileSync(file, text);
    const times: number[] = [];
    for (let k = 0; k < Math.min(runs, 3); k++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [BIN, 'check', file], { encoding: 'utf8' });
      times.push(performance.now() - t);
      if (r.status !== 0) throw new Error(`jixiao check failed:\n${r.stderr}`);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
