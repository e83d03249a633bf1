// Hostile rulesets and data: names such as __proto__ and constructor, strings with quotes,
// backslashes, `${`, comment closers, </script> and U+2028/U+2029. None of it may break the
// compiled evaluator or reach its code as code, and no data object can pollute a prototype.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { compile, dataInputs, emitScorer, Evaluator, evaluateTable, readData, runTests } from '../../src/index.js';
import { runs, timeout } from './settings.js';

const HOSTILE = readFileSync(new URL('examples/敌意名称.jx', import.meta.url), 'utf8');
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

/** Everything a payload could have set if it ran. */
function untouched(): void {
  expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  expect((globalThis as Record<string, unknown>).x).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTOTYPE);
}
const OBJECT_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();

afterEach(untouched);

/** A string in the language's double-quoted form: only `"` and `\` need a backslash. */
function quoted(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

describe('the hostile example', () => {
  const r = compile(HOSTILE);

  it('compiles, and its tests pass with results keyed by the hostile names', () => {
    expect(r.diagnostics).toEqual([]);
    const outcomes = runTests(new Evaluator(r.program!));
    expect(outcomes.map((t) => [t.name, t.pass])).toEqual([
      ['__proto__ " ${x} */', true],
      ['constructor', true],
    ]);
    const res = outcomes[0]!.result;
    expect(Object.keys(res.indicators)).toEqual(['__proto__', '__proto__/constructor', '__proto__/toString', 'hasOwnProperty', 'valueOf']);
    expect(res.indicators['__proto__']!.points).toBe(45);
    expect(res.grade).toBe('__proto__');
  });

  it('keeps every string out of the generated code, and every name inside a string literal', () => {
    for (const explain of [false, true]) {
      const code = emitScorer(r.program!, { explain });
      expect(code).not.toMatch(/[\u2028\u2029]/);
      for (const text of ['globalThis', 'process.exit', 'alert(1)', '</script>', '反引号']) expect(code).not.toContain(text);
      // names only as JSON string keys: u["__proto__"], never as a bare property or identifier
      const bare = code.replace(/\/\/[^\n]*/g, '');
      for (const name of PROTO_KEYS) expect(bare.replaceAll(JSON.stringify(name), '""')).not.toMatch(new RegExp(`[.\\s(\\[]${name}\\b`));
    }
    expect(emitScorer(r.program!, { explain: true, html: true })).not.toMatch(/<\/|<!--/);
  });

  it('gives back the outcome texts and alert messages exactly as written', () => {
    const ev = new Evaluator(r.program!);
    const res = ev.evaluate({ __proto__: 0.6, constructor: 0, toString: 4, hasOwnProperty: false, prototype: '__defineGetter__' } as never);
    // in an object literal `__proto__:` sets the prototype, not a value: a missing value, never a figure from Object.prototype
    expect([res.total, res.error?.code, res.error?.field]).toEqual([null, 'eval-bad-input', '__proto__']);
    const data = JSON.parse('{"__proto__": 0.6, "constructor": 0, "toString": 4, "hasOwnProperty": false, "prototype": "__defineGetter__"}');
    const ok = ev.evaluate(data);
    expect(ok.total).toBe(21.88);
    expect(ok.outcome).toEqual({ text: '${process.exit(1)}', adjust: null });
    expect(ok.alerts).toEqual([{ name: '__proto__', message: '*/ alert(1) /* \\u2028 ' }]);
    expect(r.program!.title).toBe('标题 " 引号 \\ 反斜杠 ${globalThis.x = 1} */ </script> 行 分隔');
  });
});

describe('random hostile strings', () => {
  const piece = fc.constantFrom('"', '\\', '${', '}', '`', '*/', '/*', '//', '</script>', '<!--', '\u2028', '\u2029', '\u0000', "'", '\t', '${globalThis.pwned = 1}', '"); globalThis.pwned = 1; ("', '__proto__', '中文');
  const hostile = fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 8 }).map((ps) => ps.join('').replace(/[\r\n]/g, ' '));

  it('pass through title, notes, messages, outcomes and test names unchanged, and never run', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 6, maxLength: 6 }), ([title, note, message, outcome, testName, member]) => {
        const src = [
          `ruleset 敌意 {`,
          `  title ${quoted(title!)}`,
          `  input 值: percent`,
          `  input 类: enum(甲, 乙)`,
          `  indicator 指标 weight 100 {`,
          `    score bands 值 { >= 90%: full; >= 60%: 60%; else: 0 }`,
          `    note ${quoted(note!)}`,
          `  }`,
          `  grades { 合格 >= 60; 不合格 otherwise }`,
          `  outcomes { 不合格: ${quoted(outcome!)} adjust -10% }`,
          `  alert 提示 ${quoted(message!)} when 类 == 乙`,
          `  test ${quoted(testName!)} { given { 值: 50%, 类: 乙 } expect total == 0 expect alert 提示 }`,
          `}`,
        ].join('\n');
        const r = compile(src);
        expect(r.diagnostics.filter((d) => d.severity === 'error'), src).toEqual([]);
        expect(r.program!.title).toBe(title);
        expect(r.program!.indicators[0]!.note).toBe(note);
        const ev = new Evaluator(r.program!);
        const [t] = runTests(ev);
        expect([t!.name, t!.pass]).toEqual([testName, true]);
        expect(t!.result.alerts).toEqual([{ name: '提示', message }]);
        expect(t!.result.outcome).toEqual({ text: outcome, adjust: -0.1 });
        expect(emitScorer(r.program!, { explain: true })).not.toMatch(/[\u2028\u2029]/);
        untouched();
        void member;
      }),
      runs(200),
    );
  }, timeout(200));
});

describe('prototype keys in data', () => {
  const src = `ruleset 原型 {
  input __proto__: percent
  input constructor: count
  input 金额: money(元)
  indicator 指标 weight 100 { score bands __proto__ { >= 90%: full; else: 50% } }
  indicator 扣分 weight 0.001 { score deduct 0.0001 per constructor }
  total 100.001
  grades { 合格 >= 60; 不合格 otherwise }
}`;
  const r = compile(src);
  const inputs = dataInputs(r.program!);

  it('reads __proto__ and constructor columns from JSON as plain values, and carries hostile extras', () => {
    const json = '[{"__proto__": 0.95, "constructor": 1, "金额": 5, "prototype": {"polluted": 1}},' +
      ' {"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "金额": 5},' +
      ' {"__proto__": "50%", "constructor": "0", "金额": "-0"}]';
    const table = readData(json, 'json', inputs);
    expect(table.rows).toHaveLength(3);
    const results = evaluateTable(new Evaluator(r.program!), table);
    expect(results.map((x) => x.result.total)).toEqual([100, null, 50]);
    expect(results[1]!.result.error!.message).toContain('__proto__');
    expect(results[0]!.extras.prototype).toBe('{"polluted":1}');
    expect(Object.getPrototypeOf(results[0]!.extras)).toBeNull();
  });

  it('reads __proto__ and constructor as CSV columns', () => {
    const table = readData('__proto__,constructor,金额,__proto__\n95%,0,1,{"polluted":1}\n', 'csv', inputs);
    const [row] = evaluateTable(new Evaluator(r.program!), table);
    expect(row!.result.total).toBe(100);
    // "__proto__" is an own data property of the values, not their prototype, and nothing is polluted
    const values = table.rows[0]!.values;
    expect(Object.hasOwn(values, '__proto__') && Object.hasOwn(values, 'constructor')).toBe(true);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
