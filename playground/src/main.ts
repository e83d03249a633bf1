// The page: wires the app state to the header controls, the data table and the panels, then
// loads the editor in the background. Results and data work before the editor has arrived.
import { latencies, startApp, type App } from './app.js';
import { UnitTable } from './data/table.js';
import type { EditorHandle } from './editor/editor.js';
import { setLang, t, onLangChange, type Lang } from './i18n.js';
import { renderCompile } from './panels/compile.js';
import { problemsTabLabel, renderProblems } from './panels/problems.js';
import { renderResults } from './panels/results.js';
import { renderTests, testsTabLabel } from './panels/tests.js';
import { wireControls } from './controls.js';
import { loadSetting, saveSetting } from './storage.js';
import { byId } from './ui.js';

type Tab = 'results' | 'tests' | 'compile' | 'problems';

interface Page {
  readonly app: App;
  editor: EditorHandle | null;
  tab: Tab;
}

function jump(page: Page, line: number, col: number): void {
  if (page.editor) page.editor.reveal(line, col);
}

function renderPanels(page: Page): void {
  const { app } = page;
  const j = (line: number, col = 1): void => jump(page, line, col);
  if (page.tab === 'results') renderResults(byId('panel-results'), app, (line) => j(line));
  if (page.tab === 'tests') renderTests(byId('panel-tests'), app, j);
  if (page.tab === 'compile') renderCompile(byId('panel-compile'), app);
  if (page.tab === 'problems') renderProblems(byId('panel-problems'), app, j);
  byId('tab-tests').textContent = testsTabLabel(app);
  byId('tab-problems').textContent = problemsTabLabel(app);
  const res = app.state.result;
  const errors = res?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const warnings = (res?.problems.length ?? 0) - errors;
  const status = byId('editor-status');
  status.dataset.errors = String(errors);
  status.textContent = errors + warnings === 0 ? `✓ ${t('noProblems')}` : [errors ? t('errors', { n: errors }) : '', warnings ? t('warnings', { n: warnings }) : ''].filter(Boolean).join('，');
  const saved = byId('save-state');
  saved.textContent = app.saveOk ? (app.savedAt ? t('savedAt', { time: new Date(app.savedAt).toLocaleTimeString('zh-CN', { hour12: false }) }) : '') : t('saveFailed');
  saved.classList.toggle('err', !app.saveOk);
}

function selectTab(page: Page, tab: Tab): void {
  page.tab = tab;
  for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs [data-tab]')) b.classList.toggle('active', b.dataset.tab === tab);
  for (const id of ['results', 'tests', 'compile', 'problems']) byId(`panel-${id}`).hidden = id !== tab;
  const wantOutputs = tab === 'compile';
  if (wantOutputs !== page.app.outputsWanted) {
    page.app.outputsWanted = wantOutputs;
    if (wantOutputs) page.app.check();
  }
  renderPanels(page);
}

function showFallback(page: Page): void {
  const pre = document.getElementById('editor-fallback');
  if (pre) pre.textContent = `${t('loadingEditor')}\n\n${page.app.state.source}`;
}

async function loadEditor(page: Page): Promise<void> {
  const { createEditor } = await import('./editor/editor.js');
  page.editor = createEditor(byId('editor'), page.app);
  document.body.dataset.editor = 'ready';
}

function boot(): void {
  setLang((loadSetting('lang') as Lang | undefined) ?? 'zh');
  const { app, link } = startApp();
  const page: Page = { app, editor: null, tab: 'results' };
  const table = new UnitTable(byId('table'), app);
  app.on((_, why) => {
    if (why === 'result' || why === 'load') renderPanels(page);
    if (why === 'load') showFallback(page);
  });
  onLangChange(() => {
    saveSetting('lang', document.documentElement.lang === 'en' ? 'en' : 'zh');
    table.rebuild();
    renderPanels(page);
    page.editor?.refresh();
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs [data-tab]')) b.addEventListener('click', () => selectTab(page, b.dataset.tab as Tab));
  wireControls(app, link);
  table.rebuild();
  showFallback(page);
  app.check();
  // Exposed for the end-to-end tests and the latency benchmark.
  Object.assign(window, { jixiaoPlayground: { app, latencies, page } });
  // The editor (several megabytes) loads once the first results are on screen, so the page is
  // usable first; the text is shown read-only until then.
  let editorRequested = false;
  const requestEditor = (): void => {
    if (editorRequested) return;
    editorRequested = true;
    void loadEditor(page);
  };
  app.on((_, why) => {
    if (why === 'result') window.setTimeout(requestEditor, 0);
  });
  window.setTimeout(requestEditor, 3000);
  // A share link pasted into the address bar of an open page: open it as a fresh load would.
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith('#share=')) location.reload();
  });
}

boot();
