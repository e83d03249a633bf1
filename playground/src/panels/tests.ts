// The tests panel: the file's `test` blocks, run on every change by the worker. A failing
// expectation shows what was found, and a click jumps to its `expect` line in the editor.
import type { App } from '../app.js';
import { t } from '../i18n.js';
import { h } from '../ui.js';

export type Jump = (line: number, col: number) => void;

/** The tab's label: pass and fail counts at a glance. */
export function testsTabLabel(app: App): string {
  const tests = app.state.result?.tests;
  if (!tests || tests.length === 0) return t('tabTests');
  const failed = tests.filter((x) => !x.pass).length;
  return `${t('tabTests')} ${failed === 0 ? '✓' : '✗'} ${tests.length - failed}/${tests.length}`;
}

export function renderTests(root: HTMLElement, app: App, jump: Jump): void {
  const res = app.state.result;
  if (!res) return;
  const tests = res.tests;
  if (tests === null) {
    root.replaceChildren(h('p.muted', { 'data-testid': 'tests-blocked' }, t('testsBlocked')));
    return;
  }
  if (tests.length === 0) {
    root.replaceChildren(h('p.muted', {}, t('testsNone')));
    return;
  }
  const failed = tests.filter((x) => !x.pass).length;
  root.replaceChildren(
    h('p.tests-summary', { 'data-testid': 'tests-summary', 'data-failed': failed }, t('testsSummary', { pass: tests.length - failed, fail: failed })),
    h('ul.tests', {},
      tests.map((x) =>
        h('li.test', { 'data-pass': x.pass },
          h('a.test-name', { href: '#', onclick: (ev) => { ev.preventDefault(); jump(x.line, 1); } }, `${x.pass ? '✓' : '✗'} ${x.name}`),
          h('ul.expects', {},
            x.expects
              .filter((e) => !e.pass)
              .map((e) =>
                h('li.expect', { 'data-testid': 'failed-expect', 'data-line': e.line },
                  h('a', { href: '#', onclick: (ev) => { ev.preventDefault(); jump(e.line, e.col); } }, `${e.line}:${e.col}  ${e.text}`),
                  h('span.actual', {}, ` — ${e.actual}`),
                ),
              ),
          ),
        ),
      ),
    ),
  );
}
