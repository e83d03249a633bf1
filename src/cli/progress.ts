// A progress bar for long `eval` runs on a terminal; never shown when output is piped or in CI.
import { SingleBar } from 'cli-progress';

export class Progress {
  private readonly bar: SingleBar;
  private done = 0;
  constructor(totalBytes: number) {
    this.bar = new SingleBar({
      format: '评分 {bar} {percentage}% | {rows} 行 | {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    });
    this.bar.start(Math.max(1, totalBytes), 0, { rows: 0 });
  }
  advance(bytes: number, rows: number): void {
    this.done += bytes;
    this.bar.update(this.done, { rows });
  }
  stop(rows: number): void {
    this.bar.update(this.done, { rows });
    this.bar.stop();
  }
}
