// The runtime a standalone module carries as text: a plain-JS copy of runtime/helpers.ts,
// ir/format.ts, runtime/explain.ts (lightOf too) and the result assembly of runtime/evaluator.ts. The copy is
// kept honest by the differential tests, which require its results (explanations included) to
// equal the in-process evaluator's. It is written without template literals so that it can live
// in a String.raw here; it reads the ruleset from `P` and the scorer from `score`.

export const RUNTIME_JS = String.raw`function roundHalfUp(x, digits) {
  const f = 10 ** digits;
  const s = Math.abs(x) * f;
  let r = Math.floor(s);
  if (s - r >= 0.5 - 1e-9 * Math.max(1, s)) r += 1;
  else if (s - r > 1 - 1e-9 * Math.max(1, s)) r += 1;
  const out = r / f;
  return x < 0 ? -out : out;
}
function tolerance(v) {
  return 1e-9 * Math.max(1, Math.abs(v));
}
function clean(x) {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}
class UnitError extends Error {
  constructor(code, zh, en, indicator) {
    super(en);
    this.code = code;
    this.zh = zh;
    this.en = en;
    this.indicator = indicator || null;
  }
}
const rt = {
  roundHalfUp,
  ge: (a, b) => a >= b - tolerance(b),
  gt: (a, b) => a > b + tolerance(b),
  le: (a, b) => a <= b + tolerance(b),
  lt: (a, b) => a < b - tolerance(b),
  eq: (a, b) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= tolerance(b) : a === b),
  divisionByZero(d) {
    const div = P.divisions[d];
    return new UnitError('eval-division-by-zero', '除数为零：' + div.text + '（' + div.divisor + ' = 0）', 'division by zero: ' + div.text + ' (' + div.divisor + ' = 0)');
  },
  manualRange(i, v) {
    const ind = P.indicators[i];
    return new UnitError(
      'eval-manual-out-of-range',
      '指标“' + ind.path + '”的人工评分 ' + v + ' 超出分值范围 [0, ' + ind.weight + ']',
      'the manual score ' + v + ' of ' + '\u0060' + ind.path + '\u0060' + ' is outside [0, ' + ind.weight + ']',
      ind.path,
    );
  },
  tierRange(i, k, v) {
    const ind = P.indicators[i];
    const t = ind.score && ind.score.kind === 'tiers' ? ind.score.tiers[k] : undefined;
    const range = t ? (t.loClosed ? '[' : '(') + t.lo + ', ' + t.hi + (t.hiClosed ? ']' : ')') : '';
    const name = t ? t.name : undefined;
    return new UnitError(
      'eval-tier-out-of-range',
      ind.path + '：“' + name + '”的实际得分区间为 ' + range + '，人工评分 ' + v + ' 不在其中，请调整',
      ind.path + ': the score for "' + name + '" must lie in ' + range + ', but it is ' + v,
      ind.path,
    );
  },
  noRespondents(i) {
    const ind = P.indicators[i];
    return new UnitError('eval-division-by-zero', '除数为零：“' + ind.path + '”的满意度调查人数合计为 0', 'division by zero: no respondents for ' + '\u0060' + ind.path + '\u0060', ind.path);
  },
  noApplicable() {
    return new UnitError('eval-no-applicable', '所有指标均不适用，无法计算总分', 'no indicator applies, so there is no total');
  },
};

function showNumber(v, maxDecimals = 6) {
  if (!Number.isFinite(v)) return String(v);
  const s = v.toFixed(maxDecimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
function showPercent(v, maxDecimals = 2) {
  return showNumber(v * 100, maxDecimals) + '%';
}
function showPoints(v) {
  return (Math.round(v * 100 + (v >= 0 ? 1e-9 : -1e-9)) / 100).toFixed(2);
}
function showMoney(v) {
  const parts = showNumber(v, 2).split('.');
  return parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (parts[1] ? '.' + parts[1] : '');
}
function showValue(v, type) {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return v;
  if (type && type.kind === 'percent') return showPercent(v);
  if (type && type.kind === 'money') return showMoney(v) + type.unit;
  return showNumber(v, 4);
}

const OP_TEXT = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };
function isElse(b) {
  return b.op === null && !b.interval;
}
function bandCondition(b, type) {
  if (b.interval) {
    const iv = b.interval;
    return '在 ' + (iv.loClosed ? '[' : '(') + showValue(iv.lo, type) + ', ' + showValue(iv.hi, type) + (iv.hiClosed ? ']' : ')') + ' 内';
  }
  if (b.boundExpr) return b.boundExpr.k === 'str' ? '为“' + b.boundExpr.v + '”' : OP_TEXT[b.op] + ' ' + b.text.replace(/^\S+\s*/, '');
  return OP_TEXT[b.op] + ' ' + showValue(b.bound, type);
}
function awardText(b, w) {
  const pts = showPoints(b.award.kind === 'full' ? w : b.award.kind === 'share' ? b.award.value * w : b.award.value);
  if (b.award.kind === 'full') return '得满分 ' + pts + ' 分';
  if (b.award.kind === 'share') return '得 ' + showPercent(b.award.value) + ' × ' + showNumber(w) + ' = ' + pts + ' 分';
  return '得 ' + pts + ' 分';
}
function explainIndicator(i, r) {
  const ind = P.indicators[i];
  const w = ind.weight;
  const pts = r.pts[i];
  if (r.app[i] === 2 && r.N[i] === 1) return '不适用（' + ind.naText + '），按满分计 ' + showPoints(w) + ' 分';
  if (r.app[i] !== 1 && r.N[i] === 1 && ind.naMode === 'transfer') {
    const to = (ind.naTargets || []).map((t) => '“' + P.indicators[t].name + '”').join('、');
    return '不适用（' + ind.naText + '），分值 ' + showNumber(w) + ' 转入 ' + to;
  }
  if (r.app[i] !== 1 && ind.aggregation === 'placeholder' && ind.children.length === 0) return '待定指标尚无下级指标，按不适用处理，分值 ' + showNumber(w) + ' 不计入总分';
  if (r.app[i] !== 1) {
    let k = i;
    while (k >= 0 && r.N[k] !== 1) k = P.indicators[k].parent;
    const owner = k >= 0 ? P.indicators[k] : ind;
    return owner === ind
      ? '不适用（' + ind.naText + '），分值 ' + showNumber(w) + ' 不计入总分'
      : '不适用（上级“' + owner.name + '”不适用），分值不计入总分';
  }
  const moved = transfersInto(i, r);
  if (ind.children.length > 0) {
    const na = ind.children.filter((c) => r.app[c] !== 1).length;
    const sum = ind.children.reduce((t, c) => t + r.pts[c], 0);
    const naNote = na ? '（' + na + ' 项不适用）' : '';
    if (ind.aggregation === 'relative') return '下级指标相对分合计 ' + showPoints(sum) + ' / ' + showNumber(ind.scale) + '，折合 ' + showPoints(pts) + ' / ' + showNumber(w) + ' 分' + naNote + moved;
    if (ind.aggregation === 'pool' || ind.aggregation === 'placeholder') {
      const used = ind.children.filter((c) => r.app[c] !== 0);
      const uw = used.reduce((t, c) => t + P.indicators[c].weight, 0);
      return used.length + ' 项计分，得 ' + showPoints(sum) + ' / ' + showNumber(uw) + '，折合 ' + showPoints(pts) + ' / ' + showNumber(w) + ' 分' + moved;
    }
    return '下级指标合计 ' + showPoints(pts) + ' / ' + showNumber(w) + ' 分' + naNote + moved;
  }
  const clamped = r.C[i] === 1 ? '（计算值超出 [0, ' + showNumber(w) + ']，按分值范围截取）' : '';
  const less = ind.less ? '，再减 ' + ind.lessText + ' ' + showNumber(r.E[i] || 0) + ' 分' : '';
  const rounded = ind.roundPoints !== undefined ? '，保留 ' + ind.roundPoints + ' 位小数' : '';
  const tail = less || rounded || moved ? less + rounded + '，得 ' + showPoints(pts) + ' 分' + moved : '';
  // with a tail, the rule's text shows its own points (8.60 before round 0 makes 9.00)
  const own = r.X[i] ? r.X[i].own : undefined;
  return ruleText(i, r, r.X[i] || [], tail && own !== undefined ? own : pts, clamped) + tail;
}
function transfersInto(i, r) {
  const from = P.indicators.filter((s, k) => s.naMode === 'transfer' && s.naTargets && s.naTargets.includes(i) && r.N[k] === 1 && r.app[k] !== 1);
  if (from.length === 0) return '';
  return '（含“' + from.map((s) => s.name).join('、') + '”不适用转入的分值，按比例折算）';
}
function ruleText(i, r, x, pts, clamped) {
  const ind = P.indicators[i];
  const w = ind.weight;
  const s = ind.score;
  switch (s.kind) {
    case 'bands': {
      const value = x[0], k = x[1];
      const shown = showValue(value, s.subjectType);
      if (k < 0) return s.subjectText + ' ' + shown + ' 未落入任何分档，得 0 分';
      const band = s.bands[k];
      if (isElse(band)) {
        const others = s.bands.filter((b) => b.op !== null);
        const cond = others[others.length - 1] ? '不满足以上分档' : '';
        return (s.subjectText + ' ' + shown + ' ' + cond + '，' + awardText(band, w)).replace(' ，', '，');
      }
      return s.subjectText + ' ' + shown + ' ' + bandCondition(band, s.subjectType) + '，' + awardText(band, w);
    }
    case 'ratio': {
      const a = x[0], t = x[1];
      const av = showValue(a, s.actualType);
      const tv = showValue(t, s.actualType);
      if (s.direction === 'down') {
        if (a <= t) return s.actualText + ' ' + av + ' 不超过目标 ' + tv + '（反向指标），得满分 ' + showPoints(w) + ' 分';
        const how = s.formula === 'linear' ? '线性法：超出目标的比例扣减，2 倍目标值为 0' : '比值法：目标值 / 实际值';
        return s.actualText + ' ' + av + ' 超过目标 ' + tv + '（反向指标，' + how + '），得 ' + showPoints(pts) + ' 分';
      }
      if (s.direction === 'equal' && t === 0) return a <= 0 ? s.actualText + ' ' + av + ' 等于目标 0，得满分 ' + showPoints(w) + ' 分' : s.actualText + ' ' + av + ' 不等于目标 0，得 0 分';
      if (t <= 0) return a >= t ? s.actualText + ' ' + av + ' 达到目标 ' + tv + '，得满分 ' + showPoints(w) + ' 分' : s.actualText + ' ' + av + ' 未达到目标 ' + tv + '，得 0 分';
      if (a >= t) return s.actualText + ' ' + av + ' 达到目标 ' + tv + '，得满分 ' + showPoints(w) + ' 分';
      const share = showPercent(Math.max(0, a / t));
      return s.actualText + ' ' + av + ' / 目标 ' + tv + ' = ' + share + '，得 ' + share + ' × ' + showNumber(w) + ' = ' + showPoints(pts) + ' 分';
    }
    case 'deduct': {
      const per = x[0], n = x[1], d = x[2], m = x[3], std = x[4], dev = x[5];
      if (s.side) {
        const t = s.measureType;
        const sideText = s.side === 'above' ? '超过' : '低于';
        if (!(dev > 1e-12)) return s.measureText + ' ' + showValue(m, t) + ' 未' + sideText + '标准 ' + showValue(std, t) + '，不扣分，得满分 ' + showPoints(w) + ' 分';
        const steps = s.whole ? '按整 ' + showValue(n, t) + ' 计 ' + showNumber(Math.floor(dev / n + 1e-9)) + ' 档' : '按每 ' + showValue(n, t) + ' 计 ' + showNumber(dev / n, 4) + ' 档';
        return s.measureText + ' ' + showValue(m, t) + ' ' + sideText + '标准 ' + showValue(std, t) + ' 共 ' + showValue(dev, t) + '，' + steps + '，扣 ' + showNumber(d) + ' 分，得 ' + showPoints(pts) + ' 分';
      }
      const capped = d < per * n - 1e-9 ? '（扣分上限 ' + showNumber(d) + ' 分）' : '';
      const head = s.countText + ' ' + showNumber(n) + ' × ' + showNumber(per) + ' 分，扣 ' + showNumber(d) + ' 分' + capped;
      if (pts <= 0) return head + '，扣完为止，得 0 分';
      return head + '，得 ' + showNumber(w) + ' − ' + showNumber(d) + ' = ' + showPoints(pts) + ' 分';
    }
    case 'manual':
      return '人工评分 ' + P.inputs[s.input].name + ' = ' + showPoints(pts) + ' 分（分值 ' + showNumber(w) + '）';
    case 'checklist': {
      const gate = x[0], flags = x.slice(1);
      if (gate === 0) return '前提要素 ' + s.items.filter((it, k) => it.gate && flags[k] === 0).map((it) => it.text).join('、') + ' 不具备，得 0 分';
      const has = s.items.filter((_, k) => flags[k] === 1).map((it) => it.text);
      const lacks = s.items.filter((_, k) => flags[k] !== 1).map((it) => it.text);
      return '具备 ' + (has.join('、') || '无') + (lacks.length ? '；不具备 ' + lacks.join('、') : '') + '，得 ' + showPoints(pts) + ' 分';
    }
    case 'tiers': {
      const cat = r.unit[P.inputs[s.category].name];
      const t = s.tiers.find((t) => t.name === cat);
      const range = t ? (t.loClosed ? '[' : '(') + showNumber(t.lo) + ', ' + showNumber(t.hi) + (t.hiClosed ? ']' : ')') : '';
      return P.inputs[s.category].name + '“' + String(cat) + '”（得分区间 ' + range + '），人工评分 ' + showPoints(pts) + ' 分';
    }
    case 'likert': {
      const v = x[0], n = x[1], t = x[2];
      if (t === undefined) return showNumber(n) + ' 人作答，满意度 ' + showPercent(v) + '，得 ' + showPercent(v) + ' × ' + showNumber(w) + ' = ' + showPoints(pts) + ' 分';
      return v >= t
        ? showNumber(n) + ' 人作答，满意度 ' + showPercent(v) + ' 达到目标 ' + showPercent(t) + '，得满分 ' + showPoints(w) + ' 分'
        : showNumber(n) + ' 人作答，满意度 ' + showPercent(v) + ' / 目标 ' + showPercent(t) + '，得 ' + showPoints(pts) + ' 分';
    }
    case 'formula':
      return '按公式 ' + s.text + ' 得 ' + showPoints(pts) + ' 分' + clamped;
  }
}
function lightOf(out) {
  const floor = P.floors && P.floors[0];
  if (floor && out[3] >= 0) {
    const why = '1–' + showNumber(out[8]) + '月 ' + floor.subjectText + ' ' + showValue(out[6], floor.subjectType) + ' 低于底线 ' + showValue(out[7], floor.subjectType);
    return { color: '红', reason: floor.reason ? why + '：' + floor.reason : why };
  }
  const light = P.lights && P.lights[0];
  const k = out[2];
  if (!light || k < 0) return null;
  const b = light.bands[k];
  const cond = isElse(b.band) ? '不满足以上各档' : bandCondition(b.band, light.subjectType);
  const t = light.subjectType;
  const value = t.kind === 'enum' ? (t.members[out[5]] !== undefined ? t.members[out[5]] : '') : out[5];
  const why = light.subjectText + ' ' + showValue(value, t) + ' ' + cond;
  return { color: b.color, reason: b.reason ? why + '：' + b.reason : why };
}

function errorResult(error) {
  return { total: null, grade: null, indicators: Object.create(null), outcome: null, alerts: [], adjustments: [], light: null, error };
}
const own = Object.prototype.hasOwnProperty;
const NUMERIC = { number: '数字', percent: '百分比', money: '金额', count: '个数', score: '分数' };
function fieldError(code, name, zh, en) {
  return { code, message: zh, en, field: name };
}
function checkUnit(unit) {
  if (typeof unit !== 'object' || unit === null || Array.isArray(unit)) {
    return { code: 'data-bad-row', message: '单位数据应为对象', en: 'a unit must be an object' };
  }
  for (const input of P.inputs) {
    const name = input.name;
    const t = input.type.kind;
    if (!own.call(unit, name) || unit[name] === undefined || unit[name] === null) {
      return fieldError('data-missing-field', name, '缺少字段“' + name + '”', 'missing field "' + name + '"');
    }
    const v = unit[name];
    if (t === 'bool') {
      if (typeof v !== 'boolean') return fieldError('data-bad-bool', name, '字段“' + name + '”应为 true 或 false', 'field "' + name + '" must be true or false');
    } else if (t === 'enum') {
      if (typeof v !== 'string' || !input.type.members.includes(v)) {
        return fieldError('data-bad-enum', name, '字段“' + name + '”不是可选值之一（可选：' + input.type.members.join('、') + '）', 'field "' + name + '" is not one of: ' + input.type.members.join(', '));
      }
    } else if (typeof v !== 'number' || !Number.isFinite(v) || (t === 'count' && !(Number.isSafeInteger(v) && v >= 0))) {
      const code = t === 'percent' ? 'data-bad-percent' : t === 'count' ? 'data-bad-count' : 'data-bad-number';
      return fieldError(code, name, '字段“' + name + '”应为' + NUMERIC[t], 'field "' + name + '" must be a ' + (t === 'count' ? 'whole number 0, 1, 2, …' : t));
    }
  }
  return null;
}

/**
 * Scores one unit: input values by input name, in the units the inputs declare (money in its
 * declared unit, percents as fractions, enum members by name). Never throws for bad data: the
 * result then carries an error naming the field.
 */
export function evaluate(unit, options) {
  const explain = !options || options.explain !== false;
  const bad = checkUnit(unit);
  if (bad) return errorResult(bad);
  const n = P.indicators.length;
  const r = { unit, pts: new Float64Array(n), app: new Uint8Array(n), X: new Array(n), C: new Uint8Array(n), N: new Uint8Array(n), E: new Float64Array(n) };
  // total, grade index, light band, floor step broken, -, light figure, floor figure, floor minimum, month
  const out = new Float64Array(9);
  // alerts, then one flag per total rule (cap, penalty, bonus) that applied
  const rules = P.totalRules || [];
  const al = new Uint8Array(P.alerts.length + rules.length);
  try {
    score(unit, r.pts, r.app, out, al, r.X, r.C, r.N, r.E);
  } catch (e) {
    if (!(e instanceof UnitError)) throw e;
    return errorResult(Object.assign({ code: e.code, message: e.zh, en: e.en }, e.indicator ? { indicator: e.indicator } : {}));
  }
  const indicators = Object.create(null);
  P.indicators.forEach((ind, i) => {
    const res = { points: clean(r.pts[i]), weight: ind.weight, applicable: r.app[i] === 1 };
    if (explain) res.explain = explainIndicator(i, r);
    indicators[ind.path] = res;
  });
  const gi = out[1];
  const grade = gi >= 0 ? P.grades[gi].name : null;
  const outcome = grade === null ? undefined : P.outcomes.find((o) => o.grade === grade);
  const base = P.alerts.length;
  return {
    total: Number.isNaN(out[0]) ? null : out[0],
    grade,
    indicators,
    outcome: outcome ? { text: outcome.text, adjust: outcome.adjust } : null,
    alerts: P.alerts.filter((_, k) => al[k] === 1).map((a) => ({ name: a.name, message: a.message })),
    adjustments: rules.filter((_, k) => al[base + k] === 1).map((t) => ({ kind: t.kind, rule: t.text })),
    light: lightOf(out),
    error: null,
  };
}
`;
