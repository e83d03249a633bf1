// Small DOM helpers shared by the panels: element creation, the notice line and the modal dialog.
import { t } from './i18n.js';

type Child = Node | string | null | undefined | false;

/** `h('div.cls', {title: 'x'}, child…)`: an element with classes, attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K | `${K}.${string}`,
  attrs: Record<string, string | number | boolean | ((ev: Event) => void)> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const [name, ...classes] = tag.split('.') as [K, ...string[]];
  const el = document.createElement(name);
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === false) continue;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

let noticeTimer: number | undefined;

/** A message under the header bar; errors stay until the next message, others fade. */
export function notify(text: string, kind: 'info' | 'error' = 'info', extra?: Node): void {
  const el = byId('notice');
  el.replaceChildren(text, ...(extra ? [extra] : []));
  el.className = `notice ${kind}`;
  el.dataset.kind = kind;
  el.hidden = false;
  window.clearTimeout(noticeTimer);
  if (kind === 'info') noticeTimer = window.setTimeout(() => (el.hidden = true), 6000);
}

/** A modal question; resolves true on OK. `body` may hold choices the caller reads afterwards. */
export function ask(text: string, body?: Node): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>('dialog');
  byId('dialog-text').textContent = text;
  byId('dialog-body').replaceChildren(...(body ? [body] : []));
  byId('dialog-ok').textContent = t('ok');
  byId('dialog-cancel').textContent = t('cancel');
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
  });
}

export function download(fileName: string, content: string | Uint8Array, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: `${type};charset=utf-8` }) : new Blob([content as Uint8Array<ArrayBuffer>], { type });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Points as the forms print them. */
export function pts(v: number): string {
  return (Math.round(v * 100 + (v >= 0 ? 1e-9 : -1e-9)) / 100).toFixed(2);
}

export function num(v: number): string {
  const s = v.toFixed(6);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
