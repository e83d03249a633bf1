import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCsv, splitCsvRecords } from '../../src/data/csv.js';
import type { DataRow, InputDecl } from '../../src/data/types.js';

const INPUTS: InputDecl[] = [
  { name: '预算金额', type: { kind: 'money', unit: '万元' } },
  { name: '满意度', type: { kind: 'percent' } },
  { name: '是否完成', type: { kind: 'bool' } },
  { name: '受益人数', type: { kind: 'count' } },
];

const codes = (r: DataRow) => r.errors.map((e) => `${e.field}:${e.code}`);

describe('readCsv: basics', () => {
  it('reads typed values, ids, extras and line numbers', () => {
    const text = [
      '编号,项目名称,预算金额,满意度,是否完成,受益人数,备注',
      'P01,绿化工程,810,85.5%,是,1200,',
      'P02,道路维修,"1,256.5",0.9,否,"3,000",延期一个月',
    ].join('\n');
    const t = readCsv(text, INPUTS);
    expect(t.fileErrors).toEqual([]);
    expect(t.columns).toEqual(['编号', '项目名称', '预算金额', '满意度', '是否完成', '受益人数', '备注']);
    expect(t.unknownColumns).toEqual(['项目名称', '备注']);
    expect(t.rows).toHaveLength(2);
    const [a, b] = t.rows as [DataRow, DataRow];
    expect(a).toMatchObject({ row: 1, line: 2, id: 'P01', errors: [] });
    expect({ ...a.values }).toEqual({ 预算金额: 810, 满意度: 0.855, 是否完成: true, 受益人数: 1200 });
    expect({ ...a.extras }).toEqual({ 项目名称: '绿化工程', 备注: '' });
    expect(b).toMatchObject({ row: 2, line: 3, id: 'P02', errors: [] });
    expect({ ...b.values }).toEqual({ 预算金额: 1256.5, 满意度: 0.9, 是否完成: false, 受益人数: 3000 });
    expect(b.extras['备注']).toBe('延期一个月');
  });

  it('values and extras have no prototype', () => {
    const t = readCsv('预算金额,x\n1,2', INPUTS);
    const r = t.rows[0]!;
    expect(Object.getPrototypeOf(r.values)).toBeNull();
    expect(Object.getPrototypeOf(r.extras)).toBeNull();
  });

  it('strips a BOM from the text and the header', () => {
    const t = readCsv('\uFEFF预算金额,满意度\n810,80%\n', INPUTS);
    expect(t.columns).toEqual(['预算金额', '满意度']);
    expect(t.rows[0]!.values['预算金额']).toBe(810);
    expect(t.unknownColumns).toEqual([]);
  });

  it('trims header cells', () => {
    const t = readCsv(' 预算金额 ,\t满意度 \n810,80%\n', INPUTS);
    expect(t.columns).toEqual(['预算金额', '满意度']);
    expect(t.rows[0]!.values['满意度']).toBe(0.8);
  });

  it('accepts CRLF and keeps line numbers', () => {
    const t = readCsv('预算金额\r\n1\r\n2\r\n', [INPUTS[0]!]);
    expect(t.rows.map((r) => [r.row, r.line, r.values['预算金额']])).toEqual([
      [1, 2, 1],
      [2, 3, 2],
    ]);
  });

  it('skips blank, whitespace-only and all-empty lines without counting them as rows', () => {
    const text = '\n预算金额,满意度\n\n1,10%\n   \n,,\n \t \n2,20%\n\n';
    const t = readCsv(text, INPUTS.slice(0, 2));
    expect(t.columns).toEqual(['预算金额', '满意度']);
    expect(t.rows.map((r) => [r.row, r.line, r.values['预算金额']])).toEqual([
      [1, 4, 1],
      [2, 8, 2],
    ]);
  });

  it('a 5-row CSV with rows 2 and 4 bad gives 5 rows in order, errors naming row and field', () => {
    const text = [
      'id,预算金额,满意度,是否完成,受益人数',
      'a,100,90%,是,10',
      'b,abc,90%,也许,10',
      'c,300,90%,否,30',
      'd,400,很好,是,2.5',
      'e,500,90%,是,50',
    ].join('\n');
    const t = readCsv(text, INPUTS);
    expect(t.rows.map((r) => [r.row, r.line, r.id])).toEqual([
      [1, 2, 'a'],
      [2, 3, 'b'],
      [3, 4, 'c'],
      [4, 5, 'd'],
      [5, 6, 'e'],
    ]);
    expect(t.rows.map((r) => r.errors.length)).toEqual([0, 2, 0, 2, 0]);
    expect(codes(t.rows[1]!)).toEqual(['预算金额:data-bad-number', '是否完成:data-bad-bool']);
    expect(codes(t.rows[3]!)).toEqual(['满意度:data-bad-percent', '受益人数:data-bad-count']);
    expect(t.rows[1]!.errors[0]!.message.zh).toBe('字段“预算金额”的值“abc”不是数字');
    expect(t.rows[3]!.errors[0]!.message.zh).toContain('“很好”');
    // the good fields of a bad row are still there
    expect({ ...t.rows[1]!.values }).toEqual({ 满意度: 0.9, 受益人数: 10 });
    expect({ ...t.rows[3]!.values }).toEqual({ 预算金额: 400, 是否完成: true });
  });

  it('empty cells are missing fields, all collected', () => {
    const t = readCsv('预算金额,满意度,是否完成,受益人数\n,, ,\n', INPUTS);
    expect(t.rows).toHaveLength(0); // an all-empty line is blank
    const t2 = readCsv('id,预算金额,满意度,是否完成,受益人数\nx,, ,,\n', INPUTS);
    expect(t2.rows).toHaveLength(1);
    expect(codes(t2.rows[0]!)).toEqual([
      '预算金额:data-missing-field',
      '满意度:data-missing-field',
      '是否完成:data-missing-field',
      '受益人数:data-missing-field',
    ]);
    expect(t2.rows[0]!.errors[0]!.message.zh).toBe('字段“预算金额”为空');
  });

  it('an input with no column is missing in every row', () => {
    const t = readCsv('预算金额,满意度,是否完成\n1,1%,是\n2,2%,否\n', INPUTS);
    for (const r of t.rows) {
      expect(codes(r)).toEqual(['受益人数:data-missing-field']);
      expect(r.errors[0]!.message.zh).toBe('缺少字段“受益人数”：表头中没有这一列');
    }
  });

  it('works with no inputs at all: everything is extras', () => {
    const t = readCsv('a,b\n1,2\n', []);
    expect(t.unknownColumns).toEqual(['a', 'b']);
    expect({ ...t.rows[0]!.extras }).toEqual({ a: '1', b: '2' });
    expect(t.rows[0]!.errors).toEqual([]);
  });

  it('an empty file is a file error; a header alone gives no rows', () => {
    for (const text of ['', '\uFEFF', '\n\n  \n']) {
      const t = readCsv(text, INPUTS);
      expect(t.rows).toEqual([]);
      expect(t.fileErrors).toHaveLength(1);
      expect(t.fileErrors[0]!.message.zh).toContain('为空');
    }
    const h = readCsv('预算金额,满意度\n', INPUTS);
    expect(h.rows).toEqual([]);
    expect(h.fileErrors).toEqual([]);
    expect(h.columns).toEqual(['预算金额', '满意度']);
  });
});

describe('readCsv: ids', () => {
  it.each(['id', 'ID', '编号', '序号'])('uses the %s column', (col) => {
    const t = readCsv(`${col},预算金额\nX-1,5\n`, [INPUTS[0]!]);
    expect(t.rows[0]!.id).toBe('X-1');
    expect(t.unknownColumns).toEqual([]);
    expect(Object.keys(t.rows[0]!.extras)).toEqual([]);
  });
  it('falls back to the row number when the id is empty or there is no id column', () => {
    const t = readCsv('id,预算金额\n,5\n  ,6\nq,7\n', [INPUTS[0]!]);
    expect(t.rows.map((r) => r.id)).toEqual(['1', '2', 'q']);
    const u = readCsv('预算金额\n5\n6\n', [INPUTS[0]!]);
    expect(u.rows.map((r) => r.id)).toEqual(['1', '2']);
  });
  it('trims the id', () => {
    expect(readCsv('id,预算金额\n  P7 ,5\n', [INPUTS[0]!]).rows[0]!.id).toBe('P7');
  });
  it('prefers 编号 over 序号; the other one is an ordinary extra column', () => {
    const t = readCsv('序号,编号,预算金额\n1,P01,5\n', [INPUTS[0]!]);
    expect(t.rows[0]!.id).toBe('P01');
    expect(t.unknownColumns).toEqual(['序号']);
    expect(t.rows[0]!.extras['序号']).toBe('1');
  });
  it('allows duplicate ids', () => {
    const t = readCsv('id,预算金额\nA,1\nA,2\n', [INPUTS[0]!]);
    expect(t.rows.map((r) => [r.row, r.id, r.values['预算金额']])).toEqual([
      [1, 'A', 1],
      [2, 'A', 2],
    ]);
  });
});

describe('readCsv: unknown and odd columns', () => {
  it('lists unknown columns once, in header order', () => {
    const t = readCsv('备注,预算金额,项目名称,备注\nx,1,y,z\nx2,2,y2,z2\n', [INPUTS[0]!]);
    expect(t.unknownColumns).toEqual(['备注', '项目名称']);
  });
  it('a duplicate header is a file error; the first column wins and the second is kept as an extra', () => {
    const t = readCsv('预算金额,预算金额\n1,2\n', [INPUTS[0]!]);
    expect(t.fileErrors).toHaveLength(1);
    expect(t.fileErrors[0]!.line).toBe(1);
    expect(t.fileErrors[0]!.message.zh).toContain('“预算金额”出现了不止一次');
    expect(t.rows[0]!.values['预算金额']).toBe(1);
    expect(t.rows[0]!.extras['第2列']).toBe('2');
  });
  it('content under an unnamed header cell is kept as an extra', () => {
    const t = readCsv('预算金额,,\n1,,note\n', [INPUTS[0]!]);
    expect(t.unknownColumns).toEqual([]);
    expect({ ...t.rows[0]!.extras }).toEqual({ 第3列: 'note' });
    expect(t.rows[0]!.errors).toEqual([]);
  });
  it('handles __proto__ and constructor as ordinary column names', () => {
    const inputs: InputDecl[] = [{ name: '__proto__', type: { kind: 'number' } }];
    const t = readCsv('__proto__,constructor,toString\n5,x,y\n', inputs);
    const r = t.rows[0]!;
    expect(r.errors).toEqual([]);
    expect(Object.keys(r.values)).toEqual(['__proto__']);
    expect(r.values['__proto__']).toBe(5);
    expect(Object.keys(r.extras)).toEqual(['constructor', 'toString']);
    expect(r.extras['constructor']).toBe('x');
    expect(t.unknownColumns).toEqual(['constructor', 'toString']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // and as an extra
    const u = readCsv('__proto__\n{"polluted":1}\n', []);
    expect(u.rows[0]!.extras['__proto__']).toBe('{"polluted":1}');
    expect(Object.getPrototypeOf(u.rows[0]!.extras)).toBeNull();
  });
});

describe('readCsv: ragged rows', () => {
  it('a short row gets missing fields for the absent columns', () => {
    const t = readCsv('id,预算金额,满意度,是否完成\na,1,50%\nb,2\n', INPUTS.slice(0, 3));
    expect(codes(t.rows[0]!)).toEqual(['是否完成:data-missing-field']);
    expect(t.rows[0]!.errors[0]!.message.zh).toBe('缺少字段“是否完成”：该行只有 3 个单元格');
    expect(codes(t.rows[1]!)).toEqual(['满意度:data-missing-field', '是否完成:data-missing-field']);
    expect(t.rows[1]!.values['预算金额']).toBe(2);
  });
  it('a long row gets data-bad-row naming the row; the extra cells are kept', () => {
    const t = readCsv('id,预算金额\na,1\nb,2,oops,more\nc,3\n', [INPUTS[0]!]);
    expect(t.rows).toHaveLength(3);
    const b = t.rows[1]!;
    expect(codes(b)).toEqual([':data-bad-row']);
    expect(b.errors[0]!.message.zh).toContain('第 2 行');
    expect(b.errors[0]!.message.zh).toContain('文件第 3 行');
    expect(b.errors[0]!.message.en).toContain('row 2 (line 3) has 4 cells');
    expect(b.values['预算金额']).toBe(2);
    expect({ ...b.extras }).toEqual({ 第3列: 'oops', 第4列: 'more' });
    expect(t.rows[2]!.errors).toEqual([]);
  });
  it('trailing empty cells beyond the header are ignored silently', () => {
    const t = readCsv('id,预算金额\na,1,,\n', [INPUTS[0]!]);
    expect(t.rows[0]!.errors).toEqual([]);
    expect(Object.keys(t.rows[0]!.extras)).toEqual([]);
  });
});

describe('readCsv: quoting', () => {
  it('reads quoted fields with commas, quotes and newlines; later lines are numbered right', () => {
    const text = [
      'id,项目名称,预算金额,备注',
      '1,"绿化, 一期",810,"第一行',
      '第二行, 含逗号',
      '第三行"',
      '2,"他说""好""",5,',
      '"3","多',
      '行",6,x',
    ].join('\r\n');
    const t = readCsv(text, [INPUTS[0]!]);
    expect(t.rows.map((r) => [r.row, r.line, r.id, r.values['预算金额']])).toEqual([
      [1, 2, '1', 810],
      [2, 5, '2', 5],
      [3, 6, '3', 6],
    ]);
    expect(t.rows[0]!.extras['项目名称']).toBe('绿化, 一期');
    expect(t.rows[0]!.extras['备注']).toBe('第一行\n第二行, 含逗号\n第三行');
    expect(t.rows[1]!.extras['项目名称']).toBe('他说"好"');
    expect(t.rows[2]!.extras['项目名称']).toBe('多\n行');
    expect(t.rows.every((r) => r.errors.length === 0)).toBe(true);
  });
  it('a stray quote inside a field is kept literally', () => {
    const t = readCsv('id,项目名称\n1,5" 管道\n2,"A"B\n', []);
    expect(t.rows.map((r) => r.extras['项目名称'])).toEqual(['5" 管道', '"A"B']);
    expect(t.rows.every((r) => r.errors.length === 0)).toBe(true);
  });
});

describe('readCsv: truncated and malformed text', () => {
  it('a last line with no newline is still a row', () => {
    const t = readCsv('id,预算金额,满意度\na,1,10%\nb,2,20%', INPUTS.slice(0, 2));
    expect(t.rows).toHaveLength(2);
    expect(t.rows[1]!.errors).toEqual([]);
    expect(t.rows[1]!.values['满意度']).toBe(0.2);
  });
  it('a truncated last line is a row with the missing fields', () => {
    const t = readCsv('id,预算金额,满意度\na,1,10%\nb,2', INPUTS.slice(0, 2));
    expect(t.rows).toHaveLength(2);
    expect(codes(t.rows[1]!)).toEqual(['满意度:data-missing-field']);
  });
  it('a last line cut inside a quote is a row with data-bad-row and what could be read', () => {
    const t = readCsv('id,预算金额,备注\na,1,ok\nb,2,"unfinished', [INPUTS[0]!]);
    expect(t.rows).toHaveLength(2);
    const b = t.rows[1]!;
    expect(b).toMatchObject({ row: 2, line: 3, id: 'b' });
    expect(codes(b)).toEqual([':data-bad-row']);
    expect(b.errors[0]!.message.zh).toContain('引号没有闭合');
    expect(b.values['预算金额']).toBe(2);
    expect(b.extras['备注']).toBe('unfinished');
  });
  it('an unclosed quote in the middle does not swallow the rows after it', () => {
    const text = 'id,预算金额\na,1\nb,"2\nc,3\nd,4\n';
    const t = readCsv(text, [INPUTS[0]!]);
    expect(t.rows.map((r) => [r.row, r.line, r.id, codes(r)])).toEqual([
      [1, 2, 'a', []],
      [2, 3, 'b', [':data-bad-row']],
      [3, 4, 'c', []],
      [4, 5, 'd', []],
    ]);
    expect(t.rows[1]!.values['预算金额']).toBe(2);
  });
  it('an unclosed quote is not closed by a stray quote on a later line (no silent merging)', () => {
    const text = 'id,预算金额,备注\na,1,"绿化工程\nb,2,ok\nc,3,他说"好"\nd,4,x\n';
    const t = readCsv(text, [INPUTS[0]!]);
    expect(t.rows.map((r) => [r.row, r.line, r.id, r.values['预算金额'], codes(r)])).toEqual([
      [1, 2, 'a', 1, [':data-bad-row']],
      [2, 3, 'b', 2, []],
      [3, 4, 'c', 3, []],
      [4, 5, 'd', 4, []],
    ]);
    expect(t.rows[0]!.extras['备注']).toBe('绿化工程');
    expect(t.rows[2]!.extras['备注']).toBe('他说"好"');
  });
  it('every line of a file full of unclosed quotes is its own row', () => {
    const text = 'id,预算金额\n' + Array.from({ length: 20 }, (_, i) => `${i},"${i}`).join('\n');
    const t = readCsv(text, [INPUTS[0]!]);
    expect(t.rows).toHaveLength(20);
    expect(t.rows.map((r) => r.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(t.rows.every((r) => r.errors.length === 1 && r.errors[0]!.code === 'data-bad-row')).toBe(true);
    expect(t.rows.map((r) => r.values['预算金额'])).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
  it('a malformed header is reported as a file error but still used', () => {
    const t = readCsv('id,"预算金额\na,1\n', [INPUTS[0]!]);
    expect(t.fileErrors).toHaveLength(1);
    expect(t.fileErrors[0]!.line).toBe(1);
    expect(t.columns).toEqual(['id', '预算金额']);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]!.values['预算金额']).toBe(1);
  });
});

describe('splitCsvRecords', () => {
  it('turns lone CR into a line end', () => {
    expect(splitCsvRecords('a\rb\r\nc').map((r) => [r.cells, r.line])).toEqual([
      [['a'], 1],
      [['b'], 2],
      [['c'], 3],
    ]);
  });
});

/** RFC 4180 writer used to check the reader. */
function toCsv(rows: string[][], eol: string): string {
  const q = (c: string) => (/[",\r\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(q).join(',')).join(eol) + eol;
}

describe('readCsv: properties', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', '值', ',', '"', '\n', ' ', '1', '%'), maxLength: 6 });

  it('round-trips any table of cells with the right row and line numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((w) =>
          fc.tuple(fc.constant(w), fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 8 })),
        ),
        fc.constantFrom('\n', '\r\n'),
        ([w, body], eol) => {
          const header = Array.from({ length: w }, (_, j) => `c${j}`);
          // rows whose cells are all blank are skipped by design; make each row non-blank
          const rows = body.map((r) => ['x' + (r[0] ?? ''), ...r.slice(1)]);
          const text = toCsv([header, ...rows], eol);
          const t = readCsv(text, []);
          expect(t.fileErrors).toEqual([]);
          expect(t.rows).toHaveLength(rows.length);
          let line = 2;
          rows.forEach((r, k) => {
            const got = t.rows[k]!;
            expect(got.row).toBe(k + 1);
            expect(got.line).toBe(line);
            expect(got.errors).toEqual([]);
            header.forEach((h, j) => expect(got.extras[h]).toBe(r[j]));
            line += r.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0) + 1;
          });
        },
      ),
    );
  });

  it('never throws, and numbers rows 1..n with increasing lines, on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '1', '\uFEFF'), maxLength: 40 }), (text) => {
        const t = readCsv(text, [{ name: 'a', type: { kind: 'number' } }]);
        t.rows.forEach((r, k) => {
          expect(r.row).toBe(k + 1);
          if (k > 0) expect(r.line).toBeGreaterThan(t.rows[k - 1]!.line);
        });
      }),
    );
  });

  it('every non-blank line with no quote opening a field is one row', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', ',', ' ', '1', '"'), maxLength: 8 }), { maxLength: 10 }), (raw) => {
        // a quote that is not the first character of a field is literal text
        const lines = raw.map((l) => l.replace(/(^|,)"/g, '$1a"'));
        const body = lines.filter((l) => l.replace(/[,\s]/g, '') !== '');
        const t = readCsv(['h', ...body].join('\n'), []);
        expect(t.rows).toHaveLength(body.length);
      }),
    );
  });
});
