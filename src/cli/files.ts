// File access for the CLI: finding .jx files, reading rulesets and data. The only fs user.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../index.js';

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

/** A ruleset's text: UTF-8, or GBK as Windows editors in Chinese save it (decided as for data files). */
export function readText(path: string): string {
  return decodeBytes(readFileSync(path)).text.replace(/^\uFEFF/, '');
}

/** The text, or the reason it cannot be read, as one line for the user. */
export function tryReadText(path: string): { text: string } | { error: string } {
  try {
    return { text: readText(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'EISDIR' ? '是目录，不是文件 (a directory, not a file)' : `无法读取 (cannot read): ${(e as Error).message}` };
  }
}

export function readBytes(path: string): Uint8Array {
  return readFileSync(path);
}
