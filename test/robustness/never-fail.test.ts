// Property: `compile` never throws, whatever the text — random text, random runs of tokens, and
// damaged copies of every shipped ruleset and example — and always answers with diagnostics.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, mutate, mutation, rulesetSoup, tokenSoup } from './arbitraries.js';
import { corpus } from './corpus.js';
import { compileChecked } from './invariants.js';
import { runs, timeout } from './settings.js';

const sources = corpus();

describe('compile never fails badly', () => {
  it('on random text', () => {
    fc.assert(fc.property(anyText, (text) => void compileChecked(text)), runs(300));
  }, timeout(300));

  it('on random runs of tokens', () => {
    fc.assert(fc.property(fc.oneof(tokenSoup, rulesetSoup), (text) => void compileChecked(text)), runs(300));
  }, timeout(300));

  it(`on damaged copies of the ${sources.length} shipped rulesets and examples`, () => {
    const damaged = fc
      .tuple(fc.nat({ max: sources.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
      .map(([i, ms]) => ({ file: sources[i]!.file, text: ms.reduce(mutate, sources[i]!.text) }));
    fc.assert(fc.property(damaged, ({ text }) => void compileChecked(text)), runs(120));
  }, timeout(120, 400));

  it('starts from the shipped rulesets and from examples that compile, so the damage is what the suite explores', () => {
    // the shipped rulesets are held to compiling by their own suite (test/rulesets)
    expect(sources.filter((s) => s.file.startsWith('rulesets/')).length).toBeGreaterThanOrEqual(7);
    const broken = sources.filter((s) => s.file.startsWith('test/') && !compileChecked(s.text).ok).map((s) => s.file);
    expect(broken).toEqual([]);
  });
});
