// IR → one SQL query that scores every row of a table of units, in stages (a CTE each): inputs,
// lets, scoring rules, points, total, grade. Every figure is computed in doubles by the same
// operations, in the same order, as the JS scorer, so totals agree to the bit; a per-unit error
// (division by zero, manual score out of range, nothing applicable, missing input) empties that
// row's results and names the error, and every other row is scored.
import type { IrIndicator, IrProgram } from '../../ir/ir.js';
import { unitErrorText } from '../../runtime/interpret.js';
import { assertSupported } from '../ir/supported.js';
import { letsUsed } from '../ir/walk.js';
import { SqlEmitError, type Dialect } from './dialect.js';
import { duckdb } from './duckdb.js';
import { coalesce, SqlExpr } from './expr.js';
import { postgres } from './postgres.js';

export interface SqlOptions {
  readonly dialect: 'postgres' | 'duckdb' | Dialect;
  /** The table of units, one row each, one column per input named as the input; qualified as an array. Default `units`. */
  readonly table?: string | readonly string[];
}

type Column = readonly [name: string, sql: string];

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
  readonly d: Dialect;
  readonly stages: Stage[] = [];
  /** Leaves whose scoring rule can raise an error (an `se` column). */
  readonly scoreFails = new Set<number>();
  /** Error ids: divisions first, then manual scores by indicator, then "nothing applies", then missing inputs. */
  readonly manualBase: number;
  readonly noApplicable: number;
  readonly missingBase: number;

  constructor(
    readonly p: IrProgram,
    d: Dialect,
  ) {
    this.d = d;
    this.manualBase = p.divisions.length;
    this.noApplicable = this.manualBase + p.indicators.length;
    this.missingBase = this.noApplicable + 1;
    const letFails: boolean[] = [];
    this.x = new SqlExpr(p, d, letFails);
    for (const group of letLevels(p)) for (const k of group) letFails[k] = this.x.error(p.lets[k]!.expr, null) !== null;
  }

  stage(name: string, columns: Column[]): void {
    if (columns.length > 0) this.stages.push({ name: `${RESERVED}${name}`, columns });
  }

  /** The conjunction "no na condition on the path to `i` holds", over ancestors (and `i` itself when `self`). */
  reached(i: number, self: boolean): string {
    const conds: string[] = [];
    for (let k = self ? i : this.p.indicators[i]!.parent; k >= 0; k = this.p.indicators[k]!.parent) {
      if (this.p.indicators[k]!.na) conds.unshift(`NOT n${k}`);
    }
    return conds.length === 0 ? 'TRUE' : conds.length === 1 ? conds[0]! : `(${conds.join(' AND ')})`;
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

  /** na conditions and the operands of each scoring rule, with the first error each raises. */
  operands(): void {
    const cols: Column[] = [];
    this.p.indicators.forEach((ind, i) => {
      if (ind.na) {
        cols.push([`n${i}`, this.x.value(ind.na, null)]);
        const err = this.x.error(ind.na, null);
        if (err !== null) cols.push([`ne${i}`, err]);
      }
      if (!ind.score) return;
      const operands = this.scoreOperands(ind, i);
      if (operands.some(([name]) => name === `se${i}`)) this.scoreFails.add(i);
      cols.push(...operands);
    });
    this.stage('rule', cols);
  }

  scoreOperands(ind: IrIndicator, i: number): Column[] {
    const s = ind.score!;
    const w = ind.weight;
    const x = this.x;
    const withError = (cols: Column[], err: string | null): Column[] => (err === null ? cols : [...cols, [`se${i}`, err]]);
    switch (s.kind) {
      case 'bands':
        return withError([[`x${i}`, x.value(s.subject, w)]], x.error(s.subject, w));
      case 'ratio':
        return withError(
          [
            [`xa${i}`, x.value(s.actual, w)],
            [`xt${i}`, x.value(s.target, w)],
          ],
          coalesce([x.error(s.actual, w), x.error(s.target, w)]),
        );
      case 'deduct':
        return withError(
          [
            [`xq${i}`, x.value(s.points, w)],
            [`xn${i}`, x.value(s.count, w)],
            ...(s.max ? [[`xm${i}`, x.value(s.max, w)] as Column] : []),
          ],
          coalesce([x.error(s.points, w), x.error(s.count, w), s.max ? x.error(s.max, w) : null]),
        );
      case 'manual': {
        const v = `i${s.input}`;
        return [
          [`xv${i}`, v],
          [`se${i}`, `CASE WHEN NOT (${v} >= ${x.num(0)} AND ${v} <= ${x.num(w + 1e-9 * Math.max(1, Math.abs(w)))}) THEN ${this.manualBase + i} END`],
        ];
      }
      case 'formula':
        return withError([[`xv${i}`, s.share ? `(${x.num(w)} * ${x.value(s.expr, w)})` : x.value(s.expr, w)]], x.error(s.expr, w));
      default:
        throw new Error(`unknown score kind ${(s as { kind: string }).kind}`);
    }
  }

  /** A leaf's points as the JS scorer sets `p` (before clamping). */
  leafPoints(ind: IrIndicator, i: number): string {
    const s = ind.score!;
    const w = ind.weight;
    const n = (v: number): string => this.x.num(v);
    switch (s.kind) {
      case 'bands': {
        const arms = s.bands.map((b) => {
          const pts = n(b.award.kind === 'full' ? w : b.award.kind === 'share' ? b.award.value * w : b.award.value);
          return b.op === null ? `ELSE ${pts}` : `WHEN ${this.x.compareConst(b.op, `x${i}`, b.bound!)} THEN ${pts}`;
        });
        if (s.bands.every((b) => b.op !== null)) arms.push(`ELSE ${n(0)}`);
        return `CASE ${arms.join(' ')} END`;
      }
      case 'ratio':
        return `CASE WHEN xt${i} > ${n(0)} THEN (CASE WHEN xa${i} >= xt${i} THEN ${n(w)} WHEN xa${i} <= ${n(0)} THEN ${n(0)} ELSE ${n(w)} * (xa${i} / NULLIF(xt${i}, ${n(0)})) END) ELSE (CASE WHEN xa${i} >= xt${i} THEN ${n(w)} ELSE ${n(0)} END) END`;
      case 'deduct': {
        const d = s.max ? `(CASE WHEN xq${i} * xn${i} > xm${i} THEN xm${i} ELSE xq${i} * xn${i} END)` : `(xq${i} * xn${i})`;
        return `CASE WHEN ${n(w)} - ${d} < ${n(0)} THEN ${n(0)} ELSE ${n(w)} - ${d} END`;
      }
      case 'manual':
      case 'formula':
        return `xv${i}`;
      default:
        throw new Error(`unknown score kind ${(s as { kind: string }).kind}`);
    }
  }

  points(): void {
    const n = (v: number): string => this.x.num(v);
    const raw: Column[] = [];
    const leaves: Column[] = [];
    this.p.indicators.forEach((ind, i) => {
      if (!ind.score) return;
      raw.push([`p${i}`, this.leafPoints(ind, i)]);
      const w = n(ind.weight);
      const p = ind.clamp ? `CASE WHEN p${i} < ${n(0)} THEN ${n(0)} WHEN p${i} > ${w} THEN ${w} ELSE p${i} END` : `p${i}`;
      leaves.push([`a${i}`, this.reached(i, true)], [`c${i}`, `CASE WHEN ${this.reached(i, true)} THEN ${p} ELSE ${n(0)} END`]);
    });
    this.stage('raw', raw);
    this.stage('leaf', leaves);
    const sums: Column[] = [];
    const pts = (i: number): string => {
      const ind = this.p.indicators[i]!;
      return ind.children.length === 0 ? `c${i}` : `(${ind.children.map(pts).join(' + ')})`;
    };
    const app = (i: number): string => {
      const ind = this.p.indicators[i]!;
      return ind.children.length === 0 ? `a${i}` : `(${ind.children.map(app).join(' OR ')})`;
    };
    const leafIdx = this.p.indicators.flatMap((ind, i) => (ind.score ? [i] : []));
    this.p.indicators.forEach((ind, i) => {
      if (ind.children.length > 0) sums.push([`c${i}`, pts(i)], [`a${i}`, app(i)]);
    });
    // raw and the applicable weight add up leaf by leaf in tree order, as the scorer does
    sums.push(['x_raw', [n(0), ...leafIdx.map((i) => `c${i}`)].join(' + ')]);
    sums.push(['x_aw', [n(0), ...leafIdx.map((i) => `CASE WHEN a${i} THEN ${n(this.p.indicators[i]!.weight)} ELSE ${n(0)} END`)].join(' + ')]);
    const naIdx = this.p.indicators.flatMap((ind, i) => (ind.na ? [i] : []));
    sums.push(['x_na', naIdx.length === 0 ? 'FALSE' : naIdx.map((i) => `(${this.reached(i, false)} AND n${i})`).join(' OR ')]);
    this.p.alerts.forEach((a, k) => sums.push([`al${k}`, this.x.value(a.when, null)]));
    this.stage('sum', sums);
  }

  /** The first error in the scorer's order: inputs, then each indicator in tree order, then the total, then the alerts. */
  firstError(): string {
    const parts: (string | null)[] = ['e_in'];
    this.p.indicators.forEach((ind, i) => {
      if (ind.na && this.x.error(ind.na, null) !== null) parts.push(`CASE WHEN ${this.reached(i, false)} THEN ne${i} END`);
      if (this.scoreFails.has(i)) parts.push(`CASE WHEN ${this.reached(i, true)} THEN se${i} END`);
    });
    parts.push(`CASE WHEN x_aw = ${this.x.num(0)} THEN ${this.noApplicable} END`);
    this.p.alerts.forEach((a) => parts.push(this.x.error(a.when, null)));
    return coalesce(parts)!;
  }

  total(): void {
    const n = (v: number): string => this.x.num(v);
    this.stage('scaled', [
      ['x_scaled', `CASE WHEN x_na THEN x_raw / NULLIF(x_aw, ${n(0)}) * ${n(this.p.total)} ELSE x_raw END`],
      ['x_err', this.firstError()],
    ]);
    this.stage('total', [['x_total', this.x.roundHalfUp('x_scaled', this.p.round)]]);
    const grades = this.p.grades;
    const arms = grades.map((g, k) => (g.op === null ? `ELSE ${k}` : `WHEN x_total ${g.op} ${n(g.threshold!)} THEN ${k}`));
    if (grades.length === 0 || grades[grades.length - 1]!.op !== null) arms.push('ELSE -1');
    this.stage('grade', [['x_grade', `CASE ${arms.join(' ')} END`]]);
  }

  /** The result columns, NULL on a row with an error. */
  results(): Column[] {
    const d = this.d;
    const ok = (sql: string): string => `CASE WHEN x_err IS NULL THEN ${sql} END`;
    const byGrade = (f: (name: string) => string | null): string => {
      const arms = this.p.grades.flatMap((g, k) => {
        const v = f(g.name);
        return v === null ? [] : [`WHEN ${k} THEN ${v}`];
      });
      return arms.length === 0 ? 'NULL' : `CASE x_grade ${arms.join(' ')} END`;
    };
    const outcome = (g: string) => this.p.outcomes.find((o) => o.grade === g);
    const text = (sql: string): string => `CAST(${sql} AS ${d.textType})`;
    const errors = unitErrorText(this.p);
    const messages = [
      ...this.p.divisions.map((_, k) => `WHEN ${k} THEN ${d.string(errors.divisionByZero(k).zh)}`),
      ...this.p.indicators.flatMap((ind, i) =>
        ind.score?.kind === 'manual'
          ? [`WHEN ${this.manualBase + i} THEN ${d.string(`指标“${ind.path}”的人工评分 `)} || CAST(i${ind.score.input} AS ${d.textType}) || ${d.string(` 超出分值范围 [0, ${ind.weight}]`)}`]
          : [],
      ),
      `WHEN ${this.noApplicable} THEN ${d.string(errors.noApplicable().zh)}`,
      ...this.p.inputs.map((inp, k) => `WHEN ${this.missingBase + k} THEN ${d.string(`字段“${inp.name}”为空（NULL）`)}`),
    ];
    const alerts = this.p.alerts.map((a, k) => `CASE WHEN al${k} THEN ${d.string(a.name)} END`);
    return [
      ['total', ok('x_total')],
      ['grade', text(ok(byGrade((g) => d.string(g))))],
      ['outcome', text(ok(byGrade((g) => (outcome(g) ? d.string(outcome(g)!.text) : null))))],
      ['adjust', `CAST(${ok(byGrade((g) => (outcome(g)?.adjust != null ? this.x.num(outcome(g)!.adjust!) : null)))} AS ${d.doubleType})`],
      ['alerts', text(ok(alerts.length === 0 ? d.string('') : `CONCAT_WS(${d.string('；')}, ${alerts.join(', ')})`))],
      [
        'error_code',
        text(
          `CASE WHEN x_err < ${this.manualBase} THEN ${d.string('eval-division-by-zero')} WHEN x_err < ${this.noApplicable} THEN ${d.string('eval-manual-out-of-range')} WHEN x_err = ${this.noApplicable} THEN ${d.string('eval-no-applicable')} WHEN x_err > ${this.noApplicable} THEN ${d.string('data-missing-field')} END`,
        ),
      ],
      ['error', text(`CASE x_err ${messages.join(' ')} END`)],
      ...this.p.indicators.flatMap((ind, i): Column[] => [
        [`points_${ind.code}`, ok(`c${i}`)],
        [`applicable_${ind.code}`, ok(`a${i}`)],
      ]),
      ...this.p.alerts.map((_, k): Column => [`alert_${k + 1}`, ok(`al${k}`)]),
    ];
  }

  sql(table: string): string {
    this.inputs();
    this.lets();
    this.operands();
    this.points();
    this.total();
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
