// Every target gives the evaluator's numbers: the seed rulesets and the target tests' fixtures on
// their sample data (plus the units of their tests, and the same units with money and counts
// zeroed to provoke errors), and random rulesets × random data, with every rule kind of real
// 评分标准. Evaluator == IR interpreter == ES module == DuckDB == PostgreSQL.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, dataInputs, readData, validateUnits, type IrProgram, type UnitValues } from '../../src/index.js';
import { beyondIrV1 } from '../../src/targets/ir/supported.js';
import { describePostgres } from '../helpers/postgres.js';
import { expectJsTargetsAgree, expectSqlAgrees } from './agree.js';
import { Duck, pgScore, type Unit } from './engines.js';
import { FIXED_SEED, rulesetArb, unitArb } from './gen.js';

interface Seed {
  readonly file: string;
  /** Undefined when the ruleset does not compile (its test then fails saying why). */
  readonly program: IrProgram | undefined;
  readonly problems: string;
  readonly units: Unit[];
}

function findFiles(dir: string, ext: RegExp): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? findFiles(path, ext) : ext.test(name) ? [path] : [];
    });
}

/** The same unit with every money and count input at zero: divisions fail, na conditions change. */
function zeroed(p: IrProgram, v: UnitValues): UnitValues {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ['money', 'count'].includes(p.inputs.find((i) => i.name === k)?.type.kind ?? '') ? 0 : x]));
}

function loadSeeds(): Seed[] {
  // the shipped rulesets, and the fixtures of the target tests (the rule kinds of real 评分标准)
  return [...findFiles('rulesets', /\.jx$/), ...findFiles('test/targets/fixtures', /\.jx$/)].map((file) => {
    const r = compile(readFileSync(file, 'utf8'));
    const problems = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.span.line}:${d.span.col} ${d.message.en}`).join('; ');
    if (!r.ok || !r.program) return { file, program: undefined, problems, units: [] };
    const p = r.program;
    const units: Unit[] = [];
    for (const data of findFiles(dirname(file), /\.(csv|json)$/)) {
      const table = readData(readFileSync(data, 'utf8'), /\.json$/.test(data) ? 'json' : 'csv', dataInputs(p));
      for (const row of table.rows) if (row.errors.length === 0) units.push({ id: `${data}#${row.row}`, values: row.values });
    }
    p.tests.forEach((t, k) => units.push({ id: `test${k}`, values: t.given }));
    for (const u of [...units]) units.push({ id: `${u.id}/zeroed`, values: zeroed(p, u.values) });
    return { file, program: p, problems, units };
  });
}

const seeds = loadSeeds();

describe('seed rulesets: evaluator = IR interpreter = ES module = DuckDB', () => {
  let duck: Duck;
  beforeAll(async () => {
    duck = await Duck.open();
  });
  it('finds the seed rulesets with data', () => {
    expect(seeds.length).toBeGreaterThan(0);
    expect(seeds.filter((s) => s.program).every((s) => s.units.length > 0)).toBe(true);
  });
  for (const seed of seeds) {
    it(seed.file, async () => {
      expect(seed.problems, `${seed.file} compiles`).toBe('');
      const p = seed.program!;
      // every language feature is one the targets implement: nothing is refused
      expect(beyondIrV1(p)).toBeUndefined();
      const want = await expectJsTargetsAgree(p, seed.units);
      expectSqlAgrees(p, want, await duck.score(p, seed.units), 'DuckDB');
      // the zeroed units make sure errors, not only totals, are compared
      expect([...want.values()].some((r) => r.error === null)).toBe(true);
    });
  }
});

describePostgres('seed rulesets: evaluator = PostgreSQL', (server) => {
  for (const seed of seeds) {
    it(seed.file, async () => {
      expect(seed.problems, `${seed.file} compiles`).toBe('');
      const p = seed.program!;
      const want = await expectJsTargetsAgree(p, seed.units);
      expectSqlAgrees(p, want, await pgScore(server().client, p, seed.units), 'PostgreSQL');
    });
  }
});

const RUNS = 60;
const casesArb = fc.record({
  source: rulesetArb,
  units: fc.array(unitArb, { minLength: 1, maxLength: 8 }),
});

function programOf(source: string): IrProgram {
  const r = compile(source);
  if (!r.ok || !r.program) throw new Error(`generated ruleset does not compile: ${r.diagnostics.map((d) => d.message.en).join('; ')}\n${source}`);
  return r.program;
}

const asUnits = (values: readonly UnitValues[]): Unit[] => values.map((v, k) => ({ id: `u${k}`, values: v }));

describe('random rulesets × data: evaluator = IR interpreter = ES module = DuckDB', () => {
  let duck: Duck;
  const seen = { errors: 0, scored: 0, na: 0, adjusted: 0, lit: 0, unlit: 0 };
  beforeAll(async () => {
    duck = await Duck.open();
  });
  afterAll(() => {
    // the generator must reach the interesting cases, or the comparison proves little
    expect(seen.errors).toBeGreaterThan(0);
    expect(seen.scored).toBeGreaterThan(seen.errors);
    expect(seen.na).toBeGreaterThan(0);
    expect(seen.adjusted).toBeGreaterThan(0);
    expect(seen.lit).toBeGreaterThan(0);
    expect(seen.unlit).toBeGreaterThan(0);
  });
  it('agree on every unit', async () => {
    await fc.assert(
      fc.asyncProperty(casesArb, async ({ source, units: values }) => {
        const p = programOf(source);
        const units = asUnits(values);
        const want = await expectJsTargetsAgree(p, units);
        for (const r of want.values()) {
          if (r.error) seen.errors++;
          else seen.scored++;
          if (Object.values(r.indicators).some((i) => !i.applicable)) seen.na++;
          if (r.adjustments.length > 0) seen.adjusted++;
          if (r.light) seen.lit++;
          else if (!r.error) seen.unlit++;
        }
        expectSqlAgrees(p, want, await duck.score(p, units), 'DuckDB');
        // the generated data is valid input, bar manual scores above their weight
        for (const problem of validateUnits(p, values)) expect(problem.field).toBe('s1');
      }),
      { seed: FIXED_SEED, numRuns: RUNS },
    );
  });
});

describePostgres('random rulesets × data: evaluator = PostgreSQL', (server) => {
  it('agree on every unit', async () => {
    await fc.assert(
      fc.asyncProperty(casesArb, async ({ source, units: values }) => {
        const p = programOf(source);
        const units = asUnits(values);
        const want = await expectJsTargetsAgree(p, units);
        expectSqlAgrees(p, want, await pgScore(server().client, p, units), 'PostgreSQL');
      }),
      { seed: FIXED_SEED, numRuns: RUNS },
    );
  });
});
