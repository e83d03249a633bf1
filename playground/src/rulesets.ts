// The shipped rulesets, read straight from rulesets/<district>/ at build time, with their sample
// data: the CSV of the same name, else the folder's only or `sample` CSV. A small built-in example
// is always there too.
import exampleCsv from './examples/example.csv?raw';
import exampleJx from './examples/example.jx?raw';

export interface Shipped {
  /** Stable key: `<folder>/<file name without .jx>`, or `example`. */
  readonly id: string;
  readonly label: string;
  readonly source: string;
  readonly csv: string;
}

const files = import.meta.glob<string>('../../rulesets/**/*.{jx,csv}', { query: '?raw', import: 'default', eager: true });

function districtOf(source: string): string | null {
  const m = /(?:district|地区)\s+["“]?([^"”\s]+)/.exec(source);
  return m ? m[1]! : null;
}

function sampleFor(folder: string, base: string): string {
  const csvs = Object.keys(files).filter((p) => p.startsWith(`${folder}/`) && p.endsWith('.csv') && !p.slice(folder.length + 1).includes('/'));
  const same = csvs.find((p) => p === `${folder}/${base}.csv`);
  const sample = csvs.find((p) => /\/sample[^/]*\.csv$/.test(p));
  const chosen = same ?? sample ?? (csvs.length === 1 ? csvs[0] : undefined);
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
    out.push({ id: `${folder}/${base}`, label: `${district} · ${base}`, source, csv: sampleFor(`../../rulesets/${folder}`, base) });
  }
  return out;
}

export const SHIPPED: readonly Shipped[] = [
  ...shippedFromFolders(),
  { id: 'example', label: '示例 · 部门整体', source: exampleJx, csv: exampleCsv },
];

export function shippedById(id: string): Shipped | undefined {
  return SHIPPED.find((s) => s.id === id);
}
