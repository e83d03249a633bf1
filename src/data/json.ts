/**
 * Reading unit data from JSON text: an array of objects, one per row.
 * Pure; no I/O.
 */
import { showValue } from './coerce.js';
import { buildRow, dict, pickIdColumn, unknownColumnsOf, type Lookup } from './row.js';
import type { DataRow, DataTable, FileError, InputDecl, Message } from './types.js';

export interface JsonSyntaxError {
  /** 0-based offset into the text. */
  offset: number;
  line: number;
  column: number;
  message: Message;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly eof: boolean,
  ) {}
}

/**
 * Find where JSON text stops being valid (JSON.parse's messages in Node 20
 * often carry no position). Returns undefined when the text is valid JSON.
 */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  const stop = (): never => {
    throw new Stop(i, i >= n);
  };
  const ws = () => {
    while (i < n && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const expect = (s: string) => {
    for (const ch of s) {
      if (text[i] !== ch) stop();
      i++;
    }
  };
  const digits = () => {
    const start = i;
    while (i < n && (text[i] ?? '') >= '0' && (text[i] ?? '') <= '9') i++;
    if (i === start) stop();
  };
  const str = () => {
    expect('"');
    for (;;) {
      if (i >= n) stop();
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) stop();
      if (c === 0x5c) {
        i++;
        const e = text[i] ?? '';
        if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) stop();
            i++;
          }
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i++;
        else stop();
      } else i++;
    }
  };
  const num = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        str();
        ws();
        expect(':');
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else stop();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else stop();
      }
    } else if (c === '"') str();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) num();
    else if (c === 't') expect('true');
    else if (c === 'f') expect('false');
    else if (c === 'n') expect('null');
    else stop();
  };
  try {
    value();
    ws();
    if (i < n) stop();
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) return { offset: 0, line: 1, column: 1, message: { zh: 'JSON 语法错误', en: 'JSON syntax error' } };
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - (before.lastIndexOf('\n') + 1) + 1;
    const ch = text.slice(e.offset, e.offset + 1);
    const message: Message = e.eof
      ? { zh: `JSON 语法错误：第 ${line} 行第 ${column} 列处文件意外结束`, en: `JSON syntax error: unexpected end of input at line ${line}, column ${column}` }
      : {
          zh: `JSON 语法错误：第 ${line} 行第 ${column} 列处不应出现“${ch}”`,
          en: `JSON syntax error: unexpected ${JSON.stringify(ch)} at line ${line}, column ${column}`,
        };
    return { offset: e.offset, line, column, message };
  }
}

function describeJsonType(v: unknown): Message {
  if (v === null) return { zh: 'null', en: 'null' };
  if (Array.isArray(v)) return { zh: '数组', en: 'an array' };
  switch (typeof v) {
    case 'object':
      return { zh: '对象', en: 'an object' };
    case 'string':
      return { zh: '字符串', en: 'a string' };
    case 'number':
      return { zh: '数字', en: 'a number' };
    case 'boolean':
      return { zh: '布尔值', en: 'a boolean' };
    default:
      return { zh: typeof v, en: typeof v };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** How a non-input JSON value is kept in `extras`. */
export function extraString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function fail(fileErrors: FileError[]): DataTable {
  return { rows: [], columns: [], unknownColumns: [], fileErrors };
}

/** Parse the text as an array, or say why it is not one. */
function parseArray(text: string): { ok: true; data: unknown[] } | { ok: false; error: FileError } {
  const t = text.replace(/^\uFEFF/, '');
  if (t.trim() === '') return { ok: false, error: { line: 1, message: { zh: 'JSON 文件为空', en: 'the JSON file is empty' } } };
  let data: unknown;
  try {
    data = JSON.parse(t);
  } catch (e) {
    const loc = locateJsonError(t);
    const detail = e instanceof Error ? e.message : String(e);
    const message = loc?.message ?? { zh: `JSON 语法错误（${detail}）`, en: `JSON syntax error (${detail})` };
    return { ok: false, error: { line: loc?.line ?? 1, message } };
  }
  if (Array.isArray(data)) return { ok: true, data };
  const got = describeJsonType(data);
  return {
    ok: false,
    error: {
      line: 1,
      message: {
        zh: `JSON 顶层应为对象数组（[{…}, {…}]），实际是${got.zh}`,
        en: `the top level of the JSON must be an array of objects ([{…}, {…}]), but it is ${got.en}`,
      },
    },
  };
}

/** The keys of all object elements, in first-seen order. */
function columnsOf(data: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const el of data) if (isRecord(el)) for (const k of Object.keys(el)) seen.add(k);
  return [...seen];
}

function badElementRow(el: unknown, row: number): DataRow {
  const got = describeJsonType(el);
  const shown = showValue(el);
  return {
    row,
    line: row,
    id: String(row),
    values: dict(),
    errors: [
      {
        field: '',
        code: 'data-bad-row',
        message: {
          zh: `第 ${row} 个元素应为对象，实际是${got.zh}：${shown}`,
          en: `element ${row} must be an object, but it is ${got.en}: ${shown}`,
        },
      },
    ],
    extras: dict(),
  };
}

/**
 * Read JSON text: an array of objects whose keys are input names. Never throws.
 * `line` of a row is its 1-based index in the array. Keys are matched exactly (not trimmed).
 */
export function readJson(text: string, inputs: readonly InputDecl[]): DataTable {
  const parsed = parseArray(text);
  if (!parsed.ok) return fail([parsed.error]);
  const columns = columnsOf(parsed.data);
  const inputNames = new Set(inputs.map((i) => i.name));
  const idColumn = pickIdColumn(columns);

  const rows: DataRow[] = parsed.data.map((el: unknown, k) => {
    const row = k + 1;
    if (!isRecord(el)) return badElementRow(el, row);
    const extras = dict<string>();
    for (const key of Object.keys(el)) {
      if (!inputNames.has(key) && key !== idColumn) extras[key] = extraString(el[key]);
    }
    const lookup = (name: string): Lookup =>
      Object.hasOwn(el, name)
        ? { present: true, raw: el[name] }
        : { present: false, message: { zh: `缺少字段“${name}”`, en: `missing field "${name}"` } };
    const idRaw = idColumn !== undefined && Object.hasOwn(el, idColumn) ? el[idColumn] : undefined;
    return buildRow({ row, line: row, idRaw, inputs, lookup, extras, rowErrors: [] });
  });

  return { rows, columns, unknownColumns: unknownColumnsOf(columns, inputs, idColumn), fileErrors: [] };
}
