// CST → AST. With cst.ts and ast-expr.ts, the only code that knows CST shapes. Nodes cut short by error recovery are
// skipped (the parser has already reported them), so the checker sees no half-built nodes.
import type { CstNode, IToken } from 'chevrotain';
import type * as A from '../src/ast/nodes.js';
import { type Children, Incomplete, all, attempt, cover, isToken, mustNode, mustTok, name, node, nodeSpan, nodes, num, percentOf, tok, tokenSpan, toks, unquote } from './cst.js';
import { buildExpr, normalizeOp } from './ast-expr.js';

export { tokenSpan, cover } from './cst.js';

export function buildRuleset(cst: CstNode): A.Ruleset | undefined {
  return attempt(() => {
    const c = cst.children;
    const header: A.HeaderField[] = [];
    const inputs: A.InputDecl[] = [];
    const lets: A.LetDecl[] = [];
    const indicators: A.Indicator[] = [];
    let grades: A.GradeRule[] | null = null;
    let gradesSpan: A.Span | null = null;
    const outcomes: A.Outcome[] = [];
    const alerts: A.Alert[] = [];
    const tests: A.TestBlock[] = [];
    const totalRules: A.TotalRule[] = [];
    const lights: A.Light[] = [];
    const floors: A.Floor[] = [];
    for (const m of nodes(c, 'member')) {
      const mc = m.children;
      const h = node(mc, 'header');
      if (h) attempt(() => header.push(buildHeader(h)));
      const inp = node(mc, 'inputDecl');
      if (inp) attempt(() => inputs.push(buildInput(inp)));
      const l = node(mc, 'letDecl');
      if (l) attempt(() => lets.push(buildLet(l)));
      const ind = node(mc, 'indicator');
      if (ind) attempt(() => indicators.push(buildIndicator(ind)));
      const g = node(mc, 'grades');
      if (g) {
        attempt(() => {
          const rules = all(nodes(g.children, 'gradeRule'), buildGrade);
          const span = nodeSpan(g);
          // A second `grades` block is reported by the checker as a duplicate through its rules.
          grades = grades ? [...grades, ...rules] : rules;
          gradesSpan ??= span;
        });
      }
      const o = node(mc, 'outcomes');
      if (o) outcomes.push(...all(nodes(o.children, 'outcome'), buildOutcome));
      const al = node(mc, 'alert');
      if (al) attempt(() => alerts.push(buildAlert(al)));
      const t = node(mc, 'testBlock');
      if (t) attempt(() => tests.push(buildTest(t)));
      const tr = node(mc, 'totalRule');
      if (tr) attempt(() => totalRules.push(buildTotalRule(tr)));
      const li = node(mc, 'light');
      if (li) attempt(() => lights.push(buildLight(li)));
      const fl = node(mc, 'floor');
      if (fl) attempt(() => floors.push(buildFloor(fl)));
    }
    const rsName = mustTok(c, 'name');
    return {
      kind: 'Ruleset',
      name: name(rsName),
      header,
      inputs,
      lets,
      indicators,
      grades,
      gradesSpan,
      outcomes,
      alerts,
      tests,
      ...(totalRules.length ? { totalRules } : {}),
      ...(lights.length ? { lights } : {}),
      ...(floors.length ? { floors } : {}),
      span: nodeSpan(cst),
    };
  });
}

function buildHeader(n: CstNode): A.HeaderField {
  const c = n.children;
  const key = mustTok(c, 'key');
  const keyName = key.tokenType.name.toLowerCase() as A.HeaderField['key'];
  const text = tok(c, 'text');
  const number = tok(c, 'number');
  const value = text ? (text.tokenType.name === 'StringLiteral' ? unquote(text.image) : text.image) : num(number ?? mustTok(c, 'number'));
  return { key: keyName, value, span: nodeSpan(n) };
}

function buildType(n: CstNode): A.TypeRef {
  const c = n.children;
  const span = nodeSpan(n);
  const simple = tok(c, 'simple');
  if (simple) {
    const kinds: Record<string, A.TypeRef['kind']> = {
      NumberType: 'number',
      PercentType: 'percent',
      CountType: 'count',
      BoolType: 'bool',
      Score: 'score',
      ScoreType: 'score',
    };
    return { kind: kinds[simple.tokenType.name] as 'number', span };
  }
  if (tok(c, 'money')) {
    const unit = mustTok(c, 'unit').tokenType.name === 'Yuan' ? '元' : '万元';
    return { kind: 'money', unit, span };
  }
  mustTok(c, 'enum');
  return { kind: 'enum', members: toks(c, 'member').map(name), span };
}

function buildInput(n: CstNode): A.InputDecl {
  const c = n.children;
  return { kind: 'Input', name: name(mustTok(c, 'name')), type: buildType(mustNode(c, 'typeRef')), span: nodeSpan(n) };
}

function buildLet(n: CstNode): A.LetDecl {
  const c = n.children;
  return { kind: 'Let', name: name(mustTok(c, 'name')), expr: buildExpr(mustNode(c, 'expression')), span: nodeSpan(n) };
}

/** Indicator bodies keep every clause so the checker can report duplicates; the AST keeps the first. */
export interface IndicatorExtras {
  duplicateClauses: A.Span[];
}
export const indicatorExtras = new WeakMap<A.Indicator, IndicatorExtras>();

function buildIndicator(n: CstNode): A.Indicator {
  const c = n.children;
  const weightTok = mustTok(c, 'weight');
  const scores = all(nodes(c, 'scoreRule'), buildScore);
  const notes = nodes(c, 'note').map((m) => tok(m.children, 'text')).filter((t): t is IToken => !!t);
  const naNodes = nodes(c, 'naWhen');
  const nas = all(naNodes, (m) => buildExpr(mustNode(m.children, 'expression')));
  const naMode = naNodes[0] ? buildNaMode(naNodes[0]) : undefined;
  const agg = tok(c, 'aggregation');
  const aggregation: A.Aggregation | null = !agg
    ? null
    : agg.tokenType.name === 'Relative'
      ? { kind: 'relative', scale: num(mustTok(c, 'scale')), span: cover(tokenSpan(agg), tokenSpan(mustTok(c, 'scale'))) }
      : { kind: agg.tokenType.name === 'Pool' ? 'pool' : 'placeholder', span: tokenSpan(agg) };
  const ind: A.Indicator = {
    kind: 'Indicator',
    name: name(mustTok(c, 'name')),
    weight: num(weightTok),
    weightSpan: tokenSpan(weightTok),
    children: all(nodes(c, 'indicator'), buildIndicator),
    score: scores[0] ?? null,
    note: notes[0] ? unquote(notes[0].image) : null,
    na: nas[0] ?? null,
    ...(naMode && naMode.kind !== 'rescale' ? { naMode } : {}),
    ...(aggregation ? { aggregation } : {}),
    span: nodeSpan(n),
  };
  const duplicateClauses = [
    ...scores.slice(1).map((s) => s.span),
    ...notes.slice(1).map(tokenSpan),
    ...nas.slice(1).map((e) => e.span),
  ];
  if (duplicateClauses.length) indicatorExtras.set(ind, { duplicateClauses });
  return ind;
}

function buildNaMode(n: CstNode): A.NaMode {
  const c = n.children;
  const full = tok(c, 'full');
  if (full) return { kind: 'full', span: tokenSpan(full) };
  const targets = toks(c, 'target');
  if (targets.length > 0) return { kind: 'transfer', targets: targets.map(name), span: cover(tokenSpan(targets[0]!), tokenSpan(targets[targets.length - 1]!)) };
  return { kind: 'rescale' };
}

/** Only the modifiers written: a rule without them has the same shape as before they existed. */
function buildModifiers(c: Children): A.ScoreModifiers {
  const less = node(c, 'less');
  const round = tok(c, 'round');
  return { ...(less ? { less: buildExpr(less) } : {}), ...(round ? { round: num(round) } : {}) };
}

function buildScore(n: CstNode): A.ScoreRule {
  const c = n.children;
  const span = nodeSpan(n);
  const mods = buildModifiers(c);
  if (c.Bands) {
    return {
      kind: 'Bands',
      subject: buildExpr(mustNode(c, 'subject')),
      bands: all(nodes(c, 'band'), buildBand),
      span,
      ...mods,
    };
  }
  if (c.Ratio) {
    const dir = tok(c, 'direction')?.tokenType.name;
    const formula = tok(c, 'formula')?.tokenType.name;
    return {
      kind: 'Ratio',
      actual: buildExpr(mustNode(c, 'actual')),
      target: buildExpr(mustNode(c, 'target')),
      ...(dir === 'Down' ? { direction: 'down' } : dir === 'Equal' ? { direction: 'equal' } : {}),
      ...(formula ? { formula: formula === 'Quotient' ? 'quotient' : 'linear' } : {}),
      span,
      ...mods,
    };
  }
  if (c.Deduct) {
    const max = node(c, 'max');
    const side = tok(c, 'side');
    const standard = node(c, 'standard');
    const measure = node(c, 'measure');
    return {
      kind: 'Deduct',
      points: buildExpr(mustNode(c, 'points')),
      count: buildExpr(mustNode(c, 'count')),
      max: max ? buildExpr(max) : null,
      ...(tok(c, 'whole') ? { whole: true } : {}),
      ...(side && standard && measure
        ? { side: side.tokenType.name === 'Above' ? ('above' as const) : ('below' as const), standard: buildExpr(standard), measure: buildExpr(measure) }
        : {}),
      span,
      ...mods,
    };
  }
  if (c.Manual && !c.Tiers) return { kind: 'Manual', input: name(mustTok(c, 'input')), span, ...mods };
  if (c.Checklist) {
    const items = all(nodes(c, 'checkItem'), (m) => ({
      gate: !!tok(m.children, 'gate'),
      condition: buildExpr(mustNode(m.children, 'condition')),
      award: buildAward(mustNode(m.children, 'award')),
      span: nodeSpan(m),
    }));
    return { kind: 'Checklist', items, span, ...mods };
  }
  if (c.Tiers) {
    const tiers = all(nodes(c, 'tier'), (m) => ({
      name: name(mustTok(m.children, 'name')),
      interval: buildInterval(mustNode(m.children, 'interval')),
      span: nodeSpan(m),
    }));
    return { kind: 'Tiers', category: name(mustTok(c, 'category')), input: name(mustTok(c, 'input')), tiers, span, ...mods };
  }
  if (c.Likert) {
    const names = toks(c, 'answer');
    const values = toks(c, 'value');
    const answers = names.map((a, i) => ({ name: name(a), value: num(values[i] ?? a), span: tokenSpan(a) }));
    const target = node(c, 'likertTarget');
    return { kind: 'Likert', answers, target: target ? buildExpr(target) : null, span, ...mods };
  }
  return { kind: 'Formula', expr: buildExpr(mustNode(c, 'formula')), span, ...mods };
}

function buildInterval(n: CstNode): A.IntervalNode {
  const c = n.children;
  return {
    lo: buildExpr(mustNode(c, 'lo')),
    hi: buildExpr(mustNode(c, 'hi')),
    loClosed: mustTok(c, 'open').tokenType.name === 'LBracket',
    hiClosed: mustTok(c, 'close').tokenType.name === 'RBracket',
    span: nodeSpan(n),
  };
}

function buildAward(n: CstNode): A.BandAward {
  const c = n.children;
  const full = tok(c, 'full');
  if (full) return { kind: 'full', span: tokenSpan(full) };
  const numTok = mustTok(c, 'number');
  const minus = tok(c, 'minus');
  const pct = tok(c, 'percent');
  const sign = minus ? -1 : 1;
  const span = cover(tokenSpan(minus ?? numTok), tokenSpan(pct ?? numTok));
  return pct ? { kind: 'share', value: sign * percentOf(numTok.image), span } : { kind: 'points', value: sign * num(numTok), span };
}

/** A band's condition: `else`, `>= x`, or an interval. */
function buildCondition(n: CstNode): Pick<A.Band, 'op' | 'bound' | 'interval'> {
  const c = n.children;
  const interval = node(c, 'interval');
  if (interval) return { op: null, bound: null, interval: buildInterval(interval) };
  const opTok = tok(c, 'op');
  if (!opTok) {
    if (!c.Else) throw new Incomplete();
    return { op: null, bound: null };
  }
  return { op: normalizeOp(opTok) as A.BandOp, bound: buildExpr(mustNode(c, 'bound')) };
}

function buildBand(n: CstNode): A.Band {
  const c = n.children;
  const { op, bound, interval } = buildCondition(mustNode(c, 'bandCondition'));
  const award = buildAward(mustNode(c, 'award'));
  // fields written out rather than spread: spreading the condition's varying shapes was slow on big rulesets
  return interval ? { op, bound, interval, award, span: nodeSpan(n) } : { op, bound, award, span: nodeSpan(n) };
}

function buildTotalRule(n: CstNode): A.TotalRule {
  const c = n.children;
  const kind = mustTok(c, 'kind').tokenType.name;
  return {
    kind: kind === 'Cap' ? 'cap' : kind === 'Penalty' ? 'penalty' : 'bonus',
    amount: buildExpr(mustNode(c, 'amount')),
    condition: buildExpr(mustNode(c, 'condition')),
    span: nodeSpan(n),
  };
}

function buildLight(n: CstNode): A.Light {
  const c = n.children;
  const conds = nodes(c, 'bandCondition');
  const colors = toks(c, 'color');
  const reasons = c.reason ?? [];
  // reasons are optional per band: pair each with the band whose color it follows
  const bands = conds.map((cond, i) => {
    const color = colors[i];
    if (!color) throw new Incomplete();
    const next = colors[i + 1]?.startOffset ?? Infinity;
    const reason = reasons.find((r): r is IToken => isToken(r) && r.startOffset > color.startOffset && r.startOffset < next);
    const condition = buildCondition(cond);
    const span = cover(nodeSpan(cond), tokenSpan(reason ?? color));
    return { band: { ...condition, award: { kind: 'full' as const, span }, span }, color: name(color), reason: reason ? unquote(reason.image) : null };
  });
  return { subject: buildExpr(mustNode(c, 'subject')), bands, span: nodeSpan(n) };
}

function buildFloor(n: CstNode): A.Floor {
  const c = n.children;
  const froms = toks(c, 'from');
  const minimums = nodes(c, 'minimum');
  if (froms.length !== minimums.length) throw new Incomplete();
  const reason = tok(c, 'reason');
  return {
    subject: buildExpr(mustNode(c, 'subject')),
    month: buildExpr(mustNode(c, 'month')),
    steps: froms.map((f, i) => ({ from: num(f), minimum: buildExpr(minimums[i]!), span: cover(tokenSpan(f), nodeSpan(minimums[i]!)) })),
    reason: reason ? unquote(reason.image) : null,
    span: nodeSpan(n),
  };
}

function buildGrade(n: CstNode): A.GradeRule {
  const c = n.children;
  const span = nodeSpan(n);
  const gradeName = name(mustTok(c, 'name'));
  if (tok(c, 'Otherwise')) return { name: gradeName, op: null, threshold: null, span };
  const op = normalizeOp(mustTok(c, 'op')) as '>=' | '>';
  return { name: gradeName, op, threshold: num(mustTok(c, 'threshold')), span };
}

function buildOutcome(n: CstNode): A.Outcome {
  const c = n.children;
  const amount = tok(c, 'amount');
  const sign = tok(c, 'sign');
  const adjust = amount ? (sign?.tokenType.name === 'Minus' ? -1 : 1) * percentOf(amount.image) : null;
  return {
    grade: name(mustTok(c, 'grade')),
    text: unquote(mustTok(c, 'text').image),
    adjust: adjust === 0 ? 0 : adjust,
    span: nodeSpan(n),
  };
}

function buildAlert(n: CstNode): A.Alert {
  const c = n.children;
  return {
    name: name(mustTok(c, 'name')),
    message: unquote(mustTok(c, 'message').image),
    when: buildExpr(mustNode(c, 'expression')),
    span: nodeSpan(n),
  };
}

function buildTest(n: CstNode): A.TestBlock {
  const c = n.children;
  const given: A.Given[] = [];
  for (const g of nodes(c, 'givenBlock')) {
    given.push(
      ...all(nodes(g.children, 'givenEntry'), (e) => ({
        name: name(mustTok(e.children, 'name')),
        value: buildLiteral(mustNode(e.children, 'literal')),
        span: nodeSpan(e),
      })),
    );
  }
  return {
    name: unquote(mustTok(c, 'name').image),
    given,
    expects: all(nodes(c, 'expectation'), buildExpectation),
    span: nodeSpan(n),
  };
}

function buildExpectation(n: CstNode): A.Expectation {
  const c = n.children;
  const span = nodeSpan(n);
  let subject: A.ExpectSubject;
  const total = tok(c, 'total');
  const grade = tok(c, 'grade');
  const adjust = tok(c, 'adjust');
  const alert = tok(c, 'alert');
  if (total) subject = { kind: 'total', span: tokenSpan(total) };
  else if (grade) subject = { kind: 'grade', span: tokenSpan(grade) };
  else if (adjust) subject = { kind: 'adjust', span: tokenSpan(adjust) };
  else if (tok(c, 'light')) subject = { kind: 'light', span: tokenSpan(tok(c, 'light')!) };
  else if (alert) {
    const an = mustTok(c, 'alertName');
    subject = { kind: 'alert', name: name(an), span: cover(tokenSpan(alert), tokenSpan(an)) };
  } else {
    const path = toks(c, 'path').map(name);
    if (path.length === 0) throw new Incomplete();
    const first = path[0]!;
    const span0 = cover(first.span, path[path.length - 1]!.span);
    const special = path.length === 1 ? first.text : '';
    if (special === 'grade') subject = { kind: 'grade', span: span0 };
    else if (special === 'error' || special === '错误') subject = { kind: 'error', span: span0 };
    else subject = { kind: 'indicator', path, span: span0 };
  }
  const na = tok(c, 'na');
  const lit = node(c, 'literal');
  let value: A.Expectation['value'];
  if (na) value = { kind: 'na', span: tokenSpan(na) };
  else if (lit) value = buildLiteral(lit);
  else if (c.EqEq || c.approx) throw new Incomplete();
  // `expect alert 红灯` alone means the alert fires; `expect error` alone means the unit fails.
  else value = { kind: 'bool', value: true, span: subject.span };
  return { subject, value, ...(tok(c, 'approx') ? { approx: true } : {}), span };
}

function buildLiteral(n: CstNode): A.GivenValue {
  const c = n.children;
  const span = nodeSpan(n);
  const number = tok(c, 'number');
  if (number) {
    const sign = tok(c, 'minus') ? -1 : 1;
    const suffix = tok(c, 'suffix');
    if (suffix?.tokenType.name === 'Percent') return { kind: 'percent', value: sign * percentOf(number.image), span };
    if (suffix) return { kind: 'money', value: sign * num(number), unit: suffix.tokenType.name === 'Yuan' ? '元' : '万元', span };
    return { kind: 'number', value: sign * num(number), span };
  }
  const b = tok(c, 'bool');
  if (b) return { kind: 'bool', value: b.tokenType.name === 'True', span };
  const nm = tok(c, 'name');
  if (nm) return { kind: 'name', value: nm.image, span };
  return { kind: 'string', value: unquote(mustTok(c, 'string').image), span };
}
