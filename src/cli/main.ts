// The `jixiao` command: argv → command → files read, the public API called, results printed,
// exit code set. The only place that touches process and the file system.
import { parseArgs } from 'node:util';
import { compile, Evaluator, formatDiagnostic, runTests, type Diagnostic } from '../index.js';
import { compileCommand } from './compile.js';
import { evalCommand } from './eval.js';
import { findRulesets, tryReadText } from './files.js';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Where bulk output streams (eval); defaults to process.stdout. */
  readonly stdout?: import('node:stream').Writable;
}

const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

const USAGE = `用法 usage:
  jixiao check FILE|DIR…                检查规则集，输出 FILE:LINE:COL: error|warning CODE 消息
  jixiao test [FILE|DIR…]               运行规则集中的 test 块（默认当前目录）
  jixiao eval RULESET DATA [--format json|csv|table] [-o FILE] [--jobs N]
                                        对 DATA（CSV 或 JSON）中的每个单位评分；RULESET 也可以是 IR 文件（.json）
                                        --jobs：--format csv 时评分用的线程数（默认：8 MB 以上的文件每核一个，至多 4 个）
  jixiao compile RULESET --target esm|ir|schema|sql|table [--dialect postgres|duckdb] [--format md|csv|xlsx] [-o FILE]
                                        编译为独立 ES 模块（-o 时另写 .d.ts）、IR、输入数据的 JSON Schema、SQL 或指标体系表
选项 options:
  --lang zh|en     诊断消息的语言（默认 zh）
  -h, --help       显示帮助
`;

type Lang = 'zh' | 'en';

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        target: { type: 'string' },
        dialect: { type: 'string' },
        lang: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`jixiao: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const lang: Lang = parsed.values.lang === 'en' ? 'en' : 'zh';
  if (parsed.values.help || !command) {
    io.out(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  switch (command) {
    case 'check':
      return checkCommand(rest, lang, io);
    case 'test':
      return testCommand(rest.length ? rest : ['.'], lang, io);
    case 'eval': {
      const [rulesetPath, dataPath] = rest;
      const format = parsed.values.format ?? 'json';
      if (!rulesetPath || !dataPath) {
        io.err(`jixiao eval: 需要规则集和数据文件 (usage: jixiao eval RULESET DATA)\n`);
        return 2;
      }
      if (format !== 'json' && format !== 'csv' && format !== 'table') {
        io.err(`jixiao eval: --format 应为 json、csv 或 table (got "${format}")\n`);
        return 2;
      }
      const output = parsed.values.output;
      const jobs = parsed.values.jobs === undefined ? undefined : Number(parsed.values.jobs);
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) {
        io.err(`jixiao eval: --jobs 应为 1 到 64 的整数 (got "${parsed.values.jobs}")\n`);
        return 2;
      }
      return evalCommand(rulesetPath, dataPath, { format, lang, ...(output ? { output } : {}), ...(jobs ? { jobs } : {}) }, {
        stdout: io.stdout ?? process.stdout,
        err: io.err,
        progress: io === processIo && process.stderr.isTTY === true && !process.env.CI,
      });
    }
    case 'compile': {
      const { target, dialect, format, output } = parsed.values;
      return compileCommand(rest, { lang, target, dialect, format, output }, {
        out: io.out,
        err: io.err,
        ...(io === processIo && !process.stdout.isTTY ? { outBytes: (b: Uint8Array) => process.stdout.write(b) } : {}),
      });
    }
    default:
      io.err(`jixiao: 未知命令 unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

function printDiagnostics(file: string, diagnostics: readonly Diagnostic[], lang: Lang, io: Io): void {
  for (const d of diagnostics) io.err(`${formatDiagnostic(file, d, lang)}\n`);
}

function checkCommand(paths: readonly string[], lang: Lang, io: Io): number {
  if (paths.length === 0) {
    io.err(`jixiao check: 请给出要检查的文件 (no files given)\n`);
    return 2;
  }
  const { files, missing } = findRulesets(paths);
  for (const m of missing) io.err(`${m}: error 文件不存在 (no such file)\n`);
  let errors = missing.length;
  let warnings = 0;
  for (const file of files) {
    const read = tryReadText(file);
    if ('error' in read) {
      io.out(`${file}: error ${read.error}\n`);
      errors++;
      continue;
    }
    const r = compile(read.text);
    for (const d of r.diagnostics) io.out(`${formatDiagnostic(file, d, lang)}\n`);
    errors += r.diagnostics.filter((d) => d.severity === 'error').length;
    warnings += r.diagnostics.filter((d) => d.severity === 'warning').length;
  }
  io.err(`${files.length} 个文件，${errors} 个错误，${warnings} 个警告 (${files.length} files, ${errors} errors, ${warnings} warnings)\n`);
  return errors > 0 ? 1 : 0;
}

function testCommand(paths: readonly string[], lang: Lang, io: Io): number {
  const { files, missing } = findRulesets(paths);
  let passed = 0;
  let failed = missing.length;
  for (const m of missing) io.out(`✗ ${m}: 文件不存在 (no such file)\n`);
  for (const file of files) {
    const read = tryReadText(file);
    if ('error' in read) {
      io.out(`✗ ${file}: ${read.error}\n`);
      failed++;
      continue;
    }
    const r = compile(read.text);
    if (!r.ok || !r.program) {
      io.out(`✗ ${file}: 规则集有错误，测试未运行 (the ruleset has errors; its tests did not run)\n`);
      printDiagnostics(file, r.diagnostics.filter((d) => d.severity === 'error'), lang, io);
      failed += Math.max(1, r.program?.tests.length ?? 0);
      continue;
    }
    const evaluator = new Evaluator(r.program);
    for (const t of runTests(evaluator)) {
      if (t.pass) {
        passed++;
        io.out(`✓ ${file}: ${t.name}\n`);
        continue;
      }
      failed++;
      io.out(`✗ ${file}:${t.line}: ${t.name}\n`);
      for (const e of t.expects.filter((x) => !x.pass)) io.out(`    ${file}:${e.line}:${e.col}: ${e.text} — 实际 ${e.actual}\n`);
    }
  }
  io.out(`${passed} passed, ${failed} failed\n`);
  return failed > 0 || passed + failed === 0 ? 1 : 0;
}
