// Every shipped ruleset (rulesets/**/*.jx) and the examples of this suite, as text: the seeds the
// mutation suites start from.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function jxFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.jx')).sort().map((n) => join(dir, n));
}

export interface Source {
  readonly file: string;
  readonly text: string;
}

/** Shipped rulesets first, then the examples here; never empty (the examples are always there). */
export function corpus(): Source[] {
  const files = [...jxFiles(join(ROOT, 'rulesets')), ...jxFiles(join(ROOT, 'test/robustness/examples'))];
  return files.map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, 'utf8') }));
}
