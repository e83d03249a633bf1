// Playground latency in Debian's Chromium: how long a keystroke takes to reach updated results
// (editor text and a data cell), for the shipped rulesets and a generated 1,000-indicator one (there
// also inside a scoring rule, which changes the IR), plus first-load figures. Writes
// bench/results/playground.json; nothing here is asserted.
// Run: npx tsx bench/playground-latency.ts   (JIXIAO_PLAYGROUND_BUILT=1 reuses playground/dist)
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { shareHash } from '../playground/src/storage.js';
import { buildSite, CHROMIUM, hasChromium, launchBrowser, REPO, serveStatic, SITE, type Browser } from '../test/playground/browser.js';
import { openPlayground, pickRuleset, settle } from '../test/playground/page.js';
import { machine } from './lib/machine.js';
import { jixiaoSource } from './workload/source.js';
import { makeSpec } from './workload/spec.js';
import { csvHeader, csvRows, makeUnits } from './workload/units.js';

const KEYS = 40;
const SHIPPED = ['kunming/项目支出', 'shuozhou/项目支出', 'quwo/部门整体'];

export interface Case {
  readonly ruleset: string;
  readonly indicators: number;
  readonly inputs: number;
  readonly units: number;
  readonly edit: 'editor' | 'rule' | 'cell';
  readonly keys: number;
  /** keydown → results rendered in the DOM. */
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** the edit's change event → results rendered (excludes the editor's own key handling). */
  readonly changeMedianMs: number;
  /** of which the check worker (compile, tests, scoring) took this much. */
  readonly workerMedianMs: number;
}

interface Samples {
  readonly keyToShown: number[];
  readonly changeToShown: number[];
  readonly work: number[];
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const round = (v: number): number => Math.round(v * 10) / 10;

/** Presses `KEYS` keys one at a time, each after the previous one's results are shown. */
async function measureKeys(page: Page, press: (i: number) => Promise<void>): Promise<Samples> {
  await page.evaluate(() => {
    const w = window as unknown as { keyTimes?: number[] };
    if (!w.keyTimes) window.addEventListener('keydown', (e) => w.keyTimes!.push(e.timeStamp), true);
    w.keyTimes = [];
  });
  const start = await page.evaluate(() => window.jixiaoPlayground.latencies.length);
  for (let i = 0; i < KEYS; i++) {
    const before = start + i;
    await press(i);
    await page.waitForFunction((n) => window.jixiaoPlayground.latencies.length > n && window.jixiaoPlayground.app.settled, before);
  }
  return page.evaluate((from) => {
    const keys = (window as unknown as { keyTimes: number[] }).keyTimes;
    const samples = window.jixiaoPlayground.latencies.slice(from);
    return {
      keyToShown: samples.map((s, i) => s.shownAt - keys[i]!),
      changeToShown: samples.map((s) => s.shownAt - s.changedAt),
      work: samples.map((s) => s.workMs),
    };
  }, start);
}

async function describeCase(page: Page, ruleset: string, edit: Case['edit'], m: Samples): Promise<Case> {
  const shape = await page.evaluate(() => {
    const r = window.jixiaoPlayground.app.state.result as unknown as { symbols: { kind: string }[] | null; units: unknown[]; inputs: unknown[] };
    return { indicators: (r.symbols ?? []).filter((s) => s.kind === 'indicator').length, inputs: r.inputs.length, units: r.units.length };
  });
  const sorted = [...m.keyToShown].sort((a, b) => a - b);
  const change = [...m.changeToShown].sort((a, b) => a - b);
  const work = [...m.work].sort((a, b) => a - b);
  return { ruleset, ...shape, edit, keys: sorted.length, medianMs: round(quantile(sorted, 0.5)), p95Ms: round(quantile(sorted, 0.95)), maxMs: round(sorted[sorted.length - 1]!), changeMedianMs: round(quantile(change, 0.5)), workerMedianMs: round(quantile(work, 0.5)) };
}

/** Typing inside the title string: every key recompiles, reruns the tests and rescores. */
async function editorCase(page: Page, ruleset: string): Promise<Case> {
  const at = await page.evaluate(() => {
    const text = window.jixiaoPlayground.app.state.source;
    const m = /(?:title|标题)\s+["“]/.exec(text);
    return m ? m.index + m[0].length : 0;
  });
  await page.evaluate((o) => {
    const ed = window.jixiaoPlayground.page.editor!.editor;
    ed.setPosition(ed.getModel().getPositionAt(o));
    ed.focus();
  }, at);
  return describeCase(page, ruleset, 'editor', await measureKeys(page, (i) => page.keyboard.press(String(i % 10))));
}

/**
 * Typing inside a scoring rule's figure (the first `target 90%`, as `target 910%` and back): every
 * key changes the IR, so the evaluator is built again and every unit rescored and explained.
 */
async function ruleCase(page: Page, ruleset: string): Promise<Case> {
  const at = await page.evaluate(() => {
    const text = window.jixiaoPlayground.app.state.source;
    const m = /target 9(?=0%)/.exec(text);
    return m ? m.index + m[0].length : -1;
  });
  if (at < 0) throw new Error(`${ruleset}: no \`target 90%\` to type in`);
  await page.evaluate((o) => {
    const ed = window.jixiaoPlayground.page.editor!.editor;
    ed.setPosition(ed.getModel().getPositionAt(o));
    ed.focus();
  }, at);
  return describeCase(page, ruleset, 'rule', await measureKeys(page, (i) => page.keyboard.press(i % 2 === 0 ? '1' : 'Backspace')));
}

/** Typing into the first text cell of an input column of the first unit. */
async function cellCase(page: Page, ruleset: string): Promise<Case> {
  const td = page.locator('tr[data-row="0"] td.cell:is([data-kind=percent], [data-kind=number], [data-kind=money], [data-kind=count], [data-kind=score])').first();
  await td.click();
  const input = td.locator('input');
  // Alternate a digit and Backspace so the value stays close to the sample's.
  return describeCase(page, ruleset, 'cell', await measureKeys(page, (i) => input.press(i % 2 === 0 ? '1' : 'Backspace')));
}

function generatedLink(baseUrl: string): { url: string; name: string } {
  const spec = makeSpec(4, 10, 25);
  const units = makeUnits(spec, 10);
  const csv = csvHeader(spec) + csvRows(spec, units, 1);
  const [header, ...lines] = csv.trim().split('\n');
  const sheet = { columns: header!.split(','), rows: lines.map((l) => l.split(',')) };
  return { url: baseUrl + shareHash('generated', { source: jixiaoSource(spec), sheet }), name: spec.name };
}

function siteSizes(): { initialKiB: number; editorKiB: number; workerKiB: number } {
  const assets = join(SITE, 'assets');
  const html = readFileSync(join(SITE, 'index.html'), 'utf8');
  const files = readdirSync(assets);
  const kib = (names: string[]): number => Math.round(names.reduce((s, f) => s + statSync(join(assets, f)).size, 0) / 1024);
  const initial = files.filter((f) => html.includes(`assets/${f}`));
  return { initialKiB: kib(initial), editorKiB: kib(files.filter((f) => /^editor/.test(f))), workerKiB: kib(files.filter((f) => /^check\.worker/.test(f))) };
}

async function firstLoad(browser: Browser, url: string): Promise<{ resultsMs: number; editorMs: number }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid=total]');
  const resultsMs = await page.evaluate(() => performance.now());
  await page.waitForSelector('body[data-editor=ready]');
  const editorMs = await page.evaluate(() => performance.now());
  await page.close();
  return { resultsMs: round(resultsMs), editorMs: round(editorMs) };
}

export type PlaygroundResult = { readonly skipped: string } | { readonly cases: readonly Case[]; readonly browser: string; readonly keysPerCase: number; readonly load: Record<string, number>; readonly loadAverage: readonly number[] };

/** The measurements, also written to bench/results/playground.json; `npm run bench` calls this as its section 5. */
export async function measurePlayground(log: (s: string) => void = console.log): Promise<PlaygroundResult> {
  const out = join(REPO, 'bench', 'results', 'playground.json');
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  if (!hasChromium()) {
    const skipped = { skipped: `no ${CHROMIUM}` };
    writeFileSync(out, `${JSON.stringify(skipped, null, 2)}\n`);
    log(`playground latency SKIPPED: ${CHROMIUM} not found`);
    return skipped;
  }
  buildSite();
  const server = await serveStatic(SITE);
  const browser = await launchBrowser();
  const cases: Case[] = [];
  try {
    const load = await firstLoad(browser, server.url);
    for (const id of SHIPPED) {
      const page = await openPlayground(browser.context, server.url);
      await pickRuleset(page, id);
      cases.push(await editorCase(page, id), await cellCase(page, id));
      await page.close();
    }
    const gen = generatedLink(server.url);
    const page = await openPlayground(browser.context, gen.url, 180_000);
    await settle(page);
    cases.push(await editorCase(page, gen.name), await ruleCase(page, gen.name), await cellCase(page, gen.name));
    await page.close();
    const version = browser.context.browser()?.version() ?? 'chromium';
    // Other work on the machine slows every figure; the load average says how busy it was.
    const result = { measuredAt: new Date().toISOString(), machine: machine(), loadAverage: loadavg().map(round), browser: version, keysPerCase: KEYS, goalMs: { shipped: 50, generated1000: 200 }, load: { ...load, ...siteSizes() }, cases };
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    for (const c of cases) log(`${c.ruleset.padEnd(18)} ${c.edit.padEnd(6)} ${String(c.indicators).padStart(5)} indicators  median ${c.medianMs} ms  p95 ${c.p95Ms} ms  max ${c.maxMs} ms  (change→shown ${c.changeMedianMs} ms, worker ${c.workerMedianMs} ms)`);
    log(`first results ${load.resultsMs} ms, editor ready ${load.editorMs} ms; wrote ${out}`);
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

// run directly: `npx tsx bench/playground-latency.ts`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await measurePlayground();
