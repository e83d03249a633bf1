// The Markdown report of one run: every figure beside its baseline from the same run, and
// each goal of the benchmark shown as met or missed (never asserted).
import type { Machine } from './lib/machine.js';
import { ms, ratio, si, table } from './lib/format.js';
import type { BatchTiming } from './sections/batch.js';
import type { CompileTiming, ShippedTiming } from './sections/compile.js';
import type { PlaygroundResult } from './playground-latency.js';
import type { SqlTiming } from './sections/sql.js';
import type { ThroughputResult, Timed } from './sections/throughput.js';

export interface RunData {
  readonly quick: boolean;
  readonly command: string;
  readonly machine: Machine;
  readonly load: readonly [number[], number[]];
  readonly seconds: number;
  readonly throughput: ThroughputResult | undefined;
  readonly compiled: CompileTiming[] | undefined;
  readonly shipped: ShippedTiming[] | undefined;
  readonly batch: BatchTiming[] | undefined;
  /** undefined: not run; null: no SQL target in the public API. */
  readonly sql: SqlTiming[] | null | undefined;
  readonly sqlTarget: boolean;
  readonly playground: PlaygroundResult | undefined;
}

const goal = (met: boolean): string => (met ? '**met**' : '**missed**');
const nsPerUnit = (t: Timed): number => (t.medianMs * 1e6) / t.units;
const bestNsPerUnit = (t: Timed): number => (t.minMs * 1e6) / t.units;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function throughputSection(tp: ThroughputResult): string[] {
  const byGroup = (g: Timed['group']): Timed[] => tp.rows.filter((r) => r.group === g);
  const compiled = tp.rows.find((r) => r.name.includes('scoreFast'))!;
  const hand = tp.rows.find((r) => r.name.includes('straight-line'))!;
  const evalPlain = tp.rows.find((r) => r.name.includes('explain: false') && r.group === 'explain')!;
  const rows = tp.rows.map((r) => [
    r.name,
    r.units.toLocaleString('en'),
    ms(r.medianMs),
    String(r.runs),
    si(r.unitsPerSec),
    `${nsPerUnit(r).toFixed(0)} ns`,
    ratio(nsPerUnit(r) / nsPerUnit(hand)),
    ratio(nsPerUnit(r) / nsPerUnit(compiled)),
    `${bestNsPerUnit(r).toFixed(0)} ns`,
  ]);
  const engines = byGroup('engine');
  const fastest = engines.reduce((a, b) => (a.unitsPerSec > b.unitsPerSec ? a : b));
  const vsHand = nsPerUnit(compiled) / nsPerUnit(hand);
  const vsEngine = compiled.unitsPerSec / fastest.unitsPerSec;
  const explainOn = tp.rows.find((r) => r.name.includes('explain: true'))!;
  const out = [
    '## 1. Evaluation throughput (100-leaf ruleset)',
    '',
    `Units: ${tp.totalUnits.toLocaleString('en')} generated (fixed seed); grades ${Object.entries(tp.grades).map(([g, n]) => `${g} ${n}`).join(', ')}. ` +
      'Every contender gave the same total and grade as Jixiao on every unit it was timed on (checked before timing). ' +
      'Single thread; median run time after warm-up runs. Slow contenders are timed on a prefix of the units sized for about one to two seconds a run.',
    '',
    table(['scorer', 'units per run', 'median run', 'runs', 'units/s', 'time/unit', '× hand-written', '× compiled evaluator', 'best run, time/unit'], rows),
    '',
    'How each scores:',
    '',
    ...tp.rows.map((r) => `- ${r.name}: ${r.how}.`),
    '',
    `- Goal: compiled evaluator ≤ 1.3× the hand-written straight-line time per unit — measured ${ratio(tp.vsHand.median)}, the median of ${tp.vsHand.perPair.length} ratios of single runs timed in adjacent pairs on the same units, the order alternating (quartiles ${quartiles(tp.vsHand.perPair)}; the table's ratio of medians ${ratio(vsHand)}${tp.vsHand.roundsMedian === undefined ? '' : `; median of the tinybench rounds' ratios ${ratio(tp.vsHand.roundsMedian)}`}): ${goal(tp.vsHand.median <= 1.3)}.`,
    `- Goal: ≥ 50× faster than the fastest other engine (${tp.vsFastestEngine.engine}) — measured ${ratio(tp.vsFastestEngine.median)}, the median of ${tp.vsFastestEngine.perPair.length} paired ratios on the engine's units (quartiles ${quartiles(tp.vsFastestEngine.perPair)}; the table's ratio of medians ${ratio(vsEngine)}): ${goal(tp.vsFastestEngine.median >= 50)}.`,
    `- Explanations: evaluate() without explanation costs ${ratio(nsPerUnit(evalPlain) / nsPerUnit(compiled))} scoreFast per unit (the result object); ` +
      `with explanation text ${ratio(nsPerUnit(explainOn) / nsPerUnit(compiled))} (${(nsPerUnit(explainOn) - nsPerUnit(evalPlain)).toFixed(0)} ns a unit for the text of ${tp.indicators} indicators).`,
  ];
  for (const o of byGroup('jixiao').filter((r) => r !== compiled)) {
    out.push(`- ${o.name}: ${ratio(nsPerUnit(o) / nsPerUnit(evalPlain))} Evaluator.evaluate({ explain: false }) per unit (both build a result object).`);
  }
  const read = byGroup('readData');
  const readJx = read.find((r) => r.name.includes('scoreFast'));
  const readHand = read.find((r) => r.name.includes('straight-line'));
  if (readJx && readHand) {
    out.push(
      `- Units as readData returns them from CSV text: the compiled evaluator takes ${ratio(nsPerUnit(readJx) / nsPerUnit(compiled))} ` +
        `its time on plain objects, the hand-written code ${ratio(nsPerUnit(readHand) / nsPerUnit(hand))}; on those units the evaluator is ${ratio(nsPerUnit(readJx) / nsPerUnit(readHand))} the hand-written time.`,
    );
  }
  for (const n of tp.notes) out.push(`- ${n}`);
  return out;
}

function compileSection(compiled: CompileTiming[], shipped: ShippedTiming[], quick: boolean): string[] {
  const out = [
    '## 2. Compile time',
    '',
    'In process: parse and check, each the median of its runs after a warm-up; evaluator construction (IR → JS text → `new Function`) and the first call (where V8 compiles the generated function), once each, the first time in the process (V8 caches a compiled function by its source, so later ones cost less). ' +
      'Total = the four. Beside it, `jixiao check FILE` run as a fresh process (node start-up, module loading and a cold parser included; no evaluator), median wall time.',
    '',
    table(
      ['ruleset', 'indicators', 'source', 'parse', 'check', 'evaluator', 'first call', 'total', '`jixiao check`, fresh process'],
      compiled.map((c) =>
        c.refused
          ? [c.label, String(c.indicators), `${(c.bytes / 1024).toFixed(0)} KB`, `refused in ${ms(c.parseMs)}: ${c.refused}`, '—', '—', '—', '—', '—']
          : [c.label, String(c.indicators), `${(c.bytes / 1024).toFixed(0)} KB`, ms(c.parseMs), ms(c.checkMs), ms(c.evaluatorMs), ms(c.firstCallMs), ms(c.totalMs), ms(c.cliCheckMs)],
      ),
    ),
    '',
  ];
  const big = compiled.find((c) => c.leaves === 10_000);
  if (big?.refused) out.push(`- Goal: 10,000-indicator ruleset in < 1 s — **not measurable**: the parser refuses the ${(big.bytes / 1024).toFixed(0)} KB source (${big.refused}).`);
  else if (big) out.push(`- Goal: 10,000-indicator ruleset in < 1 s — measured ${ms(big.totalMs)} in process: ${goal(big.totalMs < 1000)}; a fresh \`jixiao check\` of it takes ${ms(big.cliCheckMs)} end to end.`);
  else if (quick) out.push('- The 10,000-indicator ruleset is compiled only in the full run.');
  if (shipped.length === 0) out.push('- Shipped rulesets: none under rulesets/ at this run.');
  else {
    out.push('', table(['shipped ruleset', 'indicators', 'compile + first call'], shipped.map((s) => [s.file.replace(/^.*?rulesets\//, 'rulesets/'), String(s.indicators), s.ok ? ms(s.totalMs) : 'does not compile'])), '');
    const worst = Math.max(...shipped.filter((s) => s.ok).map((s) => s.totalMs));
    out.push(`- Goal: each shipped ruleset in < 50 ms — slowest ${ms(worst)}: ${goal(worst < 50 && shipped.every((s) => s.ok))}.`);
  }
  return out;
}

function playgroundSection(p: PlaygroundResult | undefined): string[] {
  if (!p) return ['- Not run (see --only).'];
  if ('skipped' in p) return [`- Skipped: ${p.skipped}.`];
  const editor = p.cases.filter((c) => c.edit === 'editor');
  const seeds = editor.filter((c) => c.indicators < 200);
  const big = editor.filter((c) => c.indicators >= 1000);
  const worst = (cs: readonly { medianMs: number }[]): number => Math.max(...cs.map((c) => c.medianMs));
  return [
    `The built playground (\`npm run build:playground\`) in Debian's Chromium ${p.browser} through playwright-core: ${p.keysPerCase} keys per case, each timed from the key's keydown to the updated results in the page; ` +
      'editor = a keystroke in the ruleset text (the title line), rule = inside a scoring rule (the program changes), cell = a keystroke in a data cell. Load average at the end ' +
      `${p.loadAverage.map((x) => x.toFixed(1)).join(' ')}.`,
    '',
    table(
      ['ruleset', 'indicators', 'edit', 'median', 'p95', 'max', 'change → shown', 'of which the check worker'],
      p.cases.map((c) => [c.ruleset, String(c.indicators), c.edit, ms(c.medianMs), ms(c.p95Ms), ms(c.maxMs), ms(c.changeMedianMs), ms(c.workerMedianMs)]),
    ),
    '',
    `- First load: results shown after ${ms(p.load.resultsMs ?? NaN)}, the editor ready after ${ms(p.load.editorMs ?? NaN)}.`,
    ...(seeds.length ? [`- Goal: keystroke → result ≤ 50 ms on the seed rulesets — slowest median ${ms(worst(seeds))}: ${goal(worst(seeds) <= 50)}.`] : []),
    ...(big.length ? [`- Goal: ≤ 200 ms on the generated 1,000-indicator ruleset — median ${ms(worst(big))}: ${goal(worst(big) <= 200)}.`] : []),
  ];
}

/** The first and third quartiles of some ratios, as "a–b". */
function quartiles(xs: readonly number[]): string {
  const v = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => v[Math.min(v.length - 1, Math.floor(q * (v.length - 1)))]!;
  return v.length === 0 ? '—' : `${ratio(at(0.25))}–${ratio(at(0.75))}`;
}

function batchSection(b: BatchTiming[]): string[] {
  const first = b[0]!;
  const sizes = [...new Set(b.map((t) => t.rows))];
  const largest = sizes[sizes.length - 1]!;
  const goals = (jobs: string): string[] => {
    const runs = b.filter((t) => t.jobs === jobs);
    const small = runs[0]!;
    const big = runs.find((t) => t.rows === largest) ?? runs[runs.length - 1]!;
    return [
      `- Goal: ≥ 200,000 rows/s at ${largest.toLocaleString('en')} rows, ${jobs} — measured ${si(big.rowsPerSec)}: ${goal(big.rowsPerSec >= 200_000)}.`,
      `- Goal: peak RSS < 300 MB, ${jobs} — measured ${mb(big.peakRss)}: ${goal(big.peakRss < 300 * 2 ** 20)}.`,
      `- Goal: RSS flat as rows grow, ${jobs} — ${big.rows / small.rows}× the rows took ${ratio(big.peakRss / small.peakRss)} the peak RSS: ${goal(big.peakRss / small.peakRss < 1.25)}.`,
    ];
  };
  return [
    '## 3. Batch: `jixiao eval` on a large CSV',
    '',
    `\`node bin/jixiao.js eval R units.csv --format csv [--jobs 1] > /dev/null\` as a child process, start-up included; R is a generated 24-leaf, 24-input ruleset; peak RSS (of the process, worker threads included) from ${first.rssFrom}.`,
    '',
    table(
      ['rows', 'threads', 'CSV size', 'runs', 'median wall', 'rows/s', 'peak RSS'],
      b.map((t) => [t.rows.toLocaleString('en'), `${t.jobs}: ${t.threads}`, mb(t.csvBytes), String(t.runs), ms(t.medianMs), si(t.rowsPerSec), mb(t.peakRss)]),
    ),
    '',
    ...[...new Set(b.map((t) => t.jobs))].flatMap(goals),
  ];
}

function sqlSection(sql: SqlTiming[], batch: BatchTiming[] | undefined): string[] {
  const first = sql[0]!;
  const cli = batch?.find((b) => b.rows === first.rows && b.jobs === '--jobs 1');
  return [
    `The ${first.rows.toLocaleString('en')} batch units, loaded from the CSV into a DuckDB table (${ms(first.loadMs)}, not counted), scored by the query from emitSql (DuckDB dialect) into a new table; ` +
      `the first ${first.checked.toLocaleString('en')} rows checked against Jixiao's totals and grades before timing.`,
    '',
    table(
      ['DuckDB threads', 'runs', 'median', 'rows/s', cli ? '× jixiao eval rows/s' : ''].filter(Boolean),
      sql.map((t) => [String(t.threads), String(t.runs), ms(t.medianMs), si(t.rowsPerSec), ...(cli ? [ratio(t.rowsPerSec / cli.rowsPerSec)] : [])]),
    ),
  ];
}

export function report(d: RunData): string {
  const m = d.machine;
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' ');
  const out = [
    `# Benchmark run${d.quick ? ' (quick)' : ''}`,
    '',
    `- Command: \`${d.command}\``,
    `- Machine: ${m.nproc} cores (nproc), ${m.model}, ${m.memoryGiB} GiB; Node ${m.node}`,
    `- Load average (1/5/15 min) before: ${load(d.load[0])}; after: ${load(d.load[1])}`,
    `- Wall time of the run: ${d.seconds.toFixed(0)} s`,
    '',
  ];
  if (d.throughput) out.push(...throughputSection(d.throughput), '');
  if (d.compiled && d.shipped) out.push(...compileSection(d.compiled, d.shipped, d.quick), '');
  if (d.batch) out.push(...batchSection(d.batch), '');
  out.push('## 4. SQL in DuckDB', '');
  if (d.sql && d.sql.length > 0) out.push(...sqlSection(d.sql, d.batch));
  else if (d.sql === null || !d.sqlTarget) out.push('- Skipped: there is no SQL target (emitSql) at this run.');
  else out.push('- Not run (see --only).');
  out.push('', '## 5. Playground', '', ...playgroundSection(d.playground), '');
  return out.join('\n');
}
