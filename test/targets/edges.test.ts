// Hand-made edge cases every target must get right, each with the figure a user would check:
// laziness (a division never reached cannot fail), the order of errors, nothing applicable,
// half-up rounding of the total on a decimal boundary, clamping, targets at or below zero; moved
// weight, pools, placeholders, relative levels, total rules, tiers and tallies, step deductions,
// reverse ratios, checklists, less/round, and a light's figures written as JS toFixed writes them.
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
  /** Each unit's light as `color reason`, when the case is about the light. */
  readonly lights?: readonly (string | null)[];
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
  {
    name: '`na when … to` moves the weight to an indicator written before it: 30 × (1 + 60/40) = 75',
    body: `indicator x weight 40 { score clamp(a, 0, 40) }\n  indicator y weight 60 { score full\n na when not f to x }`,
    units: [
      [{ a: 30, b: 1, f: true }, 90],
      [{ a: 30, b: 1, f: false }, 75],
      [{ a: 40, b: 1, f: false }, 100],
    ],
  },
  {
    name: 'a pool refills from the members that apply (10 / 20 × 40); with none it leaves the denominator',
    body: `indicator p weight 40 pool {\n indicator m1 weight 30 { score clamp(a, 0, 30)\n na when not f }\n indicator m2 weight 20 { score clamp(b, 0, 20)\n na when b < 0 } }\n  indicator r weight 60 { score full }`,
    units: [
      [{ a: 15, b: 10, f: true }, 80],
      [{ a: 30, b: 5, f: false }, 70],
      [{ a: 30, b: -1, f: false }, 100],
    ],
  },
  {
    name: 'a placeholder without indicators does not apply; a relative level scales 10 to 80',
    body: `indicator h weight 20 placeholder { }\n  indicator r weight 80 relative 10 {\n indicator r1 weight 6 { score clamp(a, 0, 6) }\n indicator r2 weight 4 { score clamp(b, 0, 4)\n na when not f } }`,
    units: [
      [{ a: 6, b: 4, f: true }, 100],
      [{ a: 3, b: 2, f: true }, 50],
      [{ a: 3, b: 0, f: false }, 50],
    ],
  },
  {
    name: 'a bonus, a penalty never below 0, then a cap',
    body: `indicator x weight 100 { score clamp(a, 0, 100) }\n  bonus 5 when f\n  penalty b when b > 0\n  cap 90 when f`,
    units: [
      [{ a: 88, b: 0, f: true }, 90],
      [{ a: 3, b: 5, f: false }, 0],
      [{ a: 80, b: 1, f: true }, 84],
    ],
  },
  {
    name: 'a tier out of range fails before a later division; nobody answered is a division by zero',
    body: `input e: enum(好, 差)\n  input s: score\n  input n1: count\n  input n2: count\n  indicator t weight 10 { score tiers e manual s { 好: [60%, 100%]; 差: [0, 60%) } }\n  indicator y weight 60 { score q >= 1 ? full : 0 }\n  indicator l weight 30 { score likert { n1: 1; n2: 0.5 } }`,
    units: [
      [{ a: 1, b: 0, f: true, e: '好', s: 5, n1: 1, n2: 1 }, 'eval-tier-out-of-range'],
      [{ a: 1, b: 0, f: true, e: '好', s: 7, n1: 1, n2: 1 }, 'eval-division-by-zero'],
      [{ a: 1, b: 1, f: true, e: '好', s: 7, n1: 0, n2: 0 }, 'eval-division-by-zero'],
      [{ a: 1, b: 1, f: true, e: '差', s: 5, n1: 3, n2: 1 }, 91.25],
    ],
  },
  {
    name: 'whole steps below a standard, capped; a reverse ratio linear to 0 at twice the target',
    body: `input r: percent\n  indicator d weight 10 { score deduct 2 per whole 5% below 100% of r max 5 }\n  indicator v weight 90 { score ratio down a target b using linear }`,
    units: [
      [{ a: 120, b: 80, f: true, r: 0.9 }, 51],
      [{ a: 80, b: 80, f: true, r: 0.95 }, 98],
      [{ a: 160, b: 80, f: true, r: 0.5 }, 5],
    ],
  },
  {
    name: 'a checklist with a gate; less then round 0 after a rule',
    body: `indicator c weight 10 { score checklist { gate f: 40%; a > 0: 30%; b > 0: 30% } }\n  indicator m weight 90 { score clamp(a, 0, 90) less b round 0 }`,
    units: [
      [{ a: 50.4, b: 0.5, f: true }, 60],
      [{ a: 50.4, b: 0.5, f: false }, 50],
      [{ a: -1, b: 2, f: true }, 7],
    ],
  },
  {
    name: "a light's percent as toFixed writes it: 55.675 (below in binary) is 55.67%, an exact 0.125 is 0.13%",
    body: `input v: percent\n  indicator k weight 100 { score full }\n  light v { < 0: 红 "负"; < 50%: 黄; else: 绿 }`,
    units: [
      [{ a: 1, b: 1, f: true, v: 0.55675 }, 100],
      [{ a: 1, b: 1, f: true, v: 0.00125 }, 100],
      [{ a: 1, b: 1, f: true, v: -0.001 }, 100],
    ],
    lights: ['绿 v 55.67% 不满足以上各档', '黄 v 0.13% < 50%', '红 v -0.1% < 0%：负'],
  },
  {
    name: "a broken floor's money with separators, its month with six decimals; before the first month no light",
    body: `input m: money(元)\n  input x: number\n  indicator k weight 100 { score full }\n  floor m by x { 1: 2.68元; 6: 1234568元 } "资金不足"`,
    units: [
      [{ a: 1, b: 1, f: true, m: 2.675, x: 1.0000005 }, 100],
      [{ a: 1, b: 1, f: true, m: 1234567.885, x: 6 }, 100],
      [{ a: 1, b: 1, f: true, m: 3, x: 0.5 }, 100],
    ],
    lights: ['红 1–1.000001月 m 2.67元 低于底线 2.68元：资金不足', '红 1–6月 m 1,234,567.89元 低于底线 1,234,568元：资金不足', null],
  },
  {
    name: "a light's number with four decimals, -0.00001 shown as -0; a light over an enum shows the member",
    body: `input e: enum(达成, 未达成)\n  indicator k weight 100 { score full }\n  light e { == 达成: 绿; else: 红 "未达成" }\n  alert 负 "负数" when a < 0`,
    units: [
      [{ a: 1.00005, b: 1, f: true, e: '达成' }, 100],
      [{ a: -0.00001, b: 1, f: true, e: '未达成' }, 100],
    ],
    lights: ['绿 e 达成 为“达成”', '红 e 未达成 不满足以上各档：未达成'],
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
      if (c.lights) expect([...want.values()].map((r) => (r.light ? `${r.light.color} ${r.light.reason}` : null))).toEqual(c.lights);
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
