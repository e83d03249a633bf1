// parse(source) → { ast, diagnostics }: lexing, parsing with recovery, and CST → AST.
import { Lexer, type IParserErrorMessageProvider, type IRecognitionException, type IToken } from 'chevrotain';
import type { Indicator, Ruleset, Span } from '../src/ast/nodes.js';
import { diagnostic, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import * as L from '../src/limits.js';
import { buildRuleset, tokenSpan } from './ast-builder.js';
import { parser } from './parser.js';
import { allTokens, LBrace, LBracket, LParen, RBrace, RBracket, RParen } from './tokens.js';

export { KEYWORDS, FUNCTIONS, FULL_WIDTH } from './keywords.js';
export { indicatorExtras } from './ast-builder.js';

// ensureOptimizations: a token the lexer cannot index by first character (a custom pattern without
// start_chars_hint) would make it try every pattern at every offset; it fails here instead.
const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: true });

export interface ParseResult {
  readonly ast: Ruleset | undefined;
  readonly diagnostics: Diagnostic[];
}

function pointSpan(text: string, offset: number, line: number, col: number, length = 1): Span {
  const end = Math.min(text.length, offset + length);
  return { start: offset, end, line, col, endLine: line, endCol: col + Math.max(0, end - offset - 1) };
}

/** The span of a recognition error: its token, or just after the previous token at end of input. */
function errorSpan(text: string, e: IRecognitionException): Span {
  const t = e.token;
  if (t && !Number.isNaN(t.startOffset) && t.tokenType.name !== 'EOF') return tokenSpan(t);
  const prev = (e as { previousToken?: typeof t }).previousToken;
  if (prev && !Number.isNaN(prev.startOffset) && prev.endOffset !== undefined) {
    return pointSpan(text, prev.endOffset + 1, prev.endLine ?? 1, (prev.endColumn ?? 0) + 1, 0);
  }
  const lines = text.split(/\r\n?|\n/); // as the lexer counts lines
  return pointSpan(text, text.length, lines.length, (lines[lines.length - 1]?.length ?? 0) + 1, 0);
}

/** Error recovery rescans the rest of the file per error, so a file of errors is stopped after a budget of messages. */
class TooManyErrors extends Error {}
let errorBudget = 0;
const host = parser as unknown as { errorMessageProvider: IParserErrorMessageProvider };
const messages = host.errorMessageProvider;
const counted = <A>(build: (options: A) => string) => (options: A): string => {
  if (--errorBudget < 0) throw new TooManyErrors();
  return build.call(messages, options);
};
host.errorMessageProvider = {
  buildMismatchTokenMessage: counted(messages.buildMismatchTokenMessage),
  buildNotAllInputParsedMessage: counted(messages.buildNotAllInputParsedMessage),
  buildNoViableAltMessage: counted(messages.buildNoViableAltMessage),
  buildEarlyExitMessage: counted(messages.buildEarlyExitMessage),
};

/** Appended before lexing so that an unclosed block comment ends at the end of the file in one match,
 * instead of being retried, to the end of the file, at every later `/*`. */
const SENTINEL = '\n*/';

const MB = 1024 * 1024;

/** A file too big or with a line too long is refused before lexing. */
function refuseSource(text: string): Diagnostic | undefined {
  if (L.utf8Exceeds(text, L.MAX_SOURCE_BYTES)) {
    const limit = L.MAX_SOURCE_BYTES % MB === 0 ? `${L.MAX_SOURCE_BYTES / MB} MB` : `${L.MAX_SOURCE_BYTES / 1024} KB`;
    return diagnostic('limit-file-size', pointSpan(text, 0, 1, 1, 0), {
      zh: `规则集文件超过 ${limit} 的上限，未分析`,
      en: `the ruleset is larger than the limit of ${limit}; it was not read`,
    });
  }
  const long = L.firstLongLine(text);
  if (long) {
    return diagnostic('limit-line-length', pointSpan(text, long.start + L.MAX_LINE_LENGTH, long.line, L.MAX_LINE_LENGTH + 1, 0), {
      zh: `第 ${long.line} 行有 ${long.length} 个字符，超过每行 ${L.MAX_LINE_LENGTH} 个字符的上限；请换行`,
      en: `line ${long.line} has ${long.length} characters, more than the limit of ${L.MAX_LINE_LENGTH}; break it`,
    });
  }
  return undefined;
}

function tooManyErrors(span: Span): Diagnostic {
  return diagnostic('limit-syntax-errors', span, {
    zh: `语法错误超过 ${L.MAX_SYNTAX_ERRORS} 个，已停止分析；请先改正前面的错误`,
    en: `more than ${L.MAX_SYNTAX_ERRORS} syntax errors, so parsing stopped; fix the first ones`,
  });
}

function nestingDiagnostic(span: Span, what: { zh: string; en: string }): Diagnostic {
  return diagnostic('limit-nesting', span, {
    zh: `${what.zh}嵌套超过 ${what === BRACKETS ? L.MAX_NESTING_DEPTH : L.MAX_EXPRESSION_DEPTH} 层的上限，未分析`,
    en: `${what.en} nested more than ${what === BRACKETS ? L.MAX_NESTING_DEPTH : L.MAX_EXPRESSION_DEPTH} deep, the limit; not analysed`,
  });
}
const BRACKETS = { zh: '括号', en: 'brackets' };
const TREE = { zh: '表达式或指标', en: 'expressions or indicators' };
const LETS = { zh: '计算项（let）之间的引用连同表达式', en: 'lets referring to lets, with their expressions,' };

/** +1 for each opening bracket, -1 for each closing one, 0 for any other token. */
function bracketSteps(tokens: readonly IToken[]): Int8Array {
  const steps = new Int8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.tokenType;
    steps[i] = t === LParen || t === LBrace || t === LBracket ? 1 : t === RParen || t === RBrace || t === RBracket ? -1 : 0;
  }
  return steps;
}

function countIndicators(roots: readonly Indicator[]): number {
  let n = 0;
  const stack = [...roots];
  for (let ind = stack.pop(); ind; ind = stack.pop()) {
    n++;
    stack.push(...ind.children);
  }
  return n;
}

export function parse(text: string): ParseResult {
  const refused = refuseSource(text);
  if (refused) return { ast: undefined, diagnostics: [refused] };
  const diagnostics: Diagnostic[] = [];
  const lexed = lexer.tokenize(text + SENTINEL);
  for (const e of lexed.errors) {
    if (e.offset >= text.length) continue;
    const ch = text.slice(e.offset, e.offset + e.length);
    const shown = ch.length > 12 ? `${ch.slice(0, 12)}…` : ch;
    diagnostics.push(
      diagnostic('syntax-invalid-character', pointSpan(text, e.offset, e.line ?? 1, e.column ?? 1, e.length), {
        zh: `无法识别的字符“${shown}”`,
        en: `unexpected character \`${shown}\``,
      }),
    );
  }
  // a binary or wrongly encoded file is thousands of bad characters: the first ones say enough
  if (diagnostics.length > L.MAX_SYNTAX_ERRORS) {
    const first = diagnostics.slice(0, L.MAX_SYNTAX_ERRORS);
    return { ast: undefined, diagnostics: [...first, tooManyErrors(first[first.length - 1]!.span)] };
  }
  const unclosed = Object.values(lexed.groups).flat().find((t) => (t.endOffset ?? 0) >= text.length);
  if (unclosed) {
    diagnostics.push(
      diagnostic('syntax-invalid-character', pointSpan(text, unclosed.startOffset, unclosed.startLine ?? 1, unclosed.startColumn ?? 1, 2), {
        zh: '块注释“/*”没有对应的“*/”，其后的内容都被当作注释',
        en: 'the block comment `/*` is never closed with `*/`; everything after it is a comment',
      }),
    );
  }
  // only the sentinel's own tokens start past the text, and they come last
  const tokens: IToken[] = lexed.tokens;
  while (tokens.length > 0 && tokens[tokens.length - 1]!.startOffset >= text.length) tokens.pop();
  const deep = L.firstTooDeep(bracketSteps(tokens));
  if (deep >= 0) return { ast: undefined, diagnostics: [...diagnostics, nestingDiagnostic(tokenSpan(tokens[deep]!), BRACKETS)] };
  parser.input = tokens;
  errorBudget = L.MAX_SYNTAX_ERRORS - diagnostics.length;
  let cst;
  let stopped: Diagnostic | undefined;
  try {
    cst = parser.ruleset();
  } catch (e) {
    if (e instanceof RangeError) {
      // a long run of `not`, `-` or `? :` nests without brackets
      const at = tokens[(parser as unknown as { exportLexerState(): number }).exportLexerState()];
      stopped = nestingDiagnostic(at ? tokenSpan(at) : pointSpan(text, 0, 1, 1, 0), TREE);
    } else if (e instanceof TooManyErrors) {
      const last = parser.errors[parser.errors.length - 1];
      stopped = tooManyErrors(last ? errorSpan(text, last) : (diagnostics[diagnostics.length - 1]?.span ?? pointSpan(text, 0, 1, 1, 0)));
    } else throw e;
  }
  // after a stack overflow the parser's errors are an artefact of where it stopped
  const errors = stopped?.code === 'limit-nesting' ? [] : parser.errors;
  for (const e of errors) {
    const [zh, en] = e.message.split('\u0000');
    diagnostics.push(diagnostic('syntax-unexpected-token', errorSpan(text, e), { zh: zh ?? e.message, en: en ?? e.message }));
  }
  if (stopped || !cst) return { ast: undefined, diagnostics: stopped ? [...diagnostics, stopped] : diagnostics };
  let ast: Ruleset | undefined;
  try {
    ast = buildRuleset(cst);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { ast: undefined, diagnostics: [...diagnostics, nestingDiagnostic(pointSpan(text, 0, 1, 1, 0), TREE)] };
  }
  if (!ast) return { ast, diagnostics };
  const tooDeep = L.nodeTooDeep(ast);
  if (tooDeep) return { ast: undefined, diagnostics: [...diagnostics, nestingDiagnostic(tooDeep.span, TREE)] };
  const deepLet = L.letTooDeep(ast.lets);
  if (deepLet >= 0) return { ast: undefined, diagnostics: [...diagnostics, nestingDiagnostic(ast.lets[deepLet]!.name.span, LETS)] };
  const indicators = countIndicators(ast.indicators);
  if (indicators > L.MAX_INDICATORS) {
    const limit = diagnostic('limit-indicators', ast.name.span, {
      zh: `规则集有 ${indicators} 个指标，超过 ${L.MAX_INDICATORS} 个的上限`,
      en: `the ruleset has ${indicators} indicators, more than the limit of ${L.MAX_INDICATORS}`,
    });
    return { ast: undefined, diagnostics: [...diagnostics, limit] };
  }
  return { ast, diagnostics };
}
