// A large ruleset's scorer is split into part functions (V8 will not optimize one giant
// function): split at every size, it must give exactly what the one-function scorer gives —
// points, applicability, total, grade, light, alert flags and explanation records, and the same
// unit errors — on random rulesets with every rule kind, na, pools, transfers, lets and totals rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type IrProgram, type UnitValues } from '../../src/index.js';
import { runtimeFor } from '../../src/runtime/evaluator.js';
import { UnitError } from '../../src/runtime/helpers.js';
import { emitScorer } from '../../src/targets/js/emit.js';
import { FIXED_SEED, rulesetArb, unitArb } from './gen.js';

type Scorer = (...args: unknown[]) => number;

function scorer(p: IrProgram, explain: boolean, partIndicators?: number): { source: string; run: (u: UnitValues) => unknown } {
  const source = emitScorer(p, { explain, ...(partIndicators === undefined ? {} : { partIndicators }) });
  const f = new Function('rt', source)(runtimeFor(p)) as Scorer;
  const n = p.indicators.length;
  return {
    source,
    run(u) {
      const pts = new Float64Array(n);
      const app = new Uint8Array(n);
      const out = new Float64Array(9);
      const al = new Uint8Array(p.alerts.length + (p.totalRules?.length ?? 0));
      const X: unknown[] = new Array(n);
      const C = new Uint8Array(n);
      const N = new Uint8Array(n);
      const E = new Float64Array(n);
      try {
        const total = f(u, pts, app, out, al, X, C, N, E);
        return { total, pts: [...pts], app: [...app], out: [...out], al: [...al], ...(explain ? { X: JSON.stringify(X), C: [...C], N: [...N], E: [...E] } : {}) };
      } catch (e) {
        if (e instanceof UnitError) return { error: e.code, en: e.en };
        throw e;
      }
    },
  };
}

describe('split scorer = one-function scorer', () => {
  it('on random rulesets × data, split into parts of 1, 2 and 5 indicators', () => {
    let split = 0;
    let errors = 0;
    fc.assert(
      fc.property(rulesetArb, fc.array(unitArb, { minLength: 1, maxLength: 6 }), (source, units) => {
        const r = compile(source);
        if (!r.ok || !r.program) throw new Error(`generated ruleset does not compile:\n${source}`);
        const p = r.program;
        for (const explain of [false, true]) {
          const whole = scorer(p, explain, Infinity);
          expect(whole.source).not.toMatch(/function part\d/);
          for (const size of [1, 2, 5]) {
            const parts = scorer(p, explain, size);
            if (/function part\d/.test(parts.source)) split++;
            for (const u of units) {
              const want = whole.run(u);
              if ('error' in (want as object)) errors++;
              expect(parts.run(u)).toEqual(want);
            }
          }
        }
      }),
      { seed: FIXED_SEED, numRuns: 80 },
    );
    // the comparison means something only if rulesets were split and errors were met
    expect(split).toBeGreaterThan(100);
    expect(errors).toBeGreaterThan(0);
  });

  it('splits a 300-leaf ruleset by default and scores it as the one-function scorer does', () => {
    const leaves = Array.from({ length: 300 }, (_, k) => `    indicator 指标${k} weight 1 { score bands r${k % 3 ? 1 : 2} { >= ${(k % 10) * 10}%: full; else: 0 } }`);
    const groups = Array.from({ length: 3 }, (_, g) => `  indicator 一级${g} weight 100 {\n${leaves.slice(g * 100, g * 100 + 100).join('\n')}\n  }`);
    const source = `ruleset 大 {\n  total 300\n  round 2\n  input r1: percent\n  input r2: percent\n${groups.join('\n')}\n  grades { 优 >= 250; 良 >= 150; 差 otherwise }\n}\n`;
    const r = compile(source);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const p = r.program!;
    const parts = scorer(p, false);
    // parts hold at most 256 indicators: the first two 一级 (101 each) in one, the third in another
    expect(parts.source.match(/function part\d+/g)?.length).toBe(2);
    const whole = scorer(p, false, Infinity);
    for (const u of [{ r1: 0.55, r2: 0.85 }, { r1: 1, r2: 0 }, { r1: 0.3, r2: 0.9 }]) expect(parts.run(u)).toEqual(whole.run(u));
    // leaf k reads r2 when 3 divides k, else r1, and scores 1 when that is at least (k mod 10) × 10%
    const full = Array.from({ length: 300 }, (_, k) => ((k % 3 ? 0.55 : 0.85) >= (k % 10) / 10 ? 1 : 0)).reduce((a: number, b) => a + b, 0);
    expect(full).toBe(210); // 200 r1 leaves × 6/10 bounds passed + 100 r2 leaves × 9/10
    expect((parts.run({ r1: 0.55, r2: 0.85 }) as { total: number }).total).toBe(full);
  });
});
