// `test` blocks: every input given with a value of its type; every expectation names something
// that exists (an indicator by name or by path, a grade, an alert).
import type { Expectation, GivenValue, Ruleset } from '../ast/nodes.js';
import { moneyFactor, type IrExpect, type IrInput, type IrProgram, type IrTest, type IrTestValue } from '../ir/ir.js';
import type { CheckContext } from './context.js';
import { reportUnknown } from './expr.js';

export function checkTests(ast: Ruleset, program: IrProgram, ctx: CheckContext): IrTest[] {
  const inputs = new Map(program.inputs.map((i) => [i.name, i]));
  return ast.tests.map((t) => {
    const given: Record<string, IrTestValue> = Object.create(null);
    for (const g of t.given) {
      const input = inputs.get(g.name.text);
      if (!input) {
        reportUnknown(g.name.text, g.name.span, ctx);
        continue;
      }
      const v = givenValue(g.value, input, ctx);
      if (v !== undefined) given[g.name.text] = v;
    }
    const missing = program.inputs.filter((i) => !t.given.some((g) => g.name.text === i.name)).map((i) => i.name);
    if (missing.length > 0) {
      ctx.report('test-bad-value', t.span, {
        zh: `测试“${t.name}”缺少输入：${missing.join('、')}`,
        en: `test "${t.name}" does not give ${missing.join(', ')}`,
      });
    }
    const expects = t.expects.map((e) => checkExpect(e, program, ctx)).filter((e): e is IrExpect => e !== undefined);
    return { name: t.name, given, expects, line: t.span.line };
  });
}

function givenValue(v: GivenValue, input: IrInput, ctx: CheckContext): IrTestValue | undefined {
  const t = input.type;
  const fail = (zh: string, en: string): undefined => {
    ctx.report('test-bad-value', v.span, { zh: `输入“${input.name}”${zh}`, en: `input \`${input.name}\` ${en}` });
    return undefined;
  };
  switch (t.kind) {
    case 'bool':
      return v.kind === 'bool' ? v.value : fail('应为 是/否（true/false）', 'needs true or false');
    case 'enum':
      if (v.kind !== 'name' && v.kind !== 'string') return fail(`应为 ${t.members.join('、')} 之一`, `needs one of ${t.members.join(', ')}`);
      return t.members.includes(v.value) ? v.value : fail(`的值“${v.value}”不是 ${t.members.join('、')} 之一`, `: \`${v.value}\` is not one of ${t.members.join(', ')}`);
    case 'percent':
      // a bare number is a fraction, as in data files: 0.86 is 86%
      return v.kind === 'percent' || v.kind === 'number' ? v.value : fail('应为百分数，如 86%', 'needs a percent such as 86%');
    case 'count':
      if (v.kind !== 'number' || !Number.isInteger(v.value) || v.value < 0) return fail('应为非负整数', 'needs a non-negative integer');
      return v.value;
    case 'money':
      // a value written with a unit is converted to the unit the input declares: 10000元 is 1万元
      if (v.kind === 'money') return (v.value * moneyFactor(v.unit)) / moneyFactor(t.unit);
      if (v.kind === 'percent') return fail('不是百分比，请去掉 %', 'is not a percent: drop the %');
      return v.kind === 'number' ? v.value : fail('应为数字', 'needs a number');
    default:
      if (v.kind === 'percent') return fail('不是百分比，请去掉 %', 'is not a percent: drop the %');
      if (v.kind === 'money') return fail('不是金额，请去掉单位', 'is not money: drop the unit');
      return v.kind === 'number' ? v.value : fail('应为数字', 'needs a number');
  }
}

function checkExpect(e: Expectation, program: IrProgram, ctx: CheckContext): IrExpect | undefined {
  const s = e.subject;
  const v = e.value;
  const base = { text: ctx.source(e.span), line: e.span.line, col: e.span.col, ...(e.approx && (v.kind === 'number' || v.kind === 'percent') ? { places: placesOf(ctx.source(v.span), v.kind === 'percent') } : {}) };
  const bad = (zh: string, en: string): undefined => {
    ctx.report('test-bad-expect', e.span, { zh, en });
    return undefined;
  };
  switch (s.kind) {
    case 'total':
      return v.kind === 'number' ? { ...base, subject: { kind: 'total' }, value: v.value } : bad('总分应与数字比较', 'total must be compared with a number');
    case 'adjust':
      return v.kind === 'percent' || v.kind === 'number' ? { ...base, subject: { kind: 'adjust' }, value: v.value } : bad('调整比例应与百分比比较，如 -10%', 'adjust must be compared with a percent such as -10%');
    case 'grade': {
      if (v.kind !== 'name' && v.kind !== 'string') return bad('等级应与等级名比较，如 grade == 优', 'grade must be compared with a grade name, e.g. grade == 优');
      if (!program.grades.some((g) => g.name === v.value)) {
        ctx.report('grade-unknown', v.span, { zh: `“${v.value}”不是已定义的等级`, en: `\`${v.value}\` is not a grade of this ruleset` });
        return undefined;
      }
      return { ...base, subject: { kind: 'grade' }, value: v.value };
    }
    case 'light': {
      if (v.kind !== 'name' && v.kind !== 'string') return bad('信号灯应与颜色比较，如 light == 红', 'a light must be compared with a colour, e.g. light == 红');
      const colors = new Set((program.lights ?? []).flatMap((l) => l.bands.map((b) => b.color)));
      if (program.floors?.length) colors.add('红');
      if (!colors.has(v.value)) return bad(`“${v.value}”不是本规则集的信号灯颜色（${[...colors].join('、') || '无'}）`, `\`${v.value}\` is not a light of this ruleset (${[...colors].join(', ') || 'none'})`);
      return { ...base, subject: { kind: 'light' }, value: v.value };
    }
    case 'alert':
      if (!program.alerts.some((a) => a.name === s.name.text)) {
        reportUnknown(s.name.text, s.name.span, ctx, program.alerts.map((a) => a.name));
        return undefined;
      }
      return v.kind === 'bool' ? { ...base, subject: { kind: 'alert', name: s.name.text }, value: v.value } : bad('预警应与 true/false 比较', 'an alert must be compared with true or false');
    case 'error':
      if (v.kind === 'bool' || v.kind === 'string') return { ...base, subject: { kind: 'error' }, value: v.value };
      return bad('error 应与 true/false 或错误代码字符串比较', 'error must be compared with true/false or a code string');
    case 'indicator': {
      const index = resolvePath(s.path.map((p) => p.text), program);
      if (index === 'ambiguous') {
        return bad(
          `有多个指标名为“${s.path.map((p) => p.text).join('.')}”，请写出上级，如 上级.${s.path[s.path.length - 1]!.text}`,
          `several indicators are named \`${s.path.map((p) => p.text).join('.')}\`: qualify it with its parent, e.g. parent.${s.path[s.path.length - 1]!.text}`,
        );
      }
      if (index === undefined) {
        reportUnknown(s.path.map((p) => p.text).join('.'), s.span, ctx, program.indicators.map((i) => i.name));
        return undefined;
      }
      if (v.kind === 'na') return { ...base, subject: { kind: 'indicator', index }, value: null };
      return v.kind === 'number' ? { ...base, subject: { kind: 'indicator', index }, value: v.value } : bad('指标得分应与数字或 na 比较', 'indicator points must be compared with a number or na');
    }
  }
}

/** Decimals written in a literal: `1.63` has 2, `32.62%` has 4 as a fraction. */
function placesOf(text: string, percent: boolean): number {
  const m = /\.(\d+)/.exec(text);
  return (m ? m[1]!.length : 0) + (percent ? 2 : 0);
}

/** An indicator by name (if unique), or by a path of names whose last parts match. */
function resolvePath(path: readonly string[], program: IrProgram): number | 'ambiguous' | undefined {
  const suffix = path.join('/');
  const matches = program.indicators
    .map((ind, i) => ({ ind, i }))
    .filter(({ ind }) => ind.path === suffix || ind.path.endsWith(`/${suffix}`));
  if (matches.length === 0) return undefined;
  if (matches.length > 1) return 'ambiguous';
  return matches[0]!.i;
}
