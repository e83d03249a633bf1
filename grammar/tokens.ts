// Tokens of the language, built from the keyword table. Full-width IME punctuation is part of
// each punctuation token's pattern, so `：` and `:` are the same token to the parser.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { KEYWORDS, type KeywordName } from './keywords.js';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern matching any of the given literal spellings, longest first. */
function anyOf(spellings: readonly string[]): RegExp {
  const sorted = [...spellings].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(escapeRegex).join('|'));
}

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\u3000\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
});
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /\/\/[^\n\r]*/,
  group: 'comments',
});
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//,
  group: 'comments',
  line_breaks: true,
});

/** Identifiers may be Chinese: any letter, then letters, digits or underscores. */
/**
 * Any name: an identifier, or a keyword used where only a name can stand (an input called
 * 目标值 or 类别). Keywords that could also begin an expression or pick a scoring form stay
 * reserved (see HARD_KEYWORDS).
 */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA, label: 'a name' });

/** A name being declared (an indicator, input, grade…): any keyword will do, as nothing else can stand there. */
export const DeclName = createToken({ name: 'DeclName', pattern: Lexer.NA, label: 'a name' });

/** Keywords that can never be names in expressions: each can begin an expression or choose between forms. */
export const HARD_KEYWORDS: ReadonlySet<string> = new Set([
  'True', 'False', 'Full', 'Not', 'And', 'Or', 'Na',
  'Bands', 'Ratio', 'Deduct', 'Manual', 'Checklist', 'Tiers', 'Likert',
  'Up', 'Down', 'Equal', 'Whole', 'Gate',
]);

// chevrotain rebuilds RegExp patterns without the `u` flag, so \p{…} needs a custom matcher.
const identifierRe = /[\p{L}_][\p{L}\p{N}_]*/uy;

/**
 * Every UTF-16 unit that can begin an identifier: the letters of the basic plane, `_`, and the
 * high surrogates (a letter beyond the basic plane begins with one). Given as the custom
 * pattern's start characters, it lets the lexer try at each offset only the tokens that can
 * start with its character, instead of every token.
 */
function identifierStartChars(): number[] {
  const starts: number[] = [];
  const first = /^[\p{L}_]/u;
  for (let c = 0; c < 0x10000; c++) {
    if ((c >= 0xd800 && c <= 0xdbff) || first.test(String.fromCharCode(c))) starts.push(c);
  }
  return starts;
}

/** The one match the lexer reads (`[0]`) before the next call: reused, as `test` is cheaper than `exec`. */
const matched: [string] = [''];

export const Identifier = createToken({
  name: 'Identifier',
  pattern: {
    exec(text: string, offset: number): [string] | null {
      identifierRe.lastIndex = offset;
      if (!identifierRe.test(text)) return null;
      matched[0] = text.slice(offset, identifierRe.lastIndex);
      return matched;
    },
  },
  start_chars_hint: identifierStartChars(),
  line_breaks: false,
  label: 'a name',
  categories: [Name, DeclName],
});

// Straight and curly (IME) quotes; the curly form nests no escapes.
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\n\r]|\\.)*"|“[^”\n\r]*”|「[^」\n\r]*」/,
  label: 'a string',
});
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /\d+(?:\.\d+)?/,
  label: 'a number',
});

function punct(name: string, label: string, pattern: RegExp): TokenType {
  return createToken({ name, pattern, label: `\`${label}\`` });
}

export const GreaterEq = punct('GreaterEq', '>=', />=|≥|＞＝/);
export const LessEq = punct('LessEq', '<=', /<=|≤|＜＝/);
export const NotEq = punct('NotEq', '!=', /!=|≠|！＝/);
export const EqEq = punct('EqEq', '==', /==|＝＝/);
export const Greater = punct('Greater', '>', />|＞/);
export const Less = punct('Less', '<', /<|＜/);
export const Approx = punct('Approx', '≈', /≈|~=|～＝/);
export const Equals = punct('Equals', '=', /=|＝/);
export const Plus = punct('Plus', '+', /\+|＋/);
export const Minus = punct('Minus', '-', /-|－/);
export const Star = punct('Star', '*', /\*|＊|×/);
export const Slash = punct('Slash', '/', /\/|／|÷/);
export const Percent = punct('Percent', '%', /%|％/);
export const Question = punct('Question', '?', /\?|？/);
export const Colon = punct('Colon', ':', /:|：/);
export const Semicolon = punct('Semicolon', ';', /;|；/);
export const Comma = punct('Comma', ',', /,|，|、/);
export const Dot = punct('Dot', '.', /\.|。/);
export const LParen = punct('LParen', '(', /\(|（/);
export const RParen = punct('RParen', ')', /\)|）/);
export const LBrace = punct('LBrace', '{', /\{|｛/);
export const RBrace = punct('RBrace', '}', /\}|｝/);
export const LBracket = punct('LBracket', '[', /\[|【/);
export const RBracket = punct('RBracket', ']', /\]|】/);

function keywordToken(name: string, spellings: readonly string[]): TokenType {
  return createToken({
    name,
    pattern: anyOf(spellings),
    longer_alt: Identifier,
    label: `\`${spellings[0]}\``,
    categories: HARD_KEYWORDS.has(name) ? [DeclName] : [Name, DeclName],
  });
}

/** Keyword tokens by name. */
export const Keyword = Object.fromEntries(
  KEYWORDS.map((k) => [k.name, keywordToken(k.name, k.spellings)]),
) as Record<KeywordName, TokenType>;

// A keyword whose spelling is a prefix of another keyword's spelling must come after it
// (`是否` before `是`), so keywords are tried longest spelling first.
const keywordTokens: TokenType[] = KEYWORDS.map((k) => ({
  token: Keyword[k.name],
  longest: Math.max(...k.spellings.map((s) => s.length)),
}))
  .sort((a, b) => b.longest - a.longest)
  .map((k) => k.token);

/** All tokens in match order: comments before `/`, two-character operators before one. */
export const allTokens: TokenType[] = [
  Name,
  DeclName,
  WhiteSpace,
  BlockComment,
  LineComment,
  StringLiteral,
  NumberLiteral,
  ...keywordTokens,
  Identifier,
  GreaterEq,
  LessEq,
  NotEq,
  EqEq,
  Approx,
  Greater,
  Less,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Question,
  Colon,
  Semicolon,
  Comma,
  Dot,
  LParen,
  RParen,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
];

export const lexerDefinition = allTokens;
