// The machine a run was measured on, for the report.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';

export interface Machine {
  readonly nproc: number;
  readonly model: string;
  readonly node: string;
  readonly memoryGiB: number;
}

export function machine(): Machine {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) model = m[1]!.trim();
  } catch {
    // not Linux: os.cpus() already gave the model
  }
  return { nproc: availableParallelism(), model, node: process.version, memoryGiB: Math.round(totalmem() / 2 ** 30) };
}
