// The Monaco editor, loaded after the page is usable (this module is its own chunk). It feeds
// every edit to the app and shows the worker's problems as markers with their code.
import 'monaco-editor/features/register.all';
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { FULL_WIDTH } from '../../../grammar/keywords.js';
import type { App } from '../app.js';
import { pick, t } from '../i18n.js';
import { languageConfiguration, LANGUAGE_ID, monarchLanguage, THEME } from './language.js';
import { registerProviders, type Knowledge } from './providers.js';
import { fullWidthOffsets } from './text.js';

export interface EditorHandle {
  reveal(line: number, col: number): void;
  /** Re-shows markers, e.g. in the other language. */
  refresh(): void;
  /** The checker's markers as Monaco holds them (read by the end-to-end tests). */
  markers(): { code: string; severity: number; message: string; line: number }[];
  readonly editor: monaco.editor.IStandaloneCodeEditor;
}

/** Style hints are many in a file typed with an IME; past this many, only the first are marked. */
const MAX_HINTS = 300;

function registerLanguage(): void {
  monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.jx'], aliases: ['Jixiao', '绩效'] });
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, monarchLanguage());
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, languageConfiguration());
  monaco.editor.defineTheme('jixiao', THEME);
}

function markers(app: App, model: monaco.editor.ITextModel): monaco.editor.IMarkerData[] {
  const problems = app.state.result?.problems ?? [];
  return problems.map((p) => {
    const a = model.getPositionAt(p.start);
    const b = model.getPositionAt(p.end);
    return {
      severity: p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: pick(p.message),
      code: p.code,
      source: '绩效',
      startLineNumber: a.lineNumber,
      startColumn: a.column,
      endLineNumber: b.lineNumber,
      endColumn: b.column,
    };
  });
}

function styleHints(model: monaco.editor.ITextModel): monaco.editor.IMarkerData[] {
  return fullWidthOffsets(model.getValue(), FULL_WIDTH)
    .slice(0, MAX_HINTS)
    .map((f) => {
      const a = model.getPositionAt(f.offset);
      return {
        severity: monaco.MarkerSeverity.Hint,
        message: t('fullWidthHint', { c: f.char, a: f.ascii }),
        code: 'style-full-width',
        startLineNumber: a.lineNumber,
        startColumn: a.column,
        endLineNumber: a.lineNumber,
        endColumn: a.column + 1,
      };
    });
}

export function createEditor(host: HTMLElement, app: App): EditorHandle {
  self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
  registerLanguage();
  const know: Knowledge = { symbols: [], problems: [] };
  registerProviders(monaco, know);
  const model = monaco.editor.createModel(app.state.source, LANGUAGE_ID, monaco.Uri.parse('inmemory://ruleset.jx'));
  host.replaceChildren();
  const editor = monaco.editor.create(host, {
    model,
    theme: 'jixiao',
    automaticLayout: true,
    fontSize: 14,
    fontFamily: "'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', Menlo, Consolas, monospace",
    minimap: { enabled: false },
    tabSize: 2,
    insertSpaces: true,
    wordBasedSuggestions: 'off',
    // Full-width IME punctuation is part of the language: do not box it as "ambiguous".
    unicodeHighlight: { ambiguousCharacters: false },
    fixedOverflowWidgets: true,
    scrollBeyondLastLine: false,
    lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.On },
  });

  let applying = false;
  model.onDidChangeContent(() => {
    if (!applying) app.setSource(model.getValue());
  });

  // A text that does not parse has no names: completion keeps offering the last known ones.
  const takeSymbols = (): void => {
    const symbols = app.state.result?.symbols;
    if (symbols?.length) know.symbols = symbols;
  };
  // Markers are set again only when the text or the problems changed (not on every data edit).
  let shown = '';
  let hintsFor: string | null = null;
  const showProblems = (force = false): void => {
    // Positions are only meaningful for the text they were computed from; a newer answer follows.
    if (app.state.checkedSource !== model.getValue()) return;
    know.problems = app.state.result?.problems ?? [];
    takeSymbols();
    const key = JSON.stringify(know.problems);
    if (force || key !== shown || hintsFor !== app.state.checkedSource) {
      shown = key;
      monaco.editor.setModelMarkers(model, 'jixiao', markers(app, model));
    }
    if (force || hintsFor !== app.state.checkedSource) {
      hintsFor = app.state.checkedSource;
      monaco.editor.setModelMarkers(model, 'jixiao-style', styleHints(model));
    }
  };
  app.on((_, why) => {
    if (why === 'load' && model.getValue() !== app.state.source) {
      applying = true;
      model.setValue(app.state.source);
      applying = false;
    }
    if (why === 'result') showProblems();
    if (why === 'symbols' && app.state.checkedSource === model.getValue()) takeSymbols();
  });
  showProblems();

  return {
    editor,
    refresh: () => showProblems(true),
    markers: () =>
      monaco.editor.getModelMarkers({ owner: 'jixiao', resource: model.uri }).map((m) => ({
        code: typeof m.code === 'string' ? m.code : (m.code?.value ?? ''),
        severity: m.severity,
        message: m.message,
        line: m.startLineNumber,
      })),
    reveal(line, col) {
      editor.revealLineInCenter(line);
      editor.setPosition({ lineNumber: line, column: col });
      editor.focus();
    },
  };
}
