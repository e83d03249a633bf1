// Keeping work: every ruleset's text and data autosaved in localStorage under its own slot, an
// archive of versions that were replaced (by a reset, a restore or a share link), and share links
// that carry a ruleset and its data in the URL, compressed with lz-string.
// lz-string is CommonJS: its default export works in Vite and in plain Node alike.
import LZString from 'lz-string';
import type { Sheet } from './worker/protocol.js';

const PREFIX = 'jixiao.playground.v1.';
const ARCHIVE_SIZE = 12;
export const SHARED_SLOT = 'shared';

export interface SlotState {
  readonly source: string;
  readonly sheet: Sheet;
}

export interface Archived extends SlotState {
  readonly slot: string;
  readonly savedAt: number;
}

function isSheet(v: unknown): v is Sheet {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as { columns?: unknown; rows?: unknown };
  const strings = (a: unknown): boolean => Array.isArray(a) && a.every((c) => typeof c === 'string');
  return strings(s.columns) && Array.isArray(s.rows) && s.rows.every(strings);
}

function isSlotState(v: unknown): v is SlotState {
  return typeof v === 'object' && v !== null && typeof (v as SlotState).source === 'string' && isSheet((v as SlotState).sheet);
}

function readJson(key: string): unknown {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** False when the browser refuses (quota, private mode): the caller tells the user. */
function writeJson(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function loadSlot(slot: string): SlotState | undefined {
  const v = readJson(`slot:${slot}`);
  return isSlotState(v) ? { source: v.source, sheet: v.sheet } : undefined;
}

export function saveSlot(slot: string, state: SlotState): boolean {
  return writeJson(`slot:${slot}`, { source: state.source, sheet: state.sheet, savedAt: Date.now() });
}

export function loadArchive(): Archived[] {
  const v = readJson('archive');
  return Array.isArray(v) ? v.filter((a): a is Archived => isSlotState(a) && typeof (a as Archived).slot === 'string') : [];
}

/** Keeps a version that is about to be replaced, unless the archive already holds it. */
export function archive(slot: string, state: SlotState): boolean {
  const list = loadArchive();
  if (list.some((a) => a.slot === slot && a.source === state.source && JSON.stringify(a.sheet) === JSON.stringify(state.sheet))) return true;
  const next = [{ slot, source: state.source, sheet: state.sheet, savedAt: Date.now() }, ...list].slice(0, ARCHIVE_SIZE);
  return writeJson('archive', next);
}

export function loadSetting(name: 'current' | 'lang'): string | undefined {
  const v = readJson(name);
  return typeof v === 'string' ? v : undefined;
}

export function saveSetting(name: 'current' | 'lang', value: string): void {
  writeJson(name, value);
}

interface SharePayload extends SlotState {
  readonly v: 1;
  readonly from: string;
}

export function shareHash(from: string, state: SlotState): string {
  const payload: SharePayload = { v: 1, from, source: state.source, sheet: state.sheet };
  return `#share=${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

export type ShareRead = { kind: 'none' } | { kind: 'broken' } | { kind: 'ok'; from: string; state: SlotState };

/** Reads a share link's hash; anything damaged or truncated is `broken`, never a partial state. */
export function readShareHash(hash: string): ShareRead {
  const m = /^#share=(.*)$/s.exec(hash);
  if (!m) return { kind: 'none' };
  let payload: unknown;
  try {
    const text = LZString.decompressFromEncodedURIComponent(m[1]!);
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    return { kind: 'broken' };
  }
  if (!isSlotState(payload) || (payload as SharePayload).v !== 1) return { kind: 'broken' };
  const from = typeof (payload as SharePayload).from === 'string' ? (payload as SharePayload).from : '';
  return { kind: 'ok', from, state: { source: payload.source, sheet: payload.sheet } };
}
