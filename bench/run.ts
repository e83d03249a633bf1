// `npm run bench [-- --quick] [-- --only throughput,compile,batch,sql,playground] [-- --out FILE]`: every
// section in one run on one machine, then a Markdown report (stdout, and FILE when given).
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine } from './lib/machine.js';
import { report } from './report.js';
import { measurePlayground, type PlaygroundResult } from './playground-latency.js';
import { batch } from './sections/batch.js';
import { compileGenerated, compileShipped, shippedRulesets } from './sections/compile.js';
import { sqlScore, type SqlTiming } from './sections/sql.js';
import { throughput } from './sections/throughput.js';
import { COMPILE_SHAPES, SPEC_BATCH } from './workload/spec.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, out: { type: 'string' } } });
const quick = values.quick ?? false;
// the playground section builds the site and drives a browser (minutes): --quick leaves it out unless named
const only = new Set((values.only ?? (quick ? 'throughput,compile,batch,sql' : 'throughput,compile,batch,sql,playground')).split(','));
const log = (s: string): void => void process.stderr.write(`${s}\n`);
const started = Date.now();
const loadBefore = loadavg();

const tp = only.has('throughput')
  ? await throughput(
      quick
        ? { units: 5_000, runs: 5, warmups: 1, warmupMs: 200, rounds: 1, runTargetMs: 60, minUnits: 5 }
        : { units: 100_000, runs: 7, warmups: 2, warmupMs: 1500, rounds: 5, runTargetMs: 1500, minUnits: 20 },
      log,
    )
  : undefined;

let compiled;
let shipped;
if (only.has('compile')) {
  const shapes = quick ? COMPILE_SHAPES.filter(([a, b, c]) => a * b * c <= 1000) : COMPILE_SHAPES;
  compiled = [];
  for (const shape of shapes) {
    log(`  compile: ${shape.join('×')}`);
    compiled.push(await compileGenerated(shape, quick ? 3 : 5));
  }
  shipped = [];
  for (const file of shippedRulesets(join(repo, 'rulesets'))) {
    log(`  compile: ${file}`);
    shipped.push(await compileShipped(file, quick ? 3 : 20));
  }
}

const sizes = quick ? [10_000, 50_000] : [100_000, 1_000_000];
let sql: SqlTiming[] | null | undefined;
const scoreInDuckDb = async (rows: number, csv: string): Promise<void> => {
  if (!only.has('sql') || rows !== sizes[sizes.length - 1]) return;
  log(`  sql: DuckDB on ${rows} rows`);
  sql = await sqlScore(SPEC_BATCH, csv, rows, quick ? 1 : 3, quick ? [1] : [1, availableParallelism()]);
};
const batched = only.has('batch') || only.has('sql') ? await batch(repo, SPEC_BATCH, sizes, quick ? 1 : 3, log, scoreInDuckDb, only.has('batch')) : undefined;

let playground: PlaygroundResult | undefined;
if (only.has('playground')) {
  log('  playground: keystroke latency in chromium');
  playground = await measurePlayground(log);
}

const md = report({
  quick,
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: machine(),
  load: [loadBefore, loadavg()],
  seconds: (Date.now() - started) / 1000,
  throughput: tp,
  compiled,
  shipped,
  batch: only.has('batch') ? batched : undefined,
  sql,
  sqlTarget: existsSync(join(repo, 'src/targets/sql')),
  playground,
});
process.stdout.write(md);
if (values.out) writeFileSync(values.out, md);
// ZEN's native thread pool keeps the event loop alive
process.exit(0);
