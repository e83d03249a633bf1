// The problems panel: every diagnostic with its code and position, in the editor's order;
// a click puts the cursor on it. Squiggles and this list come from the same response.
import type { App } from '../app.js';
import { pick, t } from '../i18n.js';
import { h } from '../ui.js';
import type { Jump } from './tests.js';

export function problemsTabLabel(app: App): string {
  const n = app.state.result?.problems.length ?? 0;
  return n === 0 ? t('tabProblems') : `${t('tabProblems')} (${n})`;
}

export function renderProblems(root: HTMLElement, app: App, jump: Jump): void {
  const problems = app.state.result?.problems ?? [];
  if (problems.length === 0) {
    root.replaceChildren(h('p.muted', {}, t('noProblems')));
    return;
  }
  root.replaceChildren(
    h('ul.problems', {},
      problems.map((p) =>
        h('li', { 'data-severity': p.severity, 'data-code': p.code },
          h('a', { href: '#', onclick: (ev) => { ev.preventDefault(); jump(p.line, p.col); } },
            h('span.sev', {}, p.severity === 'error' ? '✗' : '⚠'),
            ` ${p.line}:${p.col} `,
            h('code', {}, p.code),
            ` ${pick(p.message)}`,
          ),
        ),
      ),
    ),
  );
}
