// The rule kinds of a leaf as JS statements that set `p` to its points (and, when explaining,
// record in X[i] the figures its explanation shows).
import type { IrBandAward, IrIndicator, IrScore } from '../../ir/ir.js';
import { cmpConst, num, slack, str, type CodeWriter } from './code.js';

/** Statements that set `p` to the points of a leaf. */
export function scoreLeaf(cw: CodeWriter, ind: IrIndicator, i: number, s: IrScore): void {
  const w = ind.weight;
  const X = cw.options.explain;
  switch (s.kind) {
    case 'bands': {
      const v = cw.fresh('s');
      cw.line(`const ${v} = ${cw.expr(s.subject, w)};`);
      s.bands.forEach((b, k) => {
        const pts = b.award.kind === 'full' ? w : b.award.kind === 'share' ? b.award.value * w : b.award.value;
        const record = X ? ` X[${i}] = [${v}, ${k}];` : '';
        if (b.op === null && !b.interval) {
          cw.line(`${k === 0 ? '' : 'else '}{ p = ${num(pts)};${record} }`);
          return;
        }
        cw.line(`${k === 0 ? 'if' : 'else if'} (${cw.bandTest(b, v, w)}) { p = ${num(pts)};${record} }`);
      });
      if (s.bands.every((b) => b.op !== null || b.interval)) cw.line(`else { p = 0;${X ? ` X[${i}] = [${v}, -1];` : ''} }`);
      return;
    }
    case 'ratio': {
      const a = cw.fresh('a');
      const t = cw.fresh('t');
      const W = num(w);
      cw.line(`const ${a} = ${cw.expr(s.actual, w)}, ${t} = ${cw.expr(s.target, w)};`);
      if (s.direction === 'down') {
        // 反向: at or under the target is full; above it, target/actual or linear to 0 at twice the target
        const over = s.formula === 'linear' ? `(${a} >= 2 * ${t} ? 0 : ${W} * (1 - (${a} - ${t}) / ${t}))` : `${W} * (${t} / ${a})`;
        cw.line(`p = ${t} >= ${a} ? ${W} : ${t} > 0 ? ${over} : 0;`);
      } else if (s.direction === 'equal') {
        // 等于: a zero target is met only by a figure at or below zero; otherwise as 正向
        cw.line(`p = ${t} === 0 ? (0 >= ${a} ? ${W} : 0) : ${t} > 0 ? (${a} >= ${t} ? ${W} : 0 >= ${a} ? 0 : ${W} * (${a} / ${t})) : (${a} >= ${t} ? ${W} : 0);`);
      } else if (s.target.k === 'num' && s.target.v > 0) {
        // a positive constant target: the `t > 0` test is decided here
        cw.line(`p = ${a} >= ${t} ? ${W} : 0 >= ${a} ? 0 : ${W} * (${a} / ${t});`);
      } else {
        cw.line(`p = ${t} > 0 ? (${a} >= ${t} ? ${W} : 0 >= ${a} ? 0 : ${W} * (${a} / ${t})) : (${a} >= ${t} ? ${W} : 0);`);
      }
      if (X) cw.line(`X[${i}] = [${a}, ${t}];`);
      return;
    }
    case 'deduct': {
      const d = cw.fresh('d');
      const per = cw.fresh('q');
      const n = cw.fresh('n');
      if (s.side && s.standard && s.measure) {
        // deviation from the standard in steps; whole steps only when `whole` (每低于5%扣2分)
        const dev = cw.fresh('e');
        const m = cw.fresh('m');
        const std = cw.fresh('k');
        cw.line(`const ${per} = ${cw.expr(s.points, w)}, ${n} = ${cw.expr(s.count, w)}, ${m} = ${cw.expr(s.measure, w)}, ${std} = ${cw.expr(s.standard, w)};`);
        cw.line(`const ${dev} = ${s.side === 'above' ? `${m} - ${std}` : `${std} - ${m}`};`);
        const steps = s.whole ? `Math.floor(${dev} / ${n} + 1e-9)` : `${dev} / ${n}`;
        cw.line(`let ${d} = ${dev} > 1e-12 && ${n} > 0 ? ${per} * ${steps} : 0;`);
        if (s.max) cw.line(`if (${d} > ${cw.expr(s.max, w)}) ${d} = ${cw.expr(s.max, w)};`);
        cw.line(`p = ${num(w)} - ${d}; if (0 > p) p = 0;`);
        if (X) cw.line(`X[${i}] = [${per}, ${n}, ${d}, ${m}, ${std}, ${dev}];`);
        return;
      }
      cw.line(`const ${per} = ${cw.expr(s.points, w)}, ${n} = ${cw.expr(s.count, w)};`);
      cw.line(`let ${d} = ${per} * ${n};`);
      if (s.max) cw.line(`if (${d} > ${cw.expr(s.max, w)}) ${d} = ${cw.expr(s.max, w)};`);
      // a constant cap within the weight keeps the points at or above 0: no clamp needed
      const capped = s.max?.k === 'num' && s.max.v <= w;
      cw.line(capped ? `p = ${num(w)} - ${d};` : `p = ${num(w)} - ${d}; if (0 > p) p = 0;`);
      if (X) cw.line(`X[${i}] = [${per}, ${n}, ${d}];`);
      return;
    }
    case 'manual': {
      cw.line(`p = ${cw.inp(s.input)};`);
      cw.line(`if (!(p >= 0 && ${num(w + slack(w))} >= p)) throw rt.manualRange(${i}, p);`);
      if (X) cw.line(`X[${i}] = [p];`);
      return;
    }
    case 'checklist': {
      const g = cw.fresh('g');
      const flags = s.items.map(() => cw.fresh('h'));
      s.items.forEach((it, k) => cw.line(`const ${flags[k]} = ${cw.expr(it.condition, w)};`));
      const gates = s.items.map((it, k) => (it.gate ? flags[k] : null)).filter((x): x is string => x !== null);
      cw.line(`const ${g} = ${gates.length ? gates.join(' && ') : 'true'};`);
      const sum = s.items.map((it, k) => `(${flags[k]} ? ${num(awardOf(it.award, w))} : 0)`).join(' + ') || '0';
      cw.line(`p = ${g} ? ${sum} : 0;`);
      if (X) cw.line(`X[${i}] = [${g} ? 1 : 0, ${flags.map((f) => `${f} ? 1 : 0`).join(', ')}];`);
      return;
    }
    case 'tiers': {
      const c = cw.inp(s.category);
      cw.line(`p = ${cw.inp(s.input)};`);
      s.tiers.forEach((t, k) => {
        const inside = `${cmpConst(t.loClosed ? '>=' : '>', 'p', t.lo)} && ${cmpConst(t.hiClosed ? '<=' : '<', 'p', t.hi)}`;
        cw.line(`${k === 0 ? 'if' : 'else if'} (${c} === ${str(t.name)}) { if (!(${inside})) throw rt.tierRange(${i}, ${k}, p); }`);
      });
      if (X) cw.line(`X[${i}] = [p];`);
      return;
    }
    case 'likert': {
      const n = cw.fresh('n');
      const v = cw.fresh('v');
      const counts = s.answers.map((a) => cw.inp(a.input));
      cw.line(`const ${n} = ${counts.join(' + ') || '0'};`);
      cw.line(`if (${n} === 0) throw rt.noRespondents(${i});`);
      cw.line(`const ${v} = (${s.answers.map((a) => `${cw.inp(a.input)} * ${num(a.value)}`).join(' + ') || '0'}) / ${n};`);
      if (s.target) {
        const t = cw.fresh('t');
        cw.line(`const ${t} = ${cw.expr(s.target, w)};`);
        cw.line(`p = ${t} > 0 ? (${v} >= ${t} ? ${num(w)} : ${num(w)} * (${v} / ${t})) : ${num(w)};`);
        if (X) cw.line(`X[${i}] = [${v}, ${n}, ${t}];`);
      } else {
        cw.line(`p = ${num(w)} * ${v};`);
        if (X) cw.line(`X[${i}] = [${v}, ${n}];`);
      }
      return;
    }
    case 'formula': {
      cw.line(`p = ${s.share ? `${num(w)} * ` : ''}${cw.expr(s.expr, w)};`);
      if (X) cw.line(`X[${i}] = [p];`);
      return;
    }
  }
}

function awardOf(a: IrBandAward, w: number): number {
  return a.kind === 'full' ? w : a.kind === 'share' ? a.value * w : a.value;
}
