// The `.jx` language for Monaco, built from the grammar's own keyword table: every spelling,
// English and Chinese, is highlighted by its role, so a keyword added to the table is highlighted
// without touching this file. Imported from grammar/keywords.ts directly (not src/index.ts) so
// the page does not construct the parser; the worker runs the real one.
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { FULL_WIDTH, FUNCTIONS, KEYWORDS } from '../../../grammar/keywords.js';

export const LANGUAGE_ID = 'jixiao';

/** Token class per keyword role; the theme below colours them. */
const ROLE_TOKEN: Record<(typeof KEYWORDS)[number]['role'], string> = {
  structure: 'keyword',
  scoring: 'keyword.scoring',
  type: 'type',
  unit: 'type.unit',
  operator: 'keyword.operator',
  literal: 'constant',
  function: 'function',
};

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function monarchLanguage(): Monaco.languages.IMonarchLanguage {
  const cases: Record<string, string> = {};
  for (const k of KEYWORDS) for (const s of k.spellings) cases[s] = ROLE_TOKEN[k.role];
  for (const spellings of Object.values(FUNCTIONS)) for (const s of spellings) cases[s] ??= 'function';
  cases['@default'] = 'identifier';
  const punct = Object.keys(FULL_WIDTH).map(escapeRegex).join('|');
  return {
    unicode: true,
    defaultToken: '',
    tokenizer: {
      root: [
        [/[\p{L}_][\p{L}\p{N}_]*/u, { cases }],
        [/\d+(?:\.\d+)?\s*[%％]/, 'number.percent'],
        [/\d+(?:\.\d+)?/, 'number'],
        [/\/\/.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/"(?:[^"\\]|\\.)*"/, 'string'],
        [/“[^”]*”|「[^」]*」/, 'string'],
        [/[{}()[\]｛｝（）【】]/, '@brackets'],
        [new RegExp(`>=|<=|!=|==|[<>=+\\-*/?:;,.×÷、]|${punct}`, 'u'), 'delimiter'],
      ],
      comment: [
        [/[^*/]+/, 'comment'],
        [/\*\//, 'comment', '@pop'],
        [/[*/]/, 'comment'],
      ],
    },
  };
}

export function languageConfiguration(): Monaco.languages.LanguageConfiguration {
  return {
    comments: { lineComment: '//', blockComment: ['/*', '*/'] },
    brackets: [
      ['{', '}'],
      ['(', ')'],
      ['[', ']'],
      ['｛', '｝'],
      ['（', '）'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: '"', close: '"', notIn: ['string', 'comment'] },
      { open: '“', close: '”', notIn: ['string', 'comment'] },
    ],
    surroundingPairs: [
      { open: '"', close: '"' },
      { open: '(', close: ')' },
      { open: '{', close: '}' },
    ],
    wordPattern: /[\p{L}_][\p{L}\p{N}_]*|\d+(?:\.\d+)?%?/u,
    indentationRules: { increaseIndentPattern: /[{｛][^}｝]*$/, decreaseIndentPattern: /^\s*[}｝]/ },
  };
}

export const THEME: Monaco.editor.IStandaloneThemeData = {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'keyword', foreground: '0b57d0', fontStyle: 'bold' },
    { token: 'keyword.scoring', foreground: '8b3fb5', fontStyle: 'bold' },
    { token: 'keyword.operator', foreground: '8b3fb5' },
    { token: 'type', foreground: '00796b' },
    { token: 'type.unit', foreground: '00796b' },
    { token: 'constant', foreground: 'b3261e' },
    { token: 'function', foreground: '795e26' },
    { token: 'number', foreground: 'b3261e' },
    { token: 'number.percent', foreground: 'b3261e', fontStyle: 'bold' },
    { token: 'string', foreground: '9a5b00' },
    { token: 'comment', foreground: '6a737d', fontStyle: 'italic' },
    { token: 'identifier', foreground: '1f1f1f' },
  ],
  colors: {},
};
