// The compile panel: what the compiler emits for the ruleset, one tab per target, with copy
// and download. The worker builds these only while this panel is open.
import type { App } from '../app.js';
import { pick, t } from '../i18n.js';
import { copyText, download, h } from '../ui.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let chosen = 'ir';

export function renderCompile(root: HTMLElement, app: App): void {
  const res = app.state.result;
  if (!res) return;
  const outputs = res.outputs;
  if (!outputs || outputs.length === 0) {
    root.replaceChildren(h('p.muted', {}, res.stale || !res.ok ? t('compileBlocked') : t('loadingEditor')));
    return;
  }
  const current = outputs.find((o) => o.id === chosen) ?? outputs[0]!;
  const copyButton = h('button', { type: 'button', disabled: current.bytes !== undefined, onclick: async () => { if (await copyText(current.text)) copyButton.textContent = t('copied'); } }, t('copy'));
  root.replaceChildren(
    h('div.subtabs', {},
      outputs.map((o) => h('button', { type: 'button', class: o.id === current.id ? 'active' : '', 'data-output': o.id, onclick: () => { chosen = o.id; renderCompile(root, app); } }, pick(o.label))),
      h('span.spacer'),
      copyButton,
      current.failed
        ? null
        : h('button', { type: 'button', 'data-testid': 'download-output', onclick: () => download(current.fileName, current.bytes ?? current.text, current.bytes ? XLSX_TYPE : 'text/plain') }, `${t('download')} ${current.fileName}`),
    ),
    ...(res.stale ? [h('div.stale', {}, t('staleResults'))] : []),
    h('pre.output', { 'data-testid': 'compile-output' }, current.text.length > 400_000 ? `${current.text.slice(0, 400_000)}\n…` : current.text),
  );
}
