import { compile, Evaluator, runTests } from '../src/index.js';
import { scoreUnits } from '../playground/src/worker/units.js';
import { toProblems } from '../playground/src/worker/problems.js';
import { collectSymbols } from '../playground/src/worker/symbols.js';
import { jixiaoSource } from './workload/source.js';
import { makeSpec } from './workload/spec.js';
import { csvHeader, csvRows, makeUnits } from './workload/units.js';
const spec = makeSpec(4, 10, 25);
const src = jixiaoSource(spec);
const csv = csvHeader(spec) + csvRows(spec, makeUnits(spec, 10), 1);
const [h, ...ls] = csv.trim().split('\n');
const sheet = { columns: h!.split(','), rows: ls.map(l => l.split(',')) };
for (let k = 0; k < 6; k++) {
  const t0 = performance.now();
  const r = compile(src + ' '.repeat(k));
  const t1 = performance.now();
  const ev = new Evaluator(r.program!);
  const t2 = performance.now();
  runTests(ev);
  const t3 = performance.now();
  toProblems(r.diagnostics, r.ast, src, 100); collectSymbols(r.ast!, r.program, src);
  const t4 = performance.now();
  scoreUnits(ev, sheet, 0);
  const t5 = performance.now();
  console.log(`compile ${(t1-t0).toFixed(1)} evaluator ${(t2-t1).toFixed(1)} tests ${(t3-t2).toFixed(1)} symbols ${(t4-t3).toFixed(1)} score ${(t5-t4).toFixed(1)}`);
}
import { readData, dataInputs, evaluateRow } from '../src/index.js';
import { sheetToCsv } from '../playground/src/worker/units.js';
{
  const r = compile(src); const ev = new Evaluator(r.program!);
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    const table = readData(sheetToCsv(sheet), 'csv', dataInputs(ev.program));
    const t1 = performance.now();
    for (const row of table.rows) evaluateRow(ev, row, false);
    const t2 = performance.now();
    evaluateRow(ev, table.rows[0]!, true);
    const t3 = performance.now();
    console.log(`read ${(t1-t0).toFixed(1)} fast ${(t2-t1).toFixed(1)} explained ${(t3-t2).toFixed(1)}`);
  }
}
