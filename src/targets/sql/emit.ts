// IR → one SQL query that scores every row of a table of units, in stages (a CTE each): inputs,
// lets, scoring rules, leaf points, the tree level by level, the total and the rules after it,
// grade, monitoring. Every figure is computed in doubles by the same operations, in the same
// order, as the JS scorer, so totals agree to the bit; a per-unit error (division by zero, a
// manual or tiered score out of range, no respondents, nothing applicable, missing input) empties
// that row's results and names the error, and every other row is scored.
//
// Result columns, after the table's own columns (docs/sql.md):
//   total         DOUBLE  the rounded total; NULL with an error, or for a ruleset without indicators
//   grade         TEXT    the grade's name, or NULL
//   outcome       TEXT    the grade's outcome text, or NULL
//   adjust        DOUBLE  the outcome's adjustment (-0.1 for -10%), or NULL
//   alerts        TEXT    names of the alerts that fired, joined by '；' ('' when none)
//   adjustments   TEXT    caps, penalties and bonuses that applied, as written, joined by '；'
//   light         TEXT    the monitoring light's color, or NULL (no light, or no band holds)
//   light_reason  TEXT    why, worded as the evaluator words it
//   error_code    TEXT    eval-division-by-zero | eval-manual-out-of-range | eval-tier-out-of-range
//                         | eval-no-applicable | data-missing-field, or NULL
//   error         TEXT    the error message in Chinese, or NULL
//   points_<code>, applicable_<code>   DOUBLE, BOOLEAN per indicator (code such as 1.2), tree order
//   alert_<n>     BOOLEAN per alert, in order
import type { IrProgram } from '../../ir/ir.js';
import { unitErrorText } from '../ir/errors.js';
import { assertSupported } from '../ir/supported.js';
import { letsUsed } from '../ir/walk.js';
import { SqlEmitError, type Dialect } from './dialect.js';
import { duckdb } from './duckdb.js';
import { coalesce, SqlExpr } from './expr.js';
import { Monitor } from './monitor.js';
import { postgres } from './postgres.js';
import { Rules, type Column } from './rules.js';
import { Tree } from './tree.js';

export interface SqlOptions {
  readonly dialect: 'postgres' | 'duckdb' | Dialect;
  /** The table of units, one row each, one column per input named as the input; qualified as an array. Default `units`. */
  readonly table?: string | readonly string[];
}

interface Stage {
  readonly name: string;
  readonly columns: readonly Column[];
}

/** Stage names, the row alias and the carried row column begin with this; user tables and inputs may not. */
const RESERVED = 'jx_';

/** Lets grouped so that each group reads only lets of earlier groups. */
function letLevels(p: IrProgram): number[][] {
  const level = new Map<number, number>();
  const levelOf = (k: number): number => {
    const known = level.get(k);
    if (known !== undefined) return known;
    const deps = [...letsUsed(p.lets[k]!.expr)];
    const l = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(levelOf));
    level.set(k, l);
    return l;
  };
  const out: number[][] = [];
  p.lets.forEach((_, k) => (out[levelOf(k)] ??= []).push(k));
  return out.filter(Boolean);
}

class Query {
  readonly x: SqlExpr;
  readonly stages: Stage[] = [];
  readonly rules: Rules;
  readonly tree: Tree;
  readonly monitor: Monitor;
  readonly roots: number[];
  /** Error ids: divisions, then each indicator's own check, then "nothing applies", then missing inputs. */
  readonly ruleBase: number;
  readonly noApplicable: number;
  readonly missingBase: number;

  constructor(
    readonly p: IrProgram,
    readonly d: Dialect,
  ) {
    this.ruleBase = p.divisions.length;
    this.noApplicable = this.ruleBase + p.indicators.length;
    this.missingBase = this.noApplicable + 1;
    const letFails: boolean[] = [];
    this.x = new SqlExpr(p, d, letFails);
    for (const group of letLevels(p)) for (const k of group) letFails[k] = this.x.error(p.lets[k]!.expr, null) !== null;
    this.rules = new Rules(this.x, (i) => this.ruleBase + i);
    this.tree = new Tree(p, this.x);
    this.monitor = new Monitor(p, this.x);
    this.roots = p.indicators.flatMap((ind, i) => (ind.parent === -1 ? [i] : []));
  }

  stage(name: string, columns: Column[]): void {
    if (columns.length > 0) this.stages.push({ name: `${RESERVED}${name}`, columns });
  }

  /** The first stage reads the table: each input cast to its type, and the whole row carried along. */
  inputs(): void {
    const cols: Column[] = [[`${RESERVED}row`, `${RESERVED}t`]];
    this.p.inputs.forEach((inp, k) => {
      const type = inp.type.kind === 'bool' ? 'BOOLEAN' : inp.type.kind === 'enum' ? this.d.textType : this.d.doubleType;
      cols.push([`i${k}`, `CAST(${RESERVED}t.${this.d.ident(inp.name)} AS ${type})`]);
    });
    const missing = coalesce(this.p.inputs.map((inp, k) => `CASE WHEN ${RESERVED}t.${this.d.ident(inp.name)} IS NULL THEN ${this.missingBase + k} END`));
    cols.push(['e_in', missing ?? 'CAST(NULL AS INTEGER)']);
    this.stage('in', cols);
  }

  lets(): void {
    letLevels(this.p).forEach((group, level) => {
      const cols: Column[] = [];
      for (const k of group) {
        const e = this.p.lets[k]!.expr;
        cols.push([`l${k}`, this.x.value(e, null)]);
        const err = this.x.error(e, null);
        if (err !== null) cols.push([`le${k}`, err]);
      }
      this.stage(`let${level}`, cols);
    });
  }

  /** na conditions, the operands of each scoring rule and each `less`; then the leaves' points. */
  indicators(): void {
    const rule: Column[] = [];
    const raw: Column[] = [];
    const leaf: Column[] = [];
    this.p.indicators.forEach((ind, i) => {
      if (ind.na) rule.push([`n${i}`, this.x.value(ind.na, null)]);
      if (!Tree.scored(ind)) return;
      rule.push(...this.rules.operands(ind, i).columns);
      if (ind.less) rule.push([`xl${i}`, this.x.value(ind.less, ind.weight)]);
      raw.push([`p${i}`, this.rules.points(ind, i)]);
      leaf.push([`f${i}`, this.rules.finish(ind, i, `p${i}`)]);
    });
    this.stage('rule', rule);
    this.stage('raw', raw);
    this.stage('leaf', leaf);
    this.tree.levels().forEach((cols, k) => this.stage(`level${k}`, cols));
  }

  /** Figures that need the whole tree, or nothing of it: sums, alerts, total rules' operands, monitoring. */
  sums(): void {
    const cols: Column[] = [];
    if (this.roots.length > 0) {
      cols.push(['x_raw', this.tree.raw()], ['x_aw', this.tree.applicableWeight()], ['x_na', this.tree.rescaled()]);
    }
    this.p.alerts.forEach((a, k) => cols.push([`al${k}`, this.x.value(a.when, null)]));
    (this.p.totalRules ?? []).forEach((r, k) => cols.push([`rc${k}`, this.x.value(r.condition, null)], [`ra${k}`, this.x.value(r.amount, null)]));
    cols.push(...this.monitor.values());
    this.stage('sum', cols);
    this.stage('watch', this.monitor.steps());
    this.stage('floor', this.monitor.minimum());
  }

  /** The first error in the scorer's order. */
  firstError(): string {
    const x = this.x;
    const p = this.p;
    const tree = this.tree;
    const parts: (string | null)[] = ['e_in'];
    const guarded = (cond: string, err: string | null): string | null => (err === null ? null : cond === 'TRUE' ? err : `CASE WHEN ${cond} THEN ${err} END`);
    const naError = (i: number): string | null => guarded(tree.reached(i, false), x.error(p.indicators[i]!.na!, null));
    // `na when … to` is decided before the tree, ancestors' conditions first
    p.indicators.forEach((ind, i) => {
      if (ind.naMode !== 'transfer' || !ind.na) return;
      const ancestors: number[] = [];
      for (let a = ind.parent; a >= 0; a = p.indicators[a]!.parent) if (p.indicators[a]!.na) ancestors.unshift(a);
      parts.push(...ancestors.map(naError), naError(i));
    });
    p.indicators.forEach((ind, i) => {
      if (ind.na && ind.naMode !== 'transfer') parts.push(naError(i));
      if (!Tree.scored(ind)) return;
      const here = tree.reached(i, true);
      parts.push(guarded(here, this.rules.operands(ind, i).error));
      if (ind.less) parts.push(guarded(here, x.error(ind.less, ind.weight)));
    });
    if (this.roots.length > 0) {
      parts.push(`CASE WHEN x_aw = ${x.num(0)} THEN ${this.noApplicable} END`);
      // bonuses and penalties: the condition, then the amount when it holds; caps: amount, then condition
      const rules = p.totalRules ?? [];
      rules.forEach((r, k) => {
        if (r.kind !== 'cap') parts.push(x.error(r.condition, null), guarded(`rc${k}`, x.error(r.amount, null)));
      });
      rules.forEach((r) => {
        if (r.kind === 'cap') parts.push(x.error(r.amount, null), x.error(r.condition, null));
      });
    }
    p.alerts.forEach((a) => parts.push(x.error(a.when, null)));
    parts.push(this.monitor.error());
    return coalesce(parts)!;
  }

  /** The total: rescaled, then bonuses and penalties in order (never below 0), caps, rounding; the grade. */
  total(): void {
    const n = (v: number): string => this.x.num(v);
    const err: Column = ['x_err', this.firstError()];
    if (this.roots.length === 0) {
      this.stage('err', [err]);
      return;
    }
    this.stage('err', [err, ['x_t', `CASE WHEN x_na THEN x_raw / NULLIF(x_aw, ${n(0)}) * ${n(this.p.total)} ELSE x_raw END`]]);
    const rules = this.p.totalRules ?? [];
    let t = 'x_t';
    const step = (name: string, cols: Column[]): void => {
      this.stage(name, cols);
      t = `x_${name}`;
    };
    rules.forEach((r, k) => {
      if (r.kind === 'cap') return;
      step(`t${k}`, [[`x_t${k}`, `CASE WHEN rc${k} THEN ${t} ${r.kind === 'bonus' ? '+' : '-'} ra${k} ELSE ${t} END`], [`rf${k}`, `rc${k}`]]);
    });
    if (rules.some((r) => r.kind === 'penalty')) step('tfloor', [['x_tfloor', `CASE WHEN ${n(0)} > ${t} THEN ${n(0)} ELSE ${t} END`]]);
    rules.forEach((r, k) => {
      if (r.kind !== 'cap') return;
      const binds = `(rc${k} AND ${t} > ra${k})`;
      step(`t${k}`, [[`x_t${k}`, `CASE WHEN ${binds} THEN ra${k} ELSE ${t} END`], [`rf${k}`, binds]]);
    });
    this.stage('total', [['x_total', this.x.roundHalfUp(t, this.p.round)]]);
    const grades = this.p.grades;
    const arms = grades.map((g, k) => (g.op === null ? `ELSE ${k}` : `WHEN x_total ${g.op} ${n(g.threshold!)} THEN ${k}`));
    if (grades.length === 0 || grades[grades.length - 1]!.op !== null) arms.push('ELSE -1');
    this.stage('grade', [['x_grade', grades.length === 0 ? '-1' : `CASE ${arms.join(' ')} END`]]);
  }

  /** The result columns, NULL on a row with an error. */
  results(): Column[] {
    const d = this.d;
    const p = this.p;
    const ok = (sql: string): string => `CASE WHEN x_err IS NULL THEN ${sql} END`;
    const scored = this.roots.length > 0;
    const byGrade = (f: (name: string) => string | null): string => {
      const arms = p.grades.flatMap((g, k) => {
        const v = f(g.name);
        return v === null ? [] : [`WHEN ${k} THEN ${v}`];
      });
      return arms.length === 0 || !scored ? 'NULL' : `CASE x_grade ${arms.join(' ')} END`;
    };
    const outcome = (g: string) => p.outcomes.find((o) => o.grade === g);
    const text = (sql: string): string => `CAST(${sql} AS ${d.textType})`;
    const list = (items: string[]): string => (items.length === 0 ? d.string('') : `CONCAT_WS(${d.string('；')}, ${items.join(', ')})`);
    const errors = unitErrorText(p);
    const ownChecks = p.indicators.flatMap((ind, i) => {
      const s = ind.score;
      const id = this.ruleBase + i;
      if (!Tree.scored(ind) || !s) return [];
      if (s.kind === 'manual') {
        const msg = `${d.string(`指标“${ind.path}”的人工评分 `)} || CAST(i${s.input} AS ${d.textType}) || ${d.string(` 超出分值范围 [0, ${ind.weight}]`)}`;
        return [{ id, code: 'eval-manual-out-of-range', msg }];
      }
      if (s.kind === 'tiers') {
        const head = s.tiers.map((t) => `WHEN ${d.string(t.name)} THEN ${d.string(`${ind.path}：“${t.name}”的实际得分区间为 ${t.loClosed ? '[' : '('}${t.lo}, ${t.hi}${t.hiClosed ? ']' : ')'}，人工评分 `)}`);
        const msg = `(CASE i${s.category} ${head.join(' ')} END) || CAST(i${s.input} AS ${d.textType}) || ${d.string(' 不在其中，请调整')}`;
        return [{ id, code: 'eval-tier-out-of-range', msg }];
      }
      if (s.kind === 'likert') return [{ id, code: 'eval-division-by-zero', msg: d.string(errors.noRespondents(i).zh) }];
      return [];
    });
    const messages = [
      ...p.divisions.map((_, k) => `WHEN ${k} THEN ${d.string(errors.divisionByZero(k).zh)}`),
      ...ownChecks.map((c) => `WHEN ${c.id} THEN ${c.msg}`),
      `WHEN ${this.noApplicable} THEN ${d.string(errors.noApplicable().zh)}`,
      ...p.inputs.map((inp, k) => `WHEN ${this.missingBase + k} THEN ${d.string(`字段“${inp.name}”为空（NULL）`)}`),
    ];
    const codes = [
      `WHEN x_err < ${this.ruleBase} THEN ${d.string('eval-division-by-zero')}`,
      ...ownChecks.map((c) => `WHEN x_err = ${c.id} THEN ${d.string(c.code)}`),
      `WHEN x_err = ${this.noApplicable} THEN ${d.string('eval-no-applicable')}`,
      `WHEN x_err > ${this.noApplicable} THEN ${d.string('data-missing-field')}`,
    ];
    const alerts = p.alerts.map((a, k) => `CASE WHEN al${k} THEN ${d.string(a.name)} END`);
    const adjustments = scored ? (p.totalRules ?? []).map((r, k) => `CASE WHEN rf${k} THEN ${d.string(r.text)} END`) : [];
    const light = this.monitor.results();
    return [
      ['total', scored ? ok('x_total') : `CAST(NULL AS ${d.doubleType})`],
      ['grade', text(ok(byGrade((g) => d.string(g))))],
      ['outcome', text(ok(byGrade((g) => (outcome(g) ? d.string(outcome(g)!.text) : null))))],
      ['adjust', `CAST(${ok(byGrade((g) => (outcome(g)?.adjust != null ? this.x.num(outcome(g)!.adjust!) : null)))} AS ${d.doubleType})`],
      ['alerts', text(ok(list(alerts)))],
      ['adjustments', text(ok(list(adjustments)))],
      ['light', ok(light.light)],
      ['light_reason', ok(light.reason)],
      ['error_code', text(`CASE ${codes.join(' ')} END`)],
      ['error', text(`CASE x_err ${messages.join(' ')} END`)],
      ...p.indicators.flatMap((ind, i): Column[] => [
        [`points_${ind.code}`, ok(`t${i}`)],
        [`applicable_${ind.code}`, ok(`a${i} = 1`)],
      ]),
      ...p.alerts.map((_, k): Column => [`alert_${k + 1}`, ok(`al${k}`)]),
    ];
  }

  sql(table: string): string {
    this.inputs();
    this.lets();
    this.indicators();
    this.sums();
    this.total();
    this.stage('shown', this.monitor.factored());
    this.stage('scaled', this.monitor.scaled());
    const ctes = this.stages.map((s, k) => {
      const prev = this.stages[k - 1];
      const from = prev ? prev.name : `${table} AS ${RESERVED}t`;
      const columns = [...(prev ? [`${prev.name}.*`] : []), ...s.columns.map(([name, sql]) => `${sql} AS ${name}`)];
      return `${s.name} AS (\n  SELECT ${columns.join(',\n    ')}\n  FROM ${from}${this.d.fence}\n)`;
    });
    const last = this.stages[this.stages.length - 1]!.name;
    const out = this.results().map(([name, sql]) => `${sql} AS ${this.d.ident(name)}`);
    return `-- Generated by jixiao (compile --target sql, ${this.d.name}): scores every row of a table of units.
-- Input columns are named as the inputs and typed as numbers (money in its declared unit, percents
-- as fractions), booleans or text. The result columns follow the table's own columns; names that
-- begin with ${RESERVED} are reserved.
WITH
${ctes.join(',\n')}
SELECT ${this.d.expandRow(`${last}.${RESERVED}row`)},
  ${out.join(',\n  ')}
FROM ${last};
`;
  }
}

function refuseReserved(what: string, name: string): void {
  if (name.toLowerCase().startsWith(RESERVED)) throw new SqlEmitError(`${what} ${JSON.stringify(name)} begins with ${RESERVED}, which the generated query reserves`);
}

export function emitSql(program: IrProgram, options: SqlOptions): string {
  assertSupported(program, 'SQL');
  const d = options.dialect === 'postgres' ? postgres : options.dialect === 'duckdb' ? duckdb : options.dialect;
  const parts = typeof options.table === 'string' ? [options.table] : (options.table ?? ['units']);
  refuseReserved('the table', parts[parts.length - 1] ?? '');
  for (const inp of program.inputs) refuseReserved('the input', inp.name);
  return new Query(program, d).sql(parts.map((part) => d.ident(part)).join('.'));
}
