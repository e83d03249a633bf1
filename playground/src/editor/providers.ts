// What the editor offers beyond highlighting: completion (keywords, names, functions, snippets for
// each scoring form), hover, go to definition, quick fixes and format document. Names come from the
// worker's latest symbol table; fixes from its problems.
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { FULL_WIDTH, FUNCTIONS, KEYWORDS } from '../../../grammar/keywords.js';
import { pick, t } from '../i18n.js';
import type { Problem, SymbolInfo } from '../worker/protocol.js';
import { LANGUAGE_ID } from './language.js';
import { SNIPPETS } from './snippets.js';
import { formatSource, fullWidthOffsets, toAsciiPunctuation } from './text.js';

export interface Knowledge {
  symbols: readonly SymbolInfo[];
  problems: readonly Problem[];
}

const ROLE_TEXT: Record<(typeof KEYWORDS)[number]['role'], [string, string]> = {
  structure: ['结构关键字', 'structure keyword'],
  scoring: ['评分关键字', 'scoring keyword'],
  type: ['类型', 'type'],
  unit: ['金额单位', 'money unit'],
  operator: ['逻辑运算', 'logical operator'],
  literal: ['常量', 'literal'],
  function: ['函数', 'function'],
};

const FUNCTION_SIGNATURES: Record<keyof typeof FUNCTIONS, string> = {
  min: 'min(a, b, …)',
  max: 'max(a, b, …)',
  abs: 'abs(x)',
  round: 'round(x, n)',
  clamp: 'clamp(x, lo, hi)',
};

function keywordOf(word: string): (typeof KEYWORDS)[number] | undefined {
  return KEYWORDS.find((k) => (k.spellings as readonly string[]).includes(word));
}

function functionOf(word: string): keyof typeof FUNCTIONS | undefined {
  return (Object.keys(FUNCTIONS) as (keyof typeof FUNCTIONS)[]).find((f) => (FUNCTIONS[f] as readonly string[]).includes(word));
}

function symbolKind(monaco: typeof Monaco, s: SymbolInfo): Monaco.languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind;
  return { input: K.Variable, let: K.Constant, indicator: K.Module, grade: K.EnumMember, alert: K.Event }[s.kind];
}

function completions(monaco: typeof Monaco, know: Knowledge, model: Monaco.editor.ITextModel, position: Monaco.Position): Monaco.languages.CompletionList {
  const word = model.getWordUntilPosition(position);
  const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
  const K = monaco.languages.CompletionItemKind;
  const firstInput = know.symbols.find((s) => s.kind === 'input')?.name;
  const seen = new Set<string>();
  const items: Monaco.languages.CompletionItem[] = [];
  for (const s of know.symbols) {
    if (seen.has(`${s.kind}:${s.name}`)) continue;
    seen.add(`${s.kind}:${s.name}`);
    items.push({ label: s.name, kind: symbolKind(monaco, s), detail: pick(s.detail), documentation: s.doc, insertText: s.name, range, sortText: `0${s.name}` });
  }
  for (const k of KEYWORDS) {
    for (const spelling of k.spellings) {
      const others = k.spellings.filter((x) => x !== spelling).join(' / ');
      items.push({ label: spelling, kind: K.Keyword, detail: `${pick({ zh: ROLE_TEXT[k.role][0], en: ROLE_TEXT[k.role][1] })}${others ? ` = ${others}` : ''}`, insertText: spelling, range, sortText: `2${spelling}` });
    }
  }
  for (const [fn, spellings] of Object.entries(FUNCTIONS)) {
    for (const spelling of spellings) {
      items.push({
        label: `${spelling}(…)`,
        kind: K.Function,
        detail: FUNCTION_SIGNATURES[fn as keyof typeof FUNCTIONS],
        insertText: `${spelling}($1)`,
        insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
        range,
        sortText: `1${spelling}`,
      });
    }
  }
  for (const s of SNIPPETS) {
    items.push({
      label: s.label,
      kind: K.Snippet,
      detail: pick(s.detail),
      insertText: s.body.replace(/\$\{INPUT\}/g, firstInput ?? '输入名'),
      insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
      range,
      sortText: `3${s.label}`,
    });
  }
  return { suggestions: items };
}

function wordAt(model: Monaco.editor.ITextModel, position: Monaco.Position): Monaco.editor.IWordAtPosition | null {
  return model.getWordAtPosition(position);
}

function hover(monaco: typeof Monaco, know: Knowledge, model: Monaco.editor.ITextModel, position: Monaco.Position): Monaco.languages.Hover | null {
  const w = wordAt(model, position);
  if (!w) return null;
  const range = new monaco.Range(position.lineNumber, w.startColumn, position.lineNumber, w.endColumn);
  const matches = know.symbols.filter((s) => s.name === w.word);
  if (matches.length > 0) {
    return { range, contents: matches.flatMap((s) => [{ value: `**${pick(s.detail)}**` }, ...(s.doc ? [{ value: '```jixiao\n' + s.doc + '\n```' }] : [])]) };
  }
  const k = keywordOf(w.word);
  if (k) return { range, contents: [{ value: `**${k.spellings.join(' / ')}** — ${pick({ zh: ROLE_TEXT[k.role][0], en: ROLE_TEXT[k.role][1] })}` }] };
  const fn = functionOf(w.word);
  if (fn) return { range, contents: [{ value: `\`${FUNCTION_SIGNATURES[fn]}\` — ${FUNCTIONS[fn].join(' / ')}` }] };
  return null;
}

function definition(monaco: typeof Monaco, know: Knowledge, model: Monaco.editor.ITextModel, position: Monaco.Position): Monaco.languages.Location[] {
  const w = wordAt(model, position);
  if (!w) return [];
  return know.symbols
    .filter((s) => s.name === w.word)
    .map((s) => {
      const a = model.getPositionAt(s.start);
      const b = model.getPositionAt(s.end);
      return { uri: model.uri, range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column) };
    });
}

function editAction(monaco: typeof Monaco, model: Monaco.editor.ITextModel, title: string, start: number, end: number, text: string, markers: Monaco.editor.IMarkerData[], preferred: boolean): Monaco.languages.CodeAction {
  const a = model.getPositionAt(start);
  const b = model.getPositionAt(end);
  return {
    title,
    kind: 'quickfix',
    diagnostics: markers,
    isPreferred: preferred,
    edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text } }] },
  };
}

function codeActions(monaco: typeof Monaco, know: Knowledge, model: Monaco.editor.ITextModel, range: Monaco.Range, context: Monaco.languages.CodeActionContext): Monaco.languages.CodeActionList {
  const actions: Monaco.languages.CodeAction[] = [];
  for (const marker of context.markers) {
    const start = model.getOffsetAt({ lineNumber: marker.startLineNumber, column: marker.startColumn });
    const code = typeof marker.code === 'string' ? marker.code : marker.code?.value;
    const problem = know.problems.find((p) => p.start === start && p.code === code);
    problem?.fixes.forEach((f, i) => actions.push(editAction(monaco, model, pick(f.title), f.start, f.end, f.text, [marker], i === 0)));
  }
  const text = model.getValue();
  const lineStart = model.getOffsetAt({ lineNumber: range.startLineNumber, column: 1 });
  const lineEnd = model.getOffsetAt({ lineNumber: range.endLineNumber, column: model.getLineMaxColumn(range.endLineNumber) });
  const all = fullWidthOffsets(text, FULL_WIDTH);
  if (all.some((f) => f.offset >= lineStart && f.offset < lineEnd)) {
    const fixed = toAsciiPunctuation(text.slice(lineStart, lineEnd), FULL_WIDTH);
    actions.push(editAction(monaco, model, t('fullWidthLine'), lineStart, lineEnd, fixed, [], actions.length === 0));
  }
  if (all.length > 0) actions.push(editAction(monaco, model, t('fullWidthAll'), 0, text.length, toAsciiPunctuation(text, FULL_WIDTH), [], false));
  return { actions, dispose: () => undefined };
}

export function registerProviders(monaco: typeof Monaco, know: Knowledge): void {
  const L = LANGUAGE_ID;
  monaco.languages.registerCompletionItemProvider(L, { provideCompletionItems: (m, p) => completions(monaco, know, m, p) });
  monaco.languages.registerHoverProvider(L, { provideHover: (m, p) => hover(monaco, know, m, p) });
  monaco.languages.registerDefinitionProvider(L, { provideDefinition: (m, p) => definition(monaco, know, m, p) });
  monaco.languages.registerCodeActionProvider(L, { provideCodeActions: (m, r, c) => codeActions(monaco, know, m, r as Monaco.Range, c) }, { providedCodeActionKinds: ['quickfix'] });
  monaco.languages.registerDocumentFormattingEditProvider(L, {
    provideDocumentFormattingEdits: (m) => {
      const text = m.getValue();
      const formatted = formatSource(text);
      return formatted === text ? [] : [{ range: m.getFullModelRange(), text: formatted }];
    },
  });
}
