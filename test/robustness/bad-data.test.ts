// Bad data through the real `jixiao eval` (streamed CSV, whole JSON) and through readData: every
// row comes out, in order, with a result or an error naming its row and field; a file that cannot
// be read at all gets one clear file error. docs/data.md states each case.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { compile, dataInputs, Evaluator, evaluateTable, readData } from '../../src/index.js';
import { MAX_DATA_CHARS, MAX_UNITS } from '../../src/limits.js';

const RULESET = `ruleset 数据 {
  input 预算: money(万元)
  input 支出: money(万元)
  input 满意度: percent
  input 问题数: count
  input 达标: bool
  let 执行率 = 支出 / 预算
  indicator 执行 weight 60 { score bands 执行率 { >= 95%: full; >= 80%: 60%; else: 0 } }
  indicator 满意 weight 30 { score ratio 满意度 target 90% }
  indicator 问题 weight 10 { score deduct 2 per 问题数 }
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
}
`;
const HEADER = 'id,预算,支出,满意度,问题数,达标';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-bad-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'r.jx'), RULESET);

interface Line {
  readonly id: string;
  readonly row: number;
  readonly total: number | null;
  readonly error: { code: string; message: string; field?: string } | null;
}

/** `jixiao eval r.jx FILE` as JSON lines, with its stderr and exit code. */
async function evalFile(name: string, content: string | Uint8Array): Promise<{ lines: Line[]; err: string; code: number }> {
  writeFileSync(join(dir, name), content);
  let out = '';
  let err = '';
  const stdout = new Writable({ write: (chunk, _enc, done) => ((out += chunk), done()) });
  const code = await main(['eval', join(dir, 'r.jx'), join(dir, name)], { out: (s) => (out += s), err: (s) => (err += s), stdout });
  const lines = out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
  return { lines, err, code };
}

/** [id, total or error code, the field named] of each output row. */
const summary = (lines: readonly Line[]): (string | number | null)[][] =>
  lines.map((l) => [l.id, l.total ?? l.error!.code, l.error?.field ?? null]);

describe('bad CSV cells: each row out, in order, with a result or an error naming row and field', () => {
  const csv = [
    HEADER + ',备注',
    'A,100,96,95%,0,是,正常',
    'B,,96,95%,0,是,空单元格',
    'C,一百,96,95%,0,是,文字',
    'D,NaN,96,95%,0,是,NaN',
    'E,100,96,Infinity,0,是,Infinity',
    'F,-100,96,95%,0,是,负数',
    'G,0,0,95%,0,是,零预算',
    'A,100,80,95%,1.5,是,重复的 id',
    'H,"100,96",95%,0,是',
    'I,100,96,95%,2,否,多,余',
    'J,100,9',
  ].join('\n');

  it('through jixiao eval', async () => {
    const { lines, err, code } = await evalFile('cells.csv', csv);
    expect(summary(lines)).toEqual([
      ['A', 100, null],
      ['B', 'data-missing-field', '预算'],
      ['C', 'data-bad-number', '预算'],
      ['D', 'data-bad-number', '预算'],
      ['E', 'data-bad-percent', '满意度'],
      ['F', 'data-bad-number', '预算'],
      ['G', 'eval-division-by-zero', null],
      ['A', 'data-bad-count', '问题数'],
      // the quoted "100,96" is one cell, so every later cell is one column early
      ['H', 'data-bad-number', '预算,支出,问题数,达标'],
      ['I', 'data-bad-row', null],
      ['J', 'data-missing-field', '满意度,问题数,达标'],
    ]);
    expect(lines.map((l) => l.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(lines[1]!.error!.message).toBe('第 2 行（文件第 3 行）：字段“预算”为空');
    expect(lines[5]!.error!.message).toBe('第 6 行（文件第 7 行）：字段“预算”的值“-100”是负数：金额不能为负');
    expect(lines[6]!.error!.message).toBe('除数为零：支出 / 预算（预算 = 0）');
    expect(lines[10]!.error!.message).toContain('第 11 行（文件第 12 行）：缺少字段“满意度”：该行只有 3 个单元格');
    expect(err).toContain('10 行出错 (10 rows with errors)');
    expect(code).toBe(1);
  });

  it('the same through readData and evaluateTable', () => {
    const program = compile(RULESET).program!;
    const table = readData(csv, 'csv', dataInputs(program));
    const results = evaluateTable(new Evaluator(program), table);
    expect(results.map((r) => [r.id, r.result.total ?? r.result.error!.code])).toEqual([
      ['A', 100], ['B', 'data-missing-field'], ['C', 'data-bad-number'], ['D', 'data-bad-number'], ['E', 'data-bad-percent'], ['F', 'data-bad-number'],
      ['G', 'eval-division-by-zero'], ['A', 'data-bad-count'], ['H', 'data-bad-number'], ['I', 'data-bad-row'], ['J', 'data-missing-field'],
    ]);
  });
});

describe('bad columns', () => {
  it('a missing column fails every row naming it; an extra one is carried through with a warning', async () => {
    const { lines, err } = await evalFile('columns.csv', 'id,预算,支出,满意度,达标,单位\nA,100,96,95%,是,财政局\nB,100,50,60%,否,教育局\n');
    expect(summary(lines)).toEqual([
      ['A', 'data-missing-field', '问题数'],
      ['B', 'data-missing-field', '问题数'],
    ]);
    expect(lines[0]!.error!.message).toBe('第 1 行（文件第 2 行）：缺少字段“问题数”：表头中没有这一列');
    expect(err).toContain('warning data-unknown-columns 以下列不是规则集的输入，原样带入输出：单位');
  });

  it('a column named twice uses the first, with a file error; blank lines are not rows; an unclosed quote fails only its line', async () => {
    const { lines, err } = await evalFile('shape.csv', `${HEADER},预算\nA,100,96,95%,0,是,1\n\n,,,,,,\nB,"100,96,95%,0,是\nC,100,96,95%,0,是\n`);
    expect(summary(lines)).toEqual([
      ['A', 100, null],
      ['B', 'data-bad-row', null],
      ['C', 100, null],
    ]);
    expect(lines.map((l) => l.row)).toEqual([1, 2, 3]);
    expect(lines[1]!.error!.message).toContain('文件第 5 行的引号没有闭合，已只按这一行读取');
    expect(err).toContain('error data-bad-file 表头中“预算”出现了不止一次；只使用第 2 列，第 7 列放入附加列“第7列”');
  });

  it('an extra column is carried to the output beside the figures', async () => {
    const { lines } = await evalFile('extra.csv', `${HEADER},单位\nA,100,96,95%,0,是,财政局\n`);
    expect(lines.map((l) => [l.total, (l as unknown as { extra: Record<string, string> }).extra])).toEqual([[100, { 单位: '财政局' }]]);
  });
});

describe('encodings', () => {
  /** GBK as Excel on Chinese Windows writes it: the inverse of the platform's GBK decoder. */
  function gbk(text: string): Uint8Array {
    const decoder = new TextDecoder('gbk');
    const table = new Map<string, number[]>();
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (b !== 0x7f && ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
      }
    }
    return Uint8Array.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
  }
  const text = `${HEADER},单位名称\r\nA,100,96,95%,0,是,财政局\r\nB,100,50,60%,3,否,教育局\r\n`;

  it('reads GBK from Excel as it reads UTF-8', async () => {
    const fromGbk = await evalFile('gbk.csv', gbk(text));
    const fromUtf8 = await evalFile('utf8.csv', `\ufeff${text}`);
    expect(summary(fromGbk.lines)).toEqual([['A', 100, null], ['B', 24, null]]);
    expect(fromGbk.lines).toEqual(fromUtf8.lines);
    expect(fromGbk.code).toBe(0);
  });

  it('says clearly that a UTF-16 file ("Unicode text") cannot be read', async () => {
    const { err, code } = await evalFile('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(err).toContain('error data-bad-file 表头中有无法识别的字符：文件不是 UTF-8 或 GBK 编码（可能是 UTF-16 的“Unicode 文本”）');
    expect(code).toBe(1);
  });
});

describe('JSON', () => {
  it('reads numbers, strings and nulls per field; a non-object element is a row error', async () => {
    const json = JSON.stringify([
      { id: 'A', 预算: 100, 支出: 96, 满意度: 0.95, 问题数: 0, 达标: true },
      { id: 'B', 预算: '100', 支出: '96万元', 满意度: '95%', 问题数: '0', 达标: '是' },
      { id: 'C', 预算: null, 支出: 96, 满意度: 0.95, 问题数: 0, 达标: true },
      5,
      { id: 'D', 预算: 0, 支出: 0, 满意度: 0.95, 问题数: 0, 达标: true },
    ]);
    const { lines } = await evalFile('units.json', json);
    expect(summary(lines)).toEqual([
      ['A', 100, null],
      ['B', 100, null],
      ['C', 'data-missing-field', '预算'],
      ['4', 'data-bad-row', null],
      ['D', 'eval-division-by-zero', null],
    ]);
  });

  it('refuses NaN, Infinity and a truncated file with the line and column where it stops', async () => {
    const nan = await evalFile('nan.json', '[{"id":"A","预算":100},\n {"id":"B","预算":NaN}]');
    expect([nan.lines, nan.err.trim(), nan.code]).toEqual([[], `${join(dir, 'nan.json')}:2: error data-bad-file JSON 语法错误：第 2 行第 17 列处不应出现“N”`, 1]);
    const cut = await evalFile('cut.json', '[{"id":"A","预算":100},\n {"id":"B","预算":10');
    expect(cut.err).toContain('JSON 语法错误：第 2 行第 19 列处文件意外结束');
  });
});

describe('limits of an in-memory read', () => {
  const inputs = dataInputs(compile(RULESET).program!);

  it(`refuses more than ${MAX_UNITS} rows at once with a file error`, () => {
    // elements that are not objects are the cheapest rows to read
    const rows = (n: number): string => `[${'0,'.repeat(n - 1)}0]`;
    expect(readData(rows(MAX_UNITS), 'json', inputs).rows).toHaveLength(MAX_UNITS);
    const over = readData(rows(MAX_UNITS + 1), 'json', inputs);
    expect([over.rows.length, over.fileErrors[0]!.message.en]).toEqual([0, `the data has ${MAX_UNITS + 1} rows, more than the limit of ${MAX_UNITS} at once; it was not read. jixiao eval streams a CSV file of any size`]);
  });

  it(`refuses text over ${MAX_DATA_CHARS / 1024 / 1024} MB`, () => {
    const big = readData(' '.repeat(MAX_DATA_CHARS + 1), 'json', inputs);
    expect([big.rows.length, big.fileErrors[0]!.message.zh]).toEqual([0, '数据超过 64 MB 的上限，未读取；CSV 文件可用 jixiao eval 逐块读取，不受此限']);
  });
});

describe('negative money', () => {
  // the checker proves these points within [0, 10] from money being at least 0, so it does not clamp them
  const src = `ruleset 负数 {
  total 10
  input 预算: money(元)
  indicator 指标 weight 10 { score min(预算, 10元) / 10元 * full }
  grades { 合格 >= 6; 不合格 otherwise }
}`;

  it('is refused in data and by the evaluator, never scored below 0', () => {
    const r = compile(src);
    expect(r.diagnostics).toEqual([]);
    const [row] = evaluateTable(new Evaluator(r.program!), readData('预算\n-5\n', 'csv', dataInputs(r.program!)));
    expect([row!.result.total, row!.result.error!.code, row!.result.error!.field]).toEqual([null, 'data-bad-number', '预算']);
    const direct = new Evaluator(r.program!).evaluate({ 预算: -5 });
    expect([direct.total, direct.error?.code]).toEqual([null, 'eval-bad-input']);
    expect(new Evaluator(r.program!).evaluate({ 预算: 5 }).total).toBe(5);
  });
});
