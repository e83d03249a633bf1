// The runtime a standalone module carries as text: a plain-JS copy of runtime/helpers.ts,
// ir/format.ts, runtime/explain.ts and the result assembly of runtime/evaluator.ts. The copy is
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
  if (r.app[i] !== 1) {
    let k = i;
    while (k >= 0 && r.N[k] !== 1) k = P.indicators[k].parent;
    const owner = k >= 0 ? P.indicators[k] : ind;
    return owner === ind
      ? '不适用（' + ind.naText + '），分值 ' + showNumber(w) + ' 不计入总分'
      : '不适用（上级“' + owner.name + '”不适用），分值不计入总分';
  }
  if (ind.children.length > 0) {
    const na = ind.children.filter((c) => r.app[c] !== 1).length;
    return '下级指标合计 ' + showPoints(pts) + ' / ' + showNumber(w) + ' 分' + (na ? '（' + na + ' 项不适用）' : '');
  }
  const x = r.X[i] || [];
  const clamped = r.C[i] === 1 ? '（计算值超出 [0, ' + showNumber(w) + ']，按分值范围截取）' : '';
  const s = ind.score;
  switch (s.kind) {
    case 'bands': {
      const value = x[0], k = x[1];
      const shown = showValue(value, s.subjectType);
      if (k < 0) return s.subjectText + ' ' + shown + ' 未落入任何分档，得 0 分';
      const band = s.bands[k];
      if (band.op === null) {
        const others = s.bands.filter((b) => b.op !== null);
        const cond = others[others.length - 1] ? '不满足以上分档' : '';
        return (s.subjectText + ' ' + shown + ' ' + cond + '，' + awardText(band, w)).replace(' ，', '，');
      }
      return s.subjectText + ' ' + shown + ' ' + OP_TEXT[band.op] + ' ' + showValue(band.bound, s.subjectType) + '，' + awardText(band, w);
    }
    case 'ratio': {
      const a = x[0], t = x[1];
      const av = showValue(a, s.actualType);
      const tv = showValue(t, s.actualType);
      if (t <= 0) return a >= t ? s.actualText + ' ' + av + ' 达到目标 ' + tv + '，得满分 ' + showPoints(w) + ' 分' : s.actualText + ' ' + av + ' 未达到目标 ' + tv + '，得 0 分';
      if (a >= t) return s.actualText + ' ' + av + ' 达到目标 ' + tv + '，得满分 ' + showPoints(w) + ' 分';
      const share = showPercent(Math.max(0, a / t));
      return s.actualText + ' ' + av + ' / 目标 ' + tv + ' = ' + share + '，得 ' + share + ' × ' + showNumber(w) + ' = ' + showPoints(pts) + ' 分';
    }
    case 'deduct': {
      const per = x[0], n = x[1], d = x[2];
      const capped = d < per * n - 1e-9 ? '（扣分上限 ' + showNumber(d) + ' 分）' : '';
      const head = s.countText + ' ' + showNumber(n) + ' × ' + showNumber(per) + ' 分，扣 ' + showNumber(d) + ' 分' + capped;
      if (pts <= 0) return head + '，扣完为止，得 0 分';
      return head + '，得 ' + showNumber(w) + ' − ' + showNumber(d) + ' = ' + showPoints(pts) + ' 分';
    }
    case 'manual':
      return '人工评分 ' + P.inputs[s.input].name + ' = ' + showPoints(pts) + ' 分（分值 ' + showNumber(w) + '）';
    case 'formula':
      return '按公式 ' + s.text + ' 得 ' + showPoints(pts) + ' 分' + clamped;
  }
}

function errorResult(error) {
  return { total: null, grade: null, indicators: Object.create(null), outcome: null, alerts: [], error };
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
  const r = { pts: new Float64Array(n), app: new Uint8Array(n), X: new Array(n), C: new Uint8Array(n), N: new Uint8Array(n) };
  const out = new Float64Array(2);
  const al = new Uint8Array(P.alerts.length);
  try {
    score(unit, r.pts, r.app, out, al, r.X, r.C, r.N);
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
  return {
    total: out[0],
    grade,
    indicators,
    outcome: outcome ? { text: outcome.text, adjust: outcome.adjust } : null,
    alerts: P.alerts.filter((_, k) => al[k] === 1).map((a) => ({ name: a.name, message: a.message })),
    error: null,
  };
}
`;
