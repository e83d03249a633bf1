// Monitoring in SQL: the light (the first band its subject meets) and the monthly floor (the step
// of the unit's month; below its minimum the light is 红 whatever the bands say), the errors
// evaluating them raises in the scorer's order, and the light and its reason as result columns.
import type { IrBand, IrFloor, IrLight, IrProgram, ValueType } from '../../ir/ir.js';
import { showValue } from '../../ir/format.js';
import { coalesce, type SqlExpr } from './expr.js';
import { bandChain, bandChainError, type Column } from './rules.js';
import { Show } from './show.js';

const OP_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };

/** A band's condition as explanations word it (runtime/explain bandCondition). */
function bandCondition(b: IrBand, type: ValueType): string {
  if (b.interval) {
    const iv = b.interval;
    return `在 ${iv.loClosed ? '[' : '('}${showValue(iv.lo, type)}, ${showValue(iv.hi, type)}${iv.hiClosed ? ']' : ')'} 内`;
  }
  if (b.boundExpr) return b.boundExpr.k === 'str' ? `为“${b.boundExpr.v}”` : `${OP_TEXT[b.op!]} ${b.text.replace(/^\S+\s*/, '')}`;
  return `${OP_TEXT[b.op!]} ${showValue(b.bound!, type)}`;
}

export class Monitor {
  readonly light: IrLight | undefined;
  readonly floor: IrFloor | undefined;
  private readonly show: Show;

  constructor(
    readonly p: IrProgram,
    readonly x: SqlExpr,
  ) {
    this.light = p.lights?.[0];
    this.floor = p.floors?.[0];
    this.show = new Show(x.d);
  }

  /** The figures: light subject `ms`, floor month `fm` and subject `fv`, each step's minimum `fn<k>`. */
  values(): Column[] {
    const v = (e: Parameters<SqlExpr['value']>[0]): string => this.x.value(e, null);
    const cols: Column[] = [];
    if (this.light) cols.push(['ms', v(this.light.subject)]);
    if (this.floor) {
      cols.push(['fm', v(this.floor.month)], ['fv', v(this.floor.subject)]);
      this.floor.steps.forEach((st, k) => cols.push([`fn${k}`, v(st.minimum)]));
    }
    return cols;
  }

  /** The light band `mk` (−1 for none), the floor step `fk` (−1 before the first month). */
  steps(): Column[] {
    const cols: Column[] = [];
    const light = this.light;
    if (light) {
      const bands = light.bands.map((b) => b.band);
      cols.push(['mk', bandChain(this.x, bands, 'ms', (k) => this.x.value(bands[k]!.boundExpr!, null), (k) => String(k), '-1')]);
    }
    if (this.floor) {
      const arms = this.floor.steps.map((st, k) => `WHEN fm >= ${this.x.num(st.from)} THEN ${k}`).reverse();
      cols.push(['fk', arms.length ? `CASE ${arms.join(' ')} ELSE -1 END` : '-1']);
    }
    return cols;
  }

  /** The minimum of the step that applies, `fmin`, and the figures as text needs them scaled. */
  minimum(): Column[] {
    if (!this.floor) return [];
    const arms = this.floor.steps.map((_, k) => `WHEN ${k} THEN fn${k}`);
    return [['fmin', arms.length ? `CASE fk ${arms.join(' ')} END` : 'NULL']];
  }

  /** Each figure shown in a reason, multiplied as its format says (percents by 100): `sv<k>`. */
  private figures(): { col: string; type: ValueType }[] {
    const out: { col: string; type: ValueType }[] = [];
    if (this.light && this.light.subjectType.kind !== 'enum') out.push({ col: 'ms', type: this.light.subjectType });
    if (this.floor) out.push({ col: 'fv', type: this.floor.subjectType }, { col: 'fmin', type: this.floor.subjectType }, { col: 'fm', type: { kind: 'number' } });
    return out;
  }

  /** Stage columns: the figures times their factor. */
  factored(): Column[] {
    return this.figures().map((f, k): Column => [`sv${k}`, f.col === 'fm' ? 'fm' : `(${f.col} * ${this.x.num(Show.format(f.type).factor)})`]);
  }

  /** Stage columns: the figures scaled to integers as toFixed rounds them. */
  scaled(): Column[] {
    return this.figures().map((f, k): Column => [`sn${k}`, this.show.scaled(`sv${k}`, f.col === 'fm' ? 6 : Show.format(f.type).digits)]);
  }

  /** Whether the floor is broken: below the minimum of the step that applies, beyond the slack. */
  broken(): string {
    return this.floor ? `(fk >= 0 AND fmin - ${this.x.tolerance('fmin')} > fv)` : 'FALSE';
  }

  /** The first error computing the light and the floor, in the scorer's order. */
  error(): string | null {
    const x = this.x;
    const parts: (string | null)[] = [];
    const light = this.light;
    if (light) {
      const bands = light.bands.map((b) => b.band);
      parts.push(x.error(light.subject, null), bandChainError(x, bands, 'ms', (k) => x.value(bands[k]!.boundExpr!, null), null));
    }
    const floor = this.floor;
    if (floor) {
      parts.push(x.error(floor.month, null));
      // the subject and every minimum are evaluated once a step applies
      const later = coalesce([x.error(floor.subject, null), ...floor.steps.map((st) => x.error(st.minimum, null))]);
      if (later !== null) parts.push(`CASE WHEN fk >= 0 THEN ${later} END`);
    }
    return coalesce(parts);
  }

  /** The result columns `light` and `light_reason`. */
  results(): { light: string; reason: string } {
    const d = this.x.d;
    const figures = this.figures();
    const shown = (col: string, type: ValueType): string => {
      const k = figures.findIndex((f) => f.col === col);
      if (k < 0) return col;
      // the month as showNumber writes it, with up to six decimals
      return col === 'fm' ? this.show.number(`sv${k}`, `sn${k}`, 6) : this.show.value(`sv${k}`, `sn${k}`, type);
    };
    const lightArms: string[] = [];
    const reasonArms: string[] = [];
    const light = this.light;
    if (light) {
      light.bands.forEach((b, k) => {
        const cond = b.band.op === null && !b.band.interval ? '不满足以上各档' : bandCondition(b.band, light.subjectType);
        const why = `${d.string(`${light.subjectText} `)} || ${shown('ms', light.subjectType)} || ${d.string(` ${cond}${b.reason ? `：${b.reason}` : ''}`)}`;
        lightArms.push(`WHEN mk = ${k} THEN ${d.string(b.color)}`);
        reasonArms.push(`WHEN mk = ${k} THEN ${why}`);
      });
    }
    const floor = this.floor;
    if (floor) {
      const t = floor.subjectType;
      const why = [d.string('1–'), shown('fm', { kind: 'number' }), d.string(`月 ${floor.subjectText} `), shown('fv', t), d.string(' 低于底线 '), shown('fmin', t)];
      if (floor.reason) why.push(d.string(`：${floor.reason}`));
      lightArms.unshift(`WHEN ${this.broken()} THEN ${d.string('红')}`);
      reasonArms.unshift(`WHEN ${this.broken()} THEN ${why.join(' || ')}`);
    }
    const text = (arms: string[]): string => `CAST(${arms.length ? `CASE ${arms.join(' ')} END` : 'NULL'} AS ${d.textType})`;
    return { light: text(lightArms), reason: text(reasonArms) };
  }
}
