// Shared by the language-core tests: compile a ruleset, pick diagnostics, locate source text.
import { expect } from 'vitest';
import { compile, Evaluator, type Diagnostic, type DiagnosticCode } from '../../src/index.js';

/** Every diagnostic of a source text, sorted by position. */
export function diagnosticsOf(src: string): Diagnostic[] {
  return compile(src).diagnostics;
}

/** The codes of every diagnostic, in source order. */
export function codesOf(src: string): string[] {
  return diagnosticsOf(src).map((d) => d.code);
}

/** The 1-based line and column where `needle` starts in `src` (its `nth` occurrence, from 0). */
export function pos(src: string, needle: string, nth = 0): { line: number; col: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = src.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} (occurrence ${nth}) is not in the source`);
  }
  const before = src.slice(0, at).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** The diagnostics of one code. */
export function withCode(src: string, code: DiagnosticCode): Diagnostic[] {
  return diagnosticsOf(src).filter((d) => d.code === code);
}

/**
 * Asserts that `src` yields exactly one diagnostic with `code`, at the given line and column
 * (or at the start of `at` in the source), and returns it for message checks.
 */
export function single(src: string, code: DiagnosticCode, where: { line: number; col: number } | string): Diagnostic {
  const found = withCode(src, code);
  expect(found.map((d) => `${d.span.line}:${d.span.col} ${d.message.en}`), `diagnostics ${code}`).toHaveLength(1);
  const d = found[0]!;
  const want = typeof where === 'string' ? pos(src, where) : where;
  expect({ line: d.span.line, col: d.span.col }).toEqual(want);
  return d;
}

/** A line per diagnostic, as the CLI prints them (without the file). */
export function lines(src: string): string[] {
  return diagnosticsOf(src).map((d) => `${d.span.line}:${d.span.col} ${d.severity} ${d.code}`);
}

/** Compiles a ruleset that must be free of errors (warnings allowed) into an evaluator. */
export function evaluatorOf(src: string): Evaluator {
  const r = compile(src);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !r.program) {
    throw new Error(`ruleset has errors:\n${errors.map((d) => `${d.span.line}:${d.span.col} ${d.code} ${d.message.en}`).join('\n')}`);
  }
  return new Evaluator(r.program);
}

/** The grades added to a ruleset with indicators that gives none. */
export const DEFAULT_GRADES = 'grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }';

/**
 * A ruleset named 示例 around the given members, one per line, starting on line 2. A ruleset
 * with indicators but no grades gets DEFAULT_GRADES as its last member, so that only the
 * diagnostic under test is reported; `bare` adds nothing.
 */
export function ruleset(...members: string[]): string {
  const graded = members.some((m) => /^\s*(grades|等级)\s*[{｛]/.test(m)) || !members.some((m) => /^\s*(indicator|指标)\s/.test(m));
  return bare(...members, ...(graded ? [] : [DEFAULT_GRADES]));
}

export function bare(...members: string[]): string {
  return `ruleset 示例 {\n${members.map((m) => `  ${m}`).join('\n')}\n}\n`;
}
