// Every diagnostic code the checker can give (all but the per-unit eval-* and data-* codes),
// each from a minimal ruleset that gives that code and nothing else unrelated.
import { describe, expect, it } from 'vitest';
import { CODES, compile, type DiagnosticCode } from '../../src/index.js';
import { MAX_INDICATORS, MAX_SOURCE_BYTES } from '../../src/limits.js';
import { ruleset } from '../helpers/jx.js';

/** `codes`: every code the source gives, in order (default: just the one under test); 'some' when only its presence matters. */
type Case = { src: string; at: [number, number]; codes?: DiagnosticCode[] | 'some' };

const ONE_INDICATOR = 'indicator i weight 100 { score full }';

const CASES: Partial<Record<DiagnosticCode, Case>> = {
  'syntax-invalid-character': { src: ruleset('total 100 @'), at: [2, 13] },
  'syntax-unexpected-token': { src: ruleset('input a percent'), at: [2, 11] },
  'name-unknown': { src: ruleset('input 满意度: percent', 'let x = 满意 >= 90%'), at: [3, 11] },
  'name-duplicate': { src: ruleset('input a: percent', 'let a = 1'), at: [3, 7] },
  'name-cycle': { src: ruleset('let x = x + 1'), at: [2, 11] },
  'name-not-function': { src: ruleset('let x = foo(1)'), at: [2, 11] },
  'call-arity': { src: ruleset('let x = abs(1, 2)'), at: [2, 11] },
  'header-duplicate': { src: ruleset('round 2', 'round 1'), at: [3, 3] },
  'header-invalid': { src: ruleset('round 7'), at: [2, 3] },
  'type-mismatch': { src: ruleset('input b: bool', 'let x = b + 1'), at: [3, 11] },
  'unit-mismatch': { src: ruleset('input m: money(元)', 'input a: percent', 'let x = m + a'), at: [4, 11] },
  'type-percent-vs-number': { src: ruleset('input a: percent', 'let x = a >= 90'), at: [3, 16] },
  'weight-sum-mismatch': { src: ruleset('indicator i weight 90 { score full }'), at: [2, 13] },
  'weight-invalid': {
    src: ruleset('indicator i weight 100 { indicator j weight 0 { score full } indicator k weight 100 { score full } }'),
    at: [2, 47],
  },
  'indicator-no-score': { src: ruleset('indicator i weight 100 { }'), at: [2, 13] },
  'indicator-score-and-children': { src: ruleset('indicator i weight 100 { score full; indicator j weight 100 { score full } }'), at: [2, 28] },
  'indicator-duplicate-clause': { src: ruleset('indicator i weight 100 { score full; score 0 }'), at: [2, 40] },
  'score-out-of-range': { src: ruleset('input s: score', 'indicator i weight 100 { score s * 2 }'), at: [3, 28] },
  'manual-not-score': { src: ruleset('input a: percent', 'indicator i weight 100 { score manual a }'), at: [3, 41] },
  'band-unreachable': {
    src: ruleset('input a: percent', 'indicator i weight 100 { score bands a { >= 80%: full; >= 90%: 50%; else: 0 } }'),
    at: [3, 58],
  },
  'band-gap': { src: ruleset('input a: percent', 'indicator i weight 100 { score bands a { >= 90%: full } }'), at: [3, 40] },
  'band-else-not-last': { src: ruleset('input a: percent', 'indicator i weight 100 { score bands a { else: 0; >= 90%: full } }'), at: [3, 53] },
  'band-award-range': {
    src: ruleset('input a: percent', 'indicator i weight 100 { score bands a { >= 90%: full; else: -5 } }'),
    at: [3, 64],
    codes: ['score-out-of-range', 'band-award-range'],
  },
  'grade-order': { src: ruleset('grades { 优 >= 80; 良 >= 90; 差 otherwise }'), at: [2, 21] },
  'grade-no-otherwise': { src: ruleset('grades { 优 >= 90 }'), at: [2, 3] },
  'grade-unknown': { src: ruleset('grades { 优 >= 90; 差 otherwise }', 'outcomes { 良: "维持" }'), at: [3, 14] },
  'grade-duplicate': { src: ruleset('grades { 优 >= 90; 优 >= 80; 差 otherwise }'), at: [2, 21] },
  'grade-threshold-range': { src: ruleset('grades { 优 >= 120; 差 otherwise }'), at: [2, 12] },
  'test-bad-value': { src: ruleset('input a: percent', 'test "t" { given { a: true } }'), at: [3, 25] },
  'test-bad-expect': { src: ruleset('input a: percent', 'test "t" { given { a: 1 } expect total == 优 }'), at: [3, 29] },
  'placeholder-empty': { src: ruleset('indicator i weight 80 { score full }', 'indicator p weight 20 placeholder { }'), at: [3, 13] },
  'ratio-formula-missing': { src: ruleset('input a: percent', 'indicator i weight 100 { score ratio down a target 90% }'), at: [3, 28] },
  'condition-never-true': { src: ruleset('input n: count', ONE_INDICATOR, 'alert 红灯 "无" when n < 0'), at: [4, 21] },
  'cap-never-binds': { src: ruleset('input b: bool', ONE_INDICATOR, 'cap 100 when b'), at: [4, 7] },
  // limits: past one, a diagnostic instead of a crash or a hang
  // lines of 904 bytes (a Chinese character is three), one line more than the limit holds
  'limit-file-size': { src: ruleset(...Array.from({ length: Math.ceil(MAX_SOURCE_BYTES / 904) + 1 }, () => `// ${'说明'.repeat(150)}`)), at: [1, 1] },
  'limit-line-length': { src: ruleset(`// ${'x'.repeat(1000)}`), at: [2, 1001] },
  'limit-nesting': { src: ruleset(`let x = ${'('.repeat(51)}1${')'.repeat(51)}`), at: [2, 60] }, // the ruleset's { is the first level
  'limit-syntax-errors': { src: ruleset(...Array.from({ length: 25 }, (_, i) => `input a${i} percent`)), at: [21, 13], codes: 'some' },
  'limit-indicators': {
    // the limit is counted before checking, so bodiless indicators keep this cheap
    src: ruleset(...Array.from({ length: MAX_INDICATORS + 1 }, (_, i) => `indicator i${i} weight 1 {}`)),
    at: [1, 9],
  },
};

/** Codes in the catalogue that no ruleset can produce today (see the report of this suite). */
const NOT_EMITTED: readonly string[] = ['syntax-bad-number', 'grade-missing'];

describe('every checker code', () => {
  const all = (Object.keys(CODES) as DiagnosticCode[]).filter((c) => !c.startsWith('eval-') && !c.startsWith('data-'));

  it('has a case here, or is listed as not emitted', () => {
    const missing = all.filter((c) => !(c in CASES) && !NOT_EMITTED.includes(c));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(CASES) as [DiagnosticCode, Case][])('%s', (code, c) => {
    const r = compile(c.src);
    const codes = r.diagnostics.map((d) => d.code);
    if (c.codes === 'some') expect(codes).toContain(code);
    else expect(codes).toEqual(c.codes ?? [code]);
    const d = r.diagnostics.find((x) => x.code === code)!;
    expect([d.span.line, d.span.col]).toEqual(c.at);
    expect(d.severity).toBe(CODES[code].severity);
    expect(d.message.zh.length).toBeGreaterThan(0);
    expect(d.message.en.length).toBeGreaterThan(0);
    expect(r.ok).toBe(codes.every((x) => CODES[x].severity === 'warning'));
  });
});
