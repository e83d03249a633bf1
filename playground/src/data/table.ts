// The sample-unit table: one column per input (typed cells), the id and other columns kept as
// text, row actions, and each row's total and grade. It is rebuilt only when rows or columns
// change, so typing in a cell never loses focus; results only restyle it.
import type { App } from '../app.js';
import { pick, t } from '../i18n.js';
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

/** How a cell reads when it is not being edited. */
function cellText(value: string, input: InputColumn | null): string {
  if (input?.kind === 'bool') return value === '是' || value === 'true' ? t('yes') : value === '否' || value === 'false' ? t('no') : value;
  return value;
}

function cellDisplay(value: string, input: InputColumn | null): Node[] {
  const text = h('span.v', {}, cellText(value, input));
  return input?.kind === 'money' ? [text, h('span.unit', {}, input.unit ?? '')] : [text];
}

/** The field that edits one cell, made only while that cell is being edited (a wide table stays light). */
function cellEditor(app: App, row: number, column: string, value: string, input: InputColumn | null): HTMLInputElement | HTMLSelectElement {
  const label = `${column} ${row + 1}`;
  const commit = (ev: Event, text: string): void => {
    app.setSheet(setCell(app.state.sheet, row, column, text), ev.timeStamp || performance.now());
  };
  if (input && (input.kind === 'bool' || input.kind === 'enum')) {
    const choices = input.kind === 'bool' ? ['是', '否'] : input.members;
    const options = ['', ...choices, ...(value && !choices.includes(value) ? [value] : [])];
    const sel: HTMLSelectElement = h('select', { 'aria-label': label, onchange: (ev) => commit(ev, sel.value) },
      options.map((o) => h('option', { value: o }, cellText(o, input))));
    sel.value = value;
    return sel;
  }
  const field: HTMLInputElement = h('input', {
    type: 'text',
    value,
    'aria-label': label,
    inputmode: input !== null && input.kind !== 'enum' ? 'decimal' : 'text',
    placeholder: input?.kind === 'percent' ? '86%' : '',
    oninput: (ev) => commit(ev, field.value),
  });
  return field;
}

export class UnitTable {
  private signature = '';
  private columns = new Map<string, InputColumn | null>();
  private seen: { columns: readonly string[] | null; inputs: string; rows: number } = { columns: null, inputs: '', rows: -1 };

  constructor(
    private readonly root: HTMLElement,
    private readonly app: App,
  ) {
    app.on((_, why) => {
      if (why === 'load' || why === 'sheet' || why === 'result') this.sync(why === 'load');
      if (why === 'select') this.decorate();
    });
    // One listener for all cells: clicking a cell, or typing on a focused one, starts editing it.
    root.addEventListener('click', (ev) => {
      const td = (ev.target as HTMLElement).closest<HTMLTableCellElement>('td.cell');
      if (td) this.edit(td);
    });
    root.addEventListener('keydown', (ev) => {
      const td = ev.target as HTMLElement;
      if (td.matches('td.cell') && (ev.key === 'Enter' || ev.key === 'F2' || ev.key.length === 1)) {
        this.edit(td as HTMLTableCellElement);
        if (ev.key === 'Enter' || ev.key === 'F2') ev.preventDefault();
      }
    });
  }

  private inputs(): readonly InputColumn[] {
    return this.app.state.result?.inputs ?? [];
  }

  sync(force = false): void {
    const { sheet } = this.app.state;
    const inputs = this.inputs();
    const inputsKey = JSON.stringify(inputs);
    // A cell edit keeps the columns and the inputs: no need to recompute the layout.
    if (!force && sheet.columns === this.seen.columns && inputsKey === this.seen.inputs && sheet.rows.length === this.seen.rows) {
      this.decorate();
      return;
    }
    this.seen = { columns: sheet.columns, inputs: inputsKey, rows: sheet.rows.length };
    const cols = displayColumns(sheet, inputs);
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
        cols.map((c) => h('td.cell', { 'data-col': c.name, 'data-kind': c.input?.kind ?? 'text', tabindex: 0 }, cellDisplay(cells[sheet.columns.indexOf(c.name)] ?? '', c.input))),
        h('td.result', { 'data-testid': `row-result-${r}` }),
      ),
    );
    this.columns = new Map(cols.map((c) => [c.name, c.input]));
    this.root.replaceChildren(h('table.units', {}, h('thead', {}, head), h('tbody', {}, body)));
  }

  /** Turns a cell into its editor; on leaving, the cell shows the (possibly new) value again. */
  private edit(td: HTMLTableCellElement): void {
    if (td.querySelector('input, select')) return;
    const row = Number(td.parentElement?.dataset.row);
    const column = td.dataset.col ?? '';
    const input = this.columns.get(column) ?? null;
    const current = (): string => this.app.state.sheet.rows[row]?.[this.app.state.sheet.columns.indexOf(column)] ?? '';
    const editor = cellEditor(this.app, row, column, current(), input);
    const close = (): void => {
      if (td.isConnected) td.replaceChildren(...cellDisplay(current(), input));
    };
    editor.addEventListener('blur', close);
    editor.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter' || (ev as KeyboardEvent).key === 'Escape') td.focus();
    });
    td.replaceChildren(editor, ...(input?.kind === 'money' ? [h('span.unit', {}, input.unit ?? '')] : []));
    editor.focus();
    if (editor instanceof HTMLInputElement) editor.setSelectionRange(editor.value.length, editor.value.length);
  }

  /** Marks the selected row, bad cells, and each row's total and grade. */
  private decorate(): void {
    const { selected, result } = this.app.state;
    const units = result?.units ?? [];
    this.root.querySelectorAll<HTMLTableRowElement>('tbody tr').forEach((tr, r) => {
      // Only what changed is written: an untouched row of a wide table costs no layout.
      if (tr.classList.contains('selected') !== (r === selected)) tr.classList.toggle('selected', r === selected);
      const unit = units[r];
      const bad = new Set(unit?.badFields ?? []);
      const marked = tr.dataset.bad ?? '';
      const marking = [...bad].join('\u0000');
      if (marked !== marking || marking !== '') {
        tr.dataset.bad = marking;
        tr.querySelectorAll<HTMLTableCellElement>('td[data-col]').forEach((td) => {
          const isBad = bad.has(td.dataset.col ?? '');
          if (td.classList.contains('bad') !== isBad) td.classList.toggle('bad', isBad);
          const title = isBad && unit?.error ? pick(unit.error) : '';
          if (td.title !== title) td.title = title;
        });
      }
      const cell = tr.querySelector<HTMLElement>('td.result');
      if (!cell) return;
      const shown = !unit ? '' : unit.error ? `E${pick(unit.error)}` : `${pts(unit.total ?? 0)}${unit.grade ?? ''}`;
      if (cell.dataset.shown === shown) return;
      cell.dataset.shown = shown;
      if (!unit) cell.replaceChildren();
      else if (unit.error) cell.replaceChildren(h('span.err', { title: pick(unit.error) }, t('unitError')));
      else cell.replaceChildren(`${pts(unit.total ?? 0)} `, h('span.grade-chip', { 'data-grade': unit.grade ?? '' }, unit.grade ?? ''));
    });
  }
}
