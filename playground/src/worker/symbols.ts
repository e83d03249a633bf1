// Declared names of a compiled ruleset (AST spans joined with IR facts): what hover, completion
// and go to definition read. The IR gives an indicator's code, weight and provable range.
import type { Indicator, IrProgram, Ruleset, ScoreRule, TypeRef, ValueType } from '../../../src/index.js';
import { showNumber } from '../../../src/index.js';
import type { Bilingual, InputColumn, SymbolInfo } from './protocol.js';

export function typeText(t: ValueType | TypeRef): Bilingual {
  switch (t.kind) {
    case 'number':
      return { zh: '数值', en: 'number' };
    case 'percent':
      return { zh: '百分比', en: 'percent' };
    case 'count':
      return { zh: '计数', en: 'count' };
    case 'score':
      return { zh: '分数', en: 'score' };
    case 'bool':
      return { zh: '是否', en: 'bool' };
    case 'money':
      return { zh: `金额（${t.unit}）`, en: `money(${t.unit})` };
    case 'enum': {
      const names = t.members.map((m) => (typeof m === 'string' ? m : m.text));
      return { zh: `枚举（${names.join('、')}）`, en: `enum(${names.join(', ')})` };
    }
  }
}

// Forms the language adds later show under their own kind name until they get words here.
const FORM: Partial<Record<ScoreRule['kind'], Bilingual>> = {
  Bands: { zh: '分档', en: 'bands' },
  Ratio: { zh: '比例', en: 'ratio' },
  Deduct: { zh: '扣分', en: 'deduct' },
  Manual: { zh: '人工评分', en: 'manual' },
  Checklist: { zh: '要素法', en: 'checklist' },
  Tiers: { zh: '分级人工评分', en: 'tiered manual score' },
  Likert: { zh: '满意度量表', en: 'Likert tally' },
  Formula: { zh: '公式', en: 'formula' },
};

export function inputColumns(program: IrProgram): InputColumn[] {
  return program.inputs.map((i) => ({
    name: i.name,
    kind: i.type.kind,
    unit: i.type.kind === 'money' ? i.type.unit : null,
    members: i.type.kind === 'enum' ? i.type.members : [],
  }));
}

function clip(text: string, max = 240): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

function indicatorsByPath(program: IrProgram | undefined): Map<string, IrProgram['indicators'][number]> {
  return new Map((program?.indicators ?? []).map((i) => [i.path, i]));
}

function indicatorSymbols(ast: Ruleset, program: IrProgram | undefined, source: string): SymbolInfo[] {
  const byPath = indicatorsByPath(program);
  const out: SymbolInfo[] = [];
  const visit = (ind: Indicator, prefix: string): void => {
    const path = prefix ? `${prefix}/${ind.name.text}` : ind.name.text;
    const ir = byPath.get(path);
    const w = showNumber(ind.weight);
    const range = ir ? `[${showNumber(ir.range[0], 2)}, ${showNumber(ir.range[1], 2)}]` : '?';
    const form = ind.score ? (FORM[ind.score.kind] ?? { zh: ind.score.kind, en: ind.score.kind }) : { zh: `${ind.children.length} 个下级指标`, en: `${ind.children.length} sub-indicators` };
    const code = ir?.code ?? '';
    const rule = ind.score ? clip(source.slice(ind.score.span.start, ind.score.span.end)) : '';
    out.push({
      kind: 'indicator',
      name: ind.name.text,
      start: ind.name.span.start,
      end: ind.name.span.end,
      detail: {
        zh: `指标 ${code} ${ind.name.text} · 分值 ${w} · 可证得分范围 ${range} · ${form.zh}`,
        en: `indicator ${code} ${ind.name.text} · weight ${w} · provable range ${range} · ${form.en}`,
      },
      doc: [rule, ind.note ?? '', ir?.clamp ? '⚠ 运行时会把得分限定在 [0, 分值]' : ''].filter(Boolean).join('\n\n'),
    });
    ind.children.forEach((c) => visit(c, path));
  };
  ast.indicators.forEach((r) => visit(r, ''));
  return out;
}

/** Every declared name of the ruleset with a one-line description. */
export function collectSymbols(ast: Ruleset, program: IrProgram | undefined, source: string): SymbolInfo[] {
  const letTypes = new Map((program?.lets ?? []).map((l) => [l.name, l.type]));
  const symbols: SymbolInfo[] = [];
  for (const i of ast.inputs) {
    const t = typeText(i.type);
    symbols.push({ kind: 'input', name: i.name.text, start: i.name.span.start, end: i.name.span.end, detail: { zh: `输入 ${i.name.text}: ${t.zh}`, en: `input ${i.name.text}: ${t.en}` }, doc: '' });
  }
  for (const l of ast.lets) {
    const type = letTypes.get(l.name.text);
    const t = type ? typeText(type) : { zh: '?', en: '?' };
    symbols.push({
      kind: 'let',
      name: l.name.text,
      start: l.name.span.start,
      end: l.name.span.end,
      detail: { zh: `令 ${l.name.text}: ${t.zh}`, en: `let ${l.name.text}: ${t.en}` },
      doc: clip(source.slice(l.expr.span.start, l.expr.span.end)),
    });
  }
  symbols.push(...indicatorSymbols(ast, program, source));
  for (const g of ast.grades ?? []) {
    const rule = g.op === null ? '其他' : `${g.op} ${showNumber(g.threshold ?? 0)}`;
    symbols.push({ kind: 'grade', name: g.name.text, start: g.name.span.start, end: g.name.span.end, detail: { zh: `等级 ${g.name.text}（${rule}）`, en: `grade ${g.name.text} (${rule === '其他' ? 'otherwise' : rule})` }, doc: '' });
  }
  for (const a of ast.alerts) {
    symbols.push({ kind: 'alert', name: a.name.text, start: a.name.span.start, end: a.name.span.end, detail: { zh: `预警 ${a.name.text}：${a.message}`, en: `alert ${a.name.text}: ${a.message}` }, doc: clip(source.slice(a.when.span.start, a.when.span.end)) });
  }
  return symbols;
}
