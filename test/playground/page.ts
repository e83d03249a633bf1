// Driving the playground page in the browser: open it, pick a ruleset, type in the editor and the
// table, and read back what a person would see. Reading state goes through `window.jixiaoPlayground`,
// which the page exposes for these tests and the latency benchmark.
import type { BrowserContext, Locator, Page } from 'playwright-core';

export interface Marker {
  code: string;
  severity: number;
  message: string;
  line: number;
}

interface Exposed {
  app: {
    settled: boolean;
    state: { slot: string; source: string; sheet: { columns: string[]; rows: string[][] }; result: { problems: { code: string }[] } | null };
  };
  latencies: { changedAt: number; shownAt: number; workMs: number }[];
  page: {
    editor: {
      editor: {
        getModel(): { getValue(): string; setValue(text: string): void; getPositionAt(o: number): { lineNumber: number; column: number } };
        setPosition(p: { lineNumber: number; column: number }): void;
        getPosition(): { lineNumber: number; column: number } | null;
        revealLineInCenter(line: number): void;
        focus(): void;
      };
      markers(): Marker[];
    } | null;
  };
}

declare global {
  interface Window {
    jixiaoPlayground: Exposed;
  }
}

export async function openPlayground(context: BrowserContext, url: string, timeout = 30_000): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-editor=ready]', { timeout });
  await settle(page);
  return page;
}

/** Waits until the screen shows the results of exactly the current text and data. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.jixiaoPlayground?.app.settled === true, undefined, { timeout: 20_000 });
}

/** Picks the first ruleset of a district (by its picker group) or a ruleset by id. */
export async function pickRuleset(page: Page, districtOrId: string): Promise<string> {
  const id = await page.evaluate((key) => {
    const picker = document.querySelector<HTMLSelectElement>('#ruleset-picker')!;
    const group = Array.from(picker.querySelectorAll('optgroup')).find((g) => g.label === key);
    return group?.querySelector('option')?.value ?? key;
  }, districtOrId);
  await page.selectOption('#ruleset-picker', id);
  await page.waitForFunction((want) => window.jixiaoPlayground.app.state.slot === want, id);
  await settle(page);
  return id;
}

export function source(page: Page): Promise<string> {
  return page.evaluate(() => window.jixiaoPlayground.app.state.source);
}

export function markers(page: Page): Promise<Marker[]> {
  return page.evaluate(() => window.jixiaoPlayground.page.editor!.markers());
}

/** Puts the editor's cursor at a text offset and focuses it, so the keyboard types there. */
export async function cursorAt(page: Page, offset: number): Promise<void> {
  await page.evaluate((o) => {
    const ed = window.jixiaoPlayground.page.editor!.editor;
    const pos = ed.getModel().getPositionAt(o);
    ed.setPosition(pos);
    ed.revealLineInCenter(pos.lineNumber);
    ed.focus();
  }, offset);
}

export function cursor(page: Page): Promise<{ lineNumber: number; column: number } | null> {
  return page.evaluate(() => window.jixiaoPlayground.page.editor!.editor.getPosition());
}

/** Replaces the text at [start, end) by typing: Backspace over it, then the keys. */
export async function retype(page: Page, start: number, end: number, text: string): Promise<void> {
  await cursorAt(page, end);
  for (let i = start; i < end; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  await settle(page);
}

/** The selected unit's total and grade as shown, or the error shown instead. */
export async function selectedTotal(page: Page): Promise<{ total: string; grade: string } | { error: string }> {
  await page.waitForSelector('[data-testid=total], [data-testid=unit-error]');
  const error = await page.$('[data-testid=unit-error]');
  if (error) return { error: ((await error.textContent()) ?? '').trim() };
  const total = (await page.textContent('[data-testid=total]')) ?? '';
  const grade = (await page.textContent('[data-testid=grade]')) ?? '';
  return { total: total.trim(), grade: grade.trim() };
}

export function cell(page: Page, row: number, column: string): Locator {
  return page.locator(`tr[data-row="${row}"] td[data-col="${column}"]`);
}

/** Clicks a table cell and types into it (or picks from its 是/否 or enum list), then leaves it. */
export async function editCell(page: Page, row: number, column: string, value: string): Promise<void> {
  const td = cell(page, row, column);
  await td.click();
  const select = td.locator('select');
  if ((await select.count()) > 0) await select.selectOption(value);
  else {
    const input = td.locator('input');
    await input.press('ControlOrMeta+a');
    await input.pressSequentially(value);
  }
  await page.keyboard.press('Enter');
  await settle(page);
}
