// The page's side of the check worker. At most one request is in flight; edits made meanwhile
// collapse into one next request, so results follow typing as fast as the worker can go without
// a queue of stale work (this, not a fixed debounce, is what keeps a keystroke's cost bounded).
// A request is answered by its results, then (unless the results carry them) its declared names.
import type { CheckRequest, CheckResponse, Sheet, SymbolInfo, SymbolsMessage } from './worker/protocol.js';

export type CheckInput = Omit<CheckRequest, 'seq' | 'sheet'> & { readonly sheet: Sheet };

export interface Delivered {
  readonly response: CheckResponse;
  /** What was checked: positions in the response refer to this text. */
  readonly input: CheckInput;
  /** performance.now() of the earliest change this response covers. */
  readonly changedAt: number;
}

export class CheckClient {
  private readonly worker: Worker;
  private seq = 0;
  private inFlight: { input: CheckInput; changedAt: number; seq: number } | null = null;
  private pending: { input: CheckInput; changedAt: number } | null = null;
  /** The sheet the worker holds: copying ten thousand cells per keystroke is not free. */
  private sentSheet: Sheet | null = null;

  constructor(
    private readonly deliver: (d: Delivered) => void,
    private readonly deliverSymbols: (input: CheckInput, symbols: readonly SymbolInfo[]) => void,
  ) {
    this.worker = new Worker(new URL('./worker/check.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (ev: MessageEvent<CheckResponse | SymbolsMessage>) => {
      if ('kind' in ev.data) this.receivedSymbols(ev.data);
      else this.received(ev.data);
    };
  }

  /** Nothing sent and unanswered, nothing waiting. */
  get idle(): boolean {
    return this.inFlight === null && this.pending === null;
  }

  request(input: CheckInput, changedAt = performance.now()): void {
    this.pending = { input, changedAt: Math.min(changedAt, this.pending?.changedAt ?? Infinity) };
    if (!this.inFlight) this.flush();
  }

  private flush(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    const seq = ++this.seq;
    this.inFlight = { input: p.input, changedAt: p.changedAt, seq };
    const sheet = p.input.sheet === this.sentSheet ? null : p.input.sheet;
    this.sentSheet = p.input.sheet;
    this.worker.postMessage({ ...p.input, sheet, seq } satisfies CheckRequest);
  }

  private received(response: CheckResponse): void {
    const done = this.inFlight;
    if (!done || done.seq !== response.seq) return;
    // A newer request may be waiting: deliver this one anyway (it is still newer than the screen).
    this.deliver({ response, input: done.input, changedAt: done.changedAt });
    // The request stays in flight until its names arrive, so `idle` means the editor has them too.
    if (response.symbols !== null) this.finish();
  }

  private receivedSymbols(m: SymbolsMessage): void {
    const done = this.inFlight;
    if (!done || done.seq !== m.seq) return;
    this.deliverSymbols(done.input, m.symbols);
    this.finish();
  }

  private finish(): void {
    this.inFlight = null;
    this.flush();
  }
}
