// Every limit of src/limits.ts, at its edge and far past it: just inside compiles as usual, just
// outside gives the limit's own diagnostic at the right place, never a stack overflow or a hang.
import { describe, expect, it } from 'vitest';
import { compile, Evaluator, type CompileResult } from '../../src/index.js';
import * as L from '../../src/limits.js';
import { expectWellFormed } from './invariants.js';

/** A minimal valid ruleset around `score …` of one indicator. */
function scoring(inputs: string, score: string): string {
  return `ruleset 限制 {\n${inputs}\nindicator 指标 weight 100 {\nscore ${score}\n}\ngrades { 合格 >= 60; 不合格 otherwise }\n}\n`;
}

function codes(r: CompileResult): string[] {
  return r.diagnostics.map((d) => d.code);
}

function limitAt(text: string, code: string): { line: number; col: number; en: string } {
  const r = compile(text);
  expectWellFormed(text, r);
  expect(r.ok).toBe(false);
  const d = r.diagnostics.find((x) => x.code === code);
  expect(d, `no ${code} among ${codes(r).join(', ')}`).toBeDefined();
  return { line: d!.span.line, col: d!.span.col, en: d!.message.en };
}

describe('file size', () => {
  /** A valid ruleset padded with comment lines to exactly `bytes` bytes of UTF-8. */
  const padded = (bytes: number): string => {
    const head = scoring('input x: number', 'x >= 1 ? full : 0');
    // a Chinese character is three bytes in UTF-8: the limit is on bytes, not characters
    const line = `// ${'注'.repeat(300)}\n`;
    const room = bytes - Buffer.byteLength(head);
    const lines = Math.floor(room / Buffer.byteLength(line));
    return head + line.repeat(lines) + ' '.repeat(room - lines * Buffer.byteLength(line));
  };

  it('reads a file of exactly the limit', () => {
    const text = padded(L.MAX_SOURCE_BYTES);
    expect(Buffer.byteLength(text)).toBe(L.MAX_SOURCE_BYTES);
    expect(codes(compile(text))).toEqual([]);
  });

  it('refuses a file one byte over, and a 16 MB file, at 1:1', () => {
    const over = padded(L.MAX_SOURCE_BYTES) + ' ';
    expect(Buffer.byteLength(over)).toBe(L.MAX_SOURCE_BYTES + 1);
    expect(limitAt(over, 'limit-file-size')).toMatchObject({ line: 1, col: 1 });
    const big = 'ruleset 大 {\n' + '// 16 MB\n'.repeat((16 * 1024 * 1024) / 10) + '}';
    const refused = limitAt(big, 'limit-file-size');
    expect(refused).toMatchObject({ line: 1, col: 1 });
    expect(refused.en).toBe('the ruleset is larger than the limit of 4 MB; it was not read');
  });
});

describe('line length', () => {
  it(`takes a line of ${L.MAX_LINE_LENGTH} characters and refuses one of ${L.MAX_LINE_LENGTH + 1} at its line`, () => {
    const line = (n: number): string => `  note "${'长'.repeat(n - 9)}"`;
    const ok = scoring('input x: number', `x >= 1 ? full : 0\n${line(L.MAX_LINE_LENGTH)}`);
    expect(codes(compile(ok))).toEqual([]);
    const bad = scoring('input x: number', `x >= 1 ? full : 0\n${line(L.MAX_LINE_LENGTH + 1)}`);
    expect(limitAt(bad, 'limit-line-length')).toEqual({ line: 5, col: L.MAX_LINE_LENGTH + 1, en: `line 5 has ${L.MAX_LINE_LENGTH + 1} characters, more than the limit of ${L.MAX_LINE_LENGTH}; break it` });
  });
});

describe('nesting', () => {
  const parens = (n: number): string => scoring('input x: number', `${'(\n'.repeat(n)}x${'\n)'.repeat(n)} >= 1 ? full : 0`);

  it('takes brackets as deep as the limit', () => {
    // ruleset { indicator { and the parentheses
    expect(codes(compile(parens(L.MAX_NESTING_DEPTH - 2)))).toEqual([]);
  });

  it('refuses the first bracket past the limit, and 1,000 of them, with limit-nesting where it is', () => {
    expect(limitAt(parens(L.MAX_NESTING_DEPTH - 1), 'limit-nesting')).toMatchObject({ line: 4 + L.MAX_NESTING_DEPTH - 2, col: 1 });
    expect(limitAt(parens(1000), 'limit-nesting').en).toBe(`brackets nested more than ${L.MAX_NESTING_DEPTH} deep, the limit; not analysed`);
    const deepIndicators = `ruleset 深 {\n${'indicator a weight 100 {\n'.repeat(1000)}score full\n${'}\n'.repeat(1000)}}`;
    // the ruleset's brace is the first level, each line adds one
    expect(limitAt(deepIndicators, 'limit-nesting')).toMatchObject({ line: L.MAX_NESTING_DEPTH + 1, col: 24 });
    expect(limitAt(`ruleset 深 {\n${'[\n'.repeat(1000)}}`, 'limit-nesting').line).toBe(L.MAX_NESTING_DEPTH + 1);
  });

  it('refuses long runs of not, minus and ?: (no brackets) with limit-nesting, not a stack overflow', () => {
    for (const n of [300, 10_000]) {
      expect(limitAt(scoring('input b: bool', `${'not\n'.repeat(n)}b ? full : 0`), 'limit-nesting').en).toContain('nested more than');
      expect(limitAt(scoring('input x: number', `${'-\n'.repeat(n)}x >= 1 ? full : 0`), 'limit-nesting').en).toContain('nested more than');
      expect(limitAt(scoring('input b: bool', `${'b ? 1 :\n'.repeat(n)}0`), 'limit-nesting').en).toContain('nested more than');
    }
  });

  it(`takes a sum of ${L.MAX_EXPRESSION_DEPTH - 10} terms and refuses one of 10,000`, () => {
    const sum = (n: number): string => scoring('input x: number', `${'x +\n'.repeat(n)}0 >= 1 ? full : 0`);
    expect(codes(compile(sum(L.MAX_EXPRESSION_DEPTH - 10)))).toEqual([]);
    expect(limitAt(sum(10_000), 'limit-nesting').en).toContain(`nested more than ${L.MAX_EXPRESSION_DEPTH} deep`);
  });

  it('refuses a chain of 2,000 lets each naming the next, at the let where the chain gets too deep', () => {
    const lets = Array.from({ length: 2000 }, (_, k) => `let l${k + 1} = l${k} + 1`).reverse().join('\n');
    const text = scoring(`input x: number\n${lets}\nlet l0 = x`, 'l2000 >= 0 ? full : 0');
    expect(limitAt(text, 'limit-nesting').en).toContain('lets referring to lets');
  });

  it('compiles and scores a chain of 60 lets each used twice by the next, once each', () => {
    const lets = Array.from({ length: 60 }, (_, k) => `let l${k + 1} = l${k} + l${k}`).join('\n');
    const r = compile(scoring(`input x: number\nlet l0 = x`.concat('\n', lets), 'l60 >= 1 ? full : 0'));
    expect(codes(r)).toEqual([]);
    const ev = new Evaluator(r.program!);
    expect(ev.evaluate({ x: 1 }).total).toBe(100);
    expect(ev.evaluate({ x: 0 }).total).toBe(0);
  });

  it('parses normally right after a parse that overflowed the stack', () => {
    compile(scoring('input b: bool', `${'not\n'.repeat(10_000)}b ? full : 0`));
    const r = compile(scoring('input x: number', 'x >= 1 ? full : 0'));
    expect(codes(r)).toEqual([]);
    expect(new Evaluator(r.program!).evaluate({ x: 2 }).total).toBe(100);
  });
});

describe('syntax errors', () => {
  it(`reports the first ${L.MAX_SYNTAX_ERRORS} syntax errors, then stops with limit-syntax-errors`, () => {
    const text = `ruleset 错 {\n${'input : number\n'.repeat(40)}}`;
    const r = compile(text);
    expectWellFormed(text, r);
    expect(codes(r).filter((c) => c === 'syntax-unexpected-token')).toHaveLength(L.MAX_SYNTAX_ERRORS);
    expect(codes(r).at(-1)).toBe('limit-syntax-errors');
    expect(r.diagnostics.at(-1)!.span.line).toBe(L.MAX_SYNTAX_ERRORS + 1);
  });

  it(`reports the first ${L.MAX_SYNTAX_ERRORS} bad characters of a binary file, then stops`, () => {
    const binary = '\u0001@#~\u0002\n'.repeat(3000);
    const r = compile(binary);
    expectWellFormed(binary, r);
    expect(codes(r)).toEqual([...Array(L.MAX_SYNTAX_ERRORS).fill('syntax-invalid-character'), 'limit-syntax-errors']);
  });

  it('stops on inputs whose error recovery rescans the rest of the file per error', () => {
    const given = `ruleset 错 { test "t" { given {\n${'a:\n'.repeat(5000)}} } }`;
    expect(codes(compile(given)).at(-1)).toBe('limit-syntax-errors');
    const open = `ruleset 错 {\n${'indicator x weight 1\n'.repeat(2000)}}`;
    expect(codes(compile(open)).at(-1)).toBe('limit-syntax-errors');
  });

  it('reports an unclosed block comment where it opens, and reads everything after it as comment', () => {
    const text = `ruleset 注释 {\n  total 100 /* 这里开始\n${' /*\n'.repeat(20_000)}`;
    const r = compile(text);
    expectWellFormed(text, r);
    const d = r.diagnostics.find((x) => x.message.en.includes('never closed'))!;
    expect([d.span.line, d.span.col, d.code]).toEqual([2, 13, 'syntax-invalid-character']);
    // and the ruleset, cut short there, lacks its closing brace
    expect(codes(r)).toEqual(['syntax-unexpected-token', 'syntax-invalid-character']);
  });
});

describe('indicators', () => {
  it(`refuses a ruleset of ${L.MAX_INDICATORS + 1} indicators at its name`, () => {
    // the limit is counted before checking, so bodiless indicators keep this cheap
    const text = `ruleset 多 {\n${'indicator x weight 1 {}\n'.repeat(L.MAX_INDICATORS + 1)}}`;
    expect(limitAt(text, 'limit-indicators')).toEqual({ line: 1, col: 9, en: `the ruleset has ${L.MAX_INDICATORS + 1} indicators, more than the limit of ${L.MAX_INDICATORS}` });
  });
});
