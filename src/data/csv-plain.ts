// The bulk path of the streaming CSV reader: one line of a quote-free block read straight into a
// row, scanning the text in place — numbers are parsed from the characters, no cell string is cut
// for them. Any line that is not plain (a cell with spaces, full-width digits, units, thousands
// separators, a wrong cell count, a value that is missing or bad) is declined, and the careful
// reader (CsvRowBuilder) reads it: the rows are the same either way.
import type { Header } from './csv.js';
import { coerceValue } from './coerce.js';
import { dict, valuesFactory, type ValuesFactory } from './row.js';
import type { DataRow, InputDecl, InputType, InputValue } from './types.js';

const NO_ERRORS: DataRow['errors'] = Object.freeze([]) as unknown as DataRow['errors'];

/** What one column of the header is to the reader. */
type Column =
  | {
      readonly kind: 'input';
      readonly slot: number;
      readonly type: InputType;
      readonly name: string;
      /** Read by `number`: percent allows a final %, signed a minus (money is never negative), whole refuses fractions (count). */
      readonly numeric: boolean;
      readonly percent: boolean;
      readonly signed: boolean;
      readonly whole: boolean;
    }
  | { readonly kind: 'id' }
  | { readonly kind: 'extra'; readonly name: string }
  /** An unnamed or repeated column: kept (as 第N列) only when non-blank, which the careful reader does. */
  | { readonly kind: 'spare' };

/** 10^k for k ≤ 22, each exact in a double, so digits / 10^k is correctly rounded (as Number() is). */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** Digits kept in an integer mantissa: 15 are always below 2^53. */
const MAX_DIGITS = 15;

const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const PERCENT = 37;

/** Spellings of yes/no read without the general path (which also folds case and full width). */
const BOOL_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true], ['TRUE', true], ['True', true], ['是', true], ['1', true], ['y', true], ['Y', true], ['yes', true], ['Yes', true], ['YES', true],
  ['false', false], ['FALSE', false], ['False', false], ['否', false], ['0', false], ['n', false], ['N', false], ['no', false], ['No', false], ['NO', false],
]);

/** Overwrites every input of a values object made by valuesFactory: named stores, no allocation. */
type ValuesUpdate = (values: Record<string, InputValue>, slots: readonly InputValue[]) => void;

function valuesUpdate(inputs: readonly InputDecl[]): ValuesUpdate {
  // an own property already exists for each name, so even "__proto__" is a plain store here
  const stores = inputs.map((inp, k) => `v[${JSON.stringify(inp.name)}] = s[${k}];`).join(' ');
  return new Function('v', 's', stores) as ValuesUpdate;
}

export class PlainRowReader {
  private readonly columns: readonly Column[];
  private readonly slots: InputValue[];
  private readonly makeValues: ValuesFactory;
  private readonly noExtras = dict<string>();
  /** In reuse mode, the one row (and values object) every read returns, overwritten by the next read. */
  private readonly shared: (DataRow & { values: Record<string, InputValue> }) | undefined;
  private readonly update: ValuesUpdate | undefined;

  /**
   * `reuse`: every read returns the same row object, overwritten by the next read — for a caller
   * that is done with each row before reading the next (the bulk scorer), it saves an object per
   * row and a number box per input.
   */
  constructor(header: Header, inputs: readonly InputDecl[], reuse = false) {
    const slotOf = new Map(inputs.map((inp, k) => [inp.name, k] as const));
    this.columns = header.columns.map((name, j): Column => {
      if (name === '' || header.firstIndex.get(name) !== j) return { kind: 'spare' };
      if (j === header.idIndex) return { kind: 'id' };
      const slot = slotOf.get(name);
      if (slot === undefined) return { kind: 'extra', name };
      const type = inputs[slot]!.type;
      const k = type.kind;
      return { kind: 'input', slot, type, name, numeric: k !== 'bool' && k !== 'enum', percent: k === 'percent', signed: k !== 'money' && k !== 'count', whole: k === 'count' };
    });
    // an input with no column is missing in every row: the careful reader reports it
    const covered = new Set(this.columns.flatMap((c) => (c.kind === 'input' ? [c.slot] : [])));
    this.slots = inputs.length === covered.size ? new Array<InputValue>(inputs.length).fill(0) : [];
    this.makeValues = valuesFactory(inputs);
    Object.freeze(this.noExtras);
    if (reuse && this.slots.length > 0) {
      this.shared = { row: 0, line: 0, id: '', values: this.makeValues(this.slots), errors: NO_ERRORS, extras: this.noExtras };
      this.update = valuesUpdate(inputs);
    }
  }

  /**
   * False when no line can be plain: an input has no column (every row misses it), or there are
   * no inputs (then only the careful reader can tell a blank record, which is skipped, from a row).
   */
  get usable(): boolean {
    return this.slots.length > 0;
  }

  /**
   * The row on `text[start, end)` (one line, no quotes, no line break), or undefined when the
   * line is not plain and must go through the careful reader.
   */
  read(text: string, start: number, end: number, row: number, line: number): DataRow | undefined {
    const columns = this.columns;
    const slots = this.slots;
    let id: string | undefined;
    let extras = this.noExtras;
    let pos = start;
    for (let j = 0; j < columns.length; j++) {
      if (pos > end) return undefined; // fewer cells than columns
      const col = columns[j]!;
      if (col.kind === 'input' && col.numeric) {
        // the number is read up to its comma, so the cell is scanned once
        const v = this.number(text, pos, end, col.percent, col.signed, col.whole);
        if (v !== v) return undefined;
        slots[col.slot] = v;
        pos = this.cellEnd + 1;
        continue;
      }
      let stop = text.indexOf(',', pos);
      if (stop < 0 || stop > end) stop = end;
      switch (col.kind) {
        case 'input': {
          const v = col.type.kind === 'bool' ? boolAt(text, pos, stop) : otherValue(text.slice(pos, stop), col.type);
          if (v === undefined) return undefined;
          slots[col.slot] = v;
          break;
        }
        case 'id':
          id = text.slice(pos, stop);
          break;
        case 'extra':
          if (extras === this.noExtras) extras = dict<string>();
          extras[col.name] = text.slice(pos, stop);
          break;
        case 'spare':
          if (stop > pos) return undefined;
          break;
      }
      pos = stop + 1;
    }
    if (pos <= end) return undefined; // more cells than columns
    const shared = this.shared;
    if (shared === undefined) return { row, line, id: idOf(id, row), values: this.makeValues(slots), errors: [], extras };
    this.update!(shared.values, slots);
    shared.row = row;
    shared.line = line;
    shared.id = idOf(id, row);
    shared.extras = extras;
    return shared;
  }

  /** Where the last number read ended: its comma, or the end of the line. */
  private cellEnd = 0;

  /**
   * The cell at `start` when it is `-?\d+(\.\d+)?` (and a final `%` when `percent`) with at
   * most 15 digits, read exactly as Number() reads the text (a 15-digit integer and 10^k are
   * exact, and their quotient is correctly rounded; a `%` divides by 100 in the same rounding);
   * else NaN. `whole` refuses a fraction ("3.0" is still 3).
   */
  private number(text: string, start: number, end: number, percent: boolean, signed: boolean, whole: boolean): number {
    let i = start;
    let negative = false;
    if (i < end && text.charCodeAt(i) === MINUS) {
      if (!signed) return NaN;
      negative = true;
      i++;
    }
    let mantissa = 0;
    let c = 0;
    const from = i;
    for (; i < end; i++) {
      c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      mantissa = mantissa * 10 + c;
    }
    let digits = i - from;
    if (digits === 0) return NaN;
    let scale = 0;
    if (i < end && c === DOT - 48) {
      const point = ++i;
      for (; i < end; i++) {
        c = text.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        mantissa = mantissa * 10 + c;
      }
      scale = i - point;
      if (scale === 0) return NaN;
      digits += scale;
    }
    if (percent && i < end && c === PERCENT - 48) {
      scale += 2;
      i++;
    }
    if ((i < end && text.charCodeAt(i) !== COMMA) || digits > MAX_DIGITS) return NaN;
    this.cellEnd = i;
    const value = scale === 0 ? mantissa : mantissa / POW10[scale]!;
    if (whole && !Number.isInteger(value)) return NaN;
    return negative && value !== 0 ? -value : value;
  }
}

/** The id as the careful reader gives it: trimmed; a blank or absent id is the row number. */
function idOf(raw: string | undefined, row: number): string {
  const s = raw === undefined ? '' : raw.trim();
  return s === '' ? String(row) : s;
}

/** The usual spellings of yes/no, read from the characters; others go through otherValue. */
function boolAt(text: string, start: number, stop: number): boolean | undefined {
  const c = text.charCodeAt(start);
  switch (stop - start) {
    case 1:
      if (c === 49 || c === 0x662f || c === 89 || c === 121) return true; // 1 是 Y y
      if (c === 48 || c === 0x5426 || c === 78 || c === 110) return false; // 0 否 N n
      break;
    case 4: // true
      if (c === 116 && text.charCodeAt(start + 1) === 114 && text.charCodeAt(start + 2) === 117 && text.charCodeAt(start + 3) === 101) return true;
      break;
    case 5: // false
      if (c === 102 && text.charCodeAt(start + 1) === 97 && text.charCodeAt(start + 2) === 108 && text.charCodeAt(start + 3) === 115 && text.charCodeAt(start + 4) === 101) return false;
      break;
  }
  return BOOL_WORDS.get(text.slice(start, stop));
}

/** A yes/no or enum cell, when it reads as valid; undefined sends the line to the careful reader. */
function otherValue(cell: string, type: InputType): InputValue | undefined {
  if (type.kind === 'bool') return BOOL_WORDS.get(cell);
  if (type.kind === 'enum' && type.members.includes(cell)) return cell;
  const r = coerceValue(cell, type);
  return r.ok ? r.value : undefined;
}
