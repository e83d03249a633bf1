// `jixiao eval --format csv --jobs N` runs the built CLI (worker threads load dist/jixiao-worker.mjs,
// which `npm test` builds first): the output and messages are byte for byte those of one thread,
// whichever blocks the workers score and whichever the main thread reads itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jixiaoSource } from '../../bench/workload/source.js';
import { SPEC_BATCH } from '../../bench/workload/spec.js';
import { csvHeader, csvRows, makeUnits } from '../../bench/workload/units.js';

const bin = new URL('../../bin/jixiao.js', import.meta.url).pathname;
let dir: string;
let ruleset: string;
let data: string;

function evalCsv(jobs: number): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, 'eval', ruleset, data, '--format', 'csv', '--jobs', String(jobs)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-jobs-'));
  ruleset = join(dir, 'r.jx');
  writeFileSync(ruleset, jixiaoSource(SPEC_BATCH));
  // about 4 MB: the first block (with the header) and a block with quotes are read by the main
  // thread, the others by the workers; blank lines, bad cells and blank ids sit in every block
  const units = makeUnits(SPEC_BATCH, 36_000, 11);
  const lines = csvRows(SPEC_BATCH, units, 1).split('\n');
  for (let k = 500; k < lines.length; k += 4001) lines[k] = ',,,';
  for (let k = 900; k < lines.length; k += 5003) lines[k] = lines[k]!.replace(/^U\d+,[^,]+/, ',abc');
  for (let k = 1300; k < lines.length; k += 7001) lines[k] = '';
  lines[20_000] = lines[20_000]!.replace(/^U\d+/, '"U,引号"');
  data = join(dir, 'units.csv');
  writeFileSync(data, csvHeader(SPEC_BATCH) + lines.join('\r\n'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jixiao eval --jobs', () => {
  it('writes the one-thread output with two worker threads', () => {
    const one = evalCsv(1);
    expect(one.code).toBe(1); // the rows with bad cells
    const lines = one.out.trimEnd().split('\n');
    // rows out == rows in: 36,000 units less the blank lines and blank records, plus the header
    const rowsOut = lines.length - 1;
    expect(rowsOut).toBe(36_000 - 9 - 5); // 9 blank records, 5 empty lines (the bad ids stay rows)
    expect(lines.filter((l) => l.includes('data-bad-percent')).length).toBeGreaterThan(5);
    expect(lines.some((l) => l.startsWith('"U,引号",'))).toBe(true);
    for (const jobs of [2]) {
      const many = evalCsv(jobs);
      expect(many.code).toBe(one.code);
      expect(many.err).toBe(one.err);
      expect(many.out === one.out).toBe(true);
    }
  });

  it('refuses a --jobs that is not a count of threads', () => {
    const r = spawnSync(process.execPath, [bin, 'eval', ruleset, data, '--jobs', '0'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--jobs');
  });
});
