// The JSON Schema (draft 2020-12) of the IR document, version 1: what src/ir/ir.ts declares,
// closed at every level so a new IR field cannot slip out unannounced. Published verbatim as
// schema/ir-v1.schema.json (a test keeps the two equal). The rule kinds of real 评分标准 (band
// intervals and run-time bounds, ratio directions, step deductions, checklists, tiers, Likert
// tallies, less/round, relative levels, pools, placeholders, na conventions, total rules,
// lights and floors) are optional additions: every earlier v1 document is still valid and
// means what it meant, so the version stays 1.

export const IR_SCHEMA_ID = 'urn:jixiao:schema:ir:v1';

const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const index = { type: 'integer', minimum: 0 } as const;
const nullable = (s: object) => ({ anyOf: [s, { type: 'null' }] });
const closed = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const kind = (k: string) => ({ const: k });

const e = { $ref: '#/$defs/expr' } as const;

// `discriminator` (an annotation to other validators) lets ajv name the one branch that failed
const tagged = (tag: string, oneOf: readonly unknown[]) => ({ type: 'object', discriminator: { propertyName: tag }, required: [tag], oneOf });

const expr = tagged('k', [
  closed({ k: kind('num'), v: num }),
  closed({ k: kind('bool'), v: { type: 'boolean' } }),
  closed({ k: kind('str'), v: str }),
  closed({ k: kind('full') }),
  closed({ k: { enum: ['input', 'let'] }, i: index }),
  closed({ k: { enum: ['neg', 'not'] }, a: e }),
  closed({ k: kind('arith'), op: { enum: ['+', '-', '*'] }, a: e, b: e }),
  closed({ k: kind('div'), a: e, b: e, d: { type: 'integer', minimum: -1 } }),
  closed({ k: kind('cmp'), op: { enum: ['>=', '>', '<=', '<', '==', '!='] }, a: e, b: e }),
  closed({ k: kind('logic'), op: { enum: ['and', 'or'] }, a: e, b: e }),
  closed({ k: kind('cond'), c: e, t: e, e: e }),
  closed({ k: kind('call'), fn: { enum: ['min', 'max', 'abs', 'round', 'clamp'] }, args: { type: 'array', items: e, minItems: 1 } }),
]);

const valueType = tagged('kind', [
  closed({ kind: { enum: ['number', 'percent', 'count', 'score', 'bool'] } }),
  closed({ kind: kind('money'), unit: { enum: ['元', '万元'] } }),
  closed({ kind: kind('enum'), members: { type: 'array', items: str } }),
]);

const award = tagged('kind', [closed({ kind: kind('full') }), closed({ kind: { enum: ['share', 'points'] }, value: num })]);

/** Some keys may be left out: optional additions to version 1. */
const optional = (properties: Record<string, unknown>, optionalKeys: readonly string[]) =>
  closed(properties, Object.keys(properties).filter((k) => !optionalKeys.includes(k)));

const vt = { $ref: '#/$defs/valueType' } as const;
const ends = { lo: num, hi: num, loClosed: { type: 'boolean' }, hiClosed: { type: 'boolean' } };
const interval = closed(ends);

const band = optional(
  {
    op: { enum: ['>=', '>', '<=', '<', '==', null] },
    bound: nullable(num),
    boundExpr: e,
    interval,
    award: { $ref: '#/$defs/award' },
    text: str,
  },
  ['boundExpr', 'interval'],
);

const score = tagged('kind', [
  closed({ kind: kind('bands'), subject: e, subjectText: str, subjectType: vt, bands: { type: 'array', items: { $ref: '#/$defs/band' } } }),
  optional(
    { kind: kind('ratio'), actual: e, target: e, actualText: str, targetText: str, actualType: vt, direction: { enum: ['up', 'down', 'equal'] }, formula: { enum: ['quotient', 'linear'] } },
    ['direction', 'formula'],
  ),
  optional(
    { kind: kind('deduct'), points: e, count: e, max: nullable(e), countText: str, side: { enum: ['above', 'below'] }, standard: e, measure: e, measureText: str, measureType: vt, whole: { type: 'boolean' } },
    ['side', 'standard', 'measure', 'measureText', 'measureType', 'whole'],
  ),
  closed({ kind: kind('manual'), input: index }),
  closed({
    kind: kind('checklist'),
    items: { type: 'array', items: closed({ gate: { type: 'boolean' }, condition: e, award: { $ref: '#/$defs/award' }, text: str }) },
  }),
  closed({ kind: kind('tiers'), category: index, input: index, tiers: { type: 'array', items: closed({ name: str, ...ends }) } }),
  closed({ kind: kind('likert'), answers: { type: 'array', items: closed({ input: index, value: num }) }, target: nullable(e), targetText: nullable(str) }),
  closed({ kind: kind('formula'), expr: e, share: { type: 'boolean' }, text: str }),
]);

const indicator = optional({
  name: str,
  path: str,
  code: str,
  depth: index,
  weight: num,
  parent: { type: 'integer', minimum: -1 },
  children: { type: 'array', items: index },
  score: nullable({ $ref: '#/$defs/score' }),
  na: nullable(e),
  naText: nullable(str),
  note: nullable(str),
  range: { type: 'array', prefixItems: [num, num], minItems: 2, maxItems: 2 },
  clamp: { type: 'boolean' },
  line: { type: 'integer' },
  aggregation: { enum: ['relative', 'pool', 'placeholder'] },
  scale: { type: 'number', exclusiveMinimum: 0 },
  naMode: { enum: ['full', 'transfer'] },
  naTargets: { type: 'array', items: index },
  less: e,
  lessText: str,
  roundPoints: { type: 'integer', minimum: 0, maximum: 6 },
}, ['aggregation', 'scale', 'naMode', 'naTargets', 'less', 'lessText', 'roundPoints']);

const totalRule = closed({ kind: { enum: ['cap', 'penalty', 'bonus'] }, amount: e, condition: e, text: str });
const light = closed({
  subject: e,
  subjectText: str,
  subjectType: vt,
  bands: { type: 'array', items: closed({ band: { $ref: '#/$defs/band' }, color: str, reason: nullable(str) }) },
});
const floor = closed({
  subject: e,
  subjectText: str,
  subjectType: vt,
  month: e,
  steps: { type: 'array', items: closed({ from: num, minimum: e }) },
  reason: nullable(str),
});

const testValue = { type: ['number', 'boolean', 'string'] };
const expect_ = optional({
  subject: tagged('kind', [
  closed({ kind: { enum: ['total', 'grade', 'adjust', 'error', 'light'] } }),
  closed({ kind: kind('alert'), name: str }),
  closed({ kind: kind('indicator'), index }),
  ]),
  value: nullable(testValue),
  places: { type: 'integer', minimum: 0 },
  text: str,
  line: { type: 'integer' },
  col: { type: 'integer' },
}, ['places']);

export const IR_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: IR_SCHEMA_ID,
  title: 'Jixiao IR, version 1',
  description: 'A checked Jixiao ruleset (绩效指标体系) as plain JSON: names resolved, weights and score ranges computed. Indicators are in preorder; money is computed in the unit each expression declares.',
  type: 'object',
  properties: {
    version: { const: 1 },
    name: str,
    title: nullable(str),
    district: nullable(str),
    kind: nullable(str),
    total: num,
    round: { type: 'integer', minimum: 0, maximum: 6 },
    inputs: { type: 'array', items: closed({ name: str, type: { $ref: '#/$defs/valueType' } }) },
    lets: { type: 'array', items: closed({ name: str, expr: e, type: { $ref: '#/$defs/valueType' }, text: str }) },
    indicators: { type: 'array', items: indicator },
    grades: { type: 'array', items: closed({ name: str, op: { enum: ['>=', '>', null] }, threshold: nullable(num) }) },
    outcomes: { type: 'array', items: closed({ grade: str, text: str, adjust: nullable(num) }) },
    alerts: { type: 'array', items: closed({ name: str, message: str, when: e }) },
    divisions: { type: 'array', items: closed({ text: str, divisor: str }) },
    tests: {
      type: 'array',
      items: closed({ name: str, given: { type: 'object', additionalProperties: testValue }, expects: { type: 'array', items: expect_ }, line: { type: 'integer' } }),
    },
    totalRules: { type: 'array', items: totalRule },
    lights: { type: 'array', items: light },
    floors: { type: 'array', items: floor },
  },
  required: ['version', 'name', 'title', 'district', 'kind', 'total', 'round', 'inputs', 'lets', 'indicators', 'grades', 'outcomes', 'alerts', 'divisions', 'tests'],
  additionalProperties: false,
  $defs: { expr, valueType, award, band, score },
} as const;
