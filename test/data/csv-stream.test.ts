// The streaming CSV reader gives exactly the rows of the whole-text reader, however the text is chunked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvStreamReader } from '../../src/data/csv-stream.js';
import { readCsv } from '../../src/data/csv.js';
import type { DataRow, InputDecl } from '../../src/data/types.js';

const inputs: InputDecl[] = [
  { name: '预算数', type: { kind: 'money', unit: '万元' } },
  { name: '满意度', type: { kind: 'percent' } },
  { name: '健全', type: { kind: 'bool' } },
];

function streamed(text: string, cuts: number[], blockSize: number): { rows: DataRow[]; reader: CsvStreamReader } {
  const reader = new CsvStreamReader(inputs, blockSize);
  const rows: DataRow[] = [];
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    rows.push(...reader.push(text.slice(at, c)));
    at = c;
  }
  rows.push(...reader.push(text.slice(at)), ...reader.end());
  return { rows, reader };
}

const cell = fc.oneof(
  fc.constantFrom('12.5', '"3,852,135.04"', '85%', '0.9', '是', '否', '', 'abc', '"a ""quoted"" b"', '"多行\n文本"', '  7 '),
  fc.string({ maxLength: 4 }).map((s) => s.replace(/[",\n\r]/g, '')),
);
const line = fc.array(cell, { minLength: 1, maxLength: 6 }).map((cells) => cells.join(','));
const csv = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.boolean())
  .map(([lines, eol, bom, trailing]) => `${bom ? '\uFEFF' : ''}id,预算数,满意度,健全,备注\n${lines.join(eol)}${trailing ? eol : ''}`);

describe('CsvStreamReader', () => {
  it('reads a file in one block like readCsv', () => {
    const text = 'id,预算数,满意度,健全,项目名称\nA,100,86%,是,甲\nB,"1,200.5",0.9,否,"乙,丙"\n\nC,x,,是,丁';
    const { rows, reader } = streamed(text, [], 1 << 18);
    expect(rows).toEqual(readCsv(text, inputs).rows);
    expect(rows.map((r) => r.id)).toEqual(['A', 'B', 'C']);
    expect(rows[2]!.line).toBe(5);
    expect(reader.unknownColumns).toEqual(['项目名称']);
  });

  it('gives the same rows, lines and errors however the text is chunked', () => {
    fc.assert(
      fc.property(csv, fc.array(fc.nat(2000), { maxLength: 6 }), fc.integer({ min: 8, max: 64 }), (text, cuts, block) => {
        const whole = readCsv(text, inputs);
        const { rows, reader } = streamed(text, cuts.map((c) => c % (text.length + 1)), block);
        expect(rows).toEqual(whole.rows);
        expect(reader.columns).toEqual(whole.columns);
        expect(reader.unknownColumns).toEqual(whole.unknownColumns);
      }),
      { seed: 20261121, numRuns: 300 },
    );
  });

  it('keeps every row of a file whose last line is cut inside a quote', () => {
    const text = 'id,预算数,满意度,健全\nA,1,1%,是\nB,2,2%,"否';
    const { rows } = streamed(text, [10, 20], 8);
    expect(rows.map((r) => r.id)).toEqual(['A', 'B']);
    expect(rows).toEqual(readCsv(text, inputs).rows);
  });

  it('reports an empty file', () => {
    const { rows, reader } = streamed('', [], 16);
    expect(rows).toEqual([]);
    expect(reader.fileErrors[0]!.message.zh).toContain('为空');
  });
});

// The plain path (csv-plain.ts) reads quote-free lines from the characters and declines anything
// not plainly written; these lines are built to sit on both sides of that line.
describe('CsvStreamReader, plain lines', () => {
  const typed: InputDecl[] = [
    { name: '金额', type: { kind: 'money', unit: '元' } },
    { name: '比率', type: { kind: 'percent' } },
    { name: '次数', type: { kind: 'count' } },
    { name: '得分', type: { kind: 'score' } },
    { name: '数', type: { kind: 'number' } },
    { name: '合格', type: { kind: 'bool' } },
    { name: '等次', type: { kind: 'enum', members: ['好', '中', '差'] } },
  ];
  // mostly plain valid cells, so most lines take the plain path; an odd cell sends its line to the careful reader
  const odd = fc.constantFrom('0', '-0', '007', '1.', '.5', '1e5', '１２', ' 12', '12 ', '85.5%', '85.5 %', '%', '-', '-3', '3.0', '3.5', '100%', '0.000001', '99.9999999', '123456789012345', '1234567890123456', '0.1234567890123', '9007199254740993', '12万', '1,000', '');
  const cellOf = (plain: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.oneof({ weight: 12, arbitrary: plain }, { weight: 1, arbitrary: odd });
  const numberCells = fc.tuple(
    cellOf(fc.nat(10_000_000).map((n) => String(n / 100))),
    cellOf(fc.oneof(fc.nat(10000).map((n) => `${n / 10}%`), fc.nat(1000).map((n) => String(n / 1000)))),
    cellOf(fc.nat(200).map(String)),
    cellOf(fc.integer({ min: -100000, max: 100000 }).map((n) => String(n / 100))),
    cellOf(fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => String(x))),
  );
  const boolCell = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('是', '否', 'true', 'false', '1', '0') },
    { weight: 1, arbitrary: fc.constantFrom('TRUE', 'True', 'y', 'N', 'yes', 'No', 'tRuE', 'ok', '', ' 是') },
  );
  const enumCell = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('好', '中', '差') }, { weight: 1, arbitrary: fc.constantFrom(' 好', '优', '') });
  const row = fc
    .tuple(fc.string({ maxLength: 3 }), numberCells, boolCell, enumCell, fc.constantFrom('', '备注', '甲乙', 'x'), fc.constantFrom('', '', '', ',', ',x'))
    .map(([id, nums, b, e, note, tail]) => [id.replace(/[",\n\r]/g, ''), ...nums, b, e, note].join(',') + tail);
  const header = fc.constantFrom(
    'id,金额,比率,次数,得分,数,合格,等次,备注',
    'id,金额,比率,次数,得分,数,合格,等次,备注',
    '编号,金额,比率,次数,得分,数,合格,等次,',
    'id,金额,比率,次数,得分,数,合格,等次,金额',
    'id,金额,比率,次数,得分,数,合格,等次',
    'name,金额,比率,次数,得分,数,合格,缺,备注',
  );

  /** Rows from each() on a reader that reuses its row object, copied as they are seen. */
  function reused(text: string, block: number): DataRow[] {
    const reader = new CsvStreamReader(typed, block, true);
    const rows: DataRow[] = [];
    const keep = (r: DataRow): void => void rows.push({ ...r, values: { ...r.values }, errors: [...r.errors], extras: { ...r.extras } });
    reader.each(text, keep);
    reader.endEach(keep);
    return rows;
  }

  it('gives the rows of the careful reader, values to the last bit', () => {
    fc.assert(
      fc.property(header, fc.array(row, { minLength: 1, maxLength: 40 }), fc.integer({ min: 16, max: 4096 }), (head, lines, block) => {
        const text = `${head}\n${lines.join('\n')}\n`;
        const whole = readCsv(text, typed);
        const reader = new CsvStreamReader(typed, block);
        const rows = [...reader.push(text), ...reader.end()];
        expect(rows).toEqual(whole.rows);
        for (const [k, r] of rows.entries()) for (const [name, v] of Object.entries(r.values)) expect(Object.is(v, whole.rows[k]!.values[name])).toBe(true);
        expect(reused(text, block)).toEqual(whole.rows);
      }),
      { seed: 20261122, numRuns: 400 },
    );
  });

  it('reads plain numbers exactly as Number() does, and hands everything else to the careful reader', () => {
    const text = 'id,金额,比率,次数,得分,数,合格,等次\nA,1234.5,85.5%,3,0.1,-2.675,是,好\nB,-1,86,3.5,1e5,x,maybe,优\nC, 12,0.855,3.0,99.999999999999,0.30000000000000004,TRUE,中\n';
    const rows = reused(text, 1 << 16);
    expect(rows[0]!.values).toEqual({ 金额: 1234.5, 比率: 0.855, 次数: 3, 得分: 0.1, 数: -2.675, 合格: true, 等次: '好' });
    expect(rows[1]!.errors.map((e) => e.field)).toEqual(['金额', '次数', '数', '合格', '等次']);
    expect(rows[2]!.values).toEqual({ 金额: 12, 比率: 0.855, 次数: 3, 得分: 99.999999999999, 数: 0.30000000000000004, 合格: true, 等次: '中' });
  });

  it('refuses push() when rows are reused', () => {
    expect(() => new CsvStreamReader(typed, 64, true).push('id\n')).toThrow(/each/);
  });
});
