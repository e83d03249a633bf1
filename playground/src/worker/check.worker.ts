// The check worker: runs the real compiler (src/index.ts) off the page's thread. For each request
// it compiles the text (only when it changed), runs the file's tests and scores the sample units;
// the declared names for the editor follow in a second message, after the results are on their
// way. While the text has errors, results come from the last version that compiled, marked stale.
import { compile, Evaluator, runTests, type CompileResult, type IrProgram } from '../../../src/index.js';
import { compileOutputs } from './outputs.js';
import { toProblems } from './problems.js';
import type { CheckRequest, CheckResponse, Sheet, SymbolInfo, SymbolsMessage, TestView } from './protocol.js';
import { collectSymbols, inputColumns } from './symbols.js';
import { scoresAlike } from './same.js';
import { scoreUnits } from './units.js';

interface Compiled {
  readonly source: string;
  readonly result: CompileResult;
  /** Scores with the IR's figures; its `program` may differ from `result.program` in the title only. */
  readonly evaluator: Evaluator | undefined;
  readonly tests: TestView[] | null;
  readonly base: Omit<CheckResponse, 'seq' | 'units' | 'selected' | 'stale' | 'outputs' | 'workMs' | 'tests' | 'crash' | 'symbols'>;
  /** Collected once per text, after its results were sent. */
  symbols?: SymbolInfo[];
}

let current: Compiled | undefined;
let lastGood: Compiled | undefined;

function testViews(evaluator: Evaluator): TestView[] {
  return runTests(evaluator).map((t) => ({
    name: t.name,
    line: t.line,
    pass: t.pass,
    expects: t.expects.map((e) => ({ text: e.text, line: e.line, col: e.col, pass: e.pass, actual: e.actual })),
  }));
}

/** An evaluator and its tests' outcomes, kept while the IR they were made from scores the same. */
let scoring: { readonly program: IrProgram; readonly evaluator: Evaluator; readonly tests: TestView[] } | undefined;

/**
 * Typing in the title, a comment or spaces within a line reuses the evaluator, its compiled
 * scorers already warm (and the sample's scores with it, see units.ts).
 */
function scoringFor(program: IrProgram): NonNullable<typeof scoring> {
  if (!scoring || !scoresAlike(scoring.program, program)) {
    const evaluator = new Evaluator(program);
    scoring = { program, evaluator, tests: testViews(evaluator) };
  }
  return scoring;
}

function compileSource(source: string): Compiled {
  const result = compile(source);
  const program = result.program;
  const scored = result.ok && program ? scoringFor(program) : undefined;
  const total = program?.total ?? 100;
  return {
    source,
    result,
    evaluator: scored?.evaluator,
    tests: scored?.tests ?? null,
    base: {
      ok: result.ok,
      problems: toProblems(result.diagnostics, result.ast, source, total),
      inputs: program ? inputColumns(program) : null,
      ruleset: program ? { name: program.name, title: program.title, total: program.total, grades: program.grades.map((g) => g.name) } : null,
    },
  };
}

/** The sheet of the latest request that sent one (requests send it only when it changed). */
let sheet: Sheet = { columns: [], rows: [] };

async function handle(req: CheckRequest): Promise<CheckResponse> {
  const t0 = performance.now();
  if (req.sheet) sheet = req.sheet;
  if (current?.source !== req.source) {
    current = compileSource(req.source);
    if (current.evaluator) lastGood = current;
  }
  const use = current.evaluator ? current : lastGood;
  const scored = use?.evaluator ? scoreUnits(use.evaluator, sheet, req.selected) : { units: [], selected: null };
  const program = use?.result.program;
  return {
    seq: req.seq,
    ...current.base,
    symbols: null,
    // The table keeps the columns of the last good version while the text is broken.
    inputs: current.base.inputs ?? use?.base.inputs ?? null,
    tests: current.tests,
    units: scored.units,
    selected: scored.selected,
    stale: use !== current,
    outputs: req.outputs && program ? await compileOutputs(program) : null,
    workMs: performance.now() - t0,
    crash: null,
  };
}

function crashResponse(req: CheckRequest, e: unknown): CheckResponse {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return {
    seq: req.seq,
    ok: false,
    problems: [],
    symbols: [],
    inputs: null,
    ruleset: null,
    tests: null,
    units: [],
    selected: null,
    stale: true,
    outputs: null,
    workMs: 0,
    crash: what,
  };
}

/** The declared names of the text just checked (hover, completion and go to definition read them). */
function symbolsOf(c: Compiled | undefined): SymbolInfo[] {
  if (!c) return [];
  c.symbols ??= c.result.ast ? collectSymbols(c.result.ast, c.result.program, c.source) : [];
  return c.symbols;
}

// The page sends one request at a time (checker.ts), so awaiting here keeps answers in order.
self.onmessage = async (ev: MessageEvent<CheckRequest>) => {
  const req = ev.data;
  let res: CheckResponse;
  try {
    res = await handle(req);
  } catch (e) {
    // A compiler bug must not take the page down: say so, keep the last results on screen.
    current = undefined;
    scoring = undefined;
    res = crashResponse(req, e);
  }
  self.postMessage(res);
  if (res.symbols !== null) return;
  let symbols: SymbolInfo[] = [];
  try {
    symbols = symbolsOf(current);
  } catch {
    // The results are already shown; without names the editor only offers keywords.
  }
  self.postMessage({ kind: 'symbols', seq: req.seq, symbols } satisfies SymbolsMessage);
};
