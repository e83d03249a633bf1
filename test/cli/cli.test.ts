// The `jixiao` command run in-process: argv in, stdout/stderr text and exit code out.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

interface Run {
  code: number;
  out: string;
  err: string;
  /** stdout split into lines, without the final empty one. */
  lines: string[];
  errLines: string[];
}

async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const stdout = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  });
  const code = await main(argv, {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
    stdout,
  });
  const split = (s: string) => (s === '' ? [] : s.replace(/\n$/, '').split('\n'));
  return { code, out, err, lines: split(out), errLines: split(err) };
}

let dir: string;
const at = (name: string) => join(dir, name);
function write(name: string, text: string): string {
  writeFileSync(at(name), text);
  return at(name);
}

const GOOD = `ruleset 示例 {
  input 预算: money(万元)
  input 支出: money(万元)
  input 满意度: percent
  let 执行率 = 支出 / 预算
  indicator 执行 weight 60 { score bands 执行率 { >= 90%: full; >= 80%: 80%; else: 0 } }
  indicator 满意 weight 40 { score ratio 满意度 target 90% }
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 otherwise }
  outcomes { 差: "取消资金安排" adjust -100% }
  alert 红灯 "执行进度滞后" when 执行率 < 60%
  test "全优" {
    given { 预算: 100, 支出: 95, 满意度: 90% }
    expect total == 100
    expect grade == 优
  }
  test "滞后" {
    given { 预算: 100, 支出: 50, 满意度: 45% }
    expect total == 20
    expect alert 红灯
  }
}
`;

const FAILING = GOOD.replace('expect total == 20', 'expect total == 25').replace('expect alert 红灯', 'expect grade == 中');

const BAD = `ruleset 有错 {
  input 满意度: percent
  input 支出: money(元)
  let x = 支出 + 满意度
  indicator a weight 90 { score ratio 满意 target 90% }
  alert 低 "x" when 满意度 >= 90
  grades { 优 >= 90; 差 otherwise }
}
`;

const WARN_ONLY = `ruleset 只有警告 {
  input 满意度: percent
  indicator a weight 100 { score ratio 满意度 target 90% }
  alert 低 "x" when 满意度 < 60
  grades { 优 >= 90; 差 otherwise }
}
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  write('good.jx', GOOD);
  write('failing.jx', FAILING);
  write('bad.jx', BAD);
  write('warn.jx', WARN_ONLY);
  mkdirSync(at('set'));
  writeFileSync(join(dir, 'set', 'b.jx'), GOOD);
  writeFileSync(join(dir, 'set', 'a.jx'), WARN_ONLY);
  writeFileSync(join(dir, 'set', 'notes.txt'), 'not a ruleset');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('jixiao check', () => {
  it('prints FILE:LINE:COL: severity CODE message for each diagnostic, and exits 1 on errors', async () => {
    const file = at('bad.jx');
    const r = await run('check', file);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${file}:4:11: error unit-mismatch “+”两边单位不一致：金额(元) 与 百分比`,
      `${file}:5:13: error weight-sum-mismatch 一级指标分值之和为 90，与总分 100 不符`,
      `${file}:5:39: error name-unknown 未定义的名称“满意”，是否是“满意度”？`,
      `${file}:6:27: warning type-percent-vs-number 百分比与 90 比较；百分比是小数（95% 即 0.95），是否应写作 90%？`,
    ]);
    expect(r.errLines).toEqual(['1 个文件，3 个错误，1 个警告 (1 files, 3 errors, 1 warnings)']);
  });

  it('prints messages in English with --lang en', async () => {
    const file = at('bad.jx');
    const r = await run('check', '--lang', 'en', file);
    expect(r.lines[0]).toBe(`${file}:4:11: error unit-mismatch \`+\` combines money(元) with percent`);
    for (const line of r.lines) expect(line).toMatch(/^.+:\d+:\d+: (error|warning) [a-z-]+ .+$/);
  });

  it('exits 0 for a clean file, printing nothing on stdout', async () => {
    const r = await run('check', at('good.jx'));
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.errLines).toEqual(['1 个文件，0 个错误，0 个警告 (1 files, 0 errors, 0 warnings)']);
  });

  it('exits 0 when there are only warnings', async () => {
    const file = at('warn.jx');
    const r = await run('check', file);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([`${file}:4:26: warning type-percent-vs-number 百分比与 60 比较；百分比是小数（95% 即 0.95），是否应写作 60%？`]);
  });

  it('checks every .jx file under a folder, in name order', async () => {
    const r = await run('check', at('set'));
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([`${join(dir, 'set', 'a.jx')}:4:26: warning type-percent-vs-number 百分比与 60 比较；百分比是小数（95% 即 0.95），是否应写作 60%？`]);
    expect(r.err).toContain('(2 files, 0 errors, 1 warnings)');
  });

  it('reports a syntax error with its position', async () => {
    const file = write('syntax.jx', 'ruleset 坏 {\n  input a percent\n}\n');
    const r = await run('check', file);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([`${file}:2:11: error syntax-unexpected-token 此处应为 \`:\`，却是 “percent”`]);
  });

  it('exits 1 for a missing file and 2 without files', async () => {
    const missing = await run('check', at('nope.jx'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`${at('nope.jx')}: error 文件不存在 (no such file)`);
    expect((await run('check')).code).toBe(2);
  });
});

describe('jixiao test', () => {
  it('prints a line per test and `N passed, N failed` last; exits 0 when all pass', async () => {
    const file = at('good.jx');
    const r = await run('test', file);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([`✓ ${file}: 全优`, `✓ ${file}: 滞后`, '2 passed, 0 failed']);
  });

  it('shows each failed expectation with its position and what was found; exits 1', async () => {
    const file = at('failing.jx');
    const r = await run('test', file);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `✓ ${file}: 全优`,
      `✗ ${file}:16: 滞后`,
      `    ${file}:18:5: expect total == 25 — 实际 总分为 20`,
      `    ${file}:19:5: expect grade == 中 — 实际 等级为 差`,
      '1 passed, 1 failed',
    ]);
  });

  it('counts a ruleset with errors as failed and prints its errors on stderr', async () => {
    const file = at('bad.jx');
    const r = await run('test', file, at('good.jx'));
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe(`✗ ${file}: 规则集有错误，测试未运行 (the ruleset has errors; its tests did not run)`);
    expect(r.lines.at(-1)).toBe('2 passed, 1 failed');
    expect(r.errLines).toContain(`${file}:4:11: error unit-mismatch “+”两边单位不一致：金额(元) 与 百分比`);
  });

  it('exits 1 when there is no test at all', async () => {
    const r = await run('test', at('warn.jx'));
    expect(r.lines.at(-1)).toBe('0 passed, 0 failed');
    expect(r.code).toBe(1);
  });
});

describe('jixiao eval', () => {
  const CSV = ['编号,预算,支出,满意度,项目名称,备注', 'A1,100,95,90%,甲项目,x', 'A2,abc,50,45%,乙项目,y', 'A3,0,0,80%,丙项目,z', 'A4,100,50,45%,丁项目,'].join('\n') + '\n';

  it('writes one JSON line per row with id, row, total, grade, indicators, outcome, alerts, error, extra', async () => {
    const r = await run('eval', at('good.jx'), write('units.csv', CSV));
    const rows = r.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((x) => Object.keys(x))).toEqual(Array(4).fill(['id', 'row', 'total', 'grade', 'indicators', 'outcome', 'alerts', 'adjustments', 'light', 'error', 'extra']));
    expect(rows[0]).toEqual({
      id: 'A1',
      row: 1,
      total: 100,
      grade: '优',
      indicators: {
        执行: { points: 60, weight: 60, applicable: true, explain: '执行率 95% ≥ 90%，得满分 60.00 分' },
        满意: { points: 40, weight: 40, applicable: true, explain: '满意度 90% 达到目标 90%，得满分 40.00 分' },
      },
      outcome: null,
      alerts: [],
      adjustments: [],
      light: null,
      error: null,
      extra: { 项目名称: '甲项目', 备注: 'x' },
    });
    expect(rows[3]).toMatchObject({
      id: 'A4',
      total: 20,
      grade: '差',
      outcome: { text: '取消资金安排', adjust: -1 },
      alerts: [{ name: '红灯', message: '执行进度滞后' }],
      error: null,
    });
  });

  it('keeps every row, in order, when some fail, and exits 1', async () => {
    const r = await run('eval', at('good.jx'), write('units.csv', CSV));
    expect(r.code).toBe(1);
    const rows = r.lines.map((l) => JSON.parse(l) as { id: string; row: number; total: number | null; error: { code: string; message: string; field?: string } | null });
    expect(rows.map((x) => [x.id, x.row, x.total, x.error?.code ?? null])).toEqual([
      ['A1', 1, 100, null],
      ['A2', 2, null, 'data-bad-number'],
      ['A3', 3, null, 'eval-division-by-zero'],
      ['A4', 4, 20, null],
    ]);
    expect(rows[1]!.error).toEqual({ code: 'data-bad-number', message: '第 2 行（文件第 3 行）：字段“预算”的值“abc”不是数字', field: '预算' });
    expect(rows[2]!.error!.message).toBe('除数为零：支出 / 预算（预算 = 0）');
    expect(r.errLines.at(-1)).toBe('2 行出错 (2 rows with errors)');
  });

  it('exits 0 when every row scores', async () => {
    const r = await run('eval', at('good.jx'), write('fine.csv', '预算,支出,满意度\n100,95,90%\n100,85,81%\n'));
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => (JSON.parse(l) as { id: string; total: number }).total)).toEqual([100, 84]);
    expect(r.lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['1', '2']);
    expect(r.err).toBe('');
  });

  it('warns once on stderr about columns that are not inputs, and carries them through', async () => {
    const r = await run('eval', at('good.jx'), write('units.csv', CSV));
    const warnings = r.errLines.filter((l) => l.includes('data-unknown-columns'));
    expect(warnings).toEqual([`${at('units.csv')}: warning data-unknown-columns 以下列不是规则集的输入，原样带入输出：项目名称、备注`]);
  });

  it('warns once about unknown columns in a file read in many chunks', async () => {
    const lines = ['id,预算,支出,满意度,备注'];
    const note = '本单位年度预算执行情况说明，资金拨付及时，项目按计划推进'.repeat(2);
    for (let i = 1; i <= 16_000; i++) lines.push(`U${i},100,${80 + (i % 20)},${70 + (i % 30)}%,第${i}个：${note}`);
    const big = write('big.csv', `${lines.join('\n')}\n`);
    expect(readFileSync(big).length).toBeGreaterThan(3 * (1 << 19)); // more than one 1 MiB read
    const r = await run('eval', at('good.jx'), big, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.errLines.filter((l) => l.includes('data-unknown-columns'))).toHaveLength(1);
    expect(r.lines).toHaveLength(16_001);
    expect(r.lines[1]!.startsWith('U1,')).toBe(true);
    expect(r.lines[16_000]!.startsWith('U16000,')).toBe(true);
  });

  it('writes CSV with a header, extra columns, totals to the declared decimals and indicator points', async () => {
    const r = await run('eval', at('good.jx'), write('units.csv', CSV), '--format', 'csv');
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      'id,项目名称,备注,total,grade,outcome,adjust,alerts,error_code,error,执行,满意',
      'A1,甲项目,x,100.00,优,,,,,,60,40',
      'A2,乙项目,y,,,,,,data-bad-number,第 2 行（文件第 3 行）：字段“预算”的值“abc”不是数字,,',
      'A3,丙项目,z,,,,,,eval-division-by-zero,除数为零：支出 / 预算（预算 = 0）,,',
      'A4,丁项目,,20.00,差,取消资金安排,-100%,红灯,,,0,20',
    ]);
  });

  it('writes a summary table for many units and a tree for one', async () => {
    const many = await run('eval', at('good.jx'), write('units.csv', CSV), '--format', 'table');
    expect(many.lines[0]).toMatch(/^id\s+总分\s+等级\s+项目名称$/);
    expect(many.lines.slice(1, 5).map((l) => l.replace(/\s+/g, ' '))).toEqual([
      'A1 100.00 优 甲项目',
      'A2 — 错误 data-bad-number：第 2 行（文件第 3 行）：字段“预算”的值“abc”不是数字',
      'A3 — 错误 eval-division-by-zero：除数为零：支出 / 预算（预算 = 0）',
      'A4 20.00 差 [红灯] 丁项目',
    ]);
    expect(many.lines.at(-1)).toBe('共 4 个：优 1，良 0，中 0，差 1，出错 2');
    const one = await run('eval', at('good.jx'), write('one.csv', 'id,预算,支出,满意度\nB1,100,92.5,81%\n'), '--format', 'table');
    expect(one.code).toBe(0);
    expect(one.lines).toEqual([
      '示例  —  B1',
      '1 执行  60.00 / 60  执行率 92.5% ≥ 90%，得满分 60.00 分',
      '2 满意  36.00 / 40  满意度 81% / 目标 90% = 90%，得 90% × 40 = 36.00 分',
      '总分 96.00  等级 优',
    ]);
  });

  it('reads JSON data', async () => {
    const data = write('units.json', JSON.stringify([{ id: 'J1', 预算: 100, 支出: 95, 满意度: '90%' }, { id: 'J2', 预算: 100, 支出: 85, 满意度: 0.81 }]));
    const r = await run('eval', at('good.jx'), data);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => JSON.parse(l) as { id: string; total: number; grade: string }).map((x) => [x.id, x.total, x.grade])).toEqual([
      ['J1', 100, '优'],
      ['J2', 84, '良'],
    ]);
  });

  it('writes to a file with -o', async () => {
    const out = at('out.jsonl');
    const r = await run('eval', at('good.jx'), write('fine.csv', '预算,支出,满意度\n100,95,90%\n'), '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { total: number }).total).toBe(100);
  });

  it('refuses a ruleset with errors, printing them, with exit 1', async () => {
    const r = await run('eval', at('bad.jx'), write('fine.csv', '满意度,支出\n90%,1\n'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.errLines).toContain(`${at('bad.jx')}:4:11: error unit-mismatch “+”两边单位不一致：金额(元) 与 百分比`);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run('eval', at('good.jx'))).code).toBe(2);
    expect((await run('eval', at('good.jx'), at('units.csv'), '--format', 'xml')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('eval', at('good.jx'), at('missing.csv'))).code).toBe(2);
  });

  it('says a data path is a directory instead of failing', async () => {
    mkdirSync(at('data.csv'), { recursive: true });
    const r = await run('eval', at('good.jx'), at('data.csv'));
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual([`jixiao eval: ${at('data.csv')}: 是目录，不是文件 (a directory, not a file)`]);
  });

  it('reads a ruleset saved in GBK, as Windows editors in Chinese save it', async () => {
    // the ruleset 绿化 (完成率 ratio to 100%, test "全部完成" expects 100), encoded by Python's str.encode("gbk")
    const gbk = Buffer.from('72756c6573657420c2ccbbaf207b0a2020696e70757420cdeab3c9c2ca3a2070657263656e740a2020696e64696361746f7220cdeab3c92077656967687420313030207b2073636f726520726174696f20cdeab3c9c2ca207461726765742031303025207d0a2020677261646573207b20d3c5203e3d2039303b20b2ee206f7468657277697365207d0a2020746573742022c8abb2bfcdeab3c922207b0a20202020676976656e207b20cdeab3c9c2ca3a2031303025207d0a2020202065787065637420746f74616c203d3d203130300a20207d0a7d0a', 'hex');
    writeFileSync(at('gbk.jx'), gbk);
    const r = await run('test', at('gbk.jx'));
    expect(r.code).toBe(0);
    expect(r.lines).toContain(`✓ ${at('gbk.jx')}: 全部完成`);
  });
});
