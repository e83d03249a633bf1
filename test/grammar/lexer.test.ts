import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';
import { FULL_WIDTH, KEYWORDS } from '../../grammar/keywords.js';
import { allTokens } from '../../grammar/tokens.js';

const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });

/** Token names and images, comments and whitespace left out. */
function lex(text: string): string[] {
  const r = lexer.tokenize(text);
  expect(r.errors, `lexing ${JSON.stringify(text)}`).toEqual([]);
  return r.tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

function kinds(text: string): string[] {
  return lex(text).map((t) => t.slice(0, t.indexOf(':')));
}

describe('keywords', () => {
  const spellings = KEYWORDS.flatMap((k) => k.spellings.map((s) => [k.name, s] as const));

  it('has an English and a Chinese spelling for every keyword but score (分数 shares `score`)', () => {
    for (const k of KEYWORDS) {
      const ascii = k.spellings.filter((s) => /^[a-z]+$/.test(s));
      const chinese = k.spellings.filter((s) => /^\p{Script=Han}+$/u.test(s));
      if (k.name === 'ScoreType') expect(k.spellings).toEqual(['分数']);
      else if (k.role === 'unit') expect(chinese.length).toBeGreaterThan(0);
      else {
        expect(ascii.length, k.name).toBeGreaterThan(0);
        expect(chinese.length, k.name).toBeGreaterThan(0);
        expect(k.spellings[0], `${k.name}: English first`).toBe(ascii[0]);
      }
    }
  });

  it('gives every spelling to one keyword only', () => {
    const owner = new Map<string, string>();
    for (const [name, s] of spellings) {
      expect(owner.get(s), `${s} is spelled by ${owner.get(s)} and ${name}`).toBeUndefined();
      owner.set(s, name);
    }
  });

  it.each(spellings)('%s: `%s` lexes as the keyword', (name, spelling) => {
    expect(lex(spelling)).toEqual([`${name}:${spelling}`]);
    // and between other tokens, with spaces as the language requires
    expect(kinds(`x ${spelling} 1`)).toEqual(['Identifier', name, 'NumberLiteral']);
  });

  it('lexes the English and Chinese forms of a whole line to the same token kinds', () => {
    const en = 'indicator 履职效能 weight 20 { score bands 执行率 { >= 95%: full; else: 0 } na when not 制度健全 }';
    const zh = '指标 履职效能 分值 20 { 得分 分档 执行率 { >= 95%: 满分; 其余: 0 } 不适用 当 非 制度健全 }';
    expect(kinds(zh)).toEqual(kinds(en));
    expect(kinds(en)).toEqual([
      'Indicator', 'Identifier', 'Weight', 'NumberLiteral', 'LBrace',
      'Score', 'Bands', 'Identifier', 'LBrace', 'GreaterEq', 'NumberLiteral', 'Percent', 'Colon', 'Full', 'Semicolon',
      'Else', 'Colon', 'NumberLiteral', 'RBrace', 'Na', 'When', 'Not', 'Identifier', 'RBrace',
    ]);
  });

  it('prefers the longer of two keywords sharing a prefix: 是否 is bool, 是 is true', () => {
    expect(lex('是否')).toEqual(['BoolType:是否']);
    expect(lex('是')).toEqual(['True:是']);
    expect(lex('万元')).toEqual(['Wanyuan:万元']);
    expect(lex('元')).toEqual(['Yuan:元']);
  });
});

describe('identifiers', () => {
  it.each([
    ['是否完成'],
    ['目标值率'],
    ['指标体系'],
    ['满分率'],
    ['分档数'],
    ['比例尺'],
    ['扣分'],
    ['每年'],
    ['当年预算'],
    ['其他收入'],
    ['其余资金'],
    ['非税收入'],
    ['或然'],
    ['元旦'],
    ['万元户'],
    ['测试组'],
    ['输入值'],
    ['总分值'],
    ['maximum'],
    ['totalCost'],
    ['round2'],
    ['score_a'],
    ['not_done'],
    ['indicators'],
  ])('`%s` starts with a keyword spelling but stays one identifier', (name) => {
    expect(lex(name)).toEqual([`Identifier:${name}`]);
  });

  it('accepts Chinese, Latin, digits after the first letter, and underscores', () => {
    expect(lex('预算执行率 _x a1 年度2021 资金_拨付')).toEqual([
      'Identifier:预算执行率',
      'Identifier:_x',
      'Identifier:a1',
      'Identifier:年度2021',
      'Identifier:资金_拨付',
    ]);
  });

  it('needs a space after a Chinese keyword: 分值20 is one name', () => {
    expect(lex('分值20')).toEqual(['Identifier:分值20']);
    expect(lex('分值 20')).toEqual(['Weight:分值', 'NumberLiteral:20']);
  });

  it('splits a name from full-width punctuation with no space', () => {
    expect(lex('满意度：百分比')).toEqual(['Identifier:满意度', 'Colon:：', 'PercentType:百分比']);
  });
});

describe('numbers and units', () => {
  it('lexes integers and decimals, then a % or money suffix as its own token', () => {
    expect(lex('95 8.5 0.875')).toEqual(['NumberLiteral:95', 'NumberLiteral:8.5', 'NumberLiteral:0.875']);
    expect(lex('95%')).toEqual(['NumberLiteral:95', 'Percent:%']);
    expect(lex('500万元')).toEqual(['NumberLiteral:500', 'Wanyuan:万元']);
    expect(lex('1256730元')).toEqual(['NumberLiteral:1256730', 'Yuan:元']);
  });

  it('does not read 1.2.3 as one number', () => {
    expect(kinds('1.2.3')).toEqual(['NumberLiteral', 'Dot', 'NumberLiteral']);
  });
});

describe('full-width punctuation', () => {
  const pairs = Object.entries(FULL_WIDTH);

  it('covers the IME punctuation of the design: ：，；（）％≥≤', () => {
    for (const ch of '：，；（）％≥≤') expect(FULL_WIDTH[ch], ch).toBeDefined();
  });

  it.each(pairs)('`%s` lexes as the token of `%s`', (wide, ascii) => {
    const [w] = lexer.tokenize(wide).tokens;
    const [a] = lexer.tokenize(ascii).tokens;
    expect(lexer.tokenize(wide).errors).toEqual([]);
    expect(w?.tokenType.name).toBe(a!.tokenType.name);
    expect(w?.image).toBe(wide);
  });

  it('lexes a line typed with a Chinese IME like its ASCII twin', () => {
    const ime = '得分 分档 执行率 ｛ ≥ 95％：满分；＞ 90％：80％；≤ 10％：0，其余：4.5 ｝';
    const ascii = '得分 分档 执行率 { >= 95%: 满分; > 90%: 80%; <= 10%: 0, 其余: 4.5 }';
    expect(kinds(ime)).toEqual(kinds(ascii));
  });

  it('lexes ＞＝ ＜＝ ！＝ ＝＝ as the two-character operators', () => {
    expect(kinds('＞＝ ＜＝ ！＝ ＝＝ ≠')).toEqual(['GreaterEq', 'LessEq', 'NotEq', 'EqEq', 'NotEq']);
  });

  it('takes × ÷ 、 as * / ,', () => {
    expect(kinds('a × b ÷ c、d')).toEqual(['Identifier', 'Star', 'Identifier', 'Slash', 'Identifier', 'Comma', 'Identifier']);
  });

  it('takes 【】 and ［］-free brackets as [ ]', () => {
    expect(kinds('【 】 [ ]')).toEqual(['LBracket', 'RBracket', 'LBracket', 'RBracket']);
  });
});

describe('strings', () => {
  it('lexes straight, curly and corner quotes', () => {
    expect(lex('"执行率≥95%得满分" “扣减不高于10%的预算资金额度” 「取消资金安排」')).toEqual([
      'StringLiteral:"执行率≥95%得满分"',
      'StringLiteral:“扣减不高于10%的预算资金额度”',
      'StringLiteral:「取消资金安排」',
    ]);
  });

  it('allows escaped quotes in straight strings and straight quotes inside curly ones', () => {
    expect(lex('"a\\"b"')).toEqual(['StringLiteral:"a\\"b"']);
    expect(lex('“他说"好"”')).toEqual(['StringLiteral:“他说"好"”']);
  });

  it('keeps keywords and punctuation inside a string', () => {
    expect(lex('"indicator 指标 ；：// not a comment"')).toHaveLength(1);
  });

  it('does not let a string run past the end of its line', () => {
    const r = lexer.tokenize('"open\nx');
    expect(r.errors.length).toBeGreaterThan(0);
  });

  it('turns curly and straight quotes into the same note text', () => {
    const src = (q: string) => `ruleset a { indicator b weight 100 { score full note ${q} } }`;
    const curly = parse(src('“执行率≥95%得满分”')).ast!.indicators[0]!.note;
    const straight = parse(src('"执行率≥95%得满分"')).ast!.indicators[0]!.note;
    expect(curly).toBe('执行率≥95%得满分');
    expect(straight).toBe(curly);
  });
});

describe('comments and whitespace', () => {
  it('skips line and block comments, keeping positions right after them', () => {
    const r = lexer.tokenize('// 说明 indicator\n/* 多行\n 注释 */ total 100 // 尾注');
    expect(r.errors).toEqual([]);
    expect(r.tokens.map((t) => `${t.image}@${t.startLine}:${t.startColumn}`)).toEqual(['total@3:8', '100@3:14']);
    expect(r.groups['comments']!.map((t) => t.image)).toEqual(['// 说明 indicator', '/* 多行\n 注释 */', '// 尾注']);
  });

  it('skips the ideographic space, no-break space and a BOM', () => {
    expect(kinds('\ufefftotal\u3000100\u00a0round 2')).toEqual(['Total', 'NumberLiteral', 'Round', 'NumberLiteral']);
  });

  it('counts lines across CRLF', () => {
    const r = lexer.tokenize('total 100\r\nround 2');
    expect(r.tokens[2]!.startLine).toBe(2);
    expect(r.tokens[2]!.startColumn).toBe(1);
  });
});

describe('invalid characters', () => {
  it('reports each with its line and column, and keeps lexing', () => {
    const src = 'ruleset 示例 {\n  total 100 @\n  round # 2\n  title ¥\n}';
    const { diagnostics } = parse(src);
    const invalid = diagnostics.filter((d) => d.code === 'syntax-invalid-character');
    expect(invalid.map((d) => `${d.span.line}:${d.span.col} ${d.message.zh} | ${d.message.en}`)).toEqual([
      '2:13 无法识别的字符“@” | unexpected character `@`',
      '3:9 无法识别的字符“#” | unexpected character `#`',
      '4:9 无法识别的字符“¥” | unexpected character `¥`',
    ]);
    expect(invalid.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports a run of invalid characters once', () => {
    const { diagnostics } = parse('ruleset 示例 {\n  total 100 @@@\n}');
    const invalid = diagnostics.filter((d) => d.code === 'syntax-invalid-character');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.span).toMatchObject({ line: 2, col: 13, endCol: 15 });
    expect(invalid[0]!.message.en).toBe('unexpected character `@@@`');
  });

  it('counts a Chinese character as one column', () => {
    const { diagnostics } = parse('ruleset 示例 {\n  let 执行率 = 实际支出 $ 年初预算\n}');
    const d = diagnostics.find((x) => x.code === 'syntax-invalid-character')!;
    expect([d.span.line, d.span.col]).toEqual([2, 18]);
  });
});
