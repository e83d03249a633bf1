// `jixiao compile RULESET --target …`: a ruleset (source, or an IR document) written out as a
// standalone ES module, IR JSON, the JSON Schema of its input data, SQL, or the indicator table.
// Also the ruleset loader `eval` shares, so both accept IR documents.
import { writeFileSync } from 'node:fs';
import {
  compile,
  emitEsm,
  emitInputSchema,
  emitIr,
  emitSql,
  emitTable,
  emitTableXlsx,
  formatDiagnostic,
  looksLikeIr,
  readIr,
  SqlEmitError,
  UnsupportedIrError,
  type IrProgram,
} from '../index.js';
import { readText } from './files.js';

export type Lang = 'zh' | 'en';

export interface CompileOptions {
  readonly target?: string;
  readonly dialect?: string;
  readonly format?: string;
  readonly output?: string;
  readonly lang: Lang;
}

export interface CompileIo {
  out(s: string): void;
  err(s: string): void;
  /** Bytes to standard output (the XLSX table); refused on a terminal. */
  outBytes?(b: Uint8Array): void;
}

const TARGETS = ['esm', 'ir', 'schema', 'sql', 'table'];

/** An IR document is JSON whose top level has "version" and "indicators"; anything else is source. */
export function loadRuleset(path: string, lang: Lang, err: (s: string) => void): IrProgram | undefined {
  let text: string;
  try {
    text = readText(path);
  } catch (e) {
    err(`${path}: error ${(e as Error).message}\n`);
    return undefined;
  }
  if (/\.json$/i.test(path) || /^\s*\{/.test(text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      if (/\.json$/i.test(path)) {
        err(`${path}: error ir-invalid ${lang === 'zh' ? 'IR 文件不是有效的 JSON' : 'the IR file is not valid JSON'}（${(e as Error).message}）\n`);
        return undefined;
      }
    }
    if (json !== undefined && looksLikeIr(json)) {
      const { program, problems } = readIr(json);
      for (const p of problems) err(`${path}: error ir-invalid ${p[lang]}\n`);
      return program;
    }
    if (json !== undefined) {
      err(`${path}: error ir-invalid ${lang === 'zh' ? 'JSON 文件的顶层应有 "version" 和 "indicators"（jixiao compile --target ir 的输出）' : 'the top level of the JSON needs "version" and "indicators" (the output of jixiao compile --target ir)'}\n`);
      return undefined;
    }
  }
  const r = compile(text);
  for (const d of r.diagnostics.filter((x) => x.severity === 'error')) err(`${formatDiagnostic(path, d, lang)}\n`);
  return r.ok ? r.program : undefined;
}

/** `out.js` → `out.d.ts`, `out.mjs` → `out.d.mts`: where TypeScript looks for a module's types. */
export function declarationPath(jsPath: string): string {
  const m = /\.(m?)js$/i.exec(jsPath);
  return m ? `${jsPath.slice(0, -m[0].length)}.d.${m[1] ? 'mts' : 'ts'}` : `${jsPath}.d.ts`;
}

function usageError(io: CompileIo, zh: string, en: string): number {
  io.err(`jixiao compile: ${zh} (${en})\n`);
  return 2;
}

export async function compileCommand(args: readonly string[], o: CompileOptions, io: CompileIo): Promise<number> {
  const [path] = args;
  if (!path || args.length > 1) return usageError(io, '需要一个规则集文件', 'usage: jixiao compile RULESET --target esm|ir|schema|sql|table');
  const target = o.target;
  if (!target || !TARGETS.includes(target)) return usageError(io, `--target 应为 ${TARGETS.join('、')}`, `--target must be one of ${TARGETS.join(', ')}${target ? `, got "${target}"` : ''}`);
  const dialect = o.dialect ?? 'postgres';
  if (dialect !== 'postgres' && dialect !== 'duckdb') return usageError(io, '--dialect 应为 postgres 或 duckdb', `--dialect must be postgres or duckdb, got "${dialect}"`);
  const format = o.format ?? 'md';
  if (target === 'table' && format !== 'md' && format !== 'csv' && format !== 'xlsx') return usageError(io, '--format 应为 md、csv 或 xlsx', `--format must be md, csv or xlsx, got "${format}"`);
  if (target === 'table' && format === 'xlsx' && !o.output && !io.outBytes) return usageError(io, 'XLSX 是二进制文件，请用 -o 指定输出文件', 'XLSX is binary: give an output file with -o');

  const program = loadRuleset(path, o.lang, io.err);
  if (!program) return 1;
  const write = (text: string | Uint8Array): void => {
    if (o.output) writeFileSync(o.output, text);
    else if (typeof text === 'string') io.out(text);
    else io.outBytes!(text);
  };
  try {
    switch (target) {
      case 'esm': {
        const m = emitEsm(program);
        write(m.js);
        if (o.output) writeFileSync(declarationPath(o.output), m.dts);
        break;
      }
      case 'ir':
        write(emitIr(program));
        break;
      case 'schema':
        write(`${JSON.stringify(emitInputSchema(program), null, 2)}\n`);
        break;
      case 'sql':
        write(emitSql(program, { dialect }));
        break;
      case 'table':
        write(format === 'xlsx' ? await emitTableXlsx(program) : emitTable(program, format as 'md' | 'csv'));
        break;
    }
  } catch (e) {
    if (e instanceof UnsupportedIrError) io.err(`${path}: error target-unsupported ${e.message}\n`);
    else if (e instanceof SqlEmitError) io.err(`${path}: error sql-unrepresentable ${e.message}\n`);
    else throw e;
    return 1;
  }
  return 0;
}
