// IR → JSON Schema (draft 2020-12) of a ruleset's input data: an array of units, each an object
// with every input required, typed, with its unit and its range. It accepts exactly the forms
// the data reader accepts (numbers, or strings such as "86%", "875.35万元", "是"), except values
// below zero where the checker assumes none (money, count, score; a percent such as a growth rate
// may be negative) and manual scores above the indicator's weight.
import type { IrProgram, ValueType } from '../../ir/ir.js';

// character classes: the reader folds full-width forms to ASCII before parsing
const D = '[0-9\\uFF10-\\uFF19]';
const PLUS = '[+\\uFF0B]';
const MINUS = '[\\-\\uFF0D\\u2212]';
const DOT = '[.\\uFF0E]';
const COMMA = '[,\\uFF0C]';
const EXP = `(?:[eE\\uFF25\\uFF45](?:${PLUS}|${MINUS})?${D}+)?`;
const INT = `(?:${D}{1,3}(?:${COMMA}${D}{3})+|${D}+)`;
const MANTISSA = `(?:${INT}(?:${DOT}${D}*)?|${DOT}${D}+)`;
// a zero written with a minus sign (-0, −0.00) reads as 0, so even non-negative inputs accept it
const Z = '[0\\uFF10]';
const ZERO = `(?:(?:${Z}{1,3}(?:${COMMA}${Z}{3})+|${Z}+)(?:${DOT}${Z}*)?|${DOT}${Z}+)`;

function decimal(signed: boolean): string {
  return signed ? `(?:${PLUS}|${MINUS})?${MANTISSA}${EXP}` : `(?:${PLUS}?${MANTISSA}|${MINUS}${ZERO})${EXP}`;
}

/** A word in any letter case, half- or full-width. */
function anyCase(word: string): string {
  return [...word]
    .map((c) => {
      if (!/[a-z0-9]/i.test(c)) return c;
      const forms = new Set([c.toLowerCase(), c.toUpperCase()].flatMap((x) => [x, String.fromCharCode(x.charCodeAt(0) + 0xfee0)]));
      return `[${[...forms].join('')}]`;
    })
    .join('');
}

function escapeRegex(s: string): string {
  // only syntax characters and `/` may be escaped in a `u` regex
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`);
}

const whole = (body: string): string => `^\\s*${body}\\s*$`;

export const PATTERNS = {
  number: whole(decimal(true)),
  nonNegative: whole(decimal(false)),
  percent: whole(`${decimal(true)}(?:\\s*[%\\uFF05])?`),
  count: whole(`(?:${PLUS}?(?:${INT}(?:${DOT}${Z}*)?|${DOT}${Z}+)|${MINUS}${ZERO})`),
  bool: whole(`(?:${['true', 'false', 'yes', 'no', 'y', 'n', '1', '0'].map(anyCase).join('|')}|是|否)`),
  money: (unit: '元' | '万元'): string => whole(`${decimal(false)}(?:\\s*${unit === '万元' ? '(?:万元|万)' : '元'})?`),
};

/** How a type is described to people, in messages and in the schema. */
export function describeType(t: ValueType, max?: number): { zh: string; en: string } {
  switch (t.kind) {
    case 'number':
      return { zh: '数字', en: 'a number' };
    case 'percent':
      return { zh: '百分比（如 0.86 或 "86%"）', en: 'a percent (0.86 or "86%")' };
    case 'money':
      return { zh: `不小于 0 的金额，单位${t.unit}`, en: `an amount of money of at least 0, in ${t.unit}` };
    case 'count':
      return { zh: '个数（0、1、2… 这样的非负整数）', en: 'a count (a whole number 0, 1, 2, …)' };
    case 'score':
      return max === undefined ? { zh: '不小于 0 的分数', en: 'a score of at least 0' } : { zh: `0 到 ${max} 之间的分数`, en: `a score from 0 to ${max}` };
    case 'bool':
      return { zh: '是/否值（true/false、是/否、1/0）', en: 'a yes/no value (true/false, 是/否, 1/0)' };
    case 'enum':
      return { zh: `可选值之一：${t.members.join('、')}`, en: `one of: ${t.members.join(', ')}` };
  }
}

/** The largest value each score input may take: the smallest weight among the manual scores that read it. */
export function manualMaxima(p: IrProgram): Map<number, number> {
  const max = new Map<number, number>();
  for (const ind of p.indicators) {
    if (ind.score?.kind === 'manual') max.set(ind.score.input, Math.min(max.get(ind.score.input) ?? Infinity, ind.weight));
  }
  return max;
}

function valueSchema(t: ValueType, max: number | undefined): Record<string, unknown> {
  const description = describeType(t, max).zh;
  switch (t.kind) {
    case 'number':
      return { description, anyOf: [{ type: 'number' }, { type: 'string', pattern: PATTERNS.number }] };
    case 'percent':
      return { description, anyOf: [{ type: 'number' }, { type: 'string', pattern: PATTERNS.percent }] };
    case 'money':
      return { description, 'x-unit': t.unit, anyOf: [{ type: 'number', minimum: 0 }, { type: 'string', pattern: PATTERNS.money(t.unit) }] };
    case 'count':
      return { description, anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: PATTERNS.count }] };
    case 'score':
      return { description, anyOf: [{ type: 'number', minimum: 0, ...(max === undefined ? {} : { maximum: max }) }, { type: 'string', pattern: PATTERNS.nonNegative }] };
    case 'bool':
      return { description, anyOf: [{ type: 'boolean' }, { enum: [0, 1] }, { type: 'string', pattern: PATTERNS.bool }] };
    case 'enum':
      return {
        description,
        anyOf: [{ enum: [...t.members] }, { type: 'string', pattern: whole(`(?:${t.members.map(escapeRegex).join('|') || '(?!)'})`) }],
      };
  }
}

/** The schema of one unit (a data row): every input required; other fields (ids, names) allowed. */
export function unitSchema(p: IrProgram): Record<string, unknown> {
  const max = manualMaxima(p);
  // fromEntries makes own properties, so an input named __proto__ is a property like any other
  const properties = Object.fromEntries(p.inputs.map((inp, k) => [inp.name, valueSchema(inp.type, max.get(k))]));
  return { type: 'object', properties, required: p.inputs.map((i) => i.name) };
}

/** The JSON Schema of a ruleset's data file: an array of units. */
export function emitInputSchema(p: IrProgram): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:jixiao:units:${encodeURIComponent(p.name)}`,
    title: `${p.title ?? p.name}：输入数据`,
    description: '每个元素是一个被评价单位，键为规则集的输入名。金额按输入声明的单位填写，百分比可写作 0.86 或 "86%"。',
    type: 'array',
    items: { $ref: '#/$defs/unit' },
    $defs: { unit: unitSchema(p) },
  };
}
