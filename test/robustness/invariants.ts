// What every compile must give, whatever the text: diagnostics with known codes, spans inside the
// text whose line and column agree with their offset, messages in both languages; and when the
// text compiles, an evaluator that builds and runs the ruleset's own tests without throwing.
import { expect } from 'vitest';
import { CODES, compile, Evaluator, runTests, type CompileResult } from '../../src/index.js';

/** 1-based line and column of every offset, with lines ending at \n, \r\n or a lone \r (as the lexer counts). */
function lineCols(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}

export function expectWellFormed(text: string, r: CompileResult): void {
  const at = lineCols(text);
  for (const d of r.diagnostics) {
    const where = `${d.code} at ${d.span.line}:${d.span.col} (${d.message.en})`;
    expect(Object.hasOwn(CODES, d.code), `unknown code: ${where}`).toBe(true);
    expect(d.severity, where).toBe(CODES[d.code].severity);
    expect(d.message.zh.length > 0 && d.message.en.length > 0, `empty message: ${where}`).toBe(true);
    expect(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= text.length, `span outside the text: ${where}`).toBe(true);
    expect({ line: d.span.line, col: d.span.col }, `line:col disagrees with offset ${d.span.start}: ${where}`).toEqual(at(d.span.start));
  }
  expect(r.ok).toBe(!r.diagnostics.some((d) => d.severity === 'error'));
  if (r.ok) {
    expect(r.program).toBeDefined();
    const evaluator = new Evaluator(r.program!);
    expect(runTests(evaluator)).toHaveLength(r.program!.tests.length);
  }
}

/** Compiles and checks; a throw fails the property with the text that caused it. */
export function compileChecked(text: string): CompileResult {
  const r = compile(text);
  expectWellFormed(text, r);
  return r;
}
