// IR documents in and out: the checked program as versioned JSON, and reading such a document
// back, validated by its JSON Schema and then by the cross-references a schema cannot express.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { IrBand, IrExpr, IrProgram } from '../../ir/ir.js';
import { IR_SCHEMA } from './schema.js';
import { letsUsed } from './walk.js';

// keys that say what an object is come first; the rest follow in alphabetical order
const FIRST = ['version', 'name', 'path', 'k', 'kind', 'op'];
const rank = (key: string): number => (FIRST.includes(key) ? FIRST.indexOf(key) : FIRST.length);

/** Objects with their keys in one canonical order, so equal programs print alike. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
}

/** The IR of a checked program as a JSON document, in a canonical key order. */
export function emitIr(program: IrProgram): string {
  return `${JSON.stringify(canonical(program), null, 2)}\n`;
}

/** A problem in an IR document, at a JSON Pointer into it. */
export interface IrProblem {
  readonly path: string;
  readonly zh: string;
  readonly en: string;
}

/** Whether a parsed JSON value looks like an IR document rather than something else. */
export function looksLikeIr(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'version' in json && 'indicators' in json;
}

let validateSchema: ReturnType<Ajv2020['compile']> | undefined;

/** An ajv instance for the project's schemas: draft 2020-12, tagged unions, annotation keywords. */
export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addKeyword('x-unit');
  return ajv;
}

function schemaProblem(e: ErrorObject): IrProblem {
  const path = e.instancePath || '/';
  const detail = e.keyword === 'additionalProperties' ? `${e.message} (${String(e.params['additionalProperty'])})` : (e.message ?? e.keyword);
  return { path, zh: `${path}：不符合 IR 规范（${detail}）`, en: `${path}: does not match the IR schema (${detail})` };
}

/** Reads a parsed JSON value as an IR program, or says where it is wrong. */
export function readIr(json: unknown): { program: IrProgram | undefined; problems: IrProblem[] } {
  if (looksLikeIr(json) && (json as { version: unknown }).version !== 1) {
    const v = JSON.stringify((json as { version: unknown }).version);
    return { program: undefined, problems: [{ path: '/version', zh: `/version：不支持的 IR 版本 ${v}（支持 1）`, en: `/version: unsupported IR version ${v} (this reads version 1)` }] };
  }
  validateSchema ??= newAjv().compile(IR_SCHEMA);
  if (!validateSchema(json)) {
    // the first few are enough to fix the document; a broken union reports every branch
    return { program: undefined, problems: (validateSchema.errors ?? []).slice(0, 5).map(schemaProblem) };
  }
  const program = json as IrProgram;
  const problems = crossReferences(program);
  return { program: problems.length === 0 ? program : undefined, problems };
}

const ARITY = { min: [1, Infinity], max: [1, Infinity], abs: [1, 1], round: [2, 2], clamp: [3, 3] } as const;

/** Indices in range, a real tree in preorder, lets without cycles: what code generation relies on. */
function crossReferences(p: IrProgram): IrProblem[] {
  const out: IrProblem[] = [];
  const bad = (path: string, zh: string, en: string): void => {
    out.push({ path, zh: `${path}：${zh}`, en: `${path}: ${en}` });
  };
  const expr = (e: IrExpr, path: string): void => {
    switch (e.k) {
      case 'input':
        if (e.i >= p.inputs.length) bad(path, `输入下标 ${e.i} 超出范围`, `input index ${e.i} is out of range`);
        return;
      case 'let':
        if (e.i >= p.lets.length) bad(path, `计算项下标 ${e.i} 超出范围`, `let index ${e.i} is out of range`);
        return;
      case 'neg':
      case 'not':
        return expr(e.a, `${path}/a`);
      case 'arith':
      case 'cmp':
      case 'logic':
        expr(e.a, `${path}/a`);
        return expr(e.b, `${path}/b`);
      case 'div':
        if (e.d >= p.divisions.length) bad(path, `除法下标 ${e.d} 超出范围`, `division index ${e.d} is out of range`);
        if (e.d < 0 && !(e.b.k === 'num' && e.b.v !== 0)) bad(path, '未登记的除法只能除以非零常数', 'a division without an entry in `divisions` must divide by a non-zero constant');
        expr(e.a, `${path}/a`);
        return expr(e.b, `${path}/b`);
      case 'cond':
        expr(e.c, `${path}/c`);
        expr(e.t, `${path}/t`);
        return expr(e.e, `${path}/e`);
      case 'call': {
        const [lo, hi] = ARITY[e.fn];
        if (e.args.length < lo || e.args.length > hi) bad(path, `${e.fn} 的参数个数不对`, `${e.fn} has the wrong number of arguments`);
        if (e.fn === 'round' && !(e.args[1]?.k === 'num' && Number.isInteger(e.args[1].v) && e.args[1].v >= 0 && e.args[1].v <= 10)) {
          bad(`${path}/args/1`, 'round 的位数应为 0–10 的整数常数', 'the digits of round must be an integer constant 0–10');
        }
        e.args.forEach((a, k) => expr(a, `${path}/args/${k}`));
        return;
      }
      default:
        return;
    }
  };
  p.lets.forEach((l, k) => expr(l.expr, `/lets/${k}/expr`));
  letCycles(p).forEach((k) => bad(`/lets/${k}`, `计算项“${p.lets[k]!.name}”循环引用了自身`, `let \`${p.lets[k]!.name}\` depends on itself`));
  tree(p, bad);
  const inputIndex = (i: number, path: string): void => {
    if (i >= p.inputs.length) bad(path, `输入下标 ${i} 超出范围`, `input index ${i} is out of range`);
  };
  const band = (b: IrBand, path: string): void => {
    const forms = [b.bound !== null, b.boundExpr !== undefined, b.interval !== undefined].filter(Boolean).length;
    if (forms > 1 || (b.op === null) !== (b.bound === null && b.boundExpr === undefined)) {
      bad(path, '分档须为以下之一：比较符与常数界限、比较符与界限表达式、区间、其余（均为 null）', 'a band is an operator with a bound or a bound expression, an interval, or `else` (both null)');
    }
    if (b.boundExpr) expr(b.boundExpr, `${path}/boundExpr`);
  };
  p.indicators.forEach((ind, i) => {
    const at = `/indicators/${i}`;
    if (ind.na) expr(ind.na, `${at}/na`);
    if (ind.less) expr(ind.less, `${at}/less`);
    if (ind.aggregation === 'relative' && ind.scale === undefined) bad(`${at}/scale`, '相对分值的指标须给出 scale', 'a relative level needs a scale');
    if (ind.naMode === 'transfer') {
      if (!ind.na || !ind.naTargets) bad(`${at}/naTargets`, '分值转入须有不适用条件和转入的指标', 'moving the weight needs an na condition and targets');
      (ind.naTargets ?? []).forEach((t, k) => {
        if (t >= p.indicators.length || t === i) bad(`${at}/naTargets/${k}`, `转入的指标下标 ${t} 无效`, `target index ${t} is not another indicator`);
      });
    }
    const s = ind.score;
    if (!s) return;
    const sp = `${at}/score`;
    switch (s.kind) {
      case 'bands':
        expr(s.subject, `${sp}/subject`);
        s.bands.forEach((b, k) => band(b, `${sp}/bands/${k}`));
        return;
      case 'ratio':
        expr(s.actual, `${sp}/actual`);
        return expr(s.target, `${sp}/target`);
      case 'deduct':
        expr(s.points, `${sp}/points`);
        expr(s.count, `${sp}/count`);
        if (s.max) expr(s.max, `${sp}/max`);
        if (s.side && !(s.standard && s.measure)) bad(sp, '按标准扣分须给出 standard 与 measure', 'a deduction above or below a standard needs `standard` and `measure`');
        if (s.standard) expr(s.standard, `${sp}/standard`);
        if (s.measure) expr(s.measure, `${sp}/measure`);
        return;
      case 'manual':
        return inputIndex(s.input, `${sp}/input`);
      case 'checklist':
        return s.items.forEach((it, k) => expr(it.condition, `${sp}/items/${k}/condition`));
      case 'tiers':
        inputIndex(s.input, `${sp}/input`);
        inputIndex(s.category, `${sp}/category`);
        if (s.category < p.inputs.length && p.inputs[s.category]!.type.kind !== 'enum') bad(`${sp}/category`, '分级的类别须为枚举输入', 'the category of tiers must be an enum input');
        return;
      case 'likert':
        s.answers.forEach((a, k) => inputIndex(a.input, `${sp}/answers/${k}/input`));
        if (s.target) expr(s.target, `${sp}/target`);
        return;
      case 'formula':
        return expr(s.expr, `${sp}/expr`);
    }
  });
  (p.totalRules ?? []).forEach((r, k) => {
    expr(r.amount, `/totalRules/${k}/amount`);
    expr(r.condition, `/totalRules/${k}/condition`);
  });
  (p.lights ?? []).forEach((l, k) => {
    expr(l.subject, `/lights/${k}/subject`);
    l.bands.forEach((b, j) => band(b.band, `/lights/${k}/bands/${j}/band`));
  });
  (p.floors ?? []).forEach((f, k) => {
    expr(f.subject, `/floors/${k}/subject`);
    expr(f.month, `/floors/${k}/month`);
    f.steps.forEach((st, j) => expr(st.minimum, `/floors/${k}/steps/${j}/minimum`));
  });
  p.alerts.forEach((a, k) => expr(a.when, `/alerts/${k}/when`));
  p.grades.forEach((g, k) => {
    if ((g.op === null) !== (g.threshold === null)) bad(`/grades/${k}`, '等级的比较符与分数线须同时给出或同时为 null', 'a grade has both an operator and a threshold, or neither');
    if (g.op === null && k !== p.grades.length - 1) bad(`/grades/${k}`, '“其他”等级只能是最后一个', 'only the last grade may be `otherwise`');
  });
  return out;
}

/** Parent and children agree, children follow their parent, leaves score and parents do not, paths are unique. */
function tree(p: IrProgram, bad: (path: string, zh: string, en: string) => void): void {
  const seen = new Set<string>();
  p.indicators.forEach((ind, i) => {
    const at = `/indicators/${i}`;
    if (seen.has(ind.path)) bad(`${at}/path`, `指标路径“${ind.path}”重复`, `indicator path \`${ind.path}\` is not unique`);
    seen.add(ind.path);
    if (ind.parent >= i) bad(`${at}/parent`, '上级指标必须排在下级之前', 'a parent must come before its children');
    else if (ind.parent >= 0 && !p.indicators[ind.parent]!.children.includes(i)) bad(`${at}/parent`, '上级指标的 children 中没有此指标', "the parent's children do not list this indicator");
    for (const [k, c] of ind.children.entries()) {
      if (c <= i || c >= p.indicators.length || p.indicators[c]!.parent !== i) bad(`${at}/children/${k}`, `下级指标下标 ${c} 无效`, `child index ${c} is not a child of this indicator`);
    }
    // a placeholder may have no indicators yet (scored as not applicable)
    if (ind.children.length === 0 && !ind.score && ind.aggregation !== 'placeholder') bad(`${at}/score`, '末级指标缺少评分规则', 'a leaf indicator needs a score');
    if (ind.children.length > 0 && ind.score) bad(`${at}/score`, '有下级的指标不能有评分规则', 'an indicator with children cannot have a score');
  });
}

/** Lets that reach themselves through other lets. */
function letCycles(p: IrProgram): number[] {
  const uses = p.lets.map((l) => [...letsUsed(l.expr)]);
  return p.lets.flatMap((_, start) => {
    const stack = [...(uses[start] ?? [])];
    const visited = new Set<number>();
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (k === start) return [start];
      if (visited.has(k) || k >= p.lets.length) continue;
      visited.add(k);
      stack.push(...(uses[k] ?? []));
    }
    return [];
  });
}
