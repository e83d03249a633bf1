// A worker thread of `jixiao eval --format csv`: scores the blocks of a CSV file the main thread
// hands it (after the header) and returns their result lines as bytes. Every block carries the
// lines and rows before it, so row numbers, lines in messages and default ids are those the
// single-thread path gives.
import { parentPort, workerData } from 'node:worker_threads';
import { CsvResultWriter, CsvStreamReader, dataInputs, Evaluator } from '../index.js';
import type { BlockJob, BlockResult, WorkerSetup } from './eval-blocks.js';

const setup = workerData as WorkerSetup;
const evaluator = new Evaluator(setup.program);
const reader = CsvStreamReader.afterHeader(dataInputs(setup.program), setup.header, true);
const writer = new CsvResultWriter(setup.program, evaluator, setup.extraColumns);

parentPort!.on('message', (job: BlockJob) => {
  const rows = writer.rows;
  const errors = writer.errors;
  reader.startAt(job.lineBase, job.rowBase);
  // pieces of about 64 KB: a buffer grown to the whole block would be copied as it grows
  const pieces: Uint8Array[] = [];
  reader.readBlock(job.text, (row) => {
    if (writer.row(row)) pieces.push(writer.take());
  });
  pieces.push(writer.take());
  const done: BlockResult = { id: job.id, bytes: pieces, rows: writer.rows - rows, errors: writer.errors - errors };
  parentPort!.postMessage(done);
});
