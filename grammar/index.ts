// parse(source) → { ast, diagnostics }: lexing, parsing with recovery, and CST → AST.
import { Lexer, type IRecognitionException } from 'chevrotain';
import type { Ruleset, Span } from '../src/ast/nodes.js';
import { diagnostic, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { buildRuleset, tokenSpan } from './ast-builder.js';
import { parser } from './parser.js';
import { allTokens } from './tokens.js';

export { KEYWORDS, FUNCTIONS, FULL_WIDTH } from './keywords.js';
export { indicatorExtras } from './ast-builder.js';

const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });

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
  const lines = text.split('\n');
  return pointSpan(text, text.length, lines.length, (lines[lines.length - 1]?.length ?? 0) + 1, 0);
}

export function parse(text: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const lexed = lexer.tokenize(text);
  for (const e of lexed.errors) {
    const ch = text.slice(e.offset, e.offset + e.length);
    const shown = ch.length > 12 ? `${ch.slice(0, 12)}…` : ch;
    diagnostics.push(
      diagnostic('syntax-invalid-character', pointSpan(text, e.offset, e.line ?? 1, e.column ?? 1, e.length), {
        zh: `无法识别的字符“${shown}”`,
        en: `unexpected character \`${shown}\``,
      }),
    );
  }
  parser.input = lexed.tokens;
  const cst = parser.ruleset();
  for (const e of parser.errors) {
    const [zh, en] = e.message.split('\u0000');
    diagnostics.push(diagnostic('syntax-unexpected-token', errorSpan(text, e), { zh: zh ?? e.message, en: en ?? e.message }));
  }
  const ast = cst ? buildRuleset(cst) : undefined;
  return { ast, diagnostics };
}
