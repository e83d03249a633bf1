// The header and data toolbar controls: ruleset picker, share link, restore, reset, language,
// and adding, importing and exporting sample units. Nothing here replaces work without keeping
// the replaced version in the archive first.
import { shippedState, type App } from './app.js';
import { importFile } from './data/import.js';
import { addRow, sheetToCsv } from './data/sheet.js';
import { currentLang, onLangChange, setLang, t } from './i18n.js';
import { SHIPPED, shippedById } from './rulesets.js';
import { archive, loadArchive, loadSlot, SHARED_SLOT, shareHash } from './storage.js';
import { ask, byId, copyText, download, h, notify } from './ui.js';

function slotLabel(slot: string): string {
  return slot === SHARED_SLOT ? t('shared') : (shippedById(slot)?.label ?? slot);
}

function fillPicker(app: App): void {
  const picker = byId<HTMLSelectElement>('ruleset-picker');
  const districts = [...new Set(SHIPPED.map((s) => s.district))];
  const groups = districts.map((d) =>
    h('optgroup', { label: d === '示例' ? t('builtIn') : d }, SHIPPED.filter((s) => s.district === d).map((s) => h('option', { value: s.id }, s.label))),
  );
  const shared = loadSlot(SHARED_SLOT) || app.state.slot === SHARED_SLOT ? [h('option', { value: SHARED_SLOT }, t('shared'))] : [];
  picker.replaceChildren(...groups, ...shared);
  picker.value = app.state.slot;
}

async function share(app: App): Promise<void> {
  const url = `${location.origin}${location.pathname}${shareHash(app.state.slot, { source: app.state.source, sheet: app.state.sheet })}`;
  const copied = await copyText(url);
  const field = h('input.share-url', { type: 'text', readonly: true, value: url, 'data-testid': 'share-url' });
  notify(copied ? t('linkCopied') : t('linkReady'), 'info', field);
}

async function reset(app: App): Promise<void> {
  const shipped = shippedState(app.state.slot);
  if (!shipped) return;
  if (!(await ask(t('resetAsk', { name: slotLabel(app.state.slot) })))) return;
  app.replace(shipped);
  notify(t('resetDone'));
}

async function restore(app: App): Promise<void> {
  const list = loadArchive();
  if (list.length === 0) {
    notify(t('restoreNone'));
    return;
  }
  const choices = h('div.choices', {},
    list.map((a, i) =>
      h('label.choice', {},
        h('input', { type: 'radio', name: 'archived', value: i, checked: i === 0 }),
        ` ${slotLabel(a.slot)} — ${new Date(a.savedAt).toLocaleString('zh-CN', { hour12: false })} — ${a.source.length} 字符，${a.sheet.rows.length} 行`,
      ),
    ),
  );
  if (!(await ask(t('restoreAsk'), choices))) return;
  const picked = choices.querySelector<HTMLInputElement>('input:checked');
  const chosen = list[Number(picked?.value ?? 0)];
  if (!chosen) return;
  archive(app.state.slot, { source: app.state.source, sheet: app.state.sheet });
  app.open(chosen.slot, { source: chosen.source, sheet: chosen.sheet });
  app.saveNow();
  notify(t('restored'));
}

async function importInto(app: App, input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  try {
    const { sheet, encoding } = await importFile(file);
    archive(app.state.slot, { source: app.state.source, sheet: app.state.sheet });
    app.setSheet(sheet);
    const known = new Set(app.state.result?.inputs?.map((i) => i.name) ?? []);
    const unused = sheet.columns.filter((c) => !known.has(c) && !/^(id|ID|编号|序号)$/.test(c));
    byId('data-status').textContent = [t('importDone', { n: sheet.rows.length, file: file.name, enc: encoding }), unused.length ? t('importUnknown', { cols: unused.join('、') }) : ''].filter(Boolean).join('；');
  } catch (e) {
    notify(t('importFailed', { file: file.name, why: e instanceof Error ? e.message : String(e) }), 'error');
  }
}

function showRowErrors(app: App): void {
  const bad = app.state.result?.units.filter((u) => u.error).length ?? 0;
  byId('row-status').textContent = bad > 0 ? t('rowsErrors', { n: bad }) : '';
}

export function wireControls(app: App, link: 'none' | 'opened' | 'broken'): void {
  fillPicker(app);
  const picker = byId<HTMLSelectElement>('ruleset-picker');
  picker.addEventListener('change', () => app.open(picker.value));
  app.on((_, why) => {
    if (why === 'load') fillPicker(app);
    if (why === 'result') showRowErrors(app);
  });
  onLangChange(() => fillPicker(app));
  byId('share').addEventListener('click', () => void share(app));
  byId('reset').addEventListener('click', () => void reset(app));
  byId('restore').addEventListener('click', () => void restore(app));
  const langButton = byId('lang');
  const showLang = (): void => void (langButton.textContent = currentLang() === 'zh' ? 'EN' : '中文');
  showLang();
  langButton.addEventListener('click', () => {
    setLang(currentLang() === 'zh' ? 'en' : 'zh');
    showLang();
  });
  byId('add-row').addEventListener('click', () => app.setSheet(addRow(app.state.sheet)));
  const fileInput = byId<HTMLInputElement>('import-file');
  fileInput.addEventListener('change', () => void importInto(app, fileInput));
  byId('export-csv').addEventListener('click', () => download(`${app.state.result?.ruleset?.name ?? 'units'}.csv`, sheetToCsv(app.state.sheet), 'text/csv'));
  if (link === 'opened') notify(t('linkLoaded'));
  if (link === 'broken') notify(t('linkBroken'), 'error');
}
