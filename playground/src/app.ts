// The playground's state and the actions on it: which ruleset is open, its text and sample data,
// the selected unit, and the latest check response. Every change is checked and autosaved.
import { CheckClient, type CheckInput, type Delivered } from './checker.js';
import { sheetFromCells, withInputColumns } from './data/sheet.js';
import { parseCsv } from './data/csv.js';
import { SHIPPED, shippedById } from './rulesets.js';
import { archive, loadSetting, loadSlot, readShareHash, saveSetting, saveSlot, SHARED_SLOT, type SlotState } from './storage.js';
import type { CheckResponse, Sheet, SymbolInfo } from './worker/protocol.js';

export interface AppState {
  readonly slot: string;
  readonly source: string;
  readonly sheet: Sheet;
  readonly selected: number;
  readonly result: CheckResponse | null;
  /** The text the result was computed from (spans in it refer to this text). */
  readonly checkedSource: string | null;
}

type Listener = (app: App, why: 'load' | 'sheet' | 'select' | 'result' | 'symbols') => void;

export function shippedState(id: string): SlotState | undefined {
  const s = shippedById(id);
  return s ? { source: s.source, sheet: sheetFromCells(parseCsv(s.csv)) } : undefined;
}

/** When each change happened and when its results were on screen (read by the latency benchmark). */
export const latencies: { changedAt: number; shownAt: number; workMs: number }[] = [];

export class App {
  state: AppState;
  outputsWanted = false;
  saveOk = true;
  savedAt: number | null = null;
  private readonly listeners: Listener[] = [];
  private readonly checker: CheckClient;
  private saveTimer: number | undefined;
  private generation = 0;
  /** What the slot holds in storage, so that an unchanged state is not written again. */
  private stored = '';

  constructor(slot: string, initial: SlotState) {
    this.state = { slot, source: initial.source, sheet: initial.sheet, selected: 0, result: null, checkedSource: null };
    this.stored = this.storageKey();
    this.checker = new CheckClient(
      (d) => this.received(d),
      (input, symbols) => this.receivedSymbols(input, symbols),
    );
    window.addEventListener('pagehide', () => this.saveNow());
  }

  /** The screen shows the results of exactly the current text and data. */
  get settled(): boolean {
    return this.checker.idle && this.state.checkedSource === this.state.source;
  }

  on(f: Listener): void {
    this.listeners.push(f);
  }

  private emit(why: Parameters<Listener>[1]): void {
    for (const f of this.listeners) f(this, why);
  }

  check(changedAt = performance.now()): void {
    const { source, sheet, selected } = this.state;
    this.checker.request({ generation: this.generation, source, sheet, selected, outputs: this.outputsWanted }, changedAt);
  }

  setSource(source: string, changedAt = performance.now()): void {
    if (source === this.state.source) return;
    this.state = { ...this.state, source };
    this.check(changedAt);
    this.scheduleSave();
  }

  setSheet(sheet: Sheet, changedAt = performance.now()): void {
    const selected = Math.min(this.state.selected, Math.max(sheet.rows.length - 1, 0));
    this.state = { ...this.state, sheet, selected };
    this.emit('sheet');
    this.check(changedAt);
    this.scheduleSave();
  }

  select(index: number): void {
    if (index === this.state.selected) return;
    this.state = { ...this.state, selected: index };
    this.emit('select');
    this.check();
  }

  /** Opens a slot: its autosave if any, else the shipped version. */
  open(slot: string, state?: SlotState): void {
    this.saveNow();
    const saved = state ? undefined : loadSlot(slot);
    const next = state ?? saved ?? shippedState(slot) ?? shippedState(SHIPPED[0]!.id)!;
    this.state = { slot, source: next.source, sheet: next.sheet, selected: 0, result: null, checkedSource: null };
    // A state just read from storage (or shipped) needs no write until it is edited.
    this.stored = state ? '' : this.storageKey();
    saveSetting('current', slot);
    this.generation++;
    this.emit('load');
    this.check();
  }

  /** Replaces the open slot's content, keeping the replaced version in the archive. */
  replace(state: SlotState): void {
    archive(this.state.slot, { source: this.state.source, sheet: this.state.sheet });
    this.open(this.state.slot, state);
    this.saveNow();
  }

  private received({ response, input, changedAt }: Delivered): void {
    if (input.generation !== this.generation) return;
    let sheet = this.state.sheet;
    if (response.inputs) sheet = withInputColumns(sheet, response.inputs);
    this.state = { ...this.state, result: response, checkedSource: input.source };
    if (sheet !== this.state.sheet) {
      // New inputs got their columns: score again with them (rare, only after declaring an input).
      this.setSheet(sheet);
      return;
    }
    this.emit('result');
    latencies.push({ changedAt, shownAt: performance.now(), workMs: response.workMs });
    if (latencies.length > 1000) latencies.splice(0, latencies.length - 1000);
  }

  /** The declared names of the text whose results are shown (they follow the results). */
  private receivedSymbols(input: CheckInput, symbols: readonly SymbolInfo[]): void {
    const result = this.state.result;
    if (input.generation !== this.generation || !result || this.state.checkedSource !== input.source) return;
    this.state = { ...this.state, result: { ...result, symbols } };
    this.emit('symbols');
  }

  private scheduleSave(): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => this.saveNow(), 250);
  }

  private storageKey(): string {
    const { slot, source, sheet } = this.state;
    return JSON.stringify([slot, source, sheet]);
  }

  saveNow(): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const { slot, source, sheet } = this.state;
    const key = this.storageKey();
    if (key === this.stored) return;
    this.saveOk = saveSlot(slot, { source, sheet });
    if (this.saveOk) {
      this.savedAt = Date.now();
      this.stored = key;
    }
  }
}

export type Start = { app: App; link: 'none' | 'opened' | 'broken' };

/** The first state: a share link in the URL, else the last slot used, else the first shipped. */
export function startApp(): Start {
  const link = readShareHash(location.hash);
  if (link.kind === 'ok') {
    const old = loadSlot(SHARED_SLOT);
    if (old) archive(SHARED_SLOT, old);
    saveSlot(SHARED_SLOT, link.state);
    saveSetting('current', SHARED_SLOT);
    // Opened once: a reload now shows the autosave, with the edits made since.
    history.replaceState(null, '', location.pathname + location.search);
  }
  const saved = loadSetting('current');
  const slot = saved && (shippedById(saved) || loadSlot(saved)) ? saved : SHIPPED[0]!.id;
  const app = new App(slot, loadSlot(slot) ?? shippedState(slot)!);
  return { app, link: link.kind === 'ok' ? 'opened' : link.kind === 'broken' ? 'broken' : 'none' };
}
