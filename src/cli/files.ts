// File access for the CLI: finding .jx files, reading rulesets and data. The only fs user.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .jx file under the given files or folders, in a stable order. */
export function findRulesets(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        const child = join(p, name);
        if (statSync(child).isDirectory() || name.endsWith('.jx')) walk(child);
      }
    } else files.push(p);
  };
  paths.forEach(walk);
  return { files, missing };
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
}

export function readBytes(path: string): Uint8Array {
  return readFileSync(path);
}
