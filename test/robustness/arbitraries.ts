// Inputs for the never-fail suites: random text, random runs of the language's own tokens, and
// damaged copies (lines and characters deleted, duplicated, swapped) of real rulesets.
import fc from 'fast-check';
import { FULL_WIDTH, KEYWORDS } from '../../src/index.js';

/** Any UTF-16 text, lone surrogates and control characters included. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'{}()[]"“”「」/*\\\n\r\t %：；，。'), maxLength: 200 }),
);

const HOSTILE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '$', '${', 'a\u2028b'];

/** Every spelling the lexer knows, and the odd ones it must reject cleanly. */
const VOCABULARY: readonly string[] = [
  ...KEYWORDS.flatMap((k) => k.spellings),
  ...Object.keys(FULL_WIDTH),
  ...Object.values(FULL_WIDTH),
  ...'{}()[]:;,.+-*/%?=<>!&|@#~^`\'\\'.split(''),
  '>=', '<=', '==', '!=', '≥', '≤', '×', '÷', '、', '【', '】',
  '履职效能', '执行率', '年初预算', 'a', 'x1', '_', '指标1', ...HOSTILE_NAMES,
  '0', '1', '95', '100', '0.5', '89.995', '1e3', '00', '1.', '.5', '95%', '500万元', '3元',
  '"标题"', '""', '"a\\"b"', '"\\\\"', '"${x}"', '"*/"', '“弯引号”', '「角括号」', '"未闭合', '“未闭合',
  '// 注释', '/* 块 */', '/*', '*/', '/**/',
  ' ', '\n', '\r\n', '\r', '\t', '\u3000', '\ufeff', '\u2028', '\u0000', '\ud800',
];

/** Runs of tokens, glued with or without spaces, so that tokens also touch each other. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(' ', '', '\n')), { maxLength: 120 })
  .map((parts) => parts.map(([t, sep]) => t + sep).join(''));

/** Token runs that start like a ruleset, so the parser gets past its first rule. */
export const rulesetSoup: fc.Arbitrary<string> = tokenSoup.map((body) => `ruleset 随机 {\n${body}\n}`);

export type Mutation =
  | { readonly kind: 'delete-line' | 'duplicate-line' | 'delete-char' | 'duplicate-char' | 'swap-chars'; readonly at: number }
  | { readonly kind: 'swap-lines'; readonly at: number; readonly with: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

const position = fc.nat({ max: 1_000_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-line', 'duplicate-line', 'delete-char', 'duplicate-char', 'swap-chars') as fc.Arbitrary<'delete-line'>, at: position }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: position, with: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.constantFrom(...VOCABULARY) }),
);

/** Applies one mutation; positions are taken modulo the number of lines or characters. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (k: number): number => k % Math.max(1, lines.length);
  const char = (k: number): number => k % Math.max(1, text.length);
  switch (m.kind) {
    case 'delete-line':
      return lines.filter((_, i) => i !== line(m.at)).join('\n');
    case 'duplicate-line':
      return lines.flatMap((l, i) => (i === line(m.at) ? [l, l] : [l])).join('\n');
    case 'swap-lines': {
      const [a, b] = [line(m.at), line(m.with)];
      const out = [...lines];
      [out[a], out[b]] = [lines[b]!, lines[a]!];
      return out.join('\n');
    }
    case 'delete-char':
      return text.slice(0, char(m.at)) + text.slice(char(m.at) + 1);
    case 'duplicate-char':
      return text.slice(0, char(m.at) + 1) + text.slice(char(m.at));
    case 'swap-chars': {
      const i = char(m.at);
      return i + 1 < text.length ? text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2) : text;
    }
    case 'insert':
      return text.slice(0, char(m.at)) + m.text + text.slice(char(m.at));
  }
}
