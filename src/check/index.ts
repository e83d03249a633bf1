// check(ast) → { ir, diagnostics }: names, types and units, weights, bands, grades, tests.
// The IR is produced only when there is no error, so every target starts from a proven ruleset.
import type { Ruleset, Span } from '../ast/nodes.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { IR_VERSION, type IrAlert, type IrGrade, type IrOutcome, type IrProgram } from '../ir/ir.js';
import { showNumber } from '../ir/format.js';
import { CheckContext } from './context.js';
import { resolveLet } from './expr.js';
import { checkCondition, checkIndicators, resolveNaTargets } from './indicators.js';
import { checkFloor, checkLight, checkTotalRules } from './monitoring.js';
import { checkTests } from './tests.js';
import type { Ty } from './types.js';

export interface CheckResult {
  /** The checked program; present even with errors when the tree could be built (for the editor). */
  readonly program: IrProgram | undefined;
  readonly diagnostics: Diagnostic[];
}

export function check(ast: Ruleset, text: string): CheckResult {
  const ctx = new CheckContext(text);
  const header = checkHeader(ast, ctx);
  declare(ast, ctx);
  ast.lets.forEach((_, i) => resolveLet(i, ctx));
  const indicators = resolveNaTargets(ast.indicators, checkIndicators(ast.indicators, header.total, header.totalSpan, ctx), ctx);
  const grades = checkGrades(ast, header.total, ctx);
  const outcomes = checkOutcomes(ast, grades, ctx);
  const alerts: IrAlert[] = ast.alerts.map((a) => ({ name: a.name.text, message: a.message, when: checkCondition(a.when, ctx) }));
  checkUnique(ast.alerts.map((a) => a.name), '预警', 'alert', ctx);
  const totalRules = checkTotalRules(ast.totalRules ?? [], header.total, ctx);
  const lights = (ast.lights ?? []).map((l) => checkLight(l, ctx));
  const floors = (ast.floors ?? []).map((f) => checkFloor(f, ctx));
  const program: IrProgram = {
    version: IR_VERSION,
    name: ast.name.text,
    title: header.title,
    district: header.district,
    kind: header.kind,
    total: header.total,
    round: header.round,
    inputs: ctx.inputs,
    lets: ctx.lets.map(({ name, expr, type, text: t }) => ({ name, expr, type, text: t })),
    indicators,
    grades,
    outcomes,
    alerts,
    divisions: ctx.divisions,
    tests: [],
    ...(totalRules.length ? { totalRules } : {}),
    ...(lights.length ? { lights } : {}),
    ...(floors.length ? { floors } : {}),
  };
  const tests = checkTests(ast, program, ctx);
  return { program: { ...program, tests }, diagnostics: sortDiagnostics(ctx.diagnostics) };
}

export { hasErrors };

interface Header {
  title: string | null;
  district: string | null;
  kind: string | null;
  total: number;
  totalSpan: Span | null;
  round: number;
}

function checkHeader(ast: Ruleset, ctx: CheckContext): Header {
  const h: Header = { title: null, district: null, kind: null, total: 100, totalSpan: null, round: 2 };
  const seen = new Set<string>();
  for (const f of ast.header) {
    if (seen.has(f.key)) {
      ctx.report('header-duplicate', f.span, { zh: `规则集属性“${f.key}”重复`, en: `\`${f.key}\` is given twice` });
      continue;
    }
    seen.add(f.key);
    if (f.key === 'total') {
      const v = Number(f.value);
      if (!(v > 0)) ctx.report('header-invalid', f.span, { zh: '总分必须大于 0', en: 'total must be greater than 0' });
      else h.total = v;
      h.totalSpan = f.span;
    } else if (f.key === 'round') {
      const v = Number(f.value);
      if (!Number.isInteger(v) || v < 0 || v > 6) ctx.report('header-invalid', f.span, { zh: '保留小数位数应为 0–6 的整数', en: 'round takes an integer from 0 to 6' });
      else h.round = v;
    } else h[f.key] = String(f.value);
  }
  return h;
}

function declare(ast: Ruleset, ctx: CheckContext): void {
  const where = new Map<string, Span>();
  const dup = (name: string, span: Span): boolean => {
    const first = where.get(name);
    if (first) {
      ctx.report('name-duplicate', span, { zh: `名称“${name}”已在第 ${first.line} 行定义`, en: `\`${name}\` is already declared at line ${first.line}` });
      return true;
    }
    where.set(name, span);
    return false;
  };
  for (const inp of ast.inputs) {
    if (dup(inp.name.text, inp.name.span)) continue;
    const t = inp.type;
    const ty: Ty = t.kind === 'money' ? { kind: 'money', unit: t.unit } : t.kind === 'enum' ? { kind: 'enum', members: t.members.map((m) => m.text) } : { kind: t.kind };
    if (t.kind === 'enum') checkUnique(t.members, '可选值', 'enum member', ctx);
    ctx.symbols.set(inp.name.text, { kind: 'input', index: ctx.inputs.length, decl: inp, ty });
    ctx.inputs.push({ name: inp.name.text, type: t.kind === 'money' ? { kind: 'money', unit: t.unit } : t.kind === 'enum' ? { kind: 'enum', members: t.members.map((m) => m.text) } : { kind: t.kind } });
  }
  ast.lets.forEach((l, i) => {
    if (!dup(l.name.text, l.name.span)) ctx.symbols.set(l.name.text, { kind: 'let', index: i, decl: l });
  });
}

function checkUnique(names: readonly { text: string; span: Span }[], zh: string, en: string, ctx: CheckContext, code: 'name-duplicate' | 'grade-duplicate' = 'name-duplicate'): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n.text)) ctx.report(code, n.span, { zh: `${zh}“${n.text}”重复`, en: `${en} \`${n.text}\` is declared twice` });
    seen.add(n.text);
  }
}

function checkGrades(ast: Ruleset, total: number, ctx: CheckContext): IrGrade[] {
  // no grades is allowed: a monitoring ruleset has none, and results then carry no grade
  if (!ast.grades) return [];
  const out: IrGrade[] = [];
  checkUnique(ast.grades.map((g) => g.name), '等级', 'grade', ctx, 'grade-duplicate');
  let previous: { name: string; threshold: number } | null = null;
  ast.grades.forEach((g, i) => {
    const last = i === ast.grades!.length - 1;
    if (g.op === null || g.threshold === null) {
      if (!last) {
        ctx.report('grade-no-otherwise', g.span, { zh: `“${g.name.text} 其他”必须是最后一个等级`, en: `\`${g.name.text} otherwise\` must be the last grade` });
      }
      out.push({ name: g.name.text, op: null, threshold: null });
      return;
    }
    if (previous && !(g.threshold < previous.threshold)) {
      ctx.report('grade-order', g.span, {
        zh: `等级分数线须严格递减：“${g.name.text}”的 ${showNumber(g.threshold)} 不低于“${previous.name}”的 ${showNumber(previous.threshold)}`,
        en: `grade thresholds must strictly descend: \`${g.name.text}\` at ${showNumber(g.threshold)} is not below \`${previous.name}\` at ${showNumber(previous.threshold)}`,
      });
    }
    if (g.threshold < 0 || g.threshold > total) {
      ctx.report('grade-threshold-range', g.span, {
        zh: `等级“${g.name.text}”的分数线 ${showNumber(g.threshold)} 不在 [0, ${showNumber(total)}] 之内`,
        en: `the threshold ${showNumber(g.threshold)} of \`${g.name.text}\` is outside [0, ${showNumber(total)}]`,
      });
    }
    previous = { name: g.name.text, threshold: g.threshold };
    out.push({ name: g.name.text, op: g.op, threshold: g.threshold });
  });
  const lastGrade = ast.grades[ast.grades.length - 1];
  if (!lastGrade || lastGrade.op !== null) {
    ctx.report('grade-no-otherwise', ast.gradesSpan ?? ast.name.span, {
      zh: '等级最后必须有一个“其他”(otherwise) 等级，如：差 otherwise',
      en: 'grades must end with an `otherwise` grade, e.g. `差 otherwise`',
    });
  }
  return out;
}

function checkOutcomes(ast: Ruleset, grades: readonly IrGrade[], ctx: CheckContext): IrOutcome[] {
  const names = new Set(grades.map((g) => g.name));
  checkUnique(ast.outcomes.map((o) => o.grade), '结果应用等级', 'outcome grade', ctx);
  return ast.outcomes.flatMap((o) => {
    if (!names.has(o.grade.text)) {
      ctx.report('grade-unknown', o.grade.span, {
        zh: `结果应用中的等级“${o.grade.text}”未在等级中定义（已定义：${[...names].join('、') || '无'}）`,
        en: `outcome for \`${o.grade.text}\`, which is not a grade (grades: ${[...names].join(', ') || 'none'})`,
      });
      return [];
    }
    return [{ grade: o.grade.text, text: o.text, adjust: o.adjust }];
  });
}

export function checkProgramErrors(result: CheckResult): boolean {
  return hasErrors(result.diagnostics);
}
