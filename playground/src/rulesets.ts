// The shipped rulesets, read straight from rulesets/<district>/ at build time, with their sample
// data: the CSV of the same name, else the folder's only or `sample` CSV. A small built-in example
// is always there too.
import exampleCsv from './examples/example.csv?raw';
import exampleJx from './examples/example.jx?raw';

export interface Shipped {
  /** Stable key: `<folder>/<file name without .jx>`, or `example`. */
  readonly id: string;
  readonly label: string;
  /** For grouping the picker by district. */
  readonly district: string;
  readonly source: string;
  readonly csv: string;
}

const files = import.meta.glob<string>('../../rulesets/**/*.{jx,csv}', { query: '?raw', import: 'default', eager: true });

function districtOf(source: string): string | null {
  const m = /^\s*(?:district|地区)\s+["“]?([^"”\s]+)/m.exec(source);
  return m ? m[1]! : null;
}

/** Input names declared in a ruleset's text, to match a CSV by its header. */
function inputNames(source: string): Set<string> {
  return new Set([...source.matchAll(/(?:^|\s)(?:input|输入)\s+([^\s:：]+)\s*[:：]/gm)].map((m) => m[1]!));
}

function headerMatches(csv: string, inputs: Set<string>): number {
  const header = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return header.split(',').filter((c) => inputs.has(c.trim().replace(/^"|"$/g, ''))).length;
}

/** The CSV of the same name, else a `sample` CSV, else the CSV whose header names most inputs. */
function sampleFor(folder: string, base: string, source: string): string {
  const csvs = Object.keys(files).filter((p) => p.startsWith(`${folder}/`) && p.endsWith('.csv') && !p.slice(folder.length + 1).includes('/'));
  const same = csvs.find((p) => p === `${folder}/${base}.csv`);
  const sample = csvs.find((p) => /\/sample[^/]*\.csv$/.test(p));
  const inputs = inputNames(source);
  const best = csvs
    .map((p) => ({ p, n: headerMatches(files[p]!, inputs) }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n)[0]?.p;
  const chosen = same ?? sample ?? best;
  return chosen ? files[chosen]! : '';
}

function shippedFromFolders(): Shipped[] {
  const out: Shipped[] = [];
  for (const path of Object.keys(files).sort()) {
    const m = /^\.\.\/\.\.\/rulesets\/(.+)\/([^/]+)\.jx$/.exec(path);
    if (!m) continue;
    const [, folder, base] = m as unknown as [string, string, string];
    const source = files[path]!;
    const district = districtOf(source) ?? folder;
    out.push({ id: `${folder}/${base}`, label: `${district} · ${base}`, source, csv: sampleFor(`../../rulesets/${folder}`, base, source), district });
  }
  return out;
}

export const SHIPPED: readonly Shipped[] = [
  ...shippedFromFolders(),
  { id: 'example', label: '示例 · 部门整体', district: '示例', source: exampleJx, csv: exampleCsv },
];

export function shippedById(id: string): Shipped | undefined {
  return SHIPPED.find((s) => s.id === id);
}
