// The README's example is a ruleset users copy first: it must check clean and pass its own tests.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, Evaluator, runTests } from '../../src/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```jx\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README examples', () => {
  it('has a ruleset example', () => expect(blocks.length).toBeGreaterThan(0));
  for (const [i, text] of blocks.entries()) {
    it(`example ${i + 1} checks clean and passes its tests`, () => {
      const r = compile(text);
      expect(r.diagnostics).toEqual([]);
      const outcomes = runTests(new Evaluator(r.program!));
      expect(outcomes.length).toBeGreaterThan(0);
      expect(outcomes.filter((t) => !t.pass).map((t) => t.name)).toEqual([]);
    });
  }
});
