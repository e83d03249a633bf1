/**
 * Coercion of one raw cell (a CSV string or a JSON value) to a typed input value.
 * Pure; no I/O.
 */
import type { CoerceResult, DataErrorCode, InputType, Message, MoneyUnit } from './types.js';

/** Full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space → space, U+2212 minus → '-'; then trim. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();
}

const MAX_SHOWN = 60;

/** How a raw value is quoted inside a message. */
export function showValue(raw: unknown): string {
  let s: string;
  if (typeof raw === 'string') s = raw.trim();
  else if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') s = String(raw);
  else if (raw === undefined) s = 'undefined';
  else {
    try {
      s = JSON.stringify(raw) ?? String(raw);
    } catch {
      s = Object.prototype.toString.call(raw);
    }
  }
  return s.length > MAX_SHOWN ? s.slice(0, MAX_SHOWN) + '…' : s;
}

function fail(code: DataErrorCode, zh: string, en: string): CoerceResult {
  return { ok: false, code, message: { zh, en } };
}

/** "字段“X”的值“v”" / "field "X": "v"" */
function subject(raw: unknown, field: string | undefined): Message {
  const v = showValue(raw);
  return field === undefined
    ? { zh: `值“${v}”`, en: `"${v}"` }
    : { zh: `字段“${field}”的值“${v}”`, en: `field "${field}": "${v}"` };
}

/** The message for a missing value (undefined, null or empty string). */
export function missingMessage(raw: unknown, field: string | undefined): Message {
  const f = field ?? '';
  if (raw === null) {
    return field === undefined
      ? { zh: '值为 null（视为缺失）', en: 'value is null (treated as missing)' }
      : { zh: `字段“${f}”为 null（视为缺失）`, en: `field "${f}" is null (treated as missing)` };
  }
  if (typeof raw === 'string') {
    return field === undefined
      ? { zh: '值为空', en: 'value is empty' }
      : { zh: `字段“${f}”为空`, en: `field "${f}" is empty` };
  }
  return field === undefined
    ? { zh: '缺少值', en: 'missing value' }
    : { zh: `缺少字段“${f}”`, en: `missing field "${f}"` };
}

function isMissing(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && toHalfWidth(raw) === '');
}

type DecimalResult = { ok: true; value: number } | { ok: false; reason: 'syntax' | 'grouping' | 'range' };

const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:[eE][+-]?\d+)?$/;
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parse a decimal string (already half-width and trimmed), optionally with
 * thousands separators in valid positions ("3,852,135.04"), and divide it by
 * 10^shift exactly: the result is the double nearest to the exact decimal
 * value (e.g. "85.5" with shift 2 gives exactly 0.855, not 85.5/100).
 */
export function parseDecimal(s: string, shift = 0): DecimalResult {
  let t = s;
  if (t.includes(',')) {
    if (!GROUPED.test(t)) return { ok: false, reason: 'grouping' };
    t = t.replace(/,/g, '');
  }
  const m = DECIMAL.exec(t);
  if (!m) return { ok: false, reason: 'syntax' };
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  if (int === '' && frac === '') return { ok: false, reason: 'syntax' };
  const e = Number(exp) - shift;
  if (!Number.isSafeInteger(e)) return { ok: false, reason: 'range' };
  const value = Number(`${sign}${int || '0'}.${frac || '0'}e${e}`);
  if (!Number.isFinite(value)) return { ok: false, reason: 'range' };
  return { ok: true, value: value === 0 ? 0 : value }; // no -0
}

function numberHint(reason: 'syntax' | 'grouping' | 'range'): Message {
  switch (reason) {
    case 'grouping':
      return {
        zh: '（千位分隔符“,”的位置不对；小数点请用“.”）',
        en: ' (misplaced thousands separator ","; use "." as the decimal point)',
      };
    case 'range':
      return { zh: '（超出可表示的范围）', en: ' (out of range)' };
    default:
      return { zh: '', en: '' };
  }
}

const UNIT_SUFFIX = /^(.*?)\s*(万元|亿元|元|万|亿)$/;

function canonicalUnit(u: string): string {
  return u === '万' ? '万元' : u === '亿' ? '亿元' : u;
}

function coerceNumeric(raw: unknown, field: string | undefined, unit: MoneyUnit | undefined): CoerceResult {
  const subj = subject(raw, field);
  const bad = (hint: Message = { zh: '', en: '' }) =>
    fail('data-bad-number', `${subj.zh}不是数字${hint.zh}`, `${subj.en} is not a number${hint.en}`);
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw === 0 ? 0 : raw } : bad();
  if (typeof raw !== 'string') return bad();
  let s = toHalfWidth(raw);
  if (unit !== undefined) {
    const m = UNIT_SUFFIX.exec(s);
    if (m) {
      const written = canonicalUnit(m[2] ?? '');
      if (written !== unit) {
        return fail(
          'data-bad-number',
          `${subj.zh}的单位是“${written}”，但该字段以“${unit}”计（此处不做换算）`,
          `${subj.en} is in ${written}, but the field is in ${unit} (no conversion is done here)`,
        );
      }
      s = (m[1] ?? '').trim();
    }
  }
  const r = parseDecimal(s);
  return r.ok ? r : bad(numberHint(r.reason));
}

function coercePercent(raw: unknown, field: string | undefined): CoerceResult {
  const subj = subject(raw, field);
  const bad = (hint: Message = { zh: '', en: '' }) =>
    fail(
      'data-bad-percent',
      `${subj.zh}不是百分数（应写作 85.5% 或 0.855）${hint.zh}`,
      `${subj.en} is not a percent (write 85.5% or 0.855)${hint.en}`,
    );
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw === 0 ? 0 : raw } : bad();
  if (typeof raw !== 'string') return bad();
  let s = toHalfWidth(raw);
  let shift = 0;
  if (s.endsWith('%')) {
    s = s.slice(0, -1).trimEnd();
    shift = 2;
  }
  const r = parseDecimal(s, shift);
  return r.ok ? r : bad(numberHint(r.reason));
}

function coerceCount(raw: unknown, field: string | undefined): CoerceResult {
  const subj = subject(raw, field);
  const bad = () =>
    fail(
      'data-bad-count',
      `${subj.zh}不是个数（应为 0、1、2… 这样的非负整数）`,
      `${subj.en} is not a count (a whole number 0, 1, 2, …)`,
    );
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string') {
    const r = parseDecimal(toHalfWidth(raw));
    if (!r.ok) return bad();
    n = r.value;
  } else return bad();
  if (!Number.isSafeInteger(n) || n < 0) return bad();
  return { ok: true, value: n === 0 ? 0 : n };
}

const TRUE_WORDS = new Set(['true', '是', '1', 'y', 'yes']);
const FALSE_WORDS = new Set(['false', '否', '0', 'n', 'no']);

function coerceBool(raw: unknown, field: string | undefined): CoerceResult {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (raw === 1 || raw === 0) return { ok: true, value: raw === 1 };
  if (typeof raw === 'string') {
    const s = toHalfWidth(raw).toLowerCase();
    if (TRUE_WORDS.has(s)) return { ok: true, value: true };
    if (FALSE_WORDS.has(s)) return { ok: true, value: false };
  }
  const subj = subject(raw, field);
  return fail(
    'data-bad-bool',
    `${subj.zh}不是是/否值（可写 是/否、true/false、1/0、Y/N、yes/no）`,
    `${subj.en} is not a yes/no value (write 是/否, true/false, 1/0, Y/N or yes/no)`,
  );
}

function coerceEnum(raw: unknown, members: readonly string[], field: string | undefined): CoerceResult {
  if (typeof raw === 'string' || typeof raw === 'number') {
    const s = String(raw).trim();
    if (members.includes(s)) return { ok: true, value: s };
  }
  const subj = subject(raw, field);
  return fail(
    'data-bad-enum',
    `${subj.zh}不是可选值之一（可选：${members.join('、')}）`,
    `${subj.en} is not one of: ${members.join(', ')}`,
  );
}

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;
const PLAIN_PERCENT = /^(-?\d+(?:\.\d+)?)%$/;
const PLAIN_COUNT = /^\d+$/;

/**
 * The common cell, written plainly in ASCII (`1234.5`, `85.5%`, `3`), read without the general
 * path: bulk files are mostly such cells. Anything else returns undefined and takes the full path.
 * Number() of a plain decimal is the double nearest to it, as parseDecimal gives.
 */
function coercePlain(raw: string, type: InputType): number | undefined {
  switch (type.kind) {
    case 'number':
    case 'score':
    case 'money':
      return PLAIN_DECIMAL.test(raw) ? Number(raw) : undefined;
    case 'count':
      return PLAIN_COUNT.test(raw) ? Number(raw) : undefined;
    case 'percent': {
      if (PLAIN_DECIMAL.test(raw)) return Number(raw);
      const m = PLAIN_PERCENT.exec(raw);
      return m ? Number(`${m[1]}e-2`) : undefined;
    }
    default:
      return undefined;
  }
}

/** Money is never negative: the checker proves scores within their weights on that assumption. */
function notNegative(r: CoerceResult, raw: unknown, field: string | undefined): CoerceResult {
  if (!r.ok || (r.value as number) >= 0) return r;
  const subj = subject(raw, field);
  return fail('data-bad-number', `${subj.zh}是负数：金额不能为负`, `${subj.en} is negative: an amount of money cannot be`);
}

/**
 * Coerce one raw value (a CSV cell string, or any JSON value) to the declared type.
 * undefined, null and blank strings are missing ('data-missing-field').
 * `field` (optional) is used only to name the field in messages.
 * Money values stay in the declared unit; a matching unit suffix is accepted.
 */
export function coerceValue(raw: unknown, type: InputType, field?: string): CoerceResult {
  if (typeof raw === 'string') {
    const fast = coercePlain(raw, type);
    // a negative amount takes the general path, which refuses it
    if (fast !== undefined && !(type.kind === 'money' && fast < 0)) return { ok: true, value: fast === 0 ? 0 : fast }; // -0 is 0
  }
  if (isMissing(raw)) {
    const message = missingMessage(raw, field);
    return { ok: false, code: 'data-missing-field', message };
  }
  switch (type.kind) {
    case 'number':
    case 'score':
      return coerceNumeric(raw, field, undefined);
    case 'money':
      return notNegative(coerceNumeric(raw, field, type.unit), raw, field);
    case 'percent':
      return coercePercent(raw, field);
    case 'count':
      return coerceCount(raw, field);
    case 'bool':
      return coerceBool(raw, field);
    case 'enum':
      return coerceEnum(raw, type.members, field);
  }
}
