// The playground's pure parts, without a browser: formatting, full-width punctuation fixes, the
// weight-sum quick fixes, the unit sheet's edits and CSV, and share links that are damaged.
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { compile, FULL_WIDTH } from '../../src/index.js';
import { addRow, deleteRow, duplicateRow, setCell, sheetFromCells, sheetToCsv, withInputColumns } from '../../playground/src/data/sheet.js';
import { formatSource, fullWidthOffsets, toAsciiPunctuation } from '../../playground/src/editor/text.js';
import { toProblems } from '../../playground/src/worker/problems.js';

const RULESET = `ruleset 示例 {
  input 满意度: percent
  indicator 甲 weight 60 {
    indicator 甲一 weight 30 { score ratio 满意度 target 90% }
    indicator 甲二 weight 20 { score 满意度 >= 80% ? full : 0 }
  }
  indicator 乙 weight 40 { score ratio 满意度 target 90% }
  grades { 优 >= 90; 差 otherwise }
}
`;

function apply(text: string, edit: { start: number; end: number; text: string }): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

describe('weight-sum quick fixes', () => {
  const r = compile(RULESET);
  const problems = toProblems(r.diagnostics, r.ast, RULESET, 100);
  const sum = problems.find((p) => p.code === 'weight-sum-mismatch')!;

  it('offers the last child taking up the difference first, then the parent taking the sum', () => {
    expect(sum.fixes.map((f) => f.title.zh)).toEqual(['将“甲二”的分值改为 30', '将“甲”的分值改为 50']);
    expect(RULESET.slice(sum.start, sum.end)).toBe('60');
  });

  it('the first fix leaves a ruleset without errors', () => {
    const fixed = apply(RULESET, sum.fixes[0]!);
    expect(fixed).toContain('indicator 甲二 weight 30');
    expect(compile(fixed).ok).toBe(true);
  });

  it('a top-level sum that is off can be fixed by the last indicator or by the total', () => {
    const text = RULESET.replace('indicator 乙 weight 40', 'indicator 乙 weight 45').replace('weight 20 {', 'weight 30 {');
    const c = compile(text);
    const top = toProblems(c.diagnostics, c.ast, text, 100).find((p) => p.code === 'weight-sum-mismatch')!;
    expect(top.fixes.map((f) => f.title.zh)).toEqual(['将“乙”的分值改为 40']);
    expect(compile(apply(text, top.fixes[0]!)).ok).toBe(true);
  });
});

describe('full-width punctuation', () => {
  const text = 'input 满意度： percent  // 注释：保留\nnote “说明：保留” let a = b （1，2）';

  it('finds it in code only, never in comments or strings', () => {
    expect(fullWidthOffsets(text, FULL_WIDTH).map((f) => f.char)).toEqual(['：', '（', '，', '）']);
  });

  it('turns it into ASCII, by range or in the whole text', () => {
    expect(toAsciiPunctuation(text, FULL_WIDTH)).toBe('input 满意度: percent  // 注释：保留\nnote “说明：保留” let a = b (1,2)');
    const firstLine = text.indexOf('\n');
    expect(toAsciiPunctuation(text, FULL_WIDTH, 0, firstLine)).toContain('b （1，2）');
  });
});

describe('format document', () => {
  it('indents by braces, trims, keeps one blank line and leaves strings and comments alone', () => {
    const messy = 'ruleset a {\n      input x: percent   \n\n\n indicator b weight 100 {\n score x >= 1 ? full : 0 // { not a brace\n note "}"\n}\n  grades { 优 >= 90; 差 otherwise }\n}';
    expect(formatSource(messy)).toBe(
      'ruleset a {\n  input x: percent\n\n  indicator b weight 100 {\n    score x >= 1 ? full : 0 // { not a brace\n    note "}"\n  }\n  grades { 优 >= 90; 差 otherwise }\n}\n',
    );
  });

  it('is stable: formatting twice changes nothing', () => {
    const once = formatSource(RULESET.replace(/^ +/gm, ''));
    expect(formatSource(once)).toBe(once);
    expect(once).toBe(RULESET);
  });
});

describe('unit sheet', () => {
  const sheet = sheetFromCells([['编号', '名称', '满意度'], ['1', '甲', '90%'], ['', '', ''], ['2', '乙']]);

  it('drops blank rows and pads short ones', () => {
    expect(sheet.rows).toEqual([['1', '甲', '90%'], ['2', '乙', '']]);
  });

  it('adds, duplicates (with a new id), edits and deletes rows', () => {
    expect(addRow(sheet).rows[2]).toEqual(['3', '', '']);
    expect(duplicateRow(sheet, 0).rows).toEqual([['1', '甲', '90%'], ['3', '甲', '90%'], ['2', '乙', '']]);
    expect(setCell(sheet, 1, '满意度', '85%').rows[1]).toEqual(['2', '乙', '85%']);
    expect(deleteRow(sheet, 0).rows).toEqual([['2', '乙', '']]);
  });

  it('gets a column for a newly declared input, keeping the others', () => {
    const wider = withInputColumns(sheet, [{ name: '问题数', kind: 'count', unit: null, members: [] }]);
    expect(wider.columns).toEqual(['编号', '名称', '满意度', '问题数']);
    expect(wider.rows[0]).toEqual(['1', '甲', '90%', '']);
  });

  it('exports CSV for Excel: BOM, CRLF, quoting', () => {
    const s = setCell(sheet, 0, '名称', '甲, "乙"');
    expect(sheetToCsv(s)).toBe('\uFEFF编号,名称,满意度\r\n1,"甲, ""乙""",90%\r\n2,乙,\r\n');
  });
});

describe('share links', () => {
  // storage.ts reads localStorage only when asked for slots; the hash reader is pure.
  it('reads a good link and refuses damaged or truncated ones', async () => {
    const { readShareHash, shareHash } = await import('../../playground/src/storage.js');
    const state = { source: RULESET, sheet: { columns: ['满意度'], rows: [['90%']] } };
    const hash = shareHash('example', state);
    expect(readShareHash(hash)).toEqual({ kind: 'ok', from: 'example', state });
    expect(readShareHash(hash.slice(0, Math.floor(hash.length / 2))).kind).toBe('broken');
    expect(readShareHash('#share=not-a-link').kind).toBe('broken');
    expect(readShareHash(`#share=${LZString.compressToEncodedURIComponent('{"v":1,"source":3}')}`).kind).toBe('broken');
    expect(readShareHash('#other').kind).toBe('none');
  });
});
