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
