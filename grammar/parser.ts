// The chevrotain parser: tokens → CST. Error recovery is on, so one pass reports every
// syntax error in a file and still yields a partial tree for the checker and the editor.
import { CstParser, EOF, type IOrAlt, type IParserErrorMessageProvider, type OrMethodOpts, type TokenType } from 'chevrotain';
import { KEYWORDS } from './keywords.js';
import * as T from './tokens.js';

const K = T.Keyword;

/** Messages name tokens by their labels (`weight`, `:`), never by grammar internals. Each
 * message carries Chinese and English joined by U+0000, split again when diagnostics are made. */
function describe(token: { image: string; tokenType: TokenType }): string {
  return token.tokenType.name === 'EOF' ? 'end of file' : `\`${token.image}\``;
}
function describeZh(token: { image: string; tokenType: TokenType }): string {
  return token.tokenType.name === 'EOF' ? '文件结尾' : `“${token.image}”`;
}
const ZH_LABELS: Record<string, string> = { NumberLiteral: '数字', Identifier: '名称', Name: '名称', StringLiteral: '字符串' };
function labels(types: TokenType[]): string[] {
  return [...new Set(types.map((t) => t.LABEL ?? t.name))];
}
function labelsZh(types: TokenType[]): string[] {
  return [...new Set(types.map((t) => ZH_LABELS[t.name] ?? zhKeyword(t) ?? t.LABEL ?? t.name))];
}
/** A keyword shown with its Chinese spelling too: `weight`（分值）. */
function zhKeyword(t: TokenType): string | undefined {
  const spec = KEYWORDS.find((k) => k.name === t.name);
  return spec && spec.spellings[1] ? `\`${spec.spellings[0]}\`（${spec.spellings[1]}）` : undefined;
}
function listEn(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
function listZh(items: string[]): string {
  return items.join('、');
}
const RULE_ZH: Record<string, string> = {
  ruleset: '规则集',
  indicator: '指标',
  scoreRule: '评分规则',
  band: '分档',
  grades: '等级',
  outcome: '结果应用',
  testBlock: '测试',
  expression: '表达式',
  primary: '表达式',
  typeRef: '类型',
  literal: '值',
  unary: '表达式',
  gradeRule: '等级',
  expectation: '测试期望',
};
/** The same places in English words: rule names such as `unary` are grammar internals. */
const RULE_EN: Record<string, string> = {
  ruleset: 'the ruleset',
  indicator: 'an indicator',
  scoreRule: 'a scoring rule',
  band: 'a band',
  grades: 'the grades',
  outcome: 'an outcome',
  testBlock: 'a test',
  expression: 'an expression',
  primary: 'an expression',
  typeRef: 'a type',
  literal: 'a value',
  unary: 'an expression',
  gradeRule: 'a grade',
  expectation: 'an expectation',
};

export const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    const l = labels([expected]);
    return `此处应为 ${listZh(labelsZh([expected]))}，却是 ${describeZh(actual)}\u0000expected ${listEn(l)}, found ${describe(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `多余的内容 ${describeZh(firstRedundant)}\u0000unexpected ${describe(firstRedundant)} after the end of the ruleset`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const firsts = labels(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]).filter((t): t is TokenType => !!t)));
    const shown = firsts.slice(0, 8);
    const shownZh = labelsZh(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]).filter((t): t is TokenType => !!t))).slice(0, 8);
    const zhRule = RULE_ZH[ruleName] ?? '';
    return `${zhRule ? zhRule + '中' : ''}此处应为 ${listZh(shownZh)}，却是 ${describeZh(actual[0]!)}\u0000expected ${listEn(shown)}${RULE_EN[ruleName] ? ` in ${RULE_EN[ruleName]}` : ''}, found ${describe(actual[0]!)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const types = expectedIterationPaths.map((p) => p[0]).filter((t): t is TokenType => !!t);
    const firsts = labels(types);
    return `此处至少需要一个 ${listZh(labelsZh(types))}，却是 ${describeZh(actual[0]!)}\u0000expected at least one ${listEn(firsts)}, found ${describe(actual[0]!)}`;
  },
};

export class JixiaoParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, errorMessageProvider: messages, maxLookahead: 3, nodeLocationTracking: 'full' });
    this.performSelfAnalysis();
  }

  /**
   * Opens the CST node of a rule, as chevrotain's own method does, but with a plain object for
   * the children: chevrotain's `Object.create(null)` is a V8 dictionary object, several times
   * larger and slower, and a big ruleset has hundreds of thousands of nodes. (A null-prototype
   * constructor was slower still.) No label, rule or token name is an Object.prototype member
   * (test/grammar/parser.test.ts checks), so `{}` reads the same.
   */
  cstInvocationStateUpdate(fullRuleName: string): void {
    const self = this as unknown as { setInitialNodeLocation(n: object): void; CST_STACK: object[] };
    const cstNode = { name: fullRuleName, children: {} };
    self.setInitialNodeLocation(cstNode);
    self.CST_STACK.push(cstNode);
  }

  /**
   * The alternatives of each OR, by rule and OR index, built on the OR's first run and reused:
   * a fresh array of closures per call was a large share of parse time on big rulesets.
   */
  private readonly alternatives: Record<string, IOrAlt<unknown>[] | OrMethodOpts<unknown>> = {};

  /** False for a statement keyword first on its line: nothing before it in the input, or the token before it ends on an earlier line. */
  private nameCanStartHere(): boolean {
    const t = this.LA(1);
    if (!STATEMENT_KEYWORDS.has(t.tokenType.name)) return true;
    // LA(0) is the token before LA(1) in the input (EOF before the first)
    const prev = this.LA(0);
    return !(prev.tokenType === EOF || (prev.endLine ?? 0) < (t.startLine ?? 0));
  }

  public ruleset = this.RULE('ruleset', () => {
    this.CONSUME(K.Ruleset);
    this.CONSUME(T.DeclName, { LABEL: 'name' });
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.member));
    this.CONSUME(T.RBrace);
  });

  private member = this.RULE('member', () => {
    this.OR(this.alternatives['member'] ??= [
      { ALT: () => this.SUBRULE(this.header) },
      { ALT: () => this.SUBRULE(this.inputDecl) },
      { ALT: () => this.SUBRULE(this.letDecl) },
      { ALT: () => this.SUBRULE(this.indicator) },
      { ALT: () => this.SUBRULE(this.grades) },
      { ALT: () => this.SUBRULE(this.outcomes) },
      { ALT: () => this.SUBRULE(this.alert) },
      { ALT: () => this.SUBRULE(this.testBlock) },
      { ALT: () => this.SUBRULE(this.totalRule) },
      { ALT: () => this.SUBRULE(this.light) },
      { ALT: () => this.SUBRULE(this.floor) },
      { ALT: () => this.CONSUME(T.Semicolon) },
    ]);
  });

  /** After the total: `cap 89 when …`, `penalty 2 when …`, `bonus 1 when …`. */
  private totalRule = this.RULE('totalRule', () => {
    this.OR(this.alternatives['totalRule'] ??= [
      { ALT: () => this.CONSUME(K.Cap, { LABEL: 'kind' }) },
      { ALT: () => this.CONSUME(K.Penalty, { LABEL: 'kind' }) },
      { ALT: () => this.CONSUME(K.Bonus, { LABEL: 'kind' }) },
    ]);
    this.SUBRULE(this.additive, { LABEL: 'amount' });
    this.CONSUME(K.When);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
  });

  /** Monitoring lights: `light 执行进度 { < 60%: 红 "严重滞后"; …; else: 绿 }`. */
  private light = this.RULE('light', () => {
    this.CONSUME(K.Light);
    this.SUBRULE(this.additive, { LABEL: 'subject' });
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.bandCondition);
      this.CONSUME(T.Colon);
      this.CONSUME(T.DeclName, { LABEL: 'color' });
      this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'reason' }));
      this.OPTION1(() => this.OR1(this.alternatives['light.1'] ??= [{ ALT: () => this.CONSUME(T.Semicolon) }, { ALT: () => this.CONSUME(T.Comma) }]));
    });
    this.CONSUME(T.RBrace);
  });

  /** Cumulative floors by month: `floor 累计执行率 by 月份 { 4: 25%; 6: 40% } "…"`. */
  private floor = this.RULE('floor', () => {
    this.CONSUME(K.Floor);
    this.SUBRULE(this.additive, { LABEL: 'subject' });
    this.CONSUME(K.By);
    this.SUBRULE1(this.additive, { LABEL: 'month' });
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.CONSUME(T.NumberLiteral, { LABEL: 'from' });
      this.CONSUME(T.Colon);
      this.SUBRULE2(this.additive, { LABEL: 'minimum' });
      this.OPTION1(() => this.OR1(this.alternatives['floor.1'] ??= [{ ALT: () => this.CONSUME(T.Semicolon) }, { ALT: () => this.CONSUME(T.Comma) }]));
    });
    this.CONSUME(T.RBrace);
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'reason' }));
  });

  private header = this.RULE('header', () => {
    this.OR(this.alternatives['header'] ??= [
      {
        ALT: () => {
          this.OR1(this.alternatives['header.1'] ??= [
            { ALT: () => this.CONSUME(K.Title, { LABEL: 'key' }) },
            { ALT: () => this.CONSUME(K.District, { LABEL: 'key' }) },
            { ALT: () => this.CONSUME(K.Kind, { LABEL: 'key' }) },
          ]);
          this.OR2(this.alternatives['header.2'] ??= [
            { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'text' }) },
            { ALT: () => this.CONSUME(T.Name, { LABEL: 'text' }) },
          ]);
        },
      },
      {
        ALT: () => {
          this.OR3(this.alternatives['header.3'] ??= [
            { ALT: () => this.CONSUME(K.Total, { LABEL: 'key' }) },
            { ALT: () => this.CONSUME(K.Round, { LABEL: 'key' }) },
          ]);
          this.CONSUME(T.NumberLiteral, { LABEL: 'number' });
        },
      },
    ]);
  });

  private inputDecl = this.RULE('inputDecl', () => {
    this.CONSUME(K.Input);
    this.CONSUME(T.DeclName, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
  });

  private typeRef = this.RULE('typeRef', () => {
    this.OR(this.alternatives['typeRef'] ??= [
      { ALT: () => this.CONSUME(K.NumberType, { LABEL: 'simple' }) },
      { ALT: () => this.CONSUME(K.PercentType, { LABEL: 'simple' }) },
      { ALT: () => this.CONSUME(K.CountType, { LABEL: 'simple' }) },
      { ALT: () => this.CONSUME(K.BoolType, { LABEL: 'simple' }) },
      { ALT: () => this.CONSUME(K.Score, { LABEL: 'simple' }) },
      { ALT: () => this.CONSUME(K.ScoreType, { LABEL: 'simple' }) },
      {
        ALT: () => {
          this.CONSUME(K.MoneyType, { LABEL: 'money' });
          this.CONSUME(T.LParen);
          this.OR1(this.alternatives['typeRef.1'] ??= [
            { ALT: () => this.CONSUME(K.Yuan, { LABEL: 'unit' }) },
            { ALT: () => this.CONSUME(K.Wanyuan, { LABEL: 'unit' }) },
          ]);
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.EnumType, { LABEL: 'enum' });
          this.CONSUME1(T.LParen);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.DeclName, { LABEL: 'member' }) });
          this.CONSUME1(T.RParen);
        },
      },
    ]);
  });

  private letDecl = this.RULE('letDecl', () => {
    this.CONSUME(K.Let);
    this.CONSUME(T.DeclName, { LABEL: 'name' });
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  private indicator = this.RULE('indicator', () => {
    this.CONSUME(K.Indicator);
    this.CONSUME(T.DeclName, { LABEL: 'name' });
    this.CONSUME(K.Weight);
    this.CONSUME(T.NumberLiteral, { LABEL: 'weight' });
    this.OPTION(() => {
      this.OR1(this.alternatives['indicator.1'] ??= [
        {
          ALT: () => {
            this.CONSUME(K.Relative, { LABEL: 'aggregation' });
            this.CONSUME1(T.NumberLiteral, { LABEL: 'scale' });
          },
        },
        { ALT: () => this.CONSUME(K.Pool, { LABEL: 'aggregation' }) },
        { ALT: () => this.CONSUME(K.Placeholder, { LABEL: 'aggregation' }) },
      ]);
    });
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR(this.alternatives['indicator'] ??= [
        { ALT: () => this.SUBRULE(this.indicator) },
        { ALT: () => this.SUBRULE(this.scoreRule) },
        { ALT: () => this.SUBRULE(this.note) },
        { ALT: () => this.SUBRULE(this.naWhen) },
        { ALT: () => this.CONSUME(T.Semicolon) },
      ]);
    });
    this.CONSUME(T.RBrace);
  });

  private note = this.RULE('note', () => {
    this.CONSUME(K.Note);
    this.CONSUME(T.StringLiteral, { LABEL: 'text' });
  });

  private naWhen = this.RULE('naWhen', () => {
    this.CONSUME(K.Na);
    this.CONSUME(K.When);
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.OR(this.alternatives['naWhen'] ??= [
        { ALT: () => this.CONSUME(K.Full, { LABEL: 'full' }) },
        {
          ALT: () => {
            this.CONSUME(K.To);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.DeclName, { LABEL: 'target' }) });
          },
        },
      ]);
    });
  });

  private scoreRule = this.RULE('scoreRule', () => {
    this.CONSUME(K.Score);
    this.OR(this.alternatives['scoreRule'] ??= [
      {
        ALT: () => {
          this.CONSUME(K.Bands);
          this.SUBRULE(this.additive, { LABEL: 'subject' });
          this.CONSUME(T.LBrace);
          this.MANY(() => {
            this.SUBRULE(this.band);
            this.OPTION(() => this.OR1(this.alternatives['scoreRule.1'] ??= [{ ALT: () => this.CONSUME(T.Semicolon) }, { ALT: () => this.CONSUME(T.Comma) }]));
          });
          this.CONSUME(T.RBrace);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Ratio);
          this.OPTION2(() =>
            this.OR2(this.alternatives['scoreRule.2'] ??= [
              { ALT: () => this.CONSUME(K.Up, { LABEL: 'direction' }) },
              { ALT: () => this.CONSUME(K.Down, { LABEL: 'direction' }) },
              { ALT: () => this.CONSUME(K.Equal, { LABEL: 'direction' }) },
            ]),
          );
          this.SUBRULE1(this.additive, { LABEL: 'actual' });
          this.CONSUME(K.Target);
          this.SUBRULE2(this.additive, { LABEL: 'target' });
          this.OPTION3(() => {
            this.CONSUME(K.Using);
            this.OR3(this.alternatives['scoreRule.3'] ??= [
              { ALT: () => this.CONSUME(K.Quotient, { LABEL: 'formula' }) },
              { ALT: () => this.CONSUME(K.Linear, { LABEL: 'formula' }) },
            ]);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Deduct);
          this.SUBRULE3(this.additive, { LABEL: 'points' });
          this.CONSUME(K.Per);
          this.OPTION4(() => this.CONSUME(K.Whole, { LABEL: 'whole' }));
          this.SUBRULE4(this.additive, { LABEL: 'count' });
          this.OPTION5(() => {
            this.OR4(this.alternatives['scoreRule.4'] ??= [
              { ALT: () => this.CONSUME(K.Above, { LABEL: 'side' }) },
              { ALT: () => this.CONSUME(K.Below, { LABEL: 'side' }) },
            ]);
            this.SUBRULE6(this.additive, { LABEL: 'standard' });
            this.CONSUME(K.Of);
            this.SUBRULE7(this.additive, { LABEL: 'measure' });
          });
          this.OPTION1(() => {
            this.CONSUME(K.Max);
            this.SUBRULE5(this.additive, { LABEL: 'max' });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Manual);
          this.CONSUME(T.Name, { LABEL: 'input' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Checklist);
          this.CONSUME1(T.LBrace);
          this.MANY1(() => {
            this.SUBRULE(this.checkItem);
            this.OPTION6(() => this.OR5(this.alternatives['scoreRule.5'] ??= [{ ALT: () => this.CONSUME1(T.Semicolon) }, { ALT: () => this.CONSUME1(T.Comma) }]));
          });
          this.CONSUME1(T.RBrace);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Tiers);
          this.CONSUME1(T.Name, { LABEL: 'category' });
          this.CONSUME1(K.Manual);
          this.CONSUME2(T.Name, { LABEL: 'input' });
          this.CONSUME2(T.LBrace);
          this.MANY2(() => {
            this.SUBRULE(this.tier);
            this.OPTION7(() => this.OR6(this.alternatives['scoreRule.6'] ??= [{ ALT: () => this.CONSUME2(T.Semicolon) }, { ALT: () => this.CONSUME2(T.Comma) }]));
          });
          this.CONSUME2(T.RBrace);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.Likert);
          this.CONSUME3(T.LBrace);
          this.MANY3(() => {
            this.CONSUME3(T.Name, { LABEL: 'answer' });
            this.CONSUME(T.Colon);
            this.CONSUME(T.NumberLiteral, { LABEL: 'value' });
            this.OPTION8(() => this.OR7(this.alternatives['scoreRule.7'] ??= [{ ALT: () => this.CONSUME3(T.Semicolon) }, { ALT: () => this.CONSUME3(T.Comma) }]));
          });
          this.CONSUME3(T.RBrace);
          this.OPTION9(() => {
            this.CONSUME1(K.Target);
            this.SUBRULE8(this.additive, { LABEL: 'likertTarget' });
          });
        },
      },
      { ALT: () => this.SUBRULE(this.expression, { LABEL: 'formula' }) },
    ]);
    // after any rule: a manual deduction (`less 扣分`) and the rule's own rounding (`round 0`)
    this.MANY4(() => {
      this.OR8(this.alternatives['scoreRule.8'] ??= [
        {
          ALT: () => {
            this.CONSUME(K.Less);
            this.SUBRULE9(this.additive, { LABEL: 'less' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.Round);
            this.CONSUME1(T.NumberLiteral, { LABEL: 'round' });
          },
        },
      ]);
    });
  });

  /** A checklist element: `[gate] 条件: 40%`. */
  private checkItem = this.RULE('checkItem', () => {
    this.OPTION(() => this.CONSUME(K.Gate, { LABEL: 'gate' }));
    this.SUBRULE(this.orExpr, { LABEL: 'condition' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.award);
  });

  /** A tier of a tiered manual score: `达成: [80%, 100%]`. */
  private tier = this.RULE('tier', () => {
    this.CONSUME(T.Name, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.interval);
  });

  /** `[a, b)`, `(a, b]`…: explicit ends, `[`/`]` closed, `(`/`)` open. */
  private interval = this.RULE('interval', () => {
    this.OR(this.alternatives['interval'] ??= [
      { ALT: () => this.CONSUME(T.LBracket, { LABEL: 'open' }) },
      { ALT: () => this.CONSUME(T.LParen, { LABEL: 'open' }) },
    ]);
    this.SUBRULE(this.additive, { LABEL: 'lo' });
    this.CONSUME(T.Comma);
    this.SUBRULE1(this.additive, { LABEL: 'hi' });
    this.OR1(this.alternatives['interval.1'] ??= [
      { ALT: () => this.CONSUME(T.RBracket, { LABEL: 'close' }) },
      { ALT: () => this.CONSUME(T.RParen, { LABEL: 'close' }) },
    ]);
  });

  private award = this.RULE('award', () => {
    this.OR(this.alternatives['award'] ??= [
      { ALT: () => this.CONSUME(K.Full, { LABEL: 'full' }) },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Minus, { LABEL: 'minus' }));
          this.CONSUME(T.NumberLiteral, { LABEL: 'number' });
          this.OPTION1(() => this.CONSUME(T.Percent, { LABEL: 'percent' }));
        },
      },
    ]);
  });

  private bandCondition = this.RULE('bandCondition', () => {
    this.OR(this.alternatives['bandCondition'] ??= [
      { ALT: () => this.CONSUME(K.Else) },
      { ALT: () => this.CONSUME(K.Otherwise, { LABEL: 'Else' }) },
      { ALT: () => this.SUBRULE(this.interval) },
      {
        ALT: () => {
          this.OR1(this.alternatives['bandCondition.1'] ??= [
            { ALT: () => this.CONSUME(T.GreaterEq, { LABEL: 'op' }) },
            { ALT: () => this.CONSUME(T.Greater, { LABEL: 'op' }) },
            { ALT: () => this.CONSUME(T.LessEq, { LABEL: 'op' }) },
            { ALT: () => this.CONSUME(T.Less, { LABEL: 'op' }) },
            { ALT: () => this.CONSUME(T.EqEq, { LABEL: 'op' }) },
          ]);
          this.SUBRULE(this.additive, { LABEL: 'bound' });
        },
      },
    ]);
  });

  private band = this.RULE('band', () => {
    this.SUBRULE(this.bandCondition);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.award);
  });

  private grades = this.RULE('grades', () => {
    this.CONSUME(K.Grades);
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.gradeRule);
      this.OPTION(() => this.OR(this.alternatives['grades'] ??= [{ ALT: () => this.CONSUME(T.Semicolon) }, { ALT: () => this.CONSUME(T.Comma) }]));
    });
    this.CONSUME(T.RBrace);
  });

  private gradeRule = this.RULE('gradeRule', () => {
    this.CONSUME(T.Name, { LABEL: 'name' });
    this.OR(this.alternatives['gradeRule'] ??= [
      { ALT: () => this.CONSUME(K.Otherwise) },
      { ALT: () => this.CONSUME(K.Else, { LABEL: 'Otherwise' }) },
      {
        ALT: () => {
          this.OR1(this.alternatives['gradeRule.1'] ??= [
            { ALT: () => this.CONSUME(T.GreaterEq, { LABEL: 'op' }) },
            { ALT: () => this.CONSUME(T.Greater, { LABEL: 'op' }) },
          ]);
          this.CONSUME(T.NumberLiteral, { LABEL: 'threshold' });
        },
      },
    ]);
  });

  private outcomes = this.RULE('outcomes', () => {
    this.CONSUME(K.Outcomes);
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.outcome);
      this.OPTION(() => this.OR(this.alternatives['outcomes'] ??= [{ ALT: () => this.CONSUME(T.Semicolon) }, { ALT: () => this.CONSUME(T.Comma) }]));
    });
    this.CONSUME(T.RBrace);
  });

  private outcome = this.RULE('outcome', () => {
    this.CONSUME(T.Name, { LABEL: 'grade' });
    this.CONSUME(T.Colon);
    this.CONSUME(T.StringLiteral, { LABEL: 'text' });
    this.OPTION(() => {
      this.CONSUME(K.Adjust);
      this.OPTION1(() => this.OR1(this.alternatives['outcome.1'] ??= [
        { ALT: () => this.CONSUME(T.Minus, { LABEL: 'sign' }) },
        { ALT: () => this.CONSUME(T.Plus, { LABEL: 'sign' }) },
      ]));
      this.CONSUME(T.NumberLiteral, { LABEL: 'amount' });
      this.CONSUME(T.Percent);
    });
  });

  private alert = this.RULE('alert', () => {
    this.CONSUME(K.Alert);
    this.CONSUME(T.DeclName, { LABEL: 'name' });
    this.CONSUME(T.StringLiteral, { LABEL: 'message' });
    this.CONSUME(K.When);
    this.SUBRULE(this.expression);
  });

  private testBlock = this.RULE('testBlock', () => {
    this.CONSUME(K.Test);
    this.CONSUME(T.StringLiteral, { LABEL: 'name' });
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR(this.alternatives['testBlock'] ??= [
        { ALT: () => this.SUBRULE(this.givenBlock) },
        { ALT: () => this.SUBRULE(this.expectation) },
        { ALT: () => this.CONSUME(T.Semicolon) },
      ]);
    });
    this.CONSUME(T.RBrace);
  });

  private givenBlock = this.RULE('givenBlock', () => {
    this.CONSUME(K.Given);
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.givenEntry);
      this.OPTION(() => this.OR(this.alternatives['givenBlock'] ??= [{ ALT: () => this.CONSUME(T.Semicolon) }, { ALT: () => this.CONSUME(T.Comma) }]));
    });
    this.CONSUME(T.RBrace);
  });

  // inputs, alerts and indicators are declared with DeclName, so tests name them the same way
  // (`indicator 扣` is checked by `expect 扣 == 5`, though `扣` is reserved in expressions)
  private givenEntry = this.RULE('givenEntry', () => {
    this.CONSUME(T.DeclName, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.literal);
  });

  private expectation = this.RULE('expectation', () => {
    this.CONSUME(K.Expect);
    // `total`, `grade`… are read as themselves first; any other name is an indicator path
    this.OR(this.alternatives['expectation'] ??= { IGNORE_AMBIGUITIES: true, DEF: [
      { ALT: () => this.CONSUME(K.Total, { LABEL: 'total' }) },
      { ALT: () => this.CONSUME(K.Grades, { LABEL: 'grade' }) },
      { ALT: () => this.CONSUME(K.Adjust, { LABEL: 'adjust' }) },
      { ALT: () => this.CONSUME(K.Light, { LABEL: 'light' }) },
      {
        ALT: () => {
          this.CONSUME(K.Alert, { LABEL: 'alert' });
          this.CONSUME(T.DeclName, { LABEL: 'alertName' });
        },
      },
      {
        ALT: () => {
          this.CONSUME1(T.DeclName, { LABEL: 'path' });
          this.MANY(() => {
            this.CONSUME(T.Dot);
            this.CONSUME2(T.DeclName, { LABEL: 'path' });
          });
        },
      },
    ] });
    this.OPTION(() => {
      this.OR2(this.alternatives['expectation.2'] ??= [
        { ALT: () => this.CONSUME(T.EqEq) },
        // `≈ 1.63`: equal when rounded (half-up) to the decimals written
        { ALT: () => this.CONSUME(T.Approx, { LABEL: 'approx' }) },
      ]);
      this.OR1(this.alternatives['expectation.1'] ??= [
        { ALT: () => this.CONSUME(K.Na, { LABEL: 'na' }) },
        { ALT: () => this.SUBRULE(this.literal) },
      ]);
    });
  });

  private literal = this.RULE('literal', () => {
    this.OR(this.alternatives['literal'] ??= [
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Minus, { LABEL: 'minus' }));
          this.CONSUME(T.NumberLiteral, { LABEL: 'number' });
          this.OPTION1(() => this.OR1(this.alternatives['literal.1'] ??= [
            { ALT: () => this.CONSUME(T.Percent, { LABEL: 'suffix' }) },
            { ALT: () => this.CONSUME(K.Yuan, { LABEL: 'suffix' }) },
            { ALT: () => this.CONSUME(K.Wanyuan, { LABEL: 'suffix' }) },
          ]));
        },
      },
      { ALT: () => this.CONSUME(K.True, { LABEL: 'bool' }) },
      { ALT: () => this.CONSUME(K.False, { LABEL: 'bool' }) },
      { ALT: () => this.CONSUME(T.Name, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'string' }) },
    ]);
  });

  // Expressions, loosest binding first.
  public expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpr, { LABEL: 'test' });
    this.OPTION(() => {
      this.CONSUME(T.Question);
      this.SUBRULE(this.expression, { LABEL: 'then' });
      this.CONSUME(T.Colon);
      this.SUBRULE1(this.expression, { LABEL: 'else' });
    });
  });

  private orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(K.Or, { LABEL: 'op' });
      this.SUBRULE1(this.andExpr, { LABEL: 'operand' });
    });
  });

  private andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(K.And, { LABEL: 'op' });
      this.SUBRULE1(this.notExpr, { LABEL: 'operand' });
    });
  });

  private notExpr = this.RULE('notExpr', () => {
    this.OR(this.alternatives['notExpr'] ??= [
      {
        ALT: () => {
          this.CONSUME(K.Not, { LABEL: 'not' });
          this.SUBRULE(this.notExpr, { LABEL: 'operand' });
        },
      },
      { ALT: () => this.SUBRULE(this.comparison, { LABEL: 'operand' }) },
    ]);
  });

  private comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive, { LABEL: 'operand' });
    this.OPTION(() => {
      this.OR(this.alternatives['comparison'] ??= [
        { ALT: () => this.CONSUME(T.GreaterEq, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.Greater, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.LessEq, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.Less, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.EqEq, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.NotEq, { LABEL: 'op' }) },
      ]);
      this.SUBRULE1(this.additive, { LABEL: 'operand' });
    });
  });

  public additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR(this.alternatives['additive'] ??= [
        { ALT: () => this.CONSUME(T.Plus, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.Minus, { LABEL: 'op' }) },
      ]);
      this.SUBRULE1(this.multiplicative, { LABEL: 'operand' });
    });
  });

  private multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR(this.alternatives['multiplicative'] ??= [
        { ALT: () => this.CONSUME(T.Star, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.Slash, { LABEL: 'op' }) },
      ]);
      this.SUBRULE1(this.unary, { LABEL: 'operand' });
    });
  });

  private unary = this.RULE('unary', () => {
    this.OR(this.alternatives['unary'] ??= [
      {
        ALT: () => {
          this.CONSUME(T.Minus, { LABEL: 'minus' });
          this.SUBRULE(this.unary, { LABEL: 'operand' });
        },
      },
      { ALT: () => this.SUBRULE(this.primary, { LABEL: 'operand' }) },
    ]);
  });

  private primary = this.RULE('primary', () => {
    this.OR(this.alternatives['primary'] ??= [
      {
        ALT: () => {
          this.CONSUME(T.NumberLiteral, { LABEL: 'number' });
          this.OPTION(() => this.OR1(this.alternatives['primary.1'] ??= [
            { ALT: () => this.CONSUME(T.Percent, { LABEL: 'suffix' }) },
            { ALT: () => this.CONSUME(K.Yuan, { LABEL: 'suffix' }) },
            { ALT: () => this.CONSUME(K.Wanyuan, { LABEL: 'suffix' }) },
          ]));
        },
      },
      { ALT: () => this.CONSUME(K.True, { LABEL: 'bool' }) },
      { ALT: () => this.CONSUME(K.False, { LABEL: 'bool' }) },
      { ALT: () => this.CONSUME(K.Full, { LABEL: 'full' }) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression, { LABEL: 'inner' });
          this.CONSUME(T.RParen);
        },
      },
      {
        // a statement keyword opening a line starts a statement, not a name: `let x = a +` ⏎ `grades {`
        GATE: () => this.nameCanStartHere(),
        ALT: () => {
          // a name, or a keyword standing as one (`max(…)`, `round(…)`, an input called 目标值)
          this.CONSUME(T.Name, { LABEL: 'name' });
          this.OPTION2(() => {
            this.CONSUME1(T.LParen, { LABEL: 'call' });
            this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE1(this.expression, { LABEL: 'arg' }) });
            this.CONSUME1(T.RParen);
          });
        },
      },
    ]);
  });
}

/** Keywords that open a statement or a clause: on a new line they are never a name. */
const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set([
  'Ruleset', 'Title', 'District', 'Kind', 'Total', 'Round', 'Input', 'Let', 'Indicator', 'Grades', 'Outcomes',
  'Alert', 'Test', 'Cap', 'Penalty', 'Bonus', 'Light', 'Floor', 'Score', 'Note', 'Given', 'Expect',
]);

/** The one parser instance; chevrotain parsers are reused by resetting their input. */
export const parser = new JixiaoParser();
