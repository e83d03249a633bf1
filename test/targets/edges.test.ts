// Hand-made edge cases every target must get right, each with the figure a user would check:
// laziness (a division never reached cannot fail), the order of errors, nothing applicable,
// half-up rounding of the total on a decimal boundary, clamping, targets at or below zero.
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type IrProgram, type UnitResult, type UnitValues } from '../../src/index.js';
import { describePostgres } from '../helpers/postgres.js';
import { expectJsTargetsAgree, expectSqlAgrees } from './agree.js';
import { Duck, pgScore, type Unit } from './engines.js';

const HEAD = `  input a: number
  input b: number
  input f: bool
  let q = a / b
`;

interface Case {
  readonly name: string;
  readonly body: string;
  readonly units: readonly [UnitValues, number | string][];
}

// each unit's expected total, or the code of its error
const CASES: Case[] = [
  {
    name: 'a division in a let no one reaches does not fail',
    body: `indicator x weight 100 { score f ? (q > 1 ? full : 0) : full }`,
    units: [
      [{ a: 1, b: 0, f: false }, 100],
      [{ a: 1, b: 0, f: true }, 'eval-division-by-zero'],
      [{ a: 3, b: 2, f: true }, 100],
    ],
  },
  {
    name: '`and` and `or` skip their right side as JS does',
    body: `indicator x weight 50 { score (f and q > 1) ? full : 0 }\n  indicator y weight 50 { score (f or q > 1) ? full : 0 }`,
    units: [
      [{ a: 1, b: 0, f: false }, 'eval-division-by-zero'],
      [{ a: 2, b: 1, f: false }, 50],
      [{ a: 2, b: 1, f: true }, 100],
    ],
  },
  {
    name: 'the first error in tree order wins: a manual score out of range before a later division',
    body: `input s: score\n  indicator x weight 10 { score manual s }\n  indicator y weight 90 { score q >= 1 ? full : 0 }`,
    units: [
      [{ a: 1, b: 0, f: true, s: 11 }, 'eval-manual-out-of-range'],
      [{ a: 1, b: 0, f: true, s: 5 }, 'eval-division-by-zero'],
      [{ a: 1, b: 1, f: true, s: 5 }, 95],
    ],
  },
  {
    name: 'nothing applicable is an error; a division in an alert fails the unit after the total',
    body: `indicator x weight 100 { score full\n na when not f }\n  alert 红灯 "比值低" when q < 1`,
    units: [
      [{ a: 1, b: 2, f: false }, 'eval-no-applicable'],
      [{ a: 1, b: 0, f: true }, 'eval-division-by-zero'],
      [{ a: 1, b: 2, f: true }, 100],
    ],
  },
  {
    name: 'half-up on the decimal: 89.995 from parts rounds to 90.00',
    body: `indicator x weight 50 { score clamp(a, 0, 50) }\n  indicator y weight 50 { score clamp(b, 0, 50) }`,
    units: [
      [{ a: 44.995, b: 45, f: true }, 90],
      [{ a: 44.994, b: 45, f: true }, 89.99],
      [{ a: 0.1 + 0.2, b: 0, f: true }, 0.3],
    ],
  },
  {
    name: 'a formula past its weight is clamped; a target at or below zero scores all or nothing',
    body: `indicator x weight 40 { score a * 10 }\n  indicator y weight 60 { score ratio a target b }`,
    units: [
      [{ a: 7, b: 0, f: true }, 100],
      [{ a: -1, b: 0, f: true }, 0],
      [{ a: 2, b: 4, f: true }, 50],
    ],
  },
];

function programOf(c: Case): IrProgram {
  const r = compile(`ruleset 边界 {\n${HEAD}  ${c.body}\n  grades { 优 >= 90; 差 otherwise }\n}`);
  if (!r.ok) throw new Error(`${c.name}: ${r.diagnostics.map((d) => d.message.en).join('; ')}`);
  return r.program!;
}

const unitsOf = (c: Case): Unit[] => c.units.map(([values], k) => ({ id: `u${k}`, values }));
const figure = (r: UnitResult): number | string => r.total ?? r.error!.code;

describe('edge cases: evaluator = IR interpreter = ES module = DuckDB', () => {
  let duck: Duck;
  beforeAll(async () => {
    duck = await Duck.open();
  });
  for (const c of CASES) {
    it(c.name, async () => {
      const p = programOf(c);
      const want = await expectJsTargetsAgree(p, unitsOf(c));
      expect([...want.values()].map(figure)).toEqual(c.units.map(([, f]) => f));
      expectSqlAgrees(p, want, await duck.score(p, unitsOf(c)), 'DuckDB');
    });
  }
});

describePostgres('edge cases: evaluator = PostgreSQL', (server) => {
  for (const c of CASES) {
    it(c.name, async () => {
      const p = programOf(c);
      const want = await expectJsTargetsAgree(p, unitsOf(c));
      expectSqlAgrees(p, want, await pgScore(server().client, p, unitsOf(c)), 'PostgreSQL');
    });
  }
});
