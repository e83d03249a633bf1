// Section 3: `jixiao eval` end to end on large CSV files, run as a child process exactly as a
// user runs it (output to /dev/null), with its wall time and peak RSS. The CSV files are
// generated into a temporary directory and removed afterwards.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeRuns } from '../lib/measure.js';
import type { Spec } from '../workload/spec.js';
import { jixiaoSource } from '../workload/source.js';
import { SEED, csvHeader, csvRows, makeUnits } from '../workload/units.js';

const TIME = '/usr/bin/time';
const CHUNK = 10_000;

export interface BatchTiming {
  readonly rows: number;
  /** '--jobs 1', or 'default' (the CLI chooses by the file's size). */
  readonly jobs: string;
  /** The threads that scored, in words. */
  readonly threads: string;
  readonly csvBytes: number;
  readonly medianMs: number;
  readonly runs: number;
  readonly rowsPerSec: number;
  /** Peak resident set size of the CLI process, bytes (the largest over the runs). */
  readonly peakRss: number;
  readonly rssFrom: string;
}

/** Writes `rows` generated units as CSV, in chunks so the generator's memory stays small. */
export function writeCsv(spec: Spec, file: string, rows: number): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, csvHeader(spec));
    for (let from = 0; from < rows; from += CHUNK) {
      const units = makeUnits(spec, Math.min(CHUNK, rows - from), SEED + from);
      writeSync(fd, csvRows(spec, units, from + 1));
    }
  } finally {
    closeSync(fd);
  }
}

interface ChildRun {
  readonly peakRss: number;
  readonly rssFrom: string;
}

/** Runs the CLI once; stdout to /dev/null; peak RSS from GNU time, or else from the child itself. */
function runCli(repo: string, ruleset: string, csv: string, extra: readonly string[]): Promise<ChildRun> {
  const useTime = existsSync(TIME);
  const cli = [join(repo, 'bin/jixiao.js'), 'eval', ruleset, csv, '--format', 'csv', ...extra];
  // without GNU time, a preloaded one-liner prints the child's own peak RSS when it exits
  const hook = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxRSS_kB='+process.resourceUsage().maxRSS+'\\n'))`;
  const [cmd, args] = useTime ? [TIME, ['-v', process.execPath, ...cli]] : [process.execPath, ['--import', hook, ...cli]];
  return new Promise((resolve, reject) => {
    const devnull = openSync('/dev/null', 'w');
    const child = spawn(cmd, args, { stdio: ['ignore', devnull, 'pipe'] });
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(devnull);
      const m = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(err) : /maxRSS_kB=(\d+)/.exec(err);
      const exit = useTime ? /Exit status: (\d+)/.exec(err)?.[1] : String(code);
      if (code !== 0 || exit !== '0' || !m) {
        reject(new Error(`jixiao eval failed (exit ${exit ?? code}):\n${err.slice(-2000)}`));
        return;
      }
      resolve({ peakRss: Number(m[1]) * 1024, rssFrom: useTime ? 'GNU time -v' : 'process.resourceUsage() of the child' });
    });
  });
}

/** `onCsv` sees each generated file before it is removed (the SQL section reuses the largest). */
export async function batch(
  repo: string,
  spec: Spec,
  sizes: readonly number[],
  runs: number,
  log: (s: string) => void,
  onCsv?: (rows: number, csv: string) => Promise<void>,
  timeCli = true,
): Promise<BatchTiming[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-batch-'));
  const out: BatchTiming[] = [];
  try {
    const ruleset = join(dir, 'ruleset.jx');
    writeFileSync(ruleset, jixiaoSource(spec));
    for (const rows of sizes) {
      const csv = join(dir, `units-${rows}.csv`);
      log(`  batch: writing ${rows} rows`);
      writeCsv(spec, csv, rows);
      if (!timeCli) {
        await onCsv?.(rows, csv);
        rmSync(csv);
        continue;
      }
      // one thread, then the CLI's default (worker threads for a file of 8 MB or more)
      const auto = statSync(csv).size >= 8 * 2 ** 20 ? `${Math.min(availableParallelism(), 4)} workers + main` : '1 (under 8 MB)';
      for (const [jobs, threads, extra] of [['--jobs 1', '1', ['--jobs', '1']], ['default', auto, []]] as const) {
        let peakRss = 0;
        let rssFrom = '';
        log(`  batch: jixiao eval on ${rows} rows, jobs ${jobs}, × ${runs}`);
        const t = await timeRuns(`eval ${rows}`, async () => {
          const r = await runCli(repo, ruleset, csv, extra);
          peakRss = Math.max(peakRss, r.peakRss);
          rssFrom = r.rssFrom;
        }, runs, 0);
        out.push({ rows, jobs, threads, csvBytes: statSync(csv).size, medianMs: t.medianMs, runs: t.runs, rowsPerSec: rows / (t.medianMs / 1000), peakRss, rssFrom });
      }
      await onCsv?.(rows, csv);
      rmSync(csv);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
