// What the compiler emits for the ruleset, one entry per target, for the compile panel.
// Built only while that panel is open: emitting is cheap, but not free on large rulesets.
// A target that cannot express the ruleset says why in its own tab; the others still show.
import type { IrProgram } from '../../../src/index.js';
import { emitEsm, emitInputSchema, emitIr, emitScorer, emitSql, emitTable, emitTableXlsx } from '../../../src/index.js';
import type { Bilingual, Output } from './protocol.js';

interface Target {
  readonly id: string;
  readonly label: Bilingual;
  readonly fileName: (name: string) => string;
  readonly emit: (p: IrProgram) => string | Promise<Uint8Array>;
}

const TARGETS: readonly Target[] = [
  { id: 'ir', label: { zh: 'IR（JSON）', en: 'IR (JSON)' }, fileName: (n) => `${n}.ir.json`, emit: emitIr },
  { id: 'esm', label: { zh: 'ES 模块', en: 'ES module' }, fileName: (n) => `${n}.mjs`, emit: (p) => emitEsm(p).js },
  { id: 'dts', label: { zh: '类型声明', en: 'Type declarations' }, fileName: (n) => `${n}.d.mts`, emit: (p) => emitEsm(p).dts },
  { id: 'schema', label: { zh: '输入 JSON Schema', en: 'Input JSON Schema' }, fileName: (n) => `${n}.units.schema.json`, emit: (p) => `${JSON.stringify(emitInputSchema(p), null, 2)}\n` },
  { id: 'postgres', label: { zh: 'SQL（PostgreSQL）', en: 'SQL (PostgreSQL)' }, fileName: (n) => `${n}.postgres.sql`, emit: (p) => emitSql(p, { dialect: 'postgres' }) },
  { id: 'duckdb', label: { zh: 'SQL（DuckDB）', en: 'SQL (DuckDB)' }, fileName: (n) => `${n}.duckdb.sql`, emit: (p) => emitSql(p, { dialect: 'duckdb' }) },
  { id: 'table-md', label: { zh: '指标体系表（Markdown）', en: 'Indicator table (Markdown)' }, fileName: (n) => `${n}.指标体系表.md`, emit: (p) => emitTable(p, 'md') },
  { id: 'table-csv', label: { zh: '指标体系表（CSV）', en: 'Indicator table (CSV)' }, fileName: (n) => `${n}.指标体系表.csv`, emit: (p) => emitTable(p, 'csv') },
  { id: 'table-xlsx', label: { zh: '指标体系表（XLSX）', en: 'Indicator table (XLSX)' }, fileName: (n) => `${n}.指标体系表.xlsx`, emit: emitTableXlsx },
  {
    id: 'js',
    label: { zh: '评分函数（JS）', en: 'Scorer (JS)' },
    fileName: (n) => `${n}.scorer.js`,
    emit: (p) => `// 评分函数体：new Function('rt', body)(runtime) 得到 (unit, pts, app, out, al) => total\n${emitScorer(p, { explain: false })}\n`,
  },
];

async function emitOne(t: Target, program: IrProgram): Promise<Output> {
  const base = { id: t.id, label: t.label, fileName: t.fileName(program.name) };
  try {
    const out = await t.emit(program);
    if (typeof out === 'string') return { ...base, text: out };
    return { ...base, text: `（二进制文件 ${out.length} 字节：请下载 / binary file of ${out.length} bytes: download it）`, bytes: out };
  } catch (e) {
    return { ...base, text: `// 此目标无法表达本规则集 / this target cannot express the ruleset:\n// ${e instanceof Error ? e.message : String(e)}\n`, failed: true };
  }
}

export function compileOutputs(program: IrProgram): Promise<Output[]> {
  return Promise.all(TARGETS.map((t) => emitOne(t, program)));
}
