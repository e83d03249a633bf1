// The sample-unit table: one column per input (typed cells), the id and other columns kept as
// text, row actions, and each row's total and grade. It is rebuilt only when rows or columns
// change, so typing in a cell never loses focus; results only restyle it.
import type { App } from '../app.js';
import { t } from '../i18n.js';
import { h, pts } from '../ui.js';
import type { InputColumn } from '../worker/protocol.js';
import { deleteRow, displayColumns, duplicateRow, setCell } from './sheet.js';

function typeHint(input: InputColumn | null): string {
  if (!input) return '';
  switch (input.kind) {
    case 'percent':
      return '%';
    case 'money':
      return input.unit ?? '';
    case 'bool':
      return `${t('yes')}/${t('no')}`;
    case 'count':
      return '#';
    case 'score':
      return t('total') === '总分' ? '分' : 'pts';
    case 'enum':
      return input.members.join('/');
    default:
      return '';
  }
}

function cellEditor(app: App, row: number, column: string, value: string, input: InputColumn | null): HTMLElement {
  const label = `${column} ${row + 1}`;
  const commit = (ev: Event, text: string): void => {
    app.setSheet(setCell(app.state.sheet, row, column, text), ev.timeStamp || performance.now());
  };
  if (input && (input.kind === 'bool' || input.kind === 'enum')) {
    const choices = input.kind === 'bool' ? ['是', '否'] : input.members;
    const options = ['', ...choices, ...(value && !choices.includes(value) ? [value] : [])];
    const sel: HTMLSelectElement = h('select', { 'aria-label': label, 'data-col': column, onchange: (ev) => commit(ev, sel.value) },
      options.map((o) => h('option', { value: o }, o === '是' ? t('yes') : o === '否' ? t('no') : o)));
    sel.value = value;
    return sel;
  }
  const numeric = input !== null && input.kind !== 'enum';
  const field: HTMLInputElement = h('input', {
    type: 'text',
    value,
    'aria-label': label,
    'data-col': column,
    inputmode: numeric ? 'decimal' : 'text',
    placeholder: input?.kind === 'percent' ? '86%' : '',
    oninput: (ev) => commit(ev, field.value),
  });
  if (input?.kind === 'money') return h('span.money', {}, field, h('span.unit', {}, input.unit ?? ''));
  return field;
}

export class UnitTable {
  private signature = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly app: App,
  ) {
    app.on((_, why) => {
      if (why === 'load' || why === 'sheet' || why === 'result') this.sync(why === 'load');
      if (why === 'select') this.decorate();
    });
  }

  private inputs(): readonly InputColumn[] {
    return this.app.state.result?.inputs ?? [];
  }

  sync(force = false): void {
    const { sheet } = this.app.state;
    const cols = displayColumns(sheet, this.inputs());
    const sig = JSON.stringify([cols.map((c) => [c.name, c.input?.kind, c.input?.unit, c.input?.members]), sheet.rows.length]);
    if (force || sig !== this.signature) {
      this.signature = sig;
      this.build(cols);
    }
    this.decorate();
  }

  /** Rebuilds the table from the sheet; only on structural change or a newly loaded slot. */
  rebuild(): void {
    this.signature = '';
    this.sync(true);
  }

  private build(cols: ReturnType<typeof displayColumns>): void {
    const { sheet } = this.app.state;
    const head = h('tr', {},
      h('th.actions', {}, ''),
      cols.map((c) => h('th', { title: c.input ? '' : t('sampleUnits') }, c.name, c.input ? h('small', {}, ` ${typeHint(c.input)}`) : null)),
      h('th.result', {}, `${t('total')} / ${t('grade')}`),
    );
    const body = sheet.rows.map((cells, r) =>
      h('tr', { 'data-row': r, onclick: () => this.app.select(r) },
        h('td.actions', {},
          h('button.icon', { type: 'button', title: t('duplicateRow'), 'aria-label': t('duplicateRow'), onclick: (ev) => { ev.stopPropagation(); this.app.setSheet(duplicateRow(this.app.state.sheet, r)); } }, '⧉'),
          h('button.icon', { type: 'button', title: t('deleteRow'), 'aria-label': t('deleteRow'), onclick: (ev) => { ev.stopPropagation(); this.app.setSheet(deleteRow(this.app.state.sheet, r)); } }, '✕'),
        ),
        cols.map((c) => h('td', { 'data-col': c.name }, cellEditor(this.app, r, c.name, cells[sheet.columns.indexOf(c.name)] ?? '', c.input))),
        h('td.result', { 'data-testid': `row-result-${r}` }),
      ),
    );
    this.root.replaceChildren(h('table.units', {}, h('thead', {}, head), h('tbody', {}, body)));
  }

  /** Marks the selected row, bad cells, and each row's total and grade. */
  private decorate(): void {
    const { selected, result } = this.app.state;
    const units = result?.units ?? [];
    this.root.querySelectorAll<HTMLTableRowElement>('tbody tr').forEach((tr, r) => {
      tr.classList.toggle('selected', r === selected);
      const unit = units[r];
      const bad = new Set(unit?.badFields ?? []);
      tr.querySelectorAll<HTMLTableCellElement>('td[data-col]').forEach((td) => {
        const isBad = bad.has(td.dataset.col ?? '');
        td.classList.toggle('bad', isBad);
        td.title = isBad && unit?.error ? unit.error.zh : '';
      });
      const cell = tr.querySelector<HTMLElement>('td.result');
      if (!cell) return;
      if (!unit) cell.replaceChildren();
      else if (unit.error) cell.replaceChildren(h('span.err', { title: unit.error.zh }, t('unitError')));
      else cell.replaceChildren(`${pts(unit.total ?? 0)} `, h('span.grade-chip', { 'data-grade': unit.grade ?? '' }, unit.grade ?? ''));
    });
  }
}
