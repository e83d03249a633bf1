import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/data/encoding.js';
import { readCsv } from '../../src/data/csv.js';

// "项目名称,是否完成,金额\r\n绿化工程,是,810万元\r\n" in GBK, from Python's str.encode("gbk")
const GBK_CSV = new Uint8Array([
  207, 238, 196, 191, 195, 251, 179, 198, 44, 202, 199, 183, 241, 205, 234, 179, 201, 44, 189, 240, 182, 238, 13, 10,
  194, 204, 187, 175, 185, 164, 179, 204, 44, 202, 199, 44, 56, 49, 48, 205, 242, 212, 170, 13, 10,
]);

describe('decodeBytes', () => {
  it('decodes UTF-8 without a BOM', () => {
    expect(decodeBytes(new TextEncoder().encode('项目名称,金额\n'))).toEqual({ text: '项目名称,金额\n', encoding: 'utf-8' });
  });
  it('strips a UTF-8 BOM', () => {
    const body = new TextEncoder().encode('满意度\n85%');
    const buf = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    expect(decodeBytes(buf)).toEqual({ text: '满意度\n85%', encoding: 'utf-8' });
  });
  it('keeps a second BOM-looking character that is data', () => {
    const buf = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61]);
    expect(decodeBytes(buf).text).toBe('\uFEFFa');
  });
  it('decodes an empty buffer', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
  it('plain ASCII is UTF-8', () => {
    expect(decodeBytes(new Uint8Array([0x61, 0x2c, 0x62]))).toEqual({ text: 'a,b', encoding: 'utf-8' });
  });
  it('falls back to GBK when the bytes are not UTF-8', () => {
    expect(decodeBytes(new Uint8Array([207, 238, 196, 191, 195, 251, 179, 198]))).toEqual({ text: '项目名称', encoding: 'gbk' });
    expect(decodeBytes(new Uint8Array([194, 250, 210, 226, 182, 200]))).toEqual({ text: '满意度', encoding: 'gbk' });
  });
  it('a GBK CSV reads end to end', () => {
    const { text, encoding } = decodeBytes(GBK_CSV);
    expect(encoding).toBe('gbk');
    expect(text).toBe('项目名称,是否完成,金额\r\n绿化工程,是,810万元\r\n');
    const t = readCsv(text, [
      { name: '是否完成', type: { kind: 'bool' } },
      { name: '金额', type: { kind: 'money', unit: '万元' } },
    ]);
    expect(t.rows).toHaveLength(1);
    expect({ ...t.rows[0]!.values }).toEqual({ 是否完成: true, 金额: 810 });
    expect(t.rows[0]!.extras['项目名称']).toBe('绿化工程');
  });
});
