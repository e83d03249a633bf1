// `jixiao eval --format csv` on a large file, on several cores: the main thread reads the file,
// cuts it into blocks at record boundaries and writes the results in file order; worker threads
// (eval-worker.ts) score the quote-free blocks after the header. The main thread reads the header
// and any block with quotes itself, and counts the rows of each block it hands out, so every
// worker knows the lines and rows before its block. The output is byte for byte the
// single-thread output.
import { Worker } from 'node:worker_threads';
import type { CsvRecord, IrProgram } from '../index.js';

export interface WorkerSetup {
  readonly program: IrProgram;
  readonly header: CsvRecord;
  readonly extraColumns: readonly string[];
}

export interface BlockJob {
  readonly id: number;
  /** A normalised (LF) quote-free block. */
  readonly text: string;
  /** Lines of the file before the block. */
  readonly lineBase: number;
  /** Rows before the block. */
  readonly rowBase: number;
}

export interface BlockResult {
  readonly id: number;
  /** The block's result lines, in pieces. */
  readonly bytes: readonly Uint8Array[];
  readonly rows: number;
  readonly errors: number;
}

/** Worker threads, each given every n-th block; replies come back per worker in order. */
export class BlockPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (r: BlockResult) => void; reject: (e: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;

  constructor(script: URL, size: number, setup: WorkerSetup) {
    this.workers = Array.from({ length: size }, () => {
      // a small young generation: the rows a worker makes live for one row, and each isolate's
      // default nursery would add tens of megabytes to the process per thread
      const w = new Worker(script, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      w.on('message', (r: BlockResult) => {
        const wait = this.waiting.get(r.id);
        this.waiting.delete(r.id);
        wait?.resolve(r);
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a worker thread exited with code ${code}`));
      });
      return w;
    });
  }

  run(text: string, lineBase: number, rowBase: number): Promise<BlockResult> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const job: BlockJob = { id, text, lineBase, rowBase };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.workers.forEach((w) => w.removeAllListeners('exit'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const wait of this.waiting.values()) wait.reject(e);
    this.waiting.clear();
  }
}
